set terminal pngcairo size 1000,640 noenhanced font 'DejaVu Sans,10'
set output 'results/compare/20261122T201549Z-vm/plots/throughput-percpu_cgroup_storage.png'
set title "map type percpu_cgroup_storage: throughput against producer threads\n6.1.0-50-amd64 on vm vs 6.12.107+deb13-amd64 on vm vs 7.2.13+deb14-amd64 on vm"
set xlabel "producer threads (CPUs)"
set ylabel "throughput, all threads (million operations/s, log)"
set grid
set key below
set datafile separator ','
set logscale y
set xtics ("1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2)
plot 'results/compare/20261122T201549Z-vm/plots/throughput-percpu_cgroup_storage.csv' index 0 using 1:2 with linespoints title "percpu-cgroup-get/loop shared [6.1.0-50-amd64 on vm]", \
     'results/compare/20261122T201549Z-vm/plots/throughput-percpu_cgroup_storage.csv' index 1 using 1:2 with linespoints title "percpu-cgroup-get/loop shared [6.12.107+deb13-amd64 on vm]", \
     'results/compare/20261122T201549Z-vm/plots/throughput-percpu_cgroup_storage.csv' index 2 using 1:2 with linespoints title "percpu-cgroup-get/loop shared [7.2.13+deb14-amd64 on vm]"
