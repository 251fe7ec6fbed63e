#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Power trials: how small a slowdown lsbench finds, measured. Each trial runs
# a recipe as it is (base) and slowed by each k% (lsbench run --slowdown k),
# in an order that rotates from trial to trial; then compare judges every
# slowed run against its trial's base, and each base against the next trial's
# (the A/A). power.csv counts, per k, the slowed cells found slower; aa.csv
# what the same comparison finds where nothing changed. With --runs N, each
# comparison takes N trials' runs a side (the base runs of trials t..t+N-1
# against their slowed runs, paired in time; the A/A: the bases of every
# other trial against those between), in windows that slide by one trial (so
# neighbouring comparisons share runs: their counts are not independent);
# with --disjoint, the windows do not overlap (trials 1..N, N+1..2N, ...; the
# A/A 1..2N, 2N+1..4N, ...), so that each comparison is a trial of its own;
# with --over-control, compare judges each cell over its control.
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
  --runs N           runs a side in each comparison, N trials' (default 1)
  --disjoint         with --runs N, windows that share no run (each comparison
                     an independent trial; the default slides by one trial)
  --over-control     compare judges each cell over its control
Writes DIR/runs/t<trial>-<base|k<k>>/, DIR/compare/*.csv, DIR/power.csv,
DIR/aa.csv; with --runs N or --over-control, DIR/compare/<variant>/ and
DIR/power-<variant>.csv, DIR/aa-<variant>.csv (variant: rN, rN-oc, rNd,
rNd-oc with --disjoint).
Exit status 0, 1 when a run failed, 2 for bad input.
EOF
}
die() {
	echo "power: $*" >&2
	exit 2
}

out="" recipe=focused trials=10 slowdowns=1,2,3,5,10 lsbench=.output/lsbench summarize=0
runs=1 oc=() disjoint=0
while [ $# -gt 0 ]; do
	case $1 in
	--out) out=${2:-}; shift ;;
	--recipe) recipe=${2:-}; shift ;;
	--trials) trials=${2:-}; shift ;;
	--slowdowns) slowdowns=${2:-}; shift ;;
	--lsbench) lsbench=${2:-}; shift ;;
	--summarize) summarize=1 ;;
	--runs) runs=${2:-}; shift ;;
	--over-control) oc=(--over-control) ;;
	--disjoint) disjoint=1 ;;
	-h | --help) usage; exit 0 ;;
	--) shift; break ;;
	*) die "unknown option '$1' (power/power.sh --help)" ;;
	esac
	shift
done
[ -n "$out" ] || die "--out DIR is required"
[[ $trials =~ ^[1-9][0-9]{0,2}$ ]] || die "invalid --trials '$trials': a whole number from 1 to 999"
[[ $runs =~ ^[1-9][0-9]?$ ]] || die "invalid --runs '$runs': a whole number from 1 to 99"
[[ $slowdowns =~ ^[1-9][0-9]?(,[1-9][0-9]?)*$ ]] ||
	die "invalid --slowdowns '$slowdowns': whole percentages from 1 to 99, comma-separated"
case $recipe in
focused) args=(-s task-get -s cgrp-get -s sk-get -m loop --cpus 1) ;;
matrix) args=(--time-budget 1020) ;;
*) die "invalid --recipe '$recipe': focused or matrix" ;;
esac
[ "$summarize" = 1 ] || [ -x "$lsbench" ] || die "no lsbench at $lsbench (make, or --lsbench PATH)"
variant=""
[ "$disjoint" = 0 ] || [ "$runs" -gt 1 ] || die "--disjoint needs --runs N of 2 or more"
d=""
[ "$disjoint" = 0 ] || d=d
[ "$runs" = 1 ] && [ ${#oc[@]} = 0 ] || variant=r$runs$d${oc:+-oc}
cmp_dir=$out/compare${variant:+/$variant}
mkdir -p "$out/runs" "$cmp_dir" || die "cannot create $out"
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

# judge A B NAME: compare --trial of two sides (run folders joined by commas) into
# NAME.csv of the variant's comparisons.
judge() {
	local side sides
	[ -s "$cmp_dir/$3.csv" ] && return 0
	IFS=, read -r -a sides <<<"$1,$2"
	for side in "${sides[@]}"; do
		complete "$side" || return 0
	done
	"$lsbench" compare --trial -o "$cmp_dir/$3.csv" "$1" "$2" "${oc[@]}" >/dev/null \
		2>"$cmp_dir/$3.err" ||
		{ echo "power: compare $3 failed: $(head -n 1 "$cmp_dir/$3.err")"; status=1; }
	[ -s "$cmp_dir/$3.err" ] || rm -f "$cmp_dir/$3.err"
}
# side NAME FIRST STEP: the runs t<FIRST>-NAME, t<FIRST+STEP>-NAME, ... ($runs of them),
# joined by commas.
side() {
	local i s=""
	for ((i = 0; i < runs; i++)); do
		s=$s${s:+,}$out/runs/t$(($2 + i * $3))-$1
	done
	echo "$s"
}
# with --disjoint, a window starts at every N-th trial, an A/A at every 2N-th
step=1 aa_step=1
[ "$disjoint" = 0 ] || step=$runs aa_step=$((2 * runs))
for ((t = 1; t + runs - 1 <= trials; t += step)); do
	for k in "${ks[@]}"; do
		judge "$(side base "$t" 1)" "$(side "k$k" "$t" 1)" "t$t-k$k"
	done
	# the A/A: a trial's base against the next's; with N runs, every other trial's base
	# against those between, alternated in time
	[ "$t" -le $((trials - 2 * runs + 1)) ] && [ $(((t - 1) % aa_step)) = 0 ] &&
		judge "$(side base "$t" 2)" "$(side base $((t + 1)) 2)" "t$t-aa"
done
power/summarize.sh "$out" $variant || status=1
exit $status
