set terminal pngcairo size 1000,640 noenhanced font 'DejaVu Sans,10'
set output '/tmp/rep/plots/maps-2.png'
set title "ns per get against the number of maps (per-owner cache: 16) (part 2 of 2)\n[1] 6.18.44-fc-v657\n[2] 6.18.44-fc-v657, run 20261129T120540Z-vm"
set xlabel "local-storage maps per owner (log)"
set ylabel "ns per operation, bpf_loop harness included (log)"
set grid
set key below
set datafile separator ','
set logscale y
set logscale x
set ytics ("1 ns" 1, "2 ns" 2, "5 ns" 5, "10 ns" 10, "20 ns" 20, "50 ns" 50, "100 ns" 100, "200 ns" 200, "500 ns" 500, "1 µs" 1000, "2 µs" 2000, "5 µs" 5000, "10 µs" 10000, "20 µs" 20000, "50 µs" 50000, "100 µs" 100000, "200 µs" 200000, "500 µs" 500000, "1 ms" 1000000, "2 ms" 2000000, "5 ms" 5000000, "10 ms" 10000000, "20 ms" 20000000, "50 ms" 50000000, "100 ms" 100000000, "200 ms" 200000000, "500 ms" 500000000, "1 s" 1000000000, "2 s" 2000000000, "5 s" 5000000000, "10 s" 10000000000, "20 s" 20000000000, "50 s" 50000000000, "100 s" 100000000000, "200 s" 200000000000, "500 s" 500000000000)
set terminal pngcairo size 1000,668 noenhanced font 'DejaVu Sans,10'
set xtics ("1" 1, "10" 10, "16" 16, "\n17" 17, "24" 24, "32" 32, "100" 100, "1000" 1000)
set xlabel offset 0,-0.8
plot '/tmp/rep/plots/maps-2.csv' index 0 using 1:2:3:4 with yerrorlines lw 1.5 lc rgb '#1f77b4' dt 1 pt 1 title "task-get-maps-interleaved/loop c1 [1]", \
     '/tmp/rep/plots/maps-2.csv' index 1 using 1:2:3:4 with yerrorlines lw 1.5 lc rgb '#1f77b4' dt 2 pt 1 title "task-get-maps-interleaved/loop c1 [2]", \
     '/tmp/rep/plots/maps-2.csv' index 2 using 1:2:3:4 with yerrorlines lw 1.5 lc rgb '#d62728' dt 1 pt 2 title "task-get-maps-interleaved/loop c2 o2 [1]", \
     '/tmp/rep/plots/maps-2.csv' index 3 using 1:2:3:4 with yerrorlines lw 1.5 lc rgb '#d62728' dt 2 pt 2 title "task-get-maps-interleaved/loop c2 o2 [2]", \
     '/tmp/rep/plots/maps-2.csv' index 4 using 1:2:3:4 with yerrorlines lw 1.5 lc rgb '#2ca02c' dt 1 pt 3 title "task-hash-get-maps/loop c1 [1]", \
     '/tmp/rep/plots/maps-2.csv' index 5 using 1:2:3:4 with yerrorlines lw 1.5 lc rgb '#2ca02c' dt 2 pt 3 title "task-hash-get-maps/loop c1 [2]", \
     '/tmp/rep/plots/maps-2.csv' index 6 using 1:2:3:4 with yerrorlines lw 1.5 lc rgb '#9467bd' dt 1 pt 4 title "task-hash-get-maps/loop c2 o2 [1]", \
     '/tmp/rep/plots/maps-2.csv' index 7 using 1:2:3:4 with yerrorlines lw 1.5 lc rgb '#9467bd' dt 2 pt 4 title "task-hash-get-maps/loop c2 o2 [2]"
