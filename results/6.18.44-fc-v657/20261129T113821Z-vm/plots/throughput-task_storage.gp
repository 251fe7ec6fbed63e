set terminal pngcairo size 1000,640 noenhanced font 'DejaVu Sans,10'
set output 'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-task_storage.png'
set title "map type task_storage: throughput against producer threads\n6.18.44-fc-v657 on vm"
set xlabel "producer threads (CPUs)"
set ylabel "throughput, all threads (million operations/s, log)"
set grid
set key below
set datafile separator ','
set logscale y
set terminal pngcairo size 1000,770 noenhanced font 'DejaVu Sans,10'
set xtics ("1" 1, "2" 2)
set xlabel offset 0,-0.8
plot 'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-task_storage.csv' index 0 using 1:2 with linespoints lw 1.5 lc 1 dt 1 pt 1 title "task-byid-get/hook o100 shared", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-task_storage.csv' index 1 using 1:2 with linespoints lw 1.5 lc 2 dt 1 pt 2 title "task-byid-get/hook o1000 shared", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-task_storage.csv' index 2 using 1:2 with linespoints lw 1.5 lc 3 dt 1 pt 3 title "task-byid-get/hook o10000 shared", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-task_storage.csv' index 3 using 1:2 with linespoints lw 1.5 lc 4 dt 1 pt 4 title "task-byid-get/loop o100 shared", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-task_storage.csv' index 4 using 1:2 with linespoints lw 1.5 lc 5 dt 1 pt 5 title "task-byid-get/loop o1000 shared", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-task_storage.csv' index 5 using 1:2 with linespoints lw 1.5 lc 6 dt 1 pt 6 title "task-byid-get/loop o10000 shared", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-task_storage.csv' index 6 using 1:2 with linespoints lw 1.5 lc 7 dt 1 pt 7 title "task-churn-storage/hook", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-task_storage.csv' index 7 using 1:2 with linespoints lw 1.5 lc 8 dt 1 pt 8 title "task-create-delete/hook", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-task_storage.csv' index 8 using 1:2 with linespoints lw 1.5 lc 1 dt 2 pt 9 title "task-create-delete/loop", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-task_storage.csv' index 9 using 1:2 with linespoints lw 1.5 lc 2 dt 2 pt 10 title "task-get/hook", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-task_storage.csv' index 10 using 1:2 with linespoints lw 1.5 lc 3 dt 2 pt 11 title "task-get/loop", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-task_storage.csv' index 11 using 1:2 with linespoints lw 1.5 lc 4 dt 2 pt 12 title "task-get-create/hook", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-task_storage.csv' index 12 using 1:2 with linespoints lw 1.5 lc 5 dt 2 pt 13 title "task-get-create/loop", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-task_storage.csv' index 13 using 1:2 with linespoints lw 1.5 lc 6 dt 2 pt 1 title "task-get-maps/loop", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-task_storage.csv' index 14 using 1:2 with linespoints lw 1.5 lc 7 dt 2 pt 2 title "task-get-maps-interleaved/loop", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-task_storage.csv' index 15 using 1:2 with linespoints lw 1.5 lc 8 dt 2 pt 3 title "task-get-values/loop", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-task_storage.csv' index 16 using 1:2 with linespoints lw 1.5 lc 1 dt 3 pt 4 title "task-miss/hook", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-task_storage.csv' index 17 using 1:2 with linespoints lw 1.5 lc 2 dt 3 pt 5 title "task-miss/loop", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-task_storage.csv' index 18 using 1:2 with linespoints lw 1.5 lc 3 dt 3 pt 6 title "task-uapi-lookup/hook shared", \
     'results/6.18.44-fc-v657/20261129T113821Z-vm/plots/throughput-task_storage.csv' index 19 using 1:2 with linespoints lw 1.5 lc 4 dt 3 pt 7 title "task-uapi-update/hook shared"
