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
data="$(mktemp -d)"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
TANJI_ADMIN_PASSWORD=bench-admin-password TANJI_VERIFY_PER_MINUTE=100000000 \
  java -Xmx2g -jar "$jar" serve --port "$port" --data "$data" --no-demo >"$data/server.log" 2>&1 &
server=$!
cleanup() { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT
for _ in $(seq 1 300); do
  curl -sf "$base/api/health" >/dev/null && break
  sleep 0.1
done

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
post() { curl -sf -X "$1" "$base$2" -H "Authorization: Bearer $3" -H 'Content-Type: application/json' -d "$4"; }
login() { curl -sf "$base/api/login" -H 'Content-Type: application/json' \
  -d "{\"username\":\"$1\",\"password\":\"$2\"}" | json "['token']"; }

op=$(login admin bench-admin-password)
post POST /api/organizations "$op" '{"name":"Bench","admin":{"username":"bench","password":"bench-password-1"}}' >/dev/null
admin=$(login bench bench-password-1)
for u in rev:reviewer appr:approver; do
  post POST /api/users "$admin" "{\"username\":\"${u%%:*}\",\"password\":\"password-${u%%:*}-1\"}" >/dev/null
  post PUT /api/roles "$admin" "{\"username\":\"${u%%:*}\",\"roles\":[\"${u##*:}\"]}" >/dev/null
done
rev=$(login rev password-rev-1)
appr=$(login appr password-appr-1)

times=()
code=""
for run in $(seq 0 "$runs"); do
  example=examples/seed-003-steel-balls.yaml
  [[ $run == 0 ]] && example=examples/two-products-mass-allocation.yaml
  id=$(curl -sf "$base/api/studies" -H "Authorization: Bearer $admin" -H 'Content-Type: application/yaml' \
    --data-binary "@$example" | json "['id']")
  v="/api/studies/$id/versions/1"
  post POST "$v/submit" "$admin" '{}' >/dev/null
  curl -sf "$base$v/warnings" -H "Authorization: Bearer $rev" \
    | python3 -c 'import json,sys; [print(w["code"]+"\t"+w["where"]) for w in json.load(sys.stdin)["pending"]]' \
    | while IFS=$'\t' read -r c w; do
        post POST "$v/warnings/accept" "$rev" "{\"code\":\"$c\",\"where\":\"$w\",\"reason\":\"checked\"}" >/dev/null
      done
  post POST "$v/review" "$rev" '{"password":"password-rev-1","statement":"Reviewed"}' >/dev/null
  post POST "$v/approve" "$appr" '{"password":"password-appr-1","statement":"Approved"}' >/dev/null
  out=$(curl -sf -w '\n%{time_total}' -X POST "$base$v/issue" -H "Authorization: Bearer $appr" \
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
