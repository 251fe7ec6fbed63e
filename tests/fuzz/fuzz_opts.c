// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: the option parser and the sweeps it feeds. The input is
 * an argument list, arguments separated by NUL bytes.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "opts.h"

#define MAX_ARGS 32

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct scenario sc = { .name = "fuzz",
					    .objects = { 2, { 1, 100 } },
					    .maps = { 2, { 1, 17 } },
					    .value_sizes = { 2, { 8, 64 } } };
	char *buf = malloc(size + 1), *argv[MAX_ARGS + 2], err[256];
	unsigned int vals[LS_MAX_LIST];
	struct ls_run_opts o;
	int argc = 1, dim, ret;
	size_t i, start = 0;

	if (!buf)
		return 0;
	memcpy(buf, data, size);
	buf[size] = 0;
	argv[0] = "run";
	for (i = 0; i <= size && argc <= MAX_ARGS; i++) {
		if (buf[i])
			continue;
		argv[argc++] = buf + start;
		start = i + 1;
	}
	argv[argc] = NULL;
	/* An error the parser did not write would show as lines of newlines. */
	memset(err, '\n', sizeof(err));
	ret = ls_run_opts_parse(argc, argv, &o, err, sizeof(err));
	if (!ret) {
		/* a label is one path component of the results folder's name */
		if (o.label && (strchr(o.label, '/') || !strcmp(o.label, ".") ||
				!strcmp(o.label, "..") || strlen(o.label) > LS_MAX_LABEL))
			abort();
		for (dim = LS_DIM_OBJECTS; dim <= LS_DIM_VALUE_SIZE; dim++)
			ls_sweep_for(&o, &sc, dim, vals);
		ls_cpu_counts_resolve(&o, 2, err, sizeof(err));
	} else if (ret < 0 && (!*err || memchr(err, '\n', strnlen(err, sizeof(err))))) {
		abort(); /* an error is one line, and there is one */
	}
	/* ret > 0: help asked for; the caller prints it, err is not used */
	free(buf);
	return 0;
}
