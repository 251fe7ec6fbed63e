#!/usr/bin/awk -f
# Reads the output of one run of the kernel's bench and prints "NS_PER_OP CV"
# from its Summary line:
#   local-storage-cache-*:   ns per get = 1000 / (M hits per second)
#   local-storage-create:    ns per create = 1e6 / (k creates per second)
# with one producer, as crosscheck runs it. CV is the bench's standard
# deviation over its mean, across its one-second iterations after warm-up.
# Exits 1, saying why on stderr, when there is no one usable Summary line or
# the bench counted errors.
function fail(why) {
	print "crosscheck: kernel bench: " why > "/dev/stderr"
	bad = 1
	exit 1
}

/^Summary: hits throughput / {
	mean = $4; sd = $6; scale = 1e3; n++
}
/^Summary: creates / {
	mean = $3; sd = $5; sub(/k\/s.*$/, "", sd); scale = 1e6; n++
}
/ errors [0-9]+ create_errs [0-9]+$/ {
	fail("it counted errors: " $0)
}

END {
	if (bad)
		exit 1
	if (n != 1)
		fail(n ? "several Summary lines" : "no Summary line")
	if (mean !~ /^[0-9]+\.[0-9]+$/ || sd !~ /^[0-9]+\.[0-9]+$/ || mean + 0 <= 0)
		fail("unreadable Summary line")
	printf "%.4f %.4f\n", scale / mean, sd / mean
}
