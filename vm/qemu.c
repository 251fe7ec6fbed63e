// SPDX-License-Identifier: GPL-2.0
/*
 * lsbench vm's children: started in their own process group, waited for with
 * their output read (a guest's console copied to stdout, line by line) and
 * killed at a limit; and qemu's command line, a guest booted under an accel.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>
#include "vm-int.h"

#define PROBE_LIMIT_S 30.0 /* a KVM boot that gets no further is hung */
#define GRACE_S 5.0 /* between SIGTERM and SIGKILL */
#define GUEST_LSMS "lockdown,capability,bpf"

double ls_vm_now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Starts argv[0] in its own process group, stdin from /dev/null, stdout to out_fd (if >= 0). */
pid_t ls_vm_spawn(char *const argv[], int out_fd)
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
	double until = ls_vm_now_s() + GRACE_S;
	int status;

	kill(-pid, SIGTERM);
	while (ls_vm_now_s() < until) {
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

/*
 * BOOT_LIMIT_S, or LSBENCH_VM_BOOT_LIMIT_S's seconds when set and positive:
 * for tests only (tests/unit/test_vmwait.c), which cannot wait minutes.
 */
double ls_vm_boot_limit_s(void)
{
	const char *env = getenv("LSBENCH_VM_BOOT_LIMIT_S");
	char *end;
	double s;

	if (!env)
		return BOOT_LIMIT_S;
	s = strtod(env, &end);
	return end != env && !*end && s > 0 && s < BOOT_LIMIT_S * BOOT_CEILING_X ? s : BOOT_LIMIT_S;
}

/* Whether a boot that started at start, whose console last printed at last, is past a limit. */
static bool boot_over(double start, double last, enum wait_end *end)
{
	double now = ls_vm_now_s(), limit = ls_vm_boot_limit_s();

	if (now - start > limit * BOOT_CEILING_X)
		*end = WAIT_BOOT_CEILING;
	else if (now - last > limit)
		*end = WAIT_NO_BOOT;
	else
		return false;
	return true;
}

/*
 * Waits for a child, reading its stdout from fd (-1: none) into con (NULL:
 * into capture, at most cap bytes). Kills it when interrupted, after
 * limit_s, or when booted (if set) does not exist yet and the boot is past
 * one of its limits (boot_over(); with fd -1 nothing prints: the limit is
 * then from the start).
 */
enum wait_end ls_vm_child_wait(pid_t pid, int fd, struct console *con, char *capture, size_t cap,
			       double limit_s, const char *booted, int *status)
{
	double start = ls_vm_now_s(), last = start;
	enum wait_end end;
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
		if (n > 0) {
			last = ls_vm_now_s();
			continue; /* drain before looking at the child */
		}
		if (waitpid(pid, status, WNOHANG) == pid)
			return WAIT_EXITED;
		if (ls_vm_interrupted) {
			*status = child_kill(pid);
			return WAIT_INTERRUPTED;
		}
		if (ls_vm_now_s() - start > limit_s) {
			*status = child_kill(pid);
			return WAIT_TIMEOUT;
		}
		if (con && con->lockup_s >= LOCKUP_LIMIT_S) {
			*status = child_kill(pid);
			return WAIT_LOCKUP;
		}
		if (booted && boot_over(start, last, &end) && access(booted, F_OK)) {
			*status = child_kill(pid);
			return end;
		}
	}
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
enum wait_end ls_vm_guest_boot(struct vm_ctx *v, struct guest *g, const char *accel, bool probe,
			       double limit_s, int *status)
{
	char kernel[PATH_MAX + 16], initrd[PATH_MAX + 16], append[1024], smp[16],
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
	/*
	 * loglevel 5: the kernel's errors and warnings, a soft lockup's stacks
	 * among them. no_timer_check: the boot's check of the IO-APIC timer
	 * counts ticks against a delay loop, and an emulated CPU slowed by a busy
	 * host fails it ("IO-APIC + timer doesn't work", a panic at boot under
	 * plain TCG): skipped, as cloud images boot their guests.
	 */
	snprintf(append, sizeof(append),
		 "console=ttyS0 panic=-1 quiet loglevel=5 softlockup_all_cpu_backtrace=1 "
		 "no_timer_check lsm=%s lsbench.virt=%s%s%s%s",
		 GUEST_LSMS, accel, probe ? " lsbench.mode=probe" : "", v->o->append ? " " : "",
		 v->o->append ? v->o->append : "");
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
	pid = ls_vm_spawn(argv, probe ? -1 : pipefd[1]);
	close(pipefd[1]);
	if (pid < 0) {
		close(pipefd[0]);
		return WAIT_NO_BOOT;
	}
	if (probe) {
		close(pipefd[0]);
		pipefd[0] = -1;
	}
	end = ls_vm_child_wait(pid, pipefd[0], probe ? NULL : &con, NULL, 0, limit_s, booted,
			       status);
	if (pipefd[0] >= 0)
		close(pipefd[0]);
	if (con.len)
		console_line(&con);
	if (end == WAIT_EXITED && access(booted, F_OK))
		end = WAIT_EARLY_EXIT;
	return end;
}

/* KVM when a guest boots under it within PROBE_LIMIT_S, else TCG. */
void ls_vm_choose_accel(struct vm_ctx *v, struct guest *g)
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
	if (ls_vm_guest_boot(v, g, "kvm", true, PROBE_LIMIT_S, &status) == WAIT_EXITED)
		snprintf(g->accel, sizeof(g->accel), "kvm");
	else
		printf("lsbench vm: %s did not boot under KVM within %g s: TCG\n", g->release,
		       PROBE_LIMIT_S);
}
