#!/usr/bin/env bash
# One node against two shards (postgres_fdw partitions on two more clusters on this machine):
# every aggregate of test/scripts/sharded.sh on the same rows, grouped by the partition key
# (pushed down whole) and by another column (rows fetched, partial aggregates combined here).
#   bash bench/scale_out.sh [rows]      (default 2 000 000; one run; prints each query's times)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh >&2
SHARDED_ROWS=${1:-2000000} SHARDED_TIMING=1 \
    pg_virtualenv -v "$PGVER" -o shared_buffers=1GB -o work_mem=256MB -o jit=off \
    bash test/scripts/sharded.sh 2>&1 | grep -E '^(# |sharded:|not ok)'
