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
work="$(mktemp -d)"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port=$(free_port)
callback=$(free_port)
base="https://127.0.0.1:$port"
keytool -genkeypair -alias tanji -keyalg EC -groupname secp256r1 -dname CN=localhost \
  -ext SAN=ip:127.0.0.1,dns:localhost -validity 7 -storetype PKCS12 -keystore "$work/tls.p12" \
  -storepass conformance-keystore -keypass conformance-keystore >/dev/null 2>&1
TANJI_ADMIN_PASSWORD=conformance-admin-pw TANJI_TLS_KEYSTORE_PASSWORD=conformance-keystore \
  java -Xmx1g -jar "$jar" serve --port "$port" --data "$work/data" --no-demo \
  --tls-keystore "$work/tls.p12" >"$work/server.log" 2>&1 &
server=$!
cleanup() { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
for _ in $(seq 1 600); do
  curl -skf "$base/api/health" >/dev/null && break
  kill -0 "$server" 2>/dev/null || { cat "$work/server.log" >&2; exit 2; }
  sleep 0.1
done

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
post() { curl -skf -X "$1" "$base$2" -H "Authorization: Bearer $3" -H 'Content-Type: application/json' -d "$4"; }
login() { curl -skf "$base/api/login" -H 'Content-Type: application/json' \
  -d "{\"username\":\"$1\",\"password\":\"$2\"}" | json "['token']"; }

op=$(login admin conformance-admin-pw)
post POST /api/organizations "$op" '{"name":"Conformance","admin":{"username":"owner","password":"owner-password-1"}}' >/dev/null
admin=$(login owner owner-password-1)
for u in rev:reviewer appr:approver; do
  post POST /api/users "$admin" "{\"username\":\"${u%%:*}\",\"password\":\"password-${u%%:*}-1\"}" >/dev/null
  post PUT /api/roles "$admin" "{\"username\":\"${u%%:*}\",\"roles\":[\"${u##*:}\"]}" >/dev/null
done
rev=$(login rev password-rev-1)
appr=$(login appr password-appr-1)
id=$(curl -skf "$base/api/studies" -H "Authorization: Bearer $admin" -H 'Content-Type: application/yaml' \
  --data-binary @examples/seed-003-steel-balls.yaml | json "['id']")
# two issued versions, so that a list of one footprint has a next page (test 5); the second is the
# product renamed, and deprecates the first
issue() {
  local v="/api/studies/$id/versions/$1"
  post POST "$v/submit" "$admin" '{}' >/dev/null
  curl -skf "$base$v/warnings" -H "Authorization: Bearer $rev" \
    | python3 -c 'import json,sys; [print(w["code"]+"\t"+w["where"]) for w in json.load(sys.stdin)["pending"]]' \
    | while IFS=$'\t' read -r c w; do
        post POST "$v/warnings/accept" "$rev" "{\"code\":\"$c\",\"where\":\"$w\",\"reason\":\"checked\"}" >/dev/null
      done
  post POST "$v/review" "$rev" '{"password":"password-rev-1","statement":"Reviewed"}' >/dev/null
  post POST "$v/approve" "$appr" '{"password":"password-appr-1","statement":"Approved"}' >/dev/null
  post POST "$v/issue" "$appr" '{"formats":["html"],"languages":["en"]}' >/dev/null
}
issue 1
sed 's/^\(  name: \)/\1v2 /' examples/seed-003-steel-balls.yaml \
  | curl -skf -X PUT "$base/api/studies/$id" -H "Authorization: Bearer $admin" -H 'Content-Type: application/yaml' \
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
