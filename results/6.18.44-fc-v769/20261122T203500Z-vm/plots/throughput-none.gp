set terminal pngcairo size 1000,640 noenhanced font 'DejaVu Sans,10'
set output 'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-none.png'
set title "map type none: throughput against producer threads\n6.18.44-fc-v769 on vm"
set xlabel "producer threads (CPUs)"
set ylabel "throughput, all threads (million operations/s, log)"
set grid
set key below
set datafile separator ','
set logscale y
set terminal pngcairo size 1000,780 noenhanced font 'DejaVu Sans,10'
set xtics ("1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2)
plot 'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-none.csv' index 0 using 1:2 with linespoints title "task-empty/hook", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-none.csv' index 1 using 1:2 with linespoints title "task-empty/loop", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-none.csv' index 2 using 1:2 with linespoints title "task-byid-empty/hook o100 shared", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-none.csv' index 3 using 1:2 with linespoints title "task-byid-empty/hook o1000 shared", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-none.csv' index 4 using 1:2 with linespoints title "task-byid-empty/hook o10000 shared", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-none.csv' index 5 using 1:2 with linespoints title "task-byid-empty/loop o100 shared", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-none.csv' index 6 using 1:2 with linespoints title "task-byid-empty/loop o1000 shared", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-none.csv' index 7 using 1:2 with linespoints title "task-byid-empty/loop o10000 shared", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-none.csv' index 8 using 1:2 with linespoints title "cgrp-empty/hook shared", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-none.csv' index 9 using 1:2 with linespoints title "cgrp-empty/loop shared", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-none.csv' index 10 using 1:2 with linespoints title "cgrp-byid-empty/hook o100 shared", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-none.csv' index 11 using 1:2 with linespoints title "cgrp-byid-empty/hook o1000 shared", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-none.csv' index 12 using 1:2 with linespoints title "cgrp-byid-empty/hook o10000 shared", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-none.csv' index 13 using 1:2 with linespoints title "cgrp-byid-empty/loop o100 shared", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-none.csv' index 14 using 1:2 with linespoints title "cgrp-byid-empty/loop o1000 shared", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-none.csv' index 15 using 1:2 with linespoints title "cgrp-byid-empty/loop o10000 shared", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-none.csv' index 16 using 1:2 with linespoints title "cgrp-sockopt-empty/hook shared", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-none.csv' index 17 using 1:2 with linespoints title "cgrp-sockopt-empty/loop shared", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-none.csv' index 18 using 1:2 with linespoints title "sk-empty/hook", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-none.csv' index 19 using 1:2 with linespoints title "sk-empty/loop", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-none.csv' index 20 using 1:2 with linespoints title "sk-egress-empty/hook", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-none.csv' index 21 using 1:2 with linespoints title "sk-egress-empty/loop", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-none.csv' index 22 using 1:2 with linespoints title "task-churn-empty/hook", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-none.csv' index 23 using 1:2 with linespoints title "sk-churn-empty/hook", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-none.csv' index 24 using 1:2 with linespoints title "cgrp-churn-empty/hook", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-none.csv' index 25 using 1:2 with linespoints title "cgstore-empty/hook shared", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-none.csv' index 26 using 1:2 with linespoints title "cgstore-empty/loop shared", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-none.csv' index 27 using 1:2 with linespoints title "cgstore-egress-empty/hook shared", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-none.csv' index 28 using 1:2 with linespoints title "cgstore-egress-empty/loop shared"
