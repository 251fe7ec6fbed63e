#!/bin/bash
# VM tests: `lsbench vm` boots a Debian kernel (VM_KERNEL, default bookworm)
# under TCG and runs a quick subset with inode storage from lsm/file_open;
# its limits, interruption and bad input; and the host left clean. Prints
# one "ok N - name" or "not ok N - name" line per check.
set -u
LSBENCH=${LSBENCH:-.output/lsbench}
KERNEL=${VM_KERNEL:-bookworm}
tmp=$(mktemp -d /tmp/lsbench-vmtest.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/t"
export TMPDIR=$tmp/t # where lsbench vm makes its temporary folders
TEST_PREFIX="vm: "
. "$(dirname "$0")/lib.sh"

# Nothing of lsbench vm's left: no qemu of ours, no temporary folder.
host_clean() {
	local left
	left=$(ls -A "$TMPDIR")
	[ -z "$left" ] || { echo "temporary folders left: $left"; return 1; }
	left=$(pgrep -f -a "qemu-system.*$TMPDIR" || true)
	[ -z "$left" ] || { echo "qemu left: $left"; return 1; }
}

# bad input: one line on stderr, exit status 2, nothing booted
bad() {
	local name=$1 out rc
	shift
	out=$("$LSBENCH" vm "$@" 2>&1 >/dev/null)
	rc=$?
	if [ "$rc" -eq 2 ] && [ "$(echo "$out" | wc -l)" -eq 1 ] && [ -n "$out" ] && host_clean >/dev/null; then
		ok "$name: $out"
	else
		not_ok "$name" "exit $rc" "$out"
	fi
}
bad "unknown kernel" --kernel no-such-kernel -s task-get
out=$("$LSBENCH" vm --kernel no-such-kernel -s task-get -o "$tmp/nores" 2>&1)
[ ! -e "$tmp/nores" ] && ok "an unknown kernel leaves no results folder" ||
	not_ok "an unknown kernel leaves no results folder" "$(ls -la "$tmp/nores")"
bad "missing kernel file" --kernel /no/such/bzImage -s task-get
bad "not a bzImage" --kernel /etc/hostname -s task-get
bad "unknown flavour" --kernel bookworm-nosuch -s task-get
bad "no kernel" -s task-get
bad "bad run option" --kernel "$KERNEL" -s no-such-scenario
bad "bad accel" --kernel "$KERNEL" --accel xen
bad "icount with two CPUs" --kernel "$KERNEL" --accel icount --vcpus 2

# One guest, every cell ok (the runner's cross-check passed) with operations,
# inode storage among them.
start=$(date +%s)
res=$tmp/results
# It takes under a minute: a guest stuck for two says where (the watchdog,
# the guest kernel's errors on the console) and is killed after ten.
out=$("$LSBENCH" vm --kernel "$KERNEL" --accel tcg --timeout 600 -s inode-get -s inode-create-delete \
	-s task-get -m loop --cpus 1 --objects 1 --quick --stall 120 -o "$res" 2>&1)
rc=$?
secs=$(($(date +%s) - start))
csv=$(ls "$res"/*/*/summary.csv 2>/dev/null | head -n 1)
first_run=$(dirname "$csv") # the --timeline test below reuses it
if [ "$rc" -eq 0 ] && [ -n "$csv" ]; then
	ok "guest run in $secs s: $(dirname "${csv#"$res"/}")"
else
	not_ok "guest run (exit $rc, $secs s)" "$(echo "$out" | tail -n 60)"
fi
if [ -n "$csv" ]; then
	bad_rows=$(awk -F, -v st="$(col status "$csv")" -v ops="$(col ops "$csv")" \
		-v hi="$(col hits "$csv")" -v cr="$(col creates "$csv")" -v sc="$(col scenario "$csv")" \
		-v mi="$(col misses "$csv")" -v fl="$(col failures "$csv")" \
		-v vi="$(col virt "$csv")" -v k="$(col kernel "$csv")" -v host="$(uname -r)" '
		NR > 1 {
			bad = $st != "ok" || $ops + 0 <= 0 || $vi != "tcg" || $k == host
			# counters cover the warm-up too: the runner checked them against ops
			if ($sc ~ /-get$/ && ($hi + 0 <= 0 || $mi + 0 || $fl + 0)) bad = 1
			if ($sc ~ /create-delete$/ && ($cr + 0 <= 0 || $fl + 0)) bad = 1
			if (bad) print $sc ": " $st " ops=" $ops " hits=" $hi " creates=" $cr \
				" virt=" $vi " kernel=" $k
		}' "$csv")
	inode=$(awk -F, -v sc="$(col scenario "$csv")" 'NR > 1 && $sc ~ /^inode-/' "$csv" | wc -l)
	[ -z "$bad_rows" ] && [ "$inode" -ge 2 ] &&
		ok "every cell ok with operations and hits or creates, $inode inode-storage cells from lsm/file_open, virt tcg" ||
		not_ok "cells" "$bad_rows" "inode cells: $inode"
	grep -q '^virt: tcg$' "$(dirname "$csv")/meta.txt" && ok "meta.txt says virt: tcg" ||
		not_ok "meta.txt virt" "$(grep virt "$(dirname "$csv")/meta.txt")"
fi
echo "$out" | grep -q 'timings are emulated' && ok "the console says TCG timings are emulated" ||
	not_ok "TCG note" "$(echo "$out" | head -n 5)"
echo "$out" | grep -q 'lsbench-vm: booted' && ok "the console shows the guest's progress" ||
	not_ok "guest progress" "$(echo "$out" | head -n 5)"
check_clean() {
	local why
	why=$(host_clean) && ok "host clean after $1" || not_ok "host clean after $1" "$why"
}
check_clean "a guest run"

# The boots below name the release the suite gave, not the suite: each would update the
# suite's package lists again, which takes long (--list-kernels and --timeline still do).
boot=$KERNEL
case $KERNEL in */* | *.deb) ;; *) [ -z "$csv" ] || boot=$(basename "$(dirname "$first_run")") ;; esac

# The binary in a folder of its own under /tmp, which the guest has private:
# it still runs (from its copy in the initramfs), its results reach the host.
mkdir "$tmp/bin"
cp "$LSBENCH" "$tmp/bin/lsbench"
# and a decoy: another run's folder of the same kernel, newer than this one
# will be (as a second vm run on the same root would make): not taken for it
decoy=$tmp/bin/results/$(basename "$(dirname "$first_run")")/29990101T000000Z-decoy
mkdir -p "$decoy"
printf 'state: running\npid: 1 start 1 boot 00000000-decoy\n' >"$decoy/meta.txt"
touch -d '+1 hour' "$decoy" "$decoy/meta.txt"
out=$("$tmp/bin/lsbench" vm --kernel "$boot" --accel tcg --timeout 600 --stall 120 -s task-get -s task-hash-get-maps --maps 2 -m loop,fentry --cpus 1 --quick \
	-o "$tmp/bin/results" 2>&1)
rc=$?
csv=$(ls "$tmp"/bin/results/*/*/summary.csv 2>/dev/null | head -n 1)
# (hash maps go into an array of maps on 6.1 only when made with BTF, as its template)
if [ "$rc" -eq 0 ] && [ -n "$csv" ] && grep -q ',task-get,.*,loop,.*,ok,' "$csv" &&
	grep -q ',task-hash-get-maps,.*,loop,2,.*,ok,' "$csv"; then
	ok "lsbench copied under /tmp runs in the guest"
else
	not_ok "lsbench copied under /tmp runs in the guest (exit $rc)" "$(echo "$out" | tail -n 60)"
fi
if echo "$out" | grep -q "results in $tmp/bin/results/.*/20[0-9T]*Z-vm after" &&
	! echo "$out" | grep -q 'results in .*decoy'; then
	ok "the guest's run is found by its boot id, not the newest folder"
else
	not_ok "the guest's run found by its boot id" "$(echo "$out" | grep 'results in')"
fi
check_clean "a guest run of a binary under /tmp"
# The guest takes fentry programs: fentry mode's cells are measured there.
fentry=$(awk -F, -v sc="$(col scenario "$csv")" -v m="$(col mode "$csv")" -v st="$(col status "$csv")" \
	-v h="$(col hook "$csv")" 'NR > 1 && $m == "fentry" && $st == "ok" && $h == "fentry/sys_getpgid" { print $sc }' \
	"$csv" 2>/dev/null | sort | tr '\n' ' ')
[ "$fentry" = "task-empty task-get task-hash-get-maps " ] &&
	ok "fentry mode in the guest: task-get, task-hash-get-maps and their control ok" ||
	not_ok "fentry mode in the guest" "got: $fentry" "$(cat "$csv" 2>/dev/null)"

# --exec: a program of the host's run in the guest, its folder writable, its status passed on;
# under --accel icount: one CPU, and a clock that counts instructions, 1 ns each, so the
# guest's kernel measures its TSC at 1000 MHz (under plain TCG, the host's rate).
mkdir "$tmp/exec"
printf '%s\n' '#!/bin/bash' '{ uname -r; "$LSBENCH" version; echo "$*"; nproc' \
	'awk -F": *" "/^cpu MHz/ { print \$2; exit }" /proc/cpuinfo; cat /proc/cmdline; } >"$(dirname "$0")/out.txt"' 'exit 3' \
	>"$tmp/exec/prog.sh"
chmod +x "$tmp/exec/prog.sh"
out=$("$LSBENCH" vm --kernel "$boot" --accel icount --timeout 600 --append 'lsbench_append_test=7 nokaslr' \
	--exec "$tmp/exec/prog.sh" one "two words" 2>&1)
rc=$?
release=$(echo "$out" | sed -n 's/^lsbench vm: [^:]*: kernel //p' | head -n 1)
if [ "$rc" -eq 3 ] && [ -n "$release" ] && [ "$(sed -n 1p "$tmp/exec/out.txt" 2>/dev/null)" = "$release" ] &&
	sed -n 2p "$tmp/exec/out.txt" | grep -q '^lsbench ' && [ "$(sed -n 3p "$tmp/exec/out.txt")" = "one two words" ]; then
	ok "--exec runs a program in the guest ($release), LSBENCH set, its status 3 passed on"
else
	not_ok "--exec (exit $rc)" "$(echo "$out" | tail -n 5)" "$(cat "$tmp/exec/out.txt" 2>/dev/null)"
fi
got=$(sed -n '4,5p' "$tmp/exec/out.txt" 2>/dev/null | paste -sd' ')
if echo "$got" | grep -qE '^1 (999\.[5-9]|1000\.[0-4])[0-9]*$' && echo "$out" | grep -q 'under icount, 1 CPUs'; then
	ok "--accel icount: one CPU, the guest's clock at one instruction per ns ($got)"
else
	not_ok "--accel icount: one CPU, the guest's clock at one instruction per ns" "guest: $got"
fi
if sed -n 6p "$tmp/exec/out.txt" 2>/dev/null | grep -q ' lsbench.virt=icount.* lsbench_append_test=7 nokaslr$'; then
	ok "--append: the guest's kernel command line ends with the parameters given"
else
	not_ok "--append: the guest's kernel command line" "$(sed -n 6p "$tmp/exec/out.txt" 2>/dev/null)"
fi
check_clean "an --exec guest"

# The calibrated slowdown's size, exact under icount (a nanosecond is an instruction): in one
# guest, task-get in loop mode at one CPU as it is, slowed by 10% and by 1%. A repeat is the
# operation as the loop runs it, harness included, so the cell's ns_per_op grows by the
# slowdown's share; its control (task-empty) is not slowed, so it holds still and
# added_ns_per_op (net of the control) grows by that share of the cell's whole ns_per_op.
mkdir "$tmp/slow"
cat >"$tmp/slow/prog.sh" <<'EOF'
#!/bin/bash
cd "$(dirname "$0")" || exit 1
for k in 0 10 1; do
	slow=()
	[ "$k" = 0 ] || slow=(--slowdown "$k")
	"$LSBENCH" run -s task-get -m loop --cpus 1 -w 0.01 -d 0.05 -r 2 --rounds 1 --label "s$k" \
		-o res "${slow[@]}" >"s$k.log" 2>&1 || exit
done
# two more pairs, as it is and slowed by 10%, alternated: three runs a side
for i in 2 3; do
	for k in 0 10; do
		slow=()
		[ "$k" = 0 ] || slow=(--slowdown "$k")
		"$LSBENCH" run -s task-get -m loop --cpus 1 -w 0.01 -d 0.05 -r 2 --rounds 1 \
			--label "s$k" -o res "${slow[@]}" >"s$k-$i.log" 2>&1 || exit
	done
done
EOF
chmod +x "$tmp/slow/prog.sh"
start=$(date +%s)
out=$("$LSBENCH" vm --kernel "$KERNEL" --accel icount --timeout 600 --exec "$tmp/slow/prog.sh" 2>&1)
rc=$?
secs=$(($(date +%s) - start))
# fig K SCENARIO COLUMN: SCENARIO's figure (loop mode, one CPU) in the run slowed by K% (0: none)
fig() {
	local csv
	csv=$(ls "$tmp"/slow/res/*-s"$1"/*/summary.csv 2>/dev/null | head -n 1)
	[ -n "$csv" ] && awk -F, -v sc="$(col scenario "$csv")" -v m="$(col mode "$csv")" \
		-v c="$(col cpus "$csv")" -v f="$(col "$3" "$csv")" -v want="$2" \
		'NR > 1 && $sc == want && $m == "loop" && $c == 1 && $f > 0 { print $f }' "$csv"
}
# ratio K SCENARIO COLUMN LO HI: the figure slowed by K% over its own, when within [LO, HI]
ratio() {
	awk -v a="$(fig "$1" "$2" "$3")" -v b="$(fig 0 "$2" "$3")" -v lo="$4" -v hi="$5" \
		'BEGIN { r = b > 0 ? a / b : 0; printf "%.4f", r; exit !(a > 0 && r >= lo && r <= hi) }'
}
# grown K: task-get's added_ns_per_op slowed by K% less its own, over its ns_per_op, when
# within [LO, HI]
grown() {
	awk -v a="$(fig "$1" task-get added_ns_per_op)" -v b="$(fig 0 task-get added_ns_per_op)" \
		-v n="$(fig 0 task-get ns_per_op)" -v lo="$2" -v hi="$3" \
		'BEGIN { r = n > 0 ? (a - b) / n : -1; printf "%.4f", r; exit !(r >= lo && r <= hi) }'
}
name="--slowdown 10 and 1 under icount: task-get's ns_per_op 1.08 to 1.12 and 1.005 to 1.015 times its own, task-empty's 0.99 to 1.01 (not slowed), task-get's added_ns_per_op up by 0.08 to 0.12 of its ns_per_op"
r10=$(ratio 10 task-get ns_per_op 1.08 1.12) && r1=$(ratio 1 task-get ns_per_op 1.005 1.015) &&
	c10=$(ratio 10 task-empty ns_per_op 0.99 1.01) && a10=$(grown 10 0.08 0.12)
if [ $? -eq 0 ] && [ "$rc" -eq 0 ]; then
	ok "$name: ${r10}x, ${r1}x, ${c10}x and +${a10} ($secs s)"
else
	not_ok "$name (exit $rc, $secs s)" \
		"task-get ns_per_op: $(fig 0 task-get ns_per_op), slowed 10%: $(fig 10 task-get ns_per_op), 1%: $(fig 1 task-get ns_per_op)" \
		"task-get added_ns_per_op: $(fig 0 task-get added_ns_per_op), slowed 10%: $(fig 10 task-get added_ns_per_op)" \
		"task-empty ns_per_op: $(fig 0 task-empty ns_per_op), slowed 10%: $(fig 10 task-empty ns_per_op)" \
		"$(echo "$out" | grep -v '^\[' | tail -n 8)" "$(tail -n 5 "$tmp"/slow/s*.log 2>/dev/null)"
fi
# The slowed set is a trial: meta.txt says so, compare and report refuse it without --trial.
base=$(dirname "$(ls "$tmp"/slow/res/*-s0/*/meta.txt 2>/dev/null | head -n 1)")
slow=$(dirname "$(ls "$tmp"/slow/res/*-s10/*/meta.txt 2>/dev/null | head -n 1)")
cmp=$("$LSBENCH" compare -o "$tmp/slow/c.csv" "$base" "$slow" 2>&1)
crc=$?
rep=$("$LSBENCH" report -o "$tmp/slow/rep" "$base" "$slow" 2>&1)
rrc=$?
if grep -q '^trial: slowdown 10%: not a benchmark' "$slow/meta.txt" && ! grep -q '^trial' "$base/meta.txt" &&
	[ "$crc" -eq 2 ] && [ "$rrc" -eq 2 ] && [ "$(printf '%s\n%s\n' "$cmp" "$rep" | grep -c 'give --trial')" -eq 2 ] &&
	[ ! -e "$tmp/slow/c.csv" ] && [ ! -e "$tmp/slow/rep" ] &&
	"$LSBENCH" compare --trial -o "$tmp/slow/c.csv" "$base" "$slow" >/dev/null 2>&1; then
	ok "meta.txt records the slowdown; compare and report refuse the set without --trial, compare reads it with"
else
	not_ok "the slowed set: meta.txt, and compare and report without --trial" \
		"meta: $(grep '^trial' "$slow/meta.txt" 2>/dev/null)" "compare (exit $crc): $cmp" "report (exit $rrc): $rep"
fi
# Power, end to end: three runs a side, alternated (the run is the unit, paired in time), the
# slowed side 10% slower in instructions. task-get is found slower, by 8 to 12%; its control,
# not slowed, moves by less than 1% whichever way (its verdict is not asked for: a real move of
# a hundredth of an instruction is a verdict under icount, and not this test's question; nor
# its interval: an interrupt that lands in one boot's window widens three runs' to +-2.5%).
# (a side's runs: the folder of its label's runs)
pcmp=$("$LSBENCH" compare --trial -o "$tmp/slow/p.csv" "$(ls -d "$tmp"/slow/res/*-s0 | head -n 1)" \
	"$(ls -d "$tmp"/slow/res/*-s10 | head -n 1)" 2>&1)
prc=$?
# row SCENARIO: "verdict change_pct ci_low ci_high unit" of SCENARIO's row in p.csv
row() {
	awk -F, -v s="$(col scenario "$tmp/slow/p.csv")" -v v="$(col verdict "$tmp/slow/p.csv")" \
		-v c="$(col change_pct "$tmp/slow/p.csv")" -v lo="$(col ci_low "$tmp/slow/p.csv")" \
		-v hi="$(col ci_high "$tmp/slow/p.csv")" -v u="$(col unit "$tmp/slow/p.csv")" -v want="$1" \
		'NR > 1 && $s == want { print $v, $c, $lo, $hi, $u }' "$tmp/slow/p.csv" 2>/dev/null
}
get=$(row task-get)
ctl=$(row task-empty)
name="power under icount: --slowdown 10, three runs a side paired: task-get slower by 8 to 12%, task-empty within 1%"
if [ "$prc" -le 1 ] && echo "$pcmp" | grep -q 'paired in time' &&
	echo "$get" | awk '{ exit !($1 == "slower" && $2 >= 8 && $2 <= 12 && $5 == "pair") }' &&
	echo "$ctl" | awk '{ exit !($2 >= -1 && $2 <= 1 && $5 == "pair") }'; then
	ok "$name: task-get $get, task-empty $ctl"
else
	not_ok "$name (exit $prc)" "task-get: $get" "task-empty: $ctl" "$pcmp"
fi
check_clean "the slowdown's guest"

# A guest whose kernel reports a CPU stuck for a minute is killed and booted
# once more (here a program prints the kernel's line itself, each boot).
printf '%s\n' '#!/bin/bash' 'echo "[  99.0] watchdog: BUG: soft lockup - CPU#1 stuck for 61s! [lsbench:130]"' \
	'sleep 300' >"$tmp/exec/lockup.sh"
chmod +x "$tmp/exec/lockup.sh"
start=$(date +%s)
out=$("$LSBENCH" vm --kernel "$boot" --accel tcg --timeout 600 --exec "$tmp/exec/lockup.sh" 2>&1)
rc=$?
secs=$(($(date +%s) - start))
if [ "$rc" -eq 1 ] && [ "$secs" -lt 200 ] && [ "$(echo "$out" | grep -c 'reported a CPU stuck for 60 s or more')" -eq 2 ] &&
	[ "$(echo "$out" | grep -c 'booting .* again, once')" -eq 1 ]; then
	ok "a guest kernel's soft lockup: killed, booted once more, then given up ($secs s)"
else
	not_ok "soft lockup (exit $rc, $secs s)" "$(echo "$out" | grep -v '^\[' | tail -n 8)"
fi
check_clean "a guest killed for a lockup"
bad "--exec of a relative path" --kernel "$KERNEL" --exec prog.sh
bad "--exec on two kernels" --kernels "$KERNEL,$KERNEL" --exec /bin/true

# A guest past its limit is killed and reported.
out=$("$LSBENCH" vm --kernel "$boot" --accel tcg --timeout 3 -s task-get --quick -o "$res" 2>&1)
rc=$?
[ "$rc" -eq 1 ] && echo "$out" | grep -q 'did not finish within 3 s: killed' &&
	ok "a guest past --timeout is killed and reported" ||
	not_ok "timeout (exit $rc)" "$(echo "$out" | tail -n 3)"
check_clean "a killed guest"

# A booting guest whose console is silent for the boot limit is killed and
# says so. LSBENCH_VM_BOOT_LIMIT_S (for tests only) shortens the limit to 1 s:
# a quiet TCG boot prints nothing for longer than that before its init.
out=$(LSBENCH_VM_BOOT_LIMIT_S=1 "$LSBENCH" vm --kernel "$KERNEL" --accel tcg --timeout 600 -s task-get --quick -o "$res" 2>&1)
rc=$?
[ "$rc" -eq 1 ] && echo "$out" | grep -q 'its console had printed nothing for 1 s: killed' &&
	ok "a booting guest silent for the boot limit is killed and reported" ||
	not_ok "silent boot (exit $rc)" "$(echo "$out" | tail -n 3)"
check_clean "a guest killed at boot"

# SIGTERM while the guest runs: exit status 130, guest stopped.
"$LSBENCH" vm --kernel "$boot" --accel tcg -s task-get --quick -o "$res" >"$tmp/sig.log" 2>&1 &
pid=$!
for _ in $(seq 100); do
	grep -q 'booting' "$tmp/sig.log" && break
	sleep 0.2
done
sleep 2
kill -TERM "$pid"
wait "$pid"
rc=$?
[ "$rc" -eq 130 ] && grep -q 'interrupted' "$tmp/sig.log" && ok "SIGTERM stops the guest: exit 130" ||
	not_ok "SIGTERM (exit $rc)" "$(tail -n 3 "$tmp/sig.log")"
check_clean "SIGTERM"

# --list-kernels: a header, then every series newest first, bookworm's 6.1 among them.
list=$("$LSBENCH" vm --list-kernels 2>&1)
rc=$?
if [ "$rc" -eq 0 ] && [ "$(echo "$list" | head -n 1 | tr -s ' ')" = "series release suite" ] &&
	echo "$list" | grep -Eq '^6\.1 +6\.1\.0-[0-9]+-amd64 +bookworm$' &&
	[ "$(echo "$list" | awk 'NR > 1 { print $1 }' | uniq | sort -Vr | uniq | tr '\n' ' ')" = \
		"$(echo "$list" | awk 'NR > 1 { print $1 }' | uniq | tr '\n' ' ')" ]; then
	ok "--list-kernels: $(echo "$list" | awk 'NR > 1 { print $1 }' | uniq | wc -l) series"
else
	not_ok "--list-kernels (exit $rc)" "$(echo "$list" | head -n 5)"
fi

# --timeline resumes: the runs of the same measurement (measure key, accel)
# in the results root are a kernel's first rounds. The newest kernel of each of
# the two newest series gets copies of the guest's run above (--quick: two
# rounds); the older one lacks its second round (one copy, one cut off, one of
# other options): only that round boots, and the timeline is made of them all.
guest=$first_run
grel=$(basename "$(dirname "$guest")")
read -r s1 r1 <<<"$(echo "$list" | awk 'NR > 1 { print $1, $2; exit }')"
read -r s2 r2 <<<"$(echo "$list" | awk -v s="$s1" 'NR > 1 && $1 != s { print $1, $2; exit }')"
tl=$tmp/timeline
# copy REL NAME [SED]: the guest's run as run NAME of REL, edited by SED
copy() {
	mkdir -p "$tl/$1"
	cp -r "$guest" "$tl/$1/$2"
	sed -i "s/$grel/$1/g${3:+;$3}" "$tl/$1/$2"/summary.csv "$tl/$1/$2"/meta.txt
}
copy "$r1" a
copy "$r1" b
copy "$r2" a
copy "$r2" b 's/^state: complete$/state: partial: interrupted/'
copy "$r2" c 's/^measure_key: .*/measure_key: 0000000000000001/'
out=$("$LSBENCH" vm --timeline "$s2" --accel tcg --timeout 600 -s inode-get -s inode-create-delete \
	-s task-get -m loop --cpus 1 --objects 1 --quick --stall 120 -o "$tl" 2>&1)
rc=$?
if [ "$rc" -eq 0 ] && echo "$out" | grep -q "$r1: 2 of 2 rounds already" &&
	echo "$out" | grep -q "$r2: 1 of 2 rounds already" &&
	[ "$(echo "$out" | grep -c 'lsbench vm: booting ')" -eq 1 ] &&
	echo "$out" | grep -q "lsbench vm: booting $r2 " &&
	ls "$tl"/timeline/*/timeline.csv >/dev/null 2>&1; then
	ok "--timeline $s2: $r1's two rounds reused, $r2's second round alone booted, a timeline"
else
	not_ok "--timeline resumes (exit $rc)" "$(echo "$out" | grep -v '^lsbench-vm\|^\[' | tail -n 12)"
fi
check_clean "a resumed timeline"
bad "--timeline with --kernel" --timeline 6.1 --kernel "$KERNEL"
bad "--timeline of no series" --timeline 6
