#!/bin/bash
# Map census tests: a map-count cell run right after another has exactly its
# own maps of its type from lsbench alive (no storage map of the object, no
# inner-map template, none of the earlier cell's), and a cell beside other
# maps of its type says so. Reads the census lines of `lsbench run -v`.
# Prints one "ok N - name" or "not ok N - name" line per check.
set -u
LSBENCH=${LSBENCH:-.output/lsbench}
tmp=$(mktemp -d /tmp/lsbench-census.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"

# census_bad LOG SCENARIO MAPS: prints what is wrong with the census taken
# before SCENARIO's MAPS-map cell was measured, nothing when it is right.
# Maps of others (other runs at the same time) may be alive: then the cell
# must say so, and the count must add up.
census_bad() {
	awk -v sc="$2" -v m="$3" '
		$3 == "before" && $4 == sc && $5 == "maps=" m ":" {
			seen = 1; alive = $6; own = $10; foreign = $13; earlier = $15
			if (own != m) print sc " " m ": " own " maps of the cell, not " m
			if (earlier != 0) print sc " " m ": " earlier " maps of earlier cells alive"
			if (alive != own + foreign) print sc " " m ": counts do not add up: " $0
			if (foreign > 0) want_note = 1
		}
		$2 == "note:" && $3 == sc && $4 == "maps=" m ":" { noted = 1 }
		END {
			if (!seen) print sc " " m ": no census line"
			if (want_note && !noted) print sc " " m ": foreign maps not noted"
		}' "$1"
}

# run LOG [ENV...]: two map-count cells per type, 17 maps then 16, back to back.
run() {
	local log=$1
	shift
	env "$@" "$LSBENCH" run -v -s task-get-maps -s cgrp-get-maps -s sk-get-maps -m loop \
		--cpus 1 --maps 17,16 -w 0 -d 0.05 -r 1 -o "$tmp/out" >"$log" 2>&1
}

run "$tmp/run.log"
rc=$?
for sc in task-get-maps cgrp-get-maps sk-get-maps; do
	bad=$(census_bad "$tmp/run.log" "$sc" 16)
	if [ "$rc" -eq 0 ] && [ -z "$bad" ]; then
		ok "$sc with 16 maps after 17: its 16 maps alive, no other of lsbench"
	else
		not_ok "$sc with 16 maps after 17: its 16 maps alive, no other of lsbench" \
			"exit $rc" "$bad" "$(grep -E 'census|^'"$sc" "$tmp/run.log")"
	fi
done

# Without the census (the object's storage map kept, nothing waited for),
# the same check must fail.
run "$tmp/off.log" LSBENCH_FAULT=census
if [ -n "$(census_bad "$tmp/off.log" task-get-maps 16)" ]; then
	ok "the check fails without the census"
else
	not_ok "the check fails without the census" "$(grep census "$tmp/off.log")"
fi

# Beside another run holding a task-storage map, the cell notes it and stays ok.
"$LSBENCH" run -s task-get -m hook --cpus 1 -w 0 -d 5 -r 1 -o "$tmp/other" >/dev/null 2>&1 &
other=$!
# until its map exists (any run's will do), for 10 s at most
for _ in $(seq 100); do
	bpftool map list 2>/dev/null | grep -q 'task_storage  name task_store' && break
	sleep 0.1
done
"$LSBENCH" run -v -s task-get-maps -m loop --cpus 1 --maps 16 -w 0 -d 0.05 -r 1 -o "$tmp/out" \
	>"$tmp/beside.log" 2>&1
rc=$?
wait "$other"
bad=$(census_bad "$tmp/beside.log" task-get-maps 16)
if [ "$rc" -eq 0 ] && [ -z "$bad" ] &&
	grep -q '^lsbench: note: task-get-maps maps=16: [1-9][0-9]* other task_storage maps' \
		"$tmp/beside.log"; then
	ok "a cell beside another run's task-storage map notes it"
else
	not_ok "a cell beside another run's task-storage map notes it" "exit $rc" "$bad" \
		"$(grep -E 'census|note' "$tmp/beside.log")"
fi
