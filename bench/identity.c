// SPDX-License-Identifier: GPL-2.0
/* Which runs measured the same thing: the key that pools runs as rounds. */
#include <stdio.h>
#include <string.h>
#include "bpfsrc.h"
#include "identity.h"

const char *ls_bpf_sources(void)
{
	return LSBENCH_BPF_SOURCES;
}

/* FNV-1a, 64 bits, over n bytes, continuing from h. */
static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char *c = p;

	while (n--) {
		h ^= *c++;
		h *= 0x100000001b3ULL;
	}
	return h;
}

static uint64_t fnv_str(uint64_t h, const char *s)
{
	return fnv(h, s, strlen(s) + 1);
}

/* The bytes of one value of a row's field. */
static size_t value_size(const struct ls_cli_opt *opt)
{
	switch (opt->kind) {
	case LS_CLI_FLAG:
	case LS_CLI_CLEAR:
		return sizeof(bool);
	case LS_CLI_U64:
		return sizeof(unsigned long long);
	case LS_CLI_REAL:
		return sizeof(double);
	case LS_CLI_STR:
	case LS_CLI_STRS:
		return sizeof(const char *);
	default:
		return sizeof(unsigned int); /* LS_CLI_FN too: cli.h's measures */
	}
}

static bool all_zero(const void *p, size_t n)
{
	const unsigned char *c = p;

	while (n--) {
		if (*c++)
			return false;
	}
	return true;
}

/*
 * Adds a row that changes what a round measures: its name, then its value
 * (a list: its count, then its items; strings by their text). A value of
 * zero (false, 0, an empty list, none) adds nothing, so that an option added
 * later, off by default, leaves the keys of runs without it as they were.
 */
static void add_row(const struct ls_cli_opt *opt, const void *base, void *arg)
{
	const char *field = (const char *)base + opt->off;
	size_t n = opt->aux ? *(const size_t *)((const char *)base + opt->aux) : 1, i;
	bool text = opt->kind == LS_CLI_STR || opt->kind == LS_CLI_STRS;
	uint64_t *h = arg;

	if (!opt->measures || !n || all_zero(field, text ? sizeof(char *) : n * value_size(opt)))
		return;
	*h = fnv_str(*h, opt->name);
	*h = fnv(*h, &n, sizeof(n));
	if (!text) {
		*h = fnv(*h, field, n * value_size(opt));
		return;
	}
	for (i = 0; i < n; i++)
		*h = fnv_str(*h, ((const char *const *)field)[i]);
}

uint64_t ls_measure_hash(uint64_t h, const struct ls_cli_opt *table, const void *settings)
{
	ls_cli_each(table, settings, add_row, &h);
	return h;
}

uint64_t ls_measure_key(const struct ls_run_opts *o)
{
	return ls_measure_hash(fnv_str(0xcbf29ce484222325ULL, ls_bpf_sources()), ls_run_cli_opts,
			       o);
}
