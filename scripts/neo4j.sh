#!/usr/bin/env bash
# Fetches, starts, stops and reports on the project's own Neo4j Community server (5.26 LTS from Maven Central).
# One folder per instance under .neo4j/ (git-ignored): `dev` for the user's graph, `test` for the test suite, so that
# running the tests never touches a user's graph. Loopback only, auth on, a random password kept in a 0600 file.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
NEO4J_VERSION=$(sed -n 's:.*<neo4j.version>\(.*\)</neo4j.version>.*:\1:p' "$ROOT/scripts/neo4j/pom.xml")
INSTANCE=${NEO4J_INSTANCE:-dev}
case "$INSTANCE" in dev) DEFAULT_PORT=7687 ;; test) DEFAULT_PORT=7688 ;; *) DEFAULT_PORT=7689 ;; esac
PORT=${NEO4J_BOLT_PORT:-$DEFAULT_PORT}
HEAP=${NEO4J_HEAP:-2g}
PAGECACHE=${NEO4J_PAGECACHE:-1g}
TX_MEMORY_MAX=${NEO4J_TX_MEMORY_MAX:-512m}
LIB="$ROOT/.neo4j/lib-$NEO4J_VERSION"
HOME_DIR="$ROOT/.neo4j/$INSTANCE"
PID_FILE="$HOME_DIR/run/neo4j.pid"
PASSWORD_FILE="$HOME_DIR/password"
# Held (a directory, created atomically) while `import` has the server stopped: `start` waits for it to go.
IMPORT_LOCK="$HOME_DIR/run/import.lock"
START_TIMEOUT_S=${NEO4J_START_TIMEOUT:-180}

die() { echo "neo4j: $*" >&2; exit 1; }

require_java() {
  command -v java >/dev/null || die "Java is missing. Install a Java 17 runtime (Debian: apt-get install -y openjdk-17-jre-headless)."
  local major
  major=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)
  [ "${major:-0}" -ge 17 ] || die "Java 17 or newer is needed; found version ${major:-unknown} (java -version)."
}

fetch() {
  [ -f "$LIB/.complete" ] && return 0
  require_java
  command -v mvn >/dev/null || die "Maven is missing. Install it (Debian: apt-get install -y maven) or set NEO4J_URI to your own Neo4j."
  echo "neo4j: fetching Neo4j Community $NEO4J_VERSION from Maven Central (first run only; a few minutes)..."
  mkdir -p "$ROOT/.neo4j"
  rm -rf "$LIB.partial"
  if ! mvn -B -q -f "$ROOT/scripts/neo4j/pom.xml" dependency:copy-dependencies \
      -DoutputDirectory="$LIB.partial" -DincludeScope=runtime >"$ROOT/.neo4j/fetch.log" 2>&1; then
    tail -n 20 "$ROOT/.neo4j/fetch.log" >&2
    die "Maven could not fetch org.neo4j:neo4j:$NEO4J_VERSION (is Maven Central reachable?). Full log: .neo4j/fetch.log"
  fi
  mv "$LIB.partial" "$LIB"
  touch "$LIB/.complete"
  echo "neo4j: fetched into ${LIB#$ROOT/}"
}

running_pid() {
  [ -f "$PID_FILE" ] || return 1
  local pid
  pid=$(cat "$PID_FILE")
  kill -0 "$pid" 2>/dev/null && grep -q CommunityEntryPoint "/proc/$pid/cmdline" 2>/dev/null && echo "$pid"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }

