#!/usr/bin/env bash
# bench/factors.sh — wall time of `tanji factors search`, JVM start included, against the 0.5 s limit.
#
# Runs `./tanji factors search TEXT` RUNS times (default 7) for a few typical queries, with an empty
# user library (a temporary directory) so that only the built-in factors count, and prints the
# median and max wall time per query. Exit status 1 when a median reaches 0.5 s.
#
# Usage: bench/factors.sh [RUNS]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
runs="${1:-7}"
lib="$(mktemp -d "${TMPDIR:-/tmp}/tanji-lib.XXXXXX")"
trap 'rm -rf "$lib"' EXIT
./tanji --version >/dev/null

status=0
printf '%-34s %5s %9s %7s  %s\n' query runs "median s" "max s" result
for query in "山东|--year 2023" "cpcd 货车|" "electricity|--region national" "|"; do
  text="${query%%|*}"
  opts="${query#*|}"
  walls=()
  for ((i = 0; i < runs; i++)); do
    start=$(date +%s.%N)
    # shellcheck disable=SC2086
    ./tanji factors search ${text:+"$text"} $opts --library "$lib" >/dev/null
    end=$(date +%s.%N)
    walls+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')")
  done
  sorted=$(printf '%s\n' "${walls[@]}" | sort -g)
  median=$(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p")
  max=$(echo "$sorted" | tail -1)
  verdict=PASS
  if awk -v m="$median" 'BEGIN { exit !(m >= 0.5) }'; then verdict=FAIL; status=1; fi
  printf '%-34s %5d %9.3f %7.3f  %s\n' "\"$text\" $opts" "$runs" "$median" "$max" "$verdict"
done
exit $status
