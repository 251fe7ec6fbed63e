#!/bin/bash
# Unit tests of make crosscheck's readers: the kernel bench's output as
# recorded from its runs (tests/crosscheck/*.txt) and the judgment of
# crosscheck.csv on a fixture of rounds (lsbench crosscheck-summary, whose
# statistics tests/unit/test_xsum.c checks), and what it runs lsbench with
# (fake bench and runner; root, else skipped). Needs no kernel bench.
# Prints one "ok N - name" or "not ok N - name" line per check.
set -u
cd "$(dirname "$0")/.." || exit 1
data=tests/crosscheck
lsbench=${LSBENCH:-.output/lsbench}
. tests/lib.sh

# parses FILE WANT: the parser prints WANT ("ns cv") for the recording.
parses() {
	local got
	got=$(awk -f crosscheck/parse.awk "$data/$1" 2>&1)
	if [ "$got" = "$2" ]; then ok "parse $1: $2"; else not_ok "parse $1" "got '$got', want '$2'"; fi
}

# refuses NAME TEXT: the parser exits 1 with one line on stderr for TEXT.
refuses() {
	local err rc
	err=$(printf '%s\n' "$2" | awk -f crosscheck/parse.awk 2>&1 >/dev/null)
	rc=$?
	if [ "$rc" -eq 1 ] && [ "$(echo "$err" | wc -l)" -eq 1 ] && [ -n "$err" ]; then
		ok "parse refuses $1"
	else
		not_ok "parse refuses $1" "exit $rc: $err"
	fi
}

# exits2 NAME WANT COMMAND...: COMMAND exits 2 with exactly WANT on stderr.
exits2() {
	local name=$1 want=$2 err rc
	shift 2
	err=$("$@" 2>&1 >/dev/null)
	rc=$?
	if [ "$rc" -eq 2 ] && [ "$err" = "$want" ]; then ok "$name"; else not_ok "$name" "exit $rc: $err"; fi
}

# 1000 / (M hits/s) and 1e6 / (k creates/s); cv = stddev / mean
parses seq-get-17.txt "25.7951 0.0989"
parses int-get-24.txt "36.6555 0.0749"
parses hashmap-control-1.txt "153.6098 0.0627"
parses create-task.txt "33991.6381 0.1622"
refuses "a refused program (no Summary)" "$(cat "$data/create-socket-refused.txt")"
refuses "a cut Summary line" "Summary: hits throughput   53.120 ± "
refuses "two Summary lines" "$(grep Summary "$data/seq-get-17.txt"; grep Summary "$data/int-get-24.txt")"
refuses "counted errors" "$(cat "$data/create-task.txt")
pthread_create() errors 3 create_errs 0"
refuses "a zero throughput" "Summary: hits throughput    0.000 ± 0.000 M ops/s, hits latency      inf ns/op"

# The fixture (tests/crosscheck/rounds.csv):
# - seq-get-16: the machine's speed moves 2x between rounds (15 to 30 ns),
#   the paired ratios are 1.01 1.02 1.00 1.01: geometric mean 1.0100, 95%
#   interval 0.9971 to 1.0231 (t 3.1824 on 3 degrees of freedom);
# - int-get-1: ratios 1.50 1.52 1.48, wholly above 1.05;
# - seq-get-1: one pair (round 2's kernel run failed), so no interval;
# - seq-get-17: seq-get-16's first three rounds, and a fourth whose kernel
#   run's maps shared cache slots (40 ns): left out, ratio 1.0100 over three
#   pairs, interval 0.9854 to 1.0351 (t 4.303);
# - all-same: those three pooled, below.
# judge PCT [FIXTURE]: crosscheck.csv of FIXTURE judged within PCT%, on standard output.
judge() {
	"$lsbench" crosscheck-summary --threshold "$1" "${2:-$data/rounds.csv}"
}
# judged_as THRESHOLD WANT_RC CELL WANT_PREFIX NAME [FIXTURE]
judged_as() {
	local out rc line
	out=$(judge "$1" "${6:-}")
	rc=$?
	line=$(echo "$out" | grep "^$3,")
	if [ "$rc" -eq "$2" ] && [ "${line#"$4"}" != "$line" ]; then
		ok "$5"
	else
		not_ok "$5" "exit $rc" "$out"
	fi
}
judged_as 5 1 seq-get-16 "seq-get-16,22.500,22.725,1.0100,0.9971,1.0231,4,0.2869,0.2941,agrees," \
	"paired rounds cancel the machine's drift: the interval lies within 5%, agrees"
