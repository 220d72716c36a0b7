#!/usr/bin/env bash
# bench/heap.sh — how much heap `tanji serve` needs: the evidence for the launcher's -Xmx.
#
# Runs the server with a given maximum heap (HEAP, default the launcher's 2g) and the GC log on,
# then, in this order:
#   upload    POST /api/studies of the 100,000-line study (bench/GenerateStudy.java, fixed seed;
#             18 MB of YAML, within the default 32 MB upload limit) and of its JSON form:
#             read, checked, computed, stored, answered; then GET …/result of each (JSON of the
#             100,000 lines' contributions, cached)
#   at once   PARALLEL (default 3) uploads of the 100,000-line YAML at the same time
#   load      GET …/result of a stored seed-003 study under wrk (2 threads, 32 connections,
#             DURATION seconds) while the 100,000-line studies sit in the result cache
# and prints, from the GC log, the largest heap in use before a collection (what the JVM held at
# once; G1 lets the heap fill before it collects the old generation, so this grows with HEAP), after
# one, and after a full collection at the end (what stays alive: caches, H2's pages), and whether
# every request succeeded.
# Run it with smaller HEAP values to find where the server starts to fail.
#
# Needs: curl, wrk (Debian: apt-get install wrk), python3 (reads JSON answers).
#
# Usage
#   bench/heap.sh                  HEAP=2g (the launcher's); PARALLEL=3; DURATION=20
#   HEAP=384m bench/heap.sh
#
# Exit status: 0 every request succeeded; 1 one failed (out of memory, most likely); 2 setup failed.
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
heap="${HEAP:-2g}"
duration="${DURATION:-20}"
parallel="${PARALLEL:-3}"
for tool in curl wrk python3; do
  command -v "$tool" >/dev/null || { echo "bench/heap.sh: needs $tool" >&2; exit 2; }
done
bench_tmp heap-bench
./tanji --version >/dev/null || { echo "bench/heap.sh: building tanji failed" >&2; exit 2; }
mkdir -p bench/out
for format in yaml json; do
  f="bench/out/study-100k.$format"
  if [[ ! -s "$f" || bench/GenerateStudy.java -nt "$f" ]]; then
    java bench/GenerateStudy.java "$f" 100000 1000 "$format" >/dev/null || { echo "bench/heap.sh: generation failed" >&2; exit 2; }
  fi
done

password="bench-password-1"

# the launcher's options for serve, and after them this heap and the GC log
serve_up "$tmp/serve.log" "bench/heap.sh" env TANJI_JAVA_OPTS_ADD="-Xmx$heap -Xlog:gc:file=$tmp/gc.log" \
  TANJI_ADMIN_PASSWORD="$password" ./tanji serve --port 0 --data "$tmp/data" --no-demo
base="http://127.0.0.1:$port"
token=$(login admin "$password")

failed=0
# request LABEL CURL-ARGS...: one request; prints its status and time; counts failures
request() {
  local label="$1" out
  shift
  out=$(curl -s -o "$tmp/body" -w '%{http_code} %{time_total}' -H "Authorization: Bearer $token" "$@" || echo "000 0")
  printf '%-34s HTTP %s  %6.2f s\n' "$label" "${out% *}" "${out#* }"
  last_ok=1
  [[ "${out% *}" == 2?? ]] || { last_ok=0; failed=1; head -c 300 "$tmp/body" >&2; echo >&2; }
}
ids=()
for format in yaml json; do
  request "upload 100,000 lines ($format)" -X POST "$base/api/studies" -H "Content-Type: application/$format" \
    --data-binary "@bench/out/study-100k.$format"
  if [[ $last_ok == 1 ]]; then
    ids+=("$(json '["id"]' <"$tmp/body")")
    request "  GET …/result" "$base/api/studies/${ids[-1]}/result"
  fi
done
uploads=()
for ((i = 1; i <= parallel; i++)); do
  curl -s -o /dev/null -w '%{http_code}\n' -X POST "$base/api/studies" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/yaml' --data-binary @bench/out/study-100k.yaml >"$tmp/parallel-$i" &
  uploads+=($!)
done
wait "${uploads[@]}"
statuses=$(cat "$tmp"/parallel-* | xargs)
printf '%-34s HTTP %s\n' "$parallel uploads of 100,000 lines at once" "$statuses"
[[ "$statuses" =~ ^(201 ?)+$ ]] || failed=1
request "upload seed 003" -X POST "$base/api/studies" -H 'Content-Type: application/yaml' \
  --data-binary @examples/seed-003-steel-balls.yaml
# after an OutOfMemoryError the server may refuse even this small study: then there is nothing to load
if [[ $last_ok == 1 ]]; then
  seed_id=$(json '["id"]' <"$tmp/body")
  wrk -t2 -c32 -d"${duration}s" -H "Authorization: Bearer $token" "$base/api/studies/$seed_id/result" >"$tmp/wrk.txt"
  errors=$(grep -E 'Non-2xx|Socket errors' "$tmp/wrk.txt" || true)
  printf '%-34s %s requests/s %s\n' "load: GET …/result, ${duration} s" "$(awk '/^Requests\/sec/ {printf "%.0f", $2}' "$tmp/wrk.txt")" "$errors"
  [[ -z "$errors" ]] || failed=1
fi
# what stays alive: a full collection at the end (System.gc() through jcmd; pid is the JVM's, the launcher execs it)
jcmd "$pid" GC.run >/dev/null 2>&1 || echo "bench/heap.sh: jcmd could not reach the server" >&2
sleep 1
kill -0 "$pid" 2>/dev/null || { failed=1; echo "bench/heap.sh: the server died" >&2; tail -5 "$tmp/serve.log" >&2; }
grep -q OutOfMemoryError "$tmp/serve.log" && { failed=1; echo "bench/heap.sh: the server ran out of memory" >&2; }

# GC lines end with "BEFORE->AFTER(COMMITTED) TIME", in M
awk '/->/ { if (match($0, /[0-9]+M->[0-9]+M\([0-9]+M\)/)) { s = substr($0, RSTART, RLENGTH); gsub(/[M()]/, " ", s);
              split(s, v, /[-> ]+/); if (v[1] > before) before = v[1]; if (v[2] > after) after = v[2]; n++
              if ($0 ~ /Pause Full/) live = v[2] } }
     END { printf "heap -Xmx%s: %d collections; most in use before a collection %d MB, after one %d MB; alive after the final full collection %d MB\n", heap, n, before, after, live }' \
  heap="$heap" "$tmp/gc.log"
(( failed == 0 )) && echo "every request succeeded" || echo "a request failed"
exit "$failed"
