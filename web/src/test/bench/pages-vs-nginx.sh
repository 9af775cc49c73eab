#!/usr/bin/env bash
# Page throughput of the packaged app against Debian's nginx serving the same HTML as static files,
# both on loopback, measured with `wrk -t2 -c64` in one run, for the incident page and the list.
# Prints req/s, p99 and the ratio app/nginx per page, and the server JVM's peak RSS and heap.
# With --overload it also posts a 1 MB diff and a 1 MB postmortem while 64 connections read the
# incident page and a big review page, and counts 5xx answers.
#
#   mvn -q -DskipTests package && web/src/test/bench/pages-vs-nginx.sh [--overload]
#
# Needs: java, nginx, wrk, curl (Debian: nginx-light or nginx, wrk, curl). Env: DURATION (s, default 15),
# INCIDENT (default payment-502-sql-open-per-call), JAR (default target/postmortem-kb.jar), JAVA_OPTS
# (JVM options for the server, e.g. -Xmx128m).
set -euo pipefail

DURATION=${DURATION:-15}
INCIDENT=${INCIDENT:-payment-502-sql-open-per-call}
JAR=${JAR:-target/postmortem-kb.jar}
OVERLOAD=false
[[ "${1:-}" == "--overload" ]] && OVERLOAD=true
APP_PORT=${APP_PORT:-17070}
NGINX_PORT=${NGINX_PORT:-17080}
WORK=$(mktemp -d /tmp/kb-pagebench.XXXXXX)
APP_PID=""
NGINX_STARTED=false

cleanup() {
  [[ -n "$APP_PID" ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  $NGINX_STARTED && nginx -p "$WORK" -c "$WORK/nginx.conf" -s stop 2>/dev/null || true
  [[ -f "$WORK/app.log" ]] && grep -E ' -> 5[0-9][0-9] |OutOfMemoryError|ERROR' "$WORK/app.log" | head -5 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

for tool in java nginx wrk curl; do
  command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 2; }
done
[[ -f "$JAR" ]] || { echo "no $JAR: run 'mvn -q -DskipTests package' first" >&2; exit 2; }

# --- the app, on an empty data directory with the bundled content
echo "starting the app on :$APP_PORT (data in $WORK/data)"
KB_PORT=$APP_PORT KB_DATA_DIR="$WORK/data" KB_CONTENT_DIR="${KB_CONTENT_DIR:-content}" \
  KB_ADMIN_PASSWORD=bench-password-long KB_SANDBOX_POOL_SIZE=1 \
  java ${JAVA_OPTS:-} -jar "$JAR" serve >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$APP_PORT/health" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -sf "http://127.0.0.1:$APP_PORT/health" >/dev/null || { echo "app did not start:"; tail -30 "$WORK/app.log"; exit 1; }

# the JVM that serves: the launcher's child when the launcher restarted itself with the archive
server_pid() {
  local child
  child=$(pgrep -P "$APP_PID" java | head -1 || true)
  echo "${child:-$APP_PID}"
}
SERVER=$(server_pid)

# --- nginx with the same HTML as static files
mkdir -p "$WORK/www" "$WORK/logs"
curl -sf "http://127.0.0.1:$APP_PORT/incidents/$INCIDENT" -o "$WORK/www/incident.html"
curl -sf "http://127.0.0.1:$APP_PORT/incidents" -o "$WORK/www/list.html"
cat >"$WORK/nginx.conf" <<CONF
$( [[ $(id -u) == 0 ]] && echo "user root;" )
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/logs/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/tmp-body; proxy_temp_path $WORK/tmp-proxy; fastcgi_temp_path $WORK/tmp-fcgi;
  uwsgi_temp_path $WORK/tmp-uwsgi; scgi_temp_path $WORK/tmp-scgi;
  default_type text/html;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/www;
  }
}
CONF
nginx -p "$WORK" -c "$WORK/nginx.conf"
NGINX_STARTED=true

