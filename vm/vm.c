// SPDX-License-Identifier: GPL-2.0
/*
 * `lsbench vm`: runs the suite on other kernels, each booted in qemu with the
 * host's root read-only over 9p, the BPF LSM on, and the host's results root
 * writable. vm/vm-kernel.sh finds or fetches the kernel and builds the
 * initramfs; vm/vm-init.sh is the guest's /init.
 */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <dirent.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include "clean.h"
#include "cli.h"
#include "identity.h"
#include "opts.h"
#include "paths.h"
#include "results.h"
#include "rev.h"
#include "vm.h"

#define MAX_TIMEOUT_S LS_VM_MAX_TIMEOUT_S
#define BOOT_LIMIT_S 120.0 /* from qemu's start to the guest's init */
#define PROBE_LIMIT_S 30.0 /* a KVM boot that gets no further is hung */
#define GRACE_S 5.0 /* between SIGTERM and SIGKILL */
#define LOCKUP_LIMIT_S 60 /* a guest CPU stuck this long in its kernel: the guest is lost */
#define GUEST_LSMS "lockdown,capability,bpf"
#define QEMU "qemu-system-x86_64"

static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
	interrupted = sig;
}

static void vm_usage(FILE *f)
{
	ls_cli_usage(&ls_vm_cmd, f);
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
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

/* Starts argv[0] in its own process group, stdin from /dev/null, stdout to out_fd (if >= 0). */
static pid_t spawn(char *const argv[], int out_fd)
{
	pid_t pid = fork();
	int null;

	if (pid)
		return pid;
	setpgid(0, 0);
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	null = open("/dev/null", O_RDONLY);
	if (null >= 0)
		dup2(null, 0);
	if (out_fd >= 0)
		dup2(out_fd, 1);
	execvp(argv[0], argv);
	fprintf(stderr, "lsbench vm: cannot run %s: %s\n", argv[0], strerror(errno));
	_exit(127);
}

/* Stops a child's process group: SIGTERM, then SIGKILL after a grace period. */
static int child_kill(pid_t pid)
{
	double until = now_s() + GRACE_S;
	int status;

	kill(-pid, SIGTERM);
	while (now_s() < until) {
		if (waitpid(pid, &status, WNOHANG) == pid)
			return status;
		usleep(50000);
	}
	kill(-pid, SIGKILL);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	return status;
}

/*
 * Copies a guest's console to stdout a line at a time, without the
 * firmware's banner, terminal escapes and carriage returns.
 */
struct console {
	char line[4096];
	size_t len;
	int esc; /* 0, 1 after ESC, 2 inside ESC [ ... */
	bool shown;
	unsigned int lockup_s; /* the longest soft lockup the guest's kernel reported */
};

/* "watchdog: BUG: soft lockup - CPU#1 stuck for 514s! [lsbench:130]" */
static void console_lockup(struct console *con)
{
	const char *p = strstr(con->line, "soft lockup - CPU#");
	unsigned int s;

	if (p && (p = strstr(p, " stuck for ")) && sscanf(p, " stuck for %us", &s) == 1 &&
	    s > con->lockup_s)
		con->lockup_s = s;
}

static void console_line(struct console *con)
{
	static const char *const firmware[] = { "SeaBIOS", "iPXE", "Press Ctrl-B", "Booting from" };
	size_t i;

	con->line[con->len] = 0;
	for (i = 0; i < sizeof(firmware) / sizeof(firmware[0]); i++) {
		if (strstr(con->line, firmware[i]))
			con->len = 0;
	}
	console_lockup(con);
	if (con->len || con->shown) {
		printf("%s\n", con->line);
		fflush(stdout);
		con->shown = true;
	}
	con->len = 0;
}

static void console_feed(struct console *con, const char *buf, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char ch = buf[i];

		if (con->esc == 1) {
			con->esc = ch == '[' ? 2 : 0;
		} else if (con->esc == 2) {
			con->esc = ch >= 0x40 && ch <= 0x7e ? 0 : 2;
		} else if (ch == 0x1b) {
			/* firmware clears the screen before the kernel writes: a line ends */
			if (con->len)
				console_line(con);
			con->esc = 1;
		} else if (ch == '\n') {
			console_line(con);
		} else if (ch != '\r') {
			if (con->len + 1 == sizeof(con->line))
				console_line(con);
			con->line[con->len++] = ch;
		}
	}
}

enum wait_end {
	WAIT_EXITED,
	WAIT_TIMEOUT,
	WAIT_NO_BOOT,
	WAIT_INTERRUPTED,
	WAIT_EARLY_EXIT,
	WAIT_LOCKUP,
};

