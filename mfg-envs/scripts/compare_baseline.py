"""Compares the numbers of mfgkit outputs with the golden outputs of the pre-refactor jar.

Usage: python3 mfg-envs/scripts/compare_baseline.py BASELINE_DIR NEW_DIR

Walks every result.json / expl-*.json / *.csv in BASELINE_DIR, finds the same file under NEW_DIR
and compares every number bit for bit (reports the largest difference when not identical).
Ignored: wall-clock fields (seconds, timings, started_at, elapsed_seconds, threads, ms_per_step,
per-seed seconds in summaries), the parameter echo "params"/"settings" (its format changed on purpose:
declared parameters, `T: inf`, `mu0: uniform`), config_file and version strings.
"""
import csv
import json
import math
import os
import sys

IGNORED_KEYS = {"seconds", "timings", "started_at", "elapsed_seconds", "threads", "params",
                "settings", "config_file", "mfgkit_version", "total_seconds",
                "seconds_per_iteration", "seconds_per_seed", "wall_seconds"}


def walk(a, b, path, out):
    if isinstance(a, dict):
        if not isinstance(b, dict):
            out.append((path, "type", a, b)); return
        for k in a:
            if k in IGNORED_KEYS or "seconds" in k or k.startswith("ms_"):
                continue
            if k not in b:
                out.append((path + "/" + k, "missing", a[k], None)); continue
            walk(a[k], b[k], path + "/" + k, out)
    elif isinstance(a, list):
        if not isinstance(b, list) or len(a) != len(b):
            out.append((path, "length", len(a) if isinstance(a, list) else a,
                        len(b) if isinstance(b, list) else b)); return
        for i, (x, y) in enumerate(zip(a, b)):
            walk(x, y, f"{path}[{i}]", out)
    elif isinstance(a, (int, float)) and not isinstance(a, bool):
        if not isinstance(b, (int, float)) or isinstance(b, bool):
            out.append((path, "type", a, b)); return
        if a != b and not (isinstance(a, float) and math.isnan(a) and math.isnan(b)):
            out.append((path, "value", a, b))
    elif a != b:
        if isinstance(a, str) and " s per seed" in a:
            return  # summary strings carry a wall-clock time
        out.append((path, "value", a, b))


def compare_csv(fa, fb, out):
    with open(fa) as f:
        ra = list(csv.reader(f))
    with open(fb) as f:
        rb = list(csv.reader(f))
    if len(ra) != len(rb):
        out.append((fb, "rows", len(ra), len(rb))); return
    for i, (x, y) in enumerate(zip(ra, rb)):
        if x != y:
            out.append((f"{fb}:{i + 1}", "row", ",".join(x)[:80], ",".join(y)[:80]))


def main(base, new):
    files = 0
    problems = []
    for root, _, names in os.walk(base):
        for n in sorted(names):
            if not (n.endswith(".json") or n.endswith(".csv")):
                continue
            fa = os.path.join(root, n)
            fb = os.path.join(new, os.path.relpath(fa, base))
            if not os.path.exists(fb):
                problems.append((fb, "missing file", None, None)); continue
            files += 1
            if n.endswith(".csv"):
                compare_csv(fa, fb, problems)
            else:
                with open(fa) as f:
                    a = json.load(f)
                with open(fb) as f:
                    b = json.load(f)
                walk(a, b, os.path.relpath(fb, new), problems)
    for p in problems[:40]:
        print("DIFF", *p)
    worst = max((abs(a - b) for _, kind, a, b in problems
                 if kind == "value" and isinstance(a, (int, float)) and isinstance(b, (int, float))),
                default=0.0)
    print(f"{files} files compared, {len(problems)} differences, largest numeric difference {worst!r}")
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
