# SPDX-License-Identifier: GPL-2.0
# lsbench: build, test and run. `make V=1` shows the full commands.

OUTPUT := .output
CLANG ?= clang
BPFTOOL ?= $(shell command -v bpftool 2>/dev/null || echo /usr/sbin/bpftool)
CC ?= gcc
VMLINUX_BTF ?= /sys/kernel/btf/vmlinux
ARCH := $(shell uname -m | sed -e 's/x86_64/x86/' -e 's/aarch64/arm64/' -e 's/ppc64le/powerpc/')
REV := $(shell git describe --always --dirty 2>/dev/null || echo unknown)

# Debian packages the suite needs to build, run and test.
DEPS := clang llvm make gcc pkg-config libbpf-dev libelf-dev zlib1g-dev bpftool linux-perf \
	libcmocka-dev libclang-rt-14-dev \
	gnuplot-nox chromium
# and what `lsbench vm` needs to boot other kernels
DEPS += qemu-system-x86 busybox-static cpio xz-utils

CFLAGS ?= -g -O2
WARN := -Wall -Wextra -Werror
CPPFLAGS := -I$(OUTPUT) -Ibpf -Ibench -Iworkloads -Ianalysis -D_GNU_SOURCE
BPF_CFLAGS := -g -O2 -target bpf -D__TARGET_ARCH_$(ARCH) $(WARN) -Wno-unused-parameter \
	-Wno-missing-declarations
LDLIBS := -lbpf -lelf -lz -lpthread -lm
SAN := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

# One BPF object per map type; one runner source per map type beside the core.
BPF_OBJS := \
	task \
	cgrp \
	sk \
	inode \
	cgstore
BENCH_SRCS := \
	bench/main.c \
	bench/opts.c \
	bench/runner.c \
	bench/schedule.c \
	bench/cellrun.c \
	bench/window.c \
	bench/row.c \
	bench/rounds.c \
	bench/scenarios.c \
	bench/setup.c \
	bench/mapcensus.c \
	bench/triggers.c \
	bench/types.c \
	bench/bpfutil.c \
	bench/stats.c \
	bench/csv.c \
	bench/results.c \
	bench/sysinfo.c \
	bench/cell.c \
	bench/perf.c \
	bench/hist.c \
	bench/profile.c \
	bench/vm.c \
	workloads/cgroup.c \
	workloads/fds.c \
	workloads/files.c \
	workloads/threads.c
UNIT_TESTS := \
	test_stats \
	test_csv \
	test_opts \
	test_cell \
	test_results \
	test_hist \
	test_csvread \
	test_cmpstats \
	test_compare \
	test_profile
# What the unit tests link: everything but what needs BPF skeletons or main().
UNIT_SRCS := bench/stats.c bench/rounds.c bench/row.c bench/csv.c bench/opts.c bench/cell.c bench/results.c bench/perf.c bench/hist.c \
	bench/profile.c
# compare and report: results read back. In the runner, the unit tests and the fuzzers.
READ_SRCS := \
	analysis/csvread.c \
	analysis/cmpstats.c \
	analysis/rset.c \
	analysis/compare.c \
	analysis/report.c
BENCH_SRCS += $(READ_SRCS)
UNIT_SRCS += $(READ_SRCS)

FORMATTED = $(wildcard bench/*.[ch] analysis/*.[ch] bpf/*.[ch] workloads/*.[ch] tests/unit/*.c)
SKELS := $(patsubst %,$(OUTPUT)/%.skel.h,$(BPF_OBJS))
OBJS := $(patsubst %.c,$(OUTPUT)/%.o,$(BENCH_SRCS))
SAN_OBJS := $(patsubst %.c,$(OUTPUT)/san/%.o,$(BENCH_SRCS))

ifeq ($(V),1)
Q :=
msg :=
else
Q := @
msg = @printf '  %-8s %s\n' "$(1)" "$(2)";
endif

.PHONY: all deps bench bench-vm test unit integration format format-check clean FORCE
.DELETE_ON_ERROR:
.SECONDARY:

all: $(OUTPUT)/lsbench

deps:
	$(Q)missing=""; for p in $(DEPS); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || \
			missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

# Exit status 1 means the run completed with failed cells, each with its reason in the
# results: a finished benchmark, not a failed make.
# Then what the instrumentation costs: loop-mode cells measured instrumented and bare
# (--overhead), a run of its own beside the matrix's.
BENCH_OUT ?= results
OVERHEAD_ARGS := -s task-empty -s task-get -s task-hash-get -s cgrp-empty -s cgrp-get -s sk-empty \
	-s sk-get --objects 100 -m loop --cpus 1 --overhead
bench: deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)$(OUTPUT)/lsbench run -o $(BENCH_OUT) $(BENCH_ARGS) || [ $$? -eq 1 ]
	$(Q)$(OUTPUT)/lsbench run -o $(BENCH_OUT) $(OVERHEAD_ARGS) || [ $$? -eq 1 ]

# The same on another kernel booted in qemu: make bench-vm KERNEL=trixie (or KERNELS=a,b,c).
bench-vm: deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)$(OUTPUT)/lsbench vm $(if $(KERNELS),--kernels $(KERNELS),--kernel $(or $(KERNEL),bookworm)) \
		$(BENCH_ARGS) || [ $$? -eq 1 ]

test: deps
	$(Q)$(MAKE) --no-print-directory $(OUTPUT)/lsbench $(OUTPUT)/san/lsbench \
		$(patsubst %,$(OUTPUT)/tests/%,$(UNIT_TESTS)) $(patsubst %,$(OUTPUT)/fuzz/%,$(FUZZERS))
	$(Q)FUZZ_SECONDS=$(FUZZ_SECONDS) tests/run.sh $(OUTPUT) $(UNIT_TESTS)

# The kernel's own local-storage bench beside lsbench, cell by cell, round by round
# (crosscheck/crosscheck.sh --help): make crosscheck CROSSCHECK_ARGS=--quick
.PHONY: crosscheck
crosscheck: deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)crosscheck/crosscheck.sh --lsbench $(OUTPUT)/lsbench $(CROSSCHECK_ARGS)

# report.html and plots of result sets (lsbench report --help); by default the newest run folder.
REPORT_ARGS ?= $(shell ls -td results/*/*/ 2>/dev/null | head -n 1)
.PHONY: report
report: deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)$(OUTPUT)/lsbench report $(REPORT_ARGS)

