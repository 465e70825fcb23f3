#!/usr/bin/env bash
# The benchmark, one command: ./bench/run.sh   (settings below, as environment variables; see README "Benchmark")
# Builds the jar, signs bearer tokens with a key of its own, starts PostgreSQL and the service in prod mode, loads a
# dataset with SQL, drives each workload with wrk, runs pgbench on the SQL the service issued for the two read
# workloads, and prints one table.
set -euo pipefail
cd "$(dirname "$0")/.."

SCALE=${SCALE:-200k}              # dataset of the workload table: 10k, 200k or 1M appointments
SCALES=${SCALES-"10k 200k 1M"}    # the agenda and doctor-patients are measured again at each; empty: not at all
WORKLOADS=${WORKLOADS:-"by-id agenda doctor-patients book patch-patient page page-attributes"}  # which to drive
DURATION=${DURATION:-20}          # seconds per measured run
WARMUP=${WARMUP:-180}             # at most this many seconds of warm-up per workload and scale
WARMUP_MIN=${WARMUP_MIN:-60}      # at least this many
REPEAT=${REPEAT:-3}               # measured runs per workload; the table shows medians
CONNECTIONS=${CONNECTIONS:-16}    # wrk connections, and pgbench clients
THREADS=${THREADS:-2}             # wrk threads, and pgbench threads
JAVA_OPTS=${JAVA_OPTS:-"-Xms128m -Xmx256m -XX:MaxMetaspaceSize=128m -XX:+UseSerialGC -XX:TrimNativeHeapInterval=5000"}
MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}  # the service's glibc malloc arenas; JAVA_OPTS and this as the image sets them
BUILD=${BUILD:-1}                 # 0 reuses target/quarkus-app
BENCH_REPLICA=${BENCH_REPLICA:-0}  # 1: the read workloads again, on a second service reading from a streaming replica
JFR=${JFR:-0}                     # 1: one more run per workload under JFR (out/<name>.jfr), and where its samples went
DOCTORS=200 PATIENTS=20000
LOAD_PARTS=$(nproc)               # parallel loader sessions

BENCH_DIR=$PWD/target/bench
OUT=$BENCH_DIR/out
mkdir -p "$OUT"
rm -f "$OUT"/*.runs "$OUT"/*.statements "$OUT"/*.jfr  # the 4xx/5xx check, the statements and JFR's table read this run's
source bench/pg.sh

appointments_of() { case $1 in 10k) echo 10000 ;; 200k) echo 200000 ;; 1M) echo 1000000 ;;
  *) echo "unknown scale $1 (10k, 200k, 1M)" >&2; exit 2 ;; esac; }
log() { echo "[bench $(date +%T)] $*" >&2; }
q() { psql -X -q -A -t -v ON_ERROR_STOP=1 "$@"; }
qr() { PGHOST=$REPLICA_PGHOST PGPORT=$REPLICA_PGPORT q "$@"; }  # the replica (BENCH_REPLICA=1)
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

cleanup() {
  set +e
  [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
  [ -n "${REPLICA_APP_PID:-}" ] && kill "$REPLICA_APP_PID" 2>/dev/null && wait "$REPLICA_APP_PID" 2>/dev/null
  stop_embedded_pg
}
trap cleanup EXIT
trap 'exit 130' INT TERM

command -v wrk >/dev/null || { log "installing wrk"; ${SUDO:-$( [ "$(id -u)" = 0 ] || echo sudo )} apt-get install -y -qq wrk >/dev/null; }
[ "$BUILD" = 1 ] && { log "building the jar"; ./mvnw -B -q package -DskipTests; }

# The service verifies tokens against this run's own key: a Java single-file program, because the JDK is already
# needed, it builds the JWKS the way the tests do (TestIssuer), and openssl + python would split that across two tools.
ISSUER=https://bench.clinic.invalid
java bench/BenchIssuer.java "$BENCH_DIR" "$ISSUER" admin clerk
export BENCH_TOKEN_ADMIN BENCH_TOKEN_CLERK
BENCH_TOKEN_ADMIN=$(cat "$BENCH_DIR/admin.jwt") BENCH_TOKEN_CLERK=$(cat "$BENCH_DIR/clerk.jwt")
log "verifying the clerk token with the service's parser, to time it"
VERIFY_OUT=$(java -cp 'target/quarkus-app/lib/boot/*:target/quarkus-app/lib/main/*:target/quarkus-app/app/*' \
  bench/VerifyCost.java "$BENCH_DIR/jwks.json" "$ISSUER" "$BENCH_DIR/clerk.jwt")
VERIFY_US=$(echo "$VERIFY_OUT" | sed -n 's/^VERIFY cpu_us=\([0-9.]*\).*/\1/p')
HIT_US=$(echo "$VERIFY_OUT" | sed -n 's/^CACHE_HIT cpu_us=\([0-9.]*\).*/\1/p')
[ -n "$VERIFY_US" ] && [ -n "$HIT_US" ] || { log "bench/VerifyCost.java printed no VERIFY or CACHE_HIT line"; exit 1; }
log "token verification: $VERIFY_US us CPU, a cached token: $HIT_US us"

