#!/bin/bash
# Integration tests: run lsbench as root against the running kernel and check
# its exit codes, its CSV rows and that it leaves nothing behind. Prints one
# "ok N - name" or "not ok N - name" line per check.
set -u
LSBENCH=${LSBENCH:-.output/lsbench}
tmp=$(mktemp -d /tmp/lsbench-it.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
n=0

ok() {
	n=$((n + 1))
	echo "ok $n - $1"
}

not_ok() {
	n=$((n + 1))
	echo "not ok $n - $1"
	shift
	for line in "$@"; do echo "#   $line"; done
}

# check NAME COMMAND...: passes when COMMAND exits 0.
check() {
	local name=$1
	shift
	if out=$("$@" 2>&1); then ok "$name"; else not_ok "$name" "$out"; fi
}

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

# summary.csv of the newest run under a results root.
summary_of() {
	ls -t "$1"/*/*/summary.csv 2>/dev/null | head -n 1
}

# Column number of a header name in a CSV file.
col() {
	head -n 1 "$2" | tr ',' '\n' | grep -nx "$1" | cut -d: -f1
}

# Fails unless every data row of CSV is ok, measured and self-consistent.
rows_ok() {
	local csv=$1 want=$2
	local rows
	rows=$(tail -n +2 "$csv" | wc -l)
	[ "$rows" -eq "$want" ] || { echo "$rows rows, expected $want"; return 1; }
	awk -F, -v st="$(col status "$csv")" -v ops="$(col ops "$csv")" \
		-v ns="$(col ns_per_op "$csv")" -v ps="$(col ops_per_sec "$csv")" \
		-v cv="$(col cv "$csv")" -v fl="$(col failures "$csv")" \
		-v tr="$(col triggers "$csv")" -v it="$(col loop_iters "$csv")" \
		-v sc="$(col scenario "$csv")" -v op="$(col op "$csv")" \
		-v hi="$(col hits "$csv")" -v cr="$(col creates "$csv")" -v de="$(col deletes "$csv")" '
		NR == 1 { cols = NF; next }
		NF != cols { print "row " NR " has " NF " fields, header " cols; bad = 1 }
		$st != "ok" { print "row " NR ": " $sc " is " $st; bad = 1 }
		!($ops > 0 && $ns > 0 && $ps > 0 && $cv >= 0 && $tr > 0) {
			print "row " NR ": " $sc " has no measured figures"; bad = 1
		}
		$fl != 0 { print "row " NR ": " $sc " has failures"; bad = 1 }
		# The whole cell, warm-up included, ran at least the measured operations.
		$tr * $it < $ops { print "row " NR ": " $sc " ops exceed triggers"; bad = 1 }
		$op == "get" && $hi < $ops { print "row " NR ": " $sc " hits < ops"; bad = 1 }
		$op == "create_delete" && ($cr < $ops || $de != $cr) {
			print "row " NR ": " $sc " creates/deletes do not match"; bad = 1
		}
		END { exit bad }' "$csv"
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
before=$(bpf_objects)
"$LSBENCH" run --quick -o "$tmp/all" >"$tmp/all.log" 2>&1
rc=$?
csv=$(summary_of "$tmp/all")
if [ "$rc" -eq 0 ] && [ -n "$csv" ]; then ok "quick run of all scenarios exits 0"; else
	not_ok "quick run of all scenarios exits 0" "exit $rc" "$(cat "$tmp/all.log")"; fi
ncpu=$(nproc)
ncounts=$([ "$ncpu" -gt 1 ] && echo 2 || echo 1)
[ "$ncpu" -gt 2 ] && ncounts=$(awk -v n="$ncpu" 'BEGIN { c = 1; for (v = 1; v < n; v *= 2) c++; print c }')
check "every cell is ok, measured and consistent" rows_ok "$csv" $((nscen * 2 * ncounts))
check "meta.txt says complete and records the context" \
	grep -qx "state: complete" "$(dirname "$csv")/meta.txt"
for key in lsbench_revision command_line kernel_release kernel_version cpu_model online_cpus \
	virt clocksource started_utc; do
	grep -q "^$key: ." "$(dirname "$csv")/meta.txt" || not_ok "meta.txt has $key"
done
check "results folder is named after the kernel release" \
	test -d "$tmp/all/$(uname -r)"
check "console shows the table and the added cost" \
	grep -qE '^task-get +hook +1 +[0-9.]+ +[0-9.]+% +[0-9.]+ +-?[0-9.]+ +ok' "$tmp/all.log"
check "no BPF program, link or map left after a run" bpf_objects_back_to "$before"

# --- the cross-check can fail a cell ----------------------------------------
LSBENCH_FAULT=miscount "$LSBENCH" run --quick -s task-get -m hook --cpus 1 -o "$tmp/fault" \
	>"$tmp/fault.log" 2>&1
rc=$?
csv=$(summary_of "$tmp/fault")
if [ "$rc" -eq 1 ] && grep -q ',failed,"\?counter mismatch: BPF saw [0-9]* triggers, producers issued' "$csv" &&
	grep -q 'failed: counter mismatch' "$tmp/fault.log"; then
	ok "a counter mismatch fails the cell loudly"
else
	not_ok "a counter mismatch fails the cell loudly" "exit $rc" "$(cat "$csv" "$tmp/fault.log")"
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
bad_input "warm-up is not a number" "invalid -w 'abc'" "$LSBENCH" run -w abc -o "$tmp/bad"
bad_input "zero repetitions" "invalid -r '0'" "$LSBENCH" run -r 0 -o "$tmp/bad"
bad_input "--quick with -d" "--quick sets" "$LSBENCH" run --quick -d 2 -o "$tmp/bad"
bad_input "more threads than CPUs" "only $ncpu CPUs are usable" "$LSBENCH" run --cpus $((ncpu + 1)) -o "$tmp/bad"
bad_input "unknown option" "unknown option '--frobnicate'" "$LSBENCH" run --frobnicate -o "$tmp/bad"
bad_input "stray argument" "unexpected argument 'extra'" "$LSBENCH" run -o "$tmp/bad" extra
bad_input "unknown command" "unknown command" "$LSBENCH" frobnicate
bad_input "no command" "no command given" "$LSBENCH"
bad_input "unwritable output folder" "cannot create output folder /proc/lsbench" "$LSBENCH" run --quick -s task-empty -o /proc/lsbench
if command -v setpriv >/dev/null; then
	bad_input "not root" "needs root" setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all \
		"$LSBENCH" run --quick -o "$tmp/bad"
fi

# --- interruption -----------------------------------------------------------
before=$(bpf_objects)
"$LSBENCH" run -s 'task-*' -w 0.2 -d 0.5 -r 2 -o "$tmp/int" >"$tmp/int.log" 2>&1 &
pid=$!
sleep 3
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

echo "1..$n"
