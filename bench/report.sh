#!/usr/bin/env bash
# bench/report.sh — wall time of writing the full report (HTML, DOCX and PDF), JVM start included.
#
# What it measures
#   Each run is one complete `./tanji report FILE -o DIR` through the repository's launcher, as a
#   user runs it: launcher check, JVM start, reading the study, the calculation, building the
#   report and writing all three formats (the PDF embeds a subset of a 10 MB CJK font).
#     seed-003   examples/seed-003-steel-balls.yaml (4 lines, Chinese)
#     500-lines  bench/out/study-500.yaml (500 inventory lines, from bench/GenerateStudy.java)
#     long-texts seed 003 with every text at its limit (docs/study-format.md, "Text lengths"): the
#                product and each line named with 500 characters, the address, the product's
#                description and each line's note 4,000 characters (bench/out/long-texts.yaml)
#   Before timing, each case is run once and its three files are checked to exist and be non-empty.
#
# Requirement checked (PASS/FAIL; the script exits 1 when a limit fails)
#   seed-003   max wall < 3 s for all three formats (every run)
#   500-lines  reported only (no limit in the issue)
#   long-texts reported only: the longest texts a study may have (a 100,000-character name, now
#              refused, once cost the PDF 24 s of CPU)
#
# How to read the output
#   One row per case: runs, median and max wall seconds, peak RSS in MB (GNU time), verdict, and
#   the individual wall times. Runs during which the launcher rebuilt the jar are repeated. Compare
#   figures from the same machine, idle: a concurrent build easily doubles them.
#
# Usage
#   bench/report.sh [RUNS]             RUNS defaults to 5 (or env RUNS)
#   CASES="seed-003" bench/report.sh   only some cases
#
# Exit status: 0 pass; 1 a limit failed; 2 setup failed.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
runs="${1:-${RUNS:-5}}"
cases="${CASES:-seed-003 500-lines long-texts}"
case "$runs" in
  '' | *[!0-9]* | 0) echo "bench/report.sh: RUNS must be a positive integer, not '$runs'" >&2; exit 2 ;;
esac
mkdir -p bench/out
tmp="$(mktemp -d "${TMPDIR:-/tmp}/tanji-bench.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

if ! ./tanji --version >/dev/null; then
  echo "bench/report.sh: building tanji failed" >&2
  exit 2
fi
big=bench/out/study-500.yaml
if [[ ! -s "$big" || bench/GenerateStudy.java -nt "$big" ]]; then
  java bench/GenerateStudy.java "$big" 500 50 yaml >/dev/null || { echo "bench/report.sh: generation failed" >&2; exit 2; }
fi

long=bench/out/long-texts.yaml
if [[ ! -s "$long" || examples/seed-003-steel-balls.yaml -nt "$long" || bench/report.sh -nt "$long" ]]; then
  name500="锻造耐磨钢球$(printf 'x%.0s' $(seq 494))"      # 500 characters
  text4000="$(printf '说明%.0s' $(seq 2000))"              # 4,000 characters
  sed -e "s/^  name: 锻造耐磨钢球$/  name: $name500\n  description: $text4000/" \
      -e "s/^  address: .*/  address: $text4000/" \
      -e "s/^  - name: \(.*\)$/  - name: \1$(printf 'y%.0s' $(seq 490))\n    note: $text4000/" \
      examples/seed-003-steel-balls.yaml >"$long"
fi

file_of() {
  case "$1" in seed-003) echo examples/seed-003-steel-balls.yaml ;; 500-lines) echo "$big" ;; long-texts) echo "$long" ;; esac
}

gnu_time=""
if [[ -x /usr/bin/time ]] && /usr/bin/time -f "%e %M" -o "$tmp/probe" true 2>/dev/null; then
  gnu_time=/usr/bin/time
fi

# one_run FILE: prints "WALL RSS_KB"; returns 1 on failure, 3 when the launcher rebuilt the jar
one_run() {
  local rc t0 t1 wall rss=-
  rm -rf "$tmp/out"
  t0="$EPOCHREALTIME"
  set +e
  if [[ -n "$gnu_time" ]]; then
    "$gnu_time" -f "%M" -o "$tmp/time" ./tanji report "$1" -o "$tmp/out" >/dev/null 2>"$tmp/err"
  else
    ./tanji report "$1" -o "$tmp/out" >/dev/null 2>"$tmp/err"
  fi
  rc=$?
  set -e
  t1="$EPOCHREALTIME"
  wall="$(awk -v a="${t0/,/.}" -v b="${t1/,/.}" 'BEGIN { printf "%.3f", b - a }')"
  [[ -n "$gnu_time" ]] && rss="$(tail -n1 "$tmp/time")"
  if grep -q '^tanji: building' "$tmp/err"; then return 3; fi
  if [[ $rc -ne 0 ]]; then
    echo "bench/report.sh: tanji report $1 exited $rc" >&2; head -5 "$tmp/err" >&2; return 1
  fi
  local base; base="$(basename "${1%.*}")"
  for ext in html docx pdf; do
    [[ -s "$tmp/out/$base.$ext" ]] || { echo "bench/report.sh: $base.$ext missing or empty" >&2; return 1; }
  done
  echo "$wall $rss"
}

status=0
printf '%-10s %4s %8s %8s %8s  %-7s %s\n' case runs median max rss_MB verdict walls
for c in $cases; do
  f="$(file_of "$c")"
  one_run "$f" >/dev/null || { [[ $? -eq 3 ]] || exit 2; } # warm-up and check
  walls=(); rss_max=0; n=0
  while [[ $n -lt $runs ]]; do
    if r="$(one_run "$f")"; then
      read -r w m <<<"$r"; walls+=("$w"); n=$((n + 1))
      [[ "$m" != "-" && "$m" -gt "$rss_max" ]] && rss_max="$m"
    else
      [[ $? -eq 3 ]] && continue
      exit 2
    fi
  done
  sorted=($(printf '%s\n' "${walls[@]}" | sort -n))
  median="${sorted[$(( (runs - 1) / 2 ))]}"; max="${sorted[$((runs - 1))]}"
  verdict=info
  if [[ "$c" == seed-003 ]]; then
    if awk -v m="$max" 'BEGIN { exit !(m < 3.0) }'; then verdict=PASS; else verdict=FAIL; status=1; fi
  fi
  printf '%-10s %4d %8s %8s %8s  %-7s %s\n' "$c" "$runs" "$median" "$max" "$((rss_max / 1024))" "$verdict" "${walls[*]}"
done
exit $status
