// SPDX-License-Identifier: GPL-2.0
/* Folders, revisions and files: what every layer that writes or reads files shares. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "paths.h"

int ls_mkdir_p(const char *path)
{
	char buf[PATH_MAX], *p;

	if (snprintf(buf, sizeof(buf), "%s", path) >= (int)sizeof(buf))
		return -ENAMETOOLONG;
	for (p = buf + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = 0;
		if (mkdir(buf, 0755) && errno != EEXIST)
			return -errno;
		*p = '/';
	}
	if (mkdir(buf, 0755) && errno != EEXIST)
		return -errno;
	return 0;
}

const char *ls_tmpdir(void)
{
	const char *tmp = getenv("TMPDIR");

	return tmp && *tmp ? tmp : "/tmp";
}

bool ls_rev_dirty(const char *rev)
{
	size_t n = strlen(rev);

	return n >= 6 && !strcmp(rev + n - 6, "-dirty");
}

double ls_file_scan(const char *path, const char *fmt)
{
	char line[256];
	double v = 0;
	FILE *f = fopen(path, "r");

	while (f && fgets(line, sizeof(line), f)) {
		if (sscanf(line, fmt, &v) == 1)
			break;
	}
	if (f)
		fclose(f);
	return v;
}
