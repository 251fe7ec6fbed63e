set terminal pngcairo size 1000,640 noenhanced font 'DejaVu Sans,10'
set output 'results/compare/20261129T123449Z-vm/plots/maps.png'
set title "ns per get against the number of maps (per-owner cache: 16)\n[1] 6.1.0-50-amd64 on vm (TCG: emulated)\n[2] 7.2.13+deb14-amd64 on vm (TCG: emulated)"
set xlabel "local-storage maps per owner (log)"
set ylabel "ns per operation, bpf_loop harness included (log)"
set grid
set key below
set datafile separator ','
set logscale y
set logscale x
set xtics ("1" 1, "16" 16, "\n17" 17)
set xlabel offset 0,-0.8
plot 'results/compare/20261129T123449Z-vm/plots/maps.csv' index 0 using 1:2 with linespoints lw 1.5 lc 1 dt 1 pt 1 title "task-get-maps/loop c1 [1]", \
     'results/compare/20261129T123449Z-vm/plots/maps.csv' index 1 using 1:2 with linespoints lw 1.5 lc 2 dt 1 pt 2 title "task-get-maps/loop c1 [2]"