if [ -n "${QUARKUS_DATASOURCE_JDBC_URL:-}" ]; then use_configured_pg; else start_embedded_pg; fi
q -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"
log "PostgreSQL at $PGHOST:$PGPORT"

# The service in prod mode on a free port; prints its pid. Prod mode migrates only when asked to.
start_service() {  # port log [VAR=value...]
  local port=$1 logfile=$2; shift 2
  # shellcheck disable=SC2086
  env -u QUARKUS_DATASOURCE_REPLICA_JDBC_URL "$@" MALLOC_ARENA_MAX="$MALLOC_ARENA_MAX" QUARKUS_HTTP_PORT="$port" \
    MP_JWT_VERIFY_PUBLICKEY_LOCATION="$BENCH_DIR/jwks.json" MP_JWT_VERIFY_ISSUER=$ISSUER \
    java $JAVA_OPTS -D%prod.quarkus.liquibase.migrate-at-start=true \
    -jar target/quarkus-app/quarkus-run.jar >"$logfile" 2>&1 &
  echo $!
}
await_ready() {  # base log
  for _ in $(seq 120); do curl -fs "$1/q/health/ready" >/dev/null && return; sleep 0.5; done
  tail -20 "$2"; exit 1
}
APP_PORT=$(free_port)
BASE=http://127.0.0.1:$APP_PORT
APP_PID=$(start_service "$APP_PORT" "$BENCH_DIR/service.log")
await_ready "$BASE" "$BENCH_DIR/service.log"
log "service (pid $APP_PID) at $BASE"
if [ "$BENCH_REPLICA" = 1 ]; then
  REPLICA_APP_PORT=$(free_port)
  REPLICA_BASE=http://127.0.0.1:$REPLICA_APP_PORT
  REPLICA_APP_PID=$(start_service "$REPLICA_APP_PORT" "$BENCH_DIR/service-replica.log" \
    QUARKUS_DATASOURCE_REPLICA_JDBC_URL="$REPLICA_JDBC_URL")
  await_ready "$REPLICA_BASE" "$BENCH_DIR/service-replica.log"
  curl -fs "$REPLICA_BASE/q/health/ready" | grep -q '"replica": *"up"' || { log "the second service's replica is not up"; exit 1; }
  log "service reading from the replica at $REPLICA_PGHOST:$REPLICA_PGPORT (pid $REPLICA_APP_PID) at $REPLICA_BASE"
fi

# Access control is on (no token: 401) and both tokens pass on every model (a refused one would measure only 401s).
status() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
for m in doctors patients appointments; do
  s=$(status "$BASE/$m?limit=1"); [ "$s" = 401 ] || { log "GET /$m without a token answered $s, not 401"; exit 1; }
  for role in admin clerk; do
    s=$(status -H "Authorization: Bearer $(cat "$BENCH_DIR/$role.jwt")" "$BASE/$m?limit=1")
    [ "$s" = 200 ] || { log "GET /$m as $role answered $s"; tail -5 "$BENCH_DIR/service.log"; exit 1; }
  done
done

