#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# lsbench in LAVA labs: jobs that boot a kernel and run lsbench there, a cell
# per LAVA test case, and the way back from a job's log to a result set.
#
#   lava/lava.sh job [options]     writes a job, and the files it deploys
#   lava/lava.sh run DIR           runs DIR/job.yaml here: lava-run, a qemu
#                                  device under TCG, then import
#   lava/lava.sh import LOG ROOT   the result set of a job's log into the
#                                  results root ROOT, checked against its cases
#
# Exit status: 0 done; 1 a job that did not complete or whose cases and result
# set disagree; 2 bad input or a missing tool.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
cache=${LSBENCH_LAVA_CACHE:-/var/cache/lsbench/lava}
# Debian's python3, with the packages lava-dispatcher brings (yaml, jinja2)
py=/usr/bin/python3

usage() {
	cat <<EOF
usage: lava/lava.sh job --out DIR [options]
  --kernel SPEC       the kernel, as lsbench vm --kernel takes it: a Debian suite,
                      release, package file or bzImage (default bookworm)
  --scenarios LIST    scenario globs, comma-separated (default task-get,task-empty)
  --args "ARGS"       more arguments of lsbench run (default "-m loop --cpus 1 --quick")
  --base-url URL      where the lab fetches DIR's files from (default file://DIR,
                      for lava-run on this machine)
  --kernel-url URL, --ramdisk-url URL, --lsbench-url URL
                      one file's URL, where it is not BASE/vmlinuz,
                      BASE/ramdisk.cpio.gz or BASE/lsbench.tar.gz
  --device-type TYPE  qemu (default), or a lab's device type booted over TFTP
  --boot-method M     for a device other than qemu: ipxe (default), grub or u-boot
  --tcg               qemu under TCG, one host thread for every vCPU (a device
                      without KVM, as lava/lava.sh run's)
  --timeout MIN       minutes the test may take (default 30)
  --lsbench PATH      the static lsbench (default .output/lsbench-static)
  Writes DIR/vmlinuz, DIR/ramdisk.cpio.gz, DIR/lsbench.tar.gz and DIR/job.yaml.
usage: lava/lava.sh run DIR
  Runs DIR/job.yaml with lava-run on a qemu device of this machine (installs
  lava-dispatcher when missing), writes DIR/lava.log and DIR/output/, then
  imports the result set into DIR/results.
usage: lava/lava.sh import LOG ROOT
  LOG: lava-run's standard output, or a job's log from a LAVA server
  (lavacli jobs logs --raw ID). The result set goes to ROOT/<kernel>/<run>/.
EOF
}

die() {
	echo "lava: $2" >&2
	exit "$1"
}

