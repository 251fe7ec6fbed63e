#!/bin/bash
# Helpers of the shell tests, sourced: one "ok N - name" or "not ok N - name"
# line per check (TAP), with the reasons of a failure as "#   " lines.
# TEST_PREFIX (optional) goes before every name.
n=0

ok() {
	n=$((n + 1))
	echo "ok $n - ${TEST_PREFIX:-}$1"
}

not_ok() {
	n=$((n + 1))
	echo "not ok $n - ${TEST_PREFIX:-}$1"
	shift
	for line in "$@"; do echo "#   $line"; done
}

# check NAME COMMAND...: passes when COMMAND exits 0.
check() {
	local name=$1 out
	shift
	if out=$("$@" 2>&1); then ok "$name"; else not_ok "$name" "$out"; fi
}

# Column number of a header name in a CSV file.
col() {
	head -n 1 "$2" | tr ',' '\n' | grep -nx "$1" | cut -d: -f1
}

# Where lsbench makes cgroups: cgroup v2, and the v1 memory hierarchy if mounted.
cgroup_roots() {
	awk '{ for (i = 7; i < NF && $i != "-"; i++); fs = $(i + 1); so = $(i + 3) }
		fs == "cgroup2" || (fs == "cgroup" && so ~ /(^|,)memory(,|$)/) { print $5 }' \
		/proc/self/mountinfo
}

# What runs of pid $1 made and did not remove: cgroups, temporary folders and files.
left_by() {
	find $(cgroup_roots) -maxdepth 1 -name "lsbench-$1-*" 2>/dev/null
	find "${TMPDIR:-/tmp}" /tmp -maxdepth 1 \( -name "lsbench-$1-*" -o -name "lsbench-perf-$1.data" \) \
		2>/dev/null
}
