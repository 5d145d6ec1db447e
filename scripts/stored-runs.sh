#!/usr/bin/env bash
# Stores N completed runs in a local Azurite that keeps its data on disk (the main command's default storage, here on
# ports of its own so that it never meets another Azurite), through the dashboard's API, then measures what issue 17
# asks of stored runs: bytes on disk a run, server time of / and /runs (median of 5), and the dashboard's start-up
# (until / answers) with the runs stored. Needs a Release build (dotnet build Relations.sln -c Release), curl, python3.
# Usage: bash scripts/stored-runs.sh [N=1000] [SCENARIO_ID=border-2013-2026] [PARALLEL=4]
# On a shared machine, SHARE and QUIET wrap its two kinds of work, e.g. SHARE='cpu share' QUIET='cpu quiet': each
# chunk of 100 runs stored (posted and completed) runs under SHARE, each timing (one start-up, one page's requests)
# under QUIET. The servers themselves (Azurite, the dashboard) are started outside both, holding neither.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-1000}"; scenario="${2:-border-2013-2026}"; parallel="${3:-4}"
share="${SHARE:-}"; quiet="${QUIET:-}"
dashboard=src/Dashboard/bin/Release/net10.0/Relations.Dashboard.dll
azurite=tools/azurite/node_modules/.bin/azurite-table
[ -f "$dashboard" ] || { echo "stored-runs.sh: build first: dotnet build Relations.sln -c Release" >&2; exit 1; }
[ -x "$azurite" ] || (cd tools/azurite && npm ci --no-audit --no-fund >&2)

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
data=$(mktemp -d /tmp/relations-stored-runs.XXXXXX)   # Azurite's files only
work=$(mktemp -d /tmp/relations-stored-runs-work.XXXXXX)   # the dashboard's log and the script's own files
table_port=$(free_port); web_port=$(free_port); silo_port=$(free_port); gateway_port=$(free_port)
url="http://127.0.0.1:$web_port"
connection="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$table_port/devstoreaccount1;"
export dashboard work url connection silo_port gateway_port scenario parallel

detached() {  # detached LOG CMD...: CMD in the background, output to LOG, keeping no descriptor above 2 (no wrapper's lock); prints its pid
  local log=$1; shift
  ( for fd in /proc/self/fd/*; do n=${fd##*/}; [ "$n" -gt 2 ] && eval "exec $n>&-" 2>/dev/null; done; exec "$@" >"$log" 2>&1 </dev/null ) &
  echo $!
}
start() {  # starts the dashboard; prints the seconds until / answered 200
  local clock; clock=$(date +%s.%N)
  detached "$work/dashboard.log" dotnet "$dashboard" --storage azure --connection-string "$connection" --urls "$url" \
    --silo-port "$silo_port" --gateway-port "$gateway_port" --Relations:Limits:RunsPerMinute=1000000 >"$work/dashboard.pid"
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/" || true)" = 200 ]; do
    kill -0 "$(cat "$work/dashboard.pid")" 2>/dev/null || { echo "stored-runs.sh: the dashboard exited:" >&2; cat "$work/dashboard.log" >&2; exit 1; }
    sleep 0.1
  done
  python3 -c "print(f'{$(date +%s.%N) - $clock:.1f}')"
}
median_time() {  # server time of a page: time to its first byte, median of 5 after one warm-up
  curl -s -o /dev/null "$url$1"
  for _ in 1 2 3 4 5; do curl -s -o /dev/null -w '%{time_starttransfer}\n' "$url$1"; done | sort -n | sed -n 3p
}
listed() {  # "TOTAL RUNNING": the runs listed, and how many of the latest 1,000 are still running
  local running
  running=$(curl -s -D "$work/headers" "$url/api/runs?perPage=1000" | python3 -c 'import json,sys; print(sum(r["status"]=="running" for r in json.load(sys.stdin)))')
  echo "$(tr -d '\r' <"$work/headers" | sed -n 's/^[Xx]-[Tt]otal-[Cc]ount: //p') $running"
}
store() {  # posts $1 runs, $parallel at a time, and waits until every one is listed and none runs
  local want total running
  want=$(( $(listed | cut -d' ' -f1) + $1 ))
  seq "$1" | xargs -P "$parallel" -I{} curl -s -o /dev/null -w '%{http_code}\n' -X POST -H 'Content-Type: application/json' \
    -d "{\"scenarioId\": \"$scenario\"}" "$url/api/runs" >>"$work/answers"
  while read -r total running < <(listed); [ "$total" -lt "$want" ] || [ "$running" != 0 ]; do sleep 1; done
}
export -f detached start median_time listed store
stop() {
  local pid
  [ -s "$work/dashboard.pid" ] || return 0
  pid=$(cat "$work/dashboard.pid"); rm -f "$work/dashboard.pid"
  # SIGTERM, as a service manager stops it: a process started in the background of a script ignores SIGINT.
  kill -TERM "$pid" 2>/dev/null || return 0
  while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
}
azurite_pid=""
cleanup() {
  stop
  [ -n "$azurite_pid" ] && kill -TERM "$azurite_pid" 2>/dev/null && wait "$azurite_pid" 2>/dev/null || true
  rm -rf "$data" "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

"$azurite" --tableHost 127.0.0.1 --tablePort "$table_port" --location "$data" --skipApiVersionCheck --loose --silent --disableTelemetry >/dev/null 2>&1 &
azurite_pid=$!
until curl -s -o /dev/null "http://127.0.0.1:$table_port"; do sleep 0.2; done

seconds=$($quiet bash -c start); echo "start-up with no run stored: $seconds s"
home=$($quiet bash -c 'median_time /'); list=$($quiet bash -c 'median_time /runs')
echo "/ $home s, /runs $list s with no run stored"
# Azurite writes its data at most 5 s after a change.
sleep 6; before=$(du -sb "$data" | cut -f1)
clock=$(date +%s); : >"$work/answers"
for (( stored = 0; stored < runs; )); do
  chunk=$(( runs - stored < 100 ? runs - stored : 100 ))
  $share bash -c "store $chunk"
  stored=$(( stored + chunk ))
  echo "stored $stored runs ($(( $(date +%s) - clock )) s)"
done
sort "$work/answers" | uniq -c | sed 's/^/POST \/api\/runs answers: /'
echo "stored $runs runs of $scenario in $(( $(date +%s) - clock )) s (wall, with any waits for others' timings)"
home=$($quiet bash -c 'median_time /'); list=$($quiet bash -c 'median_time /runs'); page=$($quiet bash -c "median_time '/runs?page=20'")
echo "/ $home s, /runs $list s, /runs?page=20 $page s with $runs runs stored"
sleep 6; after=$(du -sb "$data" | cut -f1)
echo "disk: $(( (after - before) / runs )) bytes a run ($before bytes before, $after after)"
stop
seconds=$($quiet bash -c start); echo "start-up with $runs runs stored: $seconds s"
home=$($quiet bash -c 'median_time /'); list=$($quiet bash -c 'median_time /runs')
echo "/ $home s, /runs $list s after the restart"
