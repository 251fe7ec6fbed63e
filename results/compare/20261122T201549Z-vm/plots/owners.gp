set terminal pngcairo size 1000,640 noenhanced font 'DejaVu Sans,10'
set output 'results/compare/20261122T201549Z-vm/plots/owners.png'
set title "ns per operation against owners\n6.1.0-50-amd64 on vm vs 6.12.107+deb13-amd64 on vm vs 7.2.13+deb14-amd64 on vm"
set xlabel "owners: tasks, sockets, files, cgroups (log)"
set ylabel "ns per operation (log)"
set grid
set key below
set datafile separator ','
set logscale y
set logscale x
set xtics ("1" 1, "10000" 10000, "1" 1, "10000" 10000, "1" 1, "10000" 10000, "1" 1, "10000" 10000, "1" 1, "10000" 10000, "1" 1, "10000" 10000, "1" 1, "10000" 10000, "1" 1, "10000" 10000, "1" 1, "10000" 10000, "1" 1, "10000" 10000, "1" 1, "10000" 10000, "1" 1, "10000" 10000, "1" 1, "10000" 10000, "1" 1, "10000" 10000)
plot 'results/compare/20261122T201549Z-vm/plots/owners.csv' index 0 using 1:2 with linespoints title "sk-get/loop c1 [6.1.0-50-amd64 on vm]", \
     'results/compare/20261122T201549Z-vm/plots/owners.csv' index 1 using 1:2 with linespoints title "sk-get/loop c2 shared [6.1.0-50-amd64 on vm]", \
     'results/compare/20261122T201549Z-vm/plots/owners.csv' index 2 using 1:2 with linespoints title "inode-get/loop c1 [6.1.0-50-amd64 on vm]", \
     'results/compare/20261122T201549Z-vm/plots/owners.csv' index 3 using 1:2 with linespoints title "inode-get/loop c2 shared [6.1.0-50-amd64 on vm]", \
     'results/compare/20261122T201549Z-vm/plots/owners.csv' index 4 using 1:2 with linespoints title "inode-hash-get/loop c1 [6.1.0-50-amd64 on vm]", \
     'results/compare/20261122T201549Z-vm/plots/owners.csv' index 5 using 1:2 with linespoints title "inode-hash-get/loop c2 shared [6.1.0-50-amd64 on vm]", \
     'results/compare/20261122T201549Z-vm/plots/owners.csv' index 6 using 1:2 with linespoints title "sk-get/loop c1 [6.12.107+deb13-amd64 on vm]", \
     'results/compare/20261122T201549Z-vm/plots/owners.csv' index 7 using 1:2 with linespoints title "sk-get/loop c2 shared [6.12.107+deb13-amd64 on vm]", \
     'results/compare/20261122T201549Z-vm/plots/owners.csv' index 8 using 1:2 with linespoints title "inode-get/loop c1 [6.12.107+deb13-amd64 on vm]", \
     'results/compare/20261122T201549Z-vm/plots/owners.csv' index 9 using 1:2 with linespoints title "inode-get/loop c2 shared [6.12.107+deb13-amd64 on vm]", \
     'results/compare/20261122T201549Z-vm/plots/owners.csv' index 10 using 1:2 with linespoints title "inode-hash-get/loop c1 [6.12.107+deb13-amd64 on vm]", \
     'results/compare/20261122T201549Z-vm/plots/owners.csv' index 11 using 1:2 with linespoints title "inode-hash-get/loop c2 shared [6.12.107+deb13-amd64 on vm]", \
     'results/compare/20261122T201549Z-vm/plots/owners.csv' index 12 using 1:2 with linespoints title "sk-get/loop c1 [7.2.13+deb14-amd64 on vm]", \
     'results/compare/20261122T201549Z-vm/plots/owners.csv' index 13 using 1:2 with linespoints title "sk-get/loop c2 shared [7.2.13+deb14-amd64 on vm]"
