#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Prepares a kernel for `lsbench vm`: finds or fetches it, then assembles the
# guest's initramfs (busybox, the modules that reach the host's root over 9p,
# and /init).
#
# usage: vm-kernel.sh SPEC WORKDIR INIT BINARY
#        vm-kernel.sh --list
#   SPEC     a Debian suite (bookworm, bookworm-backports, trixie,
#            trixie-backports, forky, sid, experimental; -cloud or -rt for
#            another flavour), a Debian kernel release or version
#            (6.1.0-50-amd64, 6.19.14+deb13), a Debian kernel package name
#            (linux-image-6.19.14+deb13-amd64), a Debian kernel package file,
#            or a bzImage (its modules in lib/modules/<release> beside it, or
#            in /lib/modules/<release>)
#   --list   prints the kernels of every suite, a line each: series, release,
#            suite; newest series first, newest release of a series first
#   WORKDIR  an empty folder of the caller's: receives vmlinuz and initrd
#   INIT     the guest's /init
#   BINARY   lsbench, copied into the initramfs as /lsbench: the guest's init
#            puts it where the host has it when the guest cannot see it there;
#            empty: none (LAVA's ramdisk, lava/lava.sh)
# Prints the kernel release on its last line. Errors: one line on stderr,
# exit status 2 for a SPEC that names nothing usable, 1 for anything else.
# Debian kernels are cached in $LSBENCH_CACHE (default
# /var/cache/lsbench/kernels), one folder per release, and reused.
set -euo pipefail

cache=${LSBENCH_CACHE:-/var/cache/lsbench/kernels}
# The suites, longest names first (bookworm-backports before bookworm).
suites="bookworm-backports trixie-backports bookworm trixie forky sid experimental"
# What mounting the host's root over virtio 9p needs; the rest comes as dependencies.
roots="virtio_pci 9pnet_virtio 9p"

die() {
	echo "lsbench vm: $2" | tr -d '\r' >&2
	exit "$1"
}

