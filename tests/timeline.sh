#!/bin/bash
# lsbench timeline on fixture result sets: three kernels given out of order
# come out in version order; a 1.5x step between two of them is found and
# marked, same where the figures are shown the same, ~ where they are not
# shown either way; its files and plots;
# refused input (one kernel, a kernel twice, a set of two kernels); two
# builds of one release labelled apart (lsbench run --label). Prints
# one "ok N - name" or "not ok N - name" line per check.
set -u
LSBENCH=${LSBENCH:-.output/lsbench}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d /tmp/lsbench-timelinetest.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
TEST_PREFIX="timeline: "
. "$here/lib.sh"

# run ROOT KERNEL RUN "NS NS NS NS": a run folder of schema 3 with task-get
# and task-empty, one repetition per round, task-get's rounds those ns and
# task-empty's 20 ns each.
run() {
	local dir=$1/$2/$3 r=0 ns
	mkdir -p "$dir"
	{
		echo "schema_version,run_id,kernel,host,scenario,map_type,op,hook,mode,nr_maps,nr_objects,value_size,cpus,status,reason,ns_per_op,ops_per_sec,sharing,rounds,ns_per_op_ci_lo,ns_per_op_ci_hi,precision_pct,round_cv,reps_discarded,type_maps_alive,foreign_maps"
		echo "3,$3,$2,h,task-get,task_storage,get,tp_btf/sys_enter,loop,1,1,8,1,ok,,${4%% *},1000,private,4,1,2,1,0.01,0,1,0"
		echo "3,$3,$2,h,task-empty,none,empty,tp_btf/sys_enter,loop,1,1,8,1,ok,,20,1000,private,4,1,2,1,0.01,0,1,0"
	} >"$dir/summary.csv"
	echo "schema_version,run_id,scenario,map_type,op,hook,mode,nr_maps,nr_objects,value_size,cpus,sharing,round,rep,ops,duration_s,ops_per_sec,ns_per_op" >"$dir/reps.csv"
	for ns in $4; do
		r=$((r + 1))
		echo "3,$3,task-get,task_storage,get,tp_btf/sys_enter,loop,1,1,8,1,private,$r,1,1000,1.0,1000,$ns"
		echo "3,$3,task-empty,none,empty,tp_btf/sys_enter,loop,1,1,8,1,private,$r,1,1000,1.0,1000,$((20 + r % 2))"
	done >>"$dir/reps.csv"
	printf 'schema_version: 3\nstate: complete\nkernel_release: %s\n' "$2" >"$dir/meta.txt"
}

root=$tmp/root
run "$root" 6.12.5-amd64 r1 "150 151 149 150"
run "$root" 6.1.0-9-amd64 r1 "100 101 99 100"
run "$root" 6.2.3-amd64 r1 "100 99 101 100"
mkdir -p "$root/compare" "$root/timeline"

out=$("$LSBENCH" timeline -o "$tmp/t" "$root" 2>&1)
rc=$?
if [ "$rc" -eq 0 ] && [ -s "$tmp/t/timeline.csv" ] && [ -s "$tmp/t/steps.csv" ] &&
	[ -s "$tmp/t/timeline.md" ]; then
	ok "a results root of three kernels"
else
	not_ok "a results root of three kernels (exit $rc)" "$out"
fi
order=$(awk -F, 'NR > 1 && $1 == "task-get" { printf "%s ", $12 }' "$tmp/t/timeline.csv")
if [ "$order" = "6.1.0-9-amd64 6.2.3-amd64 6.12.5-amd64 " ]; then
	ok "kernels in version order: $order"
else
	not_ok "kernels in version order" "$order"
fi
steps=$(awk -F, 'NR > 1 && $1 == "task-get" { printf "%s-%s:%s ", $11, $13, $20 }' "$tmp/t/steps.csv")
if [ "$steps" = "6.1-6.2:same 6.2-6.12:slower " ]; then
	ok "the 1.5x step found, none where the figures are the same: $steps"
else
	not_ok "steps of task-get" "$steps" "$(cat "$tmp/t/steps.csv")"
fi
# task-empty's rounds 20 21 20 21 (2.5% apart, four a side): not shown within 2%: ~, with
# the rounds a side that would show it
empty=$(awk -F, 'NR > 1 && $1 == "task-empty" { printf "%s:%s:%s ", $20, ($25 > 4), $29 }' \
	"$tmp/t/steps.csv")
if [ "$empty" = "~:1:interval across the bound ~:1:interval across the bound " ]; then
	ok "steps of task-empty: ~, with more rounds needed"
