#!/usr/bin/env bash
# bench/serve.sh — the server's figures: start time, GET …/result throughput and latency, upload time.
#
# What it measures (loopback, server and load generator on the same machine)
#   start     wall time from launching `./tanji serve` (JVM start included, on a new, empty data
#             folder: migrations and the first admin's password hash included) to the first
#             200 from GET /api/health; repeated RUNS times, each on a new folder.
#   result    GET /api/studies/{id}/result of a stored seed-003 study, with a bearer token, through
#             wrk (2 threads, 32 connections, DURATION seconds, after a 15 s warm-up: the JIT compiles the hot path first, competing with wrk for the two cores): requests/s
#             and latency percentiles. Every request authenticates (token looked up in the
#             database) and checks the study belongs to the caller's organization; the result
#             itself comes from the per-version cache.
#   demo      a newcomer's first start: `./tanji serve` on a new folder with the demo organization
#             (example studies read, computed and stored, one as a workbook), then signing in on the
#             web page as demo and loading the studies page with their results: wall time from launch
#             to that page. Once.
#   upload    POST /api/studies of a 1,000-line study (bench/GenerateStudy.java, fixed seed) with
#             curl: read, checked, computed, stored in one transaction, answered with its findings;
#             RUNS times, median and max.
#
# Requirements checked (PASS/FAIL; exit 1 when one fails)
#   start < 3 s (max); result ≥ 2,000 requests/s with p99 < 50 ms; upload < 1 s (max);
#   demo: a real result on the page < 60 s
#
# Needs: curl, wrk (Debian: apt-get install wrk), python3 (reads JSON answers).
#
# Usage
#   bench/serve.sh [RUNS]        RUNS defaults to 5; DURATION (seconds of wrk) defaults to 20
#   DB=jdbc:postgresql://… bench/serve.sh   against PostgreSQL (TANJI_DB_PASSWORD as for serve)
#
# Exit status: 0 pass; 1 a limit failed; 2 setup failed.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
runs="${1:-${RUNS:-5}}"
duration="${DURATION:-20}"
case "$runs" in
  '' | *[!0-9]* | 0) echo "bench/serve.sh: RUNS must be a positive integer, not '$runs'" >&2; exit 2 ;;
esac
for tool in curl wrk python3; do
  command -v "$tool" >/dev/null || { echo "bench/serve.sh: needs $tool" >&2; exit 2; }
done
tmp="$(mktemp -d "${TMPDIR:-/tmp}/tanji-serve-bench.XXXXXX")"
pid=""
cleanup() {
  if [[ -n "$pid" ]]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
./tanji --version >/dev/null || { echo "bench/serve.sh: building tanji failed" >&2; exit 2; }
mkdir -p bench/out
[[ -f bench/out/study-1000.yaml ]] || java bench/GenerateStudy.java bench/out/study-1000.yaml 1000 200 yaml >/dev/null

port=18181
password="bench-password-1"
base="http://127.0.0.1:$port"
db_args=()
[[ -n "${DB:-}" ]] && db_args=(--db "$DB")

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
now_ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

start_server() { # $1: data folder; sets pid and the start time in ms
  local t0
  t0=$(now_ms)
  TANJI_ADMIN_PASSWORD="$password" TANJI_DEMO_PASSWORD="$password" ./tanji serve --port "$port" --data "$1" \
    "${db_args[@]}" "${@:2}" >"$tmp/serve.log" 2>&1 &
  pid=$!
  until curl -fs "$base/api/health" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { cat "$tmp/serve.log" >&2; echo "bench/serve.sh: the server did not start" >&2; exit 2; }
    sleep 0.02
  done
  started_ms=$(( $(now_ms) - t0 ))
}
stop_server() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }

