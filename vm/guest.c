// SPDX-License-Identifier: GPL-2.0
/*
 * One guest's boot: the settings its init reads (xchg/), the boot itself,
 * what became of it, and the run folder it wrote, found by its boot id.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include "clean.h"
#include "results.h"
#include "vm-int.h"

static int write_file(const char *dir, const char *name, const char *text)
{
	char path[PATH_MAX + 32];
	FILE *f;
	int ret;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	if (!f)
		return -errno;
	ret = fputs(text, f) < 0 ? -EIO : 0;
	return fclose(f) || ret ? -EIO : 0;
}

/* Whether a run's meta.txt names the boot boot_id (its pid: line). */
static bool run_of_boot(const char *meta, const char *boot_id)
{
	char line[256];
	bool found = false;
	FILE *f = fopen(meta, "r");

	while (f && !found && fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\n")] = 0;
		found = !strncmp(line, "pid: ", 5) && strstr(line, " boot ") &&
			!strcmp(strstr(line, " boot ") + 6, boot_id);
	}
	if (f)
		fclose(f);
	return found;
}

/*
 * The run folder under root/release/ that g's last boot wrote, added to g's:
 * the one whose meta.txt names the boot id the guest reported (xchg/boot_id),
 * so that two vm runs on one results root never take each other's.
 */
static void find_results(struct vm_ctx *v, struct guest *g)
{
	char dir[PATH_MAX * 2], path[PATH_MAX * 3], boot_id[64] = "", set[352];
	size_t n = strlen(g->results);
	struct dirent *e;
	FILE *f;
	DIR *d;

	snprintf(path, sizeof(path), "%s/xchg/boot_id", g->work);
	f = fopen(path, "r");
	if (!f || !fgets(boot_id, sizeof(boot_id), f))
		*boot_id = 0;
	if (f)
		fclose(f);
	boot_id[strcspn(boot_id, "\n")] = 0;
	ls_results_set_folder(set, sizeof(set), g->release, v->o->run.label);
	snprintf(dir, sizeof(dir), "%s/%s", v->root, set);
	d = *boot_id ? opendir(dir) : NULL;
	while (d && (e = readdir(d))) {
		snprintf(path, sizeof(path), "%s/%s/meta.txt", dir, e->d_name);
		if (e->d_name[0] == '.' || !run_of_boot(path, boot_id))
			continue;
		*strrchr(path, '/') = 0;
		if (n + strlen(path) + 2 < sizeof(g->results))
			snprintf(g->results + n, sizeof(g->results) - n, "%s%s", n ? "," : "",
				 path);
		break;
	}
	if (d)
		closedir(d);
}

/* The run folder of g's last boot, or "". */
static const char *last_results(const struct guest *g)
{
	const char *c = strrchr(g->results, ',');

	return c ? c + 1 : g->results;
}

/* A killed guest's run says so in its meta.txt, which it left saying running. */
static void mark_killed(struct guest *g, const char *why)
{
	char meta[PATH_MAX * 3 + 16], state[160];

	if (!*last_results(g))
		return;
	snprintf(meta, sizeof(meta), "%s/meta.txt", last_results(g));
	snprintf(state, sizeof(state), "state: dead: the guest was killed by lsbench vm (%s)", why);
	if (!ls_meta_mark(meta, state))
		printf("lsbench vm: marked %s %s\n", meta, state);
}

/* Writes what the guest's init reads: lsbench's argv, folder, results root and host name. */
static int write_xchg(struct vm_ctx *v, struct guest *g)
{
	char xchg[PATH_MAX + 8], cwd[PATH_MAX + 2], line[PATH_MAX + 16], *args;
	struct utsname u;
	size_t len = strlen(v->self) + strlen(v->root) + (v->o->exec ? strlen(v->o->exec) : 0) + 16;
	int i, err;

	snprintf(xchg, sizeof(xchg), "%s/xchg", g->work);
	if ((mkdir(xchg, 0755) && errno != EEXIST) || !getcwd(cwd, sizeof(cwd)) || uname(&u))
		return -errno;
	snprintf(line, sizeof(line), "%s/status", xchg);
	unlink(line); /* a boot before this one's */
	snprintf(line, sizeof(line), "%s/boot_id", xchg);
	unlink(line);
	for (i = 0; i < v->o->run_argc; i++)
		len += strlen(v->o->run_argv[i]) + 1;
	args = malloc(len + 32);
	if (!args)
		return -ENOMEM;
	if (v->o->exec) {
		len = sprintf(args, "%s\n", v->o->exec);
		for (i = 1; i < v->o->run_argc; i++)
			len += sprintf(args + len, "%s\n", v->o->run_argv[i]);
	} else {
		len = sprintf(args, "%s\n", v->self);
		for (i = 0; i < v->o->run_argc; i++)
			len += sprintf(args + len, "%s\n", v->o->run_argv[i]);
		/* alternated kernels: each boot measures one round of every cell */
		if (v->boots > 1)
			len += sprintf(args + len, "--rounds\n1\n--max-rounds\n1\n");
		sprintf(args + len, "-o\n%s\n", v->root);
	}
	strcat(cwd, "\n");
	err = write_file(xchg, "args", args);
	snprintf(line, sizeof(line), "%s\n", v->self);
	err = err ?: write_file(xchg, "lsbench", line);
	err = err ?: write_file(xchg, "cwd", cwd);
	free(args);
	snprintf(line, sizeof(line), "%s\n", v->root);
	err = err ?: write_file(xchg, "results", line);
	snprintf(line, sizeof(line), "%s\n", u.nodename);
	return err ?: write_file(xchg, "hostname", line);
}

