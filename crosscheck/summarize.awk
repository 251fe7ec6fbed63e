#!/usr/bin/awk -f
# Reads crosscheck's rounds.csv (one row per round and side of each cell)
# and writes crosscheck.csv: per cell, both medians over the rounds, their
# ratio (lsbench / kernel bench), both spreads (the median over the rounds
# of each tool's own coefficient of variation within a run) and a verdict.
# Pairs that measure the same thing must agree within threshold (a fraction,
# -v threshold=0.05): ratio in [1 / (1 + t), 1 + t]; "(noisy)" when either
# side's spread exceeds the threshold. Pairs that differ by design are
# reported, not judged. Exits 1 when a judged pair disagrees or a
# cell failed.
# usage: awk -F, -v threshold=T -f summarize.awk rounds.csv > crosscheck.csv
function median(s, k, a, i, j, t) {
	k = split(s, a, " ")
	for (i = 2; i <= k; i++)
		for (j = i; j > 1 && a[j - 1] + 0 > a[j] + 0; j--) {
			t = a[j]; a[j] = a[j - 1]; a[j - 1] = t
		}
	return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2
}

NR == 1 {
	for (i = 1; i <= NF; i++)
		col[$i] = i
	next
}
{
	c = $col["cell"]
	if (!(c in seen)) {
		seen[c] = 1; order[++nc] = c
		same[c] = $col["same"]; note[c] = $col["note"]
	}
	s = $col["side"]
	if ($col["status"] == "ok") {
		ns[c, s] = ns[c, s] " " $col["ns_per_op"]
		cv[c, s] = cv[c, s] " " $col["cv"]
	} else if (!((c, s) in why)) {
		why[c, s] = $col["status"]
	}
}

# A side whose own spread exceeds the threshold cannot tell a difference of that size.
function noisy(c) {
	return median(cv[c, "kernel"]) > threshold || median(cv[c, "lsbench"]) > threshold
}

function verdict(c, r) {
	if (ns[c, "kernel"] == "" || ns[c, "lsbench"] == "") {
		if (why[c, "kernel"] == "unsupported" && ns[c, "lsbench"] != "")
			return "unsupported"
		failed = 1
		return "failed"
	}
	if (same[c] != "same")
		return "differs"
	if (r > 1 + threshold || r < 1 / (1 + threshold)) {
		failed = 1
		return noisy(c) ? "DISAGREES (noisy)" : "DISAGREES"
	}
	return noisy(c) ? "agrees (noisy)" : "agrees"
}

END {
	print "cell,kernel_ns_median,lsbench_ns_median,ratio,kernel_spread,lsbench_spread,verdict,note"
	for (i = 1; i <= nc; i++) {
		c = order[i]
		k = ns[c, "kernel"] == "" ? "" : median(ns[c, "kernel"])
		l = ns[c, "lsbench"] == "" ? "" : median(ns[c, "lsbench"])
		r = k != "" && l != "" ? l / k : ""
		v = verdict(c, r)
		printf "%s,%s,%s,%s,%s,%s,%s,\"%s\"\n", c, k == "" ? "" : sprintf("%.3f", k),
		       l == "" ? "" : sprintf("%.3f", l), r == "" ? "" : sprintf("%.4f", r),
		       ns[c, "kernel"] == "" ? "" : sprintf("%.4f", median(cv[c, "kernel"])),
		       ns[c, "lsbench"] == "" ? "" : sprintf("%.4f", median(cv[c, "lsbench"])), v,
		       note[c]
	}
	exit failed
}