/*
 * Waits for a child, reading its stdout from fd (-1: none) into con (NULL:
 * into capture, at most cap bytes). Kills it when interrupted, after
 * limit_s, or when booted (if set) does not exist after BOOT_LIMIT_S.
 */
static enum wait_end child_wait(pid_t pid, int fd, struct console *con, char *capture, size_t cap,
				double limit_s, const char *booted, int *status)
{
	double start = now_s();
	size_t got = 0;
	char buf[4096];

	for (;;) {
		struct pollfd pfd = { .fd = fd, .events = POLLIN };
		ssize_t n = 0;

		if (fd >= 0 && poll(&pfd, 1, 100) > 0) {
			n = read(fd, buf, sizeof(buf));
			/* the child closed its end: wait for it without polling a hung-up fd */
			if (!n || (n < 0 && errno != EINTR && errno != EAGAIN))
				fd = -1;
		} else if (fd < 0) {
			usleep(100000);
		}
		if (n > 0 && con) {
			console_feed(con, buf, n);
		} else if (n > 0 && capture) {
			size_t take = got + n < cap ? (size_t)n : cap - 1 - got;

			memcpy(capture + got, buf, take);
			got += take;
			capture[got] = 0;
		}
		if (n > 0)
			continue; /* drain before looking at the child */
		if (waitpid(pid, status, WNOHANG) == pid)
			return WAIT_EXITED;
		if (interrupted) {
			*status = child_kill(pid);
			return WAIT_INTERRUPTED;
		}
		if (now_s() - start > limit_s) {
			*status = child_kill(pid);
			return WAIT_TIMEOUT;
		}
		if (con && con->lockup_s >= LOCKUP_LIMIT_S) {
			*status = child_kill(pid);
			return WAIT_LOCKUP;
		}
		if (booted && now_s() - start > BOOT_LIMIT_S && access(booted, F_OK)) {
			*status = child_kill(pid);
			return WAIT_NO_BOOT;
		}
	}
}

/* One kernel: its spec, its temporary folder and what became of it. */
/* Room for one run folder per boot of a kernel, joined by commas. */
#define LS_VM_RESULTS_MAX (PATH_MAX * 8)

struct guest {
	const char *spec;
	char work[PATH_MAX];
	char release[256];
	char accel[8]; /* kvm, tcg or icount */
	char results[LS_VM_RESULTS_MAX]; /* the run folders its boots wrote, comma-joined */
	int status;
	bool lockup; /* its last boot's kernel locked up */
	unsigned int done; /* rounds found in the results root already (--timeline) */
};

struct vm_ctx {
	struct ls_vm_opts *o;
	char self[PATH_MAX]; /* this binary, which the guest runs too */
	char script_dir[PATH_MAX]; /* the scripts */
	char root[PATH_MAX]; /* the results root, absolute */
	unsigned int cpus;
	bool tcg_said;
	unsigned int boots; /* per kernel: with several kernels, one per round, alternated */
	unsigned int rounds; /* the run's --rounds */
	unsigned long long measure_key; /* ls_measure_key() of the guests' runs */
};

static bool locate_scripts(struct vm_ctx *v)
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
	pid = spawn(argv, pipefd[1]);
	close(pipefd[1]);
	if (pid < 0) {
		close(pipefd[0]);
		return 1;
	}
	end = child_wait(pid, pipefd[0], NULL, out, size, MAX_TIMEOUT_S, NULL, &status);
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

/* A -virtfs path: qemu's option syntax doubles commas. */
static void virtfs_arg(char *buf, size_t len, const char *path, const char *tag, const char *extra)
{
	size_t n = snprintf(buf, len, "local,path=");
	const char *p;

	for (p = path; *p && n + 3 < len; p++) {
		buf[n++] = *p;
		if (*p == ',')
			buf[n++] = ',';
	}
	snprintf(buf + n, len - n, ",mount_tag=%s,security_model=none%s", tag, extra);
}

/*
 * Boots g under accel; in probe mode only to the guest's init. Returns the
 * wait's end; *status is qemu's.
 */
