#!/bin/bash
# power/power.sh with a stand-in for lsbench (no BPF): every run of every
# trial is made once, in an order that rotates; a call with more trials runs
# only the new ones; a cut-off run is removed and made again; bad input is
# one line and exit 2. power/summarize.sh counts a fixture's verdicts. Prints
# one "ok N - name" or "not ok N - name" line per check.
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
tmp=$(mktemp -d /tmp/lsbench-powertest.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
TEST_PREFIX="power: "
. "$here/lib.sh"
cd "$top" || exit 1

# The stand-in: run writes a complete run (its command line logged), compare
# a compare.csv whose verdict is slower when the new side was slowed.
fake=$tmp/lsbench
cat >"$fake" <<'EOF'
#!/bin/bash
cmd=$1
shift
case $cmd in
run)
	echo "run $*" >>"${FAKE_LOG:?}"
	args=$*
	while [ $# -gt 1 ] && [ "$1" != -o ]; do shift; done
	mkdir -p "$2/k/r" && printf 'state: complete\n' >"$2/k/r/meta.txt" &&
		echo "$args" >"$2/args" ;;
compare)
	echo "compare $*" >>"${FAKE_LOG:?}"
	out=$3
	v=same
	grep -q -- '--slowdown' "${5%%,*}/args" && v=slower
	printf 'scenario,map_type,verdict,ratio,detectable_pct,why\n' >"$out"
	printf 'task-get,task_storage,%s,1.05,"2.5",x\ntask-empty,none,same,1.0,1.0,"a, b"\n' "$v" >>"$out" ;;
esac
EOF
chmod +x "$fake"
export FAKE_LOG=$tmp/log

out=$(power/power.sh --lsbench "$fake" --out "$tmp/p" --trials 2 --slowdowns 3,10 2>&1)
rc=$?
runs=$(grep -c '^run ' "$tmp/log")
if [ "$rc" -eq 0 ] && [ "$runs" -eq 6 ] && [ "$(grep -c -- '--slowdown 3 ' "$tmp/log")" -eq 2 ]; then
	ok "two trials of base, 3% and 10%: six runs"
else
	not_ok "two trials: six runs (exit $rc, $runs runs)" "$out"
fi
first=$(grep '^run ' "$tmp/log" | sed -n '1p;4p' | grep -c -- --slowdown)
[ "$first" -eq 1 ] && ok "the order rotates: trial 2 does not start with the base" ||
	not_ok "the order rotates" "$(cat "$tmp/log")"

: >"$tmp/log"
rm "$tmp/p/runs/t2-k10/k/r/meta.txt"
out=$(power/power.sh --lsbench "$fake" --out "$tmp/p" --trials 3 --slowdowns 3,10 2>&1)
rc=$?
if [ "$rc" -eq 0 ] && [ "$(grep -c '^run ' "$tmp/log")" -eq 4 ] &&
	echo "$out" | grep -q 't2-k10 was cut off: removed, measured again'; then
	ok "resumed: only the cut-off run and the third trial's three are made"
else
	not_ok "resumed (exit $rc)" "$out" "$(cat "$tmp/log")"
fi

# summarize: in each k comparison the slowed cell is slower, the empty
# control is not counted; the A/A's two cells are same.
power/summarize.sh "$tmp/p" >/dev/null
row=$(grep '^3,' "$tmp/p/power.csv")
if [ "$row" = "3,3,3,3,0,0,0,100.0,1.05,2.5" ]; then
	ok "power.csv: 3% found slower in 3 of 3 slowed cells, medians"
else
	not_ok "power.csv row for 3%" "$(cat "$tmp/p/power.csv")"
fi
row=$(sed -n 2p "$tmp/p/aa.csv")
[ "$row" = "2,4,0,0,4,0,0.0,1.025,1.75" ] && ok "aa.csv: two comparisons, four cells same" ||
	not_ok "aa.csv" "$(cat "$tmp/p/aa.csv")"

# the curve: a line per summary, the A/A at 0; without a summary, one line and exit 2
out=$(power/curve.sh "$tmp/p" 2>&1)
rc=$?
if [ "$rc" -eq 0 ] && grep -q '<svg' "$tmp/p/power.svg" && grep -q '1 run a side' "$tmp/p/power.svg" &&
	[ ! -e "$tmp/p/power.svg.tmp" ]; then
	ok "power.svg: the curve of power.csv, titled by how it was judged"
