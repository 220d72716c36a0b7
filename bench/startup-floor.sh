#!/usr/bin/env bash
# bench/startup-floor.sh — the least a start of calc or serve can cost on this machine: a JVM that
# only loads the classes the command loads, from a start-up archive of them, and does nothing else.
#
# bench/startup.sh holds the commands to limits in multiples of a bare `java -version`; this script
# says how much of each limit the classes alone take, so a figure above a limit can be read as
# "the work" or "the classes". Each is the median of RUNS runs, all interleaved, wall time:
#   java -version           the unit
#   a JVM on tanji.jar      ClassFloor loading one class (Main) from tanji.jar, with an archive:
#                           the JVM, the launcher's options and the jar opened
#   calc's classes          ClassFloor loading every class `tanji calc` on seed 003 loads (recorded
#                           with -XX:DumpLoadedClassList; hidden classes left out, and the few made
#                           at run time, such as annotations' proxies, are not found by name), with
#                           an archive made of exactly them, with the launcher's options for short runs
#   tanji calc              ./tanji calc examples/seed-003-steel-balls.yaml --json, as bench/startup.sh
#   serve's classes         the same for the classes `tanji serve` loads on an existing folder up to
#                           its first answer, with the server's options
#   tanji serve, existing   ./tanji serve on that folder to its first 200 from /api/health
#
# Usage
#   bench/startup-floor.sh [RUNS]      RUNS defaults to 7; JAVA_HOME chooses the JVM as for ./tanji
#
# Exit status: 0 done; 2 setup failed.
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
runs="$(count_arg "${1:-7}")"
command -v curl >/dev/null || { echo "bench/startup-floor.sh: needs curl" >&2; exit 2; }
bench_tmp startup-floor

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar="$here/tanji-cli/target/tanji.jar"
seed=examples/seed-003-steel-balls.yaml
# the launcher's options (./tanji), written out: the floor must start the JVM as the launcher does (copy any
# change of its defaults here)
cli_opts=(-Xlog:all=off:stdout -Xlog:all=warning:stderr -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData -Xss4m)
serve_opts=(-Xlog:all=off:stdout -Xlog:all=warning:stderr -Xss4m -Xmx2g -XX:Tier4InvocationThreshold=50000
  -XX:Tier4MinInvocationThreshold=6000 -XX:Tier4CompileThreshold=150000 -XX:Tier4BackEdgeThreshold=400000)

# warm-up: builds when needed, makes the launcher's archives and the existing folder
./tanji calc "$seed" --json >/dev/null || { echo "bench/startup-floor.sh: tanji calc failed" >&2; exit 2; }
# (a jar: an archive's class path may hold no class folders)
"${JAVA_HOME:+$JAVA_HOME/bin/}javac" -d "$tmp/floor" bench/ClassFloor.java
"${JAVA_HOME:+$JAVA_HOME/bin/}jar" cf "$tmp/floor.jar" -C "$tmp/floor" .

# serve_until_health LOG JAVA-ARGS...: starts java JAVA-ARGS on the existing folder, waits for the
# first 200 from /api/health, stops it
serve_until_health() {
  local log="$1"
  shift
  serve_up "$log" "bench/startup-floor.sh" "$@" serve --port 0 --data "$tmp/existing" --no-demo
  serve_down
}
TANJI_ADMIN_PASSWORD=bench-password-1 serve_until_health "$tmp/serve.log" ./tanji

# the class lists: every class the command loads, by name (hidden classes have none to load by)
"$java" "${cli_opts[@]}" -Xshare:off -XX:DumpLoadedClassList="$tmp/calc.all" -cp "$jar" org.tanji.cli.Main \
  calc "$seed" --json >/dev/null
serve_until_health "$tmp/serve.log" "$java" "${serve_opts[@]}" -Xshare:off -XX:DumpLoadedClassList="$tmp/serve.all" \
  -cp "$jar" org.tanji.cli.Main
for kind in calc serve; do
  grep -v -e '^#' -e '@' -e '\$\$Lambda' "$tmp/$kind.all" | cut -d' ' -f1 >"$tmp/$kind.names"
done
echo org/tanji/cli/Main >"$tmp/jvm.names"

# archive KIND OPTS...: an archive for ClassFloor loading KIND's classes, made the launcher's way
archive() {
  local kind="$1"
  shift
  "$java" "$@" -Xshare:off -XX:DumpLoadedClassList="$tmp/$kind.floor" -cp "$tmp/floor.jar:$jar" ClassFloor "$tmp/$kind.names" >/dev/null
  # (its warnings, about JFR's classes that no archive holds, to a file: shown only when it fails)
  "$java" "$@" -Xshare:dump -XX:SharedClassListFile="$tmp/$kind.floor" -XX:SharedArchiveFile="$tmp/$kind.jsa" \
    -cp "$tmp/floor.jar:$jar" >"$tmp/dump.log" 2>&1 || { cat "$tmp/dump.log" >&2; exit 2; }
}
archive jvm "${cli_opts[@]}"
archive calc "${cli_opts[@]}"
archive serve "${serve_opts[@]}"

declare -A ms found
floor() {
  local kind="$1"
  shift
  time_cmd "$kind" "$java" "$@" -XX:SharedArchiveFile="$tmp/$kind.jsa" -cp "$tmp/floor.jar:$jar" ClassFloor "$tmp/$kind.names"
  found[$kind]="$(cut -d' ' -f1 "$tmp/out")"
}
time_existing() {
  serve_until_health "$tmp/serve.log" ./tanji
  ms[existing]+="$took "
}

for ((i = 1; i <= runs; i++)); do
  time_cmd version "$java" -version
  floor jvm "${cli_opts[@]}"
  floor calc "${cli_opts[@]}"
  time_cmd tanji-calc ./tanji calc "$seed" --json
  floor serve "${serve_opts[@]}"
  time_existing
done

echo "runs $runs, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $("$java" -version 2>&1 | head -1)"
row() {
  local m
  m=$(median <<<"${ms[$1]}")
  printf '%-40s median %6s ms  %5s×  (%s ms)\n' "$2" "$m" \
    "$(awk -v a="$m" -v b="$(median <<<"${ms[version]}")" 'BEGIN { printf "%.1f", a / b }')" "$(xargs <<<"${ms[$1]}")"
}
row version "java -version"
row jvm "a JVM on tanji.jar (1 class)"
row calc "calc's ${found[calc]} classes, loaded only"
row tanji-calc "tanji calc seed 003 --json"
row serve "serve's ${found[serve]} classes, loaded only"
row existing "tanji serve, existing folder, first 200"
