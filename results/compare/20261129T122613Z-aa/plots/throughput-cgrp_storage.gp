set terminal pngcairo size 1000,640 noenhanced font 'DejaVu Sans,10'
set output '/tmp/rep/plots/throughput-cgrp_storage.png'
set title "map type cgrp_storage: throughput against producer threads (part 1 of 2)\n[1] 6.18.44-fc-v657\n[2] 6.18.44-fc-v657, run 20261129T120540Z-vm"
set xlabel "producer threads (CPUs)"
set ylabel "throughput, all threads (million operations/s, log)"
set grid
set key below
set datafile separator ','
set logscale y
set terminal pngcairo size 1000,804 noenhanced font 'DejaVu Sans,10'
set xtics ("1" 1, "2" 2)
set xlabel offset 0,-0.8
plot '/tmp/rep/plots/throughput-cgrp_storage.csv' index 0 using 1:2 with linespoints lw 1.5 lc rgb '#1f77b4' dt 1 pt 1 title "cgrp-byid-get/hook o100 shared [1]", \
     '/tmp/rep/plots/throughput-cgrp_storage.csv' index 1 using 1:2 with linespoints lw 1.5 lc rgb '#d62728' dt 1 pt 2 title "cgrp-byid-get/hook o1000 shared [1]", \
     '/tmp/rep/plots/throughput-cgrp_storage.csv' index 2 using 1:2 with linespoints lw 1.5 lc rgb '#2ca02c' dt 1 pt 3 title "cgrp-byid-get/hook o10000 shared [1]", \
     '/tmp/rep/plots/throughput-cgrp_storage.csv' index 3 using 1:2 with linespoints lw 1.5 lc rgb '#9467bd' dt 1 pt 4 title "cgrp-byid-get/loop o100 shared [1]", \
     '/tmp/rep/plots/throughput-cgrp_storage.csv' index 4 using 1:2 with linespoints lw 1.5 lc rgb '#9467bd' dt 2 pt 4 title "cgrp-byid-get/loop o100 shared [2]", \
     '/tmp/rep/plots/throughput-cgrp_storage.csv' index 5 using 1:2 with linespoints lw 1.5 lc rgb '#ff7f0e' dt 1 pt 5 title "cgrp-byid-get/loop o1000 shared [1]", \
     '/tmp/rep/plots/throughput-cgrp_storage.csv' index 6 using 1:2 with linespoints lw 1.5 lc rgb '#ff7f0e' dt 2 pt 5 title "cgrp-byid-get/loop o1000 shared [2]", \
     '/tmp/rep/plots/throughput-cgrp_storage.csv' index 7 using 1:2 with linespoints lw 1.5 lc rgb '#17becf' dt 1 pt 6 title "cgrp-byid-get/loop o10000 shared [1]", \
     '/tmp/rep/plots/throughput-cgrp_storage.csv' index 8 using 1:2 with linespoints lw 1.5 lc rgb '#17becf' dt 2 pt 6 title "cgrp-byid-get/loop o10000 shared [2]", \
     '/tmp/rep/plots/throughput-cgrp_storage.csv' index 9 using 1:2 with linespoints lw 1.5 lc rgb '#8c564b' dt 1 pt 7 title "cgrp-churn-storage/hook [1]", \
     '/tmp/rep/plots/throughput-cgrp_storage.csv' index 10 using 1:2 with linespoints lw 1.5 lc rgb '#e377c2' dt 1 pt 8 title "cgrp-get/hook shared [1]", \
     '/tmp/rep/plots/throughput-cgrp_storage.csv' index 11 using 1:2 with linespoints lw 1.5 lc rgb '#7f7f7f' dt 1 pt 9 title "cgrp-get/loop shared [1]", \
     '/tmp/rep/plots/throughput-cgrp_storage.csv' index 12 using 1:2 with linespoints lw 1.5 lc rgb '#7f7f7f' dt 2 pt 9 title "cgrp-get/loop shared [2]", \
     '/tmp/rep/plots/throughput-cgrp_storage.csv' index 13 using 1:2 with linespoints lw 1.5 lc rgb '#bcbd22' dt 1 pt 10 title "cgrp-get-maps/loop shared [1]", \
     '/tmp/rep/plots/throughput-cgrp_storage.csv' index 14 using 1:2 with linespoints lw 1.5 lc rgb '#bcbd22' dt 2 pt 10 title "cgrp-get-maps/loop shared [2]", \
     '/tmp/rep/plots/throughput-cgrp_storage.csv' index 15 using 1:2 with linespoints lw 1.5 lc rgb '#000080' dt 1 pt 11 title "cgrp-get-maps-interleaved/loop shared [1]", \
     '/tmp/rep/plots/throughput-cgrp_storage.csv' index 16 using 1:2 with linespoints lw 1.5 lc rgb '#000080' dt 2 pt 11 title "cgrp-get-maps-interleaved/loop shared [2]", \
     '/tmp/rep/plots/throughput-cgrp_storage.csv' index 17 using 1:2 with linespoints lw 1.5 lc rgb '#008000' dt 1 pt 12 title "cgrp-get-sockopt/hook shared [1]", \
     '/tmp/rep/plots/throughput-cgrp_storage.csv' index 18 using 1:2 with linespoints lw 1.5 lc rgb '#1f77b4' dt 1 pt 13 title "cgrp-get-sockopt/loop shared [1]", \
     '/tmp/rep/plots/throughput-cgrp_storage.csv' index 19 using 1:2 with linespoints lw 1.5 lc rgb '#1f77b4' dt 2 pt 13 title "cgrp-get-sockopt/loop shared [2]", \
     '/tmp/rep/plots/throughput-cgrp_storage.csv' index 20 using 1:2 with linespoints lw 1.5 lc rgb '#d62728' dt 1 pt 1 title "cgrp-get-values/loop shared [1]", \
     '/tmp/rep/plots/throughput-cgrp_storage.csv' index 21 using 1:2 with linespoints lw 1.5 lc rgb '#d62728' dt 2 pt 1 title "cgrp-get-values/loop shared [2]", \
     '/tmp/rep/plots/throughput-cgrp_storage.csv' index 22 using 1:2 with linespoints lw 1.5 lc rgb '#2ca02c' dt 1 pt 2 title "cgrp-miss/hook shared [1]", \
     '/tmp/rep/plots/throughput-cgrp_storage.csv' index 23 using 1:2 with linespoints lw 1.5 lc rgb '#9467bd' dt 1 pt 3 title "cgrp-miss/loop shared [1]"
