set terminal pngcairo size 1000,640 noenhanced font 'DejaVu Sans,10'
set output 'results/6.18.44-fc-v769/20261122T213016Z-vm/plots/hist.png'
set title "latency histogram of task-empty loop c1 o1 m1 v8, per set\n6.18.44-fc-v769 on vm"
set xlabel "latency per trigger (ns, log)"
set ylabel "share of the triggers per bucket (%)"
set grid
set key below
set datafile separator ','
set logscale x
plot 'results/6.18.44-fc-v769/20261122T213016Z-vm/plots/hist.csv' index 0 using 1:2 with steps lw 2 title "6.18.44-fc-v769 on vm"
