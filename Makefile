# SPDX-License-Identifier: GPL-2.0
# lsbench: build, test and run. `make V=1` shows the full commands.

OUTPUT := .output
CLANG ?= clang
BPFTOOL ?= $(shell command -v bpftool 2>/dev/null || echo /usr/sbin/bpftool)
# make's own default (cc) gives way to gcc; CC=clang on the command line still wins.
ifeq ($(origin CC),default)
CC := gcc
endif
VMLINUX_BTF ?= /sys/kernel/btf/vmlinux
ARCH := $(shell uname -m | sed -e 's/x86_64/x86/' -e 's/aarch64/arm64/' -e 's/ppc64le/powerpc/')
REV := $(shell git describe --always --dirty 2>/dev/null || echo unknown)
# lsbench's version (lsbench --version prints it with REV, the commit it was built from)
VERSION := 0.1

# Debian packages the suite needs to build, run and test.
DEPS := clang llvm make gcc pkg-config libbpf-dev libelf-dev zlib1g-dev bpftool linux-perf \
	libcmocka-dev libclang-rt-14-dev \
	gnuplot-nox chromium
# and what `lsbench vm` needs to boot other kernels
DEPS += qemu-system-x86 busybox-static cpio xz-utils zstd

# and what make test needs besides: LAVA's dispatcher (tests/lava.sh runs a job) and a
# JSON schema validator (the KCIDB export), without their recommends
TEST_DEPS := lava-dispatcher python3-jinja2 python3-jsonschema python3-yaml

CFLAGS ?= -g -O2
WARN := -Wall -Wextra -Werror -Wvla
# Expanded when used, not when read: `make deps all` installs pkg-config before the
# first compile asks it.
LIBBPF_CFLAGS = $(shell pkg-config --cflags libbpf 2>/dev/null)
# Each layer sees its own headers and those of the layers it uses (LAYER_INC, below).
CPPFLAGS = $(LAYER_INC) -D_GNU_SOURCE $(LIBBPF_CFLAGS)
BPF_CFLAGS = -g -O2 -target bpf -D__TARGET_ARCH_$(ARCH) $(WARN) -Wno-unused-parameter \
	-Wno-missing-declarations $(LIBBPF_CFLAGS)
LDLIBS = $(shell pkg-config --libs libbpf 2>/dev/null) -lz -lpthread -lm
SAN := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
FUZZ_CFLAGS := -g -O1 -fsanitize=fuzzer-no-link,address,undefined

# What building needs, checked first (make preflight): COMMAND:DEBIAN-PACKAGE,
# and the libraries as PKG-CONFIG-MODULE:DEBIAN-PACKAGE.
BUILD_TOOLS := \
	$(CLANG):clang \
	$(BPFTOOL):bpftool \
	$(CC):gcc \
	$(AR):binutils \
	pkg-config:pkg-config
BUILD_LIBS := \
	libbpf:libbpf-dev \
	libelf:libelf-dev \
	zlib:zlib1g-dev

# One BPF object per map type, the iterator that reads maps' cache slots and the speed probe.
BPF_OBJS := \
	task \
	cgrp \
	sk \
	inode \
	cgstore \
	skclone \
	slots \
	speed

# The layers of lsbench, one folder and one static archive each
# (.output/lib<layer>.a), one source per line; cmd/main.c, the subcommands,
# links them all. A layer calls only the layers in its _USES and sees only
# their headers (_INC); tests/layers.sh checks the archives' symbols against
# _USES. LAYERS is the link order: every layer before those it uses.
LAYERS := \
	vm \
	analysis \
	runner \
	workloads \
	lib
# lib/: what the other layers share: options (cli.h), CSV, statistics (stats.h: summaries, t,
# tests, verdicts), histograms, paths.
lib_SRCS := \
	lib/cli.c \
	lib/csv.c \
	lib/stats.c \
	lib/tdist.c \
	lib/ttest.c \
	lib/runs.c \
	lib/verdict.c \
	lib/hist.c \
	lib/paths.c
