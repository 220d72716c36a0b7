#!/usr/bin/env bash
# bench/issue.sh — issuing and verifying a report (issue 15's figures).
#
# What it measures (loopback, server and load generator on the same machine)
#   issue     POST …/versions/1/issue of seed 003 (corrected), reviewed and approved beforehand, in all three
#             formats (HTML, DOCX, PDF) and both languages: six reports made, the two PDFs signed (PAdES,
#             RSA 3072; the organization's key made on its first issue, so the first run includes making it),
#             result JSON in both languages, all stored, with the audit record, in one transaction.
#             Wall time of the request, RUNS times (each on a new study), median and max, after one issue of
#             another study that is not counted (the server's first: its JIT and fonts warm up, and the
#             organization's key is made); that first one is printed too.
#   verify    GET /verify/{code} of an issued report, no sign-in, through wrk (2 threads, 16 connections,
#             DURATION seconds after a 10 s warm-up), from one client address: the page's own limit of
#             60 requests a minute per address is raised for this run (TANJI_VERIFY_PER_MINUTE) so that the
#             page itself is measured; requests/s and p99.
#
# Requirements checked: issue < 5 s (max); verify ≥ 500 requests/s. Exit 1 when one fails, 2 when setup fails.
# Needs: curl, wrk (Debian: apt-get install wrk), python3. Usage: bench/issue.sh [RUNS] (default 3).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
runs="${1:-3}"
duration="${DURATION:-15}"
for tool in curl wrk python3; do
  command -v "$tool" >/dev/null || { echo "bench/issue.sh: needs $tool" >&2; exit 2; }
done
./tanji --version >/dev/null # builds when needed
jar="$here/tanji-cli/target/tanji.jar"
# shellcheck source=lib.sh
. "$here/bench/lib.sh"
data="$(mktemp -d)"
port=$(free_port)
base="http://127.0.0.1:$port"
cleanup() { serve_stop; rm -rf "$data"; }
trap cleanup EXIT
TANJI_ADMIN_PASSWORD=bench-admin-password TANJI_VERIFY_PER_MINUTE=100000000 \
  serve_start "$data/server.log" --port "$port" --data "$data" --no-demo
team Bench bench-admin-password

times=()
code=""
for run in $(seq 0 "$runs"); do
  example=examples/seed-003-steel-balls.yaml
  [[ $run == 0 ]] && example=examples/two-products-mass-allocation.yaml
  id=$(store_study "$admin" "$example")
  v="/api/studies/$id/versions/1"
  approve "$id" 1
  out=$(api_curl -w '\n%{time_total}' -X POST "$base$v/issue" -H "Authorization: Bearer $appr" \
    -H 'Content-Type: application/json' -d '{"formats":["html","docx","pdf"],"languages":["zh","en"]}')
  t=$(tail -n1 <<<"$out")
  code=$(head -n -1 <<<"$out" | json "['verification'].split('/')[-1]")
  if [[ $run == 0 ]]; then
    echo "first issue of the server (not counted): ${t} s"
    continue
  fi
  times+=("$t")
  echo "issue run $run: ${t} s"
done
read -r median max < <(printf '%s\n' "${times[@]}" | sort -n | python3 -c '
import sys; v=[float(x) for x in sys.stdin]; print(v[len(v)//2], v[-1])')

wrk -t2 -c16 -d10s "$base/verify/$code" >/dev/null
report=$(wrk -t2 -c16 -d"${duration}s" --latency "$base/verify/$code")
rps=$(awk '/Requests\/sec/ {print $2}' <<<"$report")
p99=$(awk '$1 == "99%" {print $2}' <<<"$report")
non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$report")

status=0
verdict() { if python3 -c "import sys; sys.exit(0 if $1 else 1)"; then echo PASS; else echo FAIL; status=1; fi; }
printf 'issue   median %.2f s, max %.2f s (limit 5 s)        %s\n' "$median" "$max" "$(verdict "$max < 5")"
printf 'verify  %s requests/s, p99 %s, non-2xx %s (limit 500/s)  %s\n' "$rps" "$p99" "${non2xx:-0}" \
  "$(verdict "$rps >= 500 and '${non2xx:-0}' == '0'")"
exit $status