judged_as 5 1 int-get-1 "int-get-1,11.000,16.280,1.4999,1.4510,1.5504,3,0.0909,0.0989,DISAGREES," \
	"an interval wholly outside 5% disagrees, and the exit status is 1"
judged_as 0.5 1 seq-get-16 "seq-get-16,22.500,22.725,1.0100,0.9971,1.0231,4,0.2869,0.2941,inconclusive," \
	"an interval across the bound is inconclusive, not agreement"
judged_as 5 1 seq-get-1 "seq-get-1,10.000,10.200,1.0200,,,1,,0.0000,inconclusive (one pair)," \
	"one pair gives no interval: inconclusive"
# A folder with runs in it is refused: they would be read as the new run's.
full=$(mktemp -d)
mkdir "$full/lsbench"
exits2 "a used --out folder: exit 2, one line" \
	"crosscheck: --out $full holds runs: give a new folder (they would be read as this one's)" \
	crosscheck/crosscheck.sh --lsbench "$lsbench" --out "$full"
# A runner older than crosscheck-summary (its help lists no such command): the verdicts come
# from this tree's build, and the run goes on (here, to the used folder's refusal).
printf '#!/bin/sh\necho "  run   measure"\n' >"$full/old-runner"
chmod +x "$full/old-runner"
exits2 "a runner without crosscheck-summary: the tree's build judges" \
	"crosscheck: --out $full holds runs: give a new folder (they would be read as this one's)" \
	crosscheck/crosscheck.sh --lsbench "$full/old-runner" --out "$full"
rm -rf "$full"
# Every local-storage bench of the kernel's that makes an operation's figure is
# paired with an lsbench scenario that measures the same thing (--list).
pairs=$(crosscheck/crosscheck.sh --list --maps 1 2>&1)
want="local-storage-cache-hashmap-control local-storage-cache-int-get local-storage-cache-seq-get local-storage-create "
got=$(echo "$pairs" | cut -d, -f2 | cut -d' ' -f1 | sort -u | tr '\n' ' ')
if [ "$got" = "$want" ] &&
	[ "$(echo "$pairs" | cut -d, -f6 | sort -u)" = same ] &&
	[ "$(echo "$pairs" | grep -c 'local-storage-create --storage-type')" -eq 2 ]; then
	ok "--list: every kernel bench paired, each as the same thing"
else
	not_ok "--list pairs every kernel bench as the same thing" "$pairs"
fi
missing=$(echo "$pairs" | cut -d, -f3 | sort -u | while read -r sc; do
	"$lsbench" list | grep -q "^$sc " || echo "$sc"
done)
if [ -z "$missing" ]; then ok "--list: every lsbench scenario it names exists"; else
	not_ok "--list names scenarios lsbench lacks" "$missing"; fi
if [ "$(crosscheck/crosscheck.sh --list --pairs create-task,hashmap-control --hash-maps 1,2 |
	cut -d, -f1 | tr '\n' ' ')" = "hashmap-control-1 hashmap-control-2 create-task " ]; then
	ok "--pairs picks the benches it names, --hash-maps their map counts"
else
	not_ok "--pairs" "$(crosscheck/crosscheck.sh --list --pairs create-task,hashmap-control)"
fi
exits2 "--pairs with an unknown bench: exit 2, one line" \
	"crosscheck: --pairs: unknown bench 'tasks-trace' (seq-get, int-get, hashmap-control, create-task, create-socket)" \
	crosscheck/crosscheck.sh --pairs seq-get,tasks-trace
# A/A (--aa): the second side is the kernel's bench again, judged the same way.
aa_rounds=$(mktemp)
sed 's/,lsbench,/,again,/' "$data/rounds.csv" >"$aa_rounds"
if [ "$(judge 5 "$aa_rounds" | head -n 1 | cut -d, -f2-3,8-9)" = \
	"kernel_ns_median,again_ns_median,kernel_spread,again_spread" ] &&
	[ "$(judge 5 "$aa_rounds" | tail -n +2)" = "$(judge 5 | tail -n +2)" ]; then
	ok "A/A rounds (side again) are judged as lsbench's, and the header says again"
else
	not_ok "A/A rounds (side again)" "$(judge 5 "$aa_rounds" | head -n 3)"
