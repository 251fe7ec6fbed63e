set terminal pngcairo size 1000,640 noenhanced font 'DejaVu Sans,10'
set output 'results/compare/20261122T201549Z-vm/plots/maps.png'
set title "ns per get against the number of maps (per-owner cache: 16)\n6.1.0-50-amd64 on vm vs 6.12.107+deb13-amd64 on vm vs 7.2.13+deb14-amd64 on vm"
set xlabel "local-storage maps per owner (log)"
set ylabel "ns per operation (log)"
set grid
set key below
set datafile separator ','
set logscale y
set logscale x
set xtics ("1" 1, "16" 16, "" 17, "100" 100, "1" 1, "16" 16, "" 17, "100" 100, "1" 1, "16" 16, "" 17, "100" 100, "1" 1, "16" 16, "" 17, "100" 100, "1" 1, "16" 16, "" 17, "100" 100, "1" 1, "16" 16, "100" 100)
plot 'results/compare/20261122T201549Z-vm/plots/maps.csv' index 0 using 1:2 with linespoints title "task-get-maps/loop c1 [6.1.0-50-amd64 on vm]", \
     'results/compare/20261122T201549Z-vm/plots/maps.csv' index 1 using 1:2 with linespoints title "task-get-maps/loop c2 o2 [6.1.0-50-amd64 on vm]", \
     'results/compare/20261122T201549Z-vm/plots/maps.csv' index 2 using 1:2 with linespoints title "task-get-maps/loop c1 [6.12.107+deb13-amd64 on vm]", \
     'results/compare/20261122T201549Z-vm/plots/maps.csv' index 3 using 1:2 with linespoints title "task-get-maps/loop c2 o2 [6.12.107+deb13-amd64 on vm]", \
     'results/compare/20261122T201549Z-vm/plots/maps.csv' index 4 using 1:2 with linespoints title "task-get-maps/loop c1 [7.2.13+deb14-amd64 on vm]", \
     'results/compare/20261122T201549Z-vm/plots/maps.csv' index 5 using 1:2 with linespoints title "task-get-maps/loop c2 o2 [7.2.13+deb14-amd64 on vm]"
