#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The README's headline figures, from a published `make bench` set: its
# context (meta.txt), the loop-mode gets at one thread, the map-count row, the
# create-delete costs, what elements weigh, how precise the cells came out and
# what did not run. Every figure is read from the set; a cell the set lacks is
# printed as such, never filled in.
# usage: docs/headline.sh SET_DIR   (the folder holding meta.txt and summary.csv)
set -eu
set=${1:?usage: docs/headline.sh SET_DIR}
meta=$set/meta.txt
csv=$set/summary.csv
[ -r "$meta" ] && [ -r "$csv" ] || { echo "headline: no meta.txt and summary.csv in $set" >&2; exit 2; }
grep -qx 'state: complete' "$meta" || { echo "headline: $set is not a complete run" >&2; exit 2; }

# meta KEY: the value of KEY in meta.txt.
meta() {
	sed -n "s/^$1: //p" "$meta" | head -n 1
}

# rows: summary.csv with quoted fields' commas made ";" and their quotes dropped.
rows() {
	awk '{
		r = ""; q = 0
		for (i = 1; i <= length($0); i++) {
			c = substr($0, i, 1)
			if (c == "\"") { q = !q; continue }
			if (c == "," && q) c = ";"
			r = r c
		}
		print r
	}' "$csv"
}

