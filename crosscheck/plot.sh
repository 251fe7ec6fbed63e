#!/bin/bash
# Plots crosscheck.csv of folder DIR: ns per get against map count, the
# kernel's bench and lsbench, sequential and interleaved, into
# DIR/crosscheck.png (script DIR/crosscheck.gp).
# usage: crosscheck/plot.sh DIR
set -euo pipefail
dir=$1
# kind maps kernel lsbench, for the map-count cells measured on both sides
awk -F, 'NR > 1 && $2 != "" && $3 != "" && match($1, /-[0-9]+$/) {
	print substr($1, 1, RSTART - 1), substr($1, RSTART + 1), $2, $3 }' \
	"$dir/crosscheck.csv" | sort -k1,1 -k2,2n >"$dir/crosscheck.dat"
kinds=$(awk '{ print $1 }' "$dir/crosscheck.dat" | uniq)
mode=$(sed -n 's/^lsbench .* mode //p' "$dir/bench.txt" 2>/dev/null)
kernel=$(sed -n 's/^kernel //p' "$dir/bench.txt" 2>/dev/null)
# in a guest of lsbench vm --accel icount, a nanosecond is one instruction (bench.txt
# says so; for sets published before it did, the console kept beside them)
unit="ns per get" clock=
if grep -qx 'virt icount' "$dir/bench.txt" 2>/dev/null ||
	grep -q '^lsbench vm: booting .* under icount' "$dir/console.txt" 2>/dev/null; then
	unit="guest instructions per get" clock=", clock counting instructions (icount)"
fi
# A/A (crosscheck --aa): the kernel's bench on both sides
second=lsbench
grep -q '^aa ' "$dir/bench.txt" 2>/dev/null && second="kernel bench again"
# paths relative to the folder: the script runs from a copy of it too
{
	echo 'set terminal pngcairo size 900,600'
	echo "set output 'crosscheck.png'"
	if [ "$second" = lsbench ]; then
		echo "set title 'kernel bench and lsbench on ${kernel:-?}, one thread, lsbench in ${mode:-loop} mode$clock'"
	else
		echo "set title 'A/A: the kernel bench against itself on ${kernel:-?}, one thread$clock'"
	fi
	echo "set xlabel 'maps'; set ylabel '$unit'"
	echo 'set logscale xy; set key top left; set grid'
	printf 'plot '
	sep=
	for k in $kinds; do
		printf "%s'%s' using (strcol(1) eq '%s' ? \$2 : 1/0):3 with linespoints title '%s kernel bench'" \
			"$sep" crosscheck.dat "$k" "$k"
		printf ", '%s' using (strcol(1) eq '%s' ? \$2 : 1/0):4 with linespoints title '%s %s'" \
			crosscheck.dat "$k" "$k" "$second"
		sep=', '
	done
	echo
} >"$dir/crosscheck.gp"
[ -s "$dir/crosscheck.dat" ] || { echo "crosscheck: nothing to plot"; exit 0; }
(cd "$dir" && gnuplot crosscheck.gp)
