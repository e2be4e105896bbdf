#!/usr/bin/env bash
# Memory under load: the peak RSS of one backend that ranks 10 million key
# figures in 1 000 groups against profiles stored in a table (about 80 MB of
# them), asking one function, then four (rank, percent rank, cume_dist, grade)
# in one query; and what styring.profile_cache_stats() says after each. One
# backend, no parallel workers. Peak RSS is VmHWM of the backend, read from
# /proc, so run it as root or as the server's user.
#   bash bench/memory.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh >&2
pg_virtualenv -v "$PGVER" -o shared_buffers=1GB -o max_parallel_workers_per_gather=0 -o jit=off bash -c '
set -euo pipefail
psql -X -q -v ON_ERROR_STOP=1 <<SQL
CREATE EXTENSION styring;
CREATE UNLOGGED TABLE obs AS
SELECT (i % 1000) AS g, round((random() * 10000)::numeric, 1)::float8 AS v FROM generate_series(1, 10000000) i;
CREATE TABLE stored AS SELECT g, styring.profile(v) AS p FROM obs GROUP BY g;
VACUUM ANALYZE obs; VACUUM ANALYZE stored;
SQL
echo "stored profiles: $(psql -X -A -t -c "SELECT pg_size_pretty(sum(pg_column_size(p))) FROM stored")"
for q in "one function|SELECT sum(styring.rank_in(s.p, o.v)) FROM obs o JOIN stored s USING (g)" \
         "four functions|SELECT sum(styring.rank_in(s.p, o.v)) + sum(styring.percent_rank_in(s.p, o.v)) + sum(styring.cume_dist_in(s.p, o.v)) + sum(styring.grade(s.p, o.v)) FROM obs o JOIN stored s USING (g)"; do
    label=${q%%|*}; sql=${q#*|}
    out=$(mktemp)
    psql -X -A -t -v ON_ERROR_STOP=1 -c "SELECT pg_backend_pid()" -c "BEGIN" -c "$sql" -c "SELECT pg_sleep(0.5)" \
         -c "SELECT format(\$\$cache: %s profiles, %s MB, %s hits, %s misses\$\$, entries, bytes / 1048576, hits, misses) FROM styring.profile_cache_stats()" -c "COMMIT" > "$out" 2>&1 &
    pid=""
    while [ -z "$pid" ]; do sleep 0.1; pid=$(head -1 "$out" | tr -dc 0-9); done
    hwm=0
    while kill -0 "$pid" 2>/dev/null; do
        h=$(sed -nE "s/^VmHWM:\s+([0-9]+) kB/\1/p" /proc/$pid/status 2>/dev/null || true)
        [ -n "$h" ] && hwm=$h
        sleep 0.2
    done
    wait
    echo "$label: peak RSS $((hwm / 1024)) MB; $(grep -h cache: "$out" || tail -1 "$out")"
    rm -f "$out"
done
' 2>&1 | grep -v -e "^Creating new PostgreSQL cluster" -e "^Dropping cluster"
