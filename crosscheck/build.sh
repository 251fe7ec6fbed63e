#!/bin/bash
# Builds the kernel's BPF bench with only its local-storage benchmarks
# (bench.c, benchs/bench_local_storage.c, benchs/bench_local_storage_create.c
# and their programs) against the system's libbpf and bpftool, outside the
# repository. Where the running kernel refuses a program type the benchmarks
# use, it moves the program (crosscheck/patch.sh) and prints what it changed.
# With asis, nothing is moved: the bench as the kernel's tree has it, for
# kernels that take fentry and lsm.s (the guests of lsbench vm).
# usage: crosscheck/build.sh SOURCE_TREE BUILD_DIR [asis]; prints the bench's path.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tree=$1
out=$2
asis=${3:-}
sel=$tree/tools/testing/selftests/bpf
mine=(bench_local_storage_cache_seq_get bench_local_storage_cache_interleaved_get
	bench_local_storage_cache_hashmap_control bench_local_storage_create
	bench_local_storage_argp bench_local_storage_create_argp)
BPFTOOL=${BPFTOOL:-$(command -v bpftool || echo /usr/sbin/bpftool)}

die() {
	echo "crosscheck: $*" >&2
	exit 2
}

[ -f "$sel/bench.c" ] || die "no bench.c in $sel"
# Built already from this tree, for this kernel, by these scripts: kept.
stamp="$tree ${asis:-$(uname -r)} $(cat "$0" "$here/patch.sh" | md5sum)"
if [ -x "$out/bench" ] && [ "$(cat "$out/stamp" 2>/dev/null)" = "$stamp" ]; then
	sed 's/^/crosscheck: (built before) /' "$out/patches.log" >&2
	echo "$out/bench"
	exit 0
fi
rm -rf "$out"
mkdir -p "$out/src/progs"
cp "$sel/bench.c" "$sel/benchs/bench_local_storage.c" "$sel/benchs/bench_local_storage_create.c" \
	"$out/src/"
cp "$sel/progs/local_storage_bench.c" "$sel/progs/bench_local_storage_create.c" "$out/src/progs/"
"$BPFTOOL" btf dump file /sys/kernel/btf/vmlinux format c >"$out/vmlinux.h" ||
	die "cannot dump the running kernel's BTF"

# The other benchmarks bench.c lists, as stubs: only these are built.
stubs() {
	grep -oE '^extern (const )?struct (bench|argp) [a-z0-9_]+;' "$out/src/bench.c" |
		while read -r _ c s t name; do
			[ "$c" = const ] || { name=$t; t=$s; s=$c; c=; }
			name=${name%;}
			[[ " ${mine[*]} " == *" $name "* ]] && continue
			if [ "$t" = bench ]; then
				echo "const struct bench $name = { .name = \"$name (not built)\" };"
			else
				echo "struct argp $name = {};"
			fi
		done
}

bpf_skel() {
	clang -g -O2 -target bpf -D__TARGET_ARCH_x86 -I"$out" -I"$sel/progs" -I"$sel" -c "$out/src/progs/$1.c" \
		-o "$out/$1.bpf.o" || die "cannot build progs/$1.c"
	"$BPFTOOL" gen skeleton "$out/$1.bpf.o" name "$1" >"$out/$1.skel.h"
}

compile() {
	{
		echo '#include <argp.h>'
		echo '#include "bench.h"'
		echo '#include "testing_helpers.h"'
		# testing_helpers.c needs the kernel tree's disasm.h: CPU lists are not used here
		echo 'int parse_num_list(const char *s, bool **set, int *set_len) { return -EINVAL; }'
		stubs
	} >"$out/src/stubs.c"
	bpf_skel local_storage_bench
	bpf_skel bench_local_storage_create
	gcc -O2 -g -I"$out" -I"$sel" -I"$tree/tools/include" -I"$tree/tools/include/uapi" \
		"$out/src/bench.c" "$out/src/bench_local_storage.c" \
		"$out/src/bench_local_storage_create.c" "$out/src/stubs.c" \
		-lbpf -lelf -lz -lpthread -lm -o "$out/bench" || die "cannot build the kernel's bench"
}

# refused BENCH_ARGS...: whether the kernel refuses to load the bench's programs (EPERM).
refused() {
	timeout 30 "$out/bench" -w 1 -d 1 "$@" >"$out/probe.log" 2>&1 && return 1
	grep -qE 'Operation not permitted|failed to load: -1$' "$out/probe.log"
}

compile
: >"$out/patches.log"
[ -z "$asis" ] ||
	echo "unchanged: the bench as the kernel's tree has it (fentry, lsm.s)" >"$out/patches.log"
if [ -z "$asis" ] && refused local-storage-cache-seq-get --nr_maps 1; then
	"$here/patch.sh" "$out/src" fentry | tee -a "$out/patches.log" >&2
	compile
fi
if [ -z "$asis" ] && refused local-storage-create --storage-type task; then
	"$here/patch.sh" "$out/src" lsm | tee -a "$out/patches.log" >&2
	compile
fi
echo "$stamp" >"$out/stamp"
echo "$out/bench"
