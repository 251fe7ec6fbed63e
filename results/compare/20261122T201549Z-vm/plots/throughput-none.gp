set terminal pngcairo size 1000,640 noenhanced font 'DejaVu Sans,10'
set output 'results/compare/20261122T201549Z-vm/plots/throughput-none.png'
set title "map type none: throughput against producer threads\n6.1.0-50-amd64 on vm vs 6.12.107+deb13-amd64 on vm vs 7.2.13+deb14-amd64 on vm"
set xlabel "producer threads (CPUs)"
set ylabel "throughput, all threads (million operations/s, log)"
set grid
set key below
set datafile separator ','
set logscale y
set xtics ("1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2)
plot 'results/compare/20261122T201549Z-vm/plots/throughput-none.csv' index 0 using 1:2 with linespoints title "task-empty/loop [6.1.0-50-amd64 on vm]", \
     'results/compare/20261122T201549Z-vm/plots/throughput-none.csv' index 1 using 1:2 with linespoints title "sk-empty/loop [6.1.0-50-amd64 on vm]", \
     'results/compare/20261122T201549Z-vm/plots/throughput-none.csv' index 2 using 1:2 with linespoints title "cgstore-empty/loop shared [6.1.0-50-amd64 on vm]", \
     'results/compare/20261122T201549Z-vm/plots/throughput-none.csv' index 3 using 1:2 with linespoints title "inode-empty/loop [6.1.0-50-amd64 on vm]", \
     'results/compare/20261122T201549Z-vm/plots/throughput-none.csv' index 4 using 1:2 with linespoints title "task-empty/loop [6.12.107+deb13-amd64 on vm]", \
     'results/compare/20261122T201549Z-vm/plots/throughput-none.csv' index 5 using 1:2 with linespoints title "cgrp-empty/loop shared [6.12.107+deb13-amd64 on vm]", \
     'results/compare/20261122T201549Z-vm/plots/throughput-none.csv' index 6 using 1:2 with linespoints title "sk-empty/loop [6.12.107+deb13-amd64 on vm]", \
     'results/compare/20261122T201549Z-vm/plots/throughput-none.csv' index 7 using 1:2 with linespoints title "cgstore-empty/loop shared [6.12.107+deb13-amd64 on vm]", \
     'results/compare/20261122T201549Z-vm/plots/throughput-none.csv' index 8 using 1:2 with linespoints title "inode-empty/loop [6.12.107+deb13-amd64 on vm]", \
     'results/compare/20261122T201549Z-vm/plots/throughput-none.csv' index 9 using 1:2 with linespoints title "task-empty/loop [7.2.13+deb14-amd64 on vm]", \
     'results/compare/20261122T201549Z-vm/plots/throughput-none.csv' index 10 using 1:2 with linespoints title "cgrp-empty/loop shared [7.2.13+deb14-amd64 on vm]", \
     'results/compare/20261122T201549Z-vm/plots/throughput-none.csv' index 11 using 1:2 with linespoints title "sk-empty/loop [7.2.13+deb14-amd64 on vm]", \
     'results/compare/20261122T201549Z-vm/plots/throughput-none.csv' index 12 using 1:2 with linespoints title "cgstore-empty/loop shared [7.2.13+deb14-amd64 on vm]", \
     'results/compare/20261122T201549Z-vm/plots/throughput-none.csv' index 13 using 1:2 with linespoints title "inode-empty/loop [7.2.13+deb14-amd64 on vm]"
