set terminal pngcairo size 1000,640 noenhanced font 'DejaVu Sans,10'
set output 'results/compare/20261129T122613Z-aa/plots/owners-3.png'
set title "ns per operation against owners, loop mode (part 3 of 3)\n[1] 6.18.44-fc-v657 on vm\n[2] 6.18.44-fc-v657 on vm #2"
set xlabel "owners: tasks, sockets, files, cgroups (log)"
set ylabel "ns per operation, bpf_loop harness included (log)"
set grid
set key below
set datafile separator ','
set logscale y
set logscale x
set terminal pngcairo size 1000,736 noenhanced font 'DejaVu Sans,10'
set xtics ("1" 1, "100" 100, "1000" 1000, "10000" 10000, "100000" 100000)
set xlabel offset 0,-0.8
plot 'results/compare/20261129T122613Z-aa/plots/owners-3.csv' index 0 using 1:2:3:4 with yerrorlines lw 1.5 lc 1 dt 1 pt 1 title "sk-get-values/loop c2 v4096 shared [1]", \
     'results/compare/20261129T122613Z-aa/plots/owners-3.csv' index 1 using 1:2:3:4 with yerrorlines lw 1.5 lc 2 dt 1 pt 2 title "sk-get-values/loop c2 v4096 shared [2]", \
     'results/compare/20261129T122613Z-aa/plots/owners-3.csv' index 2 using 1:2:3:4 with yerrorlines lw 1.5 lc 3 dt 1 pt 3 title "sk-hash-get/loop c1 [1]", \
     'results/compare/20261129T122613Z-aa/plots/owners-3.csv' index 3 using 1:2:3:4 with yerrorlines lw 1.5 lc 4 dt 1 pt 4 title "sk-hash-get/loop c1 [2]", \
     'results/compare/20261129T122613Z-aa/plots/owners-3.csv' index 4 using 1:2:3:4 with yerrorlines lw 1.5 lc 5 dt 1 pt 5 title "sk-hash-get/loop c2 [1]", \
     'results/compare/20261129T122613Z-aa/plots/owners-3.csv' index 5 using 1:2:3:4 with yerrorlines lw 1.5 lc 6 dt 1 pt 6 title "sk-hash-get/loop c2 [2]", \
     'results/compare/20261129T122613Z-aa/plots/owners-3.csv' index 6 using 1:2:3:4 with yerrorlines lw 1.5 lc 7 dt 1 pt 7 title "sk-hash-get/loop c2 shared [1]", \
     'results/compare/20261129T122613Z-aa/plots/owners-3.csv' index 7 using 1:2:3:4 with yerrorlines lw 1.5 lc 8 dt 1 pt 8 title "sk-hash-get/loop c2 shared [2]", \
     'results/compare/20261129T122613Z-aa/plots/owners-3.csv' index 8 using 1:2:3:4 with yerrorlines lw 1.5 lc 1 dt 2 pt 9 title "task-byid-empty/loop c1 shared [1]", \
     'results/compare/20261129T122613Z-aa/plots/owners-3.csv' index 9 using 1:2:3:4 with yerrorlines lw 1.5 lc 2 dt 2 pt 10 title "task-byid-empty/loop c1 shared [2]", \
     'results/compare/20261129T122613Z-aa/plots/owners-3.csv' index 10 using 1:2:3:4 with yerrorlines lw 1.5 lc 3 dt 2 pt 11 title "task-byid-empty/loop c2 shared [1]", \
     'results/compare/20261129T122613Z-aa/plots/owners-3.csv' index 11 using 1:2:3:4 with yerrorlines lw 1.5 lc 4 dt 2 pt 12 title "task-byid-empty/loop c2 shared [2]", \
     'results/compare/20261129T122613Z-aa/plots/owners-3.csv' index 12 using 1:2:3:4 with yerrorlines lw 1.5 lc 5 dt 2 pt 13 title "task-byid-get/loop c1 shared [1]", \
     'results/compare/20261129T122613Z-aa/plots/owners-3.csv' index 13 using 1:2:3:4 with yerrorlines lw 1.5 lc 6 dt 2 pt 1 title "task-byid-get/loop c1 shared [2]", \
     'results/compare/20261129T122613Z-aa/plots/owners-3.csv' index 14 using 1:2:3:4 with yerrorlines lw 1.5 lc 7 dt 2 pt 2 title "task-byid-get/loop c2 shared [1]", \
     'results/compare/20261129T122613Z-aa/plots/owners-3.csv' index 15 using 1:2:3:4 with yerrorlines lw 1.5 lc 8 dt 2 pt 3 title "task-byid-get/loop c2 shared [2]"
