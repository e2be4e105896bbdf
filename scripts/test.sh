#!/usr/bin/env bash
# The whole test suite on a throwaway PostgreSQL cluster:
# pg_regress (sql/, expected/) and pgTAP (test/, run by pg_prove).
# Ends with a line "N passed, N failed"; exits non-zero when anything failed.
set -euo pipefail
cd "$(dirname "$0")/.."
PGVER=${PGVER:-15}

# A server version this Debian does not ship runs in a Debian root that has it
# (17: trixie, 18: sid), made once by scripts/pgroot.sh.
if [ -z "${STYRING_IN_ROOT:-}" ] && [ ! -x "/usr/lib/postgresql/$PGVER/bin/postgres" ] &&
   ! apt-cache show "postgresql-$PGVER" >/dev/null 2>&1; then
    exec bash scripts/pgroot.sh "$PGVER" bash scripts/test.sh
fi

export STYRING_TEST_DRIVERS=1
source scripts/setup.sh

# A short run of every libFuzzer harness over src/core (FUZZ_SECONDS each; 0 skips).
fuzz_seconds=${FUZZ_SECONDS:-10}
STYRING_FUZZ_PASSED=0
STYRING_FUZZ_FAILED=0
if [ "$fuzz_seconds" -gt 0 ]; then
    echo "== fuzzing each parser and decoder for ${fuzz_seconds}s"
    fuzz_log=$(mktemp)
    set +e
    bash fuzz/run.sh "$fuzz_seconds" 2>&1 | tee "$fuzz_log"
    set -e
    STYRING_FUZZ_PASSED=$(sed -nE 's/^fuzz: ([0-9]+) passed, ([0-9]+) failed$/\1/p' "$fuzz_log")
    STYRING_FUZZ_FAILED=$(sed -nE 's/^fuzz: ([0-9]+) passed, ([0-9]+) failed$/\2/p' "$fuzz_log")
    [ -n "$STYRING_FUZZ_PASSED" ] || { STYRING_FUZZ_PASSED=0; STYRING_FUZZ_FAILED=1; }
    rm -f "$fuzz_log"
fi
export STYRING_FUZZ_PASSED STYRING_FUZZ_FAILED

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
