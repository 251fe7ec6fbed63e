set terminal pngcairo size 1000,640 noenhanced font 'DejaVu Sans,10'
set output 'results/compare/20261129T122613Z-aa/plots/throughput-hash.png'
set title "map type hash: throughput against producer threads\n[1] 6.18.44-fc-v657 on vm\n[2] 6.18.44-fc-v657 on vm #2"
set xlabel "producer threads (CPUs)"
set ylabel "throughput, all threads (million operations/s, log)"
set grid
set key below
set datafile separator ','
set logscale y
set terminal pngcairo size 1000,753 noenhanced font 'DejaVu Sans,10'
set xtics ("1" 1, "2" 2)
set xlabel offset 0,-0.8
plot 'results/compare/20261129T122613Z-aa/plots/throughput-hash.csv' index 0 using 1:2 with linespoints lw 1.5 lc 1 dt 1 pt 1 title "cgrp-hash-get/hook shared [1]", \
     'results/compare/20261129T122613Z-aa/plots/throughput-hash.csv' index 1 using 1:2 with linespoints lw 1.5 lc 2 dt 1 pt 2 title "cgrp-hash-get/loop shared [1]", \
     'results/compare/20261129T122613Z-aa/plots/throughput-hash.csv' index 2 using 1:2 with linespoints lw 1.5 lc 3 dt 1 pt 3 title "cgrp-hash-get/loop shared [2]", \
     'results/compare/20261129T122613Z-aa/plots/throughput-hash.csv' index 3 using 1:2 with linespoints lw 1.5 lc 4 dt 1 pt 4 title "sk-hash-get/hook o100 [1]", \
     'results/compare/20261129T122613Z-aa/plots/throughput-hash.csv' index 4 using 1:2 with linespoints lw 1.5 lc 5 dt 1 pt 5 title "sk-hash-get/hook o10000 [1]", \
     'results/compare/20261129T122613Z-aa/plots/throughput-hash.csv' index 5 using 1:2 with linespoints lw 1.5 lc 6 dt 1 pt 6 title "sk-hash-get/loop o100 [1]", \
     'results/compare/20261129T122613Z-aa/plots/throughput-hash.csv' index 6 using 1:2 with linespoints lw 1.5 lc 7 dt 1 pt 7 title "sk-hash-get/loop o100 [2]", \
     'results/compare/20261129T122613Z-aa/plots/throughput-hash.csv' index 7 using 1:2 with linespoints lw 1.5 lc 8 dt 1 pt 8 title "sk-hash-get/loop o10000 [1]", \
     'results/compare/20261129T122613Z-aa/plots/throughput-hash.csv' index 8 using 1:2 with linespoints lw 1.5 lc 1 dt 2 pt 9 title "sk-hash-get/loop o10000 [2]", \
     'results/compare/20261129T122613Z-aa/plots/throughput-hash.csv' index 9 using 1:2 with linespoints lw 1.5 lc 2 dt 2 pt 10 title "task-hash-get/hook [1]", \
     'results/compare/20261129T122613Z-aa/plots/throughput-hash.csv' index 10 using 1:2 with linespoints lw 1.5 lc 3 dt 2 pt 11 title "task-hash-get/loop [1]", \
     'results/compare/20261129T122613Z-aa/plots/throughput-hash.csv' index 11 using 1:2 with linespoints lw 1.5 lc 4 dt 2 pt 12 title "task-hash-get/loop [2]", \
     'results/compare/20261129T122613Z-aa/plots/throughput-hash.csv' index 12 using 1:2 with linespoints lw 1.5 lc 5 dt 2 pt 13 title "task-hash-get-maps/loop [1]", \
     'results/compare/20261129T122613Z-aa/plots/throughput-hash.csv' index 13 using 1:2 with linespoints lw 1.5 lc 6 dt 2 pt 1 title "task-hash-get-maps/loop [2]", \
     'results/compare/20261129T122613Z-aa/plots/throughput-hash.csv' index 14 using 1:2 with linespoints lw 1.5 lc 7 dt 2 pt 2 title "task-hash-update-delete/hook [1]", \
     'results/compare/20261129T122613Z-aa/plots/throughput-hash.csv' index 15 using 1:2 with linespoints lw 1.5 lc 8 dt 2 pt 3 title "task-hash-update-delete/loop [1]", \
     'results/compare/20261129T122613Z-aa/plots/throughput-hash.csv' index 16 using 1:2 with linespoints lw 1.5 lc 1 dt 3 pt 4 title "task-hash-update-delete/loop [2]"