# yaml_str S: S as a double-quoted YAML string.
yaml_str() {
	local s=${1//\\/\\\\}
	printf '"%s"' "${s//\"/\\\"}"
}

# The test definition, inline: lava/lsbench.yaml without its comments, its
# parameters set to the job's (an inline definition takes none of its own), indented.
inline_definition() {
	local s a
	s=$(yaml_str "$scenarios")
	a=$(yaml_str "$args")
	grep -v '^#' "$here/lsbench.yaml" |
		awk -v s="$s" -v a="$a" '/^params:/ { p = 1 } /^[a-z]/ && !/^params:/ { p = 0 }
			p && /^  SCENARIOS:/ { print "  SCENARIOS: " s; next }
			p && /^  ARGS:/ { print "  ARGS: " a; next } { print }' | sed 's/^/        /'
}

# ramdisk INDENT: the ramdisk's URL and its two overlays, LAVA's and lsbench's.
ramdisk() {
	sed "s/^/$1/" <<EOF
url: $(yaml_str "${ramdisk_url:-$base/ramdisk.cpio.gz}")
compression: gz
format: cpio.newc
overlays:
  lava: true
  lsbench:
    url: $(yaml_str "${lsbench_url:-$base/lsbench.tar.gz}")
    compression: gz
    format: tar
    path: /opt/lsbench
EOF
}

job_deploy_qemu() {
	cat <<EOF
- deploy:
    to: tmpfs
    timeout: {minutes: 10}
    images:
      kernel:
        image_arg: -kernel {kernel} -append "console=ttyS0,115200 rdinit=/init lsm=lockdown,capability,bpf"
        url: $(yaml_str "${kernel_url:-$base/vmlinuz}")
      ramdisk:
        image_arg: -initrd {ramdisk}
$(ramdisk "        ")
- boot:
    method: qemu
    media: tmpfs
    timeout: {minutes: 10}
    prompts: ['lsbench-lava# ']
EOF
}

job_deploy_tftp() {
	cat <<EOF
- deploy:
    to: tftp
    timeout: {minutes: 10}
    kernel:
      url: $(yaml_str "${kernel_url:-$base/vmlinuz}")
      type: zimage
    ramdisk:
$(ramdisk "      ")
- boot:
    method: $boot_method
    commands: ramdisk
    timeout: {minutes: 10}
    prompts: ['lsbench-lava# ']
EOF
}

write_job() {
	local ctx
	cat <<EOF
# lsbench on $release: written by lava/lava.sh job (lsbench $rev)
device_type: $device_type
job_name: $(yaml_str "lsbench $release $scenarios")
timeouts:
  job: {minutes: $((timeout + 30))}
  action: {minutes: 10}
  connection: {minutes: 2}
priority: medium
visibility: public
EOF
	if [ "$device_type" = qemu ]; then
		ctx="-smp 2"
		[ -n "$tcg" ] && ctx="$ctx', '-accel tcg,thread=single"
		printf "context:\n  arch: amd64\n  memory: 2048\n  extra_options: ['%s']\n" "$ctx"
	fi
	echo "actions:"
	if [ "$device_type" = qemu ]; then job_deploy_qemu; else job_deploy_tftp; fi
	cat <<EOF
- test:
    timeout: {minutes: $timeout}
    definitions:
    - from: inline
      name: lsbench
      path: inline/lsbench.yaml
      repository:
$(inline_definition)
EOF
}

cmd_job() {
	local kernel=bookworm out="" lsbench=$top/.output/lsbench-static
	scenarios=task-get,task-empty
	args="-m loop --cpus 1 --quick"
	base=""
	kernel_url="" ramdisk_url="" lsbench_url=""
	device_type=qemu
	boot_method=ipxe
	tcg=""
	timeout=30
	while [ $# -gt 0 ]; do
		case $1 in
		--kernel) kernel=${2:-} ;;
		--scenarios) scenarios=${2:-} ;;
		--args) args=${2:-} ;;
		--base-url) base=${2%/} ;;
		--kernel-url) kernel_url=${2:-} ;;
		--ramdisk-url) ramdisk_url=${2:-} ;;
		--lsbench-url) lsbench_url=${2:-} ;;
		--device-type) device_type=${2:-} ;;
		--boot-method) boot_method=${2:-} ;;
		--timeout) timeout=${2:-} ;;
		--lsbench) lsbench=${2:-} ;;
		--out) out=${2:-} ;;
		--tcg) tcg=1 && shift && continue ;;
		-h | --help) usage && exit 0 ;;
		*) die 2 "job: unknown option '$1' (lava/lava.sh --help)" ;;
		esac
		[ $# -ge 2 ] || die 2 "job: $1 needs a value"
		shift 2
	done
	[ -n "$out" ] || die 2 "job: needs --out DIR"
	[[ $timeout =~ ^[1-9][0-9]{0,3}$ ]] || die 2 "job: --timeout is minutes, 1 to 9999: '$timeout'"
	[[ $device_type =~ ^[a-z0-9][a-z0-9_.-]*$ ]] || die 2 "job: bad device type '$device_type'"
	[[ $boot_method =~ ^(ipxe|grub|u-boot)$ ]] || die 2 "job: --boot-method is ipxe, grub or u-boot"
	[[ $scenarios =~ ^[][A-Za-z0-9_*?,-]+$ ]] || die 2 "job: bad scenario list '$scenarios'"
	[[ $args != *[\"\'\\$\`]* ]] || die 2 "job: --args may not hold quotes, \\, \$ or \`"
	for u in "$base" "$kernel_url" "$ramdisk_url" "$lsbench_url"; do
		[[ -z $u || $u =~ ^(https?|file|ftp)://[^[:space:]\"\\]+$ ]] || die 2 "job: not a URL: '$u'"
	done
	[ -x "$lsbench" ] || die 2 "job: no static lsbench at $lsbench (make .output/lsbench-static)"
	rev=$("$lsbench" version | sed -n 's/.*(revision \(.*\))$/\1/p')
	mkdir -p "$out" || die 2 "job: cannot make $out"
	out=$(cd "$out" && pwd)
	[ -n "$base" ] || base=file://$out
	work=$(mktemp -d "$out/.job.XXXXXX") || die 1 "job: cannot write in $out" # global: the trap's
	trap 'rm -rf "$work"' EXIT
	release=$("$top/vm/vm-kernel.sh" "$kernel" "$work" "$here/init.sh" "" | tail -n 1) ||
		die 1 "job: no kernel for '$kernel'"
	gzip -9n <"$work/initrd.cpio" >"$work/ramdisk.cpio.gz" || die 1 "job: gzip failed"
	mkdir "$work/lsbench"
	cp "$lsbench" "$work/lsbench/lsbench" && cp "$here/cells.sh" "$work/lsbench/" &&
		tar -C "$work/lsbench" -czf "$work/lsbench.tar.gz" . || die 1 "job: cannot pack lsbench"
	write_job >"$work/job.yaml" || die 1 "job: cannot write the job"
	for f in vmlinuz ramdisk.cpio.gz lsbench.tar.gz job.yaml; do
		mv -f "$work/$f" "$out/$f" || die 1 "job: cannot write $out/$f"
	done
	echo "lava: a job for $release, device type $device_type: $out/job.yaml"
}

# The device types' templates ship in lava-server, whose files are taken
# without installing it.
templates() {
	local t=$cache/templates
	if [ ! -f "$t/usr/share/lava-server/device-types/qemu.jinja2" ]; then
		mkdir -p "$cache" && rm -rf "$t.new" && mkdir "$t.new" || return 1
		(cd "$t.new" && apt-get download -q lava-server >download.log 2>&1 &&
			dpkg-deb -x lava-server_*.deb .) || return 1
		rm -rf "$t" && mv "$t.new" "$t"
	fi
	echo "$t/usr/share/lava-server/device-types"
}

# need_dispatcher: lava-run, installed when missing (as make test installs its tools).
need_dispatcher() {
	command -v lava-run >/dev/null && return 0
	[ "$(id -u)" -eq 0 ] || die 2 "run: lava-run is missing: apt-get install --no-install-recommends lava-dispatcher"
	echo "lava: installing lava-dispatcher" >&2
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
		lava-dispatcher python3-jinja2 >"$cache/install.log" 2>&1 ||
		die 2 "run: apt-get install lava-dispatcher failed (see $cache/install.log)"
}

cmd_run() {
	local dir=${1:-} tdir
	[ $# -eq 1 ] || die 2 "run: needs one folder, with job.yaml (lava/lava.sh --help)"
	[ -f "$dir/job.yaml" ] || die 2 "run: no job.yaml in '$dir'"
	dir=$(cd "$dir" && pwd)
	mkdir -p "$cache" || die 2 "run: cannot make $cache"
	need_dispatcher
	tdir=$(templates) || die 2 "run: cannot fetch lava-server's device-type templates"
	"$py" "$here/device.py" "$tdir" "$dir/job.yaml" >"$dir/device.yaml" ||
		die 2 "run: cannot render the qemu device"
	rm -rf "$dir/output" "$dir/results"
	echo "lava: lava-run $dir/job.yaml (log: $dir/lava.log)" >&2
	lava-run --device "$dir/device.yaml" --job-id $$ --output-dir "$dir/output" \
		"$dir/job.yaml" >"$dir/lava.log" 2>&1
	echo "lava: lava-run exited with status $?" >&2
	cmd_import "$dir/lava.log" "$dir/results"
}

cmd_import() {
	[ $# -eq 2 ] || die 2 "import: needs LOG and ROOT (lava/lava.sh --help)"
	[ -f "$1" ] || die 2 "import: no such log: $1"
	"$py" "$here/logread.py" "$1" "$2" "${LSBENCH:-$top/.output/lsbench}"
}

case ${1:-} in
job | run | import)
	cmd=$1
	shift
	"cmd_$cmd" "$@"
	;;
-h | --help) usage ;;
*) die 2 "unknown command '${1:-}': job, run or import (lava/lava.sh --help)" ;;
esac
