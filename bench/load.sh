#!/usr/bin/env bash
# Memory and throughput under load: the dashboard mix of bench/load/ (rank,
# band and grade against stored profiles; mean_attainment and chain_rollup;
# evaluation_summary) from 8, 32 and 64 pgbench clients for 30 s each, on a
# throwaway cluster: transactions per second, p95 latency, failed
# transactions, the peak RSS of the backends.
#   bash bench/load.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh >&2
seconds=${1:-30}
SECONDS_EACH=$seconds pg_virtualenv -v "$PGVER" -o max_connections=100 -o shared_buffers=1GB bash -c '
    psql -X -q -v ON_ERROR_STOP=1 -f bench/load/setup.sql >/dev/null
    for c in 8 32 64; do bash bench/load/run.sh "$c" "$SECONDS_EACH"; done' 2>&1 |
    grep -v -e "^Creating new PostgreSQL cluster" -e "^Dropping cluster"
