set terminal pngcairo size 1000,640 noenhanced font 'DejaVu Sans,10'
set output 'results/compare/20261129T123449Z-vm/plots/hist.png'
set title "latency histogram of task-get loop c1 o1 m1 v8, per set\n[1] 6.1.0-50-amd64 on vm (TCG: emulated)\n[2] 7.2.13+deb14-amd64 on vm (TCG: emulated)"
set xlabel "latency per trigger (ns, log)"
set ylabel "share of the triggers per bucket (%, log)"
set grid
set key below
set datafile separator ','
set logscale x
set logscale y
set format y "%g"
plot 'results/compare/20261129T123449Z-vm/plots/hist.csv' index 0 using 1:2 with steps lw 2 title "6.1.0-50-amd64 on vm (TCG: emulated)", \
     'results/compare/20261129T123449Z-vm/plots/hist.csv' index 1 using 1:2 with steps lw 2 title "7.2.13+deb14-amd64 on vm (TCG: emulated)"
