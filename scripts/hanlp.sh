#!/usr/bin/env bash
# Fetches HanLP's portable jar (com.hankcs:hanlp:portable-1.8.6, Apache-2.0, Maven Central) and compiles the small
# tagger that the ingest runs as one long-lived side process (src/ingest/hanlp.ts). Everything lands in .hanlp/
# (git-ignored), the way scripts/neo4j.sh fetches Neo4j. Idempotent: a second run does nothing.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HANLP_ARTIFACT=com.hankcs:hanlp:portable-1.8.6
DIR="$ROOT/.hanlp"
JAR="$DIR/hanlp-portable-1.8.6.jar"

die() { echo "hanlp: $*" >&2; exit 1; }

fetch() {
  if [ ! -f "$JAR" ]; then
    command -v mvn >/dev/null || die "Maven is missing. Install it (Debian: apt-get install -y maven)."
    echo "hanlp: fetching $HANLP_ARTIFACT from Maven Central (first run only)..." >&2
    mkdir -p "$DIR"
    if ! mvn -B -q dependency:copy -Dartifact="$HANLP_ARTIFACT" -DoutputDirectory="$DIR" >"$DIR/fetch.log" 2>&1; then
      tail -n 20 "$DIR/fetch.log" >&2
      die "Maven could not fetch $HANLP_ARTIFACT (is Maven Central reachable?). Full log: .hanlp/fetch.log"
    fi
  fi
  if [ ! -f "$DIR/classes/HanlpTagger.class" ] || [ "$ROOT/scripts/hanlp/HanlpTagger.java" -nt "$DIR/classes/HanlpTagger.class" ]; then
    command -v javac >/dev/null || die "javac is missing. Install a JDK 17 (Debian: apt-get install -y openjdk-17-jdk-headless)."
    mkdir -p "$DIR/classes"
    javac -encoding UTF-8 -cp "$JAR" -d "$DIR/classes" "$ROOT/scripts/hanlp/HanlpTagger.java"
  fi
}

case "${1:-fetch}" in
  fetch) fetch ;;
  classpath) fetch; echo "$JAR:$DIR/classes" ;;
  *) die "usage: scripts/hanlp.sh fetch|classpath" ;;
esac
