#!/usr/bin/env bash
# Page throughput of the packaged app against Debian's nginx serving the same HTML as static files,
# both on loopback, measured with `wrk -t2 -c64` in one run, for the incident page and the list.
# Prints req/s, p99 and the ratio app/nginx per page, the server JVM's RSS after warm-up and its peak during the
# measured runs (anonymous and file-backed), its heap by generation, and the load average with each figure.
# With --overload it also starts 50 sandbox runs at once (POST /api/run, each a different snippet, so no
# cached result) and posts a 1 MB diff and a 1 MB postmortem while 64 connections read the incident page and
# a review of 1,500 findings; it counts the answers by status (5xx must be zero) and reports the server JVM's
# heap, its RSS and the peak RSS of the whole process tree (server, compile service, run children).
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
  KB_ADMIN_PASSWORD=bench-password-long KB_SANDBOX_POOL_SIZE=${KB_SANDBOX_POOL_SIZE:-1} \
  KB_SANDBOX_RUNS_PER_MINUTE=${KB_SANDBOX_RUNS_PER_MINUTE:-1000} KB_SANDBOX_QUEUE=${KB_SANDBOX_QUEUE:-64} \
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
# resident memory by kind: anonymous (heap, malloc, relocated class-data archive) and file-backed (libjvm, jar)
rss_kinds() { awk '/RssAnon/ {a=$2} /RssFile/ {f=$2} END {printf "anonymous %.0f MB, file %.0f MB", a/1024, f/1024}' "/proc/$SERVER/status"; }
# the JVM's heap by generation, and the machine's load (two shared cores make every figure noisy)
heap_lines() { command -v jcmd >/dev/null && jcmd "$SERVER" GC.heap_info 2>/dev/null | grep -E 'generation|heap +total|ZHeap|Metaspace' || true; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
# the peak from here on (Linux 4.0+: writing 5 to clear_refs resets VmHWM to the current RSS)
reset_peak() { echo 5 >"/proc/$SERVER/clear_refs" 2>/dev/null && echo "reset" || echo "not reset (since start)"; }

echo "warming up the app (${DURATION}s per page)"
wrk -t2 -c64 -d"${DURATION}s" "http://127.0.0.1:$APP_PORT/incidents/$INCIDENT" >/dev/null
wrk -t2 -c64 -d"${DURATION}s" "http://127.0.0.1:$APP_PORT/incidents" >/dev/null
echo "RSS of the server JVM (pid $SERVER) after warm-up: $(rss_mb) MB ($(rss_kinds)), peak so far $(peak_mb) MB; load $(load)"
echo "peak RSS $(reset_peak) for the measured runs"

printf "\n%-10s %12s %9s %12s %9s %8s %6s\n" page app_req/s app_p99 nginx_req/s nginx_p99 ratio app5xx
for page in incident list; do
  if [[ $page == incident ]]; then path="/incidents/$INCIDENT"; file=/incident.html; else path=/incidents; file=/list.html; fi
  read -r a_rps a_p99 a_bad < <(run_wrk "http://127.0.0.1:$APP_PORT$path")
  read -r n_rps n_p99 _ < <(run_wrk "http://127.0.0.1:$NGINX_PORT$file")
  ratio=$(awk -v a="$a_rps" -v n="$n_rps" 'BEGIN {printf "%.3f", a/n}')
  printf "%-10s %12s %7sms %12s %7sms %8s %6s\n" "$page" "$a_rps" "$a_p99" "$n_rps" "$n_p99" "$ratio" "$a_bad"
done
echo "server JVM RSS now $(rss_mb) MB ($(rss_kinds)), peak during the measured runs $(peak_mb) MB; load $(load)"
heap_lines

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
  # (the answer is pretty-printed JSON: "id" : 1)
  curl -s "${AUTH[@]}" -H 'Content-Type: text/x-diff' --data-binary @"$WORK/review.diff" \
    "http://127.0.0.1:$APP_PORT/api/reviews" >"$WORK/review.json" || true
  REVIEW=$(grep -o '"id" *: *[0-9]*' "$WORK/review.json" | head -1 | grep -o '[0-9]*$' || true)
  [[ -n "$REVIEW" ]] || { echo "the review to read could not be created: $(head -c 300 "$WORK/review.json")" >&2; exit 1; }
  # a 1 MB diff of ordinary lines (about 38,000 findings' worth of goroutines would be refused by the cap)
  {
    echo "diff --git a/big/gen.go b/big/gen.go"; echo "new file mode 100644"; echo "--- /dev/null"; echo "+++ b/big/gen.go"
    echo "@@ -0,0 +1,40000 @@"
    for i in $(seq 1 40000); do echo "+	go func() { x$i() }()"; done
  } | head -c 1000000 >"$WORK/big.diff" || true # head stops reading at 1 MB: the writer's SIGPIPE is expected
  # a 1 MB postmortem with a huge timeline (the format's caps refuse it with a line number)
  {
    printf -- "---\nid: bench-huge\ntitle: Huge\nseverity: P2\nstarted: 2024-03-15T02:00:00Z\n---\n\n## Summary\n\nx\n\n## Timeline\n\n"
    for i in $(seq 1 60000); do echo "- 02:00 [note] entry $i"; done
    printf "\n## Root cause\n\nx\n"
  } | head -c 1040000 >"$WORK/big.md" || true
  # the peak RSS of the server and every process under it (compile service, run children, bubblewrap)
  tree_rss_mb() {
    ps -e -o pid=,ppid=,rss= | awk -v root="$APP_PID" '
      { parent[$1] = $2; rss[$1] = $3 }
      END { for (p in rss) { q = p; while (q != "" && q != root && q != 1 && q != 0) q = parent[q]; if (q == root) t += rss[p] }
            printf "%.0f", t / 1024 }'
  }
  ( peak=0; while :; do now=$(tree_rss_mb); (( now > peak )) && peak=$now && echo "$peak" >"$WORK/tree-peak"; sleep 0.5; done ) &
  SAMPLER=$!
  LOG_FROM=$(( $(wc -l <"$WORK/app.log") + 1 )) # the overload's own log lines (not the 503 "starting" of start-up)
  wrk -t1 -c32 -d"${DURATION}s" "http://127.0.0.1:$APP_PORT/incidents/$INCIDENT" >"$WORK/wrk-a.txt" &
  WA=$!
  wrk -t1 -c32 -d"${DURATION}s" "http://127.0.0.1:$APP_PORT/reviews/$REVIEW" >"$WORK/wrk-b.txt" &
  WB=$!
  sleep 2
  # 50 sandbox runs at once, each its own snippet (no cached result); accepted runs must finish, the excess
  # may be refused with 429, nothing may answer 5xx
  mkdir -p "$WORK/runs"
  RUNS_STARTED=$(date +%s%N)
  RUN_PIDS=()
  for i in $(seq 1 50); do
    curl -s --max-time 120 -o "$WORK/runs/$i.json" -w '%{http_code}' "${AUTH[@]}" -H 'Content-Type: application/json' \
      -d "{\"source\": \"int n = $i; System.out.println(n * 7);\\n// Output:\\n// $((i * 7))\\n\"}" \
      "http://127.0.0.1:$APP_PORT/api/run" >"$WORK/runs/$i.code" &
    RUN_PIDS+=($!)
  done
  codes=""
  for _ in 1 2 3; do
    codes+=" diff:$(curl -s -o /dev/null -w '%{http_code}' "${AUTH[@]}" -H 'Content-Type: text/x-diff' \
      --data-binary @"$WORK/big.diff" "http://127.0.0.1:$APP_PORT/api/reviews")"
    codes+=" postmortem:$(curl -s -o /dev/null -w '%{http_code}' "${AUTH[@]}" -H 'Content-Type: text/markdown' \
      --data-binary @"$WORK/big.md" "http://127.0.0.1:$APP_PORT/api/incidents")"
  done
  wait "${RUN_PIDS[@]}" || true
  RUNS_MS=$(( ($(date +%s%N) - RUNS_STARTED) / 1000000 ))
  wait $WA $WB
  kill "$SAMPLER" 2>/dev/null; wait "$SAMPLER" 2>/dev/null || true
  runs_by_code=$(cat "$WORK"/runs/*.code | fold -w3 | sort | uniq -c | awk '{printf " %s×%s", $2, $1}')
  runs_passed=$(grep -l '"passed" *: *true' "$WORK"/runs/*.json 2>/dev/null | wc -l)
  echo "sandbox: 50 runs at once answered:$runs_by_code; $runs_passed passed (output matched); all answered in ${RUNS_MS} ms"
  for f in "$WORK/wrk-a.txt" "$WORK/wrk-b.txt"; do
    echo "$(basename "$f"): $(awk '/Requests\/sec/ {print $2 " req/s"}' "$f"), non-2xx: $(awk '/Non-2xx/ {print $5}' "$f" | grep . || echo 0)," \
      "socket errors: $(awk '/Socket errors/ {print $0}' "$f" | grep . || echo none)"
  done
  echo "writes answered:$codes"
  tail -n +"$LOG_FROM" "$WORK/app.log" >"$WORK/overload.log"
  echo "5xx in the log during the overload: $(grep -c ' -> 5[0-9][0-9] ' "$WORK/overload.log" || true);" \
    "OutOfMemoryError: $(grep -c OutOfMemoryError "$WORK/app.log" || true)"
  grep -E -B2 -A8 ' -> 5[0-9][0-9] ' "$WORK/overload.log" | head -40 || true
  echo "server JVM RSS now $(rss_mb) MB ($(rss_kinds)), peak since warm-up $(peak_mb) MB; whole process tree peak" \
    "$(cat "$WORK/tree-peak" 2>/dev/null || echo ?) MB; load $(load)"
  heap_lines
  five=$(( $(grep -c ' -> 5[0-9][0-9] ' "$WORK/overload.log" || true) + $(grep -c OutOfMemoryError "$WORK/app.log" || true)
    + $(cat "$WORK"/runs/*.code | fold -w3 | grep -c '^5' || true) ))
  (( five == 0 )) && echo "overload: zero 5xx" || { echo "overload: $five answers were 5xx" >&2; exit 1; }
fi
