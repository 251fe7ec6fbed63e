set terminal pngcairo size 900,600
set output 'crosscheck.png'
set title 'kernel bench and lsbench on 7.2.13+deb14-amd64, one thread, lsbench in fentry mode, clock counting instructions (icount)'
set xlabel 'maps'; set ylabel 'guest instructions per get'
set logscale xy; set key top left; set grid
plot 'crosscheck.dat' using (strcol(1) eq 'hashmap-control' ? $2 : 1/0):3 with linespoints title 'hashmap-control kernel bench', 'crosscheck.dat' using (strcol(1) eq 'hashmap-control' ? $2 : 1/0):4 with linespoints title 'hashmap-control lsbench'
