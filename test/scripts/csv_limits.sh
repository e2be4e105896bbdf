#!/usr/bin/env bash
# styring.csv_rows under large input (runs inside pg_virtualenv):
#  - the backend's peak memory while it reads 10 MB and 30 MB documents of
#    short fields stays within a few times the document (0.2.0 used 25-47x);
#  - a cancel (statement_timeout) inside one record of 25 million fields ends
#    the call at once (0.2.0 checked only between records: 3.3 s past a 1 s timeout);
#  - a record too large for one text array is refused with 54000.
# Prints what it measured; exits non-zero on a failure.
set -uo pipefail
db=styring_csv_limits
dropdb --if-exists "$db" >/dev/null 2>&1
createdb "$db"
psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c "CREATE EXTENSION styring" \
     -c "CREATE TABLE doc (mb int PRIMARY KEY, d text)" \
     -c "ALTER TABLE doc ALTER d SET STORAGE EXTERNAL" \
     -c "INSERT INTO doc SELECT mb, repeat(E'1,22,333,a,\"b,c\",,7\n', mb * 1048576 / 21) FROM (VALUES (10), (30)) v(mb)"
failed=0
passed=0
for mb in 10 30; do
    # the peak RSS of a fresh backend before and after the call, from /proc (kB)
    out=$(psql -X -A -t -d "$db" <<SQL
SELECT pg_backend_pid() \gset
\setenv STY_PID :pg_backend_pid
SELECT 1 FROM doc WHERE mb = 0;
\! grep VmHWM /proc/\$STY_PID/status | tr -s ' ' | cut -d' ' -f2 > /tmp/styring_hwm_before
SELECT count(*) FROM doc, styring.csv_rows(d) WHERE mb = $mb;
\! grep VmHWM /proc/\$STY_PID/status | tr -s ' ' | cut -d' ' -f2 > /tmp/styring_hwm_after
SQL
)
    before=$(cat /tmp/styring_hwm_before); after=$(cat /tmp/styring_hwm_after)
    grown_mb=$(( (after - before) / 1024 ))
    echo "csv_rows on $mb MB ($(echo "$out" | tail -1) records): peak RSS grew by $grown_mb MB"
    # the document (detoasted) once, the tuplestore's work_mem, a record, the allocator's slack
    if [ "$grown_mb" -le $((3 * mb + 16)) ]; then passed=$((passed + 1)); else echo "FAILED: more than $((3 * mb + 16)) MB"; failed=$((failed + 1)); fi
done
rm -f /tmp/styring_hwm_before /tmp/styring_hwm_after

start=$(date +%s%N)
err=$(psql -X -q -d "$db" -c "SET statement_timeout = '100ms'" -c "SELECT count(*) FROM styring.csv_rows(repeat(',', 25000000))" 2>&1)
ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "a 25-million-field record under statement_timeout = 100ms: ended after $ms ms ($(echo "$err" | head -1))"
if echo "$err" | grep -q 'canceling statement due to statement timeout'; then passed=$((passed + 1)); else echo "FAILED: not canceled"; failed=$((failed + 1)); fi

err=$(psql -X -q -d "$db" -c "SELECT count(*) FROM styring.csv_rows(repeat('x,', 300000000))" 2>&1)
echo "a record of 300 million fields: $(echo "$err" | head -1)"
if echo "$err" | grep -q 'is too large'; then passed=$((passed + 1)); else echo "FAILED: not refused"; failed=$((failed + 1)); fi
dropdb "$db"
echo "csv limits: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
