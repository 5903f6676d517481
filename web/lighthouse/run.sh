#!/usr/bin/env bash
# Audits a running site (default: the dev stack at http://localhost:8080) and checks the scores against the floor.
# Usage: web/lighthouse/run.sh [site] [floor]   (installs the pinned lighthouse with npm ci when needed)
set -euo pipefail
cd "$(dirname "$0")"
[ -d node_modules/lighthouse ] || npm ci --no-audit --no-fund
node audit.mjs "${1:-http://localhost:8080}" scores.json
node check.mjs scores.json "${2:-95}"
