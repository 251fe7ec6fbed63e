set terminal pngcairo size 1000,640 noenhanced font 'DejaVu Sans,10'
set output 'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/maps.png'
set title "ns per get against the number of maps (per-owner cache: 16)\n6.18.44-fc-v657 on vm"
set xlabel "local-storage maps per owner (log)"
set ylabel "ns per operation, bpf_loop harness included (log)"
set grid
set key below
set datafile separator ','
set logscale y
set logscale x
set terminal pngcairo size 1000,736 noenhanced font 'DejaVu Sans,10'
set xtics ("1" 1, "10" 10, "16" 16, "\n17" 17, "24" 24, "32" 32, "100" 100, "1000" 1000)
set xlabel offset 0,-0.8
plot 'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/maps.csv' index 0 using 1:2:3:4 with yerrorlines lw 1.5 lc 1 dt 1 pt 1 title "cgrp-get-maps/loop c1 shared", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/maps.csv' index 1 using 1:2:3:4 with yerrorlines lw 1.5 lc 2 dt 1 pt 2 title "cgrp-get-maps/loop c2 o2 shared", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/maps.csv' index 2 using 1:2:3:4 with yerrorlines lw 1.5 lc 3 dt 1 pt 3 title "cgrp-get-maps-interleaved/loop c1 shared", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/maps.csv' index 3 using 1:2:3:4 with yerrorlines lw 1.5 lc 4 dt 1 pt 4 title "cgrp-get-maps-interleaved/loop c2 o2 shared", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/maps.csv' index 4 using 1:2:3:4 with yerrorlines lw 1.5 lc 5 dt 1 pt 5 title "sk-get-maps/loop c1", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/maps.csv' index 5 using 1:2:3:4 with yerrorlines lw 1.5 lc 6 dt 1 pt 6 title "sk-get-maps/loop c2 o2", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/maps.csv' index 6 using 1:2:3:4 with yerrorlines lw 1.5 lc 7 dt 1 pt 7 title "sk-get-maps/loop c2 o2 shared", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/maps.csv' index 7 using 1:2:3:4 with yerrorlines lw 1.5 lc 8 dt 1 pt 8 title "sk-get-maps-interleaved/loop c1", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/maps.csv' index 8 using 1:2:3:4 with yerrorlines lw 1.5 lc 1 dt 2 pt 9 title "sk-get-maps-interleaved/loop c2 o2", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/maps.csv' index 9 using 1:2:3:4 with yerrorlines lw 1.5 lc 2 dt 2 pt 10 title "sk-get-maps-interleaved/loop c2 o2 shared", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/maps.csv' index 10 using 1:2:3:4 with yerrorlines lw 1.5 lc 3 dt 2 pt 11 title "task-get-maps/loop c1", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/maps.csv' index 11 using 1:2:3:4 with yerrorlines lw 1.5 lc 4 dt 2 pt 12 title "task-get-maps/loop c2 o2", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/maps.csv' index 12 using 1:2:3:4 with yerrorlines lw 1.5 lc 5 dt 2 pt 13 title "task-get-maps-interleaved/loop c1", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/maps.csv' index 13 using 1:2:3:4 with yerrorlines lw 1.5 lc 6 dt 2 pt 1 title "task-get-maps-interleaved/loop c2 o2", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/maps.csv' index 14 using 1:2:3:4 with yerrorlines lw 1.5 lc 7 dt 2 pt 2 title "task-hash-get-maps/loop c1", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/maps.csv' index 15 using 1:2:3:4 with yerrorlines lw 1.5 lc 8 dt 2 pt 3 title "task-hash-get-maps/loop c2 o2"