load() {  # scale
  local a t0; a=$(appointments_of "$1"); t0=$(date +%s.%N)
  local vars=(-v doctors=$DOCTORS -v patients=$PATIENTS -v appointments="$a" -v parts="$LOAD_PARTS")
  q "${vars[@]}" -f bench/sql/load-people.sql >/dev/null
  local pids=()
  for part in $(seq 0 $((LOAD_PARTS - 1))); do
    q "${vars[@]}" -v part="$part" -f bench/sql/load-appointments.sql & pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid"; done
  q "${vars[@]}" -f bench/sql/load-finish.sql >/dev/null
  APPOINTMENTS=$a
  FIRST=$(date -ud 2026-01-05T08:00:00Z +%s)
  LAST=$((FIRST + (a / DOCTORS / 16) * 86400))
  log "loaded $DOCTORS doctors, $PATIENTS patients, $a appointments in $(echo "$(date +%s.%N) - $t0" | bc | cut -c1-5) s"
  [ "$BENCH_REPLICA" = 1 ] && await_replay
  return 0
}

# Until the replica has replayed what the primary has written (the load), so its reads find the rows.
await_replay() {
  local at; at=$(q -c "SELECT pg_current_wal_insert_lsn()")
  for _ in $(seq 600); do
    [ "$(qr -c "SELECT pg_last_wal_replay_lsn() >= '$at'")" = t ] && return; sleep 0.5
  done
  log "the replica did not replay $at within 5 minutes"; exit 1
}

# CPU time (clock ticks) of the service, and of the embedded PostgreSQL's processes (empty for a configured one).
cpu_ticks() { awk '{ t += $14 + $15 } END { print t + 0 }' "/proc/$APP_PID/stat"; }
pg_ticks() {
  [ -n "${PG_STARTED:-}" ] || return 0
  local stats pids; pids=$(pgrep -P "$(head -1 "$PG_DATA/postmaster.pid")")
  [ -n "${PG_REPLICA_STARTED:-}" ] && pids="$pids $(pgrep -P "$(head -1 "$PG_REPLICA_DATA/postmaster.pid")")"
  stats=$(echo $pids | tr ' ' '\n' | sed 's|.*|/proc/&/stat|')
  # shellcheck disable=SC2086
  awk '{ t += $14 + $15 } END { print t + 0 }' /dev/null $stats 2>/dev/null
}

# One wrk run; prints "requests rps p50 p99 non2xx socket_errors statements/request jvm_ms/request pg_ms/request
# replica_statements/request" (the last 0 without BENCH_REPLICA).
drive() {  # seconds script args...
  local secs=$1 script=$2; shift 2
  sleep 1  # requests still in flight from the previous run finish before the count starts
  q -c "SELECT pg_stat_statements_reset()" >/dev/null
  [ "$BENCH_REPLICA" = 1 ] && qr -c "SELECT pg_stat_statements_reset()" >/dev/null
  local line stmts rstmts=0 jvm0 pg0 jvm1 pg1
  local args=() a
  for a in "$@"; do [ "$a" = next-free-day ] && a=$(next_free_day); args+=("$a"); done
  jvm0=$(cpu_ticks) pg0=$(pg_ticks)
  wrk -t "$THREADS" -c "$CONNECTIONS" -d "${secs}s" -s "bench/$script" "$BASE" -- "${args[@]}" >"$OUT/wrk.txt"
  jvm1=$(cpu_ticks) pg1=$(pg_ticks)
  line=$(grep '^BENCH' "$OUT/wrk.txt" | sed 's/[a-z_0-9]*=//g; s/BENCH //')
  local count="SELECT coalesce(sum(calls), 0) FROM pg_stat_statements WHERE query !~* '^(BEGIN|COMMIT|ROLLBACK)'
                AND query NOT LIKE '%pg_stat_statements%'"
  stmts=$(q -c "$count")
  [ "$BENCH_REPLICA" = 1 ] && rstmts=$(qr -c "$count") && stmts=$((stmts + rstmts))
  echo "$line" | awk -v s="$stmts" -v r="$rstmts" -v j=$((jvm1 - jvm0)) -v p="${pg0:+$((pg1 - pg0))}" \
    -v hz="$(getconf CLK_TCK)" '
    { n = $1 ? $1 : 1; printf "%s %.2f %.3f %s %.2f\n", $0, s / n, 1000 * j / hz / n,
      p == "" ? "-" : sprintf("%.3f", 1000 * p / hz / n), r / n }'
}

