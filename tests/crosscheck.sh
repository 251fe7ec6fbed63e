#!/bin/bash
# Unit tests of make crosscheck's readers: the kernel bench's output as
# recorded from its runs (tests/crosscheck/*.txt) and the judgment of
# crosscheck.csv on a fixture of rounds. Needs neither root nor the bench.
# Prints one "ok N - name" or "not ok N - name" line per check.
set -u
cd "$(dirname "$0")/.." || exit 1
data=tests/crosscheck
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

# The fixture: seq-get-16 medians 20 (kernel) and 20.9 (lsbench, one outlier
# round of 99 dropped by the median): ratio 1.045.
judge() {
	awk -F, -v threshold="$1" -f crosscheck/summarize.awk "$data/rounds.csv"
}
out=$(judge 0.05)
rc=$?
line=$(echo "$out" | grep '^seq-get-16,')
if [ "$rc" -eq 0 ] && [ "${line%%,\"*}" = "seq-get-16,20.000,20.900,1.0450,0.0200,0.0300,agrees" ]; then
	ok "a same-thing pair 4.5% apart agrees at 5%"
else
	not_ok "a same-thing pair 4.5% apart agrees at 5%" "exit $rc" "$out"
fi
out=$(judge 0.04)
rc=$?
if [ "$rc" -eq 1 ] && echo "$out" | grep -q '^seq-get-16,.*,DISAGREES,'; then
	ok "the same pair disagrees at 4% and the exit status says so"
else
	not_ok "the same pair disagrees at 4% and the exit status says so" "exit $rc" "$out"
fi
if echo "$out" | grep -q '^seq-get-1,.*,0.2000,0.0100,agrees (noisy),'; then
	ok "a pair whose spread exceeds the threshold is marked noisy"
else
	not_ok "a pair whose spread exceeds the threshold is marked noisy" "$out"
fi
if echo "$out" | grep -q '^int-get-16,10.000,20.000,2.0000,.*,differs,"n2"$' &&
	echo "$out" | grep -q '^create-socket,,900.000,,,0.0500,unsupported,'; then
	ok "pairs that differ by design are reported, not judged; a refused bench is unsupported"
else
	not_ok "pairs that differ by design are reported, not judged; a refused bench is unsupported" \
		"$out"
fi
