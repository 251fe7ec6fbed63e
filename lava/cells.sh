#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Runs in a LAVA job's test shell (lava/lsbench.yaml), under busybox sh:
# lsbench run on the booted kernel, then each cell as a LAVA test case (its
# status as the result: ok pass, failed fail, unsupported skip; ns_per_op as
# the measurement, in ns), a case lsbench-run for the run itself, and the
# whole result set printed between two marker lines (tar.gz in base64), from
# which lava/lava.sh import makes it again on the other side.
# usage: cells.sh DIR SCENARIOS ARGS
#   DIR        where the static lsbench is (the job's overlay: /opt/lsbench)
#   SCENARIOS  scenario globs, comma-separated
#   ARGS       more arguments of lsbench run, split on blanks
dir=$1
scenarios=$2
args=$3
out=/tmp/lsbench-results

# report NAME RESULT [VALUE UNIT]: a LAVA test case; outside LAVA (tests), a line.
report() {
	if command -v lava-test-case >/dev/null 2>&1; then
		lava-test-case "$1" --result "$2" ${3:+--measurement "$3" --units "$4"}
	else
		echo "case: $*"
	fi
}

set --
for s in $(echo "$scenarios" | tr ',' ' '); do
	set -- "$@" -s "$s"
done
rm -rf "$out"
# shellcheck disable=SC2086 # ARGS is split on purpose
"$dir/lsbench" run -o "$out" "$@" $args
status=$?
run=$(ls -d "$out"/*/*/ 2>/dev/null | head -n 1)
if [ -z "$run" ]; then
	echo "lsbench-lava: lsbench run wrote no result set (exit status $status)"
	report lsbench-run fail
	exit 0
fi
"$dir/lsbench" export -f lava "$run" >/tmp/lsbench-cases || status=2
while read -r name result value unit; do
	report "$name" "$result" "$value" "$unit"
done </tmp/lsbench-cases
# 0: every cell ok or unsupported; 1: some failed, each with its case and reason
if [ "$status" -le 1 ]; then
	report lsbench-run pass
else
	report lsbench-run fail
fi
"$dir/lsbench" export -f ktap "$run" | grep -E '^(not ok|ok .* # SKIP)' | sed 's/^/lsbench-lava: /'
echo "LSBENCH-RESULTSET-BEGIN $(basename "$run")"
tar -C "$out" -czf - . | base64
echo "LSBENCH-RESULTSET-END"