write_config() {
  mkdir -p "$HOME_DIR"/{conf,data,logs,plugins,import,run}
  cat >"$HOME_DIR/conf/neo4j.conf" <<CONF
# Written by scripts/neo4j.sh for instance '$INSTANCE'; edits are overwritten on the next start.
server.default_listen_address=127.0.0.1
server.default_advertised_address=127.0.0.1
server.bolt.listen_address=127.0.0.1:$PORT
server.bolt.advertised_address=127.0.0.1:$PORT
server.http.enabled=false
server.https.enabled=false
server.directories.data=$HOME_DIR/data
server.directories.logs=$HOME_DIR/logs
server.directories.plugins=$HOME_DIR/plugins
server.directories.import=$HOME_DIR/import
server.directories.run=$HOME_DIR/run
dbms.security.auth_enabled=true
dbms.usage_report.enabled=false
# Laptop-sized memory: heap and page cache (override with NEO4J_HEAP / NEO4J_PAGECACHE).
server.memory.heap.initial_size=$HEAP
server.memory.heap.max_size=$HEAP
server.memory.pagecache.size=$PAGECACHE
# A single transaction may not take more than this; stops runaway console queries (NEO4J_TX_MEMORY_MAX).
db.memory.transaction.max=$TX_MEMORY_MAX
# LOAD CSV may only read from the import folder, never from anywhere on disk.
dbms.security.allow_csv_import_from_file_urls=false
CONF
}

# The pid holding the import lock, if that process is alive (a lock left by a dead one is removed).
import_lock_holder() {
  [ -d "$IMPORT_LOCK" ] || return 1
  local pid
  pid=$(cat "$IMPORT_LOCK/pid" 2>/dev/null || true)
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then echo "$pid"; return 0; fi
  rm -rf "$IMPORT_LOCK"
  return 1
}

start() {
  [ -z "${NEO4J_URI:-}" ] || die "NEO4J_URI is set ($NEO4J_URI): the project uses that server and does not start a local one."
  require_java
  fetch
  local holder
  if holder=$(import_lock_holder) && [ "$holder" != "$$" ]; then
    die "a bulk import into instance '$INSTANCE' is running (pid $holder) with the server stopped; it starts the server again when it ends, so try again in a moment."
  fi
  if pid=$(running_pid); then
    echo "neo4j: instance '$INSTANCE' already running (pid $pid) on bolt://127.0.0.1:$PORT"
    return 0
  fi
  port_open && die "port $PORT is taken by another program; stop it or choose another port with NEO4J_BOLT_PORT."
  write_config
  if [ ! -s "$PASSWORD_FILE" ]; then
    (umask 077; head -c 24 /dev/urandom | base64 | tr -d '/+=' >"$PASSWORD_FILE")
    NEO4J_HOME="$HOME_DIR" NEO4J_CONF="$HOME_DIR/conf" java -cp "$LIB/*" org.neo4j.cli.AdminTool \
      dbms set-initial-password "$(cat "$PASSWORD_FILE")" >/dev/null
  fi
  chmod 600 "$PASSWORD_FILE"
  echo "neo4j: starting instance '$INSTANCE' on bolt://127.0.0.1:$PORT ..."
  # Only "Started." lines written after this launch count (the log keeps earlier runs' lines).
  local log_lines
  log_lines=0
  [ ! -f "$HOME_DIR/logs/neo4j.log" ] || log_lines=$(wc -l <"$HOME_DIR/logs/neo4j.log")
  NEO4J_HOME="$HOME_DIR" NEO4J_CONF="$HOME_DIR/conf" nohup java -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError \
    -cp "$LIB/*" org.neo4j.server.CommunityEntryPoint --home-dir="$HOME_DIR" --config-dir="$HOME_DIR/conf" \
    >"$HOME_DIR/logs/console.log" 2>&1 &
  local pid=$!
  echo "$pid" >"$PID_FILE"
  local waited=0
  until port_open && tail -n +"$((log_lines + 1))" "$HOME_DIR/logs/neo4j.log" 2>/dev/null | grep -q "Started\."; do
    # kill -0, not running_pid: right after the fork the child may not have exec'd java yet.
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 30 "$HOME_DIR/logs/console.log" "$HOME_DIR/logs/neo4j.log" >&2 2>/dev/null || true
      die "the server exited while starting; see .neo4j/$INSTANCE/logs/"
    fi
    [ "$waited" -lt "$START_TIMEOUT_S" ] || die "Bolt did not answer within ${START_TIMEOUT_S}s; see .neo4j/$INSTANCE/logs/neo4j.log"
    sleep 1
    waited=$((waited + 1))
  done
  echo "neo4j: ready after ${waited}s (user neo4j, password in ${PASSWORD_FILE#$ROOT/})"
}

