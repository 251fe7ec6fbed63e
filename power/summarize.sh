#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Summarizes power trials' comparisons (power/power.sh): DIR/compare/t<N>-k<K>.csv
# into DIR/power.csv, a row per slowdown, and DIR/compare/t<N>-aa.csv into
# DIR/aa.csv. A slowed cell is one with a map under test (map_type not none):
# lsbench run --slowdown leaves the empty controls as in a benchmark. With a
# VARIANT (power.sh --runs N, --over-control, --disjoint: rN, rN-oc, rNd,
# rNd-oc), DIR/compare/VARIANT/ into DIR/power-VARIANT.csv and DIR/aa-VARIANT.csv.
# usage: power/summarize.sh DIR [VARIANT]
set -u
dir=${1:?usage: power/summarize.sh DIR [VARIANT]}
variant=${2:-}
cmp=$dir/compare${variant:+/$variant}
[ -d "$cmp" ] || { echo "power: no $cmp" >&2; exit 2; }

# count FILE...: the compare.csv files summed by their kind (k<K> or aa), a
# line each: kind, comparisons, cells, slower, faster, same, ~, % found
# slower, median ratio, median detectable change (%).
count() {
	awk -F, '
	# the line with its quotes taken off and the commas inside quoted fields made ";"
	function unquote(s,    i, c, q, r) {
		r = ""; q = 0
		for (i = 1; i <= length(s); i++) {
			c = substr(s, i, 1)
			if (c == "\"") { q = !q; continue }
			if (c == "," && q) c = ";"
			r = r c
		}
		return r
	}
	function median(a, k, n,    i, j, t, x) {
		if (!n) return ""
		for (i = 1; i <= n; i++) x[i] = a[k, i]
		for (i = 2; i <= n; i++)
			for (j = i; j > 1 && x[j - 1] > x[j]; j--) { t = x[j]; x[j] = x[j - 1]; x[j - 1] = t }
		return n % 2 ? x[(n + 1) / 2] : (x[n / 2] + x[n / 2 + 1]) / 2
	}
	FNR == 1 {
		n = split(FILENAME, p, "/"); kind = p[n]
		sub(/^t[0-9]+-/, "", kind); sub(/\.csv$/, "", kind)
		for (i = 1; i <= NF; i++) col[$i] = i
		cmps[kind]++
		next
	}
	{
		$0 = unquote($0)
		if (kind != "aa" && $col["map_type"] == "none") next
		v = $col["verdict"]
		cells[kind]++; nv[kind, v]++
		if ($col["ratio"] != "") r[kind, ++nr[kind]] = $col["ratio"] + 0
		if ($col["detectable_pct"] != "") d[kind, ++nd[kind]] = $col["detectable_pct"] + 0
	}
	END {
		for (k in cmps)
			printf "%s,%d,%d,%d,%d,%d,%d,%s,%s,%s\n", k, cmps[k], cells[k],
				nv[k, "slower"], nv[k, "faster"], nv[k, "same"], nv[k, "~"],
				cells[k] ? sprintf("%.1f", 100 * nv[k, "slower"] / cells[k]) : "",
				median(r, k, nr[k]), median(d, k, nd[k])
	}' "$@"
}

mapfile -t files < <(find "$cmp" -maxdepth 1 -name 't*-*.csv' | sort)
[ ${#files[@]} -gt 0 ] || { echo "power: no comparisons in $cmp yet"; exit 0; }
power=$dir/power${variant:+-$variant}.csv
aa=$dir/aa${variant:+-$variant}.csv
lines=$(count "${files[@]}") || exit 1
head="comparisons,cells,slower,faster,same,inconclusive,found_slower_pct,median_ratio,median_detectable_pct"
{
	echo "slowdown_pct,$head"
	echo "$lines" | grep '^k' | sed 's/^k//' | sort -t, -k1,1n
} >"$power.tmp" && mv "$power.tmp" "$power"
{
	echo "$head"
	echo "$lines" | grep '^aa,' | cut -d, -f2-
} >"$aa.tmp" && mv "$aa.tmp" "$aa"
column -s, -t "$power"
if [ -z "$variant" ]; then
	echo "A/A (each trial's base against the next's):"
else
	echo "A/A ($variant: every other trial's base against those between):"
fi
column -s, -t "$aa"
