set terminal pngcairo size 1000,640 noenhanced font 'DejaVu Sans,10'
set output 'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-task_storage.png'
set title "map type task_storage: throughput against producer threads\n6.18.44-fc-v769 on vm"
set xlabel "producer threads (CPUs)"
set ylabel "throughput, all threads (million operations/s, log)"
set grid
set key below
set datafile separator ','
set logscale y
set terminal pngcairo size 1000,724 noenhanced font 'DejaVu Sans,10'
set xtics ("1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2)
plot 'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-task_storage.csv' index 0 using 1:2 with linespoints title "task-get/hook", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-task_storage.csv' index 1 using 1:2 with linespoints title "task-get/loop", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-task_storage.csv' index 2 using 1:2 with linespoints title "task-miss/hook", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-task_storage.csv' index 3 using 1:2 with linespoints title "task-miss/loop", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-task_storage.csv' index 4 using 1:2 with linespoints title "task-create-delete/hook", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-task_storage.csv' index 5 using 1:2 with linespoints title "task-create-delete/loop", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-task_storage.csv' index 6 using 1:2 with linespoints title "task-get-maps/loop", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-task_storage.csv' index 7 using 1:2 with linespoints title "task-get-maps-interleaved/loop", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-task_storage.csv' index 8 using 1:2 with linespoints title "task-byid-get/hook o100 shared", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-task_storage.csv' index 9 using 1:2 with linespoints title "task-byid-get/hook o1000 shared", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-task_storage.csv' index 10 using 1:2 with linespoints title "task-byid-get/hook o10000 shared", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-task_storage.csv' index 11 using 1:2 with linespoints title "task-byid-get/loop o100 shared", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-task_storage.csv' index 12 using 1:2 with linespoints title "task-byid-get/loop o1000 shared", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-task_storage.csv' index 13 using 1:2 with linespoints title "task-byid-get/loop o10000 shared", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-task_storage.csv' index 14 using 1:2 with linespoints title "task-get-values/loop", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-task_storage.csv' index 15 using 1:2 with linespoints title "task-churn-storage/hook", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-task_storage.csv' index 16 using 1:2 with linespoints title "task-uapi-lookup/hook shared", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-task_storage.csv' index 17 using 1:2 with linespoints title "task-uapi-update/hook shared"