fi
rm -f "$aa_rounds"
no_disagreement=$(mktemp)
grep -v '^int-get-1,' "$data/rounds.csv" >"$no_disagreement"
judged_as 5 3 seq-get-1 "seq-get-1," "inconclusive without disagreement exits 3" "$no_disagreement"
grep -v -e '^int-get-1,' -e '^seq-get-1,' "$data/rounds.csv" >"$no_disagreement"
judged_as 5 0 seq-get-16 "seq-get-16," "every same-thing pair agreeing exits 0" "$no_disagreement"
rm -f "$no_disagreement"
judged_as 5 1 seq-get-17 'seq-get-17,20.000,20.100,1.0100,0.9854,1.0351,3,0.3525,0.3057,agrees,1,"n6"' \
	"a kernel run whose maps shared cache slots gives no pair, and is counted"
# all-same: per round the mean log ratio of the same-thing cells there, (1.01 1.50 1.02 1.01),
# (1.02 1.52 1.02), (1.00 1.48 1.00), (1.01): 1.1065, interval 1.0007 to 1.2234 over 4 rounds
judged_as 5 1 all-same "all-same,,,1.1065,1.0007,1.2234,4,,,inconclusive,," \
	"the same-thing cells pooled round by round, judged as one"
judged_as 5 1 int-get-16 'int-get-16,10.000,20.000,2.0000,,,1,,,differs,0,"n2"' \
	"pairs that differ by design are reported, not judged"
judged_as 5 1 create-socket 'create-socket,,900.000,,,,0,,,unsupported,0,' \
	"a refused bench is unsupported"
# create-socket-lsm: a same-thing pair whose hook (the BPF LSM's) both sides were refused;
# the fixture without int-get-1 and seq-get-1 exits 0 with it (above): not a failure
judged_as 5 1 create-socket-lsm 'create-socket-lsm,,,,,,0,,,unsupported,0,' \
	"a same-thing pair refused on both sides is unsupported, not failed"
if judge 5 | grep -q '^all-same,.*"the 4 cells that measure the same thing pooled'; then
	ok "a pair refused on both sides is not pooled into all-same"
else
	not_ok "a pair refused on both sides is not pooled" "$(judge 5 | tail -n 1)"
fi

# -o FILE: the same crosscheck.csv, written whole, with the same exit status; bad input: exit 2,
# one line naming the row, and no file.
tmp=$(mktemp -d)
"$lsbench" crosscheck-summary -o "$tmp/crosscheck.csv" "$data/rounds.csv"
rc=$?
if [ "$rc" -eq 1 ] && [ "$(cat "$tmp/crosscheck.csv")" = "$(judge 5)" ]; then
	ok "-o writes what standard output gets, with the exit status"
else
	not_ok "-o writes what standard output gets" "exit $rc"
fi
sed '3 s/,lsbench,/,bench,/' "$data/rounds.csv" >"$tmp/bad.csv"
exits2 "a bad row: exit 2, one line naming it" \
	"lsbench crosscheck-summary: $tmp/bad.csv:3: column side: 'bench' is not kernel, lsbench or again" \
	"$lsbench" crosscheck-summary -o "$tmp/out.csv" "$tmp/bad.csv"
if [ -e "$tmp/out.csv" ]; then not_ok "bad input writes no file" "$tmp/out.csv exists"; else
	ok "bad input writes no file"; fi
exits2 "--threshold out of range: exit 2, one line" \
	"lsbench crosscheck-summary: --threshold: '-1' is not a number from 0 to 1000" \
	"$lsbench" crosscheck-summary --threshold -1 "$data/rounds.csv"
rm -rf "$tmp"