started=$(meta started_utc)
updated=$(meta updated_utc)
minutes=$(($(date -u -d "$updated" +%s) - $(date -u -d "$started" +%s)))
cat <<EOF
From the newest published \`make bench\` set, [$set]($set): kernel $(meta kernel_release),
$(meta online_cpus | cut -d' ' -f1) CPUs of an $(meta cpu_model) (virtualisation: $(meta virt)), measured on ${started%%T*} by
lsbench $(meta lsbench_revision); $(meta cells) cells, which took $((minutes / 60)).$((minutes % 60 * 10 / 60)) minutes (rounds: $(meta rounds | cut -d';' -f1)).
Loop mode, one thread: the cell's figure with its 95% interval over the rounds, and what it
adds over the empty program measured beside it (\`added_ns_per_op\`). These are that machine's
figures; yours will differ, and only runs of one machine compare.

EOF

rows | awk -F, '
NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
function v(name) { return $c[name] }
function fig(x) { return x == "" ? "" : (x >= 100 ? sprintf("%.0f", x) : sprintf("%.1f", x)) }
# the cell of SCENARIO at one thread in loop mode with OWNERS owners and one map of 8 B
{
	key = v("scenario") "|" v("mode") "|" v("cpus") "|" v("nr_objects") "|" v("nr_maps") "|" v("value_size")
	if (v("status") == "ok" && !(key in ns)) {
		ns[key] = v("ns_per_op"); lo[key] = v("ns_per_op_ci_lo"); hi[key] = v("ns_per_op_ci_hi")
		add[key] = v("added_ns_per_op")
	}
	r = v("reason"); sub(/:.*/, "", r)
	if (!(key in st)) st[key] = v("status") "`" (r == "" ? "" : ": " r)
	b = v("bytes_per_elem")
	if (b != "" && v("nr_objects") == 10000 && v("value_size") == 8) {
		t = v("map_type"); weighed = 1
		if (!(t in bmin) || b < bmin[t]) bmin[t] = b
		if (!(t in bmax) || b > bmax[t]) bmax[t] = b
	}
	if (v("mode") == "loop" || v("mode") == "hook") {
		n[v("mode")] += v("status") == "ok"
		if (v("status") == "ok" && v("precision_pct") != "") {
			p[v("mode"), ++np[v("mode")]] = v("precision_pct") + 0
			within[v("mode")] += v("precision_pct") <= 2
		}
	}
	status[v("status")]++
	if (v("status") != "ok") why["`" v("status") "`: " v("reason")]++
}
function cell(s, owners, maps) { return s "|loop|1|" owners "|" maps "|8" }
function bytes(t,    lo, hi) {
	if (!(t in bmin)) return "-"
	lo = sprintf("%.0f", bmin[t]); hi = sprintf("%.0f", bmax[t])
	return lo == hi ? lo " B" : lo " to " hi " B"
}
# a row of the helpers table; the weight column only where the set weighed elements
function row(label, s, owners, weight,    k, w) {
	k = cell(s, owners, 1)
	w = weighed ? " " weight " |" : ""
	if (k in ns)
		printf "| %s | %s (%s to %s) | %s |%s\n", label, fig(ns[k]), fig(lo[k]), fig(hi[k]),
			add[k] == "" ? "-" : fig(add[k]), w
	else
		printf "| %s | %s | |%s\n", label, (k in st) ? "`" st[k] : "not in the set", w
}
function median(m, k,    i, j, t, x) {
	for (i = 1; i <= k; i++) x[i] = p[m, i]
	for (i = 2; i <= k; i++)
		for (j = i; j > 1 && x[j - 1] > x[j]; j--) { t = x[j]; x[j] = x[j - 1]; x[j - 1] = t }
	return k % 2 ? x[(k + 1) / 2] : (x[k / 2] + x[k / 2 + 1]) / 2
}
END {
	if (weighed) {
		print "| helper, on existing storage | ns per get (95% interval) | added over the empty program | memory per element (8-byte value, 10 000 owners) |"
		print "|---|---:|---:|---:|"
	} else {
		print "| helper, on existing storage | ns per get (95% interval) | added over the empty program |"
		print "|---|---:|---:|"
	}
	row("`bpf_task_storage_get` (the current task)", "task-get", 1, "not weighed (made by programs)")
	row("the same with `F_CREATE` (`task-get-create`)", "task-get-create", 1, "")
	row("`bpf_cgrp_storage_get` (the task'"'"'s cgroup)", "cgrp-get", 1, bytes("cgrp_storage"))
	row("`bpf_sk_storage_get`, 1 socket", "sk-get", 1, "")
	if (cell("sk-get", 10000, 1) in st)
		row("`bpf_sk_storage_get`, 10 000 sockets", "sk-get", 10000, bytes("sk_storage"))
	row("`bpf_inode_storage_get`", "inode-get", 1, bytes("inode_storage"))
	row("`bpf_get_local_storage`, per-CPU cgroup storage", "percpu-cgroup-get", 1, "-")
	row("hash map lookup keyed by thread id (the control)", "task-hash-get", 1, "-")
	print ""
	head = "| map count (`task-get-maps`, loop, 1 thread) |"; sep = "|---|"; line = "| ns per get |"
	split("1 10 16 17 24 32 100 1000", counts, " ")
	for (i = 1; i <= 8; i++) {
		k = cell("task-get-maps", 1, counts[i])
		if (!(k in ns)) continue
		head = head " " counts[i] " |"; sep = sep "---:|"; line = line " " fig(ns[k]) " |"
	}
	print head; print sep; print line
	print ""
	printf "Create then delete, loop, one thread (ns):"
	split("task cgrp sk inode", types, " ")
	for (i = 1; i <= 4; i++) {
		k = cell(types[i] "-create-delete", 1, 1)
		printf "%s %s %s", (i > 1 ? ";" : ""), types[i], ((k in ns) ? fig(ns[k]) : ((k in st) ? "`" st[k] : "not in the set"))
	}
	print "."
	printf "The median 95%% half-width (`precision_pct`) of the loop-mode cells is %.1f%% (%d of %d within 2%%),", median("loop", np["loop"]), within["loop"], np["loop"]
	printf " of the hook-mode cells %.1f%% (%d of %d within 2%%). Cells: %d `ok`", median("hook", np["hook"]), within["hook"], np["hook"], status["ok"]
	for (s in status) if (s != "ok") printf ", %d `%s`", status[s], s
	print "; the reasons:"
	print ""
	for (w in why) printf "- %s (%d cells)\n", w, why[w]
	if (!weighed) {
		print ""
		print "What an element weighs comes from the 10 000-owner cells, which `lsbench run --full` runs."
	}
}' | sed 's/;/,/g'