# libFuzzer targets: each replays tests/fuzz/crashes/<target>-* and the corpus, then fuzzes
# for FUZZ_SECONDS.
FUZZERS := \
	fuzz_opts \
	fuzz_csv
FUZZ_SECONDS ?= 20

$(OUTPUT)/fuzz/%: tests/fuzz/%.c $(UNIT_SRCS) $(wildcard bench/*.h analysis/*.h) $(OUTPUT)/rev.h
	$(call msg,FUZZ,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(CLANG) -g -O1 -fsanitize=fuzzer,address,undefined $(WARN) -Wno-unused-parameter \
		$(CPPFLAGS) $< $(UNIT_SRCS) -lm -o $@

$(OUTPUT) $(OUTPUT)/san $(OUTPUT)/tests:
	$(Q)mkdir -p $@

# The revision the binary reports, rewritten only when it changes, so that
# what depends on it rebuilds then and only then.
$(OUTPUT)/rev.h: FORCE | $(OUTPUT)
	$(Q)echo '#define LSBENCH_REV "$(REV)"' > $@.tmp
	$(Q)echo '#define LSBENCH_SRCDIR "$(CURDIR)"' >> $@.tmp
	$(Q)cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@

$(OUTPUT)/vmlinux.h: $(VMLINUX_BTF) | $(OUTPUT)
	$(call msg,GEN,$@)
	$(Q)$(BPFTOOL) btf dump file $(VMLINUX_BTF) format c > $@

$(OUTPUT)/%.bpf.o: bpf/%.bpf.c $(OUTPUT)/vmlinux.h | $(OUTPUT)
	$(call msg,BPF,$@)
	$(Q)$(CLANG) $(BPF_CFLAGS) -I$(OUTPUT) -Ibpf -MMD -MP -c $< -o $@

$(OUTPUT)/%.skel.h: $(OUTPUT)/%.bpf.o
	$(call msg,GEN-SKEL,$@)
	$(Q)$(BPFTOOL) gen skeleton $< name $*_bpf > $@

$(OUTPUT)/san/%.o: %.c $(SKELS) $(OUTPUT)/rev.h
	$(call msg,CC-SAN,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) -g -O1 $(SAN) $(WARN) $(CPPFLAGS) -MMD -MP -c $< -o $@

$(OUTPUT)/%.o: %.c $(SKELS) $(OUTPUT)/rev.h
	$(call msg,CC,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(CFLAGS) $(WARN) $(CPPFLAGS) -MMD -MP -c $< -o $@

$(OUTPUT)/lsbench: $(OBJS)
	$(call msg,LINK,$@)
	$(Q)$(CC) $(CFLAGS) $^ $(LDLIBS) -o $@

$(OUTPUT)/san/lsbench: $(SAN_OBJS)
	$(call msg,LINK,$@)
	$(Q)$(CC) $(SAN) $^ $(LDLIBS) -o $@

$(OUTPUT)/tests/%: tests/unit/%.c $(UNIT_SRCS) $(wildcard bench/*.h analysis/*.h) $(OUTPUT)/rev.h | $(OUTPUT)/tests
	$(call msg,CC-TEST,$@)
	$(Q)$(CC) -g -O1 $(SAN) $(WARN) -Wno-unused-parameter $(CPPFLAGS) $< $(UNIT_SRCS) -lcmocka -lm -o $@

format:
	clang-format -i $(FORMATTED)

format-check:
	clang-format --dry-run --Werror $(FORMATTED)

clean:
	rm -rf $(OUTPUT)

-include $(wildcard $(OUTPUT)/*.d $(OUTPUT)/*/*.d $(OUTPUT)/san/*/*.d)
