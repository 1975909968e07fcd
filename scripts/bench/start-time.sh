#!/usr/bin/env bash
# Seconds from `npm start` to a GraphQL answer, on a fresh clone: the first start (Neo4j jars
# fetched; with a Maven repository of its own when FRESH_MAVEN=1) and a second start (nothing
# fetched). Then resident memory of the Neo4j JVM and of the API at idle.
#   bash scripts/bench/start-time.sh [clone-dir]
set -euo pipefail
clone=${1:-$(mktemp -d)/scamgraph}
rm -rf "$clone" && git clone -q "$(git rev-parse --show-toplevel)" "$clone" && cd "$clone"
export PORT=4100 NEO4J_PORT=7791 SCAMGRAPH_ADMIN_KEY=start-time-admin-key-0123456789
[ "${FRESH_MAVEN:-0}" = 1 ] && export MAVEN_OPTS="-Dmaven.repo.local=$clone/.m2-fresh"

t0=$(date +%s.%N); npm ci --silent >/dev/null 2>&1; t1=$(date +%s.%N)
echo "npm ci: $(echo "$t1 - $t0" | bc) s"

answers() {
  curl -s -o /dev/null -w '%{http_code}' -X POST http://127.0.0.1:$PORT/graphql \
    -H 'content-type: application/json' -H "authorization: Bearer $SCAMGRAPH_ADMIN_KEY" \
    -d '{"query":"{ brand(slug: \"x\") { slug } }"}' | grep -q 200
}
start_once() {
  local label=$1 started; started=$(date +%s.%N)
  npm start >"$clone/start-$label.log" 2>&1 & pid=$!
  until answers; do sleep 0.2; kill -0 $pid 2>/dev/null || { cat "$clone/start-$label.log"; exit 1; }; done
  echo "$label start: $(echo "$(date +%s.%N) - $started" | bc) s until /graphql answers"
}
rss() { ps -o rss= -p "$1" | awk '{printf "%.0f MB", $1/1024}'; }

start_once first
sleep 20
api=$(pgrep -f "^node dist/scripts/start.js" | head -1); jvm=$(pgrep -f "home-dir=$clone/" | head -1)
echo "idle RSS: Neo4j JVM $(rss "$jvm"), API $(rss "$api")"
kill -TERM "$api"; wait $pid || true
answers && { echo "the first server still answers"; exit 1; }
start_once second
api=$(pgrep -f "^node dist/scripts/start.js" | head -1)
kill -TERM "$api"; wait $pid || true
pgrep -f "home-dir=$clone/" >/dev/null && echo "a JVM was left behind" || echo "stopped: no JVM left behind"
