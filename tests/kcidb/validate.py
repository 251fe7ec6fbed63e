#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Validates a KCIDB JSON file against a JSON schema, and each test's
start_time as an RFC 3339 date-time with a time zone (jsonschema checks
formats only with packages Debian may not have); prints the first error and
exits 1 when it is not valid.

usage: validate.py SCHEMA JSON"""
import datetime
import json
import sys

import jsonschema


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    with open(sys.argv[2], encoding="utf-8") as f:
        data = json.load(f)
    v = jsonschema.Draft7Validator(schema, format_checker=jsonschema.draft7_format_checker)
    errors = sorted(v.iter_errors(data), key=lambda e: list(e.path))
    if errors:
        e = errors[0]
        print("%s: %s" % ("/".join(str(p) for p in e.path) or "(top)", e.message))
        sys.exit(1)
    for i, t in enumerate(data.get("tests", [])):
        s = t.get("start_time")
        if s is None:
            continue
        try:
            ok = datetime.datetime.fromisoformat(s.replace("Z", "+00:00")).tzinfo is not None
        except ValueError:
            ok = False
        if not ok or "T" not in s:
            print("tests/%d/start_time: not an RFC 3339 date-time: %r" % (i, s))
            sys.exit(1)
    print("valid: %d tests" % len(data.get("tests", [])))


if __name__ == "__main__":
    main()
