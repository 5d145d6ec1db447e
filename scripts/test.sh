#!/usr/bin/env bash
# Runs every test of the solution. Installs what the tests need first and fails loudly when it cannot;
# a test never skips itself because a dependency is missing. Prints "N passed, N failed" last.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v dotnet >/dev/null || { echo "test.sh: the .NET 10 SDK (dotnet) is not on PATH" >&2; exit 1; }

# Debian packages the tests need: the DejaVu fonts the plots render Vietnamese with, and the chromium that the
# dashboard's browser tests drive through Playwright (never `playwright install`: no browser download).
need_deb() {
  dpkg -s "$1" >/dev/null 2>&1 && return 0
  echo "test.sh: installing $1 with apt-get" >&2
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  { $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1"; } >&2 \
    || { echo "test.sh: cannot install $1; install it and run again" >&2; exit 1; }
}
need_deb fonts-dejavu-core
need_deb chromium

# Azurite, the Azure Table storage emulator the storage tests run against, at the version tools/azurite pins.
if [ ! -x tools/azurite/node_modules/.bin/azurite-table ]; then
  command -v npm >/dev/null || { echo "test.sh: npm (Node.js) is not on PATH; the storage tests need it to install Azurite" >&2; exit 1; }
  # The registry sometimes drops a download half-way (EIDLETIMEOUT seen here); a few bounded attempts ride that out.
  installed=no
  for attempt in 1 2 3; do
    echo "test.sh: installing Azurite with npm ci in tools/azurite (attempt $attempt of 3)" >&2
    if (cd tools/azurite && npm ci --no-audit --no-fund --fetch-retries=5 --fetch-timeout=120000) >&2; then
      installed=yes
      break
    fi
  done
  [ "$installed" = yes ] || { echo "test.sh: npm ci in tools/azurite failed 3 times; run it there and try again" >&2; exit 1; }
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test Relations.sln --configuration Release --nologo 2>&1 | tee "$log" || status=$?

passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "test.sh: dotnet test failed (exit $status) before reporting failed tests" >&2
fi
if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then
  echo "test.sh: no test ran" >&2
  status=1
fi
echo "$passed passed, $failed failed"
exit "$status"
