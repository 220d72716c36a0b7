#!/usr/bin/env bash
# bench/warmup.sh — how fast the server answers in its first seconds, while the JIT is still at work.
#
# A JVM option that makes the start faster by compiling less (C1 only, C2 later) may leave the
# running server slower; bench/serve.sh measures after a 15 s warm-up, this one from the start.
# It starts ./tanji serve on a new folder (--no-demo), stores seed 003 through the API, then runs
# wrk on GET /api/studies/{id}/result (2 threads, 32 connections, a bearer token) in windows of
# 5 s, 5 s, 5 s and 20 s, one after another, and prints the requests/s of each. TANJI_JAVA_OPTS
# passes to the launcher as usual (it replaces serve's options, C2 later included: keep -Xss4m -Xmx2g), e.g.
#   bench/warmup.sh
#   TANJI_JAVA_OPTS="-Xss4m -Xmx2g -XX:TieredStopAtLevel=1" bench/warmup.sh
#
# Needs: curl, wrk, python3. Exit status: 0 done; 2 setup failed.
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
for tool in curl wrk python3; do
  command -v "$tool" >/dev/null || { echo "bench/warmup.sh: needs $tool" >&2; exit 2; }
done
bench_tmp warmup

password=bench-password-1
serve_up "$tmp/serve.log" "bench/warmup.sh" env TANJI_ADMIN_PASSWORD="$password" \
  ./tanji serve --port 0 --data "$tmp/data" --no-demo
base="http://127.0.0.1:$port"
token=$(login admin "$password")
id=$(store_study "$token" examples/seed-003-steel-balls.yaml)
rates=()
for seconds in 5 5 5 20; do
  rates+=("$(wrk -t2 -c32 -d"${seconds}s" -H "Authorization: Bearer $token" "$base/api/studies/$id/result" \
    | awk '/Requests\/sec/ {printf "%d", $2}')")
done
echo "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), options: ${TANJI_JAVA_OPTS:-as the launcher sets them}"
echo "GET …/result, requests/s in 0-5 s: ${rates[0]}, 5-10 s: ${rates[1]}, 10-15 s: ${rates[2]}, 15-35 s: ${rates[3]}"
