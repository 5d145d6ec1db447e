#!/usr/bin/env bash
# Checks deploy/ where no cluster manager or Docker engine runs: the Kubernetes manifests against the Kubernetes API
# schemas and the Dockerfiles' syntax (tools/deploy-check, installed with npm ci at the pinned versions).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v npm >/dev/null || { echo "check-deploy.sh: npm (Node.js) is not on PATH" >&2; exit 1; }
[ -d tools/deploy-check/node_modules/kubernetes-models ] || (cd tools/deploy-check && npm ci --no-audit --no-fund >&2)
node tools/deploy-check/check.mjs