wants() { [[ " $WORKLOADS " == *" $1 "* ]]; }

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Bookings start the day after the last appointment, so every run finds its slots free.
next_free_day() { q -c "SELECT extract(epoch FROM date_trunc('day', max(ends_at)))::bigint + 86400 FROM appointments"; }

# Warm up for WARMUP_MIN s, then until two 10 s rounds agree within 5 % (the JIT takes minutes on a busy
# machine), at most WARMUP s.
warm_up() {  # script args...
  local prev=0 rps t=0
  while [ "$t" -lt "$WARMUP" ]; do
    rps=$(drive 10 "$@" | cut -d' ' -f2); t=$((t + 10))
    [ "$t" -ge "$WARMUP_MIN" ] && awk -v a="$prev" -v b="$rps" 'BEGIN { exit !(b < 1.05 * a && b > 0.95 * a) }' && break
    prev=$rps
  done
  log "warmed up $1 in $t s ($rps req/s)"
}

# Warm up, run REPEAT times; prints the medians "rps p50 p99 statements jvm pg replica_statements", then the sums of
# the measured runs' 4xx/5xx answers (wrk counts statuses over 399) and socket errors.
workload() {  # name script args...
  local name=$1; shift
  warm_up "$@"
  : >"$OUT/$name.runs"
  for i in $(seq "$REPEAT"); do drive "$DURATION" "$@" >>"$OUT/$name.runs"; log "$name run $i: $(tail -1 "$OUT/$name.runs")"; done
  statements "$name" "$(tail -1 "$OUT/$name.runs" | cut -d' ' -f1)"
  if [ "$JFR" = 1 ]; then  # after the measured runs, so the recording costs them nothing
    jcmd "$APP_PID" JFR.start name=bench settings=profile filename="$OUT/$name.jfr" >/dev/null
    drive "$DURATION" "$@" >/dev/null
    jcmd "$APP_PID" JFR.stop name=bench >/dev/null
  fi
  echo "$(for c in 2 3 4 7 8 9 10; do cut -d' ' -f$c "$OUT/$name.runs" | median; done | paste -sd' ')" \
       "$(awk '{ h += $5; s += $6 } END { print h + 0, s + 0 }' "$OUT/$name.runs")"
}

# Where PostgreSQL's time goes, from the last measured run's pg_stat_statements: per statement, calls per request,
# mean execution time and shared buffers per call (the PG CPU/req column is their sum plus parse, bind and commit).
statements() {  # name requests
  q -F ' | ' -c "SELECT round(sum(calls) / $2, 2), round((sum(total_exec_time) / sum(calls))::numeric, 3),
      round(sum(shared_blks_hit + shared_blks_read) / sum(calls), 1), statement
    FROM (SELECT *, CASE WHEN query LIKE 'INSERT INTO audit_events%' THEN 'INSERT INTO audit_events (the batches, all sizes)'
                    ELSE left(regexp_replace(query, '[[:space:]]+', ' ', 'g'), 90) END AS statement
          FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%') s
    GROUP BY statement HAVING sum(calls) >= $2 / 100 ORDER BY sum(total_exec_time) DESC LIMIT 5" \
    | sed "s/^/$1 | /" >"$OUT/$1.statements"
}

# The SQL the service issues for one request, from PostgreSQL's statement log, as a pgbench script.
capture_sql() {  # name path subs
  local logfile offset
  logfile=$(q -c "SELECT pg_current_logfile()")
  offset=$(q -c "SELECT size FROM pg_stat_file('$logfile')")
  q -c "ALTER SYSTEM SET log_statement = 'all'" -c "SELECT pg_reload_conf()" >/dev/null; sleep 1
  curl -fsS -H "Authorization: Bearer $BENCH_TOKEN_CLERK" "$BASE$2" >/dev/null
  q -c "ALTER SYSTEM RESET log_statement" -c "SELECT pg_reload_conf()" >/dev/null
  { echo "$4"; q -c "SELECT pg_read_file('$logfile', $offset, 10000000)" | awk -v subs="$3" -f bench/to-pgbench.awk; } \
    >"$OUT/$1.pgbench"
}

pgbench_tps() {  # name
  local runs
  runs=$(for i in $(seq "$REPEAT"); do
    pgbench -n -M prepared -c "$CONNECTIONS" -j "$THREADS" -T "$DURATION" -f "$OUT/$1.pgbench" 2>/dev/null \
      | awk '/^tps/ { print $3 }'
  done)
  echo "$runs" | median
}

LOAD_START=$(loadavg)
load "$SCALE"
declare -A R
wants by-id && R[by-id]=$(workload by-id by-id.lua "$APPOINTMENTS")
wants agenda && R[agenda]=$(workload agenda agenda.lua "$DOCTORS" "$FIRST" "$LAST")
wants doctor-patients && R[doctor-patients]=$(workload doctor-patients doctor-patients.lua "$DOCTORS")
# The same page with and without attributes: what selecting fewer columns saves, in SQL and in JSON.
wants page && R[page]=$(workload page page.lua "$APPOINTMENTS")
wants page-attributes && R[page-attributes]=$(workload page-attributes page.lua "$APPOINTMENTS" id,date)
SHOWN=$WORKLOADS
if [ "$BENCH_REPLICA" = 1 ]; then
  # the same read workloads on the service that reads from the replica (its audit INSERTs still go to the primary)
  on_replica() { APP_PID=$REPLICA_APP_PID BASE=$REPLICA_BASE workload "$@"; }
  for w in by-id agenda doctor-patients; do
    wants $w || continue
    case $w in
      by-id) R[by-id@replica]=$(on_replica by-id-replica by-id.lua "$APPOINTMENTS") ;;
      agenda) R[agenda@replica]=$(on_replica agenda-replica agenda.lua "$DOCTORS" "$FIRST" "$LAST") ;;
      doctor-patients) R[doctor-patients@replica]=$(on_replica doctor-patients-replica doctor-patients.lua "$DOCTORS") ;;
    esac
    SHOWN="$SHOWN $w@replica"
  done
