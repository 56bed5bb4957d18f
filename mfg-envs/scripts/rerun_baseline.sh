#!/bin/bash
# Re-runs the commands of /work/baseline/run.sh (the golden outputs of the pre-refactor jar) with
# this checkout's jar into OUT, then compares every number with compare_baseline.py.
# Usage: mfg-envs/scripts/rerun_baseline.sh OUT [BASELINE_DIR]
set -euo pipefail
out=$1
base=${2:-/work/baseline}
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
./mfgkit list > /dev/null  # builds the jar when stale
J="java -jar $root/cli/target/mfgkit.jar"
mkdir -p "$out"
for e in sis sis-fh lq lq-fh left-right; do $J exploitability --env $e --json > "$out/expl-$e.json"; done
for e in sis sis-fh lq lq-fh; do
  for a in fixed-point fictitious-play omd; do
    $J solve --env $e --algorithm $a --out "$out/solve-$e-$a" --json > /dev/null
  done
done
$J solve --env sis --algorithm nac --seed 1 --out "$out/solve-sis-nac" > /dev/null
for x in sis-nac sis-nac-exact lq-nac-exact meanfield-bandit sis-nac-population lq-nac meanfield-grid; do
  $J run experiments/$x.json --out "$out/run-$x" > /dev/null 2>&1
done
python3 mfg-envs/scripts/compare_baseline.py "$base" "$out"
