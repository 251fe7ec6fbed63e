set terminal pngcairo size 1000,640 noenhanced font 'DejaVu Sans,10'
set output 'results/compare/20261129T122613Z-aa/plots/throughput-inode_storage.png'
set title "map type inode_storage: throughput against producer threads\n[1] 6.18.44-fc-v657 on vm\n[2] 6.18.44-fc-v657 on vm #2"
set xlabel "producer threads (CPUs)"
set ylabel "throughput, all threads (million operations/s, log)"
set grid
set key below
set datafile separator ','
set logscale y
set xtics ("1" 1, "2" 2)
set xlabel offset 0,-0.8
plot 'results/compare/20261129T122613Z-aa/plots/throughput-inode_storage.csv' index 0 using 1:2 with linespoints lw 1.5 lc 1 dt 1 pt 1 title "inode-uapi-create-delete/hook [1]", \
     'results/compare/20261129T122613Z-aa/plots/throughput-inode_storage.csv' index 1 using 1:2 with linespoints lw 1.5 lc 2 dt 1 pt 2 title "inode-uapi-lookup/hook o10000 [1]", \
     'results/compare/20261129T122613Z-aa/plots/throughput-inode_storage.csv' index 2 using 1:2 with linespoints lw 1.5 lc 3 dt 1 pt 3 title "inode-uapi-update/hook [1]"
