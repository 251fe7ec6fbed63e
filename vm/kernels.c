// SPDX-License-Identifier: GPL-2.0
/*
 * lsbench vm's kernels: vm/vm-kernel.sh found beside this binary and run to
 * make a guest's vmlinuz and initramfs or to list Debian's kernels
 * (--list-kernels); --timeline's choice of kernels, and the rounds each has
 * in the results root already.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include "paths.h"
#include "results.h"
#include "rev.h"
#include "vm-int.h"

bool ls_vm_locate_scripts(struct vm_ctx *v)
{
	const char *candidates[] = { "../vm", "../../vm" };
	char dir[PATH_MAX], path[PATH_MAX * 2];
	char *slash;
	size_t i;

	snprintf(dir, sizeof(dir), "%s", v->self);
	slash = strrchr(dir, '/');
	if (slash)
		*slash = 0;
	for (i = 0; i < sizeof(candidates) / sizeof(candidates[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s/vm-kernel.sh", dir, candidates[i]);
		if (!access(path, X_OK) && realpath(path, v->script_dir)) {
			*strrchr(v->script_dir, '/') = 0;
			return true;
		}
	}
	snprintf(path, sizeof(path), "%s/vm/vm-kernel.sh", LSBENCH_SRCDIR);
	snprintf(v->script_dir, sizeof(v->script_dir), "%s/vm", LSBENCH_SRCDIR);
	return !access(path, X_OK);
}

/*
 * Runs vm-kernel.sh with args (NULL-terminated, at most 4), its standard
 * output into out. Returns its exit status, 130 when interrupted, 1 when it
 * could not run.
 */
