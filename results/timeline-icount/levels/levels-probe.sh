#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Guest side of the level experiments (../NOTES.md, "What is left"): in one
# boot, round after round of sk- and inode-create-delete, the guest's
# counters around each. Run from the host, one kernel per boot, a copy of this
# script in a folder of its own (its folder is the guest's writable share):
#   lsbench vm --kernel 7.0.13+deb13-amd64 --accel icount [--append PARAMS] \
#       --exec /path/to/copy/levels-probe.sh MODE [ROUNDS]
# MODE: plain    snapshots only
#       rcu      + tracefs hist triggers on scheduler/workqueue/softirq/timer
#                events and kprobes on the RCU/SRCU/Tasks-Trace batch functions
#       slab     + kprobes on SLUB slow paths and memcg stock drains (perturbs more)
#       shrink   plain, and /sys/kernel/slab/kmalloc-cg-{96,192}/shrink before
#                every round from round 4 on
#       expedite plain, /sys/kernel/rcu_expedited=1 before rounds 4-6, 0 from 7
#       pcp      + kprobes on the page allocator's per-CPU list refills and drains
#                (rmqueue_bulk, free_pcppages_bulk: a call per batch of pages)
#       paths    + kprobes on the socket, inode, storage, slab and random paths
#       crngwait plain, /dev/random read before round 1 (blocks until the
#                kernel's CRNG is seeded)
#       pcpfix   plain, vm.percpu_pagelist_high_fraction=8 before round 1: the
#                per-CPU page lists' size fixed and large, not tuned as they go
# ROUNDS: rounds of sk- and inode-create-delete, one lsbench run each (default 8).
# Output: out-<release>-<mode>-<n>/ beside this script (its folder is writable).
set -u
mode=${1:-plain}
rounds=${2:-8}
here=$(cd "$(dirname "$0")" && pwd)
n=0
while [ -e "$here/out-$(uname -r)-$mode-$n" ]; do n=$((n + 1)); done
out=$here/out-$(uname -r)-$mode-$n
mkdir -p "$out"
T=/sys/kernel/tracing
hists=
SLAB=/sys/kernel/slab

# Low-rate events only: each hit costs instructions under icount.
rcu_probes="srcu_invoke_callbacks process_srcu srcu_gp_start rcu_tasks_invoke_cbs
rcu_tasks_wait_gp synchronize_rcu synchronize_rcu_normal synchronize_rcu_expedited
rcu_gp_init rcu_gp_cleanup call_rcu_tasks_iw_wakeup idle_cull_fn"
slab_probes="allocate_slab __free_slab ___slab_alloc get_partial_node deactivate_slab
__put_partials refill_objects __pcs_replace_empty_main __pcs_replace_full_main
barn_get_empty_sheaf barn_put_full_sheaf __kmem_cache_free_bulk alloc_slab_obj_exts
drain_obj_stock obj_cgroup_uncharge_pages drain_stock"
pcp_probes="rmqueue_bulk free_pcppages_bulk"
path_probes="sock_alloc alloc_inode new_inode_pseudo sk_alloc sk_prot_alloc security_sk_alloc
security_socket_post_create bpf_local_storage_update bpf_local_storage_alloc bpf_selem_alloc
bpf_selem_free bpf_local_storage_free bpf_local_storage_destroy bpf_sk_storage_free __sk_destruct
destroy_inode evict __fput alloc_file_pseudo d_alloc_pseudo dput security_inode_alloc
security_file_alloc call_rcu kvfree_call_rcu get_random_u32 crng_make_state percpu_counter_add_batch
__percpu_counter_sum kmem_cache_alloc_noprof kmem_cache_free kmalloc_nolock_noprof kfree_nolock
__kmalloc_cache_noprof kfree __memcg_slab_post_alloc_hook __memcg_slab_free_hook obj_cgroup_charge
refill_obj_stock mod_objcg_state ___slab_alloc __slab_free shmem_get_inode shmem_mknod
d_instantiate simple_unlink vfs_unlink do_unlinkat path_openat inode_init_always
security_inode_free security_file_free bpf_inode_storage_free bpf_lsm_inode_free_security
lockref_get_not_dead _raw_spin_lock_irqsave __wake_up mutex_lock up_write down_write
__d_alloc __d_free d_free kmem_cache_alloc_lru_noprof inode_sb_list_add list_lru_add"

probe() { # probe FUNC...: kprobe + hit-count hist keyed by task, where the kernel has FUNC
	for f in "$@"; do
		echo "p:lv/$f $f" >>$T/kprobe_events 2>/dev/null || continue
		echo 'hist:keys=common_pid.execname:vals=hitcount' >$T/events/lv/$f/trigger &&
			hists="$hists $T/events/lv/$f/hist"
	done
}

