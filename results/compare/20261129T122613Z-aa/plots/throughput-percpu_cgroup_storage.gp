set terminal pngcairo size 1000,640 noenhanced font 'DejaVu Sans,10'
set output '/tmp/rep/plots/throughput-percpu_cgroup_storage.png'
set title "map type percpu_cgroup_storage: throughput against producer threads\n[1] 6.18.44-fc-v657\n[2] 6.18.44-fc-v657, run 20261129T120540Z-vm"
set xlabel "producer threads (CPUs)"
set ylabel "throughput, all threads (million operations/s, log)"
set grid
set key below
set datafile separator ','
set logscale y
set xtics ("1" 1, "2" 2)
set xlabel offset 0,-0.8
plot '/tmp/rep/plots/throughput-percpu_cgroup_storage.csv' index 0 using 1:2 with linespoints lw 1.5 lc rgb '#1f77b4' dt 1 pt 1 title "percpu-cgroup-get/hook shared [1]", \
     '/tmp/rep/plots/throughput-percpu_cgroup_storage.csv' index 1 using 1:2 with linespoints lw 1.5 lc rgb '#d62728' dt 1 pt 2 title "percpu-cgroup-get/loop shared [1]", \
     '/tmp/rep/plots/throughput-percpu_cgroup_storage.csv' index 2 using 1:2 with linespoints lw 1.5 lc rgb '#d62728' dt 2 pt 2 title "percpu-cgroup-get/loop shared [2]", \
     '/tmp/rep/plots/throughput-percpu_cgroup_storage.csv' index 3 using 1:2 with linespoints lw 1.5 lc rgb '#2ca02c' dt 1 pt 3 title "percpu-cgroup-get-egress/hook shared [1]", \
     '/tmp/rep/plots/throughput-percpu_cgroup_storage.csv' index 4 using 1:2 with linespoints lw 1.5 lc rgb '#9467bd' dt 1 pt 4 title "percpu-cgroup-get-egress/loop shared [1]", \
     '/tmp/rep/plots/throughput-percpu_cgroup_storage.csv' index 5 using 1:2 with linespoints lw 1.5 lc rgb '#9467bd' dt 2 pt 4 title "percpu-cgroup-get-egress/loop shared [2]"