lib_USES :=
lib_INC := -Ilib
# workloads/: owner generators: sockets and fd limits, files, cgroups, parked threads.
workloads_SRCS := \
	workloads/cgroup.c \
	workloads/fds.c \
	workloads/files.c \
	workloads/stop.c \
	workloads/threads.c
workloads_USES := lib
workloads_INC := -Iworkloads $(lib_INC)
# bench/: lsbench run: scenarios, cells, BPF objects, results.
runner_SRCS := \
	bench/opts.c \
	bench/runner.c \
	bench/schedule.c \
	bench/plan.c \
	bench/cellrun.c \
	bench/trigtime.c \
	bench/crew.c \
	bench/window.c \
	bench/disturb.c \
	bench/speed.c \
	bench/crng.c \
	bench/row.c \
	bench/rounds.c \
	bench/scenarios.c \
	bench/setup.c \
	bench/cellmaps.c \
	bench/bighash.c \
	bench/cgstore.c \
	bench/mapcensus.c \
	bench/slots.c \
	bench/triggers.c \
	bench/types.c \
	bench/bpfutil.c \
	bench/results.c \
	bench/columns.c \
	bench/sysinfo.c \
	bench/cell.c \
	bench/identity.c \
	bench/perf.c \
	bench/probe.c \
	bench/profile.c \
	bench/clean.c \
	bench/watchdog.c
runner_USES := workloads lib
runner_INC := -Ibench -Ibpf -I$(OUTPUT) $(workloads_INC)
# vm/: lsbench vm: other kernels in qemu. It parses run's options and selects
# its scenarios (bench/opts.c, bench/scenarios.c) to pass them to the guest.
vm_SRCS := \
	vm/vmopts.c \
	vm/vm.c \
	vm/qemu.c \
	vm/kernels.c \
	vm/guest.c
vm_USES := runner workloads lib
vm_INC := -Ivm $(runner_INC)
# analysis/: lsbench compare, report, timeline, exports, crosscheck-summary: results read back.
analysis_SRCS := \
	analysis/csvread.c \
	analysis/cmpstats.c \
	analysis/rset.c \
	analysis/rsetkey.c \
	analysis/rsetmerge.c \
	analysis/compare.c \
	analysis/cmpguard.c \
	analysis/cmpruns.c \
	analysis/cmpout.c \
	analysis/cmpprint.c \
	analysis/cmptable.c \
	analysis/sides.c \
	analysis/cmpmain.c \
	analysis/export.c \
	analysis/xsum.c \
	analysis/xsumout.c \
	analysis/gnuplot.c \
	analysis/report.c \
	analysis/rcompare.c \
	analysis/rplot.c \
	analysis/rseries.c \
	analysis/timeline.c
analysis_USES := lib
analysis_INC := -Ianalysis -I$(OUTPUT) $(lib_INC)
# cmd/: main and the subcommand table, above every layer.
MAIN_SRC := cmd/main.c
cmd_INC := -Icmd $(vm_INC) -Ianalysis

# Unit tests and fuzzers, each TEST:LAYER: it links the archives of the layer
# it tests and of what that layer uses, built with sanitizers (fuzzers: and
# libFuzzer's coverage).
UNIT_TESTS := \
	test_cli:lib \
	test_stats:lib \
	test_tdist:lib \
	test_csv:lib \
	test_hist:lib \
	test_opts:runner \
	test_cell:runner \
	test_results:runner \
	test_profile:runner \
	test_rounds:runner \
	test_plan:runner \
	test_mapseq:lib \
	test_workloads:workloads \
	test_slots:runner \
	test_disturb:runner \
	test_probe:runner \
	test_speed:runner \
	test_trigtime:runner \
	test_csvread:analysis \
	test_cmpstats:analysis \
	test_compare:analysis \
	test_cmpguard:analysis \
	test_cmpout:analysis \
	test_export:analysis \
	test_anaopts:analysis \
	test_xsum:analysis \
	test_vmopts:vm \
	test_vmwait:vm
