#!/usr/bin/env bash
# pg_dump / pg_restore round trip of a database that uses every styring type: in
# tables, in indexes, as stored profiles (toasted) and as stored aggregate results.
# Runs inside pg_virtualenv (scripts/run-tests.sh calls it). Exits non-zero on a difference.
set -euo pipefail
cd "$(dirname "$0")/../.."
src=styring_dump_src
dst=styring_dump_dst
dump=$(mktemp)
trap 'rm -f "$dump"; dropdb --if-exists "$src" >/dev/null 2>&1; dropdb --if-exists "$dst" >/dev/null 2>&1' EXIT
dropdb --if-exists "$src" >/dev/null 2>&1; dropdb --if-exists "$dst" >/dev/null 2>&1
createdb "$src"
psql -X -q -v ON_ERROR_STOP=1 -d "$src" <<'SQL'
CREATE EXTENSION styring;
CREATE TABLE goal (id int PRIMARY KEY, path styring.goalpath, target styring.target, actual float8,
                   usage styring.eval_usage);
INSERT INTO goal
SELECT i, ('stat.dir' || (i % 7) || '.kommune_' || (ARRAY['hole', 'bærum', 'säter', 'tromsø'])[1 + i % 4] || i)::styring.goalpath,
       styring.make_target(CASE i % 3 WHEN 0 THEN '>=' WHEN 1 THEN '<=' ELSE '=' END, 50 + i % 40,
                           2020 + i % 5, CASE WHEN i % 2 = 0 THEN CASE i % 3 WHEN 0 THEN 10.1 ELSE 100.7 END END,
                           CASE WHEN i % 2 = 0 THEN 2015 END, CASE WHEN i % 3 = 2 THEN 0.5 END),
       (i * 37 % 100) / 1.7, (ARRAY['{}', '{action_plan}', '{politiskt_beslut,annat}', '{budsjett_og_målprosess}'])[1 + i % 4]::styring.eval_usage
FROM generate_series(1, 5000) i;
CREATE INDEX ON goal (path);
CREATE INDEX ON goal USING hash (target);
CREATE INDEX ON goal (usage);
CREATE TABLE stored_profile AS
SELECT i % 5 AS g, styring.profile((i * 7919 % 10007) / 3.0) AS p FROM generate_series(1, 60000) i GROUP BY i % 5;
CREATE TABLE stored_results AS
SELECT styring.chain_rollup(path, styring.attainment(target, actual)) AS chain,
       styring.status_counts(target, actual, 2022) AS counts,
       styring.evaluation_summary(usage, (id % 50)::numeric, 280, (id % 7) * 1000.25, NULL, NULL, id % 3 = 0) AS evaluations,
       styring.mean_attainment(target, actual) AS mean
FROM goal;
-- what the functions that return styring values return, stored: the subtree bound among them
-- (0.2.0's held byte 0x01, which COPY could not read back, and the table did not restore)
CREATE TABLE stored_bounds AS
SELECT path, styring.goalpath_subtree_end(path) AS bound, styring.parent(path) AS parent, styring.lca(path, 'stat.dir1') AS lca
FROM goal WHERE id % 50 = 0;
-- a steering model, loaded
SELECT styring.create_model('kommune');
\set rate `cat demo/data/kostra_rate_data.csv`
SELECT styring.load_kostra_csv('kommune', :'rate', year => 2015);
\set klass `cat demo/data/ssb_klass_131_municipalities.json`
SELECT styring.load_klass('kommune', :'klass');
INSERT INTO kommune.goal VALUES ('bolig_for_velferd', 'Bolig for velferd', 'direction_goal', 'KMD', 'society');
INSERT INTO kommune.indicator (code, name, source, higher_is_better) VALUES ('bostotte', 'Bostøtte', 'own', true);
INSERT INTO kommune.goal_indicator VALUES ('bolig_for_velferd', 'bostotte', NULL, '>= 90 by 2020 from 72 in 2015'),
                                          ('bolig_for_velferd', 'bostotte', '0101', '>= 85 by 2020');
SQL
pg_dump -Fc -f "$dump" "$src"
createdb "$dst"
pg_restore --exit-on-error -d "$dst" "$dump"

fingerprint() {
    psql -X -A -t -d "$1" -c "
      SELECT 'goal ' || md5(string_agg(g::text, '|' ORDER BY id)) FROM goal g
      UNION ALL SELECT 'profiles ' || md5(string_agg(g || ':' || p::text || ':' || styring.group_mean(p), '|' ORDER BY g)) FROM stored_profile
      UNION ALL SELECT 'results ' || md5(r::text) FROM stored_results r
      UNION ALL SELECT 'bounds ' || count(*) || ' ' || md5(string_agg(b::text, '|' ORDER BY path)) FROM stored_bounds b
      UNION ALL SELECT 'indexes ' || count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
                WHERE c.relname = 'goal' AND i.indisvalid
      UNION ALL SELECT 'descendants ' || count(*) FROM goal WHERE path OPERATOR(styring.<@) 'stat.dir3'
      UNION ALL SELECT 'ranks ' || sum(styring.rank_in(p, 100)) FROM stored_profile
      UNION ALL SELECT 'model ' || md5(string_agg(m::text, '|' ORDER BY unit, indicator, year, gender)) FROM kommune.measurement m
      UNION ALL SELECT 'model units ' || md5(string_agg(u::text, '|' ORDER BY code)) FROM kommune.unit u
      UNION ALL SELECT 'model targets ' || md5(string_agg(t::text, '|' ORDER BY unit NULLS FIRST)) FROM kommune.goal_indicator t
      UNION ALL SELECT 'model groups ' || count(*) FROM kommune.group_member"
}
a=$(fingerprint "$src")
b=$(fingerprint "$dst")
echo "$a" | sed 's/^/  source: /'
if [ "$a" != "$b" ]; then
    echo "dump/restore: the restored database differs:"; echo "$b" | sed 's/^/  restored: /'
    exit 1
fi
echo "dump/restore: restored database equal (tables, toasted profiles, stored aggregate results, indexes, a loaded steering model)"
