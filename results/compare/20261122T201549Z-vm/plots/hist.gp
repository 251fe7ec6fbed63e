set terminal pngcairo size 1000,640 noenhanced font 'DejaVu Sans,10'
set output 'results/compare/20261122T201549Z-vm/plots/hist.png'
set title "latency histogram of task-empty loop c1 o1 m1 v8, per set\n6.1.0-50-amd64 on vm vs 6.12.107+deb13-amd64 on vm vs 7.2.13+deb14-amd64 on vm"
set xlabel "latency per trigger (ns, log)"
set ylabel "share of the triggers per bucket (%)"
set grid
set key below
set datafile separator ','
set logscale x
plot 'results/compare/20261122T201549Z-vm/plots/hist.csv' index 0 using 1:2 with steps lw 2 title "6.1.0-50-amd64 on vm", \
     'results/compare/20261122T201549Z-vm/plots/hist.csv' index 1 using 1:2 with steps lw 2 title "6.12.107+deb13-amd64 on vm", \
     'results/compare/20261122T201549Z-vm/plots/hist.csv' index 2 using 1:2 with steps lw 2 title "7.2.13+deb14-amd64 on vm"