# The kernel bench's maps' slots, as lsbench slots recorded them while its
# 17-map run went on (tests/crosscheck/seq-get-17.slots.csv: a cgroup-storage
# map of another run among them), judged by lsbench slots --layout, the
# runner's own rule: map i shares a slot exactly with maps i ± 16, ...
slots=$data/seq-get-17.slots.csv
# layout NAME WANT FILE: lsbench slots --layout task_storage FILE prints WANT.
layout() {
	local got
	got=$("$lsbench" slots --layout task_storage "$3" 2>&1)
	if [ "$got" = "$2" ]; then ok "$1"; else not_ok "$1" "got '$got', want '$2'"; fi
}
layout "17 maps in 16 slots, the 17th with the 1st: as alone, other types aside" "17 16 alone" "$slots"
fixture=$(mktemp)
# the last map in slot 1 (with the 2nd), as beside a map that held slot 0
sed '$ s/,0$/,1/' "$slots" >"$fixture"
layout "the 17th map with the 2nd: shared" "17 16 shared" "$fixture"
# made in id order, listed in any: the first two lines swapped
{ sed -n 1p "$slots"; sed -n 3p "$slots"; sed -n 2p "$slots"; sed -n '4,$p' "$slots"; } >"$fixture"
layout "maps are judged in id order, not the file's" "17 16 alone" "$fixture"
# 16 maps, map 15 with map 0: shared (alone, 16 maps take 16 slots)
grep -v ",15$" "$slots" >"$fixture"
layout "16 maps in 15 slots: shared" "16 15 shared" "$fixture"
sed '3 s/,1$/,x/' "$slots" >"$fixture"
exits2 "a bad row: exit 2, one line naming it" \
	"lsbench slots: $fixture:3: not a row of lsbench slots" \
	"$lsbench" slots --layout task_storage "$fixture"
rm -f "$fixture"

# What crosscheck runs lsbench with, on a fake kernel bench and a fake runner
# that records its arguments (bpftool faked too: no map of the machine's is
# waited for). A runner whose run --help lists the instruments' --no-*
# options runs bare, as the kernel's bench; one without them (older) runs as
# it can. crosscheck refuses to run but as root.
fake=$(mktemp -d)
mkdir -p "$fake/asis" "$fake/fit" "$fake/path"
touch "$fake/asis/patches.log"
printf '%s\n' '#!/bin/sh' 'echo "Benchmark '\''local-storage-create'\'' started."' \
	'echo "Summary: creates   94.459 ± 0.032k/s ( 94.459k/prod), 2.00 kmallocs/create"' \
	>"$fake/asis/bench"
printf '%s\n' '#!/bin/sh' 'echo "[]"' >"$fake/path/bpftool"
# the runner: its run --help holds the options in $fake/help
cat >"$fake/lsbench" <<'RUNNER'
#!/bin/bash
here=$(dirname "$0")
case "$1 ${2:-}" in
"version "*) echo "lsbench fake (revision fake)" ;;
"run --help") cat "$here/help" ;;
"run "*)
	echo "$*" >>"$here/runs"
	while [ $# -gt 0 ] && [ "$1" != -o ]; do shift; done
	mkdir -p "$2/set" && printf '%s\n' scenario,nr_maps,status,ns_per_op,cv \
		sk-churn-lsm-storage,1,ok,10600,0.001 >"$2/set/summary.csv"
	;;
*) exit 1 ;;
esac
RUNNER
chmod +x "$fake/asis/bench" "$fake/path/bpftool" "$fake/lsbench"
bare="--no-bpf-stats --no-latency --no-bpf-latency --no-perf"
# ran_with NAME HELP WANT: crosscheck's lsbench runs, with run --help printing
# HELP, got the options WANT of the four (in that order), and bench.txt says so.
ran_with() {
	local got listed
	printf '%s\n' "$2" >"$fake/help"
	rm -rf "$fake/runs" "$fake/out"
	if [ "$(id -u)" -ne 0 ]; then
		ok "$1 # skip: crosscheck runs as root only"
		return
	fi
	PATH=$fake/path:$PATH crosscheck/crosscheck.sh --prebuilt "$fake/asis,$fake/fit" \
		--lsbench "$fake/lsbench" --pairs create-socket --rounds 1 --seconds 1 \
		--out "$fake/out" >/dev/null 2>&1
	got=$(grep -o -- '--no-[a-z-]*' "$fake/runs" 2>/dev/null | tr '\n' ' ')
	listed=$(sed -n 's/^lsbench-options //p' "$fake/out/bench.txt" 2>/dev/null)
	if [ "${got% }" = "$3" ] && [ "$listed" = "$3" ] && [ "$(wc -l <"$fake/runs")" -eq 1 ]; then
		ok "$1"
	else
		not_ok "$1" "runs: $(cat "$fake/runs" 2>/dev/null)" "bench.txt: '$listed'" "want '$3'"
	fi
}
ran_with "lsbench runs bare beside the kernel's bench" \
	"$(for f in $bare; do printf '      %-18sdo not ...\n' "$f"; done)" "$bare"
ran_with "a runner without the instruments' options runs without them" \
	"      --max-rounds N    at most" ""
rm -rf "$fake"
