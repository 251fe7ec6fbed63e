set terminal pngcairo size 1000,640 noenhanced font 'DejaVu Sans,10'
set output '/tmp/rep/plots/throughput-sk_storage.png'
set title "map type sk_storage: throughput against producer threads (part 1 of 2)\n[1] 6.18.44-fc-v657\n[2] 6.18.44-fc-v657, run 20261129T120540Z-vm"
set xlabel "producer threads (CPUs)"
set ylabel "throughput, all threads (million operations/s, log)"
set grid
set key below
set datafile separator ','
set logscale y
set terminal pngcairo size 1000,804 noenhanced font 'DejaVu Sans,10'
set xtics ("1" 1, "2" 2)
set xlabel offset 0,-0.8
plot '/tmp/rep/plots/throughput-sk_storage.csv' index 0 using 1:2 with linespoints lw 1.5 lc rgb '#1f77b4' dt 1 pt 1 title "sk-churn-storage/hook [1]", \
     '/tmp/rep/plots/throughput-sk_storage.csv' index 1 using 1:2 with linespoints lw 1.5 lc rgb '#d62728' dt 1 pt 2 title "sk-create-delete/hook [1]", \
     '/tmp/rep/plots/throughput-sk_storage.csv' index 2 using 1:2 with linespoints lw 1.5 lc rgb '#2ca02c' dt 1 pt 3 title "sk-create-delete/loop [1]", \
     '/tmp/rep/plots/throughput-sk_storage.csv' index 3 using 1:2 with linespoints lw 1.5 lc rgb '#2ca02c' dt 2 pt 3 title "sk-create-delete/loop [2]", \
     '/tmp/rep/plots/throughput-sk_storage.csv' index 4 using 1:2 with linespoints lw 1.5 lc rgb '#9467bd' dt 1 pt 4 title "sk-get/hook o100 [1]", \
     '/tmp/rep/plots/throughput-sk_storage.csv' index 5 using 1:2 with linespoints lw 1.5 lc rgb '#ff7f0e' dt 1 pt 5 title "sk-get/hook o10000 [1]", \
     '/tmp/rep/plots/throughput-sk_storage.csv' index 6 using 1:2 with linespoints lw 1.5 lc rgb '#17becf' dt 1 pt 6 title "sk-get/loop o100 [1]", \
     '/tmp/rep/plots/throughput-sk_storage.csv' index 7 using 1:2 with linespoints lw 1.5 lc rgb '#17becf' dt 2 pt 6 title "sk-get/loop o100 [2]", \
     '/tmp/rep/plots/throughput-sk_storage.csv' index 8 using 1:2 with linespoints lw 1.5 lc rgb '#8c564b' dt 1 pt 7 title "sk-get/loop o10000 [1]", \
     '/tmp/rep/plots/throughput-sk_storage.csv' index 9 using 1:2 with linespoints lw 1.5 lc rgb '#8c564b' dt 2 pt 7 title "sk-get/loop o10000 [2]", \
     '/tmp/rep/plots/throughput-sk_storage.csv' index 10 using 1:2 with linespoints lw 1.5 lc rgb '#e377c2' dt 1 pt 8 title "sk-get-egress/hook o100 [1]", \
     '/tmp/rep/plots/throughput-sk_storage.csv' index 11 using 1:2 with linespoints lw 1.5 lc rgb '#7f7f7f' dt 1 pt 9 title "sk-get-egress/hook o10000 [1]", \
     '/tmp/rep/plots/throughput-sk_storage.csv' index 12 using 1:2 with linespoints lw 1.5 lc rgb '#bcbd22' dt 1 pt 10 title "sk-get-egress/loop o100 [1]", \
     '/tmp/rep/plots/throughput-sk_storage.csv' index 13 using 1:2 with linespoints lw 1.5 lc rgb '#bcbd22' dt 2 pt 10 title "sk-get-egress/loop o100 [2]", \
     '/tmp/rep/plots/throughput-sk_storage.csv' index 14 using 1:2 with linespoints lw 1.5 lc rgb '#000080' dt 1 pt 11 title "sk-get-egress/loop o10000 [1]", \
     '/tmp/rep/plots/throughput-sk_storage.csv' index 15 using 1:2 with linespoints lw 1.5 lc rgb '#000080' dt 2 pt 11 title "sk-get-egress/loop o10000 [2]", \
     '/tmp/rep/plots/throughput-sk_storage.csv' index 16 using 1:2 with linespoints lw 1.5 lc rgb '#008000' dt 1 pt 12 title "sk-get-maps/loop [1]", \
     '/tmp/rep/plots/throughput-sk_storage.csv' index 17 using 1:2 with linespoints lw 1.5 lc rgb '#008000' dt 2 pt 12 title "sk-get-maps/loop [2]", \
     '/tmp/rep/plots/throughput-sk_storage.csv' index 18 using 1:2 with linespoints lw 1.5 lc rgb '#1f77b4' dt 1 pt 13 title "sk-get-maps-interleaved/loop [1]", \
     '/tmp/rep/plots/throughput-sk_storage.csv' index 19 using 1:2 with linespoints lw 1.5 lc rgb '#1f77b4' dt 2 pt 13 title "sk-get-maps-interleaved/loop [2]", \
     '/tmp/rep/plots/throughput-sk_storage.csv' index 20 using 1:2 with linespoints lw 1.5 lc rgb '#d62728' dt 1 pt 1 title "sk-get-tcp/hook o100 [1]", \
     '/tmp/rep/plots/throughput-sk_storage.csv' index 21 using 1:2 with linespoints lw 1.5 lc rgb '#2ca02c' dt 1 pt 2 title "sk-get-tcp/hook o10000 [1]", \
     '/tmp/rep/plots/throughput-sk_storage.csv' index 22 using 1:2 with linespoints lw 1.5 lc rgb '#9467bd' dt 1 pt 3 title "sk-get-tcp/loop o100 [1]", \
     '/tmp/rep/plots/throughput-sk_storage.csv' index 23 using 1:2 with linespoints lw 1.5 lc rgb '#9467bd' dt 2 pt 3 title "sk-get-tcp/loop o100 [2]"
