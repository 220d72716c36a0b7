#!/usr/bin/env bash
# bench/pact-list.sh — PACT ListFootprints over 10,000 issued footprints (issue 16's figure).
#
# What it measures (loopback, server and client on the same machine, HTTPS with a self-signed
# certificate): tanji serve on a new data folder issues seed 003 through review and approval (a
# real ProductFootprint), is stopped, and bench/PactSeed.java copies that footprint to COUNT in all
# (default 10,000) through the issuing code path, each with its own id and product id, one of five
# geographies and two reference years. The server is started again, an API client gets a token, and
# bench/PactList.java times GET /3/footprints one request after another on one kept-open connection
# (WARMUP requests, then RUNS timed): the first page without filters (100 footprints, the default
# page), and first pages with filters. Columns: median, p99 and max in ms, bytes, footprints.
#
# Requirement checked: every query's first page p99 < 50 ms. Exit 1 when one fails, 2 when setup fails.
# Needs: a JDK (keytool), curl, python3. Usage: bench/pact-list.sh [COUNT] (WARMUP=300 RUNS=1000).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
count="${1:-10000}"
warmup="${WARMUP:-300}"
runs="${RUNS:-1000}"
for t in curl python3 keytool; do
  command -v "$t" >/dev/null || { echo "bench/pact-list.sh: needs $t" >&2; exit 2; }
done
./tanji --version >/dev/null # builds when needed
jar="$here/tanji-cli/target/tanji.jar"
work="$(mktemp -d)"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="https://127.0.0.1:$port"
keytool -genkeypair -alias tanji -keyalg EC -groupname secp256r1 -dname CN=localhost \
  -ext SAN=ip:127.0.0.1,dns:localhost -validity 7 -storetype PKCS12 -keystore "$work/tls.p12" \
  -storepass bench-keystore -keypass bench-keystore >/dev/null 2>&1
server=""
start() {
  TANJI_ADMIN_PASSWORD=bench-admin-password TANJI_TLS_KEYSTORE_PASSWORD=bench-keystore \
    java -Xmx2g -jar "$jar" serve --port "$port" --data "$work/data" --no-demo \
    --tls-keystore "$work/tls.p12" >>"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 600); do
    curl -skf "$base/api/health" >/dev/null && return
    kill -0 "$server" 2>/dev/null || { cat "$work/server.log" >&2; exit 2; }
    sleep 0.1
  done
}
stop() { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }
cleanup() { stop; rm -rf "$work"; }
trap cleanup EXIT

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
post() { curl -skf -X "$1" "$base$2" -H "Authorization: Bearer $3" -H 'Content-Type: application/json' -d "$4"; }
login() { curl -skf "$base/api/login" -H 'Content-Type: application/json' \
  -d "{\"username\":\"$1\",\"password\":\"$2\"}" | json "['token']"; }

start
op=$(login admin bench-admin-password)
post POST /api/organizations "$op" '{"name":"Bench","admin":{"username":"bench","password":"bench-password-1"}}' >/dev/null
admin=$(login bench bench-password-1)
for u in rev:reviewer appr:approver; do
  post POST /api/users "$admin" "{\"username\":\"${u%%:*}\",\"password\":\"password-${u%%:*}-1\"}" >/dev/null
  post PUT /api/roles "$admin" "{\"username\":\"${u%%:*}\",\"roles\":[\"${u##*:}\"]}" >/dev/null
done
rev=$(login rev password-rev-1)
appr=$(login appr password-appr-1)
id=$(curl -skf "$base/api/studies" -H "Authorization: Bearer $admin" -H 'Content-Type: application/yaml' \
  --data-binary @examples/seed-003-steel-balls.yaml | json "['id']")
v="/api/studies/$id/versions/1"
post POST "$v/submit" "$admin" '{}' >/dev/null
curl -skf "$base$v/warnings" -H "Authorization: Bearer $rev" \
  | python3 -c 'import json,sys; [print(w["code"]+"\t"+w["where"]) for w in json.load(sys.stdin)["pending"]]' \
  | while IFS=$'\t' read -r c w; do
      post POST "$v/warnings/accept" "$rev" "{\"code\":\"$c\",\"where\":\"$w\",\"reason\":\"checked\"}" >/dev/null
    done
post POST "$v/review" "$rev" '{"password":"password-rev-1","statement":"Reviewed"}' >/dev/null
post POST "$v/approve" "$appr" '{"password":"password-appr-1","statement":"Approved"}' >/dev/null
post POST "$v/issue" "$appr" '{"formats":["html"],"languages":["en"]}' >/dev/null
client=$(post POST /api/pact/clients "$admin" '{"name":"bench"}')
stop

seeded=$(date +%s.%N)
middle=$(java -cp "$jar" bench/PactSeed.java "$work/data" "$count")
echo "seeded $count footprints in $(python3 -c "print('%.1f' % ($(date +%s.%N)-$seeded))") s"
start
basic=$(printf '%s:%s' "$(json "['clientId']" <<<"$client")" "$(json "['clientSecret']" <<<"$client")" | base64 -w0)
token=$(curl -skf "$base/auth/token" -H "Authorization: Basic $basic" -d grant_type=client_credentials \
  | json "['access_token']")
company=$(curl -skf "$base/3/footprints?limit=1" -H "Authorization: Bearer $token" | json "['data'][0]['companyIds'][0]")

echo "GET over $count issued footprints; $warmup warm-up + $runs timed requests each; $(nproc) CPUs; $(java -version 2>&1 | head -n1)"
printf '%-75s %7s %7s %7s %9s %5s\n' query p50/ms p99/ms max/ms bytes count
fail=0
for q in "/3/footprints" \
         "/3/footprints?limit=10" \
         "/3/footprints?geography=CN-JS&status=Active" \
         "/3/footprints?geography=DE&validOn=2025-06-01T00:00:00Z" \
         "/3/footprints?productId=$middle" \
         "/3/footprints?companyId=$company&validAfter=2025-06-01T00:00:00Z&limit=50" \
         "/3/footprints?productId=urn:bogus:product:x"; do
  line=$(java bench/PactList.java "$base" "$token" "$q" "$warmup" "$runs")
  echo "$line"
  p99=$(awk '{print $3}' <<<"$line")
  python3 -c "import sys; sys.exit(0 if $p99 < 50 else 1)" || fail=1
done
if [[ $fail == 1 ]]; then
  echo "FAIL: a first page's p99 is 50 ms or more"
  exit 1
fi
echo "PASS: every first page's p99 < 50 ms"
