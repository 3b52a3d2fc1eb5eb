#!/usr/bin/env python3
"""Compares a real history's gate outcome with the one on record.

The checks that fail on a real history are the project's own bugs, read one by one (docs/
benchmarks.md); what is on record is that list, and a floor for the checks that pass. A run that
fails another check, or no longer fails one on record, or passes fewer checks than the floor,
differs: that is a change in driftgate's verdicts on data nobody tuned for it, to be read before
the record is updated (REAL_HISTORY_APPROVE=1 writes it).

    outcome.py <results.json> <expected.txt>
"""
import json
import os
import sys


def outcome(results_path):
    with open(results_path, encoding="utf-8") as f:
        checks = json.load(f)["checks"]
    failed = sorted("failed " + (c.get("migration") or "-") + " " + c["step"] for c in checks if c["status"] == "failed")
    passed = sum(1 for c in checks if c["status"] == "passed")
    return failed, passed


def main():
    results_path, expected_path = sys.argv[1], sys.argv[2]
    failed, passed = outcome(results_path)
    if os.environ.get("REAL_HISTORY_APPROVE") == "1":
        with open(expected_path + ".part", "w", encoding="utf-8") as f:
            f.write("passed at least %d\n" % passed)
            f.writelines(line + "\n" for line in failed)
        os.replace(expected_path + ".part", expected_path)
        print("outcome recorded in %s: %d passed, %d failed" % (expected_path, passed, len(failed)))
        return 0
    if not os.path.exists(expected_path):
        print("no outcome on record at %s: run with REAL_HISTORY_APPROVE=1, read the failures, commit the file" % expected_path)
        return 1
    with open(expected_path, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if l.strip()]
    floor = int(lines[0].split()[-1])
    expected = sorted(lines[1:])
    problems = []
    if passed < floor:
        problems.append("%d checks passed, fewer than the %d on record" % (passed, floor))
    problems += ["now fails: " + l for l in failed if l not in expected]
    problems += ["no longer fails: " + l for l in expected if l not in failed]
    if problems:
        print("outcome differs from %s:" % expected_path)
        for p in problems:
            print("  " + p)
        return 1
    print("outcome as on record (%s): %d passed, the same %d failures" % (os.path.basename(expected_path), passed, len(failed)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
