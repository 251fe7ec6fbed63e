#!/bin/bash
# Runs the unit tests (cmocka, TAP output) and the integration tests, and ends
# with one line that CI reads: "tests: N passed, N failed".
# usage: tests/run.sh OUTPUT_DIR UNIT_TEST...
set -u
out=$1
shift
log=$(mktemp)
trap 'rm -f "$log"' EXIT
t0=$(date +%s)
last=unit
last_t=$t0
times=
# section NAME: its header, with the time since the start (make test must stay under 15 minutes);
# the time each section took is summed up at the end.
section() {
	local now
	now=$(date +%s)
	times="$times, $last $((now - last_t)) s"
	last=$1
	last_t=$now
	echo "# $1 (at $((now - t0)) s)"
}

# What runs that died before the tests left behind (a killed benchmark, a session cut off) is
# removed first and said, so that no test reads another run's leftovers as its own output.
mkdir -p "$out/clean-root"
"$out/lsbench" clean -o "$out/clean-root" 2>&1 | sed 's/^/# before the tests: /'
for t in "$@"; do
	echo "# unit: $t"
	CMOCKA_MESSAGE_OUTPUT=TAP "$out/tests/$t" 2>&1 | tee -a "$log"
	# A binary that dies before reporting counts as a failure of its own.
	[ "${PIPESTATUS[0]}" -lt 128 ] || echo "not ok - $t crashed" | tee -a "$log"
done
section layers
# shellcheck disable=SC2086 # LAYER_SPEC is a list of LAYER=USES words
tests/layers.sh "$out" ${LAYER_SPEC:?the layers: LAYER=USES ... from the Makefile} 2>&1 | tee -a "$log"
section docs
LSBENCH="$out/lsbench" tests/docs.sh 2>&1 | tee -a "$log"
[ "${PIPESTATUS[0]}" -lt 128 ] || echo "not ok - docs.sh crashed" | tee -a "$log"
for f in "$out"/fuzz/*; do
	[ -x "$f" ] || continue
	name=$(basename "$f")
	echo "# fuzz: $name"
	corpus="$out/fuzz-corpus/$name"
	mkdir -p "$corpus" "$out/fuzz-artifacts"
	cp tests/fuzz/corpus/"${name#fuzz_}"/* "$corpus"/ 2>/dev/null
	crashes=$(ls tests/fuzz/crashes/"$name"-* 2>/dev/null)
	if { [ -z "$crashes" ] || "$f" $crashes; } >"$out/fuzz-$name.log" 2>&1 &&
		"$f" -max_total_time="${FUZZ_SECONDS:-20}" -artifact_prefix="$out/fuzz-artifacts/$name-" \
			"$corpus" >>"$out/fuzz-$name.log" 2>&1; then
		echo "ok - $name: $(grep -o 'Done [0-9]* runs' "$out/fuzz-$name.log" | tail -n 1)" | tee -a "$log"
	else
		echo "not ok - $name (artifacts in $out/fuzz-artifacts)" | tee -a "$log"
		tail -n 20 "$out/fuzz-$name.log"
	fi
done
section "btf builds"
# The running kernel's is the build in $out itself.
tests/btf-builds.sh "$out" bookworm trixie sid 2>&1 | tee -a "$log"
[ "${PIPESTATUS[0]}" -lt 128 ] || echo "not ok - btf-builds.sh crashed" | tee -a "$log"
section cli
LSBENCH="$out/san/lsbench" tests/cli.sh 2>&1 | tee -a "$log"
[ "${PIPESTATUS[0]}" -lt 128 ] || echo "not ok - cli.sh crashed" | tee -a "$log"
section integration
LSBENCH="$out/san/lsbench" tests/integration.sh 2>&1 | tee -a "$log"
[ "${PIPESTATUS[0]}" -lt 128 ] || echo "not ok - integration.sh crashed" | tee -a "$log"
section "crosscheck readers"
LSBENCH="$out/san/lsbench" tests/crosscheck.sh 2>&1 | tee -a "$log"
section power
tests/power.sh 2>&1 | tee -a "$log"
section timeline
LSBENCH="$out/san/lsbench" tests/timeline.sh 2>&1 | tee -a "$log"
[ "${PIPESTATUS[0]}" -lt 128 ] || echo "not ok - timeline.sh crashed" | tee -a "$log"
section census
LSBENCH="$out/san/lsbench" tests/census.sh 2>&1 | tee -a "$log"
[ "${PIPESTATUS[0]}" -lt 128 ] || echo "not ok - census.sh crashed" | tee -a "$log"
section lava
LSBENCH="$out/lsbench" LSBENCH_STATIC="$out/lsbench-static" tests/lava.sh 2>&1 | tee -a "$log"
[ "${PIPESTATUS[0]}" -lt 128 ] || echo "not ok - lava.sh crashed" | tee -a "$log"
section vm
LSBENCH="$out/lsbench" tests/vm.sh 2>&1 | tee -a "$log"
[ "${PIPESTATUS[0]}" -lt 128 ] || echo "not ok - vm.sh crashed" | tee -a "$log"

passed=$(grep -c '^ok ' "$log")
failed=$(grep -c '^not ok ' "$log")
section "end"
echo "# sections:${times#,}"
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
