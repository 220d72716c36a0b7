#!/usr/bin/env bash
# bench/startup-phases.sh — where a start's time goes: the moments at which each step of `tanji calc`
# and of `tanji serve` on an existing folder loads its first class, from the JVM's class-load log.
#
# bench/startup.sh gives the totals; this gives the breakdown behind them. Each step is marked by the
# first class only that step loads (the marks below), timed by the JVM's own uptime; a step's share
# is the time from its mark to the next one. The log itself costs a little (the totals here are
# some 10 % above bench/startup.sh's), and on a busy machine every step stretches alike, so read the
# shares rather than the milliseconds. Each figure is the median of RUNS runs.
#
# Usage
#   bench/startup-phases.sh [RUNS]      RUNS defaults to 5; JAVA_HOME chooses the JVM as for ./tanji
#
# Exit status: 0 done; 2 setup failed.
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
runs="$(count_arg "${1:-5}")"
command -v curl >/dev/null || { echo "bench/startup-phases.sh: needs curl" >&2; exit 2; }
bench_tmp phases
seed=examples/seed-003-steel-balls.yaml

# the steps, each "label=first class of the step" in the order they run
calc_marks=(
  "JVM start, the launcher=org.tanji.cli.Main"
  "picocli: the command line=picocli.CommandLine\$Model\$CommandSpec"
  "reading the YAML study=org.yaml.snakeyaml.LoaderOptions"
  "checks and the calculation=org.tanji.core.calc.Calculator"
  "writing the result JSON=org.tanji.io.ResultJson"
  "(end)=java.lang.Shutdown")
# the main thread's steps; the pool opens (H2 reads the file) on a thread of its own meanwhile,
# whose first class is reported on its own (serve_beside)
serve_marks=(
  "JVM start, the launcher=org.tanji.cli.Main"
  "picocli: the command line=picocli.CommandLine\$Model\$CommandSpec"
  "the server's start, threads set going=org.tanji.server.TanjiServer"
  "services and repositories=org.tanji.server.app.AuditService"
  "Javalin: routes and plugins=io.javalin.Javalin"
  "Jetty starts and listens=org.eclipse.jetty.server.Server"
  "the first request=org.eclipse.jetty.server.internal.HttpConnection\$FillableCallback")
serve_beside=(
  "beside: H2 opens the database file=org.h2.engine.Database")

declare -A at
# record KIND LOG MARK...: adds the milliseconds of each mark's first class in LOG to at[KIND:label]
record() {
  local kind="$1" log="$2" mark label class t
  shift 2
  for mark in "$@"; do
    label="${mark%%=*}"
    class="${mark#*=}"
    t="$(grep -m1 -F "] $class source:" "$log" | sed 's/^\[\([0-9.]*\)s\].*/\1/')"
    [[ -n "$t" ]] || { echo "bench/startup-phases.sh: no class $class in the $kind log" >&2; exit 2; }
    at[$kind:$label]+="$(awk -v t="$t" 'BEGIN { printf "%d", t * 1000 }') "
  done
}

log_opt() { echo "JAVA_TOOL_OPTIONS=-Xlog:class+load=info:file=$1:uptime"; }

# the serve run: until GET /api/health answers 200 on a folder an earlier start made
serve_once() {
  serve_up "$tmp/serve.log" "bench/startup-phases.sh" env "$(log_opt "$1")" TANJI_ADMIN_PASSWORD=bench-password-1 \
    ./tanji serve --port 0 --data "$tmp/existing" --no-demo
  serve_down
}

# warm-up: builds when needed, makes the archives and the existing folder
./tanji calc "$seed" --json >/dev/null
serve_once "$tmp/warm.log"
for ((i = 1; i <= runs; i++)); do
  env "$(log_opt "$tmp/calc.log")" ./tanji calc "$seed" --json >/dev/null 2>&1
  record calc "$tmp/calc.log" "${calc_marks[@]}"
  serve_once "$tmp/serve-classes.log"
  record serve "$tmp/serve-classes.log" "${serve_marks[@]}" "${serve_beside[@]}"
done

# table KIND MARK...: each step's start and its share up to the next step's start
table() {
  local kind="$1" i label next t n
  shift
  local marks=("$@")
  printf '%-40s %8s %8s\n' "$kind: step (from its first class)" "starts" "takes"
  for ((i = 0; i < ${#marks[@]}; i++)); do
    label="${marks[i]%%=*}"
    t="$(median <<<"${at[$kind:$label]}")"
    if ((i + 1 < ${#marks[@]})); then
      next="${marks[i + 1]%%=*}"
      n="$(median <<<"${at[$kind:$next]}")"
      printf '%-40s %6s ms %6s ms\n' "$label" "$t" "$((n - t))"
    else
      printf '%-40s %6s ms\n' "$label" "$t"
    fi
  done
}
echo "runs $runs, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $("${JAVA_HOME:+$JAVA_HOME/bin/}java" -version 2>&1 | head -1)"
echo "(the JVM's uptime starts after the launcher script; \"JVM start\" is the JVM's own start up to tanji's Main)"
table calc "${calc_marks[@]}"
table serve "${serve_marks[@]}"
for mark in "${serve_beside[@]}"; do
  printf '%-40s %6s ms\n' "${mark%%=*}" "$(median <<<"${at[serve:${mark%%=*}]}")"
done
