/* SPDX-License-Identifier: GPL-2.0 */
#ifndef LSBENCH_SYSINFO_H
#define LSBENCH_SYSINFO_H

/* The context recorded with every result. Fields that cannot be read are "unknown". */
struct ls_sysinfo {
	char kernel[128]; /* release, as uname -r */
	char kernel_version[256]; /* as uname -v */
	char arch[128];
	char host[128];
	char cpu_model[256];
	char online_cpus[256]; /* /sys/devices/system/cpu/online, e.g. 0-1 */
	unsigned int nr_online;
	char virt[64]; /* none, or the hypervisor: kvm, tcg, vmware, ... */
	char clocksource[64];
	char governor[64]; /* cpufreq scaling governor of CPU 0 */
	char smt[16]; /* SMT active: 1, 0 */
	char turbo[32]; /* boost on (1) or off (0), from intel_pstate or cpufreq */
	char cmdline[2048]; /* the kernel's command line, /proc/cmdline (x86's most) */
};

void ls_sysinfo_read(struct ls_sysinfo *si);

#endif /* LSBENCH_SYSINFO_H */
