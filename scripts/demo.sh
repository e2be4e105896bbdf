#!/usr/bin/env bash
# The main job: the demo steering report, printed from a throwaway database.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh >&2

pg_virtualenv -v "$PGVER" bash -c '
    psql -X -q -v ON_ERROR_STOP=1 -c "CREATE EXTENSION styring" \
         -f demo/bolig_for_velferd.sql -f demo/kostra.sql -f demo/bergslagen.sql -f demo/report.sql' 2>&1 |
    grep -v -e "^Creating new PostgreSQL cluster" -e "^Dropping cluster" 