[ $# -eq 4 ] || [ "${1:-}" = --list ] || die 2 "usage: vm-kernel.sh SPEC WORKDIR INIT BINARY"
spec=$1
work=${2:-}
init=${3:-}
binary=${4:-}

# The main Debian archive the system's apt sources already use.
mirror() {
	apt-get indextargets --format '$(REPO_URI) $(RELEASE)' 'Created-By: Packages' 2>/dev/null |
		awk '$2 !~ /-/ { print $1; exit }'
}

# apt_cmd TOOL ARGS...: apt-get or apt-cache on the private sources in $cache/apt.
apt_cmd() {
	local tool=$1
	shift
	"$tool" -q -o Dir::Etc::sourcelist="$cache/apt/sources.list" -o Dir::Etc::sourceparts=/dev/null \
		-o Dir::State::Lists="$cache/apt/lists" -o Dir::Cache::pkgcache= \
		-o Dir::Cache::srcpkgcache= -o APT::Sandbox::User=root -o APT::Architecture=amd64 "$@"
}

# apt_update SUITE...: the private package lists of those suites. The other suites' lists
# stay (no list cleanup): updated again, a list that has not changed is not fetched again.
apt_update() {
	local uri s
	uri=$(mirror)
	[ -n "$uri" ] || die 1 "no Debian archive in the system's apt sources"
	mkdir -p "$cache/apt/lists/partial"
	for s in "$@"; do
		echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $uri $s main"
	done >"$cache/apt/sources.list"
	apt_cmd apt-get -o APT::Get::List-Cleanup=false update >"$cache/apt/update.log" 2>&1 ||
		die 1 "apt-get update of $* failed: $(grep -m1 -E '^(E|Err):' "$cache/apt/update.log")"
}

# (apt-cache show succeeds, printing nothing, for a package that is only provided;
# grep reads it all: grep -q would end apt-cache with SIGPIPE, a failure under pipefail)
pkg_exists() {
	apt_cmd apt-cache show --no-all-versions "$1" 2>/dev/null | grep '^Package: ' >/dev/null
}

# The release (uname -r) a suite's newest kernel of a flavour has: what its
# meta-package depends on, else (experimental has none) its newest kernel.
suite_release() {
	local meta=linux-image-$1 rel
	rel=$(apt_cmd apt-cache show --no-all-versions "$meta" 2>/dev/null |
		sed -n 's/^Depends:.*linux-image-\([^ ,]*\) (=.*/\1/p' | head -n 1)
	[ -n "$rel" ] || rel=$(list_kernels | awk -v s="$2" -v f="$1" '
		$3 == s && (f == "amd64" ? $2 !~ /-(cloud|rt)-amd64$/ : $2 ~ ("-" f "$")) {
			print $2; exit }')
	echo "$rel"
}

# Every kernel of the suites in the private lists: series, release, suite;
# newest series first, newest release first (sort -V), generic flavour.
list_kernels() {
	local f suite
	for f in "$cache"/apt/lists/*_main_binary-amd64_Packages*; do
		[ -f "$f" ] || continue
		suite=${f##*_dists_}
		suite=${suite%%_main_*}
		/usr/lib/apt/apt-helper cat-file "$f" 2>/dev/null |
			sed -n 's/^Package: linux-\(image\|binary-unsigned\)-\([0-9][^ ]*-amd64\)\(-unsigned\)\{0,1\}$/\2/p' |
			sed "s/\$/ $suite/"
	done | grep -Ev -- '-(cloud|rt)-amd64 ' | sort -u |
		awk '{ split($1, v, /[.+-]/); print v[1] "." v[2], $1, $2 }' | sort -k1,1Vr -k2,2Vr -k3,3 |
		awk '!seen[$2]++'
}

# fetch RELEASE: downloads and unpacks a Debian kernel into $cache/RELEASE:
# its unsigned image, else (from 7.2) the unsigned binary and the modules,
# else the signed image, which boots as well in qemu: whole (6.16 to 6.18 in
# trixie-backports), or (6.19 to 7.1 there) in linux-binary-RELEASE beside
# linux-modules-RELEASE, which the suite's lists lack though its pool has it.
fetch() {
	local rel=$1 dl pkgs p pool=""
	if pkg_exists "linux-image-$rel-unsigned"; then
		pkgs="linux-image-$rel-unsigned"
	elif pkg_exists "linux-binary-unsigned-$rel"; then
		pkgs="linux-binary-unsigned-$rel linux-modules-$rel"
	elif pkg_exists "linux-binary-$rel" && ! pkg_exists "linux-modules-$rel"; then
		pkgs="linux-binary-$rel"
		pool=linux-modules-${rel}_$(apt_cmd apt-cache show --no-all-versions "linux-binary-$rel" |
			sed -n 's/^Version: //p' | head -n 1)_amd64.deb
	elif pkg_exists "linux-binary-$rel"; then
		pkgs="linux-binary-$rel linux-modules-$rel"
	else
		pkgs="linux-image-$rel"
	fi
	for p in $pkgs; do
		pkg_exists "$p" || die 2 "no Debian kernel package $p in $suites"
	done
	dl=$(mktemp -d "$cache/.dl.XXXXXX")
	echo "lsbench vm: downloading $pkgs${pool:+ and, from the pool, $pool}" >&2
	(cd "$dl" && apt_cmd apt-get download $pkgs >"$dl/download.log" 2>&1) ||
		{ rm -rf "$dl"; die 1 "apt-get download $pkgs failed"; }
	if [ -n "$pool" ]; then
		/usr/lib/apt/apt-helper download-file "$(mirror)pool/main/l/linux/$pool" "$dl/$pool" \
			>>"$dl/download.log" 2>&1 || { rm -rf "$dl"; die 1 "cannot download $pool from the pool"; }
	fi
	unpack_debs "$dl" "$dl"/*.deb
	[ -z "$pool" ] || check_pool_deb "$dl" "$pool" "linux-modules-$rel" ||
		{ rm -rf "$dl"; die 1 "$pool from the pool is not the package it should be"; }
	install_kernel "$dl/root" "$cache/$rel"
	rm -rf "$dl"
}

# check_pool_deb DIR DEB PACKAGE: a package fetched from the pool, which no
# signed index lists (so no hash vouches for it), is checked as far as it can
# be: its name and version are the ones asked for, and every file it unpacked
# into DIR/root matches the md5sums it carries. Says so either way.
check_pool_deb() {
	local dir=$1 deb=$2 pkg=$3 ver
	ver=${deb#"${pkg}_"}
	ver=${ver%_amd64.deb}
	[ "$(dpkg-deb -f "$dir/$deb" Package)" = "$pkg" ] &&
		[ "$(dpkg-deb -f "$dir/$deb" Version)" = "$ver" ] || return 1
	dpkg-deb -e "$dir/$deb" "$dir/control" && [ -s "$dir/control/md5sums" ] || return 1
	(cd "$dir/root" && md5sum --quiet -c "$dir/control/md5sums" >/dev/null 2>&1) || return 1
	echo "lsbench vm: $deb is in no signed index: its name, version and md5sums checked" >&2
}

# unpack_debs DIR DEB...: unpacks packages into DIR/root.
unpack_debs() {
	local dir=$1 deb
	shift
	mkdir -p "$dir/root"
	for deb in "$@"; do
		dpkg-deb -x "$deb" "$dir/root" || die 2 "cannot unpack $deb"
	done
}

# install_kernel ROOT DEST: the kernel image of an unpacked tree and the
# modules the guest loads (decompressed, in DEST/modules/order: dependencies
# first) into DEST/vmlinuz, DEST/release and DEST/modules/, atomically.
install_kernel() {
	local root=$1 dest=$2 img moddir rel tmp m
	img=$(find "$root/boot" "$root/usr/lib/modules" "$root/lib/modules" -maxdepth 2 \
		\( -name 'vmlinuz*' -o -name bzImage \) 2>/dev/null | head -n 1)
	[ -n "$img" ] || die 2 "no kernel image (boot/vmlinuz-*) in $spec"
	moddir=$(find "$root/usr/lib/modules" "$root/lib/modules" -mindepth 1 -maxdepth 1 \
		2>/dev/null | head -n 1)
	[ -n "$moddir" ] || die 2 "no modules (lib/modules/<release>) in $spec"
	rel=$(basename "$moddir")
	tmp=$(mktemp -d "$(dirname "$dest")/.new.XXXXXX")
	chmod 755 "$tmp"
	mkdir "$tmp/modules"
	cp -L "$img" "$tmp/vmlinuz"
	echo "$rel" >"$tmp/release"
	order=""
	for m in $roots; do
		add_module "$moddir/" "$tmp/modules" "$m"
	done
	echo "$order" >"$tmp/modules/order"
	rm -rf "$dest"
	mv "$tmp" "$dest"
}

# The release a bzImage reports (its header points at the version string).
bzimage_release() {
	local off
	[ "$(dd if="$1" bs=1 skip=514 count=4 2>/dev/null)" = HdrS ] || return 1
	off=$(od -An -tu2 -j 526 -N 2 "$1" | tr -d ' ')
	dd if="$1" bs=1 skip=$((off + 512)) count=256 2>/dev/null | tr '\0' '\n' | head -n 1 |
		cut -d' ' -f1
}

# kernel_dir: the folder with vmlinuz, release and modules/ for $spec.
kernel_dir() {
	local rel flavour suite
	case $spec in
	*/* | *.deb)
		[ -e "$spec" ] || die 2 "no such file: $spec"
		if [ "${spec%.deb}" != "$spec" ]; then
			local_deb
		else
			local_bzimage
		fi
		echo "$work/kernel"
		return
		;;
	esac
	suite=""
	for s in $suites; do
		case $spec in "$s" | "$s"-*) suite=$s && break ;; esac
	done
	flavour=${spec#"$suite"}
	# a package name: its release
	if [[ $spec =~ ^linux-(image|binary-unsigned|modules)-([0-9][^/]*-amd64)(-unsigned)?$ ]]; then
		spec=${BASH_REMATCH[2]}
	fi
	if [ -n "$suite" ]; then
		case $flavour in
		"" | -generic) flavour=amd64 ;;
		-cloud | -rt) flavour=${flavour#-}-amd64 ;;
		*) die 2 "unknown flavour '${flavour#-}' in '$spec': generic, cloud or rt" ;;
		esac
		mkdir -p "$cache"
		if apt_update "$suite" 2>/dev/null; then
			rel=$(suite_release "$flavour" "$suite")
			[ -n "$rel" ] || die 2 "no $flavour kernel in $suite"
			ln -sfn "$rel" "$cache/$spec"
		elif [ -L "$cache/$spec" ]; then
			rel=$(readlink "$cache/$spec")
			echo "lsbench vm: apt-get update failed: using the cached $rel for $spec" >&2
		else
			apt_update "$suite"
		fi
	elif [[ $spec =~ ^[0-9]+\.[0-9]+(\.[0-9]+)?[-+][0-9A-Za-z.+-]+$ ]]; then
		rel=$spec
		[[ $rel == *-amd64 ]] || rel=$rel-amd64
	else
		die 2 "unknown kernel '$spec': a Debian suite (${suites// /, }; -cloud or -rt), a release such as 6.1.0-50-amd64, a package name, a .deb or a bzImage path"
	fi
	if [ ! -f "$cache/$rel/release" ]; then
		mkdir -p "$cache"
		all_suites_listed || apt_update $suites
		fetch "$rel"
	fi
	echo "$cache/$rel"
}

