#!/usr/bin/env bash
# scripts/pact-conformance.sh — the official PACT conformance tool against a local tanji serve.
#
# Starts tanji serve over HTTPS with a self-signed certificate made now (keytool), on a new data
# folder; creates an organization with a preparer, a reviewer and an approver; stores seed 003 and
# takes two versions of it through review and approval to issue (their ProductFootprints are what
# the host serves; two, so that a list has a next page);
# adds a partner whose event endpoint is the tool's callback listener, and an API client of that
# partner; then runs the tool's V3.0 test run (scripts/pact-conformance.js) with
# NODE_TLS_REJECT_UNAUTHORIZED=0 for the tool only, and prints each test case and the time.
#
# The tool (wbcsd/pact-conformance-service) is not published on npm: its sources are found at
# $PACT_CONFORMANCE_DIR (a clone; `npm ci` is run there when node_modules is missing).
# Exit 0 when every mandatory test passed, 1 when one did not, 2 when setup failed,
# 3 when Node or the tool is missing (the JUnit test skips then).
# Needs: a JDK (keytool), curl, python3, node >= 18. Usage: PACT_CONFORMANCE_DIR=… scripts/pact-conformance.sh
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
tool="${PACT_CONFORMANCE_DIR:-}"
if ! command -v node >/dev/null; then
  echo "scripts/pact-conformance.sh: node is not installed" >&2
  exit 3
fi
if [[ -z "$tool" || ! -f "$tool/src/services/test-run-worker.ts" ]]; then
  echo "scripts/pact-conformance.sh: set PACT_CONFORMANCE_DIR to a clone of wbcsd/pact-conformance-service" >&2
  exit 3
fi
if [[ ! -d "$tool/node_modules/ts-node" ]]; then
  (cd "$tool" && npm ci --no-audit --no-fund >&2)
fi
for t in curl python3 keytool; do
  command -v "$t" >/dev/null || { echo "scripts/pact-conformance.sh: needs $t" >&2; exit 2; }
done
jar="${TANJI_JAR:-$here/tanji-cli/target/tanji.jar}"
[[ -n "${TANJI_JAR:-}" ]] || ./tanji --version >/dev/null # builds when needed

started=$(date +%s.%N)
# shellcheck source=../bench/lib.sh
. "$here/bench/lib.sh"
work="$(mktemp -d)"
port=$(free_port)
callback=$(free_port)
base="https://127.0.0.1:$port"
tls_keystore "$work/tls.p12" conformance-keystore
cleanup() { serve_stop; rm -rf "$work"; }
trap cleanup EXIT
TANJI_ADMIN_PASSWORD=conformance-admin-pw TANJI_TLS_KEYSTORE_PASSWORD=conformance-keystore SERVE_JAVA_OPTS=-Xmx1g \
  serve_start "$work/server.log" --port "$port" --data "$work/data" --no-demo --tls-keystore "$work/tls.p12"

team Conformance conformance-admin-pw
id=$(store_study "$admin" examples/seed-003-steel-balls.yaml)
# two issued versions, so that a list of one footprint has a next page (test 5); the second is the
# product renamed, and deprecates the first
issue() {
  approve "$id" "$1"
  post POST "/api/studies/$id/versions/$1/issue" "$appr" '{"formats":["html"],"languages":["en"]}' >/dev/null
}
issue 1
sed 's/^\(  name: \)/\1v2 /' examples/seed-003-steel-balls.yaml \
  | api_curl -X PUT "$base/api/studies/$id" -H "Authorization: Bearer $admin" -H 'Content-Type: application/yaml' \
    -H 'If-Match: "1"' --data-binary @- >/dev/null
issue 2
partner=$(post POST /api/pact/partners "$admin" \
  "{\"name\":\"PACT conformance service\",\"eventUrl\":\"http://127.0.0.1:$callback/3/events\"}" | json "['id']")
client=$(post POST /api/pact/clients "$admin" "{\"name\":\"conformance\",\"partnerId\":$partner}")
ready=$(date +%s.%N)

set +e
NODE_TLS_REJECT_UNAUTHORIZED=0 NODE_NO_WARNINGS=1 NODE_ENV=production PORT=0 DB_CONNECTION_STRING=unused \
  LOG_OUTPUT=none CONFORMANCE_API="http://127.0.0.1:$callback" PACT_CONFORMANCE_DIR="$tool" \
  PACT_BASE_URL="$base" PACT_CLIENT_ID=$(json "['clientId']" <<<"$client") \
  PACT_CLIENT_SECRET=$(json "['clientSecret']" <<<"$client") node scripts/pact-conformance.js
status=$?
set -e
done_at=$(date +%s.%N)
python3 -c "print('time: %.1f s in all (server start and setup %.1f s, the tool %.1f s)' % ($done_at-$started, $ready-$started, $done_at-$ready))"
exit $status
