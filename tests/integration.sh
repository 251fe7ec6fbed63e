#!/bin/bash
# Integration tests: run lsbench as root against the running kernel and check
# its exit codes, its CSV rows and that it leaves nothing behind. Prints one
# "ok N - name" or "not ok N - name" line per check.
set -u
LSBENCH=${LSBENCH:-.output/lsbench}
tmp=$(mktemp -d /tmp/lsbench-it.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"

# The BPF programs, links and maps on the machine, one "kind id" per line.
bpf_objects() {
	for kind in prog link map; do
		bpftool "$kind" list 2>/dev/null | sed -n "s/^\([0-9]\+\): .*/$kind \1/p"
	done | sort
}

# Succeeds when no BPF object exists that the snapshot $1 lacks (objects of
# others may come and go meanwhile). The kernel frees programs and maps after
# their last fd closes, not at once: allow it 5 s.
bpf_objects_back_to() {
	local added
	for _ in $(seq 50); do
		added=$(comm -13 <(echo "$1") <(bpf_objects))
		[ -z "$added" ] && return 0
		sleep 0.1
	done
	echo "left: $(echo "$added" | tr '\n' ' ')"
	return 1
}

cgroup2_root() {
	awk '$9 == "cgroup2" { print $5; exit }' /proc/self/mountinfo
}

# summary.csv of the newest run under a results root.
summary_of() {
	ls -t "$1"/*/*/summary.csv 2>/dev/null | head -n 1
}

# CSV with the commas inside quoted fields (a reason may hold some) made ';'.
unquote_commas() {
	sed -E ':a; s/^(([^"]*"[^"]*")*[^"]*"[^",]*),/\1;/; ta' "$1"
}

# Fails unless every data row of CSV is ok, measured and self-consistent.
# Rows of BPF LSM and fentry hooks may instead be unsupported with the probe's
# reason: kernels differ in whether they take those programs at all.
rows_ok() {
	local csv=$1 want=${2:-}
	local rows
	rows=$(tail -n +2 "$csv" | wc -l)
	[ "$rows" -gt 0 ] || { echo "no rows"; return 1; }
	[ -z "$want" ] || [ "$rows" -eq "$want" ] || { echo "$rows rows, expected $want"; return 1; }
	awk -F, -v st="$(col status "$csv")" -v ops="$(col ops "$csv")" -v hk="$(col hook "$csv")" \
		-v ns="$(col ns_per_op "$csv")" -v ps="$(col ops_per_sec "$csv")" \
		-v cv="$(col cv "$csv")" -v fl="$(col failures "$csv")" \
		-v tr="$(col triggers "$csv")" -v it="$(col loop_iters "$csv")" \
		-v sc="$(col scenario "$csv")" -v op="$(col op "$csv")" \
		-v hi="$(col hits "$csv")" -v mi="$(col misses "$csv")" \
		-v cr="$(col creates "$csv")" -v de="$(col deletes "$csv")" '
		NR == 1 { cols = NF; next }
		$hk ~ /^(lsm|lsm\.s|fentry)\// && $st == "unsupported" && /kernel refuses (lsm|lsm\.s|fentry)\/[^ ]* programs: a trivial / { next }
		$st == "unsupported" && /one NUMA node online/ { next }
		NF != cols { print "row " NR " has " NF " fields, header " cols; bad = 1 }
		$st != "ok" { print "row " NR ": " $sc " is " $st ": " $0; bad = 1 }
		!($ops > 0 && $ns > 0 && $ps > 0 && $cv >= 0 && $tr > 0) {
			print "row " NR ": " $sc " has no measured figures"; bad = 1
		}
		$fl != 0 { print "row " NR ": " $sc " has failures"; bad = 1 }
		# The whole cell, warm-up included, ran at least the measured operations
		# (interleaved: a step is one get, or two on map 0s turn).
		$tr * $it * ($sc ~ /-interleaved$/ ? 2 : 1) < $ops {
			print "row " NR ": " $sc " ops exceed triggers"; bad = 1
		}
		$op ~ /^(get|lookup|update|inc|walk|attach)$/ && $hi < $ops {
			print "row " NR ": " $sc " hits < ops"; bad = 1
		}
		$op == "miss" && $mi < $ops { print "row " NR ": " $sc " misses < ops"; bad = 1 }
		$op == "create_delete" && ($cr < $ops || $de != $cr) {
			print "row " NR ": " $sc " creates/deletes do not match"; bad = 1
		}
		END { exit bad }' <(unquote_commas "$csv")
}

# --- listing ---------------------------------------------------------------
out=$("$LSBENCH" list)
nscen=$(echo "$out" | tail -n +2 | wc -l)
if [ "$nscen" -ge 5 ] && echo "$out" | grep -q '^task-get ' &&
	echo "$out" | grep -q '^task-create-delete ' && echo "$out" | grep -q '^task-empty '; then
	ok "list prints every scenario"
else
	not_ok "list prints every scenario" "$out"
fi

# --- a quick run of everything ----------------------------------------------
ncpu=$(nproc)
# Every scenario in every mode once: on two threads (where there are two CPUs) sharing their
# owners where a scenario can, 4 owners, 17 maps (more than the 16 cache slots), 4096-byte
# values. One owner, one thread, private owners and 100 owners are run below (sharing, soak).
c2=$((ncpu >= 2 ? 2 : 1))
before=$(bpf_objects)
"$LSBENCH" run --full --quick --rounds 1 --cpus "$c2" --sharing shared --objects 4 --maps 17 \
	--value-size 4096 -o "$tmp/all" >"$tmp/all.log" 2>&1
rc=$?
# The scenarios of one thread at most (one listener's accepts, attaching, the create-delete
# below) and of fewer maps than 17 (task-hash-get-random's, 8), on one thread and one map.
"$LSBENCH" run --quick --rounds 1 --cpus 1 --objects 4 --maps 1 --value-size 4096 \
	-s 'sk-accept-*' -s '*-attach' -s cgrp-create-delete -s task-uapi-create-delete \
	-s task-hash-get-random -o "$tmp/all1" >"$tmp/all1.log" 2>&1
rc1=$?
csv=$(summary_of "$tmp/all")
csv1=$(summary_of "$tmp/all1")
if [ "$rc" -eq 0 ] && [ "$rc1" -eq 0 ] && [ -n "$csv" ] && [ -n "$csv1" ]; then
	ok "quick run of all scenarios exits 0"
else
	not_ok "quick run of all scenarios exits 0" "exit $rc and $rc1" \
		"$(grep -hE 'failed|error' "$tmp/all.log" "$tmp/all1.log")"
fi
check "every cell is ok, measured and consistent" rows_ok "$csv"
check "every cell of one thread or map is ok, measured and consistent" rows_ok "$csv1"
missing=$(echo "$out" | tail -n +2 | awk '{ print $1 }' | while read -r s; do
	cat "$csv" "$csv1" | grep -q "^[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,$s," || echo "$s"; done)
if [ -z "$missing" ]; then ok "every listed scenario has cells"; else
	not_ok "every listed scenario has cells" "missing: $missing"; fi
# (quoted reasons may hold commas: drop them before cutting)
dups=$(sed -E 's/"[^"]*"//g' "$csv" | cut -d, -f6,10,11,12,13,14,"$(col sharing "$csv")" | sort | uniq -d)
if [ -z "$dups" ]; then ok "no cell is measured twice"; else not_ok "no cell is measured twice" "$dups"; fi
# Counters, run statistics and latency on every measured cell.
counters_ok() {
	awk -F, -v st="$(col status "$1")" -v tc="$(col task_clock_ns "$1")" \
		-v cy="$(col cycles "$1")" -v rc="$(col bpf_run_cnt "$1")" \
		-v hk="$(col hook "$1")" -v ls="$(col lat_samples "$1")" -v tn="$(col timer_ns "$1")" \
		-v p50="$(col lat_p50_ns "$1")" -v p99="$(col lat_p99_ns "$1")" -v mx="$(col lat_max_ns "$1")" \
		-v bs="$(col bpf_lat_samples "$1")" -v bt="$(col bpf_timer_ns "$1")" \
		-v b50="$(col bpf_lat_p50_ns "$1")" -v b99="$(col bpf_lat_p99_ns "$1")" '
		NR == 1 || $st != "ok" { next }
		!($tc > 0) { print "row " NR ": no task clock"; bad = 1 }
		$cy != "" && !($cy > 0) { print "row " NR ": cycles counted as " $cy; bad = 1 }
		$hk != "bpf(2)" && !($rc > 0) { print "row " NR ": no BPF run statistics"; bad = 1 }
		$hk != "bpf(2)" && !($bs > 0 && $bt > 0 && $b50 > 0 && $b50 <= $b99) {
			print "row " NR ": no BPF-side latency"; bad = 1
		}
		!($ls > 0 && $tn > 0 && $p50 > 0 && $p50 <= $p99 && $p99 <= $mx * 1.01) {
			print "row " NR ": latency percentiles out of order"; bad = 1
		}
		END { exit bad }' "$1"
}
check "every measured cell has counters, run statistics, BPF-side and trigger percentiles" \
	counters_ok "$csv"
check "so has every measured cell of one thread or map" counters_ok "$csv1"
check "hist.csv.gz holds a histogram for the measured cells" \
	test "$(zcat "$(dirname "$csv")/hist.csv.gz" | cut -d, -f3 | sort -u | wc -l)" -gt 20
# (after the mode: maps, owners, value size, threads)
check "sweeping scenarios run every owner count asked" \
	test "$(grep -c "^[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,sk-get,.*,loop,1,4,8,$c2," "$csv")" -eq 1
check "map-count sweeps run every map count asked" \
	test "$(grep -c "^[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,task-get-maps,.*,loop,17,[0-9]*,8,$c2," "$csv")" -eq 1
check "value-size sweeps run every size asked" \
	test "$(grep -c "^[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,sk-get-values,.*,loop,1,[0-9]*,4096,$c2," "$csv")" -eq 1
for mt in task_storage cgrp_storage sk_storage inode_storage percpu_cgroup_storage cgroup_storage; do
	grep -q ",$mt," "$csv" || not_ok "map type $mt is measured"
done
check "meta.txt says complete and records the context" \
	grep -qx "state: complete" "$(dirname "$csv")/meta.txt"
for key in lsbench_revision command_line kernel_release kernel_version kernel_cmdline cpu_model \
	online_cpus virt clocksource started_utc; do
	grep -q "^$key: ." "$(dirname "$csv")/meta.txt" || not_ok "meta.txt has $key"
done
check "results folder is named after the kernel release" \
	test -d "$tmp/all/$(uname -r)"
check "console shows the table and the added cost" \
	grep -qE "^task-get +hook +$c2 +private +[0-9]+ +1 +8 +[0-9.]+ +[0-9.]+% +[0-9.]+% +1 +[0-9.]+ +-?[0-9.]+ +ok" \
	"$tmp/all.log"
check "no BPF program, link or map left after a run" bpf_objects_back_to "$before"

check "no cgroup left behind" test -z "$(find $(cgroup_roots) -maxdepth 1 -name 'lsbench-*')"
check "no temporary folder left behind" test -z "$(find "${TMPDIR:-/tmp}" -maxdepth 1 -name 'lsbench-*-files.*')"

check "reps.csv has every repetition of every ok cell" test \
	"$(tail -n +2 "$(dirname "$csv")/reps.csv" | wc -l)" -eq "$((2 * $(grep -c ',ok,' "$csv")))"
check "summary.csv's header is lsbench columns' table" test \
	"$(head -n 1 "$csv")" = "$("$LSBENCH" columns | sed -n 's/^| `\([a-z_0-9]*\)` .*/\1/p' | paste -sd,)"
check "results/README.md documents every column as lsbench columns says" \
	grep -qF "$("$LSBENCH" columns | sed -n 5p)" "$(dirname "$0")/../results/README.md"
check "reps.csv's header ends with lsbench columns --file reps.csv's table" test \
	"$(head -n 1 "$(dirname "$csv")/reps.csv" | cut -d, -f13-)" = \
	"$("$LSBENCH" columns --file reps.csv | sed -n 's/^| `\([a-z_0-9]*\)` .*/\1/p' | paste -sd,)"
# A loop-mode repetition is timed between its producers' trigger ends (bench/trigtime.h), so that
# it holds whole triggers; a hook-mode one, whose programs have no stamp, by the clock. A loop-mode
# repetition in which a producer ended at most one trigger falls back to the clock (reps.csv's
# trigger_timed): on a machine busy with other work that happens to a few, so at least nine in
# ten, not all, must be timed by their triggers. With several producers their rates add up:
# ops_per_sec is the aggregate, ns_per_op per thread.
timing_ok() {
	awk -F, -v md="$(col mode "$1")" -v tt="$(col trigger_timed "$1")" -v cp="$(col cpus "$1")" \
		-v op="$(col ops "$1")" -v du="$(col duration_s "$1")" -v ps="$(col ops_per_sec "$1")" \
		-v ns="$(col ns_per_op "$1")" -v want_multi="$2" '
		NR == 1 { next }
		$md == "hook" && $tt != 0 { print "row " NR ": hook mode timed by triggers"; bad = 1 }
		$md != "hook" { loop++; by_trig += $tt == 1 }
		$md != "hook" && $cp > 1 { multi++ }
		$md == "hook" { hook++ }
		!(($ps * $du / $op - 1)^2 < 1e-8 && ($ns * $op / ($cp * $du * 1e9) - 1)^2 < 1e-8) {
			print "row " NR ": ops_per_sec or ns_per_op not of ops and duration_s"; bad = 1
		}
		END {
			if (!loop || by_trig < 0.9 * loop) {
				print by_trig + 0 " of " loop + 0 " loop-mode repetitions timed by their triggers"
				bad = 1
			}
			if (!hook || (want_multi && !multi)) {
				print hook + 0 " hook-mode repetitions, " multi + 0 " of loop modes with several producers"
				bad = 1
			}
			exit bad
		}' "$1"
}
check "loop-mode repetitions are timed between trigger ends, hook-mode ones by the clock" \
	timing_ok "$(dirname "$csv")/reps.csv" "$((c2 > 1))"

# The kernel's bench's shapes: random keys in maps of 4194304 keys (17 such maps are more than
# the scenario's max_maps: left out), and owners made 32 per trigger, one program run each.
"$LSBENCH" run -s task-hash-get-random -s 'task-churn-batch-*' -s 'sk-churn-lsm-*' -m hook,loop \
	--maps 1,17 --cpus 1 --quick --rounds 1 -o "$tmp/kbench" >"$tmp/kbench.log" 2>&1
rc=$?
kcsv=$(summary_of "$tmp/kbench")
if [ "$rc" -eq 0 ] && [ -n "$kcsv" ] && rows_ok "$kcsv" 6 >"$tmp/kbench.rows"; then
	ok "the kernel bench's shapes run and self-check (6 cells with the controls)"
else
	not_ok "the kernel bench's shapes run and self-check" "exit $rc" "$(cat "$tmp/kbench.rows")" \
		"$(tail -n 5 "$tmp/kbench.log")"
fi
batches=$(awk -F, -v sc="$(col scenario "$kcsv")" -v tr="$(col triggers "$kcsv")" \
	-v cr="$(col creates "$kcsv")" -v ops="$(col ops "$kcsv")" -v st="$(col status "$kcsv")" \
	-v nm="$(col nr_maps "$kcsv")" '
	NR == 1 { next }
	$sc ~ /-batch-|-lsm-/ && $st == "ok" && ($tr % 32 || $tr < $ops) { print $sc ": " $tr " runs" }
	$sc ~ /-storage$/ && $st == "ok" && $cr < $ops { print $sc ": " $cr " creates, " $ops " ops" }
	$sc == "task-hash-get-random" && $nm != 1 { print $sc ": " $nm " maps" }' "$kcsv")
check "batches of 32 program runs, storage made on each owner, one filled map" \
	test -z "$batches" -a -n "$kcsv"

# A slow trigger (a bpf_loop of a million gets takes milliseconds: 0.1 s holds fewer than 50):
# each repetition is drawn out until it holds 50 whole triggers, so that counting operations by
# whole triggers cannot move the figure by more than 2%.
"$LSBENCH" run -s task-get -m loop --cpus 1 --loop-iters 1000000 -w 0 -d 0.1 -r 1 --rounds 1 \
	-o "$tmp/slow" >"$tmp/slow.log" 2>&1
short=$(awk -F, -v sc="$(col scenario "$(summary_of "$tmp/slow")")" \
	-v ops="$(col ops "$(summary_of "$tmp/slow")")" 'NR > 1 && $sc == "task-get" && $ops < 50 * 1000000' \
	"$(dirname "$(summary_of "$tmp/slow")")/reps.csv")
check "a repetition of a slow cell holds 50 whole triggers at least" \
	test -z "$short" -a -n "$(summary_of "$tmp/slow")"

# --- sharing: private owners per thread, or the same owners for all ---------
if [ "$(nproc)" -ge 2 ]; then
	"$LSBENCH" run --quick --rounds 1 -s sk-get -s task-get -s cgrp-get -m loop --cpus 2 --objects 1,4 \
		-o "$tmp/share" >"$tmp/share.log" 2>&1
	csv=$(summary_of "$tmp/share")
	got=$(awk -F, -v sc="$(col scenario "$csv")" -v ob="$(col nr_objects "$csv")" \
		-v sh="$(col sharing "$csv")" -v st="$(col status "$csv")" \
		'NR > 1 && $sc !~ /-empty$/ { print $sc "/" $ob "/" $sh "/" $st }' "$csv" | sort |
		tr '\n' ' ')
	# a cgroup/getsockopt program runs under its socket's lock: not shared unless asked
	want="cgrp-get/2/shared/ok sk-get/4/private/ok task-get/2/private/ok "
	if [ "$got" = "$want" ]; then ok "sharing: sockets private unless asked, the nature of tasks and cgroups"
	else not_ok "sharing: sockets private unless asked, the nature of tasks and cgroups" "got:  $got" "want: $want"; fi
	"$LSBENCH" run --quick --rounds 1 -s sk-get -m loop --cpus 2 --objects 1 --sharing private \
		-o "$tmp/share1" >"$tmp/share1.log" 2>&1
	check "private sharing with fewer owners than threads is unsupported, named" \
		grep -q ',unsupported,"private owners need one per thread at least: 1 owners, 2 threads",' \
		"$(summary_of "$tmp/share1")"
fi

# --- --profile: the helper itself leads a loop-mode profile --------------------
# (a window of a second: perf record takes a moment to start sampling)
"$LSBENCH" run -s task-get -m loop --cpus 1 -w 0.1 -d 0.5 -r 2 --rounds 1 --profile -o "$tmp/prof" \
	>"$tmp/prof.log" 2>&1
prof="$(dirname "$(summary_of "$tmp/prof")")/profile.csv"
check "--profile keeps the top kernel symbols, bpf_task_storage_get among them" \
	grep -q ',task-get,.*,loop,.*,[0-9]*,bpf_task_storage_get[a-z_]*,[0-9.]*$' "$prof"
check "--profile removes its perf data" test -z "$(find /tmp -maxdepth 1 -name 'lsbench-perf-*')"

# --- --overhead: the same cell bare, beside it ----------------------------------
"$LSBENCH" run --quick --rounds 1 -s task-empty -m loop --cpus 1 --overhead -o "$tmp/ovh" \
	>"$tmp/ovh.log" 2>&1
csv=$(summary_of "$tmp/ovh")
check "--overhead reports bare ns per op and the instrumentation's cost" \
	awk -F, -v b="$(col bare_ns_per_op "$csv")" -v p="$(col instrumentation_pct "$csv")" \
	'NR == 2 { exit !($b > 0 && $p != "") }' "$csv"

# --- owners beyond the open-file limit: unsupported, naming the limit ----------
hard=$(ulimit -Hn)
many=$((hard + 10))
"$LSBENCH" run --quick --rounds 1 -s sk-get -m loop --cpus 1 --objects "1,$many" -o "$tmp/limit" \
	>"$tmp/limit.log" 2>&1
rc=$?
csv=$(summary_of "$tmp/limit")
if (ulimit -Hn $((many + 1000))) 2>/dev/null; then
	check "owners beyond RLIMIT_NOFILE are reached by raising it" rows_ok "$csv" 2
fi
# Without CAP_SYS_RESOURCE the hard limit cannot be raised: a limit of the machine.
setpriv --bounding-set=-sys_resource -- "$LSBENCH" run --quick --rounds 1 -s sk-get -m loop --cpus 1 \
	--objects "1,$many" -o "$tmp/limit2" >"$tmp/limit2.log" 2>&1
rc=$?
csv=$(summary_of "$tmp/limit2")
if [ "$rc" -eq 0 ] &&
	grep -q ",$many,8,1,.*,unsupported,\"\?needs [0-9]* open files; RLIMIT_NOFILE is .*(hard $hard), and raising the hard limit needs CAP_SYS_RESOURCE" "$csv" &&
	grep -q ",1,8,1,.*,ok," "$csv"; then
	ok "owners beyond a hard RLIMIT_NOFILE without CAP_SYS_RESOURCE: unsupported, the limit named"
else
	not_ok "owners beyond a hard RLIMIT_NOFILE without CAP_SYS_RESOURCE: unsupported, the limit named" \
		"exit $rc" "$(cat "$csv")"
fi

# --- faults of the tests' (LSBENCH_FAULT) fail their cells ---------------------
# fault_fails FAULT MODE PATTERN NAME [ARG...]: a run with LSBENCH_FAULT=FAULT in MODE, of
# task-get on one CPU unless ARGs say which cells, exits 1 with a failed cell whose reason in
# summary.csv and on the console starts with PATTERN (grep). Its results: $tmp/FAULT.
fault_fails() {
	local fault=$1 mode=$2 pattern=$3 name=$4 rc csv
	shift 4
	[ $# -gt 0 ] || set -- -s task-get --cpus 1
	LSBENCH_FAULT=$fault timeout 120 "$LSBENCH" run -m "$mode" -w 0.02 -d 0.05 -r 1 --rounds 1 \
		"$@" -o "$tmp/$fault" >"$tmp/$fault.log" 2>&1
	rc=$?
	csv=$(summary_of "$tmp/$fault")
	if [ "$rc" -eq 1 ] && [ -n "$csv" ] && grep -q ",failed,\"\?$pattern" "$csv" &&
		grep -q " failed: $pattern" "$tmp/$fault.log"; then
		ok "$name"
	else
		not_ok "$name" "exit $rc" "$(grep failed "$csv" 2>/dev/null)" "$(tail -n 5 "$tmp/$fault.log")"
	fi
}

# The cross-check can fail a cell.
fault_fails miscount hook 'counter mismatch: BPF saw [0-9]* triggers, producers issued' \
	"a counter mismatch fails the cell loudly"
csv=$(summary_of "$tmp/miscount")
trials=$(unquote_commas "$csv" | awk -F, -v t="$(col trial "$csv")" \
	'NR > 1 && $t == "fault miscount (LSBENCH_FAULT)"' | wc -l)
if grep -q '^trial: fault miscount (LSBENCH_FAULT): not a benchmark' "$(dirname "$csv")/meta.txt" &&
	[ "$trials" -ge 1 ] && [ "$trials" -eq "$(tail -n +2 "$csv" | wc -l)" ]; then
	ok "a run with a test's fault is marked a trial in meta.txt and summary.csv"
else
	not_ok "a run with a test's fault is marked a trial in meta.txt and summary.csv" \
		"$(cat "$(dirname "$csv")/meta.txt")"
fi
out=$(LSBENCH_FAULT=nosuch "$LSBENCH" run --quick -s task-get -o "$tmp/nofault" 2>&1)
rc=$?
if [ "$rc" -eq 2 ] && [ "$out" = "lsbench run: LSBENCH_FAULT 'nosuch' names no fault of the tests" ] &&
	[ ! -e "$tmp/nofault" ]; then
	ok "an unknown LSBENCH_FAULT is refused in one line, nothing written"
else
	not_ok "an unknown LSBENCH_FAULT is refused in one line, nothing written" "exit $rc" "$out"
fi

# --- a round disturbed by a competing load is redone once, then kept and marked
cpu0=$(taskset -pc $$ | sed 's/.*: //; s/[-,].*//')
taskset -c "$cpu0" sh -c 'while :; do :; done' &
hog=$!
"$LSBENCH" run -s task-get -m loop --cpus 1 -w 0.05 -d 0.05 -r 1 --rounds 2 -o "$tmp/hog" \
	>"$tmp/hog.log" 2>&1
rc=$?
# a smoke run keeps its disturbed rounds and repetitions as they come
"$LSBENCH" run --quick --rounds 1 -s task-get -m loop --cpus 1 -o "$tmp/hogq" >"$tmp/hogq.log" 2>&1
rcq=$?
kill "$hog"
wait "$hog" 2>/dev/null
csv=$(summary_of "$tmp/hog")
marked=$(unquote_commas "$csv" | awk -F, -v sc="$(col scenario "$csv")" \
	-v d="$(col rounds_disturbed "$csv")" -v r="$(col rounds_redone "$csv")" \
	-v n="$(col noisy "$csv")" -v w="$(col noisy_reason "$csv")" \
	'NR > 1 && $sc == "task-get" && $d == 2 && $r == 2 && $n == 1 && $w ~ /^"?2 of 2 rounds disturbed/')
reps_marked=$(awk -F, -v sc="$(col scenario "$(dirname "$csv")/reps.csv")" \
	-v d="$(col round_disturbed "$(dirname "$csv")/reps.csv")" \
	'NR > 1 && $sc == "task-get" && $d == 1' "$(dirname "$csv")/reps.csv" | wc -l)
if [ "$rc" -eq 0 ] && [ -n "$marked" ] && [ "$reps_marked" -eq 2 ] &&
	grep -q 'task-get .*ok (noisy)' "$tmp/hog.log"; then
	ok "rounds beside a CPU hog are redone once, then kept, counted and marked noisy with why"
else
	not_ok "rounds beside a CPU hog are redone once, then kept, counted and marked noisy with why" \
		"exit $rc" "$(cat "$csv")"
fi
csv=$(summary_of "$tmp/hogq")
kept=$(unquote_commas "$csv" | awk -F, -v sc="$(col scenario "$csv")" -v n="$(col noisy "$csv")" \
	-v d="$(col rounds_disturbed "$csv")" -v r="$(col rounds_redone "$csv")" \
	-v x="$(col reps_discarded "$csv")" \
	'NR > 1 && $sc == "task-get" && $d == 1 && $r == 0 && $x == 0 && $n == 1')
if [ "$rcq" -eq 0 ] && [ -n "$kept" ]; then
	ok "--quick beside a CPU hog keeps the disturbed round and repetitions, marked noisy"
else
	not_ok "--quick beside a CPU hog keeps the disturbed round and repetitions, marked noisy" \
		"exit $rcq" "$(cat "$csv")"
fi

# --- a competing load on the other CPUs (none on the producer's) disturbs the round: redone once,
# then kept, counted and marked noisy (why: the other CPUs busy, on a machine quiet but for it)
others=$(taskset -pc $$ | sed 's/.*: //' | tr ',' '\n' |
	awk -F- -v c0="$cpu0" '{ for (i = $1; i <= ($2 == "" ? $1 : $2); i++) if (i != c0) print i }')
if [ -z "$others" ]; then
	ok "rounds beside a load on the other CPUs are redone once, then kept and marked noisy # SKIP one CPU"
else
	hogs=()
	for c in $others; do
		taskset -c "$c" sh -c 'while :; do :; done' &
		hogs+=($!)
	done
	"$LSBENCH" run -s task-get -m loop --cpus 1 -w 0.05 -d 0.05 -r 1 --rounds 2 \
		-o "$tmp/hogo" >"$tmp/hogo.log" 2>&1
	rc=$?
	kill "${hogs[@]}"
	wait "${hogs[@]}" 2>/dev/null
	csv=$(summary_of "$tmp/hogo")
	reps=$(dirname "$csv")/reps.csv
	marked=$(unquote_commas "$csv" | awk -F, -v sc="$(col scenario "$csv")" \
		-v d="$(col rounds_disturbed "$csv")" -v n="$(col noisy "$csv")" \
		-v w="$(col noisy_reason "$csv")" \
		'NR > 1 && $sc == "task-get" && $d >= 1 && $n == 1 && $w ~ /rounds disturbed/')
	busy=$(awk -F, -v sc="$(col scenario "$reps")" -v b="$(col round_others_busy_pct "$reps")" \
		'NR > 1 && $sc == "task-get" && $b > 90' "$reps" | wc -l)
	if [ "$rc" -eq 0 ] && [ -n "$marked" ] && [ "$busy" -ge 1 ]; then
		ok "rounds beside a load on the other CPUs are redone once, then kept and marked noisy"
	else
		not_ok "rounds beside a load on the other CPUs are redone once, then kept and marked noisy" \
			"exit $rc, $busy repetitions read the others over 90% busy" "$(cat "$csv")"
	fi
fi

# --- a round its CPU ran slow (the speed probe) is redone once the probe is back, and counted
LSBENCH_FAULT=slowcpu "$LSBENCH" run -v -s task-get -m loop --cpus 1 -w 0.05 -d 0.05 -r 1 \
	--rounds 2 -o "$tmp/slow" >"$tmp/slow.log" 2>&1
rc=$?
csv=$(summary_of "$tmp/slow")
reps=$(dirname "$csv")/reps.csv
redone=$(unquote_commas "$csv" | awk -F, -v r="$(col rounds_redone "$csv")" \
	-v st="$(col status "$csv")" 'NR > 1 && $st == "ok" { n += $r } END { print n + 0 }')
unprobed=$(awk -F, -v s="$(col round_slow_pct "$reps")" 'NR > 1 && $s == ""' "$reps" | wc -l)
if [ "$rc" -eq 0 ] && [ "$redone" -ge 1 ] && [ "$unprobed" -eq 0 ] &&
	grep -Eq '^lsbench: [a-z-]+: the CPU ran [0-9]+% slow \(speed probe\); ' \
		"$tmp/slow.log"; then
	ok "a round whose speed probe read slow is redone after waiting for it, and counted"
else
	not_ok "a round whose speed probe read slow is redone after waiting for it, and counted" \
		"exit $rc, $redone redone, $unprobed unprobed" "$(grep 'speed' "$tmp/slow.log")"
fi

# --- a round still slow when measured again is left out, counted, and another measured in its place
# (the fault: the first round that may be left out reads slow, measured again too)
LSBENCH_FAULT=slowcpu2 "$LSBENCH" run -s task-get -m loop --cpus 1 -w 0.02 -d 0.02 -r 1 \
	--rounds 2 -o "$tmp/slow2" >"$tmp/slow2.log" 2>&1
rc=$?
csv=$(summary_of "$tmp/slow2")
reps=$(dirname "$csv")/reps.csv
got=$(unquote_commas "$csv" | awk -F, -v r="$(col rounds "$csv")" -v d="$(col rounds_dropped "$csv")" \
	'NR > 1 { n++; if ($r == 2) two++; d2 += $d } END { print n, two, (d2 >= 1) }')
# every repetition in reps.csv is of a round kept: none of the one left out
kept=$(awk -F, -v s="$(col scenario "$reps")" 'NR > 1 && ($s == "task-get" || $s == "task-empty")' \
	"$reps" | wc -l)
# (a slow spell of the machine's own may leave out more; --rounds alone: no wide extra round)
if [ "$rc" -eq 0 ] && [ "$got" = "2 2 1" ] && [ "$kept" -eq 4 ]; then
	ok "a round still slow when measured again is left out, counted, and owed"
else
	not_ok "a round still slow when measured again is left out, counted, and owed" \
		"exit $rc; cells, with two rounds, some left out: $got; repetitions: $kept" \
		"$(cat "$tmp/slow2.log")"
fi

# --- a round whose CPU reads slow after its warm-up waits, its setup kept, for the CPU's speed
# before its first repetition (the fault: the run's first probe reads twice as long; the wait's
# probes read the machine as it is)
LSBENCH_FAULT=slowstart "$LSBENCH" run -v -s task-get -m loop --cpus 1 -w 0.02 -d 0.02 -r 2 \
	--rounds 2 -o "$tmp/slowstart" >"$tmp/slowstart.log" 2>&1
rc=$?
csv=$(summary_of "$tmp/slowstart")
got=$(unquote_commas "$csv" | awk -F, -v st="$(col status "$csv")" -v r="$(col rounds "$csv")" \
	'NR > 1 && $st == "ok" { n++; if ($r == 2) two++ } END { print n, two }')
# and the reference the rounds were judged against, per CPU probed, in meta.txt
if [ "$rc" -eq 0 ] && [ "$got" = "2 2" ] &&
	grep -Eq '^speed_reference: cpu[0-9]+ [1-9][0-9]* ns(, cpu[0-9]+ [1-9][0-9]* ns)*$' \
		"$(dirname "$csv")/meta.txt" &&
	grep -Eq '^lsbench: [a-z-]+: its CPUs ran [0-9]+% slow after the warm-up \(speed probe\); (within the bound again|still slow, measured anyway) after [0-9.]+ s$' \
		"$tmp/slowstart.log" &&
	grep -Eq "^time_split: .*waiting for the CPUs' speed ([1-9][0-9]*\.[0-9]|0\.[1-9]) s \([1-9][0-9]* waits, [0-9]+ ended still slow\)" \
		"$(dirname "$csv")/meta.txt"; then
	ok "a round whose CPU reads slow after its warm-up waits for its speed, its setup kept; meta.txt has the reference"
else
	not_ok "a round whose CPU reads slow after its warm-up waits for its speed, its setup kept; meta.txt has the reference" \
		"exit $rc; cells ok, with two rounds: $got" "$(grep -E 'slow|speed' "$tmp/slowstart.log")"
fi

# --- a round let through by a reference that formed in a slow spell is judged again once the
# reference comes down: left out, counted, owed (the fault: the run's start probes and its first
# round read twice as long, and so do the readings that round adds to the reference)
LSBENCH_FAULT=slowref "$LSBENCH" run -v -s task-get -m loop --cpus 1 -w 0.02 -d 0.02 -r 2 \
	--rounds 2 -o "$tmp/slowref" >"$tmp/slowref.log" 2>&1
rc=$?
csv=$(summary_of "$tmp/slowref")
reps=$(dirname "$csv")/reps.csv
got=$(unquote_commas "$csv" | awk -F, -v st="$(col status "$csv")" -v r="$(col rounds "$csv")" \
	-v d="$(col rounds_dropped "$csv")" \
	'NR > 1 && $st == "ok" { n++; if ($r == 2) two++; dropped += $d } END { print n, two, (dropped >= 1) }')
# the cell measured first keeps no repetition of its round 1 (the other may)
first=$(awk -F, -v r="$(col round "$reps")" 'NR > 1 && $r == 1' "$reps" | wc -l)
if [ "$rc" -eq 0 ] && [ "$got" = "2 2 1" ] && [ "$first" -le 2 ] &&
	grep -Eq "^lsbench: [a-z-]+: round 1 judged again by its CPU's speed, [0-9]+% slower than the run's reference now: left out$" \
		"$tmp/slowref.log"; then
	ok "a round a slow reference let through is judged again as the reference comes down: left out, counted, owed"
else
	not_ok "a round a slow reference let through is judged again as the reference comes down: left out, counted, owed" \
		"exit $rc; cells ok, with two rounds, some left out: $got; round-1 repetitions: $first" \
		"$(grep -E 'slow|speed|judged' "$tmp/slowref.log")"
fi

# --- a repetition without operations: where the machine kept the producers
# off their CPUs, the round is disturbed (redone, counted, the cell noisy with
# why); where it left them alone, the cell fails loudly (a self-check). A
# slow spell of the machine's may redo a round more: two redone at least.
LSBENCH_FAULT=emptybusy "$LSBENCH" run -s task-get -m loop --cpus 1 -w 0.05 -d 0.05 -r 2 \
	--rounds 2 -o "$tmp/emptybusy" >"$tmp/emptybusy.log" 2>&1
rc=$?
csv=$(summary_of "$tmp/emptybusy")
marked=$(unquote_commas "$csv" | awk -F, -v sc="$(col scenario "$csv")" \
	-v st="$(col status "$csv")" -v d="$(col rounds_disturbed "$csv")" \
	-v r="$(col rounds_redone "$csv")" -v x="$(col reps_discarded "$csv")" \
	-v w="$(col noisy_reason "$csv")" \
	'NR > 1 && $sc == "task-get" && $st == "ok" && $d == 2 && $r >= 2 && $x >= 2 &&
	$w ~ /^"?2 of 2 rounds disturbed \(round 2: 1 repetition without operations: a producer on its CPU 0\.0%/')
if [ "$rc" -eq 0 ] && [ -n "$marked" ] && grep -q 'task-get .*ok (noisy)' "$tmp/emptybusy.log"; then
	ok "a repetition without operations, producers off their CPUs: the round redone, counted, noisy with why"
else
	not_ok "a repetition without operations, producers off their CPUs: the round redone, counted, noisy" \
		"exit $rc" "$(cat "$csv" "$tmp/emptybusy.log")"
fi
fault_fails emptyrep loop 'no operations in a repetition, its producers undisturbed (' \
	"a repetition without operations, producers undisturbed: the cell fails loudly"

# --- extra rounds: to imprecise cells up to --max-rounds, never past the budget ---
rounds_of() { # CSV: every ok cell's rounds, one line
	unquote_commas "$1" | awk -F, -v st="$(col status "$1")" -v r="$(col rounds "$1")" \
		'NR > 1 && $st == "ok" { print $r }' | sort -u | paste -sd' '
}
"$LSBENCH" run -s task-get -m loop --cpus 1 -w 0.02 -d 0.05 -r 1 --rounds 2 --max-rounds 4 \
	--precision 0.001 -o "$tmp/extra" >"$tmp/extra.log" 2>&1
rc=$?
csv=$(summary_of "$tmp/extra")
if [ "$rc" -eq 0 ] && [ "$(rounds_of "$csv")" = 4 ] && grep -q '^lsbench: extra round 4 of ' "$tmp/extra.log" &&
	grep -q '^rounds: 2 to 4 per cell, until the 95% interval is within 0.001%, the soonest within it first;' \
		"$(dirname "$csv")/meta.txt"; then
	ok "cells wider than --precision get extra rounds up to --max-rounds"
else
	not_ok "cells wider than --precision get extra rounds up to --max-rounds" "exit $rc" "$(cat "$csv")"
fi
"$LSBENCH" run -s task-get -m loop --cpus 1 -w 0.02 -d 0.05 -r 1 --rounds 2 --max-rounds 4 \
	--precision 0.001 --time-budget 0.1 -o "$tmp/budget" >"$tmp/budget.log" 2>&1
rc=$?
csv=$(summary_of "$tmp/budget")
if [ "$rc" -eq 0 ] && [ "$(rounds_of "$csv")" = 2 ] && ! grep -q 'extra round' "$tmp/budget.log"; then
	ok "no extra round once the time budget is spent, the least rounds all measured"
else
	not_ok "no extra round once the time budget is spent, the least rounds all measured" "exit $rc" \
		"$(cat "$csv")"
fi

# --- the accept path: a listener's storage cloned to each accepted socket, or not
before=$(bpf_objects)
tw0=$(ss -Htan state time-wait | wc -l)
"$LSBENCH" run -s 'sk-accept-*' --maps 1,16 --value-size 8,4096 -w 0.05 -d 0.2 -r 2 --rounds 1 \
	-o "$tmp/accept" >"$tmp/accept.log" 2>&1
rc=$?
csv=$(summary_of "$tmp/accept")
if [ "$rc" -eq 0 ] && [ -n "$csv" ]; then ok "the accept scenarios run and exit 0"; else
	not_ok "the accept scenarios run and exit 0" "exit $rc" "$(tail -n 5 "$tmp/accept.log")"; fi
# empty; noclone and clone at 1 and 16 maps; both -values at 8 and 4096 bytes
check "every accept cell is ok, measured and consistent" rows_ok "$csv" 9
# Each accepted socket: a hit when every map was cloned, a miss when none
# was; the empty program sees none of either. clone is measured against
# noclone, noclone against the empty program.
accept_ok() {
	awk -F, -v sc="$(col scenario "$1")" -v tr="$(col triggers "$1")" -v hi="$(col hits "$1")" \
		-v mi="$(col misses "$1")" -v md="$(col mode "$1")" -v cp="$(col cpus "$1")" \
		-v ad="$(col added_ns_per_op "$1")" '
		NR == 1 { next }
		$md != "hook" || $cp != 1 { print $sc " in " $md " mode, " $cp " cpus"; bad = 1 }
		$sc ~ /^sk-accept-clone/ && !($hi == $tr && $mi == 0) { print $sc ": not all hits"; bad = 1 }
		$sc ~ /^sk-accept-noclone/ && !($mi == $tr && $hi == 0) { print $sc ": not all misses"; bad = 1 }
		$sc == "sk-accept-empty" && !($hi == 0 && $mi == 0) { print $sc ": counted gets"; bad = 1 }
		$sc != "sk-accept-empty" && $ad == "" { print $sc ": no added_ns_per_op"; bad = 1 }
		END { exit bad }' "$1"
}
check "accepted sockets hold the listener's values with BPF_F_CLONE, none without" accept_ok "$csv"
tw1=$(ss -Htan state time-wait | wc -l)
check "the accepted connections leave no TIME_WAIT behind ($tw0 before, $tw1 after)" \
	test "$tw1" -le $((tw0 + 100))
check "no BPF object left after the accept scenarios" bpf_objects_back_to "$before"
check "no sockops program of lsbench's left loaded" \
	test -z "$(bpftool prog list 2>/dev/null | grep -E ' name accept_(empty|noclone|clone)_hook ')"
check "no cgroup or temporary file left after the accept scenarios" \
	test -z "$(left_by "$(sed -n 's/^pid: \([0-9]*\) .*/\1/p' "$(dirname "$csv")/meta.txt")")"
fault_fails unprimed hook 'counter mismatch: 0 hits, expected [1-9]' \
	"a listener without storage fails the clone's cell: its children are not all hits" \
	-s sk-accept-clone --maps 16

# --- cgroup storage beyond one cgroup: many cgroups, attaching, bpf(2), flags
# (measured in the quick runs above, at 4 cgroups)
csv=$(summary_of "$tmp/all")
# cgstore_ok CSV NODES MIN: the cgroup-storage cells of CSV, MIN of them at least, on NODES nodes.
cgstore_ok() {
	awk -F, -v sc="$(col scenario "$1")" -v st="$(col status "$1")" -v re="$(col reason "$1")" \
		-v ad="$(col added_ns_per_op "$1")" -v nodes="$2" -v min="$3" '
		NR == 1 { next }
		$sc ~ /-(cgroups|attach)$/ && $sc !~ /^cgstore-/ && $ad == "" {
			print $sc ": no added_ns_per_op"; bad = 1
		}
		$sc == "percpu-cgroup-get-numa" && nodes == 1 && \
			!($st == "unsupported" && $0 ~ /one NUMA node online/) {
			print $sc ": " $st " on one node"; bad = 1
		}
		$sc ~ /^(percpu-cgroup|cgroup-storage|cgstore)-/ { n++ }
		END { if (n < min) { print n " cgroup-storage cells"; bad = 1 } exit bad }' "$1"
}
nodes=$(awk -F'[-,]' '{ print ($NF == "0") ? 1 : 2 }' /sys/devices/system/node/online 2>/dev/null || echo 1)
check "cgroup storage on many cgroups, attached per cell, from bpf(2), with flags: measured, NUMA said" \
	cgstore_ok "$csv" "$nodes" 30
check "cgroup storage attached from bpf(2) on one thread: measured" cgstore_ok "$csv1" "$nodes" 3
LSBENCH_FAULT=unattached "$LSBENCH" run -s percpu-cgroup-uapi-lookup -s percpu-cgroup-uapi-walk \
	-s percpu-cgroup-get-cgroups -m hook --cpus 1 --objects 4 --value-size 8 -w 0.05 -d 0.1 -r 2 \
	--rounds 1 -o "$tmp/unattached" >"$tmp/unattached.log" 2>&1
rc=$?
csv=$(summary_of "$tmp/unattached")
if [ "$rc" -eq 1 ] &&
	grep -q ',percpu-cgroup-uapi-lookup,.*,failed,"\?counter mismatch: [0-9]* hits, expected' "$csv" &&
	grep -q ',percpu-cgroup-uapi-walk,.*,failed,"\?[0-9]* bpf(2) calls failed' "$csv" &&
	grep -q ',percpu-cgroup-get-cgroups,.*,failed,"\?counter mismatch: BPF saw' "$csv"; then
	ok "a cgroup left without the program fails lookups, walks and triggers on it"
else
	not_ok "a cgroup left without the program fails lookups, walks and triggers on it" "exit $rc" \
		"$(tail -n 5 "$tmp/unattached.log")"
fi

fault_fails leakfd hook 'leak: [0-9]* open fds before the cell, [0-9]* after' \
	"a cell that leaks an fd fails, naming the leak"
# a load that fails after its hook's probe passed: failed, not unsupported
fault_fails badload loop 'kernel refused to load tp_btf/sys_enter: ' \
	"a load failing after a passed probe fails the cell, not unsupported"
# a producer thread that cannot start: the others are released, not left waiting
[ "$(nproc)" -lt 2 ] || fault_fails thread loop 'cannot start producer thread 2 of 2' \
	"a producer thread that cannot start fails its cell; the run ends" -s task-get --cpus 2

# --- fentry mode: measured where the kernel takes fentry, else unsupported with why
"$LSBENCH" run --quick --rounds 1 -s task-get -m fentry --cpus 1 -o "$tmp/fentry" >"$tmp/fentry.log" 2>&1
rc=$?
csv=$(summary_of "$tmp/fentry")
rows=$(awk -F, -v sc="$(col scenario "$csv")" -v m="$(col mode "$csv")" -v st="$(col status "$csv")" \
	-v h="$(col hook "$csv")" -v re="$(col reason "$csv")" 'NR > 1 {
		ok = $m == "fentry" && $h == "fentry/sys_getpgid" &&
			($st == "ok" || ($st == "unsupported" && $0 ~ /kernel refuses fentry\/sys_getpgid programs: a trivial /))
		print $sc ":" $st ":" (ok ? "good" : "bad")
	}' "$csv" 2>/dev/null | sort | tr '\n' ' ')
case $rows in
"task-empty:ok:good task-get:ok:good " | "task-empty:unsupported:good task-get:unsupported:good ")
	[ "$rc" -eq 0 ] && ok "fentry mode: $rows" || not_ok "fentry mode exit $rc" "$rows" ;;
*) not_ok "fentry mode (exit $rc)" "$rows" "$(tail -n 5 "$tmp/fentry.log")" ;;
esac

# --- a cell that makes no progress: the watchdog says where, the run ends ----
start=$(date +%s)
LSBENCH_FAULT=stall timeout 120 "$LSBENCH" run --quick -s task-get -m loop --cpus 1 --stall 3 \
	-o "$tmp/stall" >"$tmp/stall.log" 2>&1
rc=$?
secs=$(($(date +%s) - start))
pid=$(awk '/^pid:/ { print $2; exit }' "$tmp"/stall/*/*/meta.txt 2>/dev/null)
"$LSBENCH" clean -o "$tmp/stall" 2>"$tmp/stall-clean.log"
if [ "$rc" -eq 1 ] && [ "$secs" -lt 60 ] &&
	grep -q "^lsbench: stuck in 'warm-up' of task-[a-z]* loop 1 cpu private, .*: ended (status 1)" "$tmp/stall.log" &&
	grep -q "^lsbench: stuck: thread [0-9]* (lsbench) state S, waiting in .*pause" "$tmp/stall.log" &&
	grep -q "^lsbench: stuck: thread [0-9]* (lsbench-cpu[0-9]*) state" "$tmp/stall.log" &&
	[ -n "$pid" ] && grep -q "state: dead: pid $pid gone" "$tmp/stall-clean.log" &&
	[ -z "$(left_by "$pid")" ]; then
	ok "a stalled cell: the watchdog names the step, the cell and each thread's wait, exit 1 in $secs s; clean after"
else
	not_ok "stall watchdog (exit $rc, $secs s, pid $pid)" "$(tail -n 8 "$tmp/stall.log")" \
		"$(cat "$tmp/stall-clean.log")" "$(left_by "$pid")"
fi

# Under icount (lsbench vm --accel icount) the guest's clock jumps while it idles:
# no watchdog unless --stall is given.
LSBENCH_VIRT=icount "$LSBENCH" run -s task-empty -m loop --cpus 1 -w 0.02 -d 0.02 -r 1 --rounds 1 \
	-o "$tmp/icount" >/dev/null 2>"$tmp/icount.log"
rc=$?
LSBENCH_VIRT=icount "$LSBENCH" run -s task-empty -m loop --cpus 1 -w 0.02 -d 0.02 -r 1 --rounds 1 \
	--stall 600 -o "$tmp/icount2" >/dev/null 2>"$tmp/icount2.log"
rc2=$?
if [ $rc = 0 ] && [ $rc2 = 0 ] && grep -q "^lsbench: no stall watchdog: under icount" "$tmp/icount.log" &&
	! grep -q "no stall watchdog" "$tmp/icount2.log"; then
	ok "under icount no stall watchdog by default; --stall given, it stays"
else
	not_ok "icount watchdog (exit $rc, $rc2)" "$(tail -n 3 "$tmp/icount.log")" "$(tail -n 3 "$tmp/icount2.log")"
fi

# --- two runs at once do not disturb each other -------------------------------
before=$(bpf_objects)
for i in 1 2; do
	"$LSBENCH" run -s task-get -s cgrp-get -s sk-get -s sk-churn-storage -s task-uapi-lookup \
		--cpus 1 --objects 1,100 --quick --rounds 1 -o "$tmp/conc$i" >"$tmp/conc$i.log" 2>&1 &
	eval "pid$i=\$!"
done
wait "$pid1"
rc1=$?
wait "$pid2"
rc2=$?
if [ "$rc1" -eq 0 ] && [ "$rc2" -eq 0 ]; then ok "two runs at once both succeed"; else
	not_ok "two runs at once both succeed" "exit $rc1 and $rc2" "$(tail -n 5 "$tmp"/conc*.log)"; fi
check "the first of two concurrent runs is consistent" rows_ok "$(summary_of "$tmp/conc1")"
check "the second of two concurrent runs is consistent" rows_ok "$(summary_of "$tmp/conc2")"
check "no BPF object left after two concurrent runs" bpf_objects_back_to "$before"

# --- soak: the same cells again and again, nothing grows ----------------------
# 100 owners and 17 maps only: the cells that make and free the most (the
# quick run above covers 1 owner and 1 map once).
# Kernel memory that no cache shrinker gives back (unreclaimable slab and per-CPU), in kB.
kernel_kb() {
	awk '/^(SUnreclaim|Percpu):/ { kb += $2 } END { print kb }' /proc/meminfo
}
soak_ok=1
: >"$tmp/soak.rows"
for i in 1 2 3 4; do
	"$LSBENCH" run -s 'task-*' -s sk-get -s 'cgrp-*' -s 'sk-uapi-*' -s 'inode-uapi-*' \
		--objects 100 --maps 17 \
		--quick --rounds 1 --cpus 1 -o "$tmp/soak" >"$tmp/soak.log" 2>&1 ||
		{ soak_ok=0; tail -n 3 "$tmp/soak.log" >>"$tmp/soak.rows"; }
	# every cell checks its own fds, threads and cgroup: a leak fails it
	rows_ok "$(summary_of "$tmp/soak")" >>"$tmp/soak.rows" || soak_ok=0
	bpf_objects_back_to "$before" >>"$tmp/soak.rows" || soak_ok=0
	[ -z "$(find $(cgroup_roots) -maxdepth 1 -name 'lsbench-*')" ] || soak_ok=0
	rm -rf "$tmp/soak"
	# the first two runs warm the kernel's caches; from the second on nothing may grow
	[ "$i" -eq 2 ] && kb2=$(kernel_kb)
	[ "$i" -eq 4 ] && kb4=$(kernel_kb)
done
if [ "$soak_ok" -eq 1 ]; then ok "four runs in a row leave no fd, thread, cgroup or BPF object"; else
	not_ok "four runs in a row leave no fd, thread, cgroup or BPF object" "$(cat "$tmp/soak.rows")"; fi
# A run creates and frees thousands of elements, maps and programs: 2 more runs may not
# keep 8 MiB of them (slab and per-CPU caches wobble by far less).
if [ $((kb4 - kb2)) -lt 8192 ]; then
	ok "kernel memory after four runs: $((kb4 - kb2)) kB more than after two"
else
	not_ok "kernel memory grows run after run" "$kb2 kB after run 2, $kb4 kB after run 4"
fi

# --- bad input: one line, exit 2, nothing written -----------------------------
# bad_input NAME PATTERN COMMAND...: exit 2, one line on stderr matching PATTERN.
bad_input() {
	local name=$1 pattern=$2
	shift 2
	local err rc
	err=$("$@" 2>&1 >/dev/null)
	rc=$?
	if [ "$rc" -eq 2 ] && [ "$(echo "$err" | wc -l)" -eq 1 ] &&
		echo "$err" | grep -q -- "$pattern" && [ ! -e "$tmp/bad" ]; then
		ok "bad input: $name"
	else
		not_ok "bad input: $name" "exit $rc" "$err"
	fi
}
bad_input "glob that matches nothing" "no scenario matches 'nope-\*'" "$LSBENCH" run -s 'nope-*' -o "$tmp/bad"
bad_input "warm-up is not a number" "^lsbench run: --warmup: 'abc' is not a number" "$LSBENCH" run -w abc -o "$tmp/bad"
bad_input "zero repetitions" "^lsbench run: --repetitions: '0' is not" "$LSBENCH" run -r 0 -o "$tmp/bad"
bad_input "unknown sharing" "^lsbench run: --sharing: 'public' is not" "$LSBENCH" run --sharing public -o "$tmp/bad"
bad_input "--quick with -d" "--quick sets" "$LSBENCH" run --quick -d 2 -o "$tmp/bad"
bad_input "more threads than CPUs" "only $ncpu CPUs are usable" "$LSBENCH" run --cpus $((ncpu + 1)) -o "$tmp/bad"
bad_input "unknown option" "unknown option '--frobnicate'" "$LSBENCH" run --frobnicate -o "$tmp/bad"
bad_input "stray argument" "unexpected argument 'extra'" "$LSBENCH" run -o "$tmp/bad" extra
bad_input "unknown command" "unknown command" "$LSBENCH" frobnicate
bad_input "no command" "no command given" "$LSBENCH"
bad_input "unwritable output folder" "cannot create output folder /proc/lsbench" "$LSBENCH" run --quick -s task-empty -o /proc/lsbench
# BTF hidden in a mount namespace of its own: the machine's stays as it is
if command -v unshare >/dev/null; then
	bad_input "no BTF" "kernel has no BTF" unshare -m sh -c \
		'mount -t tmpfs none /sys/kernel/btf && exec "$0" run --quick -o "$1"' "$LSBENCH" "$tmp/bad"
fi
if command -v setpriv >/dev/null; then
	bad_input "not root" "needs root" setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all \
		"$LSBENCH" run --quick -o "$tmp/bad"
fi

# --- interruption -----------------------------------------------------------
before=$(bpf_objects)
# 1 and 100 owners: a cell of 100 000 threads takes seconds to make and to
# unwind, interrupted or not (4.6 s here), longer than the 5 s allowed below
"$LSBENCH" run -s 'task-*' --objects 1,100 -w 0.2 -d 0.5 -r 2 -o "$tmp/int" >"$tmp/int.log" 2>&1 &
pid=$!
# interrupted once a cell is complete (its row written), not after a fixed time:
# on a busy machine 3 s once held no complete cell
for _ in $(seq 1200); do
	csv=$(summary_of "$tmp/int")
	[ -n "$csv" ] && [ "$(wc -l <"$csv")" -ge 2 ] && break
	kill -0 "$pid" 2>/dev/null || break
	sleep 0.1
done
kill -INT "$pid"
for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$pid" 2>/dev/null; then
	not_ok "SIGINT stops the run" "still running 5 s after SIGINT"
	kill -KILL "$pid"
fi
wait "$pid"
rc=$?
csv=$(summary_of "$tmp/int")
meta=$(dirname "$csv")/meta.txt
if [ "$rc" -eq 130 ] && grep -q '^state: partial: interrupted by Interrupt' "$meta"; then
	ok "SIGINT ends the run with status 130 and a partial meta.txt"
else
	not_ok "SIGINT ends the run with status 130 and a partial meta.txt" "exit $rc" \
		"$(cat "$meta" "$tmp/int.log")"
fi
rows=$(($(wc -l <"$csv") - 1))
if [ "$rows" -ge 1 ]; then
	check "the interrupted run keeps its completed cells in a valid CSV" rows_ok "$csv" "$rows"
else
	not_ok "the interrupted run keeps its completed cells in a valid CSV" "no rows"
fi
check "no temporary file left in the results folder" \
	test -z "$(find "$tmp" -name '*.tmp.*')"
check "no BPF object left after an interrupted run" bpf_objects_back_to "$before"

# Interrupts at random points of runs that make cgroups, sockets and files.
for sig in INT TERM INT; do
	delay=$(awk -v s="$RANDOM" 'BEGIN { srand(s); printf "%.2f", 0.2 + 3.8 * rand() }')
	"$LSBENCH" run -s 'sk-*' -s 'cgrp-*' -s 'inode-uapi-*' -s '*-cgroups' --objects 1,1000 \
		-w 0.1 -d 0.2 -r 2 -o "$tmp/rand" >"$tmp/rand.log" 2>&1 &
	pid=$!
	sleep "$delay"
	kill -"$sig" "$pid"
	wait "$pid"
	rc=$?
	left=$(find $(cgroup_roots) -maxdepth 1 -name 'lsbench-*'
		find "${TMPDIR:-/tmp}" -maxdepth 1 -name 'lsbench-*-files.*')
	if [ "$rc" -eq 130 ] && [ -z "$left" ] && bpf_objects_back_to "$before" >/dev/null; then
		ok "SIG$sig after ${delay}s leaves no cgroup, folder or BPF object"
	else
		not_ok "SIG$sig after ${delay}s leaves no cgroup, folder or BPF object" "exit $rc" \
			"left: $left" "$(tail -n 3 "$tmp/rand.log")"
	fi
done

# --- SIGKILL: what a killed run left, lsbench clean or the next run removes ----
# kill_run DIR DELAY [SCENARIOS]: a run that makes cgroups, sockets and files,
# killed with SIGKILL after DELAY s ("made": as soon as it has made a cgroup or
# folder); its pid.
kill_run() {
	local pid
	"$LSBENCH" run ${3:--s 'sk-*' -s 'cgrp-*' -s 'inode-uapi-*' -s '*-cgroups'} --objects 1,1000 \
		-w 0.1 -d 0.2 -r 2 -o "$1" >/dev/null 2>&1 &
	pid=$!
	if [ "$2" = made ]; then
		for _ in $(seq 100); do
			[ -n "$(left_by "$pid")" ] && break
			sleep 0.1
		done
	else
		sleep "$2"
	fi
	kill -KILL "$pid"
	wait "$pid" 2>/dev/null
	echo "$pid"
}

# cleaned_ok LOG RUNNING PID: every cgroup, folder and file of PID (listed in
# $tmp/left before) is gone and named in LOG; with RUNNING 1 its meta.txt,
# which said running, says dead. No meta.txt says running.
cleaned_ok() {
	local log=$1 running=$2 pid=$3 thing bad=0
	while read -r thing; do
		[ -n "$thing" ] || continue
		grep -q "^lsbench: removed [a-z]* $thing left by run pid $pid (no longer running)$" "$log" ||
			{ echo "not said: $thing"; bad=1; }
	done <"$tmp/left"
	[ -z "$(left_by "$pid")" ] || { echo "still there: $(left_by "$pid")"; bad=1; }
	if [ "$running" -eq 1 ]; then
		grep -q "^lsbench: marked .*/meta.txt state: dead: pid $pid gone (found by lsbench " "$log" ||
			{ echo "meta.txt of pid $pid not marked dead"; bad=1; }
	fi
	grep -l '^state: running$' "$tmp"/kill/*/*/meta.txt 2>/dev/null && bad=1
	[ "$bad" -eq 0 ] || cat "$log"
	return "$bad"
}

# Runs killed at random moments (the first once it has made something), each
# followed by lsbench clean.
kills=0
cleaned=0
pids=
for delay in made $(awk -v s="$RANDOM" 'BEGIN { srand(s); printf "%.2f %.2f", 0.2 + 3.8 * rand(), 0.2 + 3.8 * rand() }'); do
	pid=$(kill_run "$tmp/kill" "$delay")
	pids="$pids $pid"
	left_by "$pid" >"$tmp/left"
	if [ "$(grep -l "^pid: $pid " "$tmp"/kill/*/*/meta.txt 2>/dev/null | xargs -r grep -l '^state: running$')" ]; then
		running=1
	else
		running=0
	fi
	"$LSBENCH" clean -o "$tmp/kill" 2>"$tmp/clean.log"
	rc=$?
	kills=$((kills + $(wc -l <"$tmp/left") + running))
	if [ "$rc" -eq 0 ] && why=$(cleaned_ok "$tmp/clean.log" "$running" "$pid"); then
		cleaned=$((cleaned + 1))
	else
		not_ok "lsbench clean after SIGKILL at $delay s (exit $rc)" "$why"
	fi
done
if [ "$cleaned" -eq 3 ] && [ "$kills" -ge 2 ]; then
	ok "lsbench clean removes what 3 runs killed by SIGKILL left ($kills things), one line each"
else
	not_ok "lsbench clean after SIGKILL: $cleaned of 3 cleaned, $kills things left (need 2 or more)"
fi
"$LSBENCH" clean -o "$tmp/kill" 2>"$tmp/clean.log"
check "a second lsbench clean finds nothing more of them" \
	test -z "$(grep -E " pid ($(echo $pids | tr ' ' '|'))[ )]" "$tmp/clean.log")"
killed=$(kill_run "$tmp/kill" made "-s inode-uapi-lookup")
left_by "$killed" >"$tmp/left"
"$LSBENCH" run --quick -s task-empty -m loop --cpus 1 -o "$tmp/kill" >/dev/null 2>"$tmp/next.log"
rc=$?
if [ "$rc" -eq 0 ] && grep -q "/lsbench-$killed-files\." "$tmp/left" && why=$(cleaned_ok "$tmp/next.log" 1 "$killed"); then
	ok "the next lsbench run removes what a killed run left before it starts"
else
	not_ok "the next lsbench run removes what a killed run left (exit $rc)" "$why" "left: $(cat "$tmp/left")"
fi
# A live run's things are kept: clean while it runs. Its repetitions are long (4 x 0.5 s a
# cell), so that its cgroups and files are there for seconds: --quick's took 1.5 s in all, and a
# check that looked while the run had nothing out found it ended.
"$LSBENCH" run -s cgrp-get -s inode-uapi-lookup --cpus 1 --objects 100 --rounds 1 -d 0.5 -r 4 \
	-o "$tmp/live" >"$tmp/live.log" 2>&1 &
pid=$!
# until its things are there (its probes and first setup take seconds on a busy machine), or
# it ended, or a minute passed
for _ in $(seq 600); do
	[ -n "$(left_by "$pid")" ] && break
	kill -0 "$pid" 2>/dev/null || break
	sleep 0.1
done
had=$(left_by "$pid")
"$LSBENCH" clean -o "$tmp/live" 2>"$tmp/clean2.log"
wait "$pid"
rc=$?
if [ -n "$had" ] && [ "$rc" -eq 0 ] && ! grep -q " pid $pid " "$tmp/clean2.log" &&
	grep -qx 'state: complete' "$tmp"/live/*/*/meta.txt; then
	ok "lsbench clean keeps a live run's cgroup and folder; the run completes"
else
	not_ok "lsbench clean keeps a live run's things" "exit $rc" "had: $had" "$(cat "$tmp/clean2.log")"
fi
bad_input "clean with a stray argument" "unexpected argument 'extra'" "$LSBENCH" clean extra
if command -v setpriv >/dev/null; then
	bad_input "clean as another user" "needs root" setpriv --reuid=65534 --regid=65534 \
		--clear-groups --inh-caps=-all "$LSBENCH" clean -o "$tmp/bad"
fi

# --- compare and report ----------------------------------------------------
# Two short runs of the same cells; compare.csv, exit codes, refused input;
# report.html with every image present, rendered by headless Chromium.
# A/A: the same binary on the same kernel, alternated A B A B A B, three runs a side.
# Whether the host's noise gives such a comparison a verdict is a question of the machine,
# not of correctness (it did, at an FDR of 1%, on a quiet host: runs differ more than the
# rounds of one run): the power trials measure it (power/power.sh, results/power). Here
# the comparison is made, every cell gets one of the four verdicts, and the method is said.
# After each B run, the power test's run of it (below).
cmp_run() {
	out_dir=$1
	shift
	"$LSBENCH" run -s task-get -s task-empty -m loop --cpus 1,2 -w 0.05 -d 0.1 -r 3 \
		--rounds 2 -o "$tmp/$out_dir" "$@" >"$tmp/$out_dir.log" 2>&1
}
for i in 1 2 3; do
	cmp_run "cmpA$i"
	cmp_run "cmpB$i"
	cmp_run "powB$i" --slowdown 100
done
runA=$(dirname "$(summary_of "$tmp/cmpA1")")
runB=$(dirname "$(summary_of "$tmp/cmpB1")")
runA2=$(dirname "$(summary_of "$tmp/cmpA2")")
runB2=$(dirname "$(summary_of "$tmp/cmpB2")")
runA3=$(dirname "$(summary_of "$tmp/cmpA3")")
runB3=$(dirname "$(summary_of "$tmp/cmpB3")")
out=$("$LSBENCH" compare --fdr 0.01 -o "$tmp/aa.csv" "$runA,$runA2,$runA3" "$runB,$runB2,$runB3" \
	2>&1)
rc=$?
verdicts=$(awk -F, -v v="$(col verdict "$tmp/aa.csv")" \
	'NR > 1 && $v != "faster" && $v != "slower" && $v != "same" && $v != "~"' "$tmp/aa.csv" 2>/dev/null)
nr_judged=$(awk 'END { print NR - 1 }' "$tmp/aa.csv" 2>/dev/null)
acsv="$runA/summary.csv"
reps_want=$(awk -F, -v st="$(col status "$acsv")" -v rd="$(col rounds "$acsv")" \
	'NR > 1 && $st == "ok" { n += 3 * $rd } END { print n + 0 }' "$acsv")
check "reps.csv has every repetition of every ok cell, round by round" test \
	"$(tail -n +2 "$runA/reps.csv" | wc -l)" -eq "$reps_want"
rounds_bad=$(awk -F, -v st="$(col status "$acsv")" -v rd="$(col rounds "$acsv")" \
	-v lo="$(col ns_per_op_ci_lo "$acsv")" -v hi="$(col ns_per_op_ci_hi "$acsv")" \
	-v ns="$(col ns_per_op "$acsv")" -v sc="$(col scenario "$acsv")" \
	'NR > 1 && $st == "ok" && !($rd == 2 && $lo > 0 && $lo <= $ns && $ns <= $hi) { print $sc }' \
	"$acsv")
if [ -z "$rounds_bad" ]; then ok "every ok cell has two rounds and an interval around its figure"; else
	not_ok "every ok cell has two rounds and an interval around its figure" "$rounds_bad"; fi
check "meta.txt records the rounds and the shuffle's seed" \
	grep -q '^rounds: 2 to 2 per cell.*shuffle seed [0-9]' "$runA/meta.txt"
# the kernel's CRNG, seeded before anything is measured: seeded here (the host's is), and when
# the check reads it unseeded (the fault), the run waits for it and says so
LSBENCH_FAULT=crng "$LSBENCH" run -s task-empty -m loop --cpus 1 -w 0.02 -d 0.02 -r 1 \
	--rounds 1 --max-rounds 1 -o "$tmp/crng" >"$tmp/crng.log" 2>&1
if grep -qx 'crng: seeded before the run' "$runA/meta.txt" &&
	grep -q "^lsbench: the kernel's random number generator was not seeded: waited [0-9.]* s" \
		"$tmp/crng.log" &&
	grep -Eq '^crng: seeded after waiting [0-9]+\.[0-9] s$' "$(dirname "$(summary_of "$tmp/crng")")/meta.txt"; then
	ok "the kernel's CRNG is seeded before a run measures, and meta.txt says whether it was waited for"
else
	not_ok "the kernel's CRNG is seeded before a run measures" "$(grep crng "$runA/meta.txt")" \
		"$(cat "$tmp/crng.log")"
fi
# time_split: the parts of the wall time, none negative but the rest (a clock's rounding), the
# repetitions kept within measuring, and the cells' parts (setup, measuring, teardown, redone,
# speed waits) the time the cells took by summary.csv's cell_seconds, timed apart from them.
split=$(sed -n 's/^time_split: //p' "$runA/meta.txt")
cells_s=$(awk -F, -v c="$(col cell_seconds "$runA/summary.csv")" 'NR > 1 { s += $c }
	END { print s + 0 }' "$runA/summary.csv")
if echo "$split" | awk -v cells="$cells_s" '{
	gsub(/[:,()]/, " ")
	for (i = 1; i < NF; i++) if ($(i + 1) == "s" && $i ~ /^-?[0-9.]+$/) v[++n] = $i
	# wall, setup, measuring, kept, teardown, redone, speed, writing, rest
	ok = n == 9 && v[1] > 0 && v[3] > 0 && v[4] > 0 && v[4] <= v[3] && v[9] > -0.5
	for (i = 2; i <= 8; i++) ok = ok && v[i] >= 0
	parts = v[2] + v[3] + v[5] + v[6] + v[7]
	exit !(ok && cells > 0 && parts <= cells + 0.5 && parts >= 0.9 * cells - 0.5) }'; then
	ok "meta.txt: time_split, where the wall time went: $split (cells: $cells_s s)"
else
	not_ok "meta.txt: time_split" "$split" "summary.csv's cell_seconds: $cells_s s"
fi
if [ "$rc" -eq 0 ] && [ "${nr_judged:-0}" -ge 4 ] && [ -z "$verdicts" ] &&
	echo "$out" | grep -q 'Benjamini-Hochberg'; then
	ok "A/A: three alternated runs a side compared, each of $nr_judged cells one of the four verdicts"
else
	not_ok "A/A: three alternated runs a side compared, one of the four verdicts a cell" \
		"exit $rc" "cells: $nr_judged" "other verdicts: $verdicts" "$out"
fi
# Power: the B runs against the same with the BPF side's calibrated slowdown (--slowdown 100:
# each get run twice), run right after each, a trial that compare reads only with --trial.
# Three runs a side, alternated: the run is the unit, paired in time (--new repeated: one side).
# Whether the slowdown is found is a question of the host's noise, not of correctness: that is
# checked under icount, where instructions hold still (tests/vm.sh), and measured by the power
# trials (power/power.sh). Here: the trial is marked, compared, and its repeats counted.
powA="$runB,$runB2"
powB1=$(dirname "$(summary_of "$tmp/powB1")")
pow_sides=(--base "$powA" --base "$runB3" --new "$powB1"
	--new "$(dirname "$(summary_of "$tmp/powB2")")"
	--new "$(dirname "$(summary_of "$tmp/powB3")")")
out=$("$LSBENCH" compare --trial -o "$tmp/pow.csv" "${pow_sides[@]}" 2>&1)
rc=$?
compared=$(awk -F, -v s="$(col scenario "$tmp/pow.csv")" -v u="$(col unit "$tmp/pow.csv")" \
	-v b="$(col base_units "$tmp/pow.csv")" -v n="$(col new_units "$tmp/pow.csv")" \
	'NR > 1 && $u == "pair" && $b == 3 && $n == 3 { print $s }' "$tmp/pow.csv" 2>/dev/null | sort | uniq -c |
	awk '{ printf "%s %s;", $2, $1 }')
trials=$(unquote_commas "$powB1/summary.csv" | awk -F, -v t="$(col trial "$powB1/summary.csv")" \
	'NR > 1 && $t == "slowdown 100%"' | wc -l)
if [ "$rc" -le 1 ] && [ "$compared" = "task-empty 2;task-get 2;" ] &&
	[ "$trials" -eq "$(tail -n +2 "$powB1/summary.csv" | wc -l)" ] &&
	grep -q '^trial: slowdown 100%: not a benchmark' "$powB1/meta.txt" &&
	echo "$out" | grep -q 'paired in time'; then
	ok "power: three slowed runs a side compare with --trial, run by run, paired in time; meta.txt and summary.csv mark the trial"
else
	not_ok "power: three slowed runs a side compare with --trial, run by run, paired in time; meta.txt and summary.csv mark the trial" \
		"exit $rc" "compared: $compared" "trial rows: $trials" "$out"
fi
# --over-control: each get judged over its control, the controls as measured; the method
# line and compare.csv's over_control say which.
out=$("$LSBENCH" compare --trial --over-control -o "$tmp/powoc.csv" "${pow_sides[@]}" 2>&1)
rc=$?
oc=$(awk -F, -v s="$(col scenario "$tmp/powoc.csv")" -v o="$(col over_control "$tmp/powoc.csv")" \
	'NR > 1 { print $s, $o }' "$tmp/powoc.csv" 2>/dev/null | sort | uniq -c | awk '{ printf "%s %s %s;", $2, $3, $1 }')
if [ "$rc" -le 1 ] && [ "$oc" = "task-empty 0 2;task-get 1 2;" ] &&
	echo "$out" | grep -q 'each over its control.s in the same run'; then
	ok "compare --over-control: the gets judged over their controls, the controls as measured"
else
	not_ok "compare --over-control: the gets over their controls" "exit $rc" "over_control: $oc" "$out"
fi
# Only cells with a map under test are slowed: the empty control runs as in a benchmark, its
# rows ok in every slowed run (the self-check expects no repeat there), while task-get's hits
# count its repeats (twice its operations; once in a run not slowed).
# repeats_seen CSV: "scenario status hits/(triggers*loop_iters)" for each row.
repeats_seen() {
	unquote_commas "$1" | awk -F, -v s="$(col scenario "$1")" -v st="$(col status "$1")" \
		-v hi="$(col hits "$1")" -v tr="$(col triggers "$1")" -v it="$(col loop_iters "$1")" \
		'NR > 1 { printf "%s %s %.1f\n", $s, $st, $tr * $it ? $hi / ($tr * $it) : -1 }'
}
repeats=$(for i in 1 2 3; do repeats_seen "$(summary_of "$tmp/powB$i")"; done)
base_repeats=$(repeats_seen "$runB/summary.csv")
if [ "$(echo "$repeats" | grep -c '^task-empty ok ')" -eq 6 ] &&
	[ "$(echo "$repeats" | grep -cE '^task-get ok (1\.[5-9]|2\.[0-4])')" -eq 6 ] &&
	[ "$(echo "$base_repeats" | grep -cE '^task-get ok (0\.[5-9]|1\.[0-4])')" -eq 2 ]; then
	ok "power: the slowdown repeats task-get's operations, not its control's"
else
	not_ok "power: the slowdown repeats task-get's operations, not its control's" \
		"$repeats" "base: $base_repeats"
fi
out=$("$LSBENCH" compare -o "$tmp/pow2.csv" "$powA" "$powB1" 2>&1)
rc=$?
if [ "$rc" -eq 2 ] && [ "$(echo "$out" | wc -l)" -eq 1 ] &&
	echo "$out" | grep -q "a trial, not a benchmark (slowdown 100%): give --trial" &&
	! "$LSBENCH" report -o "$tmp/powrep" "$powB1" >/dev/null 2>&1; then
	ok "compare and report refuse a trial set without --trial, in one line"
else
	not_ok "compare and report refuse a trial set without --trial, in one line" "exit $rc" "$out"
fi
# cp_scaled SRC DST FACTOR: a copy of a run with every ns_per_op multiplied.
cp_scaled() {
	cp -r "$1" "$2"
	for f in summary.csv reps.csv; do
		[ -f "$1/$f" ] || continue
		awk -F, -v OFS=, -v c="$(col ns_per_op "$1/$f")" -v k="$3" \
			'NR > 1 && $c != "" { $c = $c * k } 1' "$1/$f" >"$2/$f"
	done
}
if [ -f "$runA/reps.csv" ]; then
	out=$("$LSBENCH" compare -o "$tmp/compare.csv" "$runA" "$runB" 2>&1)
	rc=$?
	hdr=$(head -n 1 "$tmp/compare.csv" 2>/dev/null)
	if [ "$rc" -eq 0 ] && echo "$out" | grep -q '^geometric mean' &&
		echo "$hdr" | grep -q '^schema_version,scenario,.*,verdict,.*,ratio,ci_low,ci_high,p,' &&
		[ "$(tail -n +2 "$tmp/compare.csv" | wc -l)" -eq "$(tail -n +2 "$runA/summary.csv" | wc -l)" ]; then
		ok "compare of two runs exits 0 and writes compare.csv"
	else
		not_ok "compare of two runs exits 0 and writes compare.csv" "exit $rc" "$out" "$hdr"
	fi
	# two runs a side, the run the unit: the A run and a copy of it 1% slower against copies
	# of both three times as slow. Two measured runs a side made the verdict hang on how far
	# apart the machine put them (runs 50% apart under a slow spell: no verdict, exit 0)
	cp_scaled "$runA" "$tmp/a1pct" 1.01
	cp_scaled "$runA" "$tmp/slow1" 3
	cp_scaled "$runA" "$tmp/slow2" 3.03
	out=$("$LSBENCH" compare --fail-on-regression -o "$tmp/c2.csv" "$runA,$tmp/a1pct" \
		"$tmp/slow1,$tmp/slow2" 2>&1)
	rc=$?
	if [ "$rc" -eq 1 ] && echo "$out" | grep -q ' slower$'; then
		ok "--fail-on-regression exits 1 when cells are 3 times slower"
	else
		not_ok "--fail-on-regression exits 1 when cells are 3 times slower" "exit $rc" "$out"
	fi
	cp -r "$runA" "$tmp/copyA"
	out=$("$LSBENCH" compare --fail-on-regression -o "$tmp/c3.csv" "$runA" "$tmp/copyA" 2>&1)
	rc=$?
	if [ "$rc" -eq 0 ] && ! echo "$out" | grep -q ' slower$'; then
		ok "--fail-on-regression exits 0 for a run against a copy of itself"
	else
		not_ok "--fail-on-regression exits 0 for a run against a copy of itself" "exit $rc" "$out"
	fi
	out=$("$LSBENCH" compare -o "$tmp/c3b.csv" "$runA" "$runA" 2>&1)
	rc=$?
	if [ "$rc" -eq 2 ] && [ "$(echo "$out" | wc -l)" -eq 1 ] && [ ! -e "$tmp/c3b.csv" ] &&
		echo "$out" | grep -q "is on both sides"; then
		ok "compare refuses a run against itself in one line, writing nothing"
	else
		not_ok "compare refuses a run against itself in one line, writing nothing" "exit $rc" "$out"
	fi
	cp -r "$runB" "$tmp/old"
	sed -i '2,$s/^[0-9]*,/1,/' "$tmp/old/summary.csv"
	out=$("$LSBENCH" compare -o "$tmp/c4.csv" "$runA" "$tmp/old" 2>&1)
	rc=$?
	if [ "$rc" -eq 2 ] && [ "$(echo "$out" | wc -l)" -eq 1 ] &&
		echo "$out" | grep -q "old/summary.csv.*schema_version"; then
		ok "compare refuses another schema_version in one line naming the file"
	else
		not_ok "compare refuses another schema_version in one line naming the file" \
			"exit $rc" "$out"
	fi
	cp -r "$runB" "$tmp/badreps"
	awk -F, -v OFS=, -v c="$(col ns_per_op "$runB/reps.csv")" 'NR == 3 { $c = "fast" } 1' \
		"$runB/reps.csv" >"$tmp/badreps/reps.csv"
	out=$("$LSBENCH" compare -o "$tmp/c5.csv" "$runA" "$tmp/badreps" 2>&1)
	rc=$?
	if [ "$rc" -eq 2 ] && echo "$out" | grep -q "badreps/reps.csv:3: column ns_per_op: 'fast'"; then
		ok "compare refuses a malformed reps.csv naming file and line"
	else
		not_ok "compare refuses a malformed reps.csv naming file and line" "exit $rc" "$out"
	fi
else
	out=$("$LSBENCH" compare -o "$tmp/compare.csv" "$runA" "$runB" 2>&1)
	rc=$?
	if [ "$rc" -eq 2 ] && echo "$out" | grep -q "summary.csv: schema_version 1 has no reps.csv"; then
		ok "compare refuses results without repetitions (schema 1)"
	else
		not_ok "compare refuses results without repetitions (schema 1)" "exit $rc" "$out"
	fi
fi
cp -r "$runB" "$tmp/trunc"
head -c -3 "$runB/summary.csv" >"$tmp/trunc/summary.csv"
out=$("$LSBENCH" compare "$runA" "$tmp/trunc" 2>&1)
rc=$?
last=$(wc -l <"$runB/summary.csv")
if [ "$rc" -eq 2 ] && echo "$out" | grep -q "trunc/summary.csv:$last: truncated"; then
	ok "a truncated summary.csv is refused naming file and line"
else
	not_ok "a truncated summary.csv is refused naming file and line" "exit $rc" "$out"
fi

out=$("$LSBENCH" report -o "$tmp/report" "$runA" "$runB" 2>&1)
rc=$?
html=$tmp/report/report.html
missing=$(grep -o '<img src="[^"]*"' "$html" 2>/dev/null | sed 's/<img src="//; s/"$//' |
	while read -r img; do [ -s "$tmp/report/$img" ] || echo "$img"; done)
nimg=$(grep -c '<img src=' "$html" 2>/dev/null)
if [ "$rc" -eq 0 ] && [ "${nimg:-0}" -ge 3 ] && [ -z "$missing" ]; then
	ok "report writes report.html and its $nimg images"
else
	not_ok "report writes report.html and its images" "exit $rc" "$out" "missing: $missing"
fi
if command -v chromium >/dev/null; then
	profile=$(mktemp -d /tmp/lsbench-chromium.XXXXXX)
	dom=$(timeout 120 chromium --headless --no-sandbox --disable-gpu \
		--disable-background-networking --disable-component-update --disable-sync \
		--no-first-run --user-data-dir="$profile" --virtual-time-budget=10000 \
		--dump-dom "file://$html" 2>/dev/null)
	rm -rf "$profile"
	if echo "$dom" | grep -q 'id="imgcheck" data-ok="yes"'; then
		ok "Chromium renders report.html with every image loaded"
	else
		not_ok "Chromium renders report.html with every image loaded" \
			"$(echo "$dom" | grep imgcheck)"
	fi
else
	not_ok "Chromium renders report.html with every image loaded" "no chromium (make deps)"
fi

# A set with 140 owner sweeps (> 128 series): every one is drawn in some
# owners picture or named as left out in the page.
mkdir -p "$tmp/fx/k/fx"
cp "$runA/hist.csv.gz" "$runA/meta.txt" "$tmp/fx/k/fx/"
awk -F, -v OFS=, -v sc="$(col scenario "$runA/summary.csv")" -v ob="$(col nr_objects "$runA/summary.csv")" \
	-v cp="$(col cpus "$runA/summary.csv")" -v md="$(col mode "$runA/summary.csv")" '
	NR == 1 { print; next }
	$sc == "task-get" && $md == "loop" && $cp == 1 && !done {
		done = 1
		for (i = 0; i < 140; i++) for (o = 1; o <= 100; o *= 100) {
			$sc = sprintf("fx-%03d", i); $ob = o; print
		}
	}' "$runA/summary.csv" >"$tmp/fx/k/fx/summary.csv"
awk -F, -v OFS=, '
	NR == 1 { print; next }
	$3 == "task-get" && $7 == "loop" && $11 == 1 {
		for (i = 0; i < 140; i++) for (o = 1; o <= 100; o *= 100) {
			$3 = sprintf("fx-%03d", i); $9 = o; print
		}
	}' "$runA/reps.csv" >"$tmp/fx/k/fx/reps.csv"
out=$("$LSBENCH" report -o "$tmp/fxrep" "$tmp/fx/k/fx" 2>&1)
rc=$?
missing=$(for i in $(seq 0 139); do
	s=$(printf 'fx-%03d/loop' "$i")
	grep -qF "\"$s " "$tmp"/fxrep/plots/owners*.gp 2>/dev/null ||
		grep -F "<details>" "$tmp/fxrep/report.html" 2>/dev/null | grep -qF "$s" || echo "$s"
done)
npics=$(ls "$tmp"/fxrep/plots/owners*.png 2>/dev/null | wc -l)
if [ "$rc" -eq 0 ] && [ "$(tail -n +2 "$tmp/fx/k/fx/summary.csv" | wc -l)" -eq 280 ] && [ -z "$missing" ] &&
	[ "$npics" -ge 6 ]; then
	ok "report of 140 owner sweeps draws every one, in $npics pictures"
else
	not_ok "report of 140 owner sweeps draws every one" "exit $rc" "$out" \
		"missing: $(echo $missing)" "$npics pictures"
fi
# Error bars where summary.csv has ns_per_op_ci_lo and _hi, none where they are empty.
ci_set() { # ci_set SRC DST LO HI: a copy with the intervals at LO and HI times ns_per_op ("": empty)
	cp -r "$1" "$2"
	awk -F, -v OFS=, -v ns="$(col ns_per_op "$1/summary.csv")" -v a="$3" -v b="$4" \
		-v lo="$(col ns_per_op_ci_lo "$1/summary.csv")" -v hi="$(col ns_per_op_ci_hi "$1/summary.csv")" '
		NR == 1 { print; next }
		{ $lo = a == "" ? "" : $ns * a; $hi = b == "" ? "" : $ns * b; print }' \
		"$1/summary.csv" >"$2/summary.csv"
}
ci_set "$tmp/fx/k/fx" "$tmp/fxci" 0.9 1.1
ci_set "$tmp/fx/k/fx" "$tmp/fxnoci" "" ""
out=$("$LSBENCH" report -o "$tmp/fxcirep" "$tmp/fxci" 2>&1)
rc=$?
out2=$("$LSBENCH" report -o "$tmp/fxnocirep" "$tmp/fxnoci" 2>&1)
if [ "$rc" -eq 0 ] && grep -q 'using 1:2:3:4 with yerrorlines' "$tmp/fxcirep/plots/owners.gp" &&
	! grep -q yerrorlines "$tmp/fxnocirep/plots/owners.gp"; then
	ok "sweeps have error bars where summary.csv has intervals, none where it has not"
else
	not_ok "sweeps have error bars where summary.csv has intervals" "exit $rc" "$out" "$out2"
fi
# Provenance: meta.txt says whether the binary was built from uncommitted
# changes; a report of such a run, or by such a binary, warns at the top.
want=no
"$LSBENCH" version | grep -q -- '-dirty)$' && want=yes
check "meta.txt says dirty: $want as lsbench version does" grep -q "^dirty: $want" "$runA/meta.txt"
cp -r "$runA" "$tmp/dirty"
sed -i 's/^dirty: .*/dirty: yes (built from uncommitted changes)/' "$tmp/dirty/meta.txt"
"$LSBENCH" report -o "$tmp/dirtyrep" "$tmp/dirty" >/dev/null 2>&1
check "a report of a run from uncommitted changes warns at the top" \
	grep -q '^<p class="warn">Dirty: run .* built from uncommitted changes' "$tmp/dirtyrep/report.html"
sed -i 's/^dirty: .*/dirty: no/' "$tmp/dirty/meta.txt"
"$LSBENCH" report -o "$tmp/cleanrep" "$tmp/dirty" >/dev/null 2>&1
if [ "$want" = no ]; then
	check "a report of a clean run by a clean binary does not warn" \
		test -z "$(grep 'class="warn">Dirty' "$tmp/cleanrep/report.html")"
else
	check "a report by a binary from uncommitted changes warns at the top" \
		grep -q '^<p class="warn">Dirty: this report was written by lsbench' "$tmp/cleanrep/report.html"
fi

echo "1..$n"
