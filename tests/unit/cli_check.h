/* SPDX-License-Identifier: GPL-2.0 */
/* For the unit tests: a command's usage text lists exactly its table's options. */
#ifndef LSBENCH_TEST_CLI_CHECK_H
#define LSBENCH_TEST_CLI_CHECK_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"

/*
 * Every option line of cmd's usage ("  -s, --name ARG  help" or "      --name
 * ...") names a row of its table or --help, and each of those exactly once.
 */
static inline void check_usage_lists_table(const struct ls_cli_cmd *cmd)
{
	char *text = NULL, *line, *save = NULL, name[64], seen[4096] = " ";
	size_t size = 0, lines = 0;
	FILE *f = open_memstream(&text, &size);

	assert_non_null(f);
	ls_cli_usage(cmd, f);
	fclose(f);
	for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char key[80];

		/* the name at column 6, after "  -s, " or six spaces; not help text continued */
		if (strlen(line) < 8 || strncmp(line, "  ", 2) || strncmp(line + 6, "--", 2) ||
		    (line[2] != '-' && strncmp(line + 2, "    ", 4)))
			continue;
		sscanf(line + 6, "%63s", name);
		if (strcmp(name, "--help") && !ls_cli_find(cmd->opts, name))
			fail_msg("%s --help lists %s, which its table lacks", cmd->name, name);
		snprintf(key, sizeof(key), " %s ", name);
		if (strstr(seen, key))
			fail_msg("%s --help lists %s twice", cmd->name, name);
		strncat(seen, key + 1, sizeof(seen) - strlen(seen) - 1);
		lines++;
	}
	free(text);
	assert_int_equal(lines, ls_cli_count(cmd->opts) + 1);
}

#endif