hist() { # hist EVENT KEYS
	echo "hist:keys=$2:vals=hitcount" >$T/events/$1/trigger && hists="$hists $T/events/$1/hist"
}

setup_trace() {
	hist sched/sched_switch next_comm
	hist workqueue/workqueue_execute_start function.sym
	hist irq/softirq_entry vec
	hist timer/timer_expire_entry function.sym
	hist irq_vectors/irq_work_entry common_pid.execname
	hist irq_vectors/local_timer_entry common_pid.execname
}

snap() { # snap NAME: cumulative counters; diff consecutive snapshots offline
	d=$out/$1
	mkdir -p "$d"
	cat /proc/uptime >"$d/uptime"
	dmesg | grep -i 'crng' >"$d/crng"
	for t in /proc/[0-9]*/task/[0-9]*; do
		printf '%s %s %s\n' "${t#/proc/}" "$(cat "$t/comm" 2>/dev/null)" \
			"$(cat "$t/schedstat" 2>/dev/null)"
	done >"$d/threads"
	for f in stat interrupts softirqs vmstat meminfo slabinfo zoneinfo buddyinfo; do
		cat /proc/$f >"$d/$f" 2>/dev/null
	done
	for c in kmalloc-cg-96 kmalloc-cg-192 kmalloc-96 kmalloc-192; do
		for a in order objs_per_slab slabs objects objects_partial partial min_partial \
			cpu_slabs slabs_cpu_partial cpu_partial sheaf_capacity aliases; do
			[ -r "$SLAB/$c/$a" ] && printf '%s %s %s\n' "$c" "$a" "$(cat "$SLAB/$c/$a")"
		done
	done >"$d/slub" 2>/dev/null
	for h in $hists; do
		echo "== $h"
		grep -v '^#' "$h"
	done >"$d/hists" 2>/dev/null
}

{
	uname -a; cat /proc/cmdline
	for p in /sys/module/rcutree/parameters/* /sys/module/rcupdate/parameters/* \
		/sys/module/srcutree/parameters/* /sys/kernel/rcu_expedited /sys/kernel/rcu_normal \
		/sys/module/kfence/parameters/sample_interval; do
		[ -r "$p" ] && echo "$p=$(cat "$p")"
	done
	cat /proc/self/cgroup
	dmesg | grep -iE 'rcu|srcu|offload|clocksource|preempt|kfence|slub' | head -60
} >"$out/boot.txt" 2>&1

case $mode in
rcu) setup_trace; probe $rcu_probes ;;
slab) setup_trace; probe $slab_probes ;;
pcp) probe $pcp_probes ;;
paths) probe $path_probes ;;
crngwait) head -c 1 /dev/random >/dev/null ;;
pcpfix) echo 8 >/proc/sys/vm/percpu_pagelist_high_fraction ;;
esac

i=1
snap r00-before
while [ $i -le "$rounds" ]; do
	r=$(printf 'r%02d' "$i")
	if [ "$mode" = shrink ] && [ $i -ge 4 ]; then
		for c in kmalloc-cg-96 kmalloc-cg-192; do echo 1 >"$SLAB/$c/shrink"; done
		snap "$r-shrunk"
	fi
	if [ "$mode" = expedite ]; then
		[ $i -eq 4 ] && echo 1 >/sys/kernel/rcu_expedited
		[ $i -eq 7 ] && echo 0 >/sys/kernel/rcu_expedited
	fi
	"$LSBENCH" run -s sk-create-delete -s inode-create-delete -m loop --cpus 1 \
		--rounds 1 --max-rounds 1 -o "$out/$r" >"$out/$r.log" 2>&1 &
	pid=$!
	# Mid-round samples of the objects outstanding (a backlog of unfreed
	# storage would show here): one short wakeup every 5 s of guest time.
	while kill -0 $pid 2>/dev/null; do
		sleep 5
		printf '%s ' "$(cut -d' ' -f1 /proc/uptime)"
		grep -E '^(kmalloc-cg-96|kmalloc-cg-192) ' /proc/slabinfo | awk '{printf "%s %s %s ", $1, $2, $3}'
		grep -E '^(Slab|SUnreclaim):' /proc/meminfo | tr -s ' \n' '  '
		echo
	done >"$out/$r-mid.txt" 2>/dev/null
	wait $pid
	echo "$r exit $?" >>"$out/status"
	snap "$r-after"
	i=$((i + 1))
done