else
	not_ok "power.svg (exit $rc)" "$out"
fi
out=$(power/curve.sh "$tmp/none" 2>&1)
rc=$?
[ "$rc" -eq 2 ] && [ "$(echo "$out" | wc -l)" -eq 1 ] && [ ! -e "$tmp/none/power.svg" ] &&
	ok "curve.sh without a summary: $out" || not_ok "curve.sh without a summary (exit $rc)" "$out"

# --runs 2 --over-control: each comparison two trials' runs a side, paired trial by
# trial; the A/A every other trial's base against those between; compare told to
# judge over the control; its own folder and summaries, the others left alone.
: >"$tmp/log"
before=$(cat "$tmp/p/power.csv")
out=$(power/power.sh --lsbench "$fake" --out "$tmp/p" --trials 3 --slowdowns 3,10 --summarize \
	--runs 2 --over-control 2>&1)
rc=$?
p=$tmp/p/runs
want_k="compare --trial -o $tmp/p/compare/r2-oc/t2-k3.csv $p/t2-base,$p/t3-base $p/t2-k3,$p/t3-k3 --over-control"
if [ "$rc" -eq 0 ] && grep -qxF -- "$want_k" "$tmp/log" && [ "$(grep -c '^compare ' "$tmp/log")" -eq 4 ] &&
	[ ! -e "$tmp/p/compare/r2-oc/t1-aa.csv" ] && [ "$(cat "$tmp/p/power.csv")" = "$before" ] &&
	[ "$(grep '^3,' "$tmp/p/power-r2-oc.csv")" = "3,2,2,2,0,0,0,100.0,1.05,2.5" ] &&
	[ "$(wc -l <"$tmp/p/aa-r2-oc.csv")" -eq 1 ]; then
	ok "--runs 2 --over-control: two trials' runs a side, compare over the control, power-r2-oc.csv"
else
	not_ok "--runs 2 --over-control (exit $rc)" "$out" "$(cat "$tmp/log")"
fi
: >"$tmp/log"
power/power.sh --lsbench "$fake" --out "$tmp/p" --trials 4 --slowdowns 3,10 --runs 2 >/dev/null 2>&1
want_aa="compare --trial -o $tmp/p/compare/r2/t1-aa.csv $p/t1-base,$p/t3-base $p/t2-base,$p/t4-base"
grep -qxF -- "$want_aa" "$tmp/log" &&
	ok "--runs 2: the A/A alternates: trials 1 and 3 against 2 and 4" ||
	not_ok "--runs 2: the A/A" "$(cat "$tmp/log")"

# --runs 2 --disjoint: windows that share no run (trials 1-2, 3-4, 5-6), the A/A
# of 1-4 only (5-8 is not complete), in their own folder
: >"$tmp/log"
power/power.sh --lsbench "$fake" --out "$tmp/p" --trials 6 --slowdowns 3,10 --runs 2 --disjoint >/dev/null 2>&1
ks=$(grep -o 'r2d/t[0-9]*-k3' "$tmp/log" | tr '\n' ' ')
aas=$(grep -o 'r2d/t[0-9]*-aa' "$tmp/log" | tr '\n' ' ')
if [ "$ks" = "r2d/t1-k3 r2d/t3-k3 r2d/t5-k3 " ] && [ "$aas" = "r2d/t1-aa " ] &&
	[ "$(grep -c '^3,3,' "$tmp/p/power-r2d.csv")" = 1 ]; then
	ok "--runs 2 --disjoint: windows of trials 1-2, 3-4, 5-6; one A/A, of 1-4"
else
	not_ok "--runs 2 --disjoint: windows $ks, A/As $aas" "$(cat "$tmp/log")"
fi

bad() {
	local name=$1 out rc
	shift
	out=$(power/power.sh --lsbench "$fake" "$@" 2>&1)
	rc=$?
	if [ "$rc" -eq 2 ] && [ "$(echo "$out" | wc -l)" -eq 1 ]; then
		ok "$name: $out"
	else
		not_ok "$name (exit $rc)" "$out"
	fi
}
bad "no --out" --trials 2
bad "zero trials" --out "$tmp/q" --trials 0
bad "a slowdown of 0" --out "$tmp/q" --slowdowns 0,5
bad "an unknown recipe" --out "$tmp/q" --recipe all
bad "zero runs a side" --out "$tmp/q" --runs 0
bad "--disjoint with one run a side" --out "$tmp/q" --disjoint