static enum wait_end guest_boot(struct vm_ctx *v, struct guest *g, const char *accel, bool probe,
				double limit_s, int *status)
{
	char kernel[PATH_MAX + 16], initrd[PATH_MAX + 16], append[256], smp[16],
		booted[PATH_MAX + 16];
	char root_fs[128], xchg_fs[PATH_MAX * 2 + 64], results_fs[PATH_MAX * 2 + 64],
		xchg[PATH_MAX + 8];
	char accel_opt[32];
	char *argv[40];
	struct console con = {};
	enum wait_end end;
	int pipefd[2], n = 0;
	pid_t pid;

	snprintf(kernel, sizeof(kernel), "%s/vmlinuz", g->work);
	snprintf(initrd, sizeof(initrd), "%s/initrd.cpio", g->work);
	snprintf(xchg, sizeof(xchg), "%s/xchg", g->work);
	snprintf(booted, sizeof(booted), "%s/booted", xchg);
	/* loglevel 5: the kernel's errors and warnings, a soft lockup's stacks among them */
	snprintf(append, sizeof(append),
		 "console=ttyS0 panic=-1 quiet loglevel=5 softlockup_all_cpu_backtrace=1 "
		 "lsm=%s lsbench.virt=%s%s",
		 GUEST_LSMS, accel, probe ? " lsbench.mode=probe" : "");
	snprintf(smp, sizeof(smp), "%u", v->cpus);
	/*
	 * TCG runs all vCPUs in one host thread: with a thread per vCPU, guests
	 * crashed and locked up while their kernel patched its own text (an
	 * int3 Oops in __schedule on 7.2, a CPU stuck in a syscall on 6.1)
	 * when BPF programs were attached and detached.
	 */
	snprintf(accel_opt, sizeof(accel_opt), "%s",
		 strcmp(accel, "kvm") ? "tcg,thread=single" : accel);
	snprintf(root_fs, sizeof(root_fs),
		 "local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap");
	virtfs_arg(xchg_fs, sizeof(xchg_fs), xchg, "xchg", "");
	virtfs_arg(results_fs, sizeof(results_fs), v->root, "results", "");
	unlink(booted);

	argv[n++] = QEMU;
	argv[n++] = "-accel";
	argv[n++] = accel_opt;
	if (!strcmp(accel, "kvm")) {
		argv[n++] = "-cpu";
		argv[n++] = "host";
	}
	/*
	 * icount: the guest's clock advances 1 ns per instruction, and not while
	 * every vCPU idles (sleep=off), so a time is an instruction count.
	 */
	if (!strcmp(accel, "icount")) {
		argv[n++] = "-icount";
		argv[n++] = "shift=0,sleep=off";
	}
	argv[n++] = "-m";
	argv[n++] = "2G";
	argv[n++] = "-smp";
	argv[n++] = smp;
	argv[n++] = "-nographic";
	argv[n++] = "-no-reboot";
	argv[n++] = "-nic";
	argv[n++] = "none";
	argv[n++] = "-kernel";
	argv[n++] = kernel;
	argv[n++] = "-initrd";
	argv[n++] = initrd;
	argv[n++] = "-append";
	argv[n++] = append;
	argv[n++] = "-virtfs";
	argv[n++] = root_fs;
	argv[n++] = "-virtfs";
	argv[n++] = xchg_fs;
	argv[n++] = "-virtfs";
	argv[n++] = results_fs;
	argv[n] = NULL;

	if (pipe(pipefd))
		return WAIT_NO_BOOT;
	fflush(stdout);
	pid = spawn(argv, probe ? -1 : pipefd[1]);
	close(pipefd[1]);
	if (pid < 0) {
		close(pipefd[0]);
		return WAIT_NO_BOOT;
	}
	if (probe) {
		close(pipefd[0]);
		pipefd[0] = -1;
	}
	end = child_wait(pid, pipefd[0], probe ? NULL : &con, NULL, 0, limit_s, booted, status);
	if (pipefd[0] >= 0)
		close(pipefd[0]);
	if (con.len)
		console_line(&con);
	if (end == WAIT_EXITED && access(booted, F_OK))
		end = WAIT_EARLY_EXIT;
	return end;
}

/* KVM when a guest boots under it within PROBE_LIMIT_S, else TCG. */
static void choose_accel(struct vm_ctx *v, struct guest *g)
{
	int fd, status;

	if (*g->accel)
		return; /* chosen at its first boot */
	snprintf(g->accel, sizeof(g->accel), "%s",
		 strcmp(v->o->accel, "icount") ? "tcg" : "icount");
	if (!strcmp(v->o->accel, "tcg") || !strcmp(v->o->accel, "icount"))
		return;
	if (!strcmp(v->o->accel, "kvm")) {
		snprintf(g->accel, sizeof(g->accel), "kvm");
		return;
	}
	fd = open("/dev/kvm", O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		printf("lsbench vm: no KVM (/dev/kvm: %s): TCG\n", strerror(errno));
		return;
	}
	close(fd);
	if (guest_boot(v, g, "kvm", true, PROBE_LIMIT_S, &status) == WAIT_EXITED)
		snprintf(g->accel, sizeof(g->accel), "kvm");
	else
		printf("lsbench vm: %s did not boot under KVM within %g s: TCG\n", g->release,
		       PROBE_LIMIT_S);
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
static void guest_run(struct vm_ctx *v, struct guest *g)
{
	char path[PATH_MAX + 32];
	double t0 = now_s();
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
	choose_accel(v, g);
	if (interrupted) {
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
	end = guest_boot(v, g, g->accel, false, v->o->timeout_s, &status);
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
		printf("lsbench vm: guest %s did not reach its init within %g s: killed\n",
		       g->release, BOOT_LIMIT_S);
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
		       v->o->exec, g->status, now_s() - t0);
		return;
	}
	had = strlen(g->results);
	find_results(v, g);
	if (end == WAIT_TIMEOUT || end == WAIT_LOCKUP)
		mark_killed(g, end == WAIT_LOCKUP ? "its kernel locked up" : "past --timeout");
	/* a lost boot's run, marked dead, is not one of the kernel's rounds */
	if (end == WAIT_LOCKUP) {
		g->results[had] = 0;
		printf("lsbench vm: %s: boot lost after %.0f s\n", g->release, now_s() - t0);
		return;
	}
	printf("lsbench vm: %s: results in %s after %.0f s, exit status %d\n", g->release,
	       *last_results(g) ? last_results(g) : "no results", now_s() - t0, g->status);
}

