#!/bin/bash
# make crosscheck: the kernel's own local-storage bench and lsbench, cell by
# cell, interleaved round by round, on the running kernel.
#
# Fetches Debian's newest linux-source-X.Y from the system's apt suites
# (crosscheck/fetch.sh), builds the kernel's bench outside the repository
# twice (crosscheck/build.sh): as its tree has it, and with programs moved
# off what this kernel refuses. Where the first loads, it runs beside
# lsbench's fentry mode (the same attach point); else the second beside loop
# mode. Per round it runs each cell's pair back to back (which goes first
# alternates) and writes, in the output folder: rounds.csv (every run),
# crosscheck.csv (lsbench crosscheck-summary), crosscheck.gp and crosscheck.png.
# With --vm, all of it runs in a guest of lsbench vm booting that kernel,
# the bench built here.
# Each round gives each pair one ratio (the machine's speed, which drifts on
# a scale of seconds, cancels in it); lsbench crosscheck-summary judges the
# rounds' ratios as an equivalence test. The kernel bench's maps' cache slots
# are read while it runs (lsbench slots): a run whose maps do not share slots
# as made alone is "shared-slots" and gives its round no ratio for that pair.
# With --vm and --accel icount the guest's clock counts instructions.
# With --aa the kernel's bench stands on both sides of the pairs that measure
# the same thing (side "again" in rounds.csv): what the pairing and its
# verdicts find where nothing differs.
# Exit status: 0 when every pair that measures the same thing is shown to
# agree within the threshold, 1 when one disagrees or a cell failed, 3 when
# none disagrees but one is inconclusive (more rounds, or a quieter
# machine), 2 for bad input or a bench that cannot be fetched or built.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")

usage() {
	cat <<EOF
usage: crosscheck/crosscheck.sh [options]
  --quick            3 rounds, maps 1,16,17, short runs (a few minutes)
  --rounds N         rounds, each one paired run of every cell (default 10)
  --maps LIST        map counts (default 1,10,16,17,24,32,100,1000)
  --hash-maps LIST   map counts of the hash-map control (default 1: both prepopulate
                     4194304 keys per map, seconds and memory each; lsbench takes 8 at most)
  --pairs LIST       the kernel benches to pair, of seq-get,int-get,hashmap-control,
                     create-task,create-socket (default all)
  --seconds S        kernel bench seconds measured per run (default 2; warm-up 1)
  --threshold PCT    the equivalence bound of a same-thing pair, in % (default 5)
  --aa               A/A: the kernel's bench on both sides of each same-thing pair
                     (the others left out): what the verdicts find where nothing differs
  --list             print the pairs (cell, kernel bench, lsbench scenario, mode,
                     maps, same or differs) and exit; the mode is fentry or loop
                     as the kernel takes fentry
  --out DIR          output folder (default CACHE/runs/<UTC time>)
  --cache DIR        where the source and the build go (default /var/cache/lsbench/crosscheck)
  --lsbench PATH     the runner (default .output/lsbench)
  --vm KERNEL        run in a guest of lsbench vm booting KERNEL (its --kernel)
  --accel MODE       with --vm: auto, kvm, tcg or icount (lsbench vm --help; default auto)
EOF
}

die() {
	echo "crosscheck: $*" >&2
	exit 2
}

rounds=10
maps=1,10,16,17,24,32,100,1000
hash_maps=1
seconds=2
warmup=1
pairs=seq-get,int-get,hashmap-control,create-task,create-socket
threshold=5
cache=${LSBENCH_CROSSCHECK_CACHE:-/var/cache/lsbench/crosscheck}
out=
lsbench=$top/.output/lsbench
vm=
accel=auto
prebuilt= # in a guest: the two builds, made on the host
aa= # A/A: the kernel's bench in lsbench's place
list= # --list: print the pairs and exit
passed=() # what a guest's run is given
while [ $# -gt 0 ]; do
	case $1 in
	--rounds | --maps | --hash-maps | --pairs | --seconds | --threshold) passed+=("$1" "${2:-}") ;;
	--quick | --aa) passed+=("$1") ;;
	esac
	case $1 in
	--quick) rounds=3 maps=1,16,17 seconds=2 ;;
	--aa) aa=1 ;;
	--rounds) rounds=${2:-}; shift ;;
	--maps) maps=${2:-}; shift ;;
	--hash-maps) hash_maps=${2:-}; shift ;;
	--pairs) pairs=${2:-}; shift ;;
	--seconds) seconds=${2:-}; shift ;;
	--threshold) threshold=${2:-}; shift ;;
	--out) out=${2:-}; shift ;;
	--cache) cache=${2:-}; shift ;;
	--lsbench) lsbench=${2:-}; shift ;;
	--vm) vm=${2:-}; shift ;;
	--accel) accel=${2:-}; shift ;;
	--prebuilt) prebuilt=${2:-}; shift ;;
	--list) list=1 ;;
	-h | --help) usage; exit 0 ;;
	*) die "unknown option '$1' (see --help)" ;;
	esac
	shift
