#!/bin/bash
# Helpers of the shell tests, sourced: one "ok N - name" or "not ok N - name"
# line per check (TAP), with the reasons of a failure as "#   " lines.
# TEST_PREFIX (optional) goes before every name. A check that took
# LS_SLOW_S seconds or more (default 3) is followed by "# N s": the time since
# the check before it (or the start), so that the output shows where the time
# of make test goes.
n=0
took_mark=$SECONDS

# took: "# N s" after a check that took long; the next check is timed from here.
took() {
	local s=$((SECONDS - took_mark))
	[ "$s" -lt "${LS_SLOW_S:-3}" ] || echo "# $s s"
	took_mark=$SECONDS
}

ok() {
	n=$((n + 1))
	echo "ok $n - ${TEST_PREFIX:-}$1"
	took
}

not_ok() {
	n=$((n + 1))
	echo "not ok $n - ${TEST_PREFIX:-}$1"
	shift
	for line in "$@"; do echo "#   $line"; done
	took
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
