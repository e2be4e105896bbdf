#!/usr/bin/env bash
# A whole country's accounts loaded, checked and rolled up, on a throwaway
# cluster with PostgreSQL's default settings (not part of CI):
#   bash bench/accounts.sh [units]    357 municipalities x about 6 300 lines by default
# Prints each step against the plain SQL a user would otherwise write (COPY,
# GROUP BY) and whether the key figures equal a hand-written sum.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh >&2
pg_virtualenv -v "$PGVER" \
    psql -X -q -v ON_ERROR_STOP=1 -v units="${1:-357}" -c "CREATE EXTENSION styring" -f bench/lib.sql \
         -f bench/accounts.sql 2>&1 |
    grep -v -e "^Creating new PostgreSQL cluster" -e "^Dropping cluster"
rm -f /tmp/styring_bench_accounts.csv
