set terminal pngcairo size 1000,640 noenhanced font 'DejaVu Sans,10'
set output 'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/latency-percpu_cgroup_storage-hook.png'
set title "map type percpu_cgroup_storage: per-trigger latency percentiles, one thread, hook mode (a trigger: one operation)\n6.18.44-fc-v657 on vm"
set xlabel "cell ([N]: set N)"
set ylabel "latency per trigger (ns, log)"
set grid
set key below
set datafile separator ','
set logscale y
set style data histogram
set style histogram cluster gap 1
set style fill solid 0.8 border -1
set xtics rotate by 35 right
set bmargin 16
set lmargin 26
plot 'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/latency-percpu_cgroup_storage-hook.csv' using 2:xtic(1) title 'p50', '' using 3 title 'p90', '' using 4 title 'p99', '' using 5 title 'p99.9'