fi

declare -A PGB
if wants by-id || wants agenda; then
log "capturing the SQL of the read workloads for pgbench"
PROBE_ID=$((APPOINTMENTS / 2 + 7)) PROBE_D=$((DOCTORS / 2 + 3)) PROBE_T=$((FIRST + (LAST - FIRST) / 2 + 1800))
capture_sql by-id "/appointments/$PROBE_ID?include=doctor,patient" "$PROBE_ID=:id" \
  "\\set id random(1, $APPOINTMENTS)"
capture_sql agenda "/appointments?where%5BdoctorId%5D=$PROBE_D&where%5Bdate%5D%5Bgte%5D=$(date -ud "@$PROBE_T" +%FT%TZ)&order=date&limit=20&include=patient" \
  "$PROBE_D=:d;$(date -ud "@$PROBE_T" '+%F %T+00')=to_timestamp(:t)" \
  "\\set d random(1, $DOCTORS)
\\set t $FIRST + random(0, $(((LAST - FIRST) / 1800))) * 1800"
PGB[by-id]=$(pgbench_tps by-id)
PGB[agenda]=$(pgbench_tps agenda)
fi

wants book && R[book]=$(workload book book.lua "$DOCTORS" "$PATIENTS" next-free-day)
wants patch-patient && R[patch-patient]=$(workload patch-patient patch-patient.lua "$PATIENTS")
if [ "$BENCH_REPLICA" = 1 ] && wants patch-patient; then
  # with a replica every write also answers its consistency token: one statement on the primary after the commit
  R[patch-patient@replica]=$(on_replica patch-patient-replica patch-patient.lua "$PATIENTS")
  SHOWN="$SHOWN patch-patient@replica"
fi

declare -A P50 P50_DP
for s in $SCALES; do
  load "$s"
  P50[$s]=$(workload "agenda-$s" agenda.lua "$DOCTORS" "$FIRST" "$LAST" | cut -d' ' -f2)
  P50_DP[$s]=$(workload "doctor-patients-$s" doctor-patients.lua "$DOCTORS" | cut -d' ' -f2)
done
RSS_KB=$(awk '/VmHWM/ { print $2 }' "/proc/$APP_PID/status")
LOAD_END=$(loadavg)

