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
# shellcheck source=lib.sh
. "$here/bench/lib.sh"
work="$(mktemp -d)"
port=$(free_port)
base="https://127.0.0.1:$port"
tls_keystore "$work/tls.p12" bench-keystore
start() {
  TANJI_ADMIN_PASSWORD=bench-admin-password TANJI_TLS_KEYSTORE_PASSWORD=bench-keystore \
    serve_start "$work/server.log" --port "$port" --data "$work/data" --no-demo --tls-keystore "$work/tls.p12"
}
cleanup() { serve_stop; rm -rf "$work"; }
trap cleanup EXIT

start
team Bench bench-admin-password
id=$(store_study "$admin" examples/seed-003-steel-balls.yaml)
approve "$id" 1
post POST "/api/studies/$id/versions/1/issue" "$appr" '{"formats":["html"],"languages":["en"]}' >/dev/null
client=$(post POST /api/pact/clients "$admin" '{"name":"bench"}')
serve_stop

seeded=$(date +%s.%N)
middle=$(java -cp "$jar" bench/PactSeed.java "$work/data" "$count")
echo "seeded $count footprints in $(python3 -c "print('%.1f' % ($(date +%s.%N)-$seeded))") s"
start
basic=$(printf '%s:%s' "$(json "['clientId']" <<<"$client")" "$(json "['clientSecret']" <<<"$client")" | base64 -w0)
token=$(api_curl "$base/auth/token" -H "Authorization: Basic $basic" -d grant_type=client_credentials \
  | json "['access_token']")
company=$(api_curl "$base/3/footprints?limit=1" -H "Authorization: Bearer $token" | json "['data'][0]['companyIds'][0]")

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