verdict=0
starts=()
t0=$(now_ms)
start_server "$tmp/data-demo" --demo
jar="$tmp/cookies"
form=$(curl -fs -c "$jar" -b "$jar" "$base/login")
csrf=$(sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' <<<"$form" | head -1)
curl -fs -o /dev/null -c "$jar" -b "$jar" -H "Origin: $base" --data-urlencode "_csrf=$csrf" \
  --data-urlencode username=demo --data-urlencode "password=$password" "$base/login"
curl -fs -b "$jar" "$base/studies" >"$tmp/dashboard.html"
demo_ms=$(( $(now_ms) - t0 ))
grep -q '2,821.88' "$tmp/dashboard.html" || { echo "bench/serve.sh: the demo's studies page lacks seed 003's 2,821.88" >&2; exit 2; }
stop_server
demo_ok=PASS; (( demo_ms < 60000 )) || { demo_ok=FAIL; verdict=1; }
printf 'demo     first start to the studies page with results: %.2f s  %s\n' "$(echo "$demo_ms / 1000" | bc -l)" "$demo_ok"

for i in $(seq 1 "$runs"); do
  start_server "$tmp/data-$i" --no-demo
  starts+=("$started_ms")
  [[ $i -lt $runs ]] && stop_server
done
start_max=$(printf '%s\n' "${starts[@]}" | sort -n | tail -1)
start_med=$(printf '%s\n' "${starts[@]}" | median)
start_ok=PASS; (( start_max < 3000 )) || { start_ok=FAIL; verdict=1; }
printf 'start    runs %d  median %.2f s  max %.2f s  %s   (%s ms)\n' "$runs" \
  "$(echo "$start_med / 1000" | bc -l)" "$(echo "$start_max / 1000" | bc -l)" "$start_ok" "${starts[*]}"

token=$(curl -fs -X POST "$base/api/login" -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$password\"}" | json '["token"]')
id=$(curl -fs -X POST "$base/api/studies" -H "Authorization: Bearer $token" -H 'Content-Type: application/yaml' \
  --data-binary @examples/seed-003-steel-balls.yaml | json '["id"]')
curl -fs "$base/api/studies/$id/result" -H "Authorization: Bearer $token" >"$tmp/result.json"
./tanji calc examples/seed-003-steel-balls.yaml --json >"$tmp/calc.json" || true
cmp -s "$tmp/result.json" "$tmp/calc.json" || { echo "bench/serve.sh: GET …/result differs from tanji calc --json" >&2; exit 2; }

wrk -t2 -c32 -d15s -H "Authorization: Bearer $token" "$base/api/studies/$id/result" >/dev/null
wrk -t2 -c32 -d"${duration}s" --latency -H "Authorization: Bearer $token" "$base/api/studies/$id/result" >"$tmp/wrk.txt"
rps=$(awk '/^Requests\/sec/ {print $2}' "$tmp/wrk.txt")
to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) print v/1000; else if (v ~ /ms$/) print v+0; else if (v ~ /s$/) print v*1000; else print v }'; }
p50=$(to_ms "$(awk '$1 == "50%" {print $2}' "$tmp/wrk.txt")")
p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$tmp/wrk.txt")")
errors=$(grep -E 'Non-2xx|Socket errors' "$tmp/wrk.txt" || true)
result_ok=PASS
awk -v r="$rps" -v p="$p99" 'BEGIN { exit !(r >= 2000 && p < 50) }' || { result_ok=FAIL; verdict=1; }
[[ -z "$errors" ]] || { result_ok=FAIL; verdict=1; }
printf 'result   %s s  %.0f requests/s  p50 %.2f ms  p99 %.2f ms  %s %s\n' "$duration" "$rps" "$p50" "$p99" "$result_ok" "$errors"

uploads=()
for i in $(seq 1 "$runs"); do
  t=$(curl -fs -o "$tmp/upload.json" -w '%{time_total}' -X POST "$base/api/studies" \
    -H "Authorization: Bearer $token" -H 'Content-Type: application/yaml' --data-binary @bench/out/study-1000.yaml)
  errs=$(json '["errors"]' <"$tmp/upload.json")
  [[ "$errs" == 0 ]] || { echo "bench/serve.sh: the 1,000-line study has $errs errors" >&2; exit 2; }
  uploads+=("$t")
done
up_max=$(printf '%s\n' "${uploads[@]}" | sort -n | tail -1)
up_med=$(printf '%s\n' "${uploads[@]}" | median)
up_ok=PASS; awk -v m="$up_max" 'BEGIN { exit !(m < 1) }' || { up_ok=FAIL; verdict=1; }
printf 'upload   1,000 lines  runs %d  median %.3f s  max %.3f s  %s   (%s)\n' "$runs" "$up_med" "$up_max" "$up_ok" "${uploads[*]}"
exit "$verdict"
