#!/usr/bin/env bash
# The whole test suite on a throwaway PostgreSQL cluster:
# pg_regress (sql/, expected/) and pgTAP (test/, run by pg_prove).
# Ends with a line "N passed, N failed"; exits non-zero when anything failed.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

echo "== starting a throwaway cluster (pg_virtualenv) and running the tests"
summary=$(mktemp)
chmod 0644 "$summary"
set +e
STYRING_SUMMARY=$summary pg_virtualenv -v "$PGVER" -o max_worker_processes=8 bash scripts/run-tests.sh
rc=$?
set -e
# The summary comes last, after pg_virtualenv has dropped its cluster.
if [ -s "$summary" ]; then cat "$summary"; else echo "0 passed, 1 failed"; rc=1; fi
rm -f "$summary"
exit $rc
