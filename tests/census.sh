#!/bin/bash
# Map census tests: a map-count cell run right after another has exactly its
# own maps of its type from lsbench alive (no storage map of the object, no
# inner-map template, none of the earlier cell's), its maps hold the cache
# slots they would hold alone, a cell beside other maps of its type says so,
# and one whose maps share slots fails. Reads the census lines of
# `lsbench run -v` and summary.csv's cache_slots.
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

# run LOG [ENV...]: two map-count cells per type, 17 maps and 16, in two rounds: in the
# second, every cell follows the first round's cells of its type.
run() {
	local log=$1
	shift
	env "$@" "$LSBENCH" run -v -s task-get-maps -s cgrp-get-maps -s sk-get-maps -m loop \
		--cpus 1 --maps 17,16 -w 0 -d 0.05 -r 1 --rounds 2 -o "$tmp/out" >"$log" 2>&1
}

run "$tmp/run.log"
rc=$?
for sc in task-get-maps cgrp-get-maps sk-get-maps; do
	bad=$(census_bad "$tmp/run.log" "$sc" 16)
	if [ "$rc" -eq 0 ] && [ -z "$bad" ]; then
		ok "$sc with 16 maps after other cells: its 16 maps alive, no other of lsbench"
	else
		not_ok "$sc with 16 maps after other cells: its 16 maps alive, no other of lsbench" \
			"exit $rc" "$bad" "$(grep -E 'census|^'"$sc" "$tmp/run.log")"
	fi
done

# slots_bad CSV MAPS...: what is wrong with the cache_slots of each map-count
# cell of those map counts (min(maps, 16) distinct slots), nothing when right.
slots_bad() {
	local csv=$1
	shift
	awk -F, -v want=" $* " '
		NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
		$c["scenario"] ~ /-maps$/ && index(want, " " $c["nr_maps"] " ") {
			seen++
			m = $c["nr_maps"] < 16 ? $c["nr_maps"] : 16
			if ($c["cache_slots"] != m)
				print $c["scenario"] " " $c["nr_maps"] ": cache_slots \"" $c["cache_slots"] "\""
		}
		END { if (!seen) print "no map-count cell in " FILENAME }' "$csv"
}
csv=$(find "$tmp/out" -name summary.csv | head -n 1)
bad=$(slots_bad "$csv" 16 17)
if [ -n "$csv" ] && [ -z "$bad" ]; then
	ok "map-count cells' maps hold min(maps, 16) distinct cache slots"
else
	not_ok "map-count cells' maps hold min(maps, 16) distinct cache slots" "$bad"
fi
rm -rf "$tmp/out"

# A map of the type holding slot 15 while the cell's maps are made: 16 maps
# cannot be laid out as alone (map 15 goes with map 0), 15 can.
LSBENCH_FAULT=slothog "$LSBENCH" run -s task-get-maps -m loop --cpus 1 --maps 15,16 -w 0 \
	-d 0.05 -r 1 --rounds 1 -o "$tmp/hog" >"$tmp/hog.log" 2>&1
rc=$?
csv=$(find "$tmp/hog" -name summary.csv | head -n 1)
st=$(awk -F, -v s="$(col status "$csv")" -v m="$(col nr_maps "$csv")" \
	'NR > 1 && /task-get-maps/ { print $m ":" $s }' "$csv" 2>/dev/null | sort -n | tr '\n' ' ')
if [ "$rc" -eq 1 ] && [ "$st" = "15:ok 16:failed " ] &&
	grep -q '^task-get-maps.*failed: its 16 maps share cache slots: 15 distinct of 16' \
		"$tmp/hog.log"; then
	ok "maps that share cache slots fail their cell; 15 beside the same map do not"
else
	not_ok "maps that share cache slots fail their cell; 15 beside the same map do not" \
		"exit $rc" "cells: $st" "$(tail -n 5 "$tmp/hog.log")"
fi

# Without the census (the object's storage map kept, nothing waited for),
# the same check must fail.
run "$tmp/off.log" LSBENCH_FAULT=census
if [ -n "$(census_bad "$tmp/off.log" task-get-maps 16)" ]; then
	ok "the check fails without the census"
else
	not_ok "the check fails without the census" "$(grep census "$tmp/off.log")"
fi

# Beside another run holding task-storage maps, the cell notes them and stays ok. The other
# run's first cell makes its maps when no other of the type is alive (slots 0 and 1) and keeps
# them while the cell below is set up and measured, one round: its 16 maps then take the other
# 14 slots and slots 0 and 1, as alone. (A map of the other run's remade while this run's maps
# were being freed could hold a slot in the middle: its 16 maps would share slots, and fail.)
"$LSBENCH" run -s task-get -m hook --cpus 1 -w 0 -d 60 -r 1 --rounds 1 -o "$tmp/other" \
	>/dev/null 2>&1 &
other=$!
# until its map exists (any run's will do), for 10 s at most
for _ in $(seq 100); do
	bpftool map list 2>/dev/null | grep -q 'task_storage  name task_store' && break
	sleep 0.1
done
"$LSBENCH" slots >"$tmp/slots.csv" 2>&1
"$LSBENCH" run -v -s task-get-maps -m loop --cpus 1 --maps 16 -w 0 -d 0.05 -r 1 --rounds 1 \
	-o "$tmp/out" >"$tmp/beside.log" 2>&1
rc=$?
kill -INT "$other"
wait "$other"
if head -n 1 "$tmp/slots.csv" | grep -qx 'id,type,name,slot' &&
	grep -qE '^[0-9]+,task_storage,task_store,([0-9]|1[0-5])$' "$tmp/slots.csv"; then
	ok "lsbench slots lists another run's task-storage map and its slot"
else
	not_ok "lsbench slots lists another run's task-storage map and its slot" \
		"$(cat "$tmp/slots.csv")"
fi
bad=$(census_bad "$tmp/beside.log" task-get-maps 16)
if [ "$rc" -eq 0 ] && [ -z "$bad" ] &&
	grep -q '^lsbench: note: task-get-maps maps=16: [1-9][0-9]* other task_storage maps' \
		"$tmp/beside.log"; then
	ok "a cell beside another run's task-storage map notes it"
else
	not_ok "a cell beside another run's task-storage map notes it" "exit $rc" "$bad" \
		"$(grep -E 'census|note|slots:|failed' "$tmp/beside.log")"
fi
