set terminal pngcairo size 1000,640 noenhanced font 'DejaVu Sans,10'
set output 'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-cgroup_storage.png'
set title "map type cgroup_storage: throughput against producer threads\n6.18.44-fc-v769 on vm"
set xlabel "producer threads (CPUs)"
set ylabel "throughput, all threads (million operations/s, log)"
set grid
set key below
set datafile separator ','
set logscale y
set xtics ("1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2)
plot 'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-cgroup_storage.csv' index 0 using 1:2 with linespoints title "cgroup-storage-get/hook shared", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-cgroup_storage.csv' index 1 using 1:2 with linespoints title "cgroup-storage-get/loop shared", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-cgroup_storage.csv' index 2 using 1:2 with linespoints title "cgroup-storage-get-egress/hook shared", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-cgroup_storage.csv' index 3 using 1:2 with linespoints title "cgroup-storage-get-egress/loop shared"