# Whether the private sources list names every suite (a single suite's may be there).
all_suites_listed() {
	local s
	[ -f "$cache/apt/sources.list" ] || return 1
	for s in $suites; do
		grep -q " $s main\$" "$cache/apt/sources.list" || return 1
	done
}

# A Debian kernel package file; forky and later split the image and the
# modules into two packages: take the other from the same folder.
local_deb() {
	local dir base ver debs
	dir=$(dirname "$spec")
	base=$(basename "$spec")
	debs=$spec
	case $base in
	linux-binary-unsigned-*)
		ver=${base#linux-binary-unsigned-}
		ver=${ver%%_*}
		debs="$spec $(ls "$dir"/linux-modules-"$ver"_*.deb 2>/dev/null | head -n 1)"
		;;
	linux-modules-*)
		ver=${base#linux-modules-}
		ver=${ver%%_*}
		debs="$spec $(ls "$dir"/linux-binary-unsigned-"$ver"_*.deb 2>/dev/null | head -n 1)"
		;;
	esac
	unpack_debs "$work/deb" $debs
	install_kernel "$work/deb/root" "$work/kernel"
	rm -rf "$work/deb"
}

local_bzimage() {
	local rel moddir
	rel=$(bzimage_release "$spec") || die 2 "not a bzImage: $spec"
	moddir=$(dirname "$spec")/lib/modules/$rel
	[ -d "$moddir" ] || moddir=/lib/modules/$rel
	mkdir -p "$work/bz/boot" "$work/bz/lib/modules"
	ln -s "$(realpath "$spec")" "$work/bz/boot/vmlinuz"
	if [ -d "$moddir" ]; then
		ln -s "$(realpath "$moddir")" "$work/bz/lib/modules/$rel"
	else
		mkdir "$work/bz/lib/modules/$rel"
	fi
	install_kernel "$work/bz" "$work/kernel"
	rm -rf "$work/bz"
}