static int kernel_script(const struct vm_ctx *v, char *const args[], char *out, size_t size)
{
	char script[PATH_MAX + 16], *argv[6] = { script };
	int pipefd[2], status, i;
	enum wait_end end;
	pid_t pid;

	snprintf(script, sizeof(script), "%s/vm-kernel.sh", v->script_dir);
	for (i = 0; i < 4 && args[i]; i++)
		argv[i + 1] = args[i];
	if (pipe(pipefd))
		return 1;
	pid = ls_vm_spawn(argv, pipefd[1]);
	close(pipefd[1]);
	if (pid < 0) {
		close(pipefd[0]);
		return 1;
	}
	end = ls_vm_child_wait(pid, pipefd[0], NULL, out, size, MAX_TIMEOUT_S, NULL, &status);
	close(pipefd[0]);
	if (end == WAIT_INTERRUPTED)
		return 130;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

/* Runs vm-kernel.sh: the guest's vmlinuz and initramfs into g->work. Returns its exit status. */
static int guest_prepare(struct vm_ctx *v, struct guest *g)
{
	char init[PATH_MAX + 16], out[1024] = "";
	char *args[] = { (char *)g->spec, g->work, init, v->self, NULL };
	char *last;
	int ret;

	snprintf(init, sizeof(init), "%s/vm-init.sh", v->script_dir);
	ret = kernel_script(v, args, out, sizeof(out));
	if (ret)
		return ret;
	out[strcspn(out, "\0")] = 0;
	while (*out && out[strlen(out) - 1] == '\n')
		out[strlen(out) - 1] = 0;
	last = strrchr(out, '\n');
	snprintf(g->release, sizeof(g->release), "%.255s", last ? last + 1 : out);
	if (!*g->release || strchr(g->release, '/')) {
		fprintf(stderr, "lsbench vm: %s: no kernel release from vm-kernel.sh\n", g->spec);
		return 1;
	}
	return 0;
}

/* Whether a run's meta.txt says it completed what this vm run measures, under accel. */
static bool run_matches(const char *meta, unsigned long long key, const char *accel)
{
	char line[256], want[64];
	bool complete = false, same_key = false, same_virt = !strcmp(accel, "auto");
	FILE *f = fopen(meta, "r");

	if (!f)
		return false;
	snprintf(want, sizeof(want), "measure_key: %016llx\n", key);
	while (fgets(line, sizeof(line), f)) {
		complete |= !strcmp(line, "state: complete\n");
		same_key |= !strcmp(line, want);
		if (!strncmp(line, "virt: ", 6))
			same_virt |= !strncmp(line + 6, accel, strlen(accel)) &&
				     line[6 + strlen(accel)] == '\n';
	}
	fclose(f);
	return complete && same_key && same_virt;
}

/*
 * --timeline resumes: the runs of g's kernel in the results root that
 * completed the same measurement (measure key, accel) count as its first
 * rounds, oldest first, and join g->results. A run cut off, or one of other
 * options or BPF programs, does not count.
 */
static void runs_done(struct vm_ctx *v, struct guest *g)
{
	char dir[PATH_MAX + 512], meta[PATH_MAX * 2 + 16], set[352];
	struct dirent **names;
	size_t len;
	int i, n;

	ls_results_set_folder(set, sizeof(set), g->release, v->o->run.label);
	snprintf(dir, sizeof(dir), "%s/%s", v->root, set);
	n = scandir(dir, &names, NULL, alphasort);
	for (i = 0; i < n; i++) {
		snprintf(meta, sizeof(meta), "%s/%s/meta.txt", dir, names[i]->d_name);
		len = strlen(g->results);
		if (names[i]->d_name[0] != '.' && g->done < v->rounds &&
		    run_matches(meta, v->measure_key, v->o->accel) &&
		    len + strlen(meta) + 2 < sizeof(g->results)) {
			snprintf(g->results + len, sizeof(g->results) - len, "%s%s/%s",
				 len ? "," : "", dir, names[i]->d_name);
			g->done++;
		}
		free(names[i]);
	}
	if (n >= 0)
		free(names);
	if (g->done)
		printf("lsbench vm: %s: %u of %u rounds already in %s (same measurement)\n",
		       g->release, g->done, v->rounds, dir);
}

/* Makes every guest's folder and kernel first, so that a bad kernel stops before any boot. */
int ls_vm_prepare_all(struct vm_ctx *v, struct guest *g, size_t n)
{
	size_t i;
	int ret;

	for (i = 0; i < n; i++) {
		g[i].spec = v->o->kernels[i];
		snprintf(g[i].work, sizeof(g[i].work), "%s/lsbench-%d-vm.XXXXXX", ls_tmpdir(),
			 (int)getpid());
		if (!mkdtemp(g[i].work)) {
			fprintf(stderr, "lsbench vm: cannot make a temporary folder: %s\n",
				strerror(errno));
			*g[i].work = 0;
			return 2;
		}
		ret = guest_prepare(v, &g[i]);
		if (ret == 130)
			return 130;
		if (ret)
			return 2; /* the script said why */
		printf("lsbench vm: %s: kernel %s\n", g[i].spec, g[i].release);
		if (v->o->timeline)
			runs_done(v, &g[i]);
	}
	return 0;
}

/*
 * --timeline: the newest release of each series from o->timeline on, from
 * vm-kernel.sh --list (newest series first, newest release first), oldest
 * first; the rounds each has in the results root already are not run again.
 */
int ls_vm_timeline_kernels(struct vm_ctx *v, char *err, size_t len)
{
	struct ls_vm_opts *o = v->o;
	char out[32768] = "", series[32], last[32] = "", rel[160];
	char *args[] = { "--list", NULL }, *line, *save = NULL;
	size_t used = 0;
	int n;

	if (kernel_script(v, args, out, sizeof(out))) {
		snprintf(err, len, "cannot list Debian's kernels (vm-kernel.sh --list failed)");
		return -EIO;
	}
	/* the releases, in the order of their series: oldest first */
	for (line = strtok_r(out, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		if (sscanf(line, "%31s %159s", series, rel) != 2 || !strcmp(series, "series") ||
		    !strcmp(series, last) || strverscmp(series, o->timeline) < 0)
			continue;
		snprintf(last, sizeof(last), "%s", series);
		if (o->nr_releases == LS_VM_MAX_KERNELS) {
			snprintf(err, len, "more than %d kernel series since %s", LS_VM_MAX_KERNELS,
				 o->timeline);
			return -E2BIG;
		}
		n = snprintf(o->timeline_list + used, sizeof(o->timeline_list) - used, "%s", rel);
		if (n < 0 || used + n + 1 >= sizeof(o->timeline_list)) {
			snprintf(err, len, "the releases since %s are too many to hold",
				 o->timeline);
			return -E2BIG;
		}
		memmove(o->releases + 1, o->releases, o->nr_releases * sizeof(*o->releases));
		o->releases[0] = o->timeline_list + used;
		o->nr_releases++;
		used += n + 1;
	}
	if (o->nr_releases < 2) {
		snprintf(err, len, "fewer than two kernel series since %s", o->timeline);
		return -EINVAL;
	}
	for (n = 0; n < (int)o->nr_releases; n++)
		o->kernels[o->nr_kernels++] = o->releases[n];
	return 0;
}

/* lsbench vm --list-kernels: the kernels of Debian's suites (vm-kernel.sh --list). */
int ls_vm_list_kernels(void)
{
	struct vm_ctx v = {};
	char script[PATH_MAX + 16];
	char *argv[] = { script, "--list", NULL };
	int status;
	pid_t pid;

	if (!realpath("/proc/self/exe", v.self) || !ls_vm_locate_scripts(&v)) {
		fprintf(stderr, "lsbench vm: cannot find vm/vm-kernel.sh\n");
		return 2;
	}
	snprintf(script, sizeof(script), "%s/vm-kernel.sh", v.script_dir);
	fflush(stdout);
	pid = ls_vm_spawn(argv, -1);
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return 2;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 2;
}
