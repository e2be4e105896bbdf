#!/usr/bin/env bash
# DuckDB's rank() OVER on the rows of bench/ranking.sql (benchmark only):
#   bash bench/duckdb.sh [threads]     (default 2)
# Installs @duckdb/node-api from npm into bench/duckdb/node_modules.
set -euo pipefail
cd "$(dirname "$0")/duckdb"
command -v npm >/dev/null || { echo "duckdb.sh: needs node and npm" >&2; exit 1; }
[ -d node_modules/@duckdb/node-api ] || npm install --no-audit --no-fund --silent
node rank.mjs "${1:-2}"
