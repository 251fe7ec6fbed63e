cd "/work/exp/tlh/m/timeline/plots"
set terminal pngcairo size 900,420
set output 'percpu-cgroup-get_hook_c1_o1_m1_v8_shared.png'
set title "percpu-cgroup-get hook c1 o1 m1 v8 shared"
set ylabel 'ns per operation'
set xlabel 'kernel series'
set xrange [-0.5:9.5]
set logscale y
set grid ytics
set key top left
plot 'percpu-cgroup-get_hook_c1_o1_m1_v8_shared.dat' using 1:2:3:4:xtic(5) with yerrorlines lw 2 pt 7 title 'figure, 95% interval', '' using 1:2:(strlen(strcol(6)) ? 'step' : '') with labels offset 0,1.2 notitle
