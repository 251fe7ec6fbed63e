set terminal pngcairo size 1000,640 noenhanced font 'DejaVu Sans,10'
set output 'results/6.18.44-fc-v769/20261122T213016Z-vm/plots/throughput-hash.png'
set title "map type hash: throughput against producer threads\n6.18.44-fc-v769 on vm"
set xlabel "producer threads (CPUs)"
set ylabel "throughput, all threads (million operations/s, log)"
set grid
set key below
set datafile separator ','
set logscale y
set xtics ("1" 1, "2" 2)
plot 'results/6.18.44-fc-v769/20261122T213016Z-vm/plots/throughput-hash.csv' index 0 using 1:2 with linespoints title "task-hash-get-maps/loop"