/*
 * A guest whose kernel locked up (seen under TCG, rarely: a 6.1 guest's CPU
 * stuck in lsbench's syscall for minutes) is booted once more.
 */
static void guest_run_again(struct vm_ctx *v, struct guest *g)
{
	printf("lsbench vm: booting %s again, once\n", g->release);
	guest_run(v, g);
}

/* Runs this binary with argv[1..] and waits for it: its exit status. */
static int run_self(struct vm_ctx *v, char **argv)
{
	int status;
	pid_t pid;

	argv[0] = v->self;
	fflush(stdout);
	pid = spawn(argv, -1);
	if (pid < 0)
		return 1;
	child_wait(pid, -1, NULL, NULL, 0, MAX_TIMEOUT_S, NULL, &status);
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
	if (!locate_scripts(v)) {
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
	ret = ls_mkdir_p(ro.output);
	if (ret || !realpath(ro.output, v->root)) {
		snprintf(err, len, "cannot create output folder %s: %s", ro.output,
			 strerror(ret ? -ret : errno));
		return -EINVAL;
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
static int prepare_all(struct vm_ctx *v, struct guest *g, size_t n)
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
static int timeline_kernels(struct vm_ctx *v, char *err, size_t len)
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

/* lsbench vm --list-kernels: the kernels of Debian's suites (vm-kernel.sh --list). */
static int list_kernels(void)
{
	struct vm_ctx v = {};
	char script[PATH_MAX + 16];
	char *argv[] = { script, "--list", NULL };
	int status;
	pid_t pid;

	if (!realpath("/proc/self/exe", v.self) || !locate_scripts(&v)) {
		fprintf(stderr, "lsbench vm: cannot find vm/vm-kernel.sh\n");
		return 2;
	}
	snprintf(script, sizeof(script), "%s/vm-kernel.sh", v.script_dir);
	fflush(stdout);
	pid = spawn(argv, -1);
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return 2;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 2;
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
		return list_kernels();
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
		ret = timeline_kernels(&v, err, sizeof(err));
		if (ret) {
			fprintf(stderr, "lsbench vm: %s\n", err);
			free(o.run_argv);
			return 2;
		}
		v.boots = o.nr_kernels > 1 ? v.rounds : 1;
	}
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	status = prep = prepare_all(&v, g, o.nr_kernels);
	if (!prep)
		printf("lsbench %s: vm, %zu kernel%s, results under %s\n", LSBENCH_REV,
		       o.nr_kernels, o.nr_kernels == 1 ? "" : "s", v.root);
	/*
	 * Every kernel runs, whatever became of the one before. Several kernels
	 * are alternated, A B C A B C ..., a fresh boot per round, so that the
	 * machine's drift lands on all of them alike.
	 */
	for (r = 1; !prep && r <= v.boots && !interrupted; r++) {
		if (v.boots > 1)
			printf("lsbench vm: round %u of %u\n", r, v.boots);
		for (i = 0; i < o.nr_kernels && !interrupted; i++) {
			if (r <= g[i].done)
				continue;
			guest_run(&v, &g[i]);
			if (g[i].lockup && !interrupted)
				guest_run_again(&v, &g[i]);
			if (g[i].status > status)
				status = g[i].status;
		}
	}
	if (interrupted)
		status = 130;
	if (!interrupted && o.nr_kernels > 1 && !prep && !o.timeline) {
		if (compare_guests(&v, g, o.nr_kernels))
			status = status ?: 1;
	}
	if (!interrupted && !prep && o.timeline && timeline_all(&v, g, o.nr_kernels))
		status = status ?: 1;
	for (i = 0; i < o.nr_kernels; i++)
		rm_tree(g[i].work);
	free(o.run_argv);
	return status;
}
