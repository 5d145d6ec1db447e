#!/usr/bin/env bash
# Builds the deployable bundles from a checkout, in one command:
#   bash scripts/publish.sh [OUT]          (default OUT: artifacts/publish)
# OUT/relations/  `relations` (src/Silo): the CLI and `relations silo`, self-contained for linux-x64
# OUT/dashboard/  the dashboard, self-contained for linux-x64, with the scenarios/ folder beside it
# Neither needs the .NET SDK or runtime on the machine it runs on. RID=linux-arm64 (or another runtime id) builds for
# another platform. See docs/cluster.md for running them (systemd units in deploy/systemd, images in deploy/).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-artifacts/publish}
rid=${RID:-linux-x64}
command -v dotnet >/dev/null || { echo "publish.sh: the .NET 10 SDK (dotnet) is not on PATH" >&2; exit 1; }

publish() { # project folder, bundle name
  echo "publish.sh: $1 -> $out/$2 ($rid, self-contained)" >&2
  rm -rf "${out:?}/$2"
  dotnet publish "src/$1" --configuration Release --runtime "$rid" --self-contained true \
    --output "$out/$2" --nologo -v q -p:DebugType=none -p:GenerateDocumentationFile=false
}
publish Silo relations
publish Dashboard dashboard
# The dashboard lists the scenarios of its folder (--scenarios); the bundle carries the repository's.
cp -r scenarios "$out/dashboard/scenarios"
du -sh "$out/relations" "$out/dashboard" >&2
