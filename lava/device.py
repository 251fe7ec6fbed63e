#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Renders the device dictionary of this machine's qemu device for lava-run,
as a LAVA server would: the qemu device type's template (lava-server's), a
dictionary that extends it (no KVM: this machine's qemu runs under TCG), and
the job's context as variables, in jinja2's sandbox.

usage: device.py TEMPLATES JOB > device.yaml"""
import sys

import jinja2
import jinja2.sandbox
import yaml

DICTIONARY = "{% extends 'qemu.jinja2' %}\n{% set no_kvm = True %}\n"


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: device.py TEMPLATES JOB")
    with open(sys.argv[2], encoding="utf-8") as f:
        job = yaml.safe_load(f)
    env = jinja2.sandbox.SandboxedEnvironment(
        loader=jinja2.FileSystemLoader([sys.argv[1]]),
        trim_blocks=True,
        autoescape=False,
    )
    context = job.get("context") or {}
    print(env.from_string(DICTIONARY).render(**context))


if __name__ == "__main__":
    main()
