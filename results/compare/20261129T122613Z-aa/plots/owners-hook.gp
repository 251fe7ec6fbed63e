set terminal pngcairo size 1000,640 noenhanced font 'DejaVu Sans,10'
set output 'results/compare/20261129T122613Z-aa/plots/owners-hook.png'
set title "ns per operation against owners, hook mode (one per trigger) (part 1 of 2)\n[1] 6.18.44-fc-v657 on vm\n[2] 6.18.44-fc-v657 on vm #2"
set xlabel "owners: tasks, sockets, files, cgroups (log)"
set ylabel "ns per operation, trigger included (log)"
set grid
set key below
set datafile separator ','
set logscale y
set logscale x
set terminal pngcairo size 1000,804 noenhanced font 'DejaVu Sans,10'
set xtics ("1" 1, "2" 2, "100" 100, "1000" 1000, "10000" 10000, "100000" 100000)
set xlabel offset 0,-0.8
plot 'results/compare/20261129T122613Z-aa/plots/owners-hook.csv' index 0 using 1:2:3:4 with yerrorlines lw 1.5 lc 1 dt 1 pt 1 title "cgrp-byid-empty/hook c1 shared [1]", \
     'results/compare/20261129T122613Z-aa/plots/owners-hook.csv' index 1 using 1:2:3:4 with yerrorlines lw 1.5 lc 2 dt 1 pt 2 title "cgrp-byid-empty/hook c2 shared [1]", \
     'results/compare/20261129T122613Z-aa/plots/owners-hook.csv' index 2 using 1:2:3:4 with yerrorlines lw 1.5 lc 3 dt 1 pt 3 title "cgrp-byid-get/hook c1 shared [1]", \
     'results/compare/20261129T122613Z-aa/plots/owners-hook.csv' index 3 using 1:2:3:4 with yerrorlines lw 1.5 lc 4 dt 1 pt 4 title "cgrp-byid-get/hook c2 shared [1]", \
     'results/compare/20261129T122613Z-aa/plots/owners-hook.csv' index 4 using 1:2:3:4 with yerrorlines lw 1.5 lc 5 dt 1 pt 5 title "cgrp-uapi-lookup/hook c1 [1]", \
     'results/compare/20261129T122613Z-aa/plots/owners-hook.csv' index 5 using 1:2:3:4 with yerrorlines lw 1.5 lc 6 dt 1 pt 6 title "cgrp-uapi-lookup/hook c2 shared [1]", \
     'results/compare/20261129T122613Z-aa/plots/owners-hook.csv' index 6 using 1:2:3:4 with yerrorlines lw 1.5 lc 7 dt 1 pt 7 title "inode-uapi-lookup/hook c1 [1]", \
     'results/compare/20261129T122613Z-aa/plots/owners-hook.csv' index 7 using 1:2:3:4 with yerrorlines lw 1.5 lc 8 dt 1 pt 8 title "inode-uapi-lookup/hook c2 shared [1]", \
     'results/compare/20261129T122613Z-aa/plots/owners-hook.csv' index 8 using 1:2:3:4 with yerrorlines lw 1.5 lc 1 dt 2 pt 9 title "sk-egress-empty/hook c1 [1]", \
     'results/compare/20261129T122613Z-aa/plots/owners-hook.csv' index 9 using 1:2:3:4 with yerrorlines lw 1.5 lc 2 dt 2 pt 10 title "sk-egress-empty/hook c2 [1]", \
     'results/compare/20261129T122613Z-aa/plots/owners-hook.csv' index 10 using 1:2:3:4 with yerrorlines lw 1.5 lc 3 dt 2 pt 11 title "sk-egress-empty/hook c2 shared [1]", \
     'results/compare/20261129T122613Z-aa/plots/owners-hook.csv' index 11 using 1:2:3:4 with yerrorlines lw 1.5 lc 4 dt 2 pt 12 title "sk-empty/hook c1 [1]", \
     'results/compare/20261129T122613Z-aa/plots/owners-hook.csv' index 12 using 1:2:3:4 with yerrorlines lw 1.5 lc 5 dt 2 pt 13 title "sk-empty/hook c2 [1]", \
     'results/compare/20261129T122613Z-aa/plots/owners-hook.csv' index 13 using 1:2:3:4 with yerrorlines lw 1.5 lc 6 dt 2 pt 1 title "sk-empty/hook c2 shared [1]", \
     'results/compare/20261129T122613Z-aa/plots/owners-hook.csv' index 14 using 1:2:3:4 with yerrorlines lw 1.5 lc 7 dt 2 pt 2 title "sk-get/hook c1 [1]", \
     'results/compare/20261129T122613Z-aa/plots/owners-hook.csv' index 15 using 1:2:3:4 with yerrorlines lw 1.5 lc 8 dt 2 pt 3 title "sk-get/hook c2 [1]", \
     'results/compare/20261129T122613Z-aa/plots/owners-hook.csv' index 16 using 1:2:3:4 with yerrorlines lw 1.5 lc 1 dt 3 pt 4 title "sk-get/hook c2 shared [1]", \
     'results/compare/20261129T122613Z-aa/plots/owners-hook.csv' index 17 using 1:2:3:4 with yerrorlines lw 1.5 lc 2 dt 3 pt 5 title "sk-get-egress/hook c1 [1]", \
     'results/compare/20261129T122613Z-aa/plots/owners-hook.csv' index 18 using 1:2:3:4 with yerrorlines lw 1.5 lc 3 dt 3 pt 6 title "sk-get-egress/hook c2 [1]", \
     'results/compare/20261129T122613Z-aa/plots/owners-hook.csv' index 19 using 1:2:3:4 with yerrorlines lw 1.5 lc 4 dt 3 pt 7 title "sk-get-egress/hook c2 shared [1]", \
     'results/compare/20261129T122613Z-aa/plots/owners-hook.csv' index 20 using 1:2:3:4 with yerrorlines lw 1.5 lc 5 dt 3 pt 8 title "sk-get-tcp/hook c1 [1]", \
     'results/compare/20261129T122613Z-aa/plots/owners-hook.csv' index 21 using 1:2:3:4 with yerrorlines lw 1.5 lc 6 dt 3 pt 9 title "sk-get-tcp/hook c2 [1]", \
     'results/compare/20261129T122613Z-aa/plots/owners-hook.csv' index 22 using 1:2:3:4 with yerrorlines lw 1.5 lc 7 dt 3 pt 10 title "sk-get-tcp/hook c2 shared [1]", \
     'results/compare/20261129T122613Z-aa/plots/owners-hook.csv' index 23 using 1:2:3:4 with yerrorlines lw 1.5 lc 8 dt 3 pt 11 title "sk-hash-get/hook c1 [1]"
