#!/usr/bin/env bash
# Where the service's memory goes: ./bench/memory.sh   (settings below, as environment variables)
# Starts PostgreSQL and the service in prod mode as run.sh does, with Native Memory Tracking on, loads SCALE, drives
# PHASES one after another in the one service process (a scale in PHASES loads it; run.sh's order by default), and
# after start-up and after each phase prints one row (MB): RSS, peak RSS (VmHWM), anonymous and file RSS, heap
# committed/used (GC.heap_info) and resident (smaps), metaspace, threads, NMT's committed categories (Arena peak:
# the most C2's compilations held at once), NMT's malloc total, and the RSS of glibc's malloc arenas (smaps: [heap]
# and the 64 MB arena heaps); "arenas-malloc" is what glibc holds beyond NMT's malloc: freed but not returned, or
# never tracked. The last line names the threads; VM.native_memory summary.diff since start-up is left in BENCH_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."

SCALE=${SCALE:-200k}               # the dataset loaded first: 10k, 200k or 1M appointments
PHASES=${PHASES:-"by-id agenda doctor-patients book patch-patient 1M agenda doctor-patients"}
SECS=${SECS:-60}                   # seconds per workload phase
CONNECTIONS=${CONNECTIONS:-16} THREADS=${THREADS:-2}
JAVA_OPTS=${JAVA_OPTS:-"-Xms128m -Xmx256m -XX:MaxMetaspaceSize=128m -XX:+UseSerialGC -XX:TrimNativeHeapInterval=5000"}
NMT=${NMT:-summary}                # off: RSS as run.sh's service has it (NMT's own malloc headers add ~10 MB)
SERVICE_ENV=${SERVICE_ENV-"MALLOC_ARENA_MAX=2"}  # the service's own environment (run.sh's and the image's default)
APP=${APP:-target/quarkus-app}     # the fast-jar directory (./mvnw package first)
LIVE=${LIVE:-0}                    # 1: a last row after a full GC (jcmd GC.run), the live heap
BENCH_DIR=${BENCH_DIR:-$PWD/target/bench-memory}
DOCTORS=200 PATIENTS=20000 LOAD_PARTS=$(nproc)
mkdir -p "$BENCH_DIR"
source bench/pg.sh
q() { psql -X -q -A -t -v ON_ERROR_STOP=1 "$@"; }
log() { echo "[memory $(date +%T)] $*" >&2; }
cleanup() { set +e; [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null; stop_embedded_pg; }
trap cleanup EXIT
trap 'exit 130' INT TERM

ISSUER=https://bench.clinic.invalid
java bench/BenchIssuer.java "$BENCH_DIR" "$ISSUER" admin clerk
export BENCH_TOKEN_ADMIN BENCH_TOKEN_CLERK
BENCH_TOKEN_ADMIN=$(cat "$BENCH_DIR/admin.jwt") BENCH_TOKEN_CLERK=$(cat "$BENCH_DIR/clerk.jwt")
start_embedded_pg
PORT=$(free_port) BASE=http://127.0.0.1:$PORT
# shellcheck disable=SC2086
env $SERVICE_ENV QUARKUS_HTTP_PORT="$PORT" MP_JWT_VERIFY_PUBLICKEY_LOCATION="$BENCH_DIR/jwks.json" \
  MP_JWT_VERIFY_ISSUER=$ISSUER java $JAVA_OPTS -XX:NativeMemoryTracking=$NMT \
  -D%prod.quarkus.liquibase.migrate-at-start=true -jar "$APP/quarkus-run.jar" >"$BENCH_DIR/service.log" 2>&1 &
APP_PID=$!
for _ in $(seq 300); do curl -fs "$BASE/q/health/ready" >/dev/null && break; kill -0 "$APP_PID" || break; sleep 1; done
curl -fs "$BASE/q/health/ready" >/dev/null || { tail -20 "$BENCH_DIR/service.log"; exit 1; }

load() {  # scale
  local a; case $1 in 10k) a=10000 ;; 200k) a=200000 ;; 1M) a=1000000 ;; *) log "unknown scale $1"; exit 2 ;; esac
  local vars=(-v doctors=$DOCTORS -v patients=$PATIENTS -v appointments=$a -v parts="$LOAD_PARTS") pids=()
  q "${vars[@]}" -f bench/sql/load-people.sql >/dev/null
  for part in $(seq 0 $((LOAD_PARTS - 1))); do q "${vars[@]}" -v part="$part" -f bench/sql/load-appointments.sql & pids+=($!); done
  for pid in "${pids[@]}"; do wait "$pid"; done
  q "${vars[@]}" -f bench/sql/load-finish.sql >/dev/null
  APPOINTMENTS=$a FIRST=$(date -ud 2026-01-05T08:00:00Z +%s)
  LAST=$((FIRST + (a / DOCTORS / 16) * 86400))
}

