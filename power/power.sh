#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Power trials: how small a slowdown lsbench finds, measured. Each trial runs
# a recipe as it is (base) and slowed by each k% (lsbench run --slowdown k),
# in an order that rotates from trial to trial; then compare judges every
# slowed run against its trial's base, and each base against the next trial's
# (the A/A). power.csv counts, per k, the slowed cells found slower; aa.csv
# what the same comparison finds where nothing changed.
#
# Resumable: a run is done when its folder holds a complete run; one that was
# cut off is removed and run again; a call with more trials or other slowdowns
# runs only what is missing.
set -u
usage() {
	cat <<EOF
usage: power/power.sh [options] [-- lsbench run options]
  --out DIR          where the runs, comparisons and summaries go (required)
  --recipe NAME      focused (task, cgroup and socket gets in loop mode at one
                     thread, their controls beside them; default) or matrix
                     (the default matrix, as make bench runs it)
  --trials N         trials (default 10)
  --slowdowns LIST   slowdowns in %, comma-separated (default 1,2,3,5,10)
  --lsbench PATH     the binary (default .output/lsbench)
  --summarize        only compare and summarize the runs there are
Writes DIR/runs/t<trial>-<base|k<k>>/, DIR/compare/*.csv, DIR/power.csv,
DIR/aa.csv. Exit status 0, 1 when a run failed, 2 for bad input.
EOF
}
die() {
	echo "power: $*" >&2
	exit 2
}

out="" recipe=focused trials=10 slowdowns=1,2,3,5,10 lsbench=.output/lsbench summarize=0
while [ $# -gt 0 ]; do
	case $1 in
	--out) out=${2:-}; shift ;;
	--recipe) recipe=${2:-}; shift ;;
	--trials) trials=${2:-}; shift ;;
	--slowdowns) slowdowns=${2:-}; shift ;;
	--lsbench) lsbench=${2:-}; shift ;;
	--summarize) summarize=1 ;;
	-h | --help) usage; exit 0 ;;
	--) shift; break ;;
	*) die "unknown option '$1' (power/power.sh --help)" ;;
	esac
	shift
done
[ -n "$out" ] || die "--out DIR is required"
[[ $trials =~ ^[1-9][0-9]{0,2}$ ]] || die "invalid --trials '$trials': a whole number from 1 to 999"
[[ $slowdowns =~ ^[1-9][0-9]?(,[1-9][0-9]?)*$ ]] ||
	die "invalid --slowdowns '$slowdowns': whole percentages from 1 to 99, comma-separated"
case $recipe in
focused) args=(-s task-get -s cgrp-get -s sk-get -m loop --cpus 1) ;;
matrix) args=(--time-budget 1020) ;;
*) die "invalid --recipe '$recipe': focused or matrix" ;;
esac
[ "$summarize" = 1 ] || [ -x "$lsbench" ] || die "no lsbench at $lsbench (make, or --lsbench PATH)"
mkdir -p "$out/runs" "$out/compare" || die "cannot create $out"
IFS=, read -r -a ks <<<"$slowdowns"

# complete DIR: whether DIR holds a run that completed.
complete() {
	grep -lqx 'state: complete' "$1"/*/*/meta.txt 2>/dev/null
}

# measure TRIAL NAME K [RUN OPTIONS]: one run of the recipe into
# runs/t<TRIAL>-<NAME>, slowed by K% (0: not slowed).
measure() {
	local dir=$out/runs/t$1-$2 k=$3
	shift 3
	if complete "$dir"; then
		return 0
	fi
	if [ -d "$dir" ]; then
		echo "power: $dir was cut off: removed, measured again"
		rm -rf "$dir" "$dir.log"
	fi
	echo "power: $(basename "$dir") ($(date -u +%H:%M:%S))"
	mkdir -p "$dir"
	if [ "$k" = 0 ]; then
		"$lsbench" run "${args[@]}" "$@" -o "$dir" >"$dir.log" 2>&1
	else
		"$lsbench" run "${args[@]}" --slowdown "$k" "$@" -o "$dir" >"$dir.log" 2>&1
	fi
	case $? in
	0 | 1) complete "$dir" || { echo "power: $dir did not complete (see $dir.log)"; return 1; } ;;
	130) echo "power: interrupted"; exit 130 ;;
	*) echo "power: lsbench run failed (see $dir.log)"; return 1 ;;
	esac
}

status=0
if [ "$summarize" = 0 ]; then
	for ((t = 1; t <= trials; t++)); do
		names=(base "${ks[@]/#/k}")
		# the order rotates, so that no variant always runs first or last
		for ((j = 0; j < ${#names[@]}; j++)); do
			name=${names[$(((j + t - 1) % ${#names[@]}))]}
			k=${name#k}
			measure "$t" "$name" "${k/base/0}" "$@" || status=1
		done
	done
fi

# judge A B NAME: compare --trial of two runs into compare/NAME.csv.
judge() {
	[ -s "$out/compare/$3.csv" ] && return 0
	complete "$1" && complete "$2" || return 0
	"$lsbench" compare --trial -o "$out/compare/$3.csv" "$1" "$2" >/dev/null 2>"$out/compare/$3.err" ||
		{ echo "power: compare $3 failed: $(head -n 1 "$out/compare/$3.err")"; status=1; }
}
for ((t = 1; t <= trials; t++)); do
	for k in "${ks[@]}"; do
		judge "$out/runs/t$t-base" "$out/runs/t$t-k$k" "t$t-k$k"
	done
	[ "$t" -lt "$trials" ] && judge "$out/runs/t$t-base" "$out/runs/t$((t + 1))-base" "t$t-aa"
done
power/summarize.sh "$out" || status=1
exit $status
