set terminal pngcairo size 1000,640 noenhanced font 'DejaVu Sans,10'
set output 'results/compare/20261129T122613Z-aa/plots/throughput-none-3.png'
set title "map type none: throughput against producer threads (part 3 of 3)\n[1] 6.18.44-fc-v657 on vm\n[2] 6.18.44-fc-v657 on vm #2"
set xlabel "producer threads (CPUs)"
set ylabel "throughput, all threads (million operations/s, log)"
set grid
set key below
set datafile separator ','
set logscale y
set xtics ("1" 1, "2" 2)
set xlabel offset 0,-0.8
plot 'results/compare/20261129T122613Z-aa/plots/throughput-none-3.csv' index 0 using 1:2 with linespoints lw 1.5 lc 1 dt 1 pt 1 title "task-byid-empty/loop o10000 shared [1]", \
     'results/compare/20261129T122613Z-aa/plots/throughput-none-3.csv' index 1 using 1:2 with linespoints lw 1.5 lc 2 dt 1 pt 2 title "task-byid-empty/loop o10000 shared [2]", \
     'results/compare/20261129T122613Z-aa/plots/throughput-none-3.csv' index 2 using 1:2 with linespoints lw 1.5 lc 3 dt 1 pt 3 title "task-churn-empty/hook [1]", \
     'results/compare/20261129T122613Z-aa/plots/throughput-none-3.csv' index 3 using 1:2 with linespoints lw 1.5 lc 4 dt 1 pt 4 title "task-empty/hook [1]", \
     'results/compare/20261129T122613Z-aa/plots/throughput-none-3.csv' index 4 using 1:2 with linespoints lw 1.5 lc 5 dt 1 pt 5 title "task-empty/loop [1]", \
     'results/compare/20261129T122613Z-aa/plots/throughput-none-3.csv' index 5 using 1:2 with linespoints lw 1.5 lc 6 dt 1 pt 6 title "task-empty/loop [2]"
