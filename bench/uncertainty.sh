#!/usr/bin/env bash
# bench/uncertainty.sh — wall time and peak memory of `tanji uncertainty FILE --json`, JVM start included.
#
# What it measures
#   Each run is one complete `./tanji uncertainty FILE --json --runs N >/dev/null` through the
#   repository's launcher, as a user runs it: JVM start, reading the study, the deterministic
#   calculation and its checks, the Monte Carlo runs, rank correlations, tornado and JSON output.
#   The studies are made by bench/GenerateStudy.java with `uncertainty` (fixed seed, so always the
#   same bytes): `uncertainty: {fromQuality: true}`, so that every amount, mass, distance and
#   factor is drawn — the heaviest case. Two cases:
#     100-lines   bench/out/uncertainty-100.json   (100 lines, 20 factors), 10,000 runs
#     100k-lines  bench/out/uncertainty-100k.json  (100,000 lines, 1,000 factors), 1,000 runs
#
# Requirement checked (issue 17; PASS/FAIL per case, exit 1 when any fails)
#   100-lines   median wall < 1 s
#   100k-lines  median wall < 10 s
#   Memory is bounded by design (one number per run for the total and per stage; inputs' draws are
#   drawn again for the rank correlations, not kept): peak RSS is printed for both cases, and the
#   100k case is also run once with 10,000 runs to show that memory hardly grows with runs.
#
# How to read the output
#   One row per case: runs, median and max wall in seconds, max peak RSS in MB (GNU time %M), the
#   verdict and the individual wall times. The machine matters: the requirement is for an idle
#   2-core machine; other builds running at the same time (see `uptime`) multiply the figures.
#
# Usage
#   bench/uncertainty.sh [REPEATS]          REPEATS defaults to 3
# Exit status: 0 all pass; 1 a limit failed; 2 setup failed.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
repeats="${1:-3}"
out=bench/out
small="$out/uncertainty-100.json"
large="$out/uncertainty-100k.json"
mkdir -p "$out"
for f in "$small:100:20" "$large:100000:1000"; do
  IFS=: read -r file lines factors <<<"$f"
  if [[ ! -f "$file" || bench/GenerateStudy.java -nt "$file" ]]; then
    java bench/GenerateStudy.java "$file" "$lines" "$factors" json uncertainty >&2 || exit 2
  fi
done
./tanji uncertainty "$small" --json --runs 10 >/dev/null || { echo "setup: the small study does not simulate" >&2; exit 2; }

echo "load: $(uptime)"
failed=0
measure() { # name file runs limit [repeats]
  local name=$1 file=$2 runs=$3 limit=$4 n=${5:-$repeats} walls=() rss=0
  for ((i = 0; i < n; i++)); do
    local line
    line=$({ /usr/bin/time -f "%e %M" ./tanji uncertainty "$file" --json --runs "$runs" >/dev/null; } 2>&1 | tail -1)
    walls+=("${line%% *}")
    local kb=${line##* }
    ((kb > rss)) && rss=$kb
  done
  local sorted median max verdict
  sorted=$(printf '%s\n' "${walls[@]}" | sort -n)
  median=$(echo "$sorted" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  max=$(echo "$sorted" | tail -1)
  verdict=PASS
  if [[ -n "$limit" ]] && awk -v m="$median" -v l="$limit" 'BEGIN {exit !(m >= l)}'; then
    verdict=FAIL
    failed=1
  fi
  [[ -z "$limit" ]] && verdict="(memory only)"
  printf '%-12s runs %-7s median %6.2f s  max %6.2f s  peak %5d MB  %s  [%s]\n' "$name" "$runs" "$median" "$max" \
    $((rss / 1024)) "$verdict" "${walls[*]}"
}
measure 100-lines "$small" 10000 1
measure 100k-lines "$large" 1000 10
measure 100k-lines "$large" 10000 "" 1
exit $failed
