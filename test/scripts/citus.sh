#!/usr/bin/env bash
# styring on Citus: a coordinator and two workers on loopback, the rows of key_figures.sql in a
# table distributed by unit, every query of queries.txt grouped by the distribution column and by
# another column, each equal to one local table; for each aggregate, whether Citus splits it
# (and that a split aggregate's states are exact as text whatever the workers' extra_float_digits)
# (worker_partial_agg on the workers) or gathers the rows; x <@ 'a.b' on the workers; ranking
# against stored profiles in a reference table.
#
# Citus is not in Debian's packages, so CI cannot install it: the script says "skipped" and
# exits 0 when citus.so is not installed for this PostgreSQL. Build Citus from source by hand to
# run it. Runs inside pg_virtualenv (PG_CONFIG, PGPORT set), as root or as the clusters' owner.
set -euo pipefail
cd "$(dirname "$0")/../.."
pkglibdir=$("${PG_CONFIG:-pg_config}" --pkglibdir)
if [ ! -f "$pkglibdir/citus.so" ]; then
    echo "citus: skipped (Citus is not installed for $("${PG_CONFIG:-pg_config}" --version))"
    exit 0
fi
rows=${CITUS_ROWS:-40000}
source test/scripts/clusters.sh
trap stop_clusters EXIT
coord=$(start_cluster coordinator shared_preload_libraries=citus)
w1=$(start_cluster worker1 shared_preload_libraries=citus)
w2=$(start_cluster worker2 shared_preload_libraries=citus)
on() { local port=$1; shift; psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres "$@"; }

for p in "$w1" "$w2" "$coord"; do on "$p" -c "CREATE EXTENSION citus" -c "CREATE EXTENSION styring"; done
on "$coord" -c "SELECT citus_set_coordinator_host('127.0.0.1', $coord)" \
            -c "SELECT citus_add_node('127.0.0.1', $w1)" -c "SELECT citus_add_node('127.0.0.1', $w2)" >/dev/null
on "$coord" -v rows="$rows" -f test/scripts/key_figures.sql \
    -c "CREATE TABLE kf (LIKE kf_local)" -c "SELECT create_distributed_table('kf', 'unit')" \
    -c "INSERT INTO kf SELECT * FROM kf_local" -c "ANALYZE kf" -c "ANALYZE kf_local" >/dev/null
version=$(on "$coord" -A -t -c "SELECT extversion FROM pg_extension WHERE extname = 'citus'")

ok=0
failed=0
report() { if [ "$1" = ok ]; then ok=$((ok + 1)); echo "ok - $2"; else failed=$((failed + 1)); echo "not ok - $2"; fi; }
run() { on "$coord" -A -t -c "$1"; }

while IFS='#' read -r name query agg; do
    [ -n "$name" ] || continue
    for key in unit grp; do
        q_local=${query//\{T\}/kf_local}; q_local=${q_local//\{K\}/$key}
        q_dist=${query//\{T\}/kf}; q_dist=${q_dist//\{K\}/$key}
        want=$(run "$q_local ORDER BY 1")
        if got=$(run "$q_dist ORDER BY 1" 2>&1) && [ -n "$want" ] && [ "$want" = "$got" ]; then
            report ok "$name by $key: distributed = local ($(echo "$want" | wc -l) groups)"
        else
            report fail "$name by $key: distributed differs from local"; { diff <(echo "$want") <(echo "$got") || true; } | head -4
        fi
        if [ "$key" = grp ]; then
            plan=$(run "EXPLAIN (VERBOSE, COSTS OFF) $q_dist")
            if grep -q "worker_partial_agg" <<<"$plan"; then how="split: partial states from the workers"
            elif grep -F "$agg" <<<"$plan" | grep -q "Query:"; then how="run whole on the workers"
            else how="rows gathered to the coordinator"; fi
            echo "# Citus $version, $name grouped by a column other than the distribution column: $how"
        fi
    done
done < <(grep -v "^#" test/scripts/queries.txt)

# Stored profiles as a reference table: ranks computed on the workers equal rank() OVER.
run "CREATE TABLE gp AS SELECT grp, styring.profile(v) AS p FROM kf_local GROUP BY grp" >/dev/null
run "SELECT create_reference_table('gp')" >/dev/null 2>&1
want=$(run "SELECT sum(r) FROM (SELECT rank() OVER (PARTITION BY grp ORDER BY v DESC) AS r FROM kf_local WHERE v IS NOT NULL) s")
got=$(run "SELECT sum(styring.rank_in(gp.p, kf.v, true)) FROM kf JOIN gp USING (grp) WHERE kf.v IS NOT NULL")
[ "$want" = "$got" ] && report ok "rank_in against a reference table of profiles = rank() OVER (sum $got)" \
                     || report fail "rank_in against a reference table: $got, rank() OVER: $want"

# Partial states travel as text: with the workers at extra_float_digits = 0 the split aggregates
# must give the same bits as with the default (a float8[] state would lose its last digits).
exact="SELECT grp, styring.mean_attainment(t, a)::text, styring.mean_attainment(t, a, w)::text FROM kf GROUP BY 1 ORDER BY 1"
before=$(run "$exact")
for p in "$w1" "$w2"; do on "$p" -c "ALTER SYSTEM SET extra_float_digits = 0" -c "SELECT pg_reload_conf()" >/dev/null; done
sleep 1
after=$(run "$exact")
[ -n "$before" ] && [ "$before" = "$after" ] \
    && report ok "mean_attainment split over workers with extra_float_digits = 0: the same bits as with 1" \
    || report fail "mean_attainment split over workers changes with their extra_float_digits"

echo "citus: $ok passed, $failed failed (Citus $version, a coordinator and 2 workers, $rows rows)"
[ "$failed" = 0 ]
