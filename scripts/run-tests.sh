#!/usr/bin/env bash
# Runs inside pg_virtualenv (PGHOST, PGPORT, PGUSER set): the test suites
# and their summary. Call scripts/test.sh instead of this.
set -uo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
make -s PG_CONFIG="$PG_CONFIG" installcheck 2>&1 | tee "$log"
regress_rc=${PIPESTATUS[0]}
# PostgreSQL 15 prints "test x ... ok"; 16 and later print TAP ("ok 1 - x").
regress_ok=$(grep -cE '^(test |     )?[a-z_0-9]+ +\.\.\. ok|^ok [0-9]+ ' "$log")
regress_failed=$(grep -cE '\.\.\. FAILED|^not ok [0-9]+ ' "$log")
if [ "$regress_rc" -ne 0 ] && [ "$regress_failed" -eq 0 ]; then regress_failed=1; fi
[ -f regression.diffs ] && [ "$regress_failed" -gt 0 ] && head -100 regression.diffs

dropdb --if-exists styring_tap >/dev/null 2>&1
createdb styring_tap
psql -X -q -v ON_ERROR_STOP=1 -d styring_tap -f test/lib/helpers.sql
pg_prove -d styring_tap test/*.sql 2>&1 | tee "$log"
prove_rc=${PIPESTATUS[0]}
tap_total=$(sed -nE 's/^Files=[0-9]+, Tests=([0-9]+),.*/\1/p' "$log" | tail -1)
tap_failed=$(sed -nE 's/.* ([0-9]+)\/[0-9]+ subtests failed.*/\1/p' "$log" | awk '{s+=$1} END {print s+0}')
tap_total=${tap_total:-0}
if [ "$prove_rc" -ne 0 ] && [ "$tap_failed" -eq 0 ]; then tap_failed=1; fi
rm -f "$log"

# The reference docs: every example runs and prints what the docs say.
if perl scripts/doc-check.pl doc/*.md; then doc_ok=1; doc_failed=0; else doc_ok=0; doc_failed=1; fi

# Whole-database checks: dump/restore, the upgrade path, a LATIN1 database, styring-fetch against
# recorded responses, the install script's hygiene.
checks_ok=0
checks_failed=0
check() {
    if "$@"; then checks_ok=$((checks_ok + 1)); else checks_failed=$((checks_failed + 1)); echo "FAILED: $*"; fi
}
# CREATE OR REPLACE in an install script could take over an object someone else made (PostgreSQL
# 15 and later refuse to replace what is not the extension's, and the script refuses a schema that
# holds anything, but an install creates and never replaces). Upgrade scripts replace the
# extension's own functions, which PostgreSQL allows only for its members.
no_create_or_replace() {
    local f bad=0
    for f in styring--*.sql; do
        case "$f" in styring--*--*.sql) continue ;; esac
        if grep -il '^create or replace' "$f"; then echo "$f uses CREATE OR REPLACE"; bad=1; fi
    done
    [ "$bad" = 0 ] && echo "install scripts: no CREATE OR REPLACE"
}
# The generated install scripts are committed as src/sql makes them (the build above made them
# again from the sources: a difference from the committed files is drift).
generated_scripts_committed() {
    if [ ! -d .git ] || ! command -v git >/dev/null 2>&1; then echo "generated scripts: not a git checkout, skipped"; return 0; fi
    if git diff --quiet -- 'styring--*.sql' && [ -z "$(git status --porcelain -- 'styring--*.sql')" ]; then
        echo "generated scripts: styring--*.sql are what src/sql makes"
    else
        git status --short -- 'styring--*.sql'; return 1
    fi
}
check bash test/scripts/dump_restore.sh
check bash test/scripts/upgrade.sh
check bash test/scripts/encodings.sh
check bash test/scripts/fetch.sh
check bash test/scripts/report_html.sh
check bash test/scripts/load.sh
check no_create_or_replace
check generated_scripts_committed
check bash test/scripts/concurrency.sh
check bash test/scripts/csv_limits.sh

# Shards: the aggregates and operators over postgres_fdw partitions on two more clusters.
sharded_log=$(mktemp)
bash test/scripts/sharded.sh 2>&1 | tee "$sharded_log"
sharded_ok=$(sed -nE 's/^sharded: ([0-9]+) passed, ([0-9]+) failed.*/\1/p' "$sharded_log")
sharded_failed=$(sed -nE 's/^sharded: ([0-9]+) passed, ([0-9]+) failed.*/\2/p' "$sharded_log")
sharded_ok=${sharded_ok:-0}
sharded_failed=${sharded_failed:-1}
# Citus, when it is installed by hand (it is not in Debian's packages): counted only when it ran.
bash test/scripts/citus.sh 2>&1 | tee "$sharded_log"
citus_ok=$(sed -nE 's/^citus: ([0-9]+) passed, ([0-9]+) failed.*/\1/p' "$sharded_log")
citus_failed=$(sed -nE 's/^citus: ([0-9]+) passed, ([0-9]+) failed.*/\2/p' "$sharded_log")
grep -q '^citus: skipped' "$sharded_log" || { citus_ok=${citus_ok:-0}; citus_failed=${citus_failed:-1}; }
sharded_ok=$((sharded_ok + ${citus_ok:-0}))
sharded_failed=$((sharded_failed + ${citus_failed:-0}))
rm -f "$sharded_log"

# The BI tools' drivers: psycopg2, psqlODBC, pgJDBC, node-postgres.
driver_counts=$(mktemp)
bash test/drivers/run.sh "$driver_counts"
drivers_ok=$(awk '{s+=$2} END {print s+0}' "$driver_counts")
drivers_failed=$(awk '{s+=$3} END {print s+0}' "$driver_counts")
[ -s "$driver_counts" ] || drivers_failed=1
driver_summary=$(awk '{printf "%s%s %d/%d", (NR>1?", ":""), $1, $2, $2+$3}' "$driver_counts")
rm -f "$driver_counts"

fuzz_ok=${STYRING_FUZZ_PASSED:-0}
fuzz_failed=${STYRING_FUZZ_FAILED:-0}
passed=$((regress_ok + tap_total - tap_failed + doc_ok + checks_ok + sharded_ok + drivers_ok + fuzz_ok))
failed=$((regress_failed + tap_failed + doc_failed + checks_failed + sharded_failed + drivers_failed + fuzz_failed))
echo "PostgreSQL $(psql -X -A -t -c 'SHOW server_version' | cut -d' ' -f1) -- pg_regress: $regress_ok scripts passed, $regress_failed failed; pgTAP: $((tap_total - tap_failed)) assertions passed, $tap_failed failed; doc examples: $doc_ok passed, $doc_failed failed; database checks: $checks_ok passed, $checks_failed failed; sharded (postgres_fdw$(grep -q . <<<"${citus_ok:-}" && echo ', Citus')): $sharded_ok passed, $sharded_failed failed; drivers: $drivers_ok checks passed, $drivers_failed failed ($driver_summary); fuzz harnesses: $fuzz_ok passed, $fuzz_failed failed"
echo "$passed passed, $failed failed" > "${STYRING_SUMMARY:-/dev/stdout}"
[ "$failed" -eq 0 ]
