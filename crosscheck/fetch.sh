#!/bin/bash
# Fetches the newest linux-source-X.Y package the system's apt suites offer
# and extracts from its tarball only what the kernel's BPF bench needs.
# usage: crosscheck/fetch.sh CACHE_DIR; prints the source tree's path.
set -euo pipefail
cache=$1
mkdir -p "$cache"
cd "$cache"

die() {
	echo "crosscheck: $*" >&2
	exit 2
}

pkg=$(apt-cache search --names-only '^linux-source-[0-9.]+$' | awk '{ print $1 }' |
	sort -V | tail -n 1)
[ -n "$pkg" ] || die "no linux-source-X.Y package in the system's apt suites (apt-get update?)"
ver=$(apt-cache policy "$pkg" | awk '$1 == "Candidate:" { print $2 }')
tree="$cache/$pkg-$ver"
if [ -f "$tree/.extracted" ]; then
	echo "$tree"
	exit 0
fi
# apt-get download names the file <package>_<version, ':' as %3a>_<arch>.deb
deb=$(find . -maxdepth 1 -name "${pkg}_${ver/:/%3a}_*.deb" | head -n 1)
if [ -z "$deb" ]; then
	echo "crosscheck: fetching $pkg $ver" >&2
	apt-get download -q "$pkg=$ver" >&2 || die "apt-get download $pkg=$ver failed"
	deb=$(find . -maxdepth 1 -name "${pkg}_${ver/:/%3a}_*.deb" | head -n 1)
	[ -n "$deb" ] || die "apt-get download left no ${pkg}_${ver}_*.deb"
fi
rm -rf "$tree" "$cache/unpack"
mkdir -p "$cache/unpack" "$tree"
dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$cache/unpack" --wildcards '*.tar.xz' ||
	die "no source tarball in $deb"
tarball=$(find "$cache/unpack" -name 'linux-source-*.tar.xz' | head -n 1)
top=$(basename "$tarball" .tar.xz)
# The bench, its programs and headers, and the tools/ headers they include.
echo "crosscheck: extracting the BPF selftests from $(basename "$tarball")" >&2
tar -xJf "$tarball" -C "$tree" --strip-components=1 \
	"$top/tools/testing/selftests/bpf" "$top/tools/include" "$top/tools/lib/bpf" \
	"$top/tools/arch/x86/include" "$top/include/uapi/linux/bpf.h" ||
	die "cannot extract the BPF selftests from $tarball"
rm -rf "$cache/unpack"
touch "$tree/.extracted"
echo "$tree"
