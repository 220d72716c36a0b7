# bench/lib.sh — what the benchmarks and scripts/pact-conformance.sh share: a server on a free port,
# the API calls they make, and an organization with a preparer (admin), a reviewer and an approver.
# Sourced, not run. Set `base` (http://… or https://…) before calling anything that talks to it.

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# tls_keystore FILE PASSWORD: a self-signed EC certificate for 127.0.0.1 and localhost, valid 7 days
tls_keystore() {
  keytool -genkeypair -alias tanji -keyalg EC -groupname secp256r1 -dname CN=localhost \
    -ext SAN=ip:127.0.0.1,dns:localhost -validity 7 -storetype PKCS12 -keystore "$1" \
    -storepass "$2" -keypass "$2" >/dev/null 2>&1
}

# curl for the server: -k, since the servers here use a self-signed certificate
api_curl() { curl -skf "$@"; }

# serve_start LOG ARGS…: java $SERVE_JAVA_OPTS -jar $jar serve ARGS… in the background (environment
# as the caller set it), logging to LOG; sets `server` and returns when $base/api/health answers,
# exits 2 with the log when the server stops first
serve_start() {
  local log="$1"
  shift
  # shellcheck disable=SC2086
  java ${SERVE_JAVA_OPTS:--Xmx2g} -jar "$jar" serve "$@" >>"$log" 2>&1 &
  server=$!
  for _ in $(seq 1 600); do
    api_curl "$base/api/health" >/dev/null && return
    kill -0 "$server" 2>/dev/null || { cat "$log" >&2; exit 2; }
    sleep 0.1
  done
  echo "the server did not answer within a minute" >&2
  exit 2
}
serve_stop() { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }

# bench_tmp NAME: makes the temporary folder `tmp` (tanji-NAME.XXXXXX) and, when the script exits,
# stops the server whose process the script keeps in `pid` (if any) and removes the folder
bench_tmp() {
  tmp="$(mktemp -d "${TMPDIR:-/tmp}/tanji-$1.XXXXXX")"
  pid=""
  trap bench_cleanup EXIT
}
bench_cleanup() {
  if [[ -n "$pid" ]]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}

# await_health PID LOG NAME [PAUSE]: waits until the server PID (started with --port 0, its output in
# LOG) answers GET /api/health on the port of the address it prints, asking every PAUSE seconds
# (0.01); sets `port`; exits 2 with the log and "NAME: the server did not start" when it stops first
await_health() {
  local pid="$1" log="$2" name="$3" pause="${4:-0.01}"
  port=""
  until [[ -n "$port" ]] && curl -fs -o /dev/null "http://127.0.0.1:$port/api/health"; do
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; echo "$name: the server did not start" >&2; exit 2; }
    [[ -n "$port" ]] || port="$(grep -o -m1 'http://127\.0\.0\.1:[0-9]*' "$log" 2>/dev/null | cut -d: -f3 || true)"
    sleep "$pause"
  done
}

# serve_up LOG NAME COMMAND...: runs COMMAND (a server told --port 0) in the background, its output in
# LOG, until it answers GET /api/health (await_health, NAME in its message); sets `pid` (which
# bench_cleanup stops), `port` and `took`, the milliseconds from the launch to that answer
serve_up() {
  local log="$1" name="$2" t0
  shift 2
  : >"$log" # before the start, so that await_health never reads an earlier run's port
  t0=$(date +%s%3N)
  "$@" >"$log" 2>&1 &
  pid=$!
  await_health "$pid" "$log" "$name"
  took=$(( $(date +%s%3N) - t0 ))
}
# serve_down: stops the server serve_up started
serve_down() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=""; }

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
post() { api_curl -X "$1" "$base$2" -H "Authorization: Bearer $3" -H 'Content-Type: application/json' -d "$4"; }
login() { api_curl "$base/api/login" -H 'Content-Type: application/json' \
  -d "{\"username\":\"$1\",\"password\":\"$2\"}" | json "['token']"; }
# store_study TOKEN FILE: a new study from a YAML file; prints its id
store_study() { api_curl "$base/api/studies" -H "Authorization: Bearer $1" -H 'Content-Type: application/yaml' \
  --data-binary "@$2" | json "['id']"; }

# team ORG OPERATOR-PASSWORD: the organization ORG made by the operator's admin, its admin `admin`
# token, and the users rev (reviewer) and appr (approver), whose tokens are `rev` and `appr`
team() {
  local op
  op=$(login admin "$2")
  post POST /api/organizations "$op" "{\"name\":\"$1\",\"admin\":{\"username\":\"owner\",\"password\":\"owner-password-1\"}}" >/dev/null
  admin=$(login owner owner-password-1)
  for u in rev:reviewer appr:approver; do
    post POST /api/users "$admin" "{\"username\":\"${u%%:*}\",\"password\":\"password-${u%%:*}-1\"}" >/dev/null
    post PUT /api/roles "$admin" "{\"username\":\"${u%%:*}\",\"roles\":[\"${u##*:}\"]}" >/dev/null
  done
  rev=$(login rev password-rev-1)
  appr=$(login appr password-appr-1)
}

# approve STUDY-ID N: version N submitted by admin, its warnings accepted and reviewed by rev,
# approved by appr (issuing is the caller's: what it issues, and whether it times it)
approve() {
  local v="/api/studies/$1/versions/$2"
  post POST "$v/submit" "$admin" '{}' >/dev/null
  api_curl "$base$v/warnings" -H "Authorization: Bearer $rev" \
    | python3 -c 'import json,sys; [print(w["code"]+"\t"+w["where"]) for w in json.load(sys.stdin)["pending"]]' \
    | while IFS=$'\t' read -r c w; do
        post POST "$v/warnings/accept" "$rev" "{\"code\":\"$c\",\"where\":\"$w\",\"reason\":\"checked\"}" >/dev/null
      done
  post POST "$v/review" "$rev" '{"password":"password-rev-1","statement":"Reviewed"}' >/dev/null
  post POST "$v/approve" "$appr" '{"password":"password-appr-1","statement":"Approved"}' >/dev/null
}

# count_arg VALUE [MIN]: prints VALUE when it is a whole number of at least MIN (1), else exits 2
# naming the script and what was wrong (RUNS, ROUNDS: the scripts' first argument)
count_arg() {
  local min="${2:-1}"
  if [[ ! "$1" =~ ^[0-9]+$ ]] || (("$1" < min)); then
    echo "${0##*/}: the count must be a whole number of at least $min, not '$1'" >&2
    exit 2
  fi
  echo "$1"
}

now_ms() { date +%s%3N; }
# median: of the numbers on stdin, separated by spaces or lines
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# time_cmd NAME COMMAND...: adds the milliseconds COMMAND takes to ms[NAME] (an associative array
# the script declares); its output goes to $tmp/out, and a failure ends the script with its errors
time_cmd() {
  local name="$1" t0
  shift
  t0=$(now_ms)
  "$@" >"$tmp/out" 2>"$tmp/err" || { cat "$tmp/err" >&2; echo "${0##*/}: failed: $*" >&2; exit 2; }
  ms[$name]+="$(( $(now_ms) - t0 )) "
}
