// SPDX-License-Identifier: GPL-2.0
/* Cells: names of their modes and statuses, and the cross-check of their counters. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "scenario.h"

struct expect_field {
	const char *name;
	unsigned int flag;
	size_t off;
};

static const struct expect_field fields[] = {
	{ "hits", LS_EXPECT_HITS, offsetof(struct ls_counters, hits) },
	{ "misses", LS_EXPECT_MISSES, offsetof(struct ls_counters, misses) },
	{ "creates", LS_EXPECT_CREATES, offsetof(struct ls_counters, creates) },
	{ "deletes", LS_EXPECT_DELETES, offsetof(struct ls_counters, deletes) },
};

static __u64 field_get(const struct ls_counters *cnt, size_t off)
{
	return *(const __u64 *)((const char *)cnt + off);
}

/*
 * Whether the operations the slowdown ran again are as many as it picks:
 * PCT of every 100 operations on each producer's CPU, rounded down per CPU
 * (so up to one fewer per producer). Cells counted from user space and empty
 * controls (slowdown_pct 0) have none.
 */
static bool slowed_ok(const struct cell *c, const struct ls_counters *cnt, __u64 base_ops,
		      char *reason, size_t len)
{
	__u64 want = c->sc->user_counts ? 0 : base_ops * c->slowdown_pct / 100;
	__u64 slack = c->sc->user_counts ? 0 : c->threads;

	if (cnt->slowed <= want && cnt->slowed + slack >= want)
		return true;
	snprintf(reason, len,
		 "counter mismatch: the slowdown ran %" PRIu64
		 " operations again, expected %" PRIu64,
		 (uint64_t)cnt->slowed, (uint64_t)want);
	return false;
}

/*
 * Whether a counter a scenario expects equals its operations: plus, in a
 * trial with a slowdown, what the repeated operations counted (one each, two
 * on an interleaved map-count step's turn of map 0).
 */
static bool expected_count(__u64 got, __u64 want_ops, __u64 slowed)
{
	return got >= want_ops && got <= want_ops + 2 * slowed;
}

bool ls_counters_check(const struct cell *c, const struct ls_counters *cnt, __u64 user_triggers,
		       __u64 prime_passes, char *reason, size_t len)
{
	__u64 per_pass = (__u64)c->nr_maps * (c->sc->prime_each_owner ? c->nr_objects : 1);
	__u64 want_primes = c->sc->primes ? prime_passes * per_pass - cnt->prime_fails : 0;
	__u64 runs = user_triggers * ls_scenario_batch(c->sc); /* the program's */
	__u64 want_ops = runs * ls_cell_ops_per_trigger(c) + c->extra_ops;
	__u64 want_map0 = c->sc->map_steps ? c->map0_gets : 0;
	size_t i;

	if (!slowed_ok(c, cnt, runs * ls_cell_ops_per_trigger(c), reason, len))
		return false;
	if (cnt->triggers != runs) {
		snprintf(reason, len,
			 "counter mismatch: BPF saw %" PRIu64
			 " triggers, producers issued %" PRIu64,
			 (uint64_t)cnt->triggers, (uint64_t)runs);
		return false;
	}
	if (cnt->ops != want_ops) {
		snprintf(reason, len, "counter mismatch: %" PRIu64 " ops, expected %" PRIu64,
			 (uint64_t)cnt->ops, (uint64_t)want_ops);
		return false;
	}
	if (cnt->primes != want_primes) {
		snprintf(reason, len, "counter mismatch: %" PRIu64 " primes, expected %" PRIu64,
			 (uint64_t)cnt->primes, (uint64_t)want_primes);
		return false;
	}
	if (cnt->failures) {
		snprintf(reason, len, "%" PRIu64 " %s failed", (uint64_t)cnt->failures,
			 c->sc->user_counts ? "bpf(2) calls" : "helper calls");
		return false;
	}
	if (cnt->map0_gets != want_map0) {
		snprintf(reason, len,
			 "counter mismatch: %" PRIu64
			 " gets of map 0, the visit order makes %" PRIu64,
			 (uint64_t)cnt->map0_gets, (uint64_t)want_map0);
		return false;
	}
	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		bool expected = c->sc->expect & fields[i].flag;
		__u64 want = expected ? want_ops : 0;
		__u64 got = field_get(cnt, fields[i].off);

		if (expected ? !expected_count(got, want, cnt->slowed) : got != 0) {
			snprintf(reason, len, "counter mismatch: %" PRIu64 " %s, expected %" PRIu64,
				 (uint64_t)got, fields[i].name, (uint64_t)want);
			return false;
		}
	}
	return true;
}

const char *ls_mode_name(enum ls_mode mode)
{
	return mode == LS_MODE_FENTRY ? "fentry" : mode == LS_MODE_LOOP ? "loop" : "hook";
}

const char *ls_sharing_name(enum ls_sharing sharing)
{
	return sharing == LS_SHARING_SHARED ? "shared" : "private";
}

const char *ls_status_name(enum ls_status status)
{
	switch (status) {
	case LS_OK:
		return "ok";
	case LS_UNSUPPORTED:
		return "unsupported";
	default:
		return "failed";
	}
}

void ls_counters_add(struct ls_counters *sum, const struct ls_counters *c)
{
	const __u64 *v = (const __u64 *)c;
	__u64 *s = (__u64 *)sum;
	size_t i;

	for (i = 0; i < sizeof(*c) / sizeof(*v); i++)
		s[i] += __atomic_load_n(&v[i], __ATOMIC_RELAXED);
}

bool ls_fault(const char *name)
{
	const char *f = getenv("LSBENCH_FAULT");

	return f && !strcmp(f, name);
}

const char *ls_fault_active(bool *known)
{
	static const char *const faults[] = { "miscount", "leakfd",    "thread",   "stall",
					      "unprimed", "census",    "slothog",  "unattached",
					      "badload",  "slowcpu",   "slowcpu2", "slowstart",
					      "emptyrep", "emptybusy", "crng",	   "slowref" };
	const char *f = getenv("LSBENCH_FAULT");
	size_t i;

	*known = false;
	if (!f || !*f)
		return NULL;
	for (i = 0; i < sizeof(faults) / sizeof(faults[0]); i++)
		*known = *known || !strcmp(f, faults[i]);
	return f;
}

void ls_cell_note(struct cell *c, const char *fmt, ...)
{
	size_t n = strlen(c->reason);
	va_list ap;

	if (c->status != LS_OK)
		return;
	snprintf(c->reason + n, sizeof(c->reason) - n, "%s", n ? "; " : "");
	n = strlen(c->reason);
	va_start(ap, fmt);
	vsnprintf(c->reason + n, sizeof(c->reason) - n, fmt, ap);
	va_end(ap);
	fprintf(stderr, "lsbench: note: %s maps=%u: %s\n", c->sc->name, c->nr_maps, c->reason + n);
}

int ls_cell_fail(struct cell *c, int err, const char *fmt, ...)
{
	va_list ap;

	c->status = LS_FAILED;
	va_start(ap, fmt);
	vsnprintf(c->reason, sizeof(c->reason), fmt, ap);
	va_end(ap);
	return err;
}
