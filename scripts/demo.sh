#!/usr/bin/env bash
# The main job: the demo steering report, printed from a throwaway database,
# and written as one HTML page (STYRING_REPORT, default ./styring-rapport.html).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh >&2
html=$(realpath -m "${STYRING_REPORT:-styring-rapport.html}")

STYRING_REPORT=$html pg_virtualenv -v "$PGVER" bash -c '
    psql -X -q -v ON_ERROR_STOP=1 -v html="$STYRING_REPORT" -c "CREATE EXTENSION styring" \
         -f demo/bolig_for_velferd.sql -f demo/bergslagen.sql -f demo/model.sql -f demo/accounts.sql -f demo/year.sql \
         -f demo/report.sql -f demo/report_html.sql' 2>&1 |
    grep -v -e "^Creating new PostgreSQL cluster" -e "^Dropping cluster" -e "already exists, skipping"
