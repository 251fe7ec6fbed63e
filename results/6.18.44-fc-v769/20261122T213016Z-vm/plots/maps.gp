set terminal pngcairo size 1000,640 noenhanced font 'DejaVu Sans,10'
set output 'results/6.18.44-fc-v769/20261122T213016Z-vm/plots/maps.png'
set title "ns per get against the number of maps (per-owner cache: 16)\n6.18.44-fc-v769 on vm"
set xlabel "local-storage maps per owner (log)"
set ylabel "ns per operation (log)"
set grid
set key below
set datafile separator ','
set logscale y
set logscale x
set xtics ("1" 1, "10" 10, "16" 16, "" 17, "24" 24, "32" 32, "100" 100, "1000" 1000, "1" 1, "10" 10, "16" 16, "" 17, "24" 24, "32" 32, "100" 100, "1000" 1000, "1" 1, "10" 10, "16" 16, "" 17, "24" 24, "32" 32, "100" 100, "1000" 1000, "1" 1, "10" 10, "16" 16, "" 17, "24" 24, "32" 32, "100" 100, "1000" 1000, "1" 1, "10" 10, "16" 16, "" 17, "24" 24, "32" 32, "100" 100, "1000" 1000, "1" 1, "10" 10, "16" 16, "" 17, "24" 24, "32" 32, "100" 100, "1000" 1000)
plot 'results/6.18.44-fc-v769/20261122T213016Z-vm/plots/maps.csv' index 0 using 1:2 with linespoints title "task-get-maps/loop c1", \
     'results/6.18.44-fc-v769/20261122T213016Z-vm/plots/maps.csv' index 1 using 1:2 with linespoints title "task-get-maps/loop c2 o2", \
     'results/6.18.44-fc-v769/20261122T213016Z-vm/plots/maps.csv' index 2 using 1:2 with linespoints title "task-hash-get-maps/loop c1", \
     'results/6.18.44-fc-v769/20261122T213016Z-vm/plots/maps.csv' index 3 using 1:2 with linespoints title "task-hash-get-maps/loop c2 o2", \
     'results/6.18.44-fc-v769/20261122T213016Z-vm/plots/maps.csv' index 4 using 1:2 with linespoints title "cgrp-get-maps/loop c1 shared", \
     'results/6.18.44-fc-v769/20261122T213016Z-vm/plots/maps.csv' index 5 using 1:2 with linespoints title "cgrp-get-maps/loop c2 o2 shared"
