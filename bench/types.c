// SPDX-License-Identifier: GPL-2.0
/* The BPF objects, one per map type, behind a common interface. */
#include <bpf/libbpf.h>
#include "scenarios.h"
#include "task.skel.h"
#include "cgrp.skel.h"
#include "sk.skel.h"
#include "inode.skel.h"
#include "cgstore.skel.h"
#include "skclone.skel.h"

/* ls_type functions for the skeleton named <name>_bpf. */
#define LS_SKEL_FNS(name)                                                                          \
	static void *name##_open(void)                                                             \
	{                                                                                          \
		return name##_bpf__open();                                                         \
	}                                                                                          \
	static struct bpf_object *name##_obj(void *skel)                                           \
	{                                                                                          \
		return ((struct name##_bpf *)skel)->obj;                                           \
	}                                                                                          \
	static struct ls_config *name##_cfg(void *skel)                                            \
	{                                                                                          \
		return (struct ls_config *)&((struct name##_bpf *)skel)->rodata->cfg;              \
	}                                                                                          \
	static void name##_destroy(void *skel)                                                     \
	{                                                                                          \
		name##_bpf__destroy(skel);                                                         \
	}

#define LS_SKEL(name)                                                                              \
	.open = name##_open, .obj = name##_obj, .cfg = name##_cfg, .destroy = name##_destroy

LS_SKEL_FNS(task)
LS_SKEL_FNS(cgrp)
LS_SKEL_FNS(sk)
LS_SKEL_FNS(inode)
LS_SKEL_FNS(cgstore)
LS_SKEL_FNS(skclone)

const struct ls_type ls_task_type = {
	.map_name = "task_storage",
	.map_type = LS_MAP_TASK_STORAGE,
	.owners = LS_OWN_TASK,
	.store_map = "task_store",
	.maps_prefix = "task_maps",
	LS_SKEL(task),
};

const struct ls_type ls_cgrp_type = {
	.map_name = "cgrp_storage",
	.map_type = LS_MAP_CGRP_STORAGE,
	.owners = LS_OWN_CGROUP,
	.store_map = "cgrp_store",
	.maps_prefix = "cgrp_maps",
	LS_SKEL(cgrp),
};

const struct ls_type ls_cgrp_uapi_type = {
	.map_name = "cgrp_storage",
	.map_type = LS_MAP_CGRP_STORAGE,
	.owners = LS_OWN_CGROUPS,
	.store_map = "cgrp_store",
	LS_SKEL(cgrp),
};

const struct ls_type ls_sk_type = {
	.map_name = "sk_storage",
	.map_type = LS_MAP_SK_STORAGE,
	.owners = LS_OWN_SOCKETS,
	.store_map = "sk_store",
	.hash_map = "mark_hash",
	.maps_prefix = "sk_maps",
	LS_SKEL(sk),
};

const struct ls_type ls_inode_type = {
	.map_name = "inode_storage",
	.map_type = LS_MAP_INODE_STORAGE,
	.owners = LS_OWN_FILES,
	.store_map = "inode_store",
	.hash_map = "ino_hash",
	LS_SKEL(inode),
};

/* Cgroup programs' storage (cgstore.bpf.c), its maps made by the runner. */
#define LS_CGSTORE(own)                                                                            \
	.map_name = "percpu_cgroup_storage", .map_type = LS_MAP_PERCPU_CGROUP_STORAGE,             \
	.owners = own, .store_map = "pcpu_store", .cgstore_maps = true, LS_SKEL(cgstore)

/* On the private cgroup, sockets in it for getsockopt. */
const struct ls_type ls_cgstore_type = { LS_CGSTORE(LS_OWN_SOCKETS) };

/* On private cgroups, the program on each, a socket born in each. */
const struct ls_type ls_cgstore_cgroups_type = {
	LS_CGSTORE(LS_OWN_CGROUPS),
	.attach = LS_ATTACH_EACH,
	.cgroup_sockets = true,
};

/* The same, a socket per producer in each: writers on one cgroup share no socket lock. */
const struct ls_type ls_cgstore_writers_type = {
	LS_CGSTORE(LS_OWN_CGROUPS),
	.attach = LS_ATTACH_EACH,
	.cgroup_sockets = true,
	.socket_per_thread = true,
};

/* The program on each private cgroup, its storages reached from user space. */
const struct ls_type ls_cgstore_uapi_type = {
	LS_CGSTORE(LS_OWN_CGROUPS),
	.attach = LS_ATTACH_EACH,
};

/* The program loaded only: the triggers attach it to the private cgroups. */
const struct ls_type ls_cgstore_attach_type = {
	LS_CGSTORE(LS_OWN_CGROUPS),
	.attach = LS_ATTACH_NONE,
};

const struct ls_type ls_task_byid_type = {
	.map_name = "task_storage",
	.map_type = LS_MAP_TASK_STORAGE,
	.owners = LS_OWN_THREADS,
	.store_map = "task_store",
	LS_SKEL(task),
};

const struct ls_type ls_cgrp_byid_type = {
	.map_name = "cgrp_storage",
	.map_type = LS_MAP_CGRP_STORAGE,
	.owners = LS_OWN_CGROUPS,
	.store_map = "cgrp_store",
	LS_SKEL(cgrp),
};

/* Sockets born in the private cgroup, where cgroup/sock_create runs. */
const struct ls_type ls_sk_churn_type = {
	.map_name = "sk_storage",
	.map_type = LS_MAP_SK_STORAGE,
	.owners = LS_OWN_CGROUP,
	.store_map = "sk_store",
	LS_SKEL(sk),
};

/* Sockets the producers make, their storage made from the BPF LSM: no owners to set up. */
const struct ls_type ls_sk_lsm_type = {
	.map_name = "sk_storage",
	.map_type = LS_MAP_SK_STORAGE,
	.owners = LS_OWN_TASK,
	.store_map = "sk_store64",
	LS_SKEL(sk),
};

/* Cgroup storage from cgroup/getsockopt: sockets in the private cgroup. */
const struct ls_type ls_cgrp_sockopt_type = {
	.map_name = "cgrp_storage",
	.map_type = LS_MAP_CGRP_STORAGE,
	.owners = LS_OWN_SOCKETS,
	.store_map = "cgrp_store",
	LS_SKEL(cgrp),
};

/*
 * The accept path: a listener's storage in maps made without BPF_F_CLONE (and
 * the empty control), or with it, checked on each socket accept() returns.
 */
const struct ls_type ls_sk_accept_type = {
	.map_name = "sk_storage",
	.map_type = LS_MAP_SK_STORAGE,
	.owners = LS_OWN_LISTENER,
	.maps_prefix = "noclone_maps",
	LS_SKEL(skclone),
};

const struct ls_type ls_sk_accept_clone_type = {
	.map_name = "sk_storage",
	.map_type = LS_MAP_SK_STORAGE,
	.owners = LS_OWN_LISTENER,
	.maps_prefix = "clone_maps",
	LS_SKEL(skclone),
};
