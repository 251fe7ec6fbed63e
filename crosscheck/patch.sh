#!/bin/bash
# Moves the kernel bench's programs off what the running kernel refuses, in
# copies of its sources outside the repository, and prints each change.
#   fentry refused: get_local (fentry/sys_getpgid) becomes tp_btf/sys_enter
#     filtered on the bench's tgid and getpgid's syscall number; the bpf_loop
#     body is unchanged.
#   lsm.s refused: socket_post_create is no longer loaded by default (the
#     socket flavour of local-storage-create cannot run; the task one can).
# usage: crosscheck/patch.sh SRC_DIR fentry|lsm
set -euo pipefail
src=$1

die() {
	echo "crosscheck: $*" >&2
	exit 2
}

# edit FILE SED_SCRIPT: applies it, fails when it changed nothing, prints the change.
edit() {
	cp "$1" "$1.orig"
	sed -i -e "$2" "$1"
	if cmp -s "$1" "$1.orig"; then
		die "cannot patch $(basename "$1"): its code is not what crosscheck/patch.sh knows"
	fi
	diff -u "$1.orig" "$1" | sed 's/^/crosscheck:   /' || true
	rm -f "$1.orig"
}

case $2 in
fentry)
	echo "crosscheck: this kernel refuses fentry: get_local moves to tp_btf/sys_enter"
	edit "$src/progs/local_storage_bench.c" '
/^SEC("fentry\/" SYS_PREFIX "sys_getpgid")$/{
N
N
s/^SEC("fentry\/" SYS_PREFIX "sys_getpgid")\nint get_local(void \*ctx)\n{$/const volatile unsigned int filter_tgid;\
const volatile long filter_nr;\
\
SEC("tp_btf\/sys_enter")\
int get_local(unsigned long long *ctx)\
{\
	if ((bpf_get_current_pid_tgid() >> 32) != filter_tgid || (long)ctx[1] != filter_nr)\
		return 0;/
}'
	edit "$src/bench_local_storage.c" \
		's/^\(\t*\)ctx\.skel->rodata->num_maps = args\.nr_maps;$/&\n\1ctx.skel->rodata->filter_tgid = getpid();\n\1ctx.skel->rodata->filter_nr = __NR_getpgid;/'
	;;
lsm)
	echo "crosscheck: this kernel refuses lsm.s: socket_post_create is not loaded"
	edit "$src/progs/bench_local_storage_create.c" 's/^SEC("lsm\.s\/socket_post_create")$/SEC("?lsm.s\/socket_post_create")/'
	;;
*)
	die "unknown patch $2"
	;;
esac