/* Boots g and runs the suite in it; sets g->status to the exit status to report. */
void ls_vm_guest_run(struct vm_ctx *v, struct guest *g)
{
	char path[PATH_MAX + 32];
	double t0 = ls_vm_now_s();
	enum wait_end end;
	size_t had;
	FILE *f;
	int status;

	g->status = 1;
	g->lockup = false;
	if (write_xchg(v, g)) {
		fprintf(stderr, "lsbench vm: cannot write the guest's settings in %s\n", g->work);
		return;
	}
	ls_vm_choose_accel(v, g);
	if (ls_vm_interrupted) {
		g->status = 130;
		return;
	}
	printf("lsbench vm: booting %s (%s) under %s, %u CPUs\n", g->release, g->spec, g->accel,
	       v->cpus);
	if (!strcmp(g->accel, "tcg") && !v->tcg_said) {
		printf("lsbench vm: TCG emulates the CPU: timings are emulated and comparable only "
		       "with other TCG runs\n");
		v->tcg_said = true;
	}
	if (!strcmp(g->accel, "icount") && !v->tcg_said) {
		printf("lsbench vm: TCG with -icount: the guest's nanosecond is one instruction; "
		       "timings count instructions, not time, and cache misses cost nothing\n");
		v->tcg_said = true;
	}
	end = ls_vm_guest_boot(v, g, g->accel, false, v->o->timeout_s, &status);
	switch (end) {
	case WAIT_INTERRUPTED:
		printf("lsbench vm: interrupted: guest %s stopped\n", g->release);
		g->status = 130;
		break;
	case WAIT_TIMEOUT:
		printf("lsbench vm: guest %s did not finish within %g s: killed\n", g->release,
		       v->o->timeout_s);
		break;
	case WAIT_NO_BOOT:
		printf("lsbench vm: guest %s had not reached its init and its console had printed "
		       "nothing for %g s: killed\n",
		       g->release, ls_vm_boot_limit_s());
		break;
	case WAIT_BOOT_CEILING:
		printf("lsbench vm: guest %s did not reach its init within %g s, its console "
		       "printing still: killed\n",
		       g->release, ls_vm_boot_limit_s() * BOOT_CEILING_X);
		break;
	case WAIT_EARLY_EXIT:
		printf("lsbench vm: guest %s stopped before its init could reach the host (its "
		       "console above says why)\n",
		       g->release);
		break;
	case WAIT_LOCKUP:
		printf("lsbench vm: guest %s: its kernel reported a CPU stuck for %u s or more "
		       "(soft lockup, stacks above): killed\n",
		       g->release, LOCKUP_LIMIT_S);
		g->lockup = true;
		break;
	case WAIT_EXITED:
		snprintf(path, sizeof(path), "%s/xchg/status", g->work);
		f = fopen(path, "r");
		if (!f || fscanf(f, "%d", &g->status) != 1) {
			printf("lsbench vm: guest %s ended without lsbench's exit status\n",
			       g->release);
			g->status = 1;
		}
		if (f)
			fclose(f);
		break;
	}
	if (g->status == 127)
		printf("lsbench vm: the guest found no %s to run (exit status 127)\n",
		       v->o->exec ?: v->self);
	if (v->o->exec) {
		printf("lsbench vm: %s: %s exited with status %d after %.0f s\n", g->release,
		       v->o->exec, g->status, ls_vm_now_s() - t0);
		return;
	}
	had = strlen(g->results);
	find_results(v, g);
	if (end == WAIT_TIMEOUT || end == WAIT_LOCKUP)
		mark_killed(g, end == WAIT_LOCKUP ? "its kernel locked up" : "past --timeout");
	/* a lost boot's run, marked dead, is not one of the kernel's rounds */
	if (end == WAIT_LOCKUP) {
		g->results[had] = 0;
		printf("lsbench vm: %s: boot lost after %.0f s\n", g->release, ls_vm_now_s() - t0);
		return;
	}
	printf("lsbench vm: %s: results in %s after %.0f s, exit status %d\n", g->release,
	       *last_results(g) ? last_results(g) : "no results", ls_vm_now_s() - t0, g->status);
}

/*
 * A guest whose kernel locked up (seen under TCG, rarely: a 6.1 guest's CPU
 * stuck in lsbench's syscall for minutes) is booted once more.
 */
void ls_vm_guest_run_again(struct vm_ctx *v, struct guest *g)
{
	printf("lsbench vm: booting %s again, once\n", g->release);
	ls_vm_guest_run(v, g);
}
