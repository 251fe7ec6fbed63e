#!/usr/bin/awk -f
# Reads crosscheck's rounds.csv (one row per round and side of each cell)
# and writes crosscheck.csv: per cell, both medians over the rounds, the
# paired ratio lsbench / kernel bench with its 95% interval, the number of
# pairs, both tools' spreads between rounds (coefficient of variation of
# their round figures) and a verdict.
#
# The unit of evidence is the round. In a round the two runs of a cell are
# back to back, seconds apart, and the machine's speed drifts on a scale of
# seconds (one run of the kernel's bench alone moves between 58 and 107 M
# gets/s over 25 s here), so each round gives one ratio in which the state
# both runs shared cancels. The ratio is the geometric mean of the rounds'
# ratios, its interval Student's t on their logarithms.
#
# A last row, "all-same", pools the cells that measure the same thing: per
# round, the mean of their log ratios; its interval is over the rounds, so it
# says whether lsbench reads the same as the kernel's bench on the whole.
#
# A/A (crosscheck --aa): side "again", the kernel's bench run a second time
# in lsbench's place, is read as lsbench's and named so in the header.
#
# A run whose maps shared cache slots they would not share alone (status
# "shared-slots": the kernel bench's maps made while others still held
# slots) measured another thing: its round gives no pair, and the cell's
# shared_slot_runs counts such runs.
#
# Pairs that measure the same thing are judged against threshold t (a
# fraction, -v threshold=0.05), as an equivalence test: "agrees" when the
# whole interval lies in [1 / (1 + t), 1 + t], "DISAGREES" when it lies
# wholly outside, "inconclusive" when it straddles a bound (or one pair
# only). Pairs that differ by design are reported, not judged. A pair whose
# kernel bench was refused is "unsupported" (lsbench's side ran, or was
# refused too), neither judged nor pooled.
# Exit status: 1 when a judged pair disagrees or a cell failed, 3 when none
# does but one is inconclusive, else 0.
# usage: awk -F, -v threshold=T -f summarize.awk rounds.csv > crosscheck.csv
function median(s, k, a, i, j, t) {
	k = split(s, a, " ")
	for (i = 2; i <= k; i++)
		for (j = i; j > 1 && a[j - 1] + 0 > a[j] + 0; j--) {
			t = a[j]; a[j] = a[j - 1]; a[j - 1] = t
		}
	return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2
}

# coefficient of variation of the numbers in s ("" below two)
function cv(s, k, a, i, m, v) {
	k = split(s, a, " ")
	if (k < 2)
		return ""
	for (i = 1; i <= k; i++)
		m += a[i] / k
	for (i = 1; i <= k; i++)
		v += (a[i] - m) ^ 2 / (k - 1)
	return sqrt(v) / m
}

# Student's t, two-sided 95%, df degrees of freedom
function t975(df) {
	if (df <= 30)
		return T[df]
	return 1.96 + 2.4 / df # within 0.1% of the quantile above 30
}

BEGIN {
	split("12.706 4.303 3.182 2.776 2.571 2.447 2.365 2.306 2.262 2.228 " \
	      "2.201 2.179 2.160 2.145 2.131 2.120 2.110 2.101 2.093 2.086 " \
	      "2.080 2.074 2.069 2.064 2.060 2.056 2.052 2.048 2.045 2.042", T, " ")
}

NR == 1 {
	for (i = 1; i <= NF; i++)
		col[$i] = i
	next
}
{
	c = $col["cell"]
	r = $col["round"]
	if (!(c in seen)) {
		seen[c] = 1; order[++nc] = c
		same[c] = $col["same"]; note[c] = $col["note"]
	}
	s = $col["side"]
	if (s == "again") { # A/A (crosscheck --aa): the kernel's bench in lsbench's place
		s = "lsbench"; aa = 1
	}
	if ($col["status"] == "ok") {
		ns[c, s] = ns[c, s] " " $col["ns_per_op"]
		got[c, r, s] = $col["ns_per_op"]
		if (!(r in round_seen)) {
			round_seen[r] = 1; round_list = round_list " " r
		}
		if (!((c, r) in rseen)) {
			rseen[c, r] = 1; rounds[c] = rounds[c] " " r
		}
	} else {
		if (!((c, s) in why))
			why[c, s] = $col["status"]
		shared[c] += $col["status"] == "shared-slots"
	}
}

