#!/usr/bin/env bash
# Stores N completed runs in a local Azurite that keeps its data on disk (the main command's default storage, here on
# ports of its own so that it never meets another Azurite), through the dashboard's API, then measures what issue 17
# asks of stored runs: bytes on disk a run, server time of / and /runs (median of 5), and the dashboard's start-up
# (until / answers) with the runs stored. Needs a Release build (dotnet build Relations.sln -c Release), curl, python3.
# Usage: bash scripts/stored-runs.sh [N=1000] [SCENARIO_ID=border-2013-2026] [PARALLEL=4]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-1000}"; scenario="${2:-border-2013-2026}"; parallel="${3:-4}"
dashboard=src/Dashboard/bin/Release/net10.0/Relations.Dashboard.dll
azurite=tools/azurite/node_modules/.bin/azurite-table
[ -f "$dashboard" ] || { echo "stored-runs.sh: build first: dotnet build Relations.sln -c Release" >&2; exit 1; }
[ -x "$azurite" ] || (cd tools/azurite && npm ci --no-audit --no-fund >&2)

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
data=$(mktemp -d /tmp/relations-stored-runs.XXXXXX)
table_port=$(free_port); web_port=$(free_port); silo_port=$(free_port); gateway_port=$(free_port)
url="http://127.0.0.1:$web_port"
connection="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$table_port/devstoreaccount1;"
azurite_pid=""; dashboard_pid=""
stop() {
  [ -n "$dashboard_pid" ] && kill -INT "$dashboard_pid" 2>/dev/null && wait "$dashboard_pid" 2>/dev/null || true
  dashboard_pid=""
}
cleanup() {
  stop
  # SIGINT makes Azurite save its data before it exits.
  [ -n "$azurite_pid" ] && kill -INT "$azurite_pid" 2>/dev/null && wait "$azurite_pid" 2>/dev/null || true
  rm -rf "$data"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

"$azurite" --tableHost 127.0.0.1 --tablePort "$table_port" --location "$data" --skipApiVersionCheck --loose --silent --disableTelemetry >/dev/null 2>&1 &
azurite_pid=$!
until curl -s -o /dev/null "http://127.0.0.1:$table_port"; do sleep 0.2; done

start() {
  local clock=$(date +%s.%N)
  dotnet "$dashboard" --storage azure --connection-string "$connection" --urls "$url" \
    --silo-port "$silo_port" --gateway-port "$gateway_port" --Relations:Limits:RunsPerMinute=1000000 >"$data/dashboard.log" 2>&1 &
  dashboard_pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/" || true)" = 200 ]; do
    kill -0 "$dashboard_pid" 2>/dev/null || { cat "$data/dashboard.log" >&2; exit 1; }
    sleep 0.1
  done
  python3 -c "print(f'{$(date +%s.%N) - $clock:.1f}')"
}
median_time() {  # server time of a page: time to its first byte, median of 5 after one warm-up
  curl -s -o /dev/null "$url$1"
  for _ in 1 2 3 4 5; do curl -s -o /dev/null -w '%{time_starttransfer}\n' "$url$1"; done | sort -n | sed -n 3p
}
disk() { du -sb "$data" --exclude=dashboard.log | cut -f1; }

echo "start-up with no run stored: $(start) s"
echo "/ $(median_time /) s, /runs $(median_time /runs) s with no run stored"
sleep 6; before=$(disk)
clock=$(date +%s)
seq "$runs" | xargs -P "$parallel" -I{} curl -s -o /dev/null -w '%{http_code}\n' -X POST -H 'Content-Type: application/json' \
  -d "{\"scenarioId\": \"$scenario\"}" "$url/api/runs" | sort | uniq -c | sed 's/^/POST \/api\/runs answers: /'
# Wait until the latest run has completed and nothing is running.
until [ "$(curl -s "$url/api/runs?perPage=1000" | python3 -c 'import json,sys; print(sum(r["status"]=="running" for r in json.load(sys.stdin)))')" = 0 ]; do sleep 1; done
echo "stored $runs runs of $scenario in $(( $(date +%s) - clock )) s"
echo "/ $(median_time /) s, /runs $(median_time /runs) s, /runs?page=20 $(median_time '/runs?page=20') s with $runs runs stored"
# Azurite writes its data at most 5 s after a change.
sleep 6; after=$(disk)
echo "disk: $(( (after - before) / runs )) bytes a run ($before bytes before, $after after; Azurite's files in $data)"
stop
echo "start-up with $runs runs stored: $(start) s"
echo "/ $(median_time /) s, /runs $(median_time /runs) s after the restart"
