set terminal pngcairo size 1000,640 noenhanced font 'DejaVu Sans,10'
set output 'results/compare/20261122T201549Z-vm/plots/throughput-task_storage.png'
set title "map type task_storage: throughput against producer threads\n6.1.0-50-amd64 on vm vs 6.12.107+deb13-amd64 on vm vs 7.2.13+deb14-amd64 on vm"
set xlabel "producer threads (CPUs)"
set ylabel "throughput, all threads (million operations/s, log)"
set grid
set key below
set datafile separator ','
set logscale y
set xtics ("1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2)
plot 'results/compare/20261122T201549Z-vm/plots/throughput-task_storage.csv' index 0 using 1:2 with linespoints title "task-get/loop [6.1.0-50-amd64 on vm]", \
     'results/compare/20261122T201549Z-vm/plots/throughput-task_storage.csv' index 1 using 1:2 with linespoints title "task-miss/loop [6.1.0-50-amd64 on vm]", \
     'results/compare/20261122T201549Z-vm/plots/throughput-task_storage.csv' index 2 using 1:2 with linespoints title "task-create-delete/loop [6.1.0-50-amd64 on vm]", \
     'results/compare/20261122T201549Z-vm/plots/throughput-task_storage.csv' index 3 using 1:2 with linespoints title "task-get-maps/loop [6.1.0-50-amd64 on vm]", \
     'results/compare/20261122T201549Z-vm/plots/throughput-task_storage.csv' index 4 using 1:2 with linespoints title "task-get/loop [6.12.107+deb13-amd64 on vm]", \
     'results/compare/20261122T201549Z-vm/plots/throughput-task_storage.csv' index 5 using 1:2 with linespoints title "task-miss/loop [6.12.107+deb13-amd64 on vm]", \
     'results/compare/20261122T201549Z-vm/plots/throughput-task_storage.csv' index 6 using 1:2 with linespoints title "task-create-delete/loop [6.12.107+deb13-amd64 on vm]", \
     'results/compare/20261122T201549Z-vm/plots/throughput-task_storage.csv' index 7 using 1:2 with linespoints title "task-get-maps/loop [6.12.107+deb13-amd64 on vm]", \
     'results/compare/20261122T201549Z-vm/plots/throughput-task_storage.csv' index 8 using 1:2 with linespoints title "task-get/loop [7.2.13+deb14-amd64 on vm]", \
     'results/compare/20261122T201549Z-vm/plots/throughput-task_storage.csv' index 9 using 1:2 with linespoints title "task-miss/loop [7.2.13+deb14-amd64 on vm]", \
     'results/compare/20261122T201549Z-vm/plots/throughput-task_storage.csv' index 10 using 1:2 with linespoints title "task-create-delete/loop [7.2.13+deb14-amd64 on vm]", \
     'results/compare/20261122T201549Z-vm/plots/throughput-task_storage.csv' index 11 using 1:2 with linespoints title "task-get-maps/loop [7.2.13+deb14-amd64 on vm]"
