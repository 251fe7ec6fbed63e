#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The power curve of power trials (power/power.sh, then power/summarize.sh):
# DIR/power.svg, a line per summary there is (power.csv: one run a side;
# power-rN.csv: N runs a side; rNd: in windows that share no run; -oc: judged
# over the control), the share of
# slowed cells found slower against the slowdown, each line starting at 0%
# with its A/A (aa*.csv): the share of cells slower or faster where nothing
# changed. Needs gnuplot.
# usage: power/curve.sh DIR
set -u
dir=${1:?usage: power/curve.sh DIR}
[ -s "$dir/power.csv" ] || { echo "power: no $dir/power.csv (power.sh --summarize first)" >&2; exit 2; }
command -v "${GNUPLOT:-gnuplot}" >/dev/null ||
	{ echo "power: no gnuplot to draw $dir/power.svg (apt-get install gnuplot-nox)" >&2; exit 1; }

# title VARIANT: how a summary's comparisons were judged, in words.
title() {
	local v=$1 n d=""
	[ -z "$v" ] && { echo "1 run a side"; return; }
	n=${v#r}
	n=${n%-oc}
	[ "${n%d}" = "$n" ] || d=", trials apart"
	n=${n%d}
	case $v in
	r1-oc) echo "1 run a side, over the control" ;;
	*-oc) echo "$n runs a side$d, over the control" ;;
	*) echo "$n runs a side$d" ;;
	esac
}

# points VARIANT: "slowdown found%" lines, the A/A's false verdicts at 0 first.
points() {
	local v=$1 s=${1:+-$1}
	[ -s "$dir/aa$s.csv" ] && awk -F, 'NR == 2 && $2 > 0 { printf "0 %.1f\n", 100 * ($3 + $4) / $2 }' \
		"$dir/aa$s.csv"
	awk -F, 'NR > 1 && $3 > 0 { print $1, $8 }' "$dir/power$s.csv"
}

data=$(mktemp)
trap 'rm -f "$data"' EXIT
plots=""
i=0
for f in "$dir"/power.csv "$dir"/power-r*.csv; do
	[ -s "$f" ] || continue
	v=$(basename "$f" .csv)
	v=${v#power}
	v=${v#-}
	[ -n "$(points "$v")" ] || continue
	{
		points "$v"
		printf '\n\n'
	} >>"$data"
	plots="$plots${plots:+, }'$data' index $i with linespoints title '$(title "$v")'"
	i=$((i + 1))
done
[ -n "$plots" ] || { echo "power: nothing judged in $dir yet" >&2; exit 2; }
"${GNUPLOT:-gnuplot}" <<EOF || { echo "power: gnuplot could not draw $dir/power.svg" >&2; exit 1; }
set terminal svg size 900,420 dynamic font 'sans,11'
set output '$dir/power.svg.tmp'
set title "$(basename "$dir"): slowed cells found slower (at 0: A/A cells slower or faster)"
set xlabel 'slowdown (%)'
set ylabel 'cells (%)'
set yrange [0:100]
set xrange [-0.5:*]
set key outside right top
set grid
plot $plots
EOF
mv "$dir/power.svg.tmp" "$dir/power.svg" && echo "written: $dir/power.svg"
