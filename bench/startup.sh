#!/usr/bin/env bash
# bench/startup.sh — start-up figures as ratios to a bare JVM start on the same machine.
#
# Machines here differ about 2× in speed and are shared, so each figure is the median of RUNS runs
# divided by the median of `java -version`, the runs of all commands interleaved (a busy moment
# slows every command of that round alike).
#
# What it measures (wall time, launcher included, each run a new process)
#   java -version          the bare JVM start: the unit of the ratios
#   calc                   ./tanji calc examples/seed-003-steel-balls.yaml --json (output checked
#                          against seed 003's 2821.88 kgCO2e/t)
#   serve --no-demo        ./tanji serve --port 0 --data NEW-FOLDER --no-demo to its first
#                          HTTP 200 from GET /api/health: JVM start, database created and migrated,
#                          the first admin's password hashed (Argon2id), Jetty listening
#   serve (demo)           the same with the demo organization created first (a newcomer's first start)
#   serve, existing folder ./tanji serve --port 0 --data FOLDER --no-demo on a folder an earlier start
#                          made: the database only opened (no migration, no password to hash)
#   … without archive      calc and serve --no-demo with TANJI_CDS=off: what the archive saves
#   classes                one more run of calc and of serve --no-demo with -Xlog:class+load:
#                          how many classes each loads and how many of them came from the archive
#
# The launcher makes its class-data-sharing archives on first use (see ./tanji); a warm-up run of
# each command before the timed rounds makes sure they exist, so the figures are of a normal start.
#
# Limits (issue 13, item 10; PASS/FAIL; exit 1 when one fails)
#   calc < 2.5 × java -version;  serve's first answer < 20 × java -version (new folder with and
#   without demo, existing folder)
#
# Usage
#   bench/startup.sh [RUNS]     RUNS defaults to 7
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 bench/startup.sh [RUNS]
#                               the same on another JVM (the launcher uses JAVA_HOME's java too, and
#                               on JDK 25+ an AOT cache): the ratios are to that JVM's own -version
#
# Exit status: 0 pass; 1 a limit failed; 2 setup failed.
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
runs="$(count_arg "${1:-${RUNS:-7}}")"
command -v curl >/dev/null || { echo "bench/startup.sh: needs curl" >&2; exit 2; }
bench_tmp startup-bench

declare -A ms

# time_serve NAME FOLDER ENV-ASSIGNMENT... -- SERVE-ARGS...: adds to ms[NAME] the milliseconds from
# launch to the first 200 from /api/health, on the port the system picks (the server prints its
# URL); FOLDER is the data folder, or new for a new one (removed after)
time_serve() {
  local name="$1" data="$2" envs=() t0 port="" log
  shift 2
  while [[ $1 != -- ]]; do envs+=("$1"); shift; done
  shift
  [[ $data == new ]] && data="$(mktemp -d "$tmp/data.XXXXXX")"
  log="$tmp/serve.log"
  serve_up "$log" "bench/startup.sh" env TANJI_ADMIN_PASSWORD=bench-password-1 TANJI_DEMO_PASSWORD=bench-password-1 \
    ${envs[@]+"${envs[@]}"} ./tanji serve --port 0 --data "$data" "$@"
  ms[$name]+="$took "
  serve_down
  [[ $data == "$tmp"/data.* ]] && rm -rf "$data"
  rm -f "$log"
}

seed=examples/seed-003-steel-balls.yaml
# warm-up: builds when needed and makes the archives, so that the rounds time normal starts
./tanji calc "$seed" --json >/dev/null || { echo "bench/startup.sh: tanji calc failed" >&2; exit 2; }
time_serve warm-up new -- --no-demo
# the existing folder: made by one start, then opened by each timed one
time_serve warm-up "$tmp/existing" -- --no-demo

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
names=(version calc calc-off serve serve-off demo existing)
for ((i = 1; i <= runs; i++)); do
  time_cmd version "$java" -version
  time_cmd calc ./tanji calc "$seed" --json
  grep -q '"perUnit_kgCO2e" : 2821.88' "$tmp/out" || { echo "bench/startup.sh: calc did not print seed 003's 2821.88" >&2; exit 2; }
  time_cmd calc-off env TANJI_CDS=off ./tanji calc "$seed" --json
  time_serve serve new -- --no-demo
  time_serve serve-off new TANJI_CDS=off -- --no-demo
  time_serve demo new -- --demo
  time_serve existing "$tmp/existing" -- --no-demo
done

declare -A med
for n in "${names[@]}"; do
  med[$n]=$(median <<<"${ms[$n]}")
done
verdict=0
# row NAME LABEL LIMIT(empty: for information)
row() {
  local ratio ok=""
  ratio=$(awk -v a="${med[$1]}" -v b="${med[version]}" 'BEGIN { printf "%.1f", a / b }')
  if [[ -n "$3" ]]; then
    if awk -v r="$ratio" -v l="$3" 'BEGIN { exit !(r < l) }'; then ok="PASS (limit ${3}×)"; else ok="FAIL (limit ${3}×)"; verdict=1; fi
  fi
  printf '%-34s median %6s ms  %5s×  %-18s (%s ms)\n' "$2" "${med[$1]}" "$ratio" "$ok" "$(xargs <<<"${ms[$1]}")"
}
# classes: one more run of each with the JVM's class-load log (JAVA_TOOL_OPTIONS adds to the
# launcher's options rather than replacing them)
log_opt="JAVA_TOOL_OPTIONS=-Xlog:class+load=info:file=$tmp/classes.txt"
classes() { printf '%s classes loaded, %s of them from the archive' "$(wc -l <"$tmp/classes.txt")" \
  "$(grep -c 'source: shared objects file' "$tmp/classes.txt")"; }
time_cmd count env "$log_opt" ./tanji calc "$seed" --json
calc_classes=$(classes)
time_serve count new "$log_opt" -- --no-demo
serve_classes=$(classes)

echo "runs $runs, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $("$java" -version 2>&1 | head -1)"
row version "java -version" ""
row calc "tanji calc seed 003 --json" 2.5
row calc-off "  … without archive" ""
row serve "tanji serve --no-demo, first 200" 20
row serve-off "  … without archive" ""
row demo "tanji serve with demo, first 200" 20
row existing "tanji serve, existing folder" 20
echo "calc: $calc_classes; serve --no-demo: $serve_classes"
exit "$verdict"