else
	not_ok "steps of task-empty" "$empty" "$(cat "$tmp/t/steps.csv")"
fi
ratio=$(awk -F, 'NR > 1 && $1 == "task-get" && $11 == "6.2" { print $15 }' "$tmp/t/steps.csv")
if awk -v r="$ratio" 'BEGIN { exit !(r > 1.49 && r < 1.51) }'; then
	ok "its ratio: $ratio"
else
	not_ok "its ratio" "$ratio"
fi
if grep -q '^| task-get loop c1 o1 m1 v8 | 100.0 | 100.0 | \*\*150.0\*\* (1.50x) |$' "$tmp/t/timeline.md" &&
	grep -q '^| task-empty loop c1 o1 m1 v8 | 20.5 | 20.5 (~1.00x) | 20.5 (~1.00x) |$' "$tmp/t/timeline.md"; then
	ok "timeline.md marks the step, and the steps it cannot tell (~)"
else
	not_ok "timeline.md marks the step" "$(cat "$tmp/t/timeline.md")"
fi
if [ "$(ls "$tmp"/t/plots/*.png 2>/dev/null | wc -l)" -eq 2 ]; then
	ok "a plot per cell"
else
	not_ok "a plot per cell" "$(ls "$tmp/t/plots")"
fi
ci=$(awk -F, 'NR > 1 && $1 == "task-get" && $11 == "6.1" { print ($15 < $14 && $14 < $16 && $16 - $15 < 5) }' \
	"$tmp/t/timeline.csv")
if [ "$ci" = 1 ]; then
	ok "an interval around each figure"
else
	not_ok "an interval around each figure" "$(head -n 3 "$tmp/t/timeline.csv")"
fi

# refused: one line, exit status 2, nothing written
refused() {
	local name=$1 err rc
	shift
	err=$("$LSBENCH" timeline -o "$tmp/bad" "$@" 2>&1 >/dev/null)
	rc=$?
	if [ "$rc" -eq 2 ] && [ "$(echo "$err" | wc -l)" -eq 1 ] && [ ! -e "$tmp/bad" ]; then
		ok "refused: $name: $err"
	else
		not_ok "refused: $name (exit $rc)" "$err"
	fi
}
refused "one kernel" "$root/6.1.0-9-amd64"
refused "a kernel twice" "$root/6.1.0-9-amd64" "$root/6.1.0-9-amd64"
refused "a set of two kernels" "$root/6.1.0-9-amd64/r1,$root/6.2.3-amd64/r1" "$root/6.12.5-amd64"
refused "no such folder" "$tmp/none" "$root/6.12.5-amd64"
refused "a bad threshold" -t 0 "$root"

# Two builds of one release, told apart by lsbench run --label: two kernels,
# the labelled one after the other; one set of both is refused as two kernels.
lab=$tmp/labels
run "$lab" 6.1.0-9-amd64 r1 "100 101 99 100"
run "$lab" 6.1.0-9-amd64-patched r1 "150 151 149 150"
sed -i 's/^kernel_release: 6.1.0-9-amd64-patched$/kernel_release: 6.1.0-9-amd64\nlabel: patched/' \
	"$lab/6.1.0-9-amd64-patched/r1/meta.txt"
sed -i 's/,6.1.0-9-amd64-patched,/,6.1.0-9-amd64,/' "$lab/6.1.0-9-amd64-patched/r1/summary.csv"
out=$("$LSBENCH" timeline -o "$tmp/tl" "$lab/6.1.0-9-amd64-patched" "$lab/6.1.0-9-amd64" 2>&1)
rc=$?
order=$(awk -F, 'NR > 1 && $1 == "task-get" { printf "%s ", $12 }' "$tmp/tl/timeline.csv" 2>/dev/null)
steps=$(awk -F, 'NR > 1 && $1 == "task-get" { printf "%s ", $20 }' "$tmp/tl/steps.csv" 2>/dev/null)
if [ "$rc" -eq 0 ] && [ "$order" = "6.1.0-9-amd64 6.1.0-9-amd64 (label patched) " ] && [ "$steps" = "slower " ]; then
	ok "two labelled builds of one release are two kernels: $order, $steps"
else
	not_ok "two labelled builds of one release (exit $rc)" "$out" "order: $order" "steps: $steps"
fi
refused "a set of two builds" "$lab/6.1.0-9-amd64/r1,$lab/6.1.0-9-amd64-patched/r1" "$root/6.12.5-amd64"
