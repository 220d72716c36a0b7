#!/usr/bin/env bash
# bench/convergence.sh — how the Monte Carlo figures settle as runs grow (the table in docs/uncertainty.md).
#
# Runs `./tanji uncertainty FILE --json --runs N --seed S` for N = 1,000, 3,000, 10,000, 30,000 and
# 100,000 with seeds 1 and 2, and prints a Markdown table of the footprint per declared unit: mean,
# standard deviation, 2.5 % and 97.5 % percentiles. Two seeds side by side show the sampling error
# at each N: their difference shrinks about as 1/√N.
#
# Usage: bench/convergence.sh [FILE]   (default examples/seed-003-uncertainty.yaml)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
file="${1:-examples/seed-003-uncertainty.yaml}"

# the perUnit_kgCO2e block's field, from the pretty-printed JSON
field() { awk -v key="\"$2\"" '/"perUnit_kgCO2e"/ {in_block = 1} in_block && $1 == key {gsub(/,/, "", $3); print $3; exit}' "$1"; }

echo "| runs | seed | mean | sd | 2.5 % | 97.5 % |"
echo "|---:|---:|---:|---:|---:|---:|"
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
for n in 1000 3000 10000 30000 100000; do
  for seed in 1 2; do
    ./tanji uncertainty "$file" --json --runs "$n" --seed "$seed" >"$tmp"
    printf '| %s | %s | %.2f | %.2f | %.2f | %.2f |\n' "$n" "$seed" "$(field "$tmp" mean)" "$(field "$tmp" sd)" \
      "$(field "$tmp" p2_5)" "$(field "$tmp" p97_5)"
  done
done
echo
echo "deterministic: $(field "$tmp" deterministic) kgCO2e per declared unit ($file)"