# One row: phase, then MB figures (see the header comment); reads /proc, GC.heap_info, NMT and smaps.
measure() {  # phase
  jcmd "$APP_PID" GC.heap_info >"$BENCH_DIR/heap.txt"
  jcmd "$APP_PID" VM.native_memory summary scale=KB >"$BENCH_DIR/nmt.txt" || :  # NMT=off: no NMT columns
  cp "/proc/$APP_PID/smaps" "$BENCH_DIR/smaps.txt"
  python3 - "$1" "$APP_PID" "$BENCH_DIR" <<'EOF'
import re, sys, os
phase, pid, d = sys.argv[1], sys.argv[2], sys.argv[3]
st = {l.split(':')[0]: int(l.split()[1]) for l in open(f'/proc/{pid}/status') if l.split()[-1:] == ['kB']}
heap = open(f'{d}/heap.txt').read()
gens = [(int(t), int(u)) for t, u in re.findall(r'generation\s+total (\d+)K, used (\d+)K', heap)]
meta = re.search(r'Metaspace\s+used (\d+)K, committed (\d+)K', heap)
nmt, cat = {}, ''
for l in open(f'{d}/nmt.txt'):
    m = re.match(r'-\s+(.+?) \(reserved=\d+KB, committed=(\d+)KB\)', l.strip())
    if m: cat = m.group(1); nmt[cat] = int(m.group(2))
    m = re.search(r'\(malloc=\d+KB #\d+\) \(peak=(\d+)KB', l)
    if m and cat == 'Arena Chunk': nmt['peak'] = int(m.group(1))
    m = re.match(r'\s*(malloc): (\d+)KB|Total: reserved=\d+KB, (committed)=(\d+)KB', l)
    if m: nmt[m.group(1) or m.group(3)] = int(m.group(2) or m.group(4))
span = [int(x, 16) for x in re.findall(r'generation.*\[(0x[0-9a-f]+), 0x[0-9a-f]+, (0x[0-9a-f]+)\)', heap) for x in x]
maps, arena, heap_rss = [], 0, 0
for l in open(f'{d}/smaps.txt'):
    f = l.split()
    if re.match(r'^[0-9a-f]+-[0-9a-f]+ ', l):
        a, b = (int(x, 16) for x in f[0].split('-')); maps.append([a, b, f[1], f[5] if len(f) > 5 else '', 0])
    elif f[0] == 'Rss:': maps[-1][4] = int(f[1])
for i, (a, b, perms, name, rss) in enumerate(maps):
    nxt = maps[i + 1] if i + 1 < len(maps) else None
    end = nxt[1] if nxt and nxt[0] == b and nxt[2] == '---p' and not nxt[3] else b
    if span and min(span) <= a < max(span): heap_rss += rss
    if name == '[heap]' or (not name and perms == 'rw-p' and a % (64 << 20) == 0 and end - a == 64 << 20):
        arena += rss
threads = len(os.listdir(f'/proc/{pid}/task'))
mb = lambda k: f'{k / 1024:.0f}'
cols = ['Java Heap', 'Metaspace', 'Class', 'Shared class space', 'Thread', 'Code', 'GC', 'Compiler', 'Internal',
        'Other', 'Symbol', 'Arena Chunk', 'peak', 'Native Memory Tracking', 'committed', 'malloc']
if phase == 'start':
    print('| phase | RSS | HWM | anon | file | heap comm/used/RSS | meta comm | thr | ' + ' | '.join(
          c.replace('Shared class space', 'CDS').replace('Native Memory Tracking', 'NMT').replace('Arena Chunk', 'Arena')
          .replace('peak', 'Arena peak').replace('committed', 'NMT total') for c in cols) + ' | arenas RSS | arenas-malloc |')
    print('|---' * (10 + len(cols)) + '|')
row = [phase, mb(st['VmRSS']), mb(st['VmHWM']), mb(st['RssAnon']), mb(st['RssFile'] + st['RssShmem']),
       f"{mb(sum(t for t, u in gens))}/{mb(sum(u for t, u in gens))}/{mb(heap_rss)}", mb(int(meta.group(2))), str(threads)]
nmt.setdefault('peak', nmt.get('Arena Chunk', 0)) if nmt else 0
row += [mb(nmt[c]) if c in nmt else '-' for c in cols] + [mb(arena), mb(arena - nmt['malloc']) if nmt else '-']
print('| ' + ' | '.join(row) + ' |', flush=True)
EOF
}

log "service pid $APP_PID at $BASE; loading $SCALE"
load "$SCALE"
measure start
jcmd "$APP_PID" VM.native_memory baseline >/dev/null || :
for p in $PHASES; do
  case $p in
    by-id) args=("$APPOINTMENTS") ;;
    agenda) args=("$DOCTORS" "$FIRST" "$LAST") ;;
    doctor-patients) args=("$DOCTORS") ;;
    book) args=("$DOCTORS" "$PATIENTS" "$(q -c "SELECT extract(epoch FROM date_trunc('day', max(ends_at)))::bigint + 86400 FROM appointments")") ;;
    patch-patient) args=("$PATIENTS") ;;
    *) load "$p"; measure "load $p"; continue ;;
  esac
  wrk -t "$THREADS" -c "$CONNECTIONS" -d "${SECS}s" -s "bench/$p.lua" "$BASE" -- "${args[@]}" >"$BENCH_DIR/wrk.txt"
  log "$p: $(grep '^BENCH' "$BENCH_DIR/wrk.txt")"
  measure "$p"
done
[ "$LIVE" = 1 ] && { jcmd "$APP_PID" GC.run >/dev/null; measure "after GC.run"; }
jcmd "$APP_PID" VM.native_memory summary.diff scale=KB >"$BENCH_DIR/nmt-diff.txt" || :
log "threads by name: $(cat /proc/"$APP_PID"/task/*/comm | sed 's/[-#]*[0-9]*$//' | sort | uniq -c | sort -rn | awk '{ printf "%s %s, ", $1, $2 }')"
log "NMT's diff since start-up: $BENCH_DIR/nmt-diff.txt"
