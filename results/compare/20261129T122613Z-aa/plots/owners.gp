set terminal pngcairo size 1000,640 noenhanced font 'DejaVu Sans,10'
set output 'results/compare/20261129T122613Z-aa/plots/owners.png'
set title "ns per operation against owners, loop mode (part 1 of 3)\n[1] 6.18.44-fc-v657 on vm\n[2] 6.18.44-fc-v657 on vm #2"
set xlabel "owners: tasks, sockets, files, cgroups (log)"
set ylabel "ns per operation, bpf_loop harness included (log)"
set grid
set key below
set datafile separator ','
set logscale y
set logscale x
set terminal pngcairo size 1000,804 noenhanced font 'DejaVu Sans,10'
set xtics ("1" 1, "2" 2, "100" 100, "1000" 1000, "10000" 10000, "100000" 100000)
set xlabel offset 0,-0.8
plot 'results/compare/20261129T122613Z-aa/plots/owners.csv' index 0 using 1:2:3:4 with yerrorlines lw 1.5 lc 1 dt 1 pt 1 title "cgrp-byid-empty/loop c1 shared [1]", \
     'results/compare/20261129T122613Z-aa/plots/owners.csv' index 1 using 1:2:3:4 with yerrorlines lw 1.5 lc 2 dt 1 pt 2 title "cgrp-byid-empty/loop c1 shared [2]", \
     'results/compare/20261129T122613Z-aa/plots/owners.csv' index 2 using 1:2:3:4 with yerrorlines lw 1.5 lc 3 dt 1 pt 3 title "cgrp-byid-empty/loop c2 shared [1]", \
     'results/compare/20261129T122613Z-aa/plots/owners.csv' index 3 using 1:2:3:4 with yerrorlines lw 1.5 lc 4 dt 1 pt 4 title "cgrp-byid-empty/loop c2 shared [2]", \
     'results/compare/20261129T122613Z-aa/plots/owners.csv' index 4 using 1:2:3:4 with yerrorlines lw 1.5 lc 5 dt 1 pt 5 title "cgrp-byid-get/loop c1 shared [1]", \
     'results/compare/20261129T122613Z-aa/plots/owners.csv' index 5 using 1:2:3:4 with yerrorlines lw 1.5 lc 6 dt 1 pt 6 title "cgrp-byid-get/loop c1 shared [2]", \
     'results/compare/20261129T122613Z-aa/plots/owners.csv' index 6 using 1:2:3:4 with yerrorlines lw 1.5 lc 7 dt 1 pt 7 title "cgrp-byid-get/loop c2 shared [1]", \
     'results/compare/20261129T122613Z-aa/plots/owners.csv' index 7 using 1:2:3:4 with yerrorlines lw 1.5 lc 8 dt 1 pt 8 title "cgrp-byid-get/loop c2 shared [2]", \
     'results/compare/20261129T122613Z-aa/plots/owners.csv' index 8 using 1:2:3:4 with yerrorlines lw 1.5 lc 1 dt 2 pt 9 title "sk-egress-empty/loop c1 [1]", \
     'results/compare/20261129T122613Z-aa/plots/owners.csv' index 9 using 1:2:3:4 with yerrorlines lw 1.5 lc 2 dt 2 pt 10 title "sk-egress-empty/loop c1 [2]", \
     'results/compare/20261129T122613Z-aa/plots/owners.csv' index 10 using 1:2:3:4 with yerrorlines lw 1.5 lc 3 dt 2 pt 11 title "sk-egress-empty/loop c2 [1]", \
     'results/compare/20261129T122613Z-aa/plots/owners.csv' index 11 using 1:2:3:4 with yerrorlines lw 1.5 lc 4 dt 2 pt 12 title "sk-egress-empty/loop c2 [2]", \
     'results/compare/20261129T122613Z-aa/plots/owners.csv' index 12 using 1:2:3:4 with yerrorlines lw 1.5 lc 5 dt 2 pt 13 title "sk-egress-empty/loop c2 shared [1]", \
     'results/compare/20261129T122613Z-aa/plots/owners.csv' index 13 using 1:2:3:4 with yerrorlines lw 1.5 lc 6 dt 2 pt 1 title "sk-egress-empty/loop c2 shared [2]", \
     'results/compare/20261129T122613Z-aa/plots/owners.csv' index 14 using 1:2:3:4 with yerrorlines lw 1.5 lc 7 dt 2 pt 2 title "sk-empty/loop c1 [1]", \
     'results/compare/20261129T122613Z-aa/plots/owners.csv' index 15 using 1:2:3:4 with yerrorlines lw 1.5 lc 8 dt 2 pt 3 title "sk-empty/loop c1 [2]", \
     'results/compare/20261129T122613Z-aa/plots/owners.csv' index 16 using 1:2:3:4 with yerrorlines lw 1.5 lc 1 dt 3 pt 4 title "sk-empty/loop c2 [1]", \
     'results/compare/20261129T122613Z-aa/plots/owners.csv' index 17 using 1:2:3:4 with yerrorlines lw 1.5 lc 2 dt 3 pt 5 title "sk-empty/loop c2 [2]", \
     'results/compare/20261129T122613Z-aa/plots/owners.csv' index 18 using 1:2:3:4 with yerrorlines lw 1.5 lc 3 dt 3 pt 6 title "sk-empty/loop c2 shared [1]", \
     'results/compare/20261129T122613Z-aa/plots/owners.csv' index 19 using 1:2:3:4 with yerrorlines lw 1.5 lc 4 dt 3 pt 7 title "sk-empty/loop c2 shared [2]", \
     'results/compare/20261129T122613Z-aa/plots/owners.csv' index 20 using 1:2:3:4 with yerrorlines lw 1.5 lc 5 dt 3 pt 8 title "sk-get/loop c1 [1]", \
     'results/compare/20261129T122613Z-aa/plots/owners.csv' index 21 using 1:2:3:4 with yerrorlines lw 1.5 lc 6 dt 3 pt 9 title "sk-get/loop c1 [2]", \
     'results/compare/20261129T122613Z-aa/plots/owners.csv' index 22 using 1:2:3:4 with yerrorlines lw 1.5 lc 7 dt 3 pt 10 title "sk-get/loop c2 [1]", \
     'results/compare/20261129T122613Z-aa/plots/owners.csv' index 23 using 1:2:3:4 with yerrorlines lw 1.5 lc 8 dt 3 pt 11 title "sk-get/loop c2 [2]"
