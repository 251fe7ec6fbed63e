#!/bin/bash
# Runs the unit tests (cmocka, TAP output) and the integration tests, and ends
# with one line that CI reads: "tests: N passed, N failed".
# usage: tests/run.sh OUTPUT_DIR UNIT_TEST...
set -u
out=$1
shift
log=$(mktemp)
trap 'rm -f "$log"' EXIT

for t in "$@"; do
	echo "# unit: $t"
	CMOCKA_MESSAGE_OUTPUT=TAP "$out/tests/$t" 2>&1 | tee -a "$log"
	# A binary that dies before reporting counts as a failure of its own.
	[ "${PIPESTATUS[0]}" -lt 128 ] || echo "not ok - $t crashed" | tee -a "$log"
done
echo "# integration"
LSBENCH="$out/san/lsbench" tests/integration.sh 2>&1 | tee -a "$log"
[ "${PIPESTATUS[0]}" -lt 128 ] || echo "not ok - integration.sh crashed" | tee -a "$log"

passed=$(grep -c '^ok ' "$log")
failed=$(grep -c '^not ok ' "$log")
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
