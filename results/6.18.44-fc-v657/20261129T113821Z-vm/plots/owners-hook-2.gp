set terminal pngcairo size 1000,640 noenhanced font 'DejaVu Sans,10'
set output 'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/owners-hook-2.png'
set title "ns per operation against owners, hook mode (one per trigger) (part 2 of 2)\n6.18.44-fc-v657 on vm"
set xlabel "owners: tasks, sockets, files, cgroups (log)"
set ylabel "ns per operation, trigger included (log)"
set grid
set key below
set datafile separator ','
set logscale y
set logscale x
set terminal pngcairo size 1000,668 noenhanced font 'DejaVu Sans,10'
set xtics ("1" 1, "100" 100, "1000" 1000, "10000" 10000, "100000" 100000)
set xlabel offset 0,-0.8
plot 'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/owners-hook-2.csv' index 0 using 1:2:3:4 with yerrorlines lw 1.5 lc 1 dt 1 pt 1 title "sk-hash-get/hook c2", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/owners-hook-2.csv' index 1 using 1:2:3:4 with yerrorlines lw 1.5 lc 2 dt 1 pt 2 title "sk-hash-get/hook c2 shared", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/owners-hook-2.csv' index 2 using 1:2:3:4 with yerrorlines lw 1.5 lc 3 dt 1 pt 3 title "sk-uapi-lookup/hook c1", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/owners-hook-2.csv' index 3 using 1:2:3:4 with yerrorlines lw 1.5 lc 4 dt 1 pt 4 title "sk-uapi-lookup/hook c2 shared", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/owners-hook-2.csv' index 4 using 1:2:3:4 with yerrorlines lw 1.5 lc 5 dt 1 pt 5 title "task-byid-empty/hook c1 shared", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/owners-hook-2.csv' index 5 using 1:2:3:4 with yerrorlines lw 1.5 lc 6 dt 1 pt 6 title "task-byid-empty/hook c2 shared", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/owners-hook-2.csv' index 6 using 1:2:3:4 with yerrorlines lw 1.5 lc 7 dt 1 pt 7 title "task-byid-get/hook c1 shared", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/owners-hook-2.csv' index 7 using 1:2:3:4 with yerrorlines lw 1.5 lc 8 dt 1 pt 8 title "task-byid-get/hook c2 shared"