done
[[ $rounds =~ ^[1-9][0-9]*$ ]] || die "--rounds wants a positive integer"
[[ $seconds =~ ^[1-9][0-9]*$ ]] || die "--seconds wants a positive integer"
[[ $threshold =~ ^[0-9]{1,3}(\.[0-9]+)?$ ]] || die "--threshold wants a percentage (at most 999)"
for l in "$maps" "$hash_maps"; do
	[[ $l =~ ^[1-9][0-9]*(,[1-9][0-9]*)*$ ]] || die "bad map-count list '$l'"
done
for p in ${pairs//,/ }; do
	[[ $p =~ ^(seq-get|int-get|hashmap-control|create-task|create-socket)$ ]] ||
		die "--pairs: unknown bench '$p' (seq-get, int-get, hashmap-control, create-task, create-socket)"
done
[ -n "${pairs//,/}" ] || die "--pairs wants at least one bench"
# The pairs: cell name, kernel bench and its arguments, lsbench scenario and
# mode, maps, whether they measure the same thing, and what differs if not.
# (Notes hold no commas: they go into CSV.) Every local-storage bench of the
# kernel's is paired but local-storage-tasks-trace, whose figure is a grace
# period's latency (fentry on rcu_tasks_trace_pregp_step and _postgp), not
# an operation's cost: lsbench has no cell that measures it.
SEQ_NOTE="kernel: get with F_CREATE on existing storage of an int; lsbench: get without F_CREATE of 8 bytes; same cache path"
INT_NOTE="both: maps in turn and a get of map 0 after maps 0 3 6 ...; kernel: F_CREATE on existing int storage; lsbench: get without F_CREATE of 8 bytes; same cache path"
HASH_NOTE="both: maps in turn and a lookup of bpf_get_prandom_u32() % 1000 in each; preallocated maps of 4194304 int keys all filled; lsbench counts hits and misses (all hit)"
CREATE_NOTE="both: 32 threads created then joined per batch (pinned with their producer); 64 bytes of task storage made at tp_btf/sched_process_fork; raw_tp/kmalloc counter attached beside; ns per thread"
SOCK_NOTE="both: 32 IPv6 UDP sockets opened then closed per batch; 64 bytes of socket storage made at lsm.s/socket_post_create (the BPF LSM); raw_tp/kmalloc counter attached beside; ns per socket"
if [ -n "$aa" ]; then
	SEQ_NOTE="A/A: the kernel's bench on both sides"
	INT_NOTE=$SEQ_NOTE HASH_NOTE=$SEQ_NOTE CREATE_NOTE=$SEQ_NOTE SOCK_NOTE=$SEQ_NOTE
fi
# pairing BENCH: whether --pairs asks for it
pairing() {
	[[ ",$pairs," == *",$1,"* ]]
}
cells() {
	local m
	for m in ${maps//,/ }; do
		! pairing seq-get ||
			echo "seq-get-$m|local-storage-cache-seq-get --nr_maps $m|task-get-maps|$lsmode|$m|same|$SEQ_NOTE"
		! pairing int-get ||
			echo "int-get-$m|local-storage-cache-int-get --nr_maps $m|task-get-maps-interleaved|$lsmode|$m|same|$INT_NOTE"
	done
	for m in ${hash_maps//,/ }; do
		! pairing hashmap-control ||
			echo "hashmap-control-$m|local-storage-cache-hashmap-control --nr_maps $m|task-hash-get-random|$lsmode|$m|same|$HASH_NOTE"
	done
	! pairing create-task ||
		echo "create-task|local-storage-create --storage-type task|task-churn-batch-storage|hook|1|same|$CREATE_NOTE"
	! pairing create-socket ||
		echo "create-socket|local-storage-create --storage-type socket|sk-churn-lsm-storage|hook|1|same|$SOCK_NOTE"
}

if [ -n "$list" ]; then
	lsmode=fentry/loop cells | cut -d'|' -f1-6 | tr '|' ','
	exit 0
fi
[ -x "$lsbench" ] || die "no runner at $lsbench (make first)"
# The verdicts are lsbench's (lsbench crosscheck-summary): the runner's, or this tree's build's
# for a runner older than the command.
summarizer=$lsbench
grep -q '^  crosscheck-summary ' <<<"$("$lsbench" help 2>/dev/null)" || summarizer=$top/.output/lsbench
"$summarizer" crosscheck-summary --help >/dev/null 2>&1 ||
	die "no lsbench crosscheck-summary at $summarizer (make first)"
[ "$(id -u)" -eq 0 ] || die "needs root (BPF)"
[[ $accel =~ ^(auto|kvm|tcg|icount)$ ]] || die "--accel wants auto, kvm, tcg or icount"
# runs are read back by folder: an earlier run's would be taken for this one's
# (a guest's folder holds only the scripts the host put there)
if [ -n "$out" ] && { [ -e "$out/rounds.csv" ] || [ -e "$out/lsbench" ] || [ -e "$out/kernel" ]; }; then
	die "--out $out holds runs: give a new folder (they would be read as this one's)"
fi
out=${out:-$cache/runs/$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$out" || die "cannot make $out"
out=$(cd "$out" && pwd)
start=$(date +%s)
load0=$(cut -d' ' -f1 /proc/loadavg)

# cpu_wait: microseconds in which some task waited for a CPU since boot
# (/proc/pressure/cpu); nothing where the kernel has no PSI.
cpu_wait() {
	sed -n 's/^some .*total=\([0-9]*\).*/\1/p' /proc/pressure/cpu 2>/dev/null
}

if [ -n "$prebuilt" ]; then
	asis_dir=${prebuilt%,*} fit_dir=${prebuilt#*,}
	tree=$(sed -n 's/^source //p' "$fit_dir/../bench-source.txt" 2>/dev/null || echo unknown)
else
	tree=$("$here/fetch.sh" "$cache") || die "cannot fetch the kernel's source"
	asis_dir=$cache/build-asis fit_dir=$cache/build
	"$here/build.sh" "$tree" "$asis_dir" asis >/dev/null || die "cannot build the kernel's bench"
	"$here/build.sh" "$tree" "$fit_dir" >/dev/null || die "cannot build the kernel's bench"
	echo "source $(basename "$tree")" >"$cache/bench-source.txt"
	echo "crosscheck: kernel bench from $(basename "$tree"), built in $asis_dir and $fit_dir" >&2
fi

# --vm: the same, in a guest. Its program and the scripts go in the output
# folder, which the guest can write.
if [ -n "$vm" ]; then
	mkdir -p "$out/scripts"
	cp "$here"/*.sh "$here"/*.awk "$out/scripts/"
	printf '%s\n' '#!/bin/bash' 'exec "$(dirname "$0")/scripts/crosscheck.sh" --lsbench "$LSBENCH" "$@"' \
		>"$out/guest.sh"
	chmod +x "$out/guest.sh"
	echo "crosscheck: in a guest of $vm, results in $out" >&2
	"$lsbench" vm --kernel "$vm" --accel "$accel" --timeout 14400 --exec "$out/guest.sh" \
		--prebuilt "$asis_dir,$fit_dir" --cache "$cache" --out "$out" "${passed[@]}"
	exit $?
fi

# The bench as its tree has it where this kernel takes it, beside lsbench's
# fentry mode; else the one moved off what it refuses, beside loop mode.
if timeout 120 "$asis_dir/bench" -w 1 -d 1 -a local-storage-cache-seq-get --nr_maps 1 \
	</dev/null >"$out/probe.txt" 2>&1; then
	bench=$asis_dir/bench lsmode=fentry build=$asis_dir
else
	bench=$fit_dir/bench lsmode=loop build=$fit_dir
fi
echo "crosscheck: $bench beside lsbench's $lsmode mode" >&2
# what was built, and what was changed to run here (the diffs stay in the
# build folder: no line of the kernel's code goes where results are published)
{
	echo "source $(basename "$tree")"
	echo "kernel $(uname -r)"
	echo "lsbench $("$lsbench" version | sed -n 's/.*(revision \(.*\))$/\1/p') mode $lsmode"
	[ -z "${LSBENCH_VIRT:-}" ] || echo "virt $LSBENCH_VIRT" # a guest of lsbench vm: its --accel
	[ -z "$aa" ] || echo "aa the kernel's bench on both sides (again: in lsbench's place)"
	grep -v '^crosscheck:   ' "$build/patches.log"
} >"$out/bench.txt"

# kernel_slots MAPS FILE: how the task-storage maps alive (the kernel bench's,
# made in id order) hold the per-owner cache's 16 slots, by lsbench's own rule
# (lsbench slots --layout): "N alone" when map i shares a slot exactly with
# maps i - 16, i - 32, ... (as made alone), "N shared" otherwise, N the
# distinct slots; "- unread" when there are not MAPS of them or lsbench cannot
# read slots. lsbench slots' CSV goes to FILE.
kernel_slots() {
	local n distinct layout
	"$lsbench" slots 2>&1 >"$2" | sed 's/^/crosscheck: /' >>"$out/errors.log"
	read -r n distinct layout < <("$lsbench" slots --layout task_storage "$2" 2>>"$out/errors.log")
	if [ "${n:-}" = "$1" ]; then echo "$distinct $layout"; else echo "- unread"; fi
}

# kernel_run NAME MAPS ARGS...: one run of the kernel's bench; prints "ns cv
# status slots". Its maps' cache slots are read once it has made them; a
# run whose maps share slots they would not share alone is "shared-slots".
kernel_run() {
	local log=$out/kernel/$1.txt m=$2 pid layout=unread slots=-
	shift 2
	mkdir -p "$out/kernel"
	# line-buffered: it says it started with printf, which a file would hold until exit
	# shellcheck disable=SC2086
	timeout $((warmup + seconds + 600)) stdbuf -oL "$bench" -w "$warmup" -d "$seconds" -a "$@" \
		</dev/null >"$log" 2>&1 &
	pid=$!
	# once it says it started, in its warm-up: its maps are made
	for _ in $(seq 600); do
		grep -q "^Benchmark .* started" "$log" 2>/dev/null && break
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.05
	done
	if grep -q "^Benchmark .* started" "$log" 2>/dev/null; then
		read -r slots layout <<<"$(kernel_slots "$m" "${log%.txt}.slots.csv")"
	fi
	wait "$pid"
	if r=$(awk -f "$here/parse.awk" "$log" 2>>"$out/errors.log"); then
		[ "$layout" = shared ] && echo "$r shared-slots $slots" || echo "$r ok $slots"
	elif grep -qE 'Operation not permitted|can.t attach before loaded' "$log"; then
		echo "- - unsupported -"
	else
		echo "- - failed -"
	fi
}

# A runner that measures in rounds of its own (--rounds, --max-rounds) does one
# per run here: the rounds are crosscheck's, interleaved with the kernel's bench.
# (Its other options and columns are those of runners before rounds.)
run_help=$("$lsbench" run --help 2>&1)
lsbench_rounds=()
if grep -q -- '--max-rounds' <<<"$run_help"; then
	lsbench_rounds=(--rounds 1 --max-rounds 1)
fi
# The kernel's bench runs its programs and its loop and nothing else: lsbench
# runs bare beside it, without the instruments it adds by default (BPF run
# statistics, which time every program run on the machine, the raw_tp/kmalloc
# counter's too; an operation timed in BPF and each trigger timed in user
# space; perf counters on the producers). Inside the measured window they
# cost every run of a program, so they weigh on the hook-mode pairs (one
# program run per owner made), not on the loop-mode gets (one per 10 000).
# Those of its options this runner has.
lsbench_bare=()
for f in --no-bpf-stats --no-latency --no-bpf-latency --no-perf; do
	if grep -q -- "^ *$f " <<<"$run_help"; then
		lsbench_bare+=("$f")
	fi
done
[ ${#lsbench_bare[@]} -eq 0 ] || echo "lsbench-options ${lsbench_bare[*]}" >>"$out/bench.txt"

# lsbench_run NAME SCENARIO MODE MAPS: one run; prints "ns cv status slots" of
# its cell, read from summary.csv by column name (slots "-" where it has no
# cache_slots: a runner before them, or a cell without local-storage maps).
lsbench_run() {
	local dir=$out/lsbench/$1 csv
	# as the kernel's: its warm-up, then its seconds in half-second repetitions
	"$lsbench" run -s "$2" -m "$3" --cpus 1 --maps "$4" -w "$warmup" -d 0.5 -r $((seconds * 2)) \
		"${lsbench_rounds[@]}" "${lsbench_bare[@]}" -o "$dir" </dev/null >"$dir.log" 2>&1
	csv=$(find "$dir" -name summary.csv)
	# one run in that folder, or its figure is not known to be this run's
	if [ -z "$csv" ] || [ "$(echo "$csv" | wc -l)" -ne 1 ]; then
		echo "- - failed -"
		return
	fi
	awk -F, -v sc="$2" -v m="$4" '
		NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
		$col["scenario"] == sc && $col["nr_maps"] == m {
			slots = "cache_slots" in col && $col["cache_slots"] != "" ? $col["cache_slots"] : "-"
			print ($col["status"] == "ok" ? $col["ns_per_op"] " " $col["cv"] : "- -"),
			      $col["status"], slots; found = 1; exit
		}
		END { if (!found) print "- - failed -" }' "$csv"
}

# Every run goes to rounds.csv as it ends.
rows=$out/rounds.csv
echo "cell,round,side,ns_per_op,cv,status,same,note,task_maps_before,cache_slots" >"$rows"
row() {
	echo "$1,$2,$3,$4,$5,$6,$7,$8,$9,${10}" >>"$rows"
}

# The task-storage maps alive on the machine.
task_maps() {
	bpftool -j map list 2>/dev/null | grep -o '"type":"task_storage"' | wc -l
}

# quiesce: waits (30 s at most) until no task-storage map is alive, and prints
# how many still are. A map takes the per-owner cache's least-used slot when it
# is made and gives it back only when it is freed, some time after the run that
# made it ended: made beside the other tool's last maps, a run's maps share
# slots that they would not share alone, and its figure jumps (seen here at 10,
# 16 and 17 maps, either tool, in either order).
quiesce() {
	local n
	for _ in $(seq 300); do
		n=$(task_maps)
		[ "$n" -eq 0 ] && break
		sleep 0.1
	done
	echo "$n"
}

mkdir -p "$out/lsbench"
# How busy the machine was beside the pairs that measure the same thing: the
# time some task waited for a CPU while they ran, over their time. (The load
# average says little here: it read 47 on 2 CPUs that ran nothing else, the
# runs' own threads, such as the kernel create bench's 32 a batch, and tasks
# asleep uninterruptibly counting in it.)
waited=0 timed=0
for r in $(seq "$rounds"); do
	i=0
	while IFS='|' read -r name kargs scenario mode m same note; do
		i=$((i + 1))
		tag=$name-r$r
		# which goes first alternates, by round and by cell
		order="kernel lsbench"
		[ $(((r + i) % 2)) -eq 0 ] && order="lsbench kernel"
		for side in $order; do
			before=$(quiesce)
			w0=$(cpu_wait) t0=$(date +%s%N)
			label=$side
			if [ "$side" = kernel ]; then
				# shellcheck disable=SC2086
				read -r ns cv st slots <<<"$(kernel_run "$tag" "$m" $kargs)"
			elif [ -n "$aa" ]; then
				label=again
				# shellcheck disable=SC2086
				read -r ns cv st slots <<<"$(kernel_run "$tag-again" "$m" $kargs)"
			else
				read -r ns cv st slots <<<"$(lsbench_run "$tag" "$scenario" "$mode" "$m")"
			fi
			w1=$(cpu_wait) t1=$(date +%s%N)
			if [ "$same" = same ] && [ -n "$w0" ] && [ -n "$w1" ]; then
				waited=$((waited + w1 - w0)) timed=$((timed + (t1 - t0) / 1000))
			fi
			row "$name" "$r" "$label" "$ns" "$cv" "$st" "$same" "$note" "$before" "$slots"
			printf 'crosscheck: round %d/%d %-22s %-7s %10s ns %s\n' "$r" "$rounds" "$name" \
				"$label" "$ns" "$st" >&2
		done
	done < <(cells)
done

[ "$(wc -l <"$rows")" -gt 1 ] || die "no pair ran (see $out)"
"$summarizer" crosscheck-summary --threshold "$threshold" -o "$out/crosscheck.csv" "$rows"
status=$?
[ "$status" -ne 2 ] || die "no verdicts: lsbench crosscheck-summary refused $rows"
"$here/plot.sh" "$out" >&2 || echo "crosscheck: no plot (gnuplot failed)" >&2
column -s, -t <"$out/crosscheck.csv"
echo "crosscheck: pairs that measure the same thing judged on their rounds' ratios: agree when" \
	"the 95% interval lies within ${threshold}%; $rounds rounds in $(($(date +%s) - start)) s;" \
	"results in $out"
# Both tools time by the wall clock: other work on the CPUs is in their figures.
busy=$(awk -v w="$waited" -v t="$timed" 'BEGIN { if (t > 0) printf "%.4f", w / t }')
if [ -z "$busy" ]; then
	echo "crosscheck: this kernel has no /proc/pressure/cpu: how busy the machine was is unknown" >&2
elif awk -v b="$busy" 'BEGIN { exit !(b > 0.02) }'; then
	awk -v b="$busy" 'BEGIN { printf "crosscheck: the machine was busy: some task waited for a " \
		"CPU during %.1f%% of the compared runs (/proc/pressure/cpu): figures are not " \
		"those of a quiet machine\n", 100 * b }' >&2
fi
echo "load $load0 cpus $(nproc) cpu_wait_share ${busy:--}" >"$out/load.txt"
exit $status
