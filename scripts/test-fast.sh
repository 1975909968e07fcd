#!/usr/bin/env bash
# npm run test:fast: the unit tier beside the integration tier, in two vitest processes. The unit
# files need no Neo4j and write nothing it reads, so they run while the integration process starts
# Neo4j and runs its files one at a time (vitest.config.ts); one vitest process runs tier groups one
# after the other. The unit output is printed when the integration tier ends; the exit code is the
# first failure's. The unit tier runs at nice 19 on one worker: the integration tier is the critical path,
# and on two cores whatever runs beside it slows it (its first file: 17 s alone, up to 29 s beside).
# For a subset, run vitest itself: npx vitest run --project integration <file>.
set -uo pipefail
cd "$(dirname "$0")/.."

unit_log="$(mktemp)"
trap 'rm -f "$unit_log"' EXIT
nice -n 19 npx vitest run --project unit --maxWorkers=1 >"$unit_log" 2>&1 &
unit_pid=$!

npx vitest run --project integration
integration=$?

wait "$unit_pid"
unit=$?
echo
echo "---- unit tier (ran beside the integration tier) ----"
cat "$unit_log"
echo "unit tier exit $unit, integration tier exit $integration"
if [ "$integration" -ne 0 ]; then exit "$integration"; fi
exit "$unit"
