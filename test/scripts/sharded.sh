#!/usr/bin/env bash
# styring over shards, with PostgreSQL's own machinery: two more throwaway clusters on loopback
# hold the partitions of a table, reached through postgres_fdw (`extensions 'styring'`), with
# partitionwise aggregation. Every styring aggregate, and the operators in WHERE, run over it
# grouped by the partition key (pushed down whole: the remote SQL is checked) and by another
# column (partial aggregates combined here), and must answer as one local table with the same
# rows does. The shards run with extra_float_digits = 0, which must change nothing.
#
# Runs inside pg_virtualenv (PGHOST, PGPORT, PGUSER, PG_CONFIG set), as root or as the
# cluster's owner. SHARDED_ROWS sets the size (default 40 000); SHARDED_TIMING=1 also prints
# each query's time on one node and sharded (bench/scale_out.sh uses that); SHARDED_PLANS=1 prints
# each sharded query's plan; SHARDED_ONLY=name runs one query of queries.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${SHARDED_ROWS:-40000}
db=styring_sharded
source test/scripts/clusters.sh
cleanup() { dropdb --if-exists "$db" >/dev/null 2>&1 || true; stop_clusters; }
trap cleanup EXIT
ports=("$(start_cluster s1 extra_float_digits=0)" "$(start_cluster s2 extra_float_digits=0)")

columns="region int, grp int, unit int, year int, t styring.target, a float8, w float8,
         p styring.goalpath, v float8, pr styring.profile, usage styring.eval_usage,
         hours numeric, rate numeric, consultant numeric, material numeric, other numeric, survey boolean"
for i in 1 2; do
    psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "${ports[$((i - 1))]}" -U postgres -d postgres -c "CREATE DATABASE shard"
    psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "${ports[$((i - 1))]}" -U postgres -d shard \
         -c "CREATE EXTENSION styring" -c "CREATE TABLE kf ($columns)"
done

dropdb --if-exists "$db" >/dev/null 2>&1
createdb "$db"
psql -X -q -v ON_ERROR_STOP=1 -d "$db" <<SQL
CREATE EXTENSION styring;
CREATE EXTENSION postgres_fdw;
CREATE SERVER s1 FOREIGN DATA WRAPPER postgres_fdw
    OPTIONS (host '127.0.0.1', port '${ports[0]}', dbname 'shard', extensions 'styring', fetch_size '10000', batch_size '1000');
CREATE SERVER s2 FOREIGN DATA WRAPPER postgres_fdw
    OPTIONS (host '127.0.0.1', port '${ports[1]}', dbname 'shard', extensions 'styring', fetch_size '10000', batch_size '1000');
CREATE USER MAPPING FOR CURRENT_USER SERVER s1 OPTIONS (user 'postgres');
CREATE USER MAPPING FOR CURRENT_USER SERVER s2 OPTIONS (user 'postgres');

CREATE TABLE kf ($columns) PARTITION BY LIST (region);
CREATE FOREIGN TABLE kf_1 PARTITION OF kf FOR VALUES IN (1) SERVER s1 OPTIONS (table_name 'kf');
CREATE FOREIGN TABLE kf_2 PARTITION OF kf FOR VALUES IN (2) SERVER s2 OPTIONS (table_name 'kf');

SQL
psql -X -q -v ON_ERROR_STOP=1 -v rows="$rows" -d "$db" -f test/scripts/key_figures.sql \
     -c "INSERT INTO kf SELECT * FROM kf_local" -c "ANALYZE kf_local"
for i in 1 2; do
    psql -X -q -h 127.0.0.1 -p "${ports[$((i - 1))]}" -U postgres -d shard -c "ANALYZE kf"
done
psql -X -q -d "$db" -c "ANALYZE kf"

queries=$(grep -v "^#" test/scripts/queries.txt)

run() { PGOPTIONS="-c enable_partitionwise_aggregate=on" psql -X -A -t -v ON_ERROR_STOP=1 -d "$db" -c "$1"; }
ok=0
failed=0
report() { if [ "$1" = ok ]; then ok=$((ok + 1)); echo "ok - $2"; else failed=$((failed + 1)); echo "not ok - $2"; fi; }
ms() { date +%s%N | cut -c1-13; }

while IFS='#' read -r name query agg; do
    [ -n "$name" ] || continue
    [ -z "${SHARDED_ONLY:-}" ] || [ "$name" = "$SHARDED_ONLY" ] || continue
    for key in region grp; do
        q_local=${query//\{T\}/kf_local}; q_local=${q_local//\{K\}/$key}
        q_shard=${query//\{T\}/kf}; q_shard=${q_shard//\{K\}/$key}
        t0=$(ms); want=$(run "$q_local ORDER BY 1"); t1=$(ms); got=$(run "$q_shard ORDER BY 1"); t2=$(ms)
        if [ -n "$want" ] && [ "$want" = "$got" ]; then
            report ok "$name by $key: sharded = local ($(echo "$want" | wc -l) groups)"
        else
            report fail "$name by $key: sharded differs from local"
            { diff <(tr " " "\n" <<<"$want") <(tr " " "\n" <<<"$got") || true; } | head -6
        fi
        [ "${SHARDED_TIMING:-0}" = 1 ] && echo "# $name by $key: local $((t1 - t0)) ms, sharded $((t2 - t1)) ms"
        plan=$(run "EXPLAIN (VERBOSE, COSTS OFF) $q_shard")
        [ "${SHARDED_PLANS:-0}" = 1 ] && { echo "# $name by $key:"; sed 's/^/#   /' <<<"$plan"; }
        if [ "$key" = region ]; then
            # Grouped by the partition key, each shard computes its groups whole.
            if grep "Remote SQL: " <<<"$plan" | grep -qF "$agg" && ! grep -q "Partial" <<<"$plan"; then
                report ok "$name by region: pushed down whole ($(grep -c 'Remote SQL' <<<"$plan") remote queries)"
            else
                report fail "$name by region: not pushed down"; echo "$plan" | sed 's/^/#   /' | head -20
            fi
        fi
        [ "$name" = mean_attainment ] && [ "$key" = region ] && echo "$plan" | grep "Remote SQL" | head -1 | sed 's/^ */# /'
    done
done <<<"$queries"

echo "sharded: $ok passed, $failed failed (postgres_fdw over 2 clusters, $rows rows)"
[ "$failed" = 0 ]
