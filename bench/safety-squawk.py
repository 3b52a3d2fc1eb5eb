#!/usr/bin/env python3
"""Precision and recall of driftgate's static rules and of Squawk on the PostgreSQL safety corpus.

Each corpus case becomes one file; both tools lint all of them in one run each; findings are mapped
to driftgate's codes (a Squawk rule counts where it names the same hazard) and compared, per case
and per (case, code), with the corpus's expected codes. Cases that test driftgate's own
suppression comments are left out (Squawk has its own syntax). DG308 (lock timeout) and Squawk's
require-lock-timeout are compared only on cases that state it. Style rules with no counterpart
(prefer-robust-stmts, prefer-bigint-over-int, ...) are counted as noise on the cases that must stay
quiet.

usage: bench/safety-squawk.py  (needs bench/tools/squawk: npm install squawk-cli@2.66.0)
"""
import json, os, re, subprocess, sys, collections

HOME = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(HOME, "core/src/test/resources/safety/postgresql.sql")
WORK = os.path.join(HOME, "bench/work/safety-corpus")
SQUAWK = os.path.join(HOME, "bench/tools/squawk/node_modules/.bin/squawk")

SQUAWK_TO_CODE = {
    "require-concurrent-index-creation": "DG301",
    "require-concurrent-index-deletion": "DG307",
    "require-concurrent-reindex": "DG301",
    "changing-column-type": "DG302",
    "adding-field-with-default": "DG303",
    "adding-not-nullable-field": "DG304",
    "adding-required-field": "DG402",
    "adding-foreign-key-constraint": "DG305",
    "constraint-missing-not-valid": "DG305",
    "disallowed-unique-constraint": "DG306",
    "adding-serial-primary-key-field": "DG306",
    "ban-drop-column": "DG102",
    "ban-drop-table": "DG101",
    "ban-drop-database": "DG103",
    "ban-truncate-cascade": "DG104",
    "renaming-column": "DG201",
    "renaming-table": "DG202",
    "ban-concurrent-index-creation-in-transaction": "DG501",
    "require-lock-timeout": "DG308",
}
NOT_HAZARDS = {"DG001", "DG002"}


def cases():
    out, cur = [], None
    for line in open(CORPUS):
        if line.startswith("-- case:"):
            cur = {"name": line[8:].strip(), "expect": [], "lock": False, "sql": "", "suppression": False}
            out.append(cur)
        elif cur is None:
            continue
        elif line.startswith("-- expect:"):
            tokens = line[10:].replace(",", " ").split()
            i = 0
            while i < len(tokens):
                if tokens[i] == "none":
                    i += 1
                    continue
                if i + 1 < len(tokens) and tokens[i + 1] == "suppressed":
                    cur["suppression"] = True
                    i += 2
                    continue
                cur["expect"].append(tokens[i])
                i += 1
        elif line.startswith("-- lock-timeout: checked"):
            cur["lock"] = True
        else:
            if "driftgate:ignore" in line:
                cur["suppression"] = True
            cur["sql"] += line
    return out


def main():
    os.makedirs(WORK, exist_ok=True)
    for f in os.listdir(WORK):
        os.remove(os.path.join(WORK, f))
    all_cases = cases()
    kept = [c for c in all_cases if not c["suppression"] and "DG002" not in c["expect"]]
    for i, c in enumerate(kept):
        c["file"] = os.path.join(WORK, "%03d.sql" % i)
        open(c["file"], "w").write(c["sql"].strip() + "\n")
    files = [c["file"] for c in kept]

    sq = subprocess.run([SQUAWK, "--reporter", "json"] + files, capture_output=True, text=True)
    squawk = collections.defaultdict(list)
    for v in json.loads(sq.stdout or "[]"):
        squawk[os.path.abspath(v["file"])].append(v["rule_name"])
    version = subprocess.run([SQUAWK, "--version"], capture_output=True, text=True).stdout.strip()

    dg = subprocess.run([os.path.join(HOME, "driftgate"), "lint", WORK, "--dialect", "postgresql", "--fail-on", "off"],
                        capture_output=True, text=True)
    driftgate = collections.defaultdict(list)
    for line in dg.stdout.splitlines():
        m = re.match(r"^(.*?\.sql):\d+: (DG\d+) (\w+):", line)
        if m and "[suppressed:" not in line:
            driftgate[os.path.abspath(m.group(1))].append(m.group(2))

    def score(found_codes):
        tp = fp = fn = ctp = cfp = cfn = 0
        misses, false_alarms = [], []
        for c in kept:
            truth = collections.Counter(x for x in c["expect"] if x not in NOT_HAZARDS and (c["lock"] or x != "DG308"))
            got = collections.Counter(x for x in found_codes(c) if x not in NOT_HAZARDS and (c["lock"] or x != "DG308"))
            t, g = bool(truth), bool(got)
            tp += t and g
            fp += g and not t
            fn += t and not g
            if g and not t:
                false_alarms.append(c["name"])
            if t and not g:
                misses.append(c["name"])
            tset, gset = set(truth), set(got)
            ctp += len(tset & gset)
            cfp += len(gset - tset)
            cfn += len(tset - gset)
        p = lambda a, b: a / (a + b) if a + b else 1.0
        return dict(case_precision=p(tp, fp), case_recall=p(tp, fn), code_precision=p(ctp, cfp), code_recall=p(ctp, cfn),
                    misses=misses, false_alarms=false_alarms, tp=tp, fp=fp, fn=fn)

    sq_score = score(lambda c: [SQUAWK_TO_CODE[r] for r in squawk[c["file"]] if r in SQUAWK_TO_CODE])
    dg_score = score(lambda c: driftgate[c["file"]])
    quiet = [c for c in kept if not c["expect"]]
    noise = sum(len(squawk[c["file"]]) for c in quiet)
    quiet_flagged = sum(1 for c in quiet if squawk[c["file"]])
    style = collections.Counter(r for c in kept for r in squawk[c["file"]] if r not in SQUAWK_TO_CODE)

    print("corpus: %d PostgreSQL cases (%d after leaving out driftgate's own suppression cases), %d must stay quiet"
          % (len(all_cases), len(kept), len(quiet)))
    for name, s in (("driftgate lint", dg_score), (version, sq_score)):
        print("%-16s case precision %.2f recall %.2f | code precision %.2f recall %.2f | TP %d FP %d FN %d"
              % (name, s["case_precision"], s["case_recall"], s["code_precision"], s["code_recall"], s["tp"], s["fp"], s["fn"]))
        if s["misses"]:
            print("   misses: " + "; ".join(s["misses"]))
        if s["false_alarms"]:
            print("   false alarms: " + "; ".join(s["false_alarms"]))
    print("squawk on the %d quiet cases: %d findings on %d of them (all rules); style rules overall: %s"
          % (len(quiet), noise, quiet_flagged, dict(style.most_common())))


if __name__ == "__main__":
    sys.exit(main())