stop() {
  local pid
  if ! pid=$(running_pid); then
    echo "neo4j: instance '$INSTANCE' is not running"
    return 0
  fi
  kill "$pid"
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$PID_FILE"; echo "neo4j: stopped instance '$INSTANCE'"; return 0; }
    sleep 1
  done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$PID_FILE"
  echo "neo4j: instance '$INSTANCE' did not stop in 60s and was killed"
}

status() {
  if [ -n "${NEO4J_URI:-}" ]; then echo "neo4j: using NEO4J_URI=$NEO4J_URI (no local server)"; return 0; fi
  if pid=$(running_pid); then
    echo "neo4j: instance '$INSTANCE' running (pid $pid) on bolt://127.0.0.1:$PORT, Neo4j $NEO4J_VERSION"
  else
    echo "neo4j: instance '$INSTANCE' stopped"
    return 3
  fi
}

admin() {
  require_java
  fetch
  NEO4J_HOME="$HOME_DIR" NEO4J_CONF="$HOME_DIR/conf" java -cp "$LIB/*" org.neo4j.cli.AdminTool "$@"
}

# Backups: neo4j-admin database dump/load need the server stopped; a running instance is stopped and started again.
dump() {
  local to=${1:-"$ROOT/.neo4j/backups/$INSTANCE-$(date -u +%Y%m%dT%H%M%SZ)"}
  local was_running=""
  running_pid >/dev/null && was_running=1 && stop
  mkdir -p "$to"
  admin database dump neo4j --to-path="$to" --overwrite-destination=true
  echo "neo4j: dumped instance '$INSTANCE' to $to/neo4j.dump"
  [ -z "$was_running" ] || start
}

restore() {
  local from=${1:-}
  [ -n "$from" ] && [ -f "$from/neo4j.dump" ] || die "usage: npm run db:restore -- <folder holding neo4j.dump> (see npm run db:dump)"
  local was_running=""
  running_pid >/dev/null && was_running=1 && stop
  write_config
  admin database load neo4j --from-path="$from" --overwrite-destination=true
  echo "neo4j: restored instance '$INSTANCE' from $from/neo4j.dump"
  [ -z "$was_running" ] || start
}

# The first-load path of `npm run load` (src/seed/import.ts): stop the server, replace the default database with
# `neo4j-admin database import full <args>`, start the server again (also after a failed import). Holds IMPORT_LOCK
# meanwhile, so that no other load or `npm start` starts the server under the import.
bulk_import() {
  mkdir -p "$HOME_DIR/run"
  local holder
  if holder=$(import_lock_holder); then die "a bulk import into instance '$INSTANCE' is already running (pid $holder)"; fi
  mkdir "$IMPORT_LOCK" 2>/dev/null || die "a bulk import into instance '$INSTANCE' has just started"
  echo $$ >"$IMPORT_LOCK/pid"
  trap 'rm -rf "$IMPORT_LOCK"' EXIT
  stop >&2
  write_config
  local status=0
  admin database import full neo4j --overwrite-destination=true --report-file="$HOME_DIR/logs/import.report" "$@" >"$HOME_DIR/logs/import.log" 2>&1 || status=$?
  start >&2
  if [ "$status" -ne 0 ]; then
    tail -n 20 "$HOME_DIR/logs/import.log" >&2
    die "neo4j-admin database import failed (exit $status); full log: .neo4j/$INSTANCE/logs/import.log"
  fi
  echo "neo4j: imported into instance '$INSTANCE'"
}

case "${1:-}" in
  fetch) fetch ;;
  start) start ;;
  stop) stop ;;
  restart) stop; start ;;
  status) status ;;
  admin) shift; admin "$@" ;;
  dump) shift; dump "$@" ;;
  restore) shift; restore "$@" ;;
  import) shift; bulk_import "$@" ;;
  *) die "usage: scripts/neo4j.sh fetch|start|stop|restart|status|dump [dir]|restore <dir>|import <neo4j-admin import args>|admin <neo4j-admin args>" ;;
esac
