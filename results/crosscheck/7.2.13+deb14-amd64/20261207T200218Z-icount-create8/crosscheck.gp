set terminal pngcairo size 900,600
set output 'crosscheck.png'
set title 'kernel bench and lsbench on 7.2.13+deb14-amd64, one thread, lsbench in fentry mode, clock counting instructions (icount)'
set xlabel 'maps'; set ylabel 'guest instructions per get'
set logscale xy; set key top left; set grid
plot 
