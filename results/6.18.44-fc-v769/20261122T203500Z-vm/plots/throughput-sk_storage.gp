set terminal pngcairo size 1000,640 noenhanced font 'DejaVu Sans,10'
set output 'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-sk_storage.png'
set title "map type sk_storage: throughput against producer threads\n6.18.44-fc-v769 on vm"
set xlabel "producer threads (CPUs)"
set ylabel "throughput, all threads (million operations/s, log)"
set grid
set key below
set datafile separator ','
set logscale y
set terminal pngcairo size 1000,752 noenhanced font 'DejaVu Sans,10'
set xtics ("1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2, "1" 1, "2" 2)
plot 'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-sk_storage.csv' index 0 using 1:2 with linespoints title "sk-get/hook o100", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-sk_storage.csv' index 1 using 1:2 with linespoints title "sk-get/hook o10000", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-sk_storage.csv' index 2 using 1:2 with linespoints title "sk-get/loop o100", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-sk_storage.csv' index 3 using 1:2 with linespoints title "sk-get/loop o10000", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-sk_storage.csv' index 4 using 1:2 with linespoints title "sk-get-tcp/hook o100", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-sk_storage.csv' index 5 using 1:2 with linespoints title "sk-get-tcp/hook o10000", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-sk_storage.csv' index 6 using 1:2 with linespoints title "sk-get-tcp/loop o100", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-sk_storage.csv' index 7 using 1:2 with linespoints title "sk-get-tcp/loop o10000", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-sk_storage.csv' index 8 using 1:2 with linespoints title "sk-miss/hook", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-sk_storage.csv' index 9 using 1:2 with linespoints title "sk-miss/loop", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-sk_storage.csv' index 10 using 1:2 with linespoints title "sk-create-delete/hook", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-sk_storage.csv' index 11 using 1:2 with linespoints title "sk-create-delete/loop", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-sk_storage.csv' index 12 using 1:2 with linespoints title "sk-get-maps/loop", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-sk_storage.csv' index 13 using 1:2 with linespoints title "sk-get-maps-interleaved/loop", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-sk_storage.csv' index 14 using 1:2 with linespoints title "sk-get-values/loop o10000", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-sk_storage.csv' index 15 using 1:2 with linespoints title "sk-get-egress/hook o100", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-sk_storage.csv' index 16 using 1:2 with linespoints title "sk-get-egress/hook o10000", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-sk_storage.csv' index 17 using 1:2 with linespoints title "sk-get-egress/loop o100", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-sk_storage.csv' index 18 using 1:2 with linespoints title "sk-get-egress/loop o10000", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-sk_storage.csv' index 19 using 1:2 with linespoints title "sk-churn-storage/hook", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-sk_storage.csv' index 20 using 1:2 with linespoints title "sk-uapi-lookup/hook o10000", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-sk_storage.csv' index 21 using 1:2 with linespoints title "sk-uapi-update/hook", \
     'results/6.18.44-fc-v769/20261122T203500Z-vm/plots/throughput-sk_storage.csv' index 22 using 1:2 with linespoints title "sk-uapi-create-delete/hook"
