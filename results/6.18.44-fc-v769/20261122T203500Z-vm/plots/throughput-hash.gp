set terminal pngcairo size 1000,640 noenhanced font 'DejaVu Sans,10'
set output 'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-hash.png'
set title "map type hash: throughput against producer threads\n6.18.44-fc-v769 on vm"
set xlabel "producer threads (CPUs)"
set ylabel "throughput, all threads (million operations/s, log)"
set grid
set key below
set datafile separator ','
set logscale y
set xtics ("1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2)
plot 'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-hash.csv' index 0 using 1:2 with linespoints title "task-hash-get/hook", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-hash.csv' index 1 using 1:2 with linespoints title "task-hash-get/loop", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-hash.csv' index 2 using 1:2 with linespoints title "task-hash-update-delete/hook", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-hash.csv' index 3 using 1:2 with linespoints title "task-hash-update-delete/loop", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-hash.csv' index 4 using 1:2 with linespoints title "task-hash-get-maps/loop", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-hash.csv' index 5 using 1:2 with linespoints title "cgrp-hash-get/hook shared", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-hash.csv' index 6 using 1:2 with linespoints title "cgrp-hash-get/loop shared", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-hash.csv' index 7 using 1:2 with linespoints title "sk-hash-get/hook o100", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-hash.csv' index 8 using 1:2 with linespoints title "sk-hash-get/hook o10000", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-hash.csv' index 9 using 1:2 with linespoints title "sk-hash-get/loop o100", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-hash.csv' index 10 using 1:2 with linespoints title "sk-hash-get/loop o10000"
