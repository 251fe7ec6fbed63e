#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0
# /init of an `lsbench vm` guest, under busybox sh. Mounts the host's root
# read-only over 9p (tag hostroot), gives it a private /tmp, /run, /dev,
# proc, sysfs, cgroup2, bpffs, securityfs and tracefs, mounts the host's
# results root writable (tag results) where it lies, and runs lsbench there.
#
# lsbench runs in the host's working folder (/ when that is under the private
# /tmp); its results root is always absolute. The host talks to it through
# the share tagged xchg:
#   in:  args (the argv to run, one per line: lsbench's, or with --exec the
#        program's), lsbench (lsbench's absolute path, which the initramfs
#        holds a copy of: /lsbench; exported as LSBENCH), cwd, results (the
#        writable folder's absolute path: the results root, or the program's
#        folder), hostname
#   out: booted (once init runs), boot_id (the guest kernel's, which its
#   run's meta.txt records), status (lsbench's exit status)
# Kernel command line: lsbench.mode=probe only boots and powers off;
# lsbench.virt=NAME is passed on to lsbench as LSBENCH_VIRT.
/bin/busybox --install -s /bin
export PATH=/bin

say() {
	echo "lsbench-vm: $*"
}

halt() {
	sync
	poweroff -f
	sleep 10
}

mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mode=run
virt=
for word in $(cat /proc/cmdline); do
	case $word in
	lsbench.mode=*) mode=${word#*=} ;;
	lsbench.virt=*) virt=${word#*=} ;;
	esac
done

for m in $(cat /lib/modules/order); do
	insmod "/lib/modules/$m.ko" || say "insmod $m failed"
done
p9="trans=virtio,version=9p2000.L,msize=262144"
if ! mount -t 9p -o "$p9" xchg /xchg; then
	say "cannot mount the exchange share"
	halt
fi
echo "$(cut -d' ' -f1 /proc/uptime)" >/xchg/booted
# the run's meta.txt names this boot: the host finds this guest's run by it
cat /proc/sys/kernel/random/boot_id >/xchg/boot_id
say "booted $(uname -r) in $(cut -d' ' -f1 /proc/uptime) s"
[ "$mode" = probe ] && halt

r=/newroot
if ! mount -t 9p -o "$p9,ro,cache=loose" hostroot $r; then
	say "cannot mount the host's root"
	echo 1 >/xchg/status
	halt
fi
results=$(cat /xchg/results)
mount -t proc proc $r/proc
mount -t sysfs sysfs $r/sys
mount -t devtmpfs devtmpfs $r/dev
mkdir -p $r/dev/pts $r/dev/shm
mount -t devpts devpts $r/dev/pts
# what udev makes elsewhere: bash's process substitution needs /dev/fd
ln -sf /proc/self/fd $r/dev/fd
ln -sf /proc/self/fd/0 $r/dev/stdin
ln -sf /proc/self/fd/1 $r/dev/stdout
ln -sf /proc/self/fd/2 $r/dev/stderr
mount -t tmpfs tmpfs $r/dev/shm
mount -t tmpfs -o mode=1777 tmpfs $r/tmp
mount -t tmpfs tmpfs $r/run
mount -t cgroup2 cgroup2 $r/sys/fs/cgroup
mount -t bpf bpf $r/sys/fs/bpf
mount -t securityfs securityfs $r/sys/kernel/security
mount -t tracefs tracefs $r/sys/kernel/tracing 2>/dev/null
# Under the private /tmp, the results root's folder has to be made again.
mkdir -p "$r$results" 2>/dev/null
if ! mount -t 9p -o "$p9" results "$r$results"; then
	say "cannot mount the results folder at $results"
	echo 1 >/xchg/status
	halt
fi
# lsbench where the host has it: under a folder private here (/tmp) the guest
# cannot see the host's, so the initramfs's copy goes there.
self=$(cat /xchg/lsbench)
if [ ! -x "$r$self" ] && ! { mkdir -p "$r${self%/*}" && cp /lsbench "$r$self"; }; then
	say "cannot put lsbench at $self: the guest does not see the host's and cannot write there"
	echo 1 >/xchg/status
	halt
fi
say "LSMs: $(cat $r/sys/kernel/security/lsm)"
hostname "$(cat /xchg/hostname)"

set --
while IFS= read -r a; do
	set -- "$@" "$a"
done </xchg/args
say "running: $*"
LSBENCH=$self LSBENCH_VIRT=$virt HOME=/root TMPDIR=/tmp PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
	chroot $r /bin/sh -c 'cd "$1" 2>/dev/null || cd /; shift; exec "$@"' sh "$(cat /xchg/cwd)" "$@"
status=$?
echo $status >/xchg/status
say "$1 exited with status $status"
halt
