#!/usr/bin/env bash
# bench/startup-compare.sh — two checkouts' starts side by side, run by run, so both meet the same load.
#
# bench/startup.sh times one checkout; on a shared machine whose load changes by the minute its
# figures from two checkouts taken minutes apart differ by more than most changes save. This one
# alternates: each round runs the same start in checkout A, then in B. Per start it records the wall
# time (launcher included), the CPU of the whole process (user + system, every thread: the JIT
# compilers' too) and, for serve, the CPU of the main thread alone, the one least moved by load.
#   calc       ./tanji calc examples/seed-003-steel-balls.yaml --json
#   existing   ./tanji serve --port 0 --data FOLDER --no-demo on a folder made by a first start of
#              that checkout, to the first 200 from GET /api/health
#   new        the same on a new folder
#   demo       the same on a new folder with --demo
# Each checkout needs its jar built and its archives made: a warm-up start of each kind runs first.
#
# Usage
#   bench/startup-compare.sh RUNS CHECKOUT-A CHECKOUT-B      e.g. 7 ../main .
#   JAVA_HOME chooses the JVM as for ./tanji (both checkouts use it)
#
# Exit status: 0 done; 2 setup failed.
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

runs="$(count_arg "${1:-}")"
[[ $# -eq 3 && -x "$2/tanji" && -x "$3/tanji" ]] || { echo "bench/startup-compare.sh: give RUNS and two checkouts (folders with ./tanji)" >&2; exit 2; }
a="$(cd "$2" && pwd)"
b="$(cd "$3" && pwd)"
command -v curl >/dev/null || { echo "bench/startup-compare.sh: needs curl" >&2; exit 2; }
bench_tmp compare
seed=examples/seed-003-steel-balls.yaml
declare -A wall cpu main

# cpu_ms FILE: the CPU milliseconds (user + system) in a /proc stat file
cpu_ms() { awk '{ print ($14 + $15) * 1000 / '"$(getconf CLK_TCK)"' }' "$1"; }

# calc_once SIDE DIR: one calc, its wall and CPU (bash's time: the process and its children)
calc_once() {
  local side="$1" dir="$2" t
  t="$( { TIMEFORMAT='%3R %3U %3S'; time (cd "$dir" && ./tanji calc "$seed" --json >"$tmp/out" 2>&1); } 2>&1 )" \
    || { cat "$tmp/out" >&2; echo "bench/startup-compare.sh: calc failed in $dir" >&2; exit 2; }
  grep -q '"perUnit_kgCO2e" : 2821.88' "$tmp/out" || { echo "bench/startup-compare.sh: calc in $dir did not print 2821.88" >&2; exit 2; }
  read -r r u s <<<"$t"
  wall[calc:$side]+="$(awk -v r="$r" 'BEGIN { printf "%d", r * 1000 }') "
  cpu[calc:$side]+="$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%d", (u + s) * 1000 }') "
}

# serve_once KIND SIDE DIR FOLDER ARGS...: one start to the first 200; its wall, the process's CPU
# and the main thread's (the thread named java with the most CPU: the JVM's own first thread waits)
serve_once() {
  local kind="$1" side="$2" dir="$3" data="$4" task best=0 ms
  shift 4
  serve_up "$tmp/serve.log" "bench/startup-compare.sh in $dir" env -C "$dir" TANJI_ADMIN_PASSWORD=bench-password-1 \
    TANJI_DEMO_PASSWORD=bench-password-1 ./tanji serve --port 0 --data "$data" "$@"
  if [[ -n "$kind" ]]; then
    wall[$kind:$side]+="$took "
    cpu[$kind:$side]+="$(cpu_ms "/proc/$pid/stat") "
    for task in /proc/"$pid"/task/*; do
      if [[ "$(cat "$task/comm" 2>/dev/null)" == java ]]; then
        ms="$(cpu_ms "$task/stat" 2>/dev/null || echo 0)"
        ms="${ms%.*}"
        ((ms > best)) && best=$ms
      fi
    done
    main[$kind:$side]+="$best "
  fi
  serve_down
}

# warm-up: builds, archives, and each checkout's existing folder
for side in a b; do
  dir="${!side}"
  (cd "$dir" && ./tanji calc "$seed" --json >/dev/null)
  serve_once "" "$side" "$dir" "$tmp/existing-$side" --no-demo
done
for ((i = 1; i <= runs; i++)); do
  for side in a b; do calc_once "$side" "${!side}"; done
  for side in a b; do serve_once existing "$side" "${!side}" "$tmp/existing-$side" --no-demo; done
  for side in a b; do serve_once new "$side" "${!side}" "$tmp/new-$side-$i" --no-demo; done
  for side in a b; do serve_once demo "$side" "${!side}" "$tmp/demo-$side-$i" --demo; done
done

echo "runs $runs, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $("${JAVA_HOME:+$JAVA_HOME/bin/}java" -version 2>&1 | head -1)"
echo "A: $a"
echo "B: $b"
printf '%-10s %-2s %9s %9s %16s   %s\n' start "" "wall ms" "CPU ms" "main-thread CPU" "walls"
for kind in calc existing new demo; do
  for side in a b; do
    printf '%-10s %-2s %9s %9s %16s   %s\n' "$kind" "${side^^}" "$(median <<<"${wall[$kind:$side]}")" \
      "$(median <<<"${cpu[$kind:$side]}")" "$( [[ $kind == calc ]] && echo - || median <<<"${main[$kind:$side]}")" \
      "${wall[$kind:$side]}"
  done
done