# --- measurements
run_wrk() { # url -> "req/s p99_ms non2xx"
  local out rps p99 bad
  out=$(wrk -t2 -c64 -d"${DURATION}s" --latency "$1")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}' <<<"$out")
  bad=$(awk '/Non-2xx/ {print $5}' <<<"$out")
  echo "$rps ${p99:-?} ${bad:-0}"
}
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$SERVER/status"; }
peak_mb() { awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$SERVER/status"; }

echo "warming up the app (${DURATION}s per page)"
wrk -t2 -c64 -d"${DURATION}s" "http://127.0.0.1:$APP_PORT/incidents/$INCIDENT" >/dev/null
wrk -t2 -c64 -d"${DURATION}s" "http://127.0.0.1:$APP_PORT/incidents" >/dev/null
echo "RSS of the server JVM (pid $SERVER) after warm-up: $(rss_mb) MB"

printf "\n%-10s %12s %9s %12s %9s %8s %6s\n" page app_req/s app_p99 nginx_req/s nginx_p99 ratio app5xx
for page in incident list; do
  if [[ $page == incident ]]; then path="/incidents/$INCIDENT"; file=/incident.html; else path=/incidents; file=/list.html; fi
  read -r a_rps a_p99 a_bad < <(run_wrk "http://127.0.0.1:$APP_PORT$path")
  read -r n_rps n_p99 _ < <(run_wrk "http://127.0.0.1:$NGINX_PORT$file")
  ratio=$(awk -v a="$a_rps" -v n="$n_rps" 'BEGIN {printf "%.3f", a/n}')
  printf "%-10s %12s %7sms %12s %7sms %8s %6s\n" "$page" "$a_rps" "$a_p99" "$n_rps" "$n_p99" "$ratio" "$a_bad"
done
echo "server JVM RSS now $(rss_mb) MB, peak $(peak_mb) MB"

if $OVERLOAD; then
  echo
  echo "overload: 64 readers on the incident page and on a big review while a 1 MB diff and a 1 MB postmortem are posted"
  # sign in as the admin (the embedded H2 takes one process, so no 'token create' while serving)
  curl -s -c "$WORK/cookies" -o /dev/null -d 'name=admin&password=bench-password-long' "http://127.0.0.1:$APP_PORT/login"
  CSRF=$(curl -s -b "$WORK/cookies" "http://127.0.0.1:$APP_PORT/" | grep -o 'name="csrf-token" content="[^"]*"' | cut -d'"' -f4 || true)
  [[ -n "$CSRF" ]] || { echo "could not sign in as admin" >&2; exit 1; }
  AUTH=(-b "$WORK/cookies" -H "X-CSRF-Token: $CSRF")
  # a review with many findings to read: 1,500 goroutines started without recover
  {
    echo "diff --git a/w/start.go b/w/start.go"; echo "new file mode 100644"; echo "--- /dev/null"; echo "+++ b/w/start.go"
    echo "@@ -0,0 +1,1503 @@"; echo "+package w"; echo "+func Start() {"
    for i in $(seq 1 1500); do echo "+	go func() { step$i() }()"; done; echo "+}"
  } >"$WORK/review.diff"
  REVIEW=$(curl -s "${AUTH[@]}" -H 'Content-Type: text/x-diff' --data-binary @"$WORK/review.diff" \
    "http://127.0.0.1:$APP_PORT/api/reviews" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2 || true)
  [[ -n "$REVIEW" ]] || { echo "the review to read could not be created" >&2; exit 1; }
  # a 1 MB diff of ordinary lines (about 38,000 findings' worth of goroutines would be refused by the cap)
  {
    echo "diff --git a/big/gen.go b/big/gen.go"; echo "new file mode 100644"; echo "--- /dev/null"; echo "+++ b/big/gen.go"
    echo "@@ -0,0 +1,40000 @@"
    for i in $(seq 1 40000); do echo "+	go func() { x$i() }()"; done
  } | head -c 1000000 >"$WORK/big.diff"
  # a 1 MB postmortem with a huge timeline (the format's caps refuse it with a line number)
  {
    printf -- "---\nid: bench-huge\ntitle: Huge\nseverity: P2\nstarted: 2024-03-15T02:00:00Z\n---\n\n## Summary\n\nx\n\n## Timeline\n\n"
    for i in $(seq 1 60000); do echo "- 02:00 [note] entry $i"; done
    printf "\n## Root cause\n\nx\n"
  } | head -c 1040000 >"$WORK/big.md"
  wrk -t1 -c32 -d"${DURATION}s" "http://127.0.0.1:$APP_PORT/incidents/$INCIDENT" >"$WORK/wrk-a.txt" &
  WA=$!
  wrk -t1 -c32 -d"${DURATION}s" "http://127.0.0.1:$APP_PORT/reviews/$REVIEW" >"$WORK/wrk-b.txt" &
  WB=$!
  sleep 2
  codes=""
  for _ in 1 2 3; do
    codes+=" diff:$(curl -s -o /dev/null -w '%{http_code}' "${AUTH[@]}" -H 'Content-Type: text/x-diff' \
      --data-binary @"$WORK/big.diff" "http://127.0.0.1:$APP_PORT/api/reviews")"
    codes+=" postmortem:$(curl -s -o /dev/null -w '%{http_code}' "${AUTH[@]}" -H 'Content-Type: text/markdown' \
      --data-binary @"$WORK/big.md" "http://127.0.0.1:$APP_PORT/api/incidents")"
  done
  wait $WA $WB
  for f in "$WORK/wrk-a.txt" "$WORK/wrk-b.txt"; do
    echo "$(basename "$f"): $(awk '/Requests\/sec/ {print $2 " req/s"}' "$f"), non-2xx: $(awk '/Non-2xx/ {print $5}' "$f" | grep . || echo 0)," \
      "socket errors: $(awk '/Socket errors/ {print $0}' "$f" | grep . || echo none)"
  done
  echo "writes answered:$codes"
  echo "5xx in the log: $(grep -c ' -> 5[0-9][0-9] ' "$WORK/app.log" || true); OutOfMemoryError: $(grep -c OutOfMemoryError "$WORK/app.log" || true)"
  echo "server JVM RSS now $(rss_mb) MB, peak $(peak_mb) MB"
  command -v jcmd >/dev/null && jcmd "$SERVER" GC.heap_info 2>/dev/null | head -3 || true
fi
