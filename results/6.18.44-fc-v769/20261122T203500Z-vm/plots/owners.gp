set terminal pngcairo size 1000,640 noenhanced font 'DejaVu Sans,10'
set output 'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/owners.png'
set title "ns per operation against owners\n6.18.44-fc-v769 on vm"
set xlabel "owners: tasks, sockets, files, cgroups (log)"
set ylabel "ns per operation (log)"
set grid
set key below
set datafile separator ','
set logscale y
set logscale x
set xtics ("1" 1, "100" 100, "1000" 1000, "10000" 10000, "1" 1, "100" 100, "1000" 1000, "10000" 10000, "1" 1, "100" 100, "1000" 1000, "10000" 10000, "1" 1, "100" 100, "1000" 1000, "10000" 10000, "1" 1, "100" 100, "1000" 1000, "10000" 10000, "1" 1, "100" 100, "1000" 1000, "10000" 10000, "1" 1, "100" 100, "1000" 1000, "10000" 10000, "1" 1, "100" 100, "1000" 1000, "10000" 10000)
plot 'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/owners.csv' index 0 using 1:2 with linespoints title "task-byid-empty/hook c1 shared", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/owners.csv' index 1 using 1:2 with linespoints title "task-byid-empty/hook c2 shared", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/owners.csv' index 2 using 1:2 with linespoints title "task-byid-empty/loop c1 shared", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/owners.csv' index 3 using 1:2 with linespoints title "task-byid-empty/loop c2 shared", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/owners.csv' index 4 using 1:2 with linespoints title "task-byid-get/hook c1 shared", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/owners.csv' index 5 using 1:2 with linespoints title "task-byid-get/hook c2 shared", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/owners.csv' index 6 using 1:2 with linespoints title "task-byid-get/loop c1 shared", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/owners.csv' index 7 using 1:2 with linespoints title "task-byid-get/loop c2 shared"
