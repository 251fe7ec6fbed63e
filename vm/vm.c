// SPDX-License-Identifier: GPL-2.0
/*
 * `lsbench vm`: runs the suite on other kernels, each booted in qemu with the
 * host's root read-only over 9p, the BPF LSM on, and the host's results root
 * writable. vm/vm-kernel.sh finds or fetches the kernel and builds the
 * initramfs; vm/vm-init.sh is the guest's /init.
 */
#include <errno.h>
#include <ftw.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include "cli.h"
#include "identity.h"
#include "opts.h"
#include "paths.h"
#include "rev.h"
#include "vm-int.h"

volatile sig_atomic_t ls_vm_interrupted;

static void on_signal(int sig)
{
	ls_vm_interrupted = sig;
}

static void vm_usage(FILE *f)
{
	ls_cli_usage(&ls_vm_cmd, f);
}

static int rm_entry(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st;
	(void)type;
	(void)ftw;
	return remove(path);
}

static void rm_tree(const char *path)
{
	if (*path)
		nftw(path, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* Runs this binary with argv[1..] and waits for it: its exit status. */
static int run_self(struct vm_ctx *v, char **argv)
{
	int status;
	pid_t pid;

	argv[0] = v->self;
	fflush(stdout);
	pid = ls_vm_spawn(argv, -1);
	if (pid < 0)
		return 1;
	ls_vm_child_wait(pid, -1, NULL, NULL, 0, MAX_TIMEOUT_S, NULL, &status);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

/*
 * After --kernels: `lsbench compare` of the first kernel's run with each
 * other's, and one `lsbench report` over them all, into
 * <root>/compare/<UTC time>-<host>/ (compare-<base>-<new>.csv, report.html).
 */
static int compare_guests(struct vm_ctx *v, struct guest *g, size_t n)
{
	char dir[PATH_MAX + 256], csv[PATH_MAX * 2], stamp[64];
	char *argv[LS_VM_MAX_KERNELS + 8];
	struct guest *done[LS_VM_MAX_KERNELS];
	size_t i, nr = 0, k;
	struct utsname u;
	time_t now = time(NULL);
	int ret = 0;

	for (i = 0; i < n; i++) {
		if (*g[i].results)
			done[nr++] = &g[i];
	}
	if (nr < 2) {
		printf("lsbench vm: fewer than two result sets: no comparison\n");
		return 0;
	}
	strftime(stamp, sizeof(stamp), "%Y%m%dT%H%M%SZ", gmtime(&now));
	snprintf(dir, sizeof(dir), "%s/compare/%.32s-%.64s", v->root, stamp,
		 uname(&u) ? "host" : u.nodename);
	if (ls_mkdir_p(dir)) {
		printf("lsbench vm: cannot create %s: no comparison\n", dir);
		return 1;
	}
	for (i = 1; i < nr; i++) {
		snprintf(csv, sizeof(csv), "%s/compare-%s-%s.csv", dir, done[0]->release,
			 done[i]->release);
		printf("lsbench vm: lsbench compare %s %s\n", done[0]->release, done[i]->release);
		k = 1;
		argv[k++] = "compare";
		argv[k++] = "-o";
		argv[k++] = csv;
		argv[k++] = done[0]->results;
		argv[k++] = done[i]->results;
		argv[k] = NULL;
		ret |= run_self(v, argv);
	}
	k = 1;
	argv[k++] = "report";
	argv[k++] = "-o";
	argv[k++] = dir;
	for (i = 0; i < nr; i++)
		argv[k++] = done[i]->results;
	argv[k] = NULL;
	ret |= run_self(v, argv);
	printf("lsbench vm: comparison and report in %s\n", dir);
	return ret ? 1 : 0;
}

static int vm_setup(struct vm_ctx *v, char *err, size_t len)
{
	struct ls_run_opts ro;
	char cwd[PATH_MAX];
	long n;
	int ret;

	if (geteuid()) {
		snprintf(err, len, "needs root");
		return -EPERM;
	}
	if (!realpath("/proc/self/exe", v->self)) {
		snprintf(err, len, "cannot find this binary: %s", strerror(errno));
		return -ENOENT;
	}
	if (!ls_vm_locate_scripts(v)) {
		snprintf(err, len, "cannot find vm/vm-kernel.sh beside %.300s nor in %.300s/vm",
			 v->self, LSBENCH_SRCDIR);
		return -ENOENT;
	}
	if (system("command -v " QEMU " >/dev/null 2>&1")) {
		snprintf(err, len, QEMU " is not installed (make deps installs it)");
		return -ENOENT;
	}
	n = sysconf(_SC_NPROCESSORS_ONLN);
	v->cpus = v->o->vcpus ?: n > 0 ? n : 1;
	/* seen here: under -icount a guest hangs bringing up its second CPU */
	if (!strcmp(v->o->accel, "icount")) {
		if (v->o->vcpus > 1) {
			snprintf(err, len,
				 "--accel icount boots one CPU (a second never comes up "
				 "under qemu's -icount): drop --vcpus");
			return -EINVAL;
		}
		v->cpus = 1;
	}
	if (v->o->exec) {
		/* the program's folder is the writable share */
		v->boots = 1;
		snprintf(v->root, sizeof(v->root), "%s", v->o->exec);
		*strrchr(v->root, '/') = 0;
		if (!*v->root)
			snprintf(v->root, sizeof(v->root), "/");
		return 0;
	}
	ret = ls_run_opts_parse(v->o->run_argc, v->o->run_argv, &ro, err, len);
	if (!ret)
		ret = ls_cpu_counts_resolve(&ro, v->cpus, err, len);
	if (ret)
		return ret;
	v->rounds = ro.rounds;
	v->boots = v->o->nr_kernels > 1 ? ro.rounds : 1;
	v->measure_key = ls_measure_key(&ro);
	/* made once a kernel is ready (vm_make_root): a bad kernel leaves no folder */
	if (realpath(ro.output, v->root))
		return 0;
	if (*ro.output == '/')
		n = snprintf(v->root, sizeof(v->root), "%s", ro.output);
	else if (getcwd(cwd, sizeof(cwd)))
		n = snprintf(v->root, sizeof(v->root), "%s/%s", cwd, ro.output);
	else
		n = -1;
	if (n < 0 || (size_t)n >= sizeof(v->root)) {
		snprintf(err, len, "output folder name too long: %s", ro.output);
		return -ENAMETOOLONG;
	}
	return 0;
}

/* The results root, made when the kernels are ready: 0, or 2 with why. */
static int vm_make_root(struct vm_ctx *v)
{
	int ret = ls_mkdir_p(v->root);

	if (ret)
		fprintf(stderr, "lsbench vm: cannot create output folder %s: %s\n", v->root,
			strerror(-ret));
	return ret ? 2 : 0;
}

/* After --timeline: lsbench timeline of every kernel's runs of this measurement. */
static int timeline_all(struct vm_ctx *v, struct guest *g, size_t n)
{
	char dir[PATH_MAX + 256], stamp[64];
	char *argv[LS_VM_MAX_KERNELS + 8];
	time_t now = time(NULL);
	struct utsname u;
	size_t i, k = 1;

	strftime(stamp, sizeof(stamp), "%Y%m%dT%H%M%SZ", gmtime(&now));
	snprintf(dir, sizeof(dir), "%s/timeline/%.32s-%.64s", v->root, stamp,
		 uname(&u) ? "host" : u.nodename);
	if (ls_mkdir_p(dir)) {
		printf("lsbench vm: cannot create %s: no timeline\n", dir);
		return 1;
	}
	argv[k++] = "timeline";
	argv[k++] = "-o";
	argv[k++] = dir;
	for (i = 0; i < n; i++) {
		if (*g[i].results)
			argv[k++] = g[i].results;
	}
	argv[k] = NULL;
	printf("lsbench vm: lsbench timeline of %zu kernels into %s\n", k - 4, dir);
	return run_self(v, argv) ? 1 : 0;
}

int ls_vm_main(int argc, char **argv)
{
	struct guest g[LS_VM_MAX_KERNELS] = {};
	struct sigaction sa = { .sa_handler = on_signal };
	struct ls_vm_opts o;
	struct vm_ctx v = { .o = &o };
	char err[512];
	int ret, prep, status = 0;
	unsigned int r;
	size_t i;

	if (argc == 2 && !strcmp(argv[1], "--list-kernels"))
		return ls_vm_list_kernels();
	ret = ls_vm_opts_parse(argc, argv, &o, err, sizeof(err));
	if (ret > 0) {
		vm_usage(stdout);
		free(o.run_argv);
		return 0;
	}
	if (!ret)
		ret = vm_setup(&v, err, sizeof(err));
	if (ret) {
		ls_one_line(err);
		fprintf(stderr, "lsbench vm: %s\n", err);
		free(o.run_argv);
		return 2;
	}
	if (o.timeline) {
		ret = ls_vm_timeline_kernels(&v, err, sizeof(err));
		if (ret) {
			fprintf(stderr, "lsbench vm: %s\n", err);
			free(o.run_argv);
			return 2;
		}
		v.boots = o.nr_kernels > 1 ? v.rounds : 1;
	}
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	status = prep = ls_vm_prepare_all(&v, g, o.nr_kernels);
	if (!prep && !o.exec)
		status = prep = vm_make_root(&v);
	if (!prep)
		printf("lsbench %s: vm, %zu kernel%s, results under %s\n", LSBENCH_REV,
		       o.nr_kernels, o.nr_kernels == 1 ? "" : "s", v.root);
	/*
	 * Every kernel runs, whatever became of the one before. Several kernels
	 * are alternated, A B C A B C ..., a fresh boot per round, so that the
	 * machine's drift lands on all of them alike.
	 */
	for (r = 1; !prep && r <= v.boots && !ls_vm_interrupted; r++) {
		if (v.boots > 1)
			printf("lsbench vm: round %u of %u\n", r, v.boots);
		for (i = 0; i < o.nr_kernels && !ls_vm_interrupted; i++) {
			if (r <= g[i].done)
				continue;
			ls_vm_guest_run(&v, &g[i]);
			if (g[i].lockup && !ls_vm_interrupted)
				ls_vm_guest_run_again(&v, &g[i]);
			if (g[i].status > status)
				status = g[i].status;
		}
	}
	if (ls_vm_interrupted)
		status = 130;
	if (!ls_vm_interrupted && o.nr_kernels > 1 && !prep && !o.timeline) {
		if (compare_guests(&v, g, o.nr_kernels))
			status = status ?: 1;
	}
	if (!ls_vm_interrupted && !prep && o.timeline && timeline_all(&v, g, o.nr_kernels))
		status = status ?: 1;
	for (i = 0; i < o.nr_kernels; i++)
		rm_tree(g[i].work);
	free(o.run_argv);
	return status;
}
