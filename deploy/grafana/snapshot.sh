#!/usr/bin/env bash
# The dashboard's picture without Grafana: ./deploy/grafana/snapshot.sh
# Starts the packaged jar on the embedded PostgreSQL (as bench/run.sh does), drives a mixed clinic workload (reads,
# bookings, some of them conflicting, refused tokens and roles), scrapes /q/metrics before and after, computes the
# panels of clinic.json from the two scrapes (render.py) and screenshots them with headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/../.."

SECONDS_MEASURED=${SECONDS_MEASURED:-30}
BENCH_DIR=$PWD/target/dashboard
OUT=deploy/grafana/clinic.png
mkdir -p "$BENCH_DIR"
source bench/pg.sh
log() { echo "[snapshot $(date +%T)] $*" >&2; }
cleanup() { set +e; [ -n "${APP_PID:-}" ] && kill "$APP_PID" && wait "$APP_PID"; stop_embedded_pg; }
trap cleanup EXIT

[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
ISSUER=https://snapshot.clinic.invalid
java bench/BenchIssuer.java "$BENCH_DIR" "$ISSUER" admin clerk
start_embedded_pg
APP_PORT=$(free_port) BASE=http://127.0.0.1:$APP_PORT
QUARKUS_HTTP_PORT=$APP_PORT MP_JWT_VERIFY_PUBLICKEY_LOCATION=$BENCH_DIR/jwks.json MP_JWT_VERIFY_ISSUER=$ISSUER \
  QUARKUS_LIQUIBASE_MIGRATE_AT_START=true CLINIC_ACCESS_LOG=false \
  java -Xmx256m -jar target/quarkus-app/quarkus-run.jar >"$BENCH_DIR/service.log" 2>&1 &
APP_PID=$!
for _ in $(seq 120); do curl -fs "$BASE/q/health/ready" >/dev/null && break; sleep 0.5; done
log "service at $BASE"

python3 - "$BASE" "$BENCH_DIR" "$SECONDS_MEASURED" <<'PY'
import json, random, sys, threading, time, urllib.request, urllib.error
base, work, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
admin, clerk = (open(f"{work}/{r}.jwt").read().strip() for r in ("admin", "clerk"))

def call(method, path, body=None, token=admin):
    req = urllib.request.Request(base + path, method=method, data=None if body is None else json.dumps(body).encode())
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, json.loads(r.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, None

doctors = [call("POST", "/doctors", {"name": f"Dr. {n}", "email": f"dr{n}@clinic.test"})[1]["id"] for n in range(20)]
patients = [call("POST", "/patients", {"name": f"Pat {n}", "email": f"pt{n}@clinic.test"})[1]["id"] for n in range(200)]
scrape = lambda name: open(f"{work}/{name}.prom", "w").write(urllib.request.urlopen(base + "/q/metrics").read().decode())

def visit(stop):
    while time.time() < stop:
        d, p, k = random.choice(doctors), random.choice(patients), random.random()
        if k < 0.35:
            call("GET", random.choice(["/doctors?limit=20", f"/doctors/{d}", f"/patients/{p}",
                                       f"/appointments?where[doctorId]={d}&include=patient&limit=20"]))
        elif k < 0.55:
            slot = 1900000000 + random.randrange(400) * 1800  # few slots: some bookings meet another (409)
            call("POST", "/appointments", {"date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(slot)),
                                           "doctorId": d, "patientId": p})
        elif k < 0.65:
            call("PATCH", f"/patients/{p}", {"phone": f"+1 555 {random.randrange(10000):04d}"})
        elif k < 0.8:
            call("GET", f"/doctors/{d}/patients?limit=20")
        elif k < 0.9:
            call("GET", "/doctors", token=None)       # 401
        else:
            call("GET", "/audit-events", token=clerk)  # 403

visit(time.time() + 10)  # warm-up, outside the window
scrape("before")
threads = [threading.Thread(target=visit, args=(time.time() + seconds,)) for _ in range(4)]
[t.start() for t in threads]
[t.join() for t in threads]
scrape("after")
PY
python3 deploy/grafana/render.py "$BENCH_DIR/before.prom" "$BENCH_DIR/after.prom" "$SECONDS_MEASURED" \
  "$BENCH_DIR/dashboard.html"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,900 \
  --screenshot="$PWD/$OUT" "file://$BENCH_DIR/dashboard.html" 2>/dev/null
log "wrote $OUT"
