#!/usr/bin/env bash
# bench/early-latency.sh — how long a lightly used server takes to answer in its first minute, under
# two sets of JVM options: a JIT setting that makes the start cheaper (C2 later) must not leave the
# first users of a freshly started server waiting much longer.
#
# bench/warmup.sh measures throughput under load from the start; here one user works at a time.
# Each session starts ./tanji serve on a new folder (--no-demo) with the options given (as
# TANJI_JAVA_OPTS; empty for the launcher's own), and then, ROUNDS times with a pause of 0.5 s:
# stores seed 003 as a new study (POST /api/studies), asks for its result (JSON), its HTML report
# and its PDF report (none of them cached yet: a new study each round), timing each request
# (curl's time_total). Sessions alternate A, B, A, B, so a busy moment weighs on both alike.
# Printed: per option set and kind of request, the median milliseconds of rounds 1-3, 4-10 and
# 11-ROUNDS (both sessions of that set together).
#
# Usage
#   bench/early-latency.sh [ROUNDS] [OPTS-A] [OPTS-B]
#   bench/early-latency.sh 20 "" "-Xss4m -Xmx2g"    the launcher's options (C2 later) against the
#                                                   JVM's own JIT thresholds
#   ROUNDS defaults to 20 (at least 11)
#
# Needs: curl, python3. Exit status: 0 done; 2 setup failed.
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
rounds="$(count_arg "${1:-20}" 11)"
opts_a="${2:-}"
opts_b="${3:-}"
for tool in curl python3; do
  command -v "$tool" >/dev/null || { echo "bench/early-latency.sh: needs $tool" >&2; exit 2; }
done
bench_tmp early-latency
password=bench-password-1
./tanji calc examples/seed-003-steel-balls.yaml --json >/dev/null # builds when needed

# session LABEL OPTS: one server, ROUNDS rounds; appends "LABEL KIND ROUND MS" lines to $tmp/times
session() {
  local label="$1" opts="$2" r kind path id token
  rm -rf "$tmp/data"
  serve_up "$tmp/serve.log" "bench/early-latency.sh" env ${opts:+TANJI_JAVA_OPTS="$opts"} TANJI_ADMIN_PASSWORD="$password" \
    ./tanji serve --port 0 --data "$tmp/data" --no-demo
  base="http://127.0.0.1:$port"
  token=$(login admin "$password")
  for ((r = 1; r <= rounds; r++)); do
    # the answer, then a line with the request's seconds
    api_curl -w '\n%{time_total}' "$base/api/studies" -H "Authorization: Bearer $token" \
      -H 'Content-Type: application/yaml' --data-binary @examples/seed-003-steel-balls.yaml >"$tmp/answer"
    tail -1 "$tmp/answer" | awk -v l="$label" -v r="$r" '{printf "%s store %d %d\n", l, r, $1 * 1000}' >>"$tmp/times"
    id=$(head -n -1 "$tmp/answer" | json "['id']")
    for kind in result:result html:report?format=html pdf:report?format=pdf; do
      path="${kind#*:}"
      api_curl -o /dev/null -w '%{time_total}\n' "$base/api/studies/$id/$path" -H "Authorization: Bearer $token" \
        | awk -v l="$label" -v k="${kind%%:*}" -v r="$r" '{printf "%s %s %d %d\n", l, k, r, $1 * 1000}' >>"$tmp/times"
    done
    sleep 0.5
  done
  serve_down
}

session A "$opts_a"
session B "$opts_b"
session A "$opts_a"
session B "$opts_b"

echo "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $rounds rounds"
default="as the launcher sets them"
echo "A: ${opts_a:-$default}"
echo "B: ${opts_b:-$default}"
python3 - "$tmp/times" "$rounds" <<'PY'
import collections, statistics, sys
times = collections.defaultdict(list)
for line in open(sys.argv[1]):
    label, kind, r, ms = line.split()
    r = int(r)
    span = "1-3" if r <= 3 else "4-10" if r <= 10 else f"11-{sys.argv[2]}"
    times[(label, kind, span)].append(int(ms))
spans = ["1-3", "4-10", f"11-{sys.argv[2]}"]
print(f"{'ms, median':12s}" + "".join(f"{s:>10s}" for s in spans))
for kind in ("store", "result", "html", "pdf"):
    for label in ("A", "B"):
        print(f"{label} {kind:10s}" + "".join(f"{statistics.median(times[(label, kind, s)]):10.0f}" for s in spans))
PY