{
  echo "clinic benchmark $(date -u +%FT%TZ)  scale $SCALE  ${DURATION}s x $REPEAT runs (medians), $CONNECTIONS connections, $THREADS threads"
  echo "load average at start: $LOAD_START  at end: $LOAD_END   nproc $(nproc)"
  echo
  printf '| %-23s | %7s | %7s | %7s | %7s | %11s | %15s | %7s | %8s | %11s | %10s | %10s |\n' workload req/s \
    "p50 ms" "p99 ms" SQL/req "pgbench tps" service/pgbench 4xx/5xx "sock err" "JVM CPU/req" "PG CPU/req" \
    "token/JVM"
  echo '|-------------------------|--------:|--------:|--------:|--------:|------------:|----------------:|--------:|---------:|'\
'------------:|-----------:|-----------:|'
  for w in $SHOWN; do
    [ -n "${R[$w]:-}" ] || continue
    read -r rps p50 p99 stmts jvm pg rstmts http sock <<<"${R[$w]}"
    [ "$BENCH_REPLICA" = 1 ] && stmts="$stmts ($rstmts r)"
    tps=${PGB[$w]:-} ratio=-
    [ -n "$tps" ] && { ratio="$(echo "scale=0; 100 * $rps / $tps" | bc) %"; tps=$(printf '%.0f' "$tps"); }
    share=$(awk -v v="$VERIFY_US" -v j="$jvm" 'BEGIN { printf "%.0f %%", (j > 0 ? v / 10 / j : 0) }')
    printf '| %-23s | %7.0f | %7s | %7s | %7s | %11s | %15s | %7s | %8s | %8s ms | %7s ms | %10s |\n' "$w" "$rps" \
      "$p50" "$p99" "$stmts" "${tps:--}" "$ratio" "$http" "$sock" "$jvm" "$pg" "$share"
  done
  echo
  echo "token/JVM: one token verification (RS256, smallrye-jwt as configured in the service, one thread, warmed up;"
  echo "bench/VerifyCost.java) took $VERIFY_US us of CPU, shown as a share of each workload's JVM CPU/req"
  echo "(the bench reuses its tokens, so the service verifies each once and then answers it from its cache: $HIT_US us)"
  echo
  for s in $SCALES; do printf 'agenda p50 at %-5s appointments: %s ms\n' "$s" "${P50[$s]}"; done
  first=${SCALES%% *} last=${SCALES##* }
  [ -z "$SCALES" ] || echo "agenda p50 ratio $last/$first: $(echo "scale=2; ${P50[$last]} / ${P50[$first]}" | bc)"
  for s in $SCALES; do printf 'doctor-patients p50 at %-5s appointments: %s ms\n' "$s" "${P50_DP[$s]}"; done
  [ -z "$SCALES" ] || echo "doctor-patients p50 ratio $last/$first: $(echo "scale=2; ${P50_DP[$last]} / ${P50_DP[$first]}" | bc)"
  echo "service peak RSS (VmHWM): $((RSS_KB / 1024)) MB   JAVA_OPTS: $JAVA_OPTS   MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX"
  echo
  echo "statements (last measured run): workload | calls/req | mean exec ms | buffers/call | statement"
  for w in $SHOWN; do [ -f "$OUT/$w.statements" ] && cat "$OUT/$w.statements"; done
  if [ "$JFR" = 1 ]; then
    echo
    echo "JVM samples by library (one more run per workload under JFR, bench/JfrLibraries.java):"
    # shellcheck disable=SC2046
    java bench/JfrLibraries.java $(for w in $SHOWN; do [ -f "$OUT/$w.jfr" ] && echo "$OUT/$w.jfr"; done)
  fi
  if [ "$BENCH_REPLICA" = 1 ]; then
    echo "@replica: a second service with QUARKUS_DATASOURCE_REPLICA_JDBC_URL, reading from a streaming replica of the"
    echo "same primary on the same machine; SQL/req and PG CPU/req count both servers, \"(n r)\" the statements the"
    echo "replica ran (the audit INSERT and a write's token are the primary's)"
  fi
} | tee "$OUT/table.txt"
# Every answer should be 2xx: a 401/403 (token), 409 (overlap) or 5xx means the workload measured something else.
FAILED=$(awk '$5 > 0 { print FILENAME }' "$OUT"/*.runs | sort -u | xargs -r -n1 basename -s .runs | paste -sd' ')
[ -z "$FAILED" ] || { log "FAILED: 4xx/5xx answers in the measured runs of: $FAILED (see $OUT/*.runs)"; exit 1; }