# add_module MODDIR DEST NAME: appends NAME and what it depends on,
# dependencies first, to $order and their files to DEST; a module the kernel
# has built in needs nothing.
add_module() {
	local src=$1 dest=$2 name=$3 file deps d
	[[ " $order " == *" $name "* ]] && return 0
	file=$(find -L "$src" -name "$name.ko*" -o -name "${name//_/-}.ko*" | head -n 1)
	if [ -z "$file" ]; then
		# Without modules.builtin (forky and later do not ship it), built in is
		# all that is left; the guest's init says so if the mount fails.
		[ -f "$src/modules.builtin" ] || return 0
		grep -qE "/(${name}|${name//_/-})\.ko\$" "$src/modules.builtin" 2>/dev/null ||
			die 2 "kernel $(basename "$src") has no $name (built in or module): it cannot mount the host's root over 9p"
		return 0
	fi
	deps=$(decompress "$file" | tr '\0' '\n' | sed -n 's/^depends=//p' | head -n 1)
	for d in ${deps//,/ }; do
		add_module "$src" "$dest" "$d"
	done
	order="$order $name"
	decompress "$file" >"$dest/$name.ko"
}

decompress() {
	case $1 in
	*.xz) xz -dc "$1" ;;
	*.zst) zstd -dcq "$1" ;;
	*.gz) gzip -dc "$1" ;;
	*) cat "$1" ;;
	esac
}

# One preparation at a time shares the cache.
mkdir -p "$cache"
exec 9>"$cache/.lock"
flock 9
if [ "$1" = --list ]; then
	apt_update $suites
	printf '%-7s %-26s %s\n' series release suite
	list_kernels | awk '{ printf "%-7s %-26s %s\n", $1, $2, $3 }'
	exit 0
fi
kdir=$(kernel_dir)
flock -u 9
rel=$(cat "$kdir/release")
mkdir -p "$work/initrd/bin" "$work/initrd/lib" "$work/initrd/newroot" "$work/initrd/proc" \
	"$work/initrd/sys" "$work/initrd/dev" "$work/initrd/xchg"
cp -r "$kdir/modules" "$work/initrd/lib/modules"
busybox=$(command -v busybox) || die 1 "busybox is not installed (apt-get install busybox-static)"
cp "$busybox" "$work/initrd/bin/busybox"
cp "$init" "$work/initrd/init"
chmod 755 "$work/initrd/init"
[ -z "$binary" ] || cp "$binary" "$work/initrd/lsbench" ||
	die 1 "cannot copy $binary into the guest's initramfs"
(cd "$work/initrd" && find . | cpio -o -H newc --quiet) >"$work/initrd.cpio"
rm -rf "$work/initrd"
cp "$kdir/vmlinuz" "$work/vmlinuz"
echo "$rel"
