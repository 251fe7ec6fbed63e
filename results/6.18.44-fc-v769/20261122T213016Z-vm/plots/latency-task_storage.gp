set terminal pngcairo size 1000,640 noenhanced font 'DejaVu Sans,10'
set output 'results/6.18.44-fc-v769/20261122T213016Z-vm/plots/latency-task_storage.png'
set title "map type task_storage: per-trigger latency percentiles, one thread\n6.18.44-fc-v769 on vm"
set xlabel "cell (loop mode: one trigger is --loop-iters operations)"
set ylabel "latency per trigger (ns, log)"
set grid
set key below
set datafile separator ','
set logscale y
set style data histogram
set style histogram cluster gap 1
set style fill solid 0.8 border -1
set xtics rotate by -35 left
set bmargin 9
plot 'results/6.18.44-fc-v769/20261122T213016Z-vm/plots/latency-task_storage.csv' using 2:xtic(1) title 'p50', '' using 3 title 'p90', '' using 4 title 'p99', '' using 5 title 'p99.9'
