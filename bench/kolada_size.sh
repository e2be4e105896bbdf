#!/usr/bin/env bash
# Ranks Kolada's full size on one machine (not part of CI; about half an hour
# on 2 cores): 290 units x 5 600 indicators x 30 years x 3 genders = 146 160 000
# rows, every unit ranked among the 290 of its indicator, year and gender.
#   bash bench/kolada_size.sh [indicators] [partitions]   (default 5600, 0)
# With partitions > 0 the table is hash-partitioned by indicator and
# enable_partitionwise_aggregate is on, so that every worker ranks whole
# groups of one partition at a time (see doc/profile.md).
# Runs on a throwaway cluster with the settings of bench/bench.sh (work_mem
# 256MB, 2 workers) and reports, for ranks() unnested and for rank() OVER,
# the wall time, the peak memory of the server's processes (the sum of their
# proportional set sizes, sampled every 0.2 s) and the bytes written to temporary files. The two answers
# (count and sum of ranks) must be equal.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh >&2
indicators=${1:-5600}
partitions=${2:-0}
if [ "$partitions" -gt 0 ]; then
    create="CREATE UNLOGGED TABLE kolada (ind int, yr int, kjonn int, unit text, v float8) PARTITION BY HASH (ind);
SELECT format('CREATE UNLOGGED TABLE kolada_%s PARTITION OF kolada FOR VALUES WITH (MODULUS $partitions, REMAINDER %s)', i, i)
FROM generate_series(0, $partitions - 1) i \\gexec
SET enable_partitionwise_aggregate = on;"
else
    create="CREATE UNLOGGED TABLE kolada (ind int, yr int, kjonn int, unit text, v float8);"
fi
script=$(mktemp)
rss_log=$(mktemp)
echo '== loading' >"$rss_log"
cat >"$script" <<SQL
\set ON_ERROR_STOP 1
\timing on
CREATE EXTENSION styring;
\echo 'generating $indicators indicators x 30 years x 3 genders x 290 units ($partitions partitions) ...'
$create
SELECT format('INSERT INTO kolada SELECT ind, yr, kjonn, lpad(u::text, 4, ''0''),
               ((ind::bigint * 1000003 + yr::bigint * 7919 + kjonn::bigint * 104729 + u::bigint * 15485863) %% 99991) / 10.0::float8
               FROM generate_series(%s, %s) ind, generate_series(1995, 2024) yr, generate_series(1, 3) kjonn,
                    generate_series(1, 290) u', lo, least(lo + 99, $indicators))
FROM generate_series(1, $indicators, 100) lo \gexec
VACUUM ANALYZE kolada;
SELECT count(*) AS rows, pg_size_pretty(pg_total_relation_size('kolada') + coalesce((SELECT sum(pg_total_relation_size(inhrelid)) FROM pg_inherits WHERE inhparent = 'kolada'::regclass), 0)) AS size FROM kolada;
SET max_parallel_workers_per_gather = 2;
SELECT pg_stat_reset();
\! echo '== ranks() unnested' >>$rss_log
\echo 'ranks() unnested:'
SELECT count(*) || ' / ' || sum(r.rank) AS ranks_answer
FROM (SELECT ind, yr, kjonn, styring.ranks(unit, v) AS rs FROM kolada GROUP BY 1, 2, 3) s, unnest(s.rs) r \gset
\echo :ranks_answer
SELECT pg_sleep(1);
SELECT pg_size_pretty(temp_bytes) AS ranks_temp FROM pg_stat_database WHERE datname = current_database();
SELECT pg_stat_reset();
\! echo '== rank() OVER' >>$rss_log
\echo 'rank() OVER:'
SELECT count(*) || ' / ' || sum(r) AS window_answer
FROM (SELECT rank() OVER (PARTITION BY ind, yr, kjonn ORDER BY v DESC) AS r FROM kolada) s \gset
\echo :window_answer
SELECT pg_sleep(1);
SELECT pg_size_pretty(temp_bytes) AS window_temp FROM pg_stat_database WHERE datname = current_database();
\! echo '== after' >>$rss_log
SELECT :'ranks_answer' = :'window_answer' AS answers_equal \gset
\if :answers_equal
\echo 'kolada_size: the answers are equal'
\else
\echo 'kolada_size: the answers differ'
SELECT 1/0;
\endif
SQL
# Samples the memory of all postgres processes every 0.2 s into a file: the
# sum of their proportional set sizes (Pss), which counts shared memory once.
sample_rss() {
    set +e +o pipefail    # a process that ends between pgrep and cat is no error
    while :; do
        for pid in $(pgrep -x postgres); do cat /proc/$pid/smaps_rollup 2>/dev/null; done |
            awk '/^Pss:/ {s += $2} END {print s + 0}' >>"$1"
        sleep 0.2
    done
}
sample_rss "$rss_log" &
sampler=$!
trap 'kill $sampler 2>/dev/null; rm -f "$script" "$rss_log"' EXIT
pg_virtualenv -v "$PGVER" -o shared_buffers=4GB -o work_mem=256MB -o max_worker_processes=8 \
    -o max_parallel_workers=8 -o jit=off -o max_wal_size=20GB \
    psql -X -q -f "$script" 2>&1 | grep -v -e "^Creating new PostgreSQL cluster" -e "^Dropping cluster"
echo "peak resident memory of all server processes while each step ran (sum of Pss):"
awk '/^==/ {if (name != "") printf "  %-22s %.1f GB\n", name, max / 1048576; name = substr($0, 4); max = 0; next}
     $1 > max {max = $1}' "$rss_log"
