#!/bin/busybox sh
# shellcheck shell=dash
# SPDX-License-Identifier: GPL-2.0
# /init of the ramdisk that lsbench's LAVA jobs boot (lava/lava.sh job): busybox,
# the file systems lsbench needs, then a root shell on the console, where
# LAVA's test shell takes over. LAVA adds its own overlay (/lava-<job>) and
# lsbench's (/opt/lsbench: the static runner and lava/cells.sh) to this ramdisk
# before it boots.
/bin/busybox --install -s /bin
export PATH=/opt/lsbench:/bin:/sbin:/usr/bin:/usr/sbin
mkdir -p /proc /sys /dev /tmp /run /root
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mkdir -p /dev/pts /dev/shm
mount -t devpts devpts /dev/pts
mount -t tmpfs -o mode=1777 tmpfs /tmp
mount -t tmpfs tmpfs /run
mount -t cgroup2 cgroup2 /sys/fs/cgroup
mount -t bpf bpf /sys/fs/bpf
mount -t securityfs securityfs /sys/kernel/security 2>/dev/null
mount -t tracefs tracefs /sys/kernel/tracing 2>/dev/null
mount -t debugfs debugfs /sys/kernel/debug 2>/dev/null
ln -sf /proc/self/fd /dev/fd
hostname lsbench-lava
echo "lsbench-lava: booted $(uname -r) in $(cut -d' ' -f1 /proc/uptime) s"
export HOME=/root PS1='lsbench-lava# '
cd /root || exit 1
while :; do
	setsid cttyhack sh
done
