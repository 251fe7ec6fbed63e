set terminal pngcairo size 1000,640 noenhanced font 'DejaVu Sans,10'
set output 'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-none.png'
set title "map type none: throughput against producer threads (part 1 of 2)\n6.18.44-fc-v657 on vm"
set xlabel "producer threads (CPUs)"
set ylabel "throughput, all threads (million operations/s, log)"
set grid
set key below
set datafile separator ','
set logscale y
set terminal pngcairo size 1000,804 noenhanced font 'DejaVu Sans,10'
set xtics ("1" 1, "2" 2)
set xlabel offset 0,-0.8
plot 'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-none.csv' index 0 using 1:2 with linespoints lw 1.5 lc 1 dt 1 pt 1 title "cgrp-byid-empty/hook o100 shared", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-none.csv' index 1 using 1:2 with linespoints lw 1.5 lc 2 dt 1 pt 2 title "cgrp-byid-empty/hook o1000 shared", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-none.csv' index 2 using 1:2 with linespoints lw 1.5 lc 3 dt 1 pt 3 title "cgrp-byid-empty/hook o10000 shared", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-none.csv' index 3 using 1:2 with linespoints lw 1.5 lc 4 dt 1 pt 4 title "cgrp-byid-empty/loop o100 shared", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-none.csv' index 4 using 1:2 with linespoints lw 1.5 lc 5 dt 1 pt 5 title "cgrp-byid-empty/loop o1000 shared", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-none.csv' index 5 using 1:2 with linespoints lw 1.5 lc 6 dt 1 pt 6 title "cgrp-byid-empty/loop o10000 shared", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-none.csv' index 6 using 1:2 with linespoints lw 1.5 lc 7 dt 1 pt 7 title "cgrp-churn-empty/hook", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-none.csv' index 7 using 1:2 with linespoints lw 1.5 lc 8 dt 1 pt 8 title "cgrp-empty/hook shared", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-none.csv' index 8 using 1:2 with linespoints lw 1.5 lc 1 dt 2 pt 9 title "cgrp-empty/loop shared", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-none.csv' index 9 using 1:2 with linespoints lw 1.5 lc 2 dt 2 pt 10 title "cgrp-sockopt-empty/hook shared", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-none.csv' index 10 using 1:2 with linespoints lw 1.5 lc 3 dt 2 pt 11 title "cgrp-sockopt-empty/loop shared", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-none.csv' index 11 using 1:2 with linespoints lw 1.5 lc 4 dt 2 pt 12 title "cgstore-egress-empty/hook shared", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-none.csv' index 12 using 1:2 with linespoints lw 1.5 lc 5 dt 2 pt 13 title "cgstore-egress-empty/loop shared", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-none.csv' index 13 using 1:2 with linespoints lw 1.5 lc 6 dt 2 pt 1 title "cgstore-empty/hook shared", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-none.csv' index 14 using 1:2 with linespoints lw 1.5 lc 7 dt 2 pt 2 title "cgstore-empty/loop shared", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-none.csv' index 15 using 1:2 with linespoints lw 1.5 lc 8 dt 2 pt 3 title "sk-churn-empty/hook", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-none.csv' index 16 using 1:2 with linespoints lw 1.5 lc 1 dt 3 pt 4 title "sk-egress-empty/hook", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-none.csv' index 17 using 1:2 with linespoints lw 1.5 lc 2 dt 3 pt 5 title "sk-egress-empty/hook o100", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-none.csv' index 18 using 1:2 with linespoints lw 1.5 lc 3 dt 3 pt 6 title "sk-egress-empty/hook o10000", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-none.csv' index 19 using 1:2 with linespoints lw 1.5 lc 4 dt 3 pt 7 title "sk-egress-empty/loop", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-none.csv' index 20 using 1:2 with linespoints lw 1.5 lc 5 dt 3 pt 8 title "sk-egress-empty/loop o100", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-none.csv' index 21 using 1:2 with linespoints lw 1.5 lc 6 dt 3 pt 9 title "sk-egress-empty/loop o10000", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-none.csv' index 22 using 1:2 with linespoints lw 1.5 lc 7 dt 3 pt 10 title "sk-empty/hook", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-none.csv' index 23 using 1:2 with linespoints lw 1.5 lc 8 dt 3 pt 11 title "sk-empty/hook o100"
