set terminal pngcairo size 1000,640 noenhanced font 'DejaVu Sans,10'
set output 'results/compare/20261129T122613Z-aa/plots/throughput-cgrp_storage.png'
set title "map type cgrp_storage: throughput against producer threads (part 1 of 2)\n[1] 6.18.44-fc-v657 on vm\n[2] 6.18.44-fc-v657 on vm #2"
set xlabel "producer threads (CPUs)"
set ylabel "throughput, all threads (million operations/s, log)"
set grid
set key below
set datafile separator ','
set logscale y
set terminal pngcairo size 1000,804 noenhanced font 'DejaVu Sans,10'
set xtics ("1" 1, "2" 2)
set xlabel offset 0,-0.8
plot 'results/compare/20261129T122613Z-aa/plots/throughput-cgrp_storage.csv' index 0 using 1:2 with linespoints lw 1.5 lc 1 dt 1 pt 1 title "cgrp-byid-get/hook o100 shared [1]", \
     'results/compare/20261129T122613Z-aa/plots/throughput-cgrp_storage.csv' index 1 using 1:2 with linespoints lw 1.5 lc 2 dt 1 pt 2 title "cgrp-byid-get/hook o1000 shared [1]", \
     'results/compare/20261129T122613Z-aa/plots/throughput-cgrp_storage.csv' index 2 using 1:2 with linespoints lw 1.5 lc 3 dt 1 pt 3 title "cgrp-byid-get/hook o10000 shared [1]", \
     'results/compare/20261129T122613Z-aa/plots/throughput-cgrp_storage.csv' index 3 using 1:2 with linespoints lw 1.5 lc 4 dt 1 pt 4 title "cgrp-byid-get/loop o100 shared [1]", \
     'results/compare/20261129T122613Z-aa/plots/throughput-cgrp_storage.csv' index 4 using 1:2 with linespoints lw 1.5 lc 5 dt 1 pt 5 title "cgrp-byid-get/loop o100 shared [2]", \
     'results/compare/20261129T122613Z-aa/plots/throughput-cgrp_storage.csv' index 5 using 1:2 with linespoints lw 1.5 lc 6 dt 1 pt 6 title "cgrp-byid-get/loop o1000 shared [1]", \
     'results/compare/20261129T122613Z-aa/plots/throughput-cgrp_storage.csv' index 6 using 1:2 with linespoints lw 1.5 lc 7 dt 1 pt 7 title "cgrp-byid-get/loop o1000 shared [2]", \
     'results/compare/20261129T122613Z-aa/plots/throughput-cgrp_storage.csv' index 7 using 1:2 with linespoints lw 1.5 lc 8 dt 1 pt 8 title "cgrp-byid-get/loop o10000 shared [1]", \
     'results/compare/20261129T122613Z-aa/plots/throughput-cgrp_storage.csv' index 8 using 1:2 with linespoints lw 1.5 lc 1 dt 2 pt 9 title "cgrp-byid-get/loop o10000 shared [2]", \
     'results/compare/20261129T122613Z-aa/plots/throughput-cgrp_storage.csv' index 9 using 1:2 with linespoints lw 1.5 lc 2 dt 2 pt 10 title "cgrp-churn-storage/hook [1]", \
     'results/compare/20261129T122613Z-aa/plots/throughput-cgrp_storage.csv' index 10 using 1:2 with linespoints lw 1.5 lc 3 dt 2 pt 11 title "cgrp-get/hook shared [1]", \
     'results/compare/20261129T122613Z-aa/plots/throughput-cgrp_storage.csv' index 11 using 1:2 with linespoints lw 1.5 lc 4 dt 2 pt 12 title "cgrp-get/loop shared [1]", \
     'results/compare/20261129T122613Z-aa/plots/throughput-cgrp_storage.csv' index 12 using 1:2 with linespoints lw 1.5 lc 5 dt 2 pt 13 title "cgrp-get/loop shared [2]", \
     'results/compare/20261129T122613Z-aa/plots/throughput-cgrp_storage.csv' index 13 using 1:2 with linespoints lw 1.5 lc 6 dt 2 pt 1 title "cgrp-get-maps/loop shared [1]", \
     'results/compare/20261129T122613Z-aa/plots/throughput-cgrp_storage.csv' index 14 using 1:2 with linespoints lw 1.5 lc 7 dt 2 pt 2 title "cgrp-get-maps/loop shared [2]", \
     'results/compare/20261129T122613Z-aa/plots/throughput-cgrp_storage.csv' index 15 using 1:2 with linespoints lw 1.5 lc 8 dt 2 pt 3 title "cgrp-get-maps-interleaved/loop shared [1]", \
     'results/compare/20261129T122613Z-aa/plots/throughput-cgrp_storage.csv' index 16 using 1:2 with linespoints lw 1.5 lc 1 dt 3 pt 4 title "cgrp-get-maps-interleaved/loop shared [2]", \
     'results/compare/20261129T122613Z-aa/plots/throughput-cgrp_storage.csv' index 17 using 1:2 with linespoints lw 1.5 lc 2 dt 3 pt 5 title "cgrp-get-sockopt/hook shared [1]", \
     'results/compare/20261129T122613Z-aa/plots/throughput-cgrp_storage.csv' index 18 using 1:2 with linespoints lw 1.5 lc 3 dt 3 pt 6 title "cgrp-get-sockopt/loop shared [1]", \
     'results/compare/20261129T122613Z-aa/plots/throughput-cgrp_storage.csv' index 19 using 1:2 with linespoints lw 1.5 lc 4 dt 3 pt 7 title "cgrp-get-sockopt/loop shared [2]", \
     'results/compare/20261129T122613Z-aa/plots/throughput-cgrp_storage.csv' index 20 using 1:2 with linespoints lw 1.5 lc 5 dt 3 pt 8 title "cgrp-get-values/loop shared [1]", \
     'results/compare/20261129T122613Z-aa/plots/throughput-cgrp_storage.csv' index 21 using 1:2 with linespoints lw 1.5 lc 6 dt 3 pt 9 title "cgrp-get-values/loop shared [2]", \
     'results/compare/20261129T122613Z-aa/plots/throughput-cgrp_storage.csv' index 22 using 1:2 with linespoints lw 1.5 lc 7 dt 3 pt 10 title "cgrp-miss/hook shared [1]", \
     'results/compare/20261129T122613Z-aa/plots/throughput-cgrp_storage.csv' index 23 using 1:2 with linespoints lw 1.5 lc 8 dt 3 pt 11 title "cgrp-miss/loop shared [1]"