FUZZERS := \
	fuzz_opts:runner \
	fuzz_csv:analysis
FUZZ_SECONDS ?= 6

# libs DIR, LAYER...: the archives in DIR of those layers and what they use, in link order.
libs = $(foreach l,$(LAYERS),$(if $(filter $(l),$(2) $(foreach x,$(2),$($(x)_USES))),$(1)/lib$(l).a))
names = $(foreach t,$(1),$(firstword $(subst :, ,$(t))))
empty :=
comma := ,
# LAYER=USED,USED per layer, for tests/layers.sh.
LAYER_SPEC = $(foreach l,$(LAYERS),$(l)=$(subst $(empty) $(empty),$(comma),$(strip $($(l)_USES))))
LAYER_SRCS := $(foreach l,$(LAYERS),$($(l)_SRCS)) $(MAIN_SRC)
UNLISTED := $(filter-out $(LAYER_SRCS),$(wildcard lib/*.c bench/*.c vm/*.c analysis/*.c \
	workloads/*.c cmd/*.c))
GONE := $(filter-out $(wildcard $(LAYER_SRCS)),$(LAYER_SRCS))
# The builds of the layers: plain, with sanitizers, and for the fuzzers.
BUILDS := $(OUTPUT) $(OUTPUT)/san $(OUTPUT)/fuzz-build

FORMATTED = $(wildcard lib/*.[ch] bench/*.[ch] vm/*.[ch] analysis/*.[ch] bpf/*.[ch] workloads/*.[ch] \
	cmd/*.[ch] tests/unit/*.c)
SKELS := $(patsubst %,$(OUTPUT)/%.skel.h,$(BPF_OBJS))

ifeq ($(V),1)
Q :=
msg :=
else
Q := @
msg = @printf '  %-8s %s\n' "$(1)" "$(2)";
endif

# bpf: the BPF objects and skeletons alone (tests/btf-builds.sh makes them against other BTFs).
.PHONY: all bpf preflight deps bench bench-vm test unit integration format format-check clean FORCE
.DELETE_ON_ERROR:
.SECONDARY:

all: $(OUTPUT)/lsbench

bpf: $(SKELS)

# Before anything is built: every tool and library there, every source in a layer.
preflight:
	$(if $(UNLISTED),$(error $(firstword $(UNLISTED)) is in no layer: add it to a _SRCS list in the Makefile))
	$(if $(GONE),$(error $(firstword $(GONE)) is listed in a layer of the Makefile but does not exist))
	$(Q)missing=0; \
	for t in $(BUILD_TOOLS); do \
		command -v $${t%:*} >/dev/null || { missing=1; \
			echo "$${t%:*} not found: apt-get install $${t##*:} (or make deps)"; }; \
	done; \
	command -v pkg-config >/dev/null && for l in $(BUILD_LIBS); do \
		pkg-config --exists $${l%%:*} || { missing=1; \
			echo "$${l%%:*} not found by pkg-config: apt-get install $${l#*:} (or make deps)"; }; \
	done; \
	exit $$missing

# install PACKAGES, APT-OPTIONS: the Debian packages not installed yet, with apt-get.
define install
	$(Q)missing=""; for p in $(1); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || \
			missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(2) $$missing; \
	fi
endef

deps:
	$(call install,$(DEPS))

# Exit status 1 means the run completed with failed cells, each with its reason in the
# results: a finished benchmark, not a failed make.
# Then what the instrumentation costs: loop-mode cells measured instrumented and bare
# (--overhead), a run of its own beside the matrix's.
BENCH_OUT ?= results
# No extra round for an imprecise cell that would end after 18 minutes: with the overhead
# run's minute, make bench stays within 20.
BENCH_BUDGET_S ?= 1080
# Rounds at most a cell: more than lsbench run's 20, as a round of most cells costs a tenth of a
# second and a cell whose rounds spread 5 to 7% needs 25 to 50 to be within 2%; the budget goes
# to the cells nearest to it first (not with --quick or --rounds in BENCH_ARGS, whose rounds are
# their own).
BENCH_MAX_ROUNDS ?= 50
OVERHEAD_ARGS := -s task-empty -s task-get -s task-hash-get -s cgrp-empty -s cgrp-get -s sk-empty \
	-s sk-get --objects 100 -m loop --cpus 1 --overhead
bench: deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)$(OUTPUT)/lsbench run -o $(BENCH_OUT) --time-budget $(BENCH_BUDGET_S) \
		$(if $(findstring --quick,$(BENCH_ARGS))$(findstring rounds,$(BENCH_ARGS)),,--max-rounds \
		$(BENCH_MAX_ROUNDS)) $(BENCH_ARGS) || \
		[ $$? -eq 1 ]
	$(Q)$(OUTPUT)/lsbench run -o $(BENCH_OUT) $(OVERHEAD_ARGS) || [ $$? -eq 1 ]

# The same on another kernel booted in qemu: make bench-vm KERNEL=trixie (or KERNELS=a,b,c).
bench-vm: preflight
	$(Q)$(MAKE) --no-print-directory all
	$(Q)$(OUTPUT)/lsbench vm $(if $(KERNELS),--kernels $(KERNELS),--kernel $(or $(KERNEL),bookworm)) \
		$(BENCH_ARGS) || [ $$? -eq 1 ]

# The kernel's history in instructions: the newest kernel of every Debian
# series since 6.1, alternated under icount, the loop-mode matrix at one
# thread. Resumable: a cut-off run, or one asked for more rounds
# (TIMELINE_ROUNDS), measures only the rounds missing (lsbench vm --timeline).
TIMELINE_OUT ?= results/timeline-icount
TIMELINE_ROUNDS ?= 3
TIMELINE_SCENARIOS := task-empty task-get task-miss task-create-delete task-hash-get task-get-maps \
	task-get-values cgrp-empty cgrp-get cgrp-miss cgrp-create-delete cgrp-hash-get cgrp-get-maps \
	cgrp-get-values sk-empty sk-get sk-miss sk-create-delete sk-hash-get sk-get-maps sk-get-values \
	inode-empty inode-get inode-miss inode-create-delete inode-hash-get cgstore-empty \
	percpu-cgroup-get cgroup-storage-get
.PHONY: timeline-icount
timeline-icount: deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)$(OUTPUT)/lsbench vm --timeline 6.1 --accel icount --timeout 3600 \
		$(addprefix -s ,$(TIMELINE_SCENARIOS)) -m loop --cpus 1 --objects 1 --maps 1,16,17 \
		--value-size 8,4096 --rounds $(TIMELINE_ROUNDS) -o $(TIMELINE_OUT) || [ $$? -eq 1 ]

# The same in hook mode, where a user compares the whole path of one operation
# (the syscall, the hook's runner, the helper): the gets and their controls.
TIMELINE_HOOK_OUT ?= results/timeline-icount-hook
TIMELINE_HOOK_SCENARIOS := task-get cgrp-get sk-get percpu-cgroup-get
.PHONY: timeline-icount-hook
timeline-icount-hook: deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)$(OUTPUT)/lsbench vm --timeline 6.1 --accel icount --timeout 3600 \
		$(addprefix -s ,$(TIMELINE_HOOK_SCENARIOS)) -m hook --cpus 1 --objects 1 \
		--rounds $(TIMELINE_ROUNDS) -o $(TIMELINE_HOOK_OUT) || [ $$? -eq 1 ]

# Power trials (power/power.sh --help): the focused recipe as it is and slowed
# by 1, 2, 3, 5 and 10%, trial after trial, resumable; power.csv and aa.csv,
# and their curve, power.svg (power/curve.sh).
# make power POWER_ARGS='--trials 10' (or --recipe matrix)
POWER_OUT ?= results/power/focused
.PHONY: power
power: deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)power/power.sh --lsbench $(OUTPUT)/lsbench --out $(POWER_OUT) $(POWER_ARGS)
	$(Q)for n in 5 10; do power/power.sh --summarize --runs $$n --lsbench $(OUTPUT)/lsbench \
		--out $(POWER_OUT) $(POWER_ARGS) || exit; done
	$(Q)power/curve.sh $(POWER_OUT)

test-deps:
	$(call install,$(TEST_DEPS),--no-install-recommends)

test: deps test-deps
	$(Q)$(MAKE) --no-print-directory $(OUTPUT)/lsbench $(OUTPUT)/san/lsbench $(OUTPUT)/lsbench-static \
		$(patsubst %,$(OUTPUT)/tests/%,$(call names,$(UNIT_TESTS))) \
		$(patsubst %,$(OUTPUT)/fuzz/%,$(call names,$(FUZZERS)))
	$(Q)FUZZ_SECONDS=$(FUZZ_SECONDS) LAYER_SPEC="$(LAYER_SPEC)" tests/run.sh $(OUTPUT) \
		$(call names,$(UNIT_TESTS))

# The kernel's own local-storage bench beside lsbench, cell by cell, round by round
# (crosscheck/crosscheck.sh --help): make crosscheck CROSSCHECK_ARGS=--quick
# In a guest of lsbench vm: make crosscheck-vm KERNEL=bookworm CROSSCHECK_ARGS=--quick
.PHONY: crosscheck crosscheck-vm
crosscheck: preflight
	$(Q)$(MAKE) --no-print-directory all
	$(Q)crosscheck/crosscheck.sh --lsbench $(OUTPUT)/lsbench $(CROSSCHECK_ARGS)
crosscheck-vm: preflight
	$(Q)$(MAKE) --no-print-directory all
	$(Q)crosscheck/crosscheck.sh --lsbench $(OUTPUT)/lsbench --vm $(or $(KERNEL),bookworm) \
		$(CROSSCHECK_ARGS)

# A LAVA job for a kernel and a set (lava/lava.sh --help), in LAVA_OUT (default
# lava-jobs/KERNEL): make lava-job KERNEL=trixie LAVA_ARGS="--base-url https://..."
# and run here with lava-run: make lava-run KERNEL=trixie
LAVA_KERNEL = $(or $(KERNEL),bookworm)
LAVA_OUT ?= lava-jobs/$(LAVA_KERNEL)
.PHONY: lava-job lava-run test-deps
lava-job: preflight
	$(Q)$(MAKE) --no-print-directory all $(OUTPUT)/lsbench-static
	$(Q)lava/lava.sh job --kernel $(LAVA_KERNEL) --out $(LAVA_OUT) --lsbench $(OUTPUT)/lsbench-static \
		$(LAVA_ARGS)
lava-run: LAVA_ARGS += --tcg
lava-run: lava-job
	$(Q)LSBENCH=$(OUTPUT)/lsbench lava/lava.sh run $(LAVA_OUT)

# report.html and plots of result sets (lsbench report --help); by default the newest run folder.
REPORT_ARGS ?= $(shell ls -td results/*/*/ 2>/dev/null | head -n 1)
.PHONY: report
report: preflight
	$(Q)$(MAKE) --no-print-directory all
	$(Q)$(OUTPUT)/lsbench report $(REPORT_ARGS)

# Man pages of the command pages docs/lsbench-*.md (docs/md2man.awk): make man, then
# make install-man (PREFIX, DESTDIR) for `man lsbench-compare`.
PREFIX ?= /usr/local
MANDIR ?= $(PREFIX)/share/man
MAN_PAGES := $(patsubst docs/%.md,$(OUTPUT)/man/%.1,$(wildcard docs/lsbench-*.md))
.PHONY: man install-man
man: $(MAN_PAGES)

$(OUTPUT)/man/%.1: docs/%.md docs/md2man.awk
	$(call msg,MAN,$@)
	$(Q)mkdir -p $(@D)
	$(Q)awk -v rev=$(REV) -f docs/md2man.awk $< > $@

install-man: man
	$(Q)install -d $(DESTDIR)$(MANDIR)/man1
	$(Q)install -m 644 $(MAN_PAGES) $(DESTDIR)$(MANDIR)/man1/

$(OUTPUT):
	$(Q)mkdir -p $@

# The revision the binary reports, rewritten only when it changes, so that
# what depends on it rebuilds then and only then.
$(OUTPUT)/rev.h: FORCE | $(OUTPUT)
	$(Q)echo '#define LSBENCH_REV "$(REV)"' > $@.tmp
	$(Q)echo '#define LSBENCH_VERSION "$(VERSION)"' >> $@.tmp
	$(Q)echo '#define LSBENCH_SRCDIR "$(CURDIR)"' >> $@.tmp
	$(Q)cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@

# What the BPF programs are made of, hashed: their sources without their
# comments (gcc -fpreprocessed strips them, expanding nothing), the compiler
# and its flags. A run records it (meta.txt bpf_sources:), and runs are
# pooled only when it is the same (bench/identity.c). The speed probe's
# program is timed between repetitions, never within one: not counted.
BPF_SOURCES = $(sort $(filter-out bpf/speed.bpf.c,$(wildcard bpf/*.c bpf/*.h)))
$(OUTPUT)/bpfsrc.h: $(BPF_SOURCES) FORCE | $(OUTPUT)
	$(Q){ for f in $(BPF_SOURCES); do echo "$$f"; gcc -w -fpreprocessed -dD -E -P "$$f"; done; \
		echo '$(BPF_CFLAGS)'; $(CLANG) --version | head -n 1; } | \
		sha256sum | cut -c1-16 | sed 's/.*/#define LSBENCH_BPF_SOURCES "&"/' > $@.tmp
	$(Q)cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@

$(OUTPUT)/vmlinux.h: $(VMLINUX_BTF) | $(OUTPUT) preflight
	$(call msg,GEN,$@)
	$(Q)$(BPFTOOL) btf dump file $(VMLINUX_BTF) format c > $@

# -fdebug-prefix-map: the objects are the same whichever folder they are built in.
$(OUTPUT)/%.bpf.o: bpf/%.bpf.c $(OUTPUT)/vmlinux.h | $(OUTPUT)
	$(call msg,BPF,$@)
	$(Q)$(CLANG) $(BPF_CFLAGS) '-fdebug-prefix-map=$(CURDIR)=.' -I$(OUTPUT) -Ibpf -MMD -MP -c $< -o $@

$(OUTPUT)/%.skel.h: $(OUTPUT)/%.bpf.o
	$(call msg,GEN-SKEL,$@)
	$(Q)$(BPFTOOL) gen skeleton $< name $*_bpf > $@

# Objects: one pattern per build of the layers. The generated headers are
# made before the first object (order only); after that each object rebuilds
# when what it includes changes, as -MMD recorded it.
GENERATED := $(SKELS) $(OUTPUT)/rev.h $(OUTPUT)/bpfsrc.h
$(OUTPUT)/san/%.o: %.c | preflight $(GENERATED)
	$(call msg,CC-SAN,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) -g -O1 $(SAN) $(WARN) $(CPPFLAGS) -MMD -MP -c $< -o $@

$(OUTPUT)/fuzz-build/%.o: %.c | preflight $(GENERATED)
	$(call msg,CC-FUZZ,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(CLANG) $(FUZZ_CFLAGS) $(WARN) $(CPPFLAGS) -MMD -MP -c $< -o $@

$(OUTPUT)/%.o: %.c | preflight $(GENERATED)
	$(call msg,CC,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(CFLAGS) $(WARN) $(CPPFLAGS) -MMD -MP -c $< -o $@

# Each folder's objects see their layer's include path (FOLDER:LAYER), in
# every build; the tests see every layer's.
FOLDERS := lib:lib workloads:workloads bench:runner vm:vm analysis:analysis cmd:cmd
$(foreach d,$(BUILDS),$(foreach f,$(FOLDERS),$(eval \
	$(d)/$(firstword $(subst :, ,$(f)))/%.o: LAYER_INC = $$($(lastword $(subst :, ,$(f)))_INC))))
$(foreach d,$(BUILDS),$(eval $(d)/tests/%.o: LAYER_INC = $$(cmd_INC)))

# cmocka's and libFuzzer's entry points take arguments they do not use.
$(OUTPUT)/san/tests/%.o $(OUTPUT)/fuzz-build/tests/%.o: WARN += -Wno-unused-parameter

# One archive per layer in each build: DIR/lib<layer>.a.
define layer_archive
$(2)/lib$(1).a: $(patsubst %.c,$(2)/%.o,$($(1)_SRCS))
	$$(call msg,AR,$$@)
	$(Q)rm -f $$@ && $(AR) rcs $$@ $$^
endef
$(foreach d,$(BUILDS),$(foreach l,$(LAYERS),$(eval $(call layer_archive,$(l),$(d)))))

$(OUTPUT)/lsbench: $(OUTPUT)/cmd/main.o $(call libs,$(OUTPUT),$(LAYERS))
	$(call msg,LINK,$@)
	$(Q)$(CC) $(CFLAGS) $^ $(LDLIBS) -o $@

# Linked statically, for ramdisks without libraries (LAVA jobs, lava/lava.sh).
$(OUTPUT)/lsbench-static: $(OUTPUT)/cmd/main.o $(call libs,$(OUTPUT),$(LAYERS))
	$(call msg,LINK,$@)
	$(Q)$(CC) $(CFLAGS) -static $^ $(shell pkg-config --static --libs libbpf 2>/dev/null) \
		-lpthread -lm -o $@

$(OUTPUT)/san/lsbench: $(OUTPUT)/san/cmd/main.o $(call libs,$(OUTPUT)/san,$(LAYERS))
	$(call msg,LINK,$@)
	$(Q)$(CC) $(SAN) $^ $(LDLIBS) -o $@

# A unit test (TEST:LAYER) links its layer's sanitized archives; a fuzzer its
# layer's archives built for libFuzzer. Each replays tests/fuzz/crashes/<fuzzer>-*
# and its corpus, then fuzzes for FUZZ_SECONDS (tests/run.sh).
define unit_test
$(OUTPUT)/tests/$(1): $(OUTPUT)/san/tests/unit/$(1).o $(call libs,$(OUTPUT)/san,$(2))
	$$(call msg,LINK,$$@)
	$(Q)mkdir -p $$(@D)
	$(Q)$(CC) $(SAN) $$^ -lcmocka $(LDLIBS) -o $$@
endef
define fuzzer
$(OUTPUT)/fuzz/$(1): $(OUTPUT)/fuzz-build/tests/fuzz/$(1).o $(call libs,$(OUTPUT)/fuzz-build,$(2))
	$$(call msg,LINK,$$@)
	$(Q)mkdir -p $$(@D)
	$(Q)$(CLANG) -fsanitize=fuzzer,address,undefined $$^ $(LDLIBS) -o $$@
endef
pair = $(call $(1),$(word 1,$(subst :, ,$(2))),$(word 2,$(subst :, ,$(2))))
$(foreach t,$(UNIT_TESTS),$(eval $(call pair,unit_test,$(t))))
$(foreach t,$(FUZZERS),$(eval $(call pair,fuzzer,$(t))))

format:
	clang-format -i $(FORMATTED)

format-check:
	clang-format --dry-run --Werror $(FORMATTED)

clean:
	rm -rf $(OUTPUT)

-include $(wildcard $(foreach d,$(BUILDS),$(d)/*.d $(d)/*/*.d $(d)/tests/*/*.d))
