set terminal pngcairo size 1000,640 noenhanced font 'DejaVu Sans,10'
set output 'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-none-2.png'
set title "map type none: throughput against producer threads (part 2 of 2)\n6.18.44-fc-v657 on vm"
set xlabel "producer threads (CPUs)"
set ylabel "throughput, all threads (million operations/s, log)"
set grid
set key below
set datafile separator ','
set logscale y
set terminal pngcairo size 1000,719 noenhanced font 'DejaVu Sans,10'
set xtics ("1" 1, "2" 2)
set xlabel offset 0,-0.8
plot 'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-none-2.csv' index 0 using 1:2 with linespoints lw 1.5 lc 1 dt 1 pt 1 title "sk-empty/hook o10000", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-none-2.csv' index 1 using 1:2 with linespoints lw 1.5 lc 2 dt 1 pt 2 title "sk-empty/loop", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-none-2.csv' index 2 using 1:2 with linespoints lw 1.5 lc 3 dt 1 pt 3 title "sk-empty/loop o100", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-none-2.csv' index 3 using 1:2 with linespoints lw 1.5 lc 4 dt 1 pt 4 title "sk-empty/loop o10000", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-none-2.csv' index 4 using 1:2 with linespoints lw 1.5 lc 5 dt 1 pt 5 title "task-byid-empty/hook o100 shared", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-none-2.csv' index 5 using 1:2 with linespoints lw 1.5 lc 6 dt 1 pt 6 title "task-byid-empty/hook o1000 shared", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-none-2.csv' index 6 using 1:2 with linespoints lw 1.5 lc 7 dt 1 pt 7 title "task-byid-empty/hook o10000 shared", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-none-2.csv' index 7 using 1:2 with linespoints lw 1.5 lc 8 dt 1 pt 8 title "task-byid-empty/loop o100 shared", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-none-2.csv' index 8 using 1:2 with linespoints lw 1.5 lc 1 dt 2 pt 9 title "task-byid-empty/loop o1000 shared", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-none-2.csv' index 9 using 1:2 with linespoints lw 1.5 lc 2 dt 2 pt 10 title "task-byid-empty/loop o10000 shared", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-none-2.csv' index 10 using 1:2 with linespoints lw 1.5 lc 3 dt 2 pt 11 title "task-churn-empty/hook", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-none-2.csv' index 11 using 1:2 with linespoints lw 1.5 lc 4 dt 2 pt 12 title "task-empty/hook", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-none-2.csv' index 12 using 1:2 with linespoints lw 1.5 lc 5 dt 2 pt 13 title "task-empty/loop"
