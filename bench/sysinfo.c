// SPDX-License-Identifier: GPL-2.0
/* What machine and kernel a run measured. */
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/utsname.h>
#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#endif
#include "sysinfo.h"

/* Reads the first line of a file into buf without its newline; false if unreadable. */
static bool read_line(const char *path, char *buf, size_t len)
{
	FILE *f = fopen(path, "r");
	bool ok;

	if (!f)
		return false;
	ok = fgets(buf, len, f) != NULL;
	fclose(f);
	if (ok)
		buf[strcspn(buf, "\n")] = 0;
	return ok && *buf;
}

/* The value of the first "key : value" line of /proc/cpuinfo with that key. */
static bool cpuinfo_field(const char *key, char *buf, size_t len)
{
	FILE *f = fopen("/proc/cpuinfo", "r");
	char line[4096];
	bool found = false;

	if (!f)
		return false;
	while (!found && fgets(line, sizeof(line), f)) {
		char *colon = strchr(line, ':');

		if (!colon || strncmp(line, key, strlen(key)) ||
		    strspn(line + strlen(key), " \t") != (size_t)(colon - line - strlen(key)))
			continue;
		colon += strspn(colon + 1, " \t") + 1;
		colon[strcspn(colon, "\n")] = 0;
		snprintf(buf, len, "%s", colon);
		found = true;
	}
	fclose(f);
	return found;
}

/* A hypervisor's CPUID vendor string as a short lower-case name. */
static void vendor_name(const char *vendor, char *buf, size_t len)
{
	static const struct {
		const char *vendor, *name;
	} known[] = {
		{ "KVMKVMKVM", "kvm" },	      { "TCGTCGTCGTCG", "tcg" },
		{ "Microsoft Hv", "hyperv" }, { "VMwareVMware", "vmware" },
		{ "XenVMMXenVMM", "xen" },    { "bhyve bhyve ", "bhyve" },
	};
	size_t i, n = 0;

	for (i = 0; i < sizeof(known) / sizeof(known[0]); i++) {
		if (!strcmp(vendor, known[i].vendor)) {
			snprintf(buf, len, "%s", known[i].name);
			return;
		}
	}
	for (i = 0; vendor[i] && n + 1 < len; i++) {
		if (isalnum((unsigned char)vendor[i]))
			buf[n++] = tolower((unsigned char)vendor[i]);
	}
	buf[n] = 0;
	if (!n)
		snprintf(buf, len, "vm");
}

/*
 * The hypervisor, from CPUID's hypervisor bit and vendor leaf where the CPU
 * has them, else from the cpuinfo flag alone. LSBENCH_VIRT, when set, names
 * it instead: `lsbench vm` guests set it to the accelerator (tcg, kvm), which
 * CPUID does not always tell.
 */
static void read_virt(char *buf, size_t len)
{
	const char *env = getenv("LSBENCH_VIRT");
	char flags[8192];
	size_t i;

	if (env && *env) {
		for (i = 0; env[i] && i + 1 < len; i++)
			buf[i] = isalnum((unsigned char)env[i]) ? env[i] : '_';
		buf[i] = 0;
		return;
	}
	snprintf(buf, len, "none");
#if defined(__x86_64__) || defined(__i386__)
	{
		unsigned int a, b, c, d;
		char vendor[13];

		if (__get_cpuid(1, &a, &b, &c, &d) && (c & (1u << 31))) {
			__cpuid(0x40000000, a, b, c, d);
			memcpy(vendor, &b, 4);
			memcpy(vendor + 4, &c, 4);
			memcpy(vendor + 8, &d, 4);
			vendor[12] = 0;
			vendor_name(vendor, buf, len);
		}
		return;
	}
#endif
	if (cpuinfo_field("flags", flags, sizeof(flags)) && strstr(flags, " hypervisor"))
		snprintf(buf, len, "vm");
}

/* Boost state: intel_pstate says no_turbo, other drivers say boost. */
static void read_turbo(char *buf, size_t len)
{
	char v[16];

	if (read_line("/sys/devices/system/cpu/intel_pstate/no_turbo", v, sizeof(v)))
		snprintf(buf, len, "%s", strcmp(v, "0") ? "0" : "1");
	else if (read_line("/sys/devices/system/cpu/cpufreq/boost", v, sizeof(v)))
		snprintf(buf, len, "%s", v);
	else
		snprintf(buf, len, "unknown");
}

void ls_sysinfo_read(struct ls_sysinfo *si)
{
	struct utsname u;
	long n;

	memset(si, 0, sizeof(*si));
	if (!uname(&u)) {
		snprintf(si->kernel, sizeof(si->kernel), "%s", u.release);
		snprintf(si->kernel_version, sizeof(si->kernel_version), "%s", u.version);
		snprintf(si->arch, sizeof(si->arch), "%s", u.machine);
		snprintf(si->host, sizeof(si->host), "%s", u.nodename);
	}
	if (!cpuinfo_field("model name", si->cpu_model, sizeof(si->cpu_model)))
		snprintf(si->cpu_model, sizeof(si->cpu_model), "unknown");
	if (!read_line("/sys/devices/system/cpu/online", si->online_cpus, sizeof(si->online_cpus)))
		snprintf(si->online_cpus, sizeof(si->online_cpus), "unknown");
	n = sysconf(_SC_NPROCESSORS_ONLN);
	si->nr_online = n > 0 ? n : 0;
	read_virt(si->virt, sizeof(si->virt));
	if (!read_line("/sys/devices/system/clocksource/clocksource0/current_clocksource",
		       si->clocksource, sizeof(si->clocksource)))
		snprintf(si->clocksource, sizeof(si->clocksource), "unknown");
	if (!*si->kernel)
		snprintf(si->kernel, sizeof(si->kernel), "unknown");
	if (!read_line("/proc/cmdline", si->cmdline, sizeof(si->cmdline)))
		snprintf(si->cmdline, sizeof(si->cmdline), "unknown");
	if (!read_line("/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor", si->governor,
		       sizeof(si->governor)))
		snprintf(si->governor, sizeof(si->governor), "unknown (no cpufreq)");
	if (!read_line("/sys/devices/system/cpu/smt/active", si->smt, sizeof(si->smt)))
		snprintf(si->smt, sizeof(si->smt), "unknown");
	read_turbo(si->turbo, sizeof(si->turbo));
}
