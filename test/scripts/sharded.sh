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
# each sharded query's plan.
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${SHARDED_ROWS:-40000}
bindir=$("${PG_CONFIG:-pg_config}" --bindir)
db=styring_sharded

as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

tmp=$(mktemp -d /tmp/styring-shards.XXXXXX)
[ "$(id -u)" = 0 ] && chown postgres "$tmp"
ports=()
cleanup() {
    for i in 1 2; do
        [ -d "$tmp/s$i" ] && as_owner "$bindir/pg_ctl" -D "$tmp/s$i" -m immediate stop >/dev/null 2>&1 || true
    done
    dropdb --if-exists "$db" >/dev/null 2>&1 || true
    rm -rf "$tmp"
}
trap cleanup EXIT

port=$((PGPORT + 100))
for i in 1 2; do
    while ! port_is_free "$port"; do port=$((port + 1)); done
    as_owner "$bindir/initdb" -D "$tmp/s$i" -A trust -U postgres --no-sync >/dev/null
    as_owner "$bindir/pg_ctl" -D "$tmp/s$i" -l "$tmp/s$i.log" -w start \
        -o "-p $port -k $tmp -c listen_addresses=127.0.0.1 -c extra_float_digits=0 -c fsync=off" >/dev/null
    ports+=("$port")
    port=$((port + 1))
done

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

SELECT setseed(0.42) \g /dev/null
CREATE TABLE kf_local AS
SELECT 1 + i % 2 AS region, i % 13 AS grp, i / 10 AS unit, 2015 + i % 9 AS year,
       ('>= ' || 40 + i % 50 || ' by ' || 2020 + i % 8 || ' from ' || 10 + i % 20 || ' in 2015')::styring.target AS t,
       CASE WHEN i % 23 = 0 THEN NULL ELSE random() * 120 END AS a,
       CASE WHEN i % 7 = 0 THEN NULL ELSE random() * 5 END AS w,
       ('visjon.omr_' || i % 5 || '.mål_' || i % 37 || '.tiltak_' || i % 401)::styring.goalpath AS p,
       CASE WHEN i % 29 = 0 THEN NULL ELSE round((random() * 1000)::numeric, 1)::float8 END AS v,
       ('{' || i % 17 || ',' || (i % 7) * 0.1 || '}')::styring.profile AS pr,
       (ARRAY['{}', '{action_plan}', '{political_decision,other}', '{budget_process}', NULL])[1 + i % 5]::styring.eval_usage AS usage,
       round((random() * 300)::numeric, 2) AS hours, 650 + i % 5 * 50 AS rate,
       CASE WHEN i % 3 = 0 THEN round((random() * 200000)::numeric, 2) END AS consultant,
       round((random() * 5000)::numeric, 2) AS material, 0.01 * (i % 100) AS other, i % 4 = 0 AS survey
FROM generate_series(1, $rows) i;
INSERT INTO kf SELECT * FROM kf_local;
ANALYZE kf_local;
SQL
for i in 1 2; do
    psql -X -q -h 127.0.0.1 -p "${ports[$((i - 1))]}" -U postgres -d shard -c "ANALYZE kf"
done
psql -X -q -d "$db" -c "ANALYZE kf"

# name # query with {T} (the table) and {K} (the grouping column) # what the remote SQL must show
queries=$(cat <<'EOF'
mean_attainment#SELECT {K} AS k, round(styring.mean_attainment(t, a)::numeric, 12) || ' ' || round(styring.mean_attainment(t, a, w)::numeric, 12) FROM {T} GROUP BY 1#styring.mean_attainment(
status_counts#SELECT {K} AS k, styring.status_counts(t, a, year)::text || styring.status_counts(t, a, year, 0.2)::text FROM {T} GROUP BY 1#styring.status_counts(
profile#SELECT {K} AS k, styring.profile(v)::text FROM {T} GROUP BY 1#styring.profile(
profile_union#SELECT {K} AS k, styring.profile_union(pr)::text FROM {T} GROUP BY 1#styring.profile_union(
chain_rollup#SELECT k, (SELECT string_agg(concat_ws(':', n.path, n.level, n.n, round(n.flat_mean::numeric, 12), round(n.chain_mean::numeric, 12)), ' ' ORDER BY n.path) FROM unnest(r) n) FROM (SELECT {K} AS k, styring.chain_rollup(p, a, w) AS r FROM {T} GROUP BY 1) s#styring.chain_rollup(
evaluation_summary#SELECT k, r::text FROM (SELECT {K} AS k, styring.evaluation_summary(usage, hours, rate, consultant, material, other, survey) AS r FROM {T} GROUP BY 1) s#styring.evaluation_summary(
evaluation_summary_float8#SELECT k, r::text FROM (SELECT {K} AS k, styring.evaluation_summary(usage, hours::float8, rate::float8, consultant::float8, material::float8, other::float8, survey) AS r FROM {T} GROUP BY 1) s#styring.evaluation_summary(
min_max#SELECT {K} AS k, concat_ws(' ', styring.min(t), styring.max(t), styring.min(p), styring.max(p)) FROM {T} GROUP BY 1#styring.min(
operators#SELECT {K} AS k, count(*) FROM {T} WHERE p OPERATOR(styring.<@) 'visjon.omr_3' AND 'visjon' OPERATOR(styring.@>) p AND t OPERATOR(styring.>=) '>= 60 by 2024' AND usage OPERATOR(styring.<@) '{action_plan,budget_process,political_decision,other}' AND usage OPERATOR(styring.@>) '{budget_process}' AND p OPERATOR(styring.<>) 'visjon.omr_3.mål_3.tiltak_3' GROUP BY 1#OPERATOR(styring.<@)
EOF
)

run() { PGOPTIONS="-c enable_partitionwise_aggregate=on" psql -X -A -t -v ON_ERROR_STOP=1 -d "$db" -c "$1"; }
ok=0
failed=0
report() { if [ "$1" = ok ]; then ok=$((ok + 1)); echo "ok - $2"; else failed=$((failed + 1)); echo "not ok - $2"; fi; }
ms() { date +%s%N | cut -c1-13; }

while IFS='#' read -r name query agg; do
    [ -n "$name" ] || continue
    for key in region grp; do
        q_local=${query//\{T\}/kf_local}; q_local=${q_local//\{K\}/$key}
        q_shard=${query//\{T\}/kf}; q_shard=${q_shard//\{K\}/$key}
        t0=$(ms); want=$(run "$q_local ORDER BY 1"); t1=$(ms); got=$(run "$q_shard ORDER BY 1"); t2=$(ms)
        if [ -n "$want" ] && [ "$want" = "$got" ]; then
            report ok "$name by $key: sharded = local ($(echo "$want" | wc -l) groups)"
        else
            report fail "$name by $key: sharded differs from local"
            diff <(echo "$want") <(echo "$got") | head -6
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
