set terminal pngcairo size 1000,640 noenhanced font 'DejaVu Sans,10'
set output 'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-hash.png'
set title "map type hash: throughput against producer threads\n6.18.44-fc-v657 on vm"
set xlabel "producer threads (CPUs)"
set ylabel "throughput, all threads (million operations/s, log)"
set grid
set key below
set datafile separator ','
set logscale y
set terminal pngcairo size 1000,702 noenhanced font 'DejaVu Sans,10'
set xtics ("1" 1, "2" 2)
set xlabel offset 0,-0.8
plot 'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-hash.csv' index 0 using 1:2 with linespoints lw 1.5 lc 1 dt 1 pt 1 title "cgrp-hash-get/hook shared", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-hash.csv' index 1 using 1:2 with linespoints lw 1.5 lc 2 dt 1 pt 2 title "cgrp-hash-get/loop shared", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-hash.csv' index 2 using 1:2 with linespoints lw 1.5 lc 3 dt 1 pt 3 title "sk-hash-get/hook o100", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-hash.csv' index 3 using 1:2 with linespoints lw 1.5 lc 4 dt 1 pt 4 title "sk-hash-get/hook o10000", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-hash.csv' index 4 using 1:2 with linespoints lw 1.5 lc 5 dt 1 pt 5 title "sk-hash-get/loop o100", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-hash.csv' index 5 using 1:2 with linespoints lw 1.5 lc 6 dt 1 pt 6 title "sk-hash-get/loop o10000", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-hash.csv' index 6 using 1:2 with linespoints lw 1.5 lc 7 dt 1 pt 7 title "task-hash-get/hook", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-hash.csv' index 7 using 1:2 with linespoints lw 1.5 lc 8 dt 1 pt 8 title "task-hash-get/loop", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-hash.csv' index 8 using 1:2 with linespoints lw 1.5 lc 1 dt 2 pt 9 title "task-hash-get-maps/loop", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-hash.csv' index 9 using 1:2 with linespoints lw 1.5 lc 2 dt 2 pt 10 title "task-hash-update-delete/hook", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-hash.csv' index 10 using 1:2 with linespoints lw 1.5 lc 3 dt 2 pt 11 title "task-hash-update-delete/loop"
