set terminal pngcairo size 1000,640 noenhanced font 'DejaVu Sans,10'
set output 'results/compare/20261129T123449Z-vm/plots/latency-percpu_cgroup_storage-loop.png'
set title "map type percpu_cgroup_storage: per-trigger latency percentiles, one thread, loop mode (a trigger: --loop-iters operations)\n[1] 6.1.0-50-amd64 on vm (TCG: emulated)\n[2] 7.2.13+deb14-amd64 on vm (TCG: emulated)"
set xlabel "cell ([N]: set N)"
set ylabel "latency per trigger of --loop-iters operations (ns, log)"
set grid
set key below
set datafile separator ','
set logscale y
set style data histogram
set style histogram cluster gap 1
set style fill solid 0.8 border -1
set xtics rotate by 35 right
set bmargin 15
set lmargin 25
plot 'results/compare/20261129T123449Z-vm/plots/latency-percpu_cgroup_storage-loop.csv' using 2:xtic(1) title 'p50', '' using 3 title 'p90', '' using 4 title 'p99', '' using 5 title 'p99.9'
