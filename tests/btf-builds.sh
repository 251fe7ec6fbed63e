#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Builds every BPF object and its skeleton (make bpf) against the BTF of other
# kernels than the running one, each into a folder of its own, and prints one
# TAP line per kernel: the objects are CO-RE and must build whatever kernel
# the build machine runs, from Debian 12's 6.1 on.
#
# usage: tests/btf-builds.sh OUTPUT [KERNEL...]
#   OUTPUT  the build folder: each kernel's build goes to OUTPUT/btf/<release>
#   KERNEL  `running` (/sys/kernel/btf/vmlinux), or what `lsbench vm` takes:
#           a Debian suite (bookworm: 6.1, trixie: 6.12, sid: 7.2), a Debian
#           kernel release, a kernel package file or a bzImage.
#           Default: running bookworm trixie sid.
# Kernels are found or fetched by vm/vm-kernel.sh (cached in
# $LSBENCH_CACHE, default /var/cache/lsbench/kernels); the BTF taken out of
# each bzImage is cached in $LSBENCH_BTF_CACHE (default /var/cache/lsbench/btf).
# Exit status 1 when a kernel's objects did not build or its BTF could not be
# had, 2 for bad usage or a missing tool.
set -uo pipefail

btf_cache=${LSBENCH_BTF_CACHE:-/var/cache/lsbench/btf}

die() {
	echo "btf-builds: $*" >&2
	exit 2
}

[ $# -ge 1 ] || die "usage: tests/btf-builds.sh OUTPUT [KERNEL...]"
out=$1
shift
[ $# -gt 0 ] || set -- running bookworm trixie sid
for tool in objcopy xz zstd gzip bzip2 sha256sum; do
	command -v "$tool" >/dev/null || die "$tool is not installed (make deps)"
done

# u8/u32 FILE OFFSET: a little-endian field of a bzImage's header.
u8() { od -An -tu1 -j "$2" -N 1 "$1" | tr -d ' '; }
u32() { od -An -tu4 -j "$2" -N 4 "$1" | tr -d ' '; }

# payload BZIMAGE: the compressed vmlinux a bzImage carries (boot protocol
# 2.08+: payload_offset and payload_length), without the 4-byte size the
# kernel's build appends to every format but gzip.
payload() {
	local img=$1 sects start len magic
	[ "$(dd if="$img" bs=1 skip=514 count=4 2>/dev/null)" = HdrS ] || return 1
	sects=$(u8 "$img" 497)
	[ "$sects" -ne 0 ] || sects=4
	start=$(((sects + 1) * 512 + $(u32 "$img" 584)))
	len=$(u32 "$img" 588)
	[ "$len" -gt 4 ] || return 1
	magic=$(od -An -tx1 -j "$start" -N 2 "$img" | tr -d ' ')
	[ "$magic" = 1f8b ] || len=$((len - 4))
	dd if="$img" iflag=skip_bytes,count_bytes skip="$start" count="$len" bs=1M status=none
}

# decompress FILE: by its magic, as the kernel's build compressed it.
decompress() {
	local magic
	magic=$(od -An -tx1 -N 4 "$1" | tr -d ' ')
	case $magic in
	fd377a58) xz -dc "$1" ;;
	28b52ffd) zstd -dcq "$1" ;;
	1f8b*) gzip -dc "$1" ;;
	425a68*) bzip2 -dc "$1" ;;
	5d00*) xz -dc --format=lzma "$1" ;;
	*) echo "unknown compression (magic $magic)" >&2 && return 1 ;;
	esac
}

# btf_of BZIMAGE RELEASE: prints the path of the kernel's BTF (its vmlinux's
# .BTF section), taken out and cached once per image.
btf_of() {
	local img=$1 rel=$2 sum dest tmp
	sum=$(sha256sum "$img" | cut -c 1-16)
	dest=$btf_cache/$rel-$sum.btf
	if [ ! -s "$dest" ]; then
		mkdir -p "$btf_cache" || return 1
		tmp=$(mktemp -d "$btf_cache/.new.XXXXXX") || return 1
		if ! payload "$img" >"$tmp/payload"; then
			echo "not a bzImage with a payload: $img" >&2
			rm -rf "$tmp"
			return 1
		fi
		if ! decompress "$tmp/payload" >"$tmp/vmlinux" ||
			! objcopy -O binary --only-section=.BTF "$tmp/vmlinux" "$tmp/btf" ||
			[ ! -s "$tmp/btf" ]; then
			echo "no .BTF section in $rel's vmlinux (CONFIG_DEBUG_INFO_BTF off?)" >&2
			rm -rf "$tmp"
			return 1
		fi
		mv "$tmp/btf" "$dest"
		rm -rf "$tmp"
	fi
	echo "$dest"
}

# build NAME RELEASE BTF: one kernel's BPF objects and skeletons, in a folder of their own.
build() {
	local name=$1 rel=$2 btf=$3 dir log has
	dir=$out/btf/$rel
	log=$out/btf/$rel.log
	mkdir -p "$dir"
	if make -j"$(nproc)" --no-print-directory OUTPUT="$dir" VMLINUX_BTF="$btf" bpf >"$log" 2>&1; then
		grep -q 'BPF_MAP_TYPE_CGRP_STORAGE\b' "$dir/vmlinux.h" && has=with || has=without
		echo "ok - $name ($rel): every BPF object builds against its BTF ($has cgroup storage)"
	else
		failed=$((failed + 1))
		echo "not ok - $name ($rel): BPF objects do not build against its BTF (log: $log)"
		grep -E 'error|Error' "$log" | head -n 20
	fi
}

# kernel SPEC: fetches a kernel the way `lsbench vm` does, then builds against its BTF.
kernel() {
	local spec=$1 work rel btf err
	work=$(mktemp -d)
	# (the initramfs it also makes, with lsbench in it, goes unused here)
	if ! rel=$(vm/vm-kernel.sh "$spec" "$work" vm/vm-init.sh "$out/lsbench" 2>"$work/err" |
		tail -n 1) ||
		[ -z "$rel" ]; then
		err=$(grep -v downloading "$work/err" | head -n 1)
		failed=$((failed + 1))
		echo "not ok - $spec: no kernel: $err"
		rm -rf "$work"
		return
	fi
	if btf=$(btf_of "$work/vmlinuz" "$rel" 2>"$work/err"); then
		build "$spec" "$rel" "$btf"
	else
		failed=$((failed + 1))
		echo "not ok - $spec ($rel): no BTF: $(head -n 1 "$work/err")"
	fi
	rm -rf "$work"
}

failed=0
for k in "$@"; do
	if [ "$k" = running ]; then
		build running "$(uname -r)" /sys/kernel/btf/vmlinux
	else
		kernel "$k"
	fi
done
[ "$failed" -eq 0 ]