# interval(x, n): the geometric mean of exp(x[1..n]) and its 95% t interval into
# P["ratio"], P["lo"], P["hi"] (no interval below two)
function interval(x, n, i, m, v, h) {
	P["n"] = n
	if (n < 1)
		return
	for (i = 1; i <= n; i++)
		m += x[i] / n
	P["ratio"] = exp(m)
	if (n < 2)
		return
	for (i = 1; i <= n; i++)
		v += (x[i] - m) ^ 2 / (n - 1)
	h = t975(n - 1) * sqrt(v / n)
	P["lo"] = exp(m - h); P["hi"] = exp(m + h)
}

# pair(c): the paired ratio of cell c into P
function pair(c, k, a, i, x, n) {
	delete P
	k = split(rounds[c], a, " ")
	for (i = 1; i <= k; i++)
		if ((c, a[i], "kernel") in got && (c, a[i], "lsbench") in got)
			x[++n] = log(got[c, a[i], "lsbench"] / got[c, a[i], "kernel"])
	interval(x, n)
}

# pooled(): the same-thing cells' log ratios averaged per round, into P as pair() does
function pooled(k, a, i, j, x, n, c, sum, cnt) {
	delete P
	k = split(round_list, a, " ")
	for (i = 1; i <= k; i++) {
		sum = 0; cnt = 0
		for (j = 1; j <= nc; j++) {
			c = order[j]
			if (same[c] == "same" && (c, a[i], "kernel") in got && (c, a[i], "lsbench") in got) {
				sum += log(got[c, a[i], "lsbench"] / got[c, a[i], "kernel"]); cnt++
			}
		}
		if (cnt)
			x[++n] = sum / cnt
	}
	interval(x, n)
}

# equivalence(): the verdict on P of a pair that measures the same thing
function equivalence(lo, hi) {
	if (!P["n"]) {
		failed = 1
		return "failed"
	}
	if (P["n"] < 2) {
		open = 1
		return "inconclusive (one pair)"
	}
	lo = 1 / (1 + threshold); hi = 1 + threshold
	if (P["lo"] >= lo && P["hi"] <= hi)
		return "agrees"
	if (P["hi"] < lo || P["lo"] > hi) {
		failed = 1
		return "DISAGREES"
	}
	open = 1
	return "inconclusive"
}

# unsupported(c): the kernel refused the bench's programs, and lsbench ran its
# side or was refused too (a hook this kernel does not take: the BPF LSM's)
function unsupported(c) {
	return why[c, "kernel"] == "unsupported" &&
	       (ns[c, "lsbench"] != "" || why[c, "lsbench"] == "unsupported")
}

function verdict(c) {
	if (ns[c, "kernel"] == "" || ns[c, "lsbench"] == "") {
		if (unsupported(c))
			return "unsupported"
		failed = 1
		return "failed"
	}
	if (same[c] != "same")
		return "differs"
	return equivalence()
}

function fmt(f, x) {
	return x == "" ? "" : sprintf(f, x)
}

END {
	b = aa ? "again" : "lsbench"
	print "cell,kernel_ns_median," b "_ns_median,ratio,ratio_ci_lo,ratio_ci_hi,pairs," \
	      "kernel_spread," b "_spread,verdict,shared_slot_runs,note"
	for (i = 1; i <= nc; i++) {
		c = order[i]
		pair(c)
		v = verdict(c)
		k = ns[c, "kernel"] == "" ? "" : median(ns[c, "kernel"])
		l = ns[c, "lsbench"] == "" ? "" : median(ns[c, "lsbench"])
		printf "%s,%s,%s,%s,%s,%s,%d,%s,%s,%s,%d,\"%s\"\n", c, fmt("%.3f", k),
		       fmt("%.3f", l), fmt("%.4f", P["ratio"]), fmt("%.4f", P["lo"]),
		       fmt("%.4f", P["hi"]), P["n"], fmt("%.4f", cv(ns[c, "kernel"])),
		       fmt("%.4f", cv(ns[c, "lsbench"])), v, shared[c], note[c]
		if (same[c] == "same" && v != "unsupported")
			nsame++
	}
	if (nsame) {
		pooled()
		v = equivalence()
		printf "all-same,,,%s,%s,%s,%d,,,%s,,\"%s\"\n", fmt("%.4f", P["ratio"]),
		       fmt("%.4f", P["lo"]), fmt("%.4f", P["hi"]), P["n"], v,
		       "the " nsame " cells that measure the same thing pooled: per round the mean of their log ratios"
	}
	exit failed ? 1 : open ? 3 : 0
}
