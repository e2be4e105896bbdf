#!/usr/bin/env bash
# Runs benchmark scripts on a throwaway cluster: bash bench/bench.sh [name ...]
# (default: every bench/*.sql). Each prints its timings and ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh >&2
names=("$@")
[ ${#names[@]} -gt 0 ] || names=($(ls bench/*.sql | xargs -n1 basename | sed 's/\.sql$//'))
files=()
for n in "${names[@]}"; do files+=(-f "bench/$n.sql"); done
pg_virtualenv -v "$PGVER" -o shared_buffers=4GB -o work_mem=256MB -o max_worker_processes=8 \
    -o max_parallel_workers=8 -o jit=off \
    psql -X -q -v ON_ERROR_STOP=1 -c "CREATE EXTENSION styring" -f bench/lib.sql "${files[@]}" 2>&1 |
    grep -v -e "^Creating new PostgreSQL cluster" -e "^Dropping cluster"
