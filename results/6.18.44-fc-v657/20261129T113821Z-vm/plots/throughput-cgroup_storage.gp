set terminal pngcairo size 1000,640 noenhanced font 'DejaVu Sans,10'
set output 'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-cgroup_storage.png'
set title "map type cgroup_storage: throughput against producer threads\n6.18.44-fc-v657 on vm"
set xlabel "producer threads (CPUs)"
set ylabel "throughput, all threads (million operations/s, log)"
set grid
set key below
set datafile separator ','
set logscale y
set xtics ("1" 1, "2" 2)
set xlabel offset 0,-0.8
plot 'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-cgroup_storage.csv' index 0 using 1:2 with linespoints lw 1.5 lc 1 dt 1 pt 1 title "cgroup-storage-get/hook shared", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-cgroup_storage.csv' index 1 using 1:2 with linespoints lw 1.5 lc 2 dt 1 pt 2 title "cgroup-storage-get/loop shared", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-cgroup_storage.csv' index 2 using 1:2 with linespoints lw 1.5 lc 3 dt 1 pt 3 title "cgroup-storage-get-egress/hook shared", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-cgroup_storage.csv' index 3 using 1:2 with linespoints lw 1.5 lc 4 dt 1 pt 4 title "cgroup-storage-get-egress/loop shared"
