#!/usr/bin/env bash
# The real drivers of the BI tools, against the throwaway cluster: psycopg2,
# psqlODBC (through pyodbc), pgJDBC and node-postgres, each calling every
# user-facing function with parameters bound its default way, as a read-only
# role (see setup.sql). Runs inside pg_virtualenv, after `make install`.
# Prints each driver's TAP, then "drivers: <driver> N passed, N failed" per
# driver, and writes "<driver> passed failed" lines to $1 when given.
#   STYRING_DRIVERS="psycopg2 pgJDBC" limits the drivers that run.
set -uo pipefail
cd "$(dirname "$0")"
counts=${1:-/dev/null}
: >"$counts"
db=styring_drivers

psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "DROP ROLE IF EXISTS styring_reader" >/dev/null
psql -X -q -d postgres -c "CREATE DATABASE $db" >/dev/null
psql -X -q -v ON_ERROR_STOP=1 -d "$db" -f setup.sql >/dev/null || { echo "drivers: setup failed"; echo "setup 0 1" >>"$counts"; exit 1; }
# the demo's steering model with its accounts and code changes, whose views a BI
# tool opens; the reader may read it
(cd ../.. && psql -X -q -v ON_ERROR_STOP=1 -d "$db" -f demo/bolig_for_velferd.sql -f demo/bergslagen.sql -f demo/model.sql -f demo/accounts.sql -f demo/year.sql \
     -c "GRANT USAGE ON SCHEMA kommune TO styring_reader" -c "GRANT SELECT ON ALL TABLES IN SCHEMA kommune TO styring_reader") \
    >/dev/null 2>&1 || { echo "drivers: loading the demo model failed"; echo "setup 0 1" >>"$counts"; exit 1; }

# every user-facing function and aggregate is in the manifest of calls (those
# that compute: the steering model's loaders write, and are no reader's)
missing=$(psql -X -A -t -d "$db" -c "
  SELECT string_agg(DISTINCT p.proname, ' ') FROM pg_proc p
  JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
  JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'styring'
  WHERE p.oid NOT IN (SELECT unnest(ARRAY[typinput, typoutput, typreceive, typsend]) FROM pg_type)
    AND p.oid NOT IN (SELECT amproc FROM pg_amproc)
    AND p.oid NOT IN (SELECT prosupport FROM pg_proc)
    AND p.oid NOT IN (SELECT unnest(ARRAY[aggtransfn, aggcombinefn, aggfinalfn, aggserialfn, aggdeserialfn]) FROM pg_aggregate)
    AND p.provolatile = 'i'
    AND p.proname NOT IN (SELECT (regexp_matches(line, 'styring\.([a-z_0-9]+)\(', 'g'))[1]
                          FROM regexp_split_to_table(\$m\$$(cat calls.tsv)\$m\$, E'\n') line)")
if [ -n "$missing" ]; then
    echo "not ok - calls.tsv has no call of: $missing"; echo "manifest 0 1" >>"$counts"
else
    echo "ok - calls.tsv calls every user-facing function and aggregate"; echo "manifest 1 0" >>"$counts"
fi

run_driver() {
    local name=$1; shift
    case " ${STYRING_DRIVERS:-psycopg2 psqlODBC pgJDBC node-postgres} " in *" $name "*) ;; *) return 0 ;; esac
    local log
    log=$(mktemp)
    "$@" >"$log" 2>&1
    local rc=$? passed failed
    cat "$log"
    passed=$(grep -c '^ok ' "$log")
    failed=$(grep -c '^not ok ' "$log")
    if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
    if ! grep -q '^1\.\.[0-9]' "$log"; then failed=$((failed + 1)); echo "drivers: $name ended without its plan (exit $rc)"; fi
    echo "drivers: $name $passed passed, $failed failed"
    echo "$name $passed $failed" >>"$counts"
    rm -f "$log"
}

if [ ! -d node/node_modules ] && command -v npm >/dev/null 2>&1; then
    (cd node && npm ci --silent --no-audit --no-fund >/dev/null 2>&1)
fi

run_driver psycopg2 /usr/bin/python3 psycopg2_test.py
run_driver psqlODBC /usr/bin/python3 pyodbc_test.py
run_driver pgJDBC java -cp /usr/share/java/postgresql.jar Drivers.java .
run_driver node-postgres node node/test.js

psql -X -q -d postgres -c "DROP DATABASE $db" -c "DROP ROLE styring_reader" >/dev/null
