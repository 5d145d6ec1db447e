#!/usr/bin/env bash
# Runs the pinned Azurite Table service in the foreground, in memory, on 127.0.0.1:10002 (the port that
# "UseDevelopmentStorage=true" points at), so that a silo can keep grain state in it. Ctrl+C stops it and loses the data.
# Usage: bash tools/azurite/start.sh [PORT]
set -euo pipefail
cd "$(dirname "$0")"
port="${1:-10002}"
if [ ! -x node_modules/.bin/azurite-table ]; then
  echo "start.sh: installing Azurite with npm ci" >&2
  npm ci --no-audit --no-fund >&2
fi
exec node_modules/.bin/azurite-table --tableHost 127.0.0.1 --tablePort "$port" \
  --inMemoryPersistence --skipApiVersionCheck --loose --disableTelemetry
