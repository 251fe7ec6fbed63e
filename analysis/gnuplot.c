// SPDX-License-Identifier: GPL-2.0
/* What report and timeline share to make plots. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "csv.h"
#include "gnuplot.h"

extern char **environ;

void ls_gp_str(struct ls_buf *b, const char *s)
{
	ls_buf_printf(b, "\"");
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			ls_buf_printf(b, "\\%c", *s);
		else if (*s == '\n')
			ls_buf_printf(b, "\\n");
		else
			ls_buf_printf(b, "%c", (unsigned char)*s < 0x20 ? ' ' : *s);
	}
	ls_buf_printf(b, "\"");
}

void ls_safe_name(const char *s, char *dst, size_t size)
{
	size_t i;

	for (i = 0; s[i] && i + 1 < size; i++)
		dst[i] = (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-'
				 ? s[i]
				 : '_';
	dst[i] = 0;
}

void ls_gp_time_tics(struct ls_buf *b, const char *axis)
{
	static const char *const units[] = { "ns", "µs", "ms", "s" };
	static const unsigned int steps[] = { 1, 2, 5 };
	double v = 1; /* ns at the unit's 1 */
	size_t u, d, k;

	ls_buf_printf(b, "set %stics (", axis);
	for (u = 0; u < sizeof(units) / sizeof(units[0]); u++, v *= 1000) {
		for (d = 1; d <= 100; d *= 10) {
			for (k = 0; k < 3; k++)
				ls_buf_printf(b, "%s\"%zu %s\" %.0f", u || d > 1 || k ? ", " : "",
					      d * steps[k], units[u], v * d * steps[k]);
		}
	}
	ls_buf_printf(b, ")\n");
}

int ls_gnuplot(const char *dir, const char *name, char *err, size_t len)
{
	const char *gp = getenv("GNUPLOT") ?: "gnuplot";
	char script[PATH_MAX + 64], log[PATH_MAX + 64];
	posix_spawn_file_actions_t fa;
	char *argv[3];
	int ret, status;
	pid_t pid;

	snprintf(script, sizeof(script), "%s/%s.gp", dir, name);
	snprintf(log, sizeof(log), "%s/gnuplot.log", dir);
	argv[0] = (char *)gp;
	argv[1] = script;
	argv[2] = NULL;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 1, log, O_WRONLY | O_CREAT | O_APPEND, 0644);
	posix_spawn_file_actions_adddup2(&fa, 1, 2);
	ret = posix_spawnp(&pid, gp, &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (ret) {
		snprintf(err, len, "cannot run %s: %s (install gnuplot-nox)", gp, strerror(ret));
		return -ret;
	}
	if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status)) {
		snprintf(err, len, "gnuplot failed on %s: see %s", script, log);
		return -EIO;
	}
	return 0;
}
