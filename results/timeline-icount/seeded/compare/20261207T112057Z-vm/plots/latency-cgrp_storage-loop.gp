set terminal pngcairo size 1000,640 noenhanced font 'DejaVu Sans,10'
set output '/work/exp/cd2/out/compare/20261207T112057Z-vm/plots/latency-cgrp_storage-loop.png'
set title "map type cgrp_storage: per-trigger latency percentiles, one thread, loop mode (a trigger: --loop-iters operations)\n[1] 6.19.14+deb13-amd64\n[2] 7.0.13+deb13-amd64"
set xlabel "cell ([N]: set N)"
set ylabel "latency per trigger of --loop-iters operations (log)"
set grid
set key below
set datafile separator ','
set ytics ("1 ns" 1, "2 ns" 2, "5 ns" 5, "10 ns" 10, "20 ns" 20, "50 ns" 50, "100 ns" 100, "200 ns" 200, "500 ns" 500, "1 µs" 1000, "2 µs" 2000, "5 µs" 5000, "10 µs" 10000, "20 µs" 20000, "50 µs" 50000, "100 µs" 100000, "200 µs" 200000, "500 µs" 500000, "1 ms" 1000000, "2 ms" 2000000, "5 ms" 5000000, "10 ms" 10000000, "20 ms" 20000000, "50 ms" 50000000, "100 ms" 100000000, "200 ms" 200000000, "500 ms" 500000000, "1 s" 1000000000, "2 s" 2000000000, "5 s" 5000000000, "10 s" 10000000000, "20 s" 20000000000, "50 s" 50000000000, "100 s" 100000000000, "200 s" 200000000000, "500 s" 500000000000)
set logscale y
set style data histogram
set style histogram cluster gap 1
set style fill solid 0.8 border -1
set xtics rotate by 35 right
set bmargin 15
set lmargin 26
plot '/work/exp/cd2/out/compare/20261207T112057Z-vm/plots/latency-cgrp_storage-loop.csv' using 2:xtic(1) title 'p50', '' using 3 title 'p90', '' using 4 title 'p99', '' using 5 title 'p99.9'
