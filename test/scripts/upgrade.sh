#!/usr/bin/env bash
# The upgrade path: install the oldest released version, ALTER EXTENSION styring
# UPDATE through every upgrade script to the default version, and check that the
# catalog then equals a fresh install of the default version: the same objects
# with the same definitions. Runs inside pg_virtualenv; exits non-zero on a difference.
set -euo pipefail
cd "$(dirname "$0")/../.."
default=$(sed -nE "s/^default_version *= *'([^']+)'.*/\1/p" styring.control)
versions=$(ls styring--*.sql | grep -v -- '--.*--' | sed -E 's/styring--(.*)\.sql/\1/' | sort -V)
oldest=$(echo "$versions" | head -1)
upgrades=$(find . -maxdepth 1 -name 'styring--*--*.sql' | wc -l)

describe() {
    psql -X -A -t -d "$1" -c "
      SELECT pg_describe_object(d.classid, d.objid, 0) || ' :: ' ||
             coalesce(CASE d.classid
                 WHEN 'pg_proc'::regclass THEN
                     CASE WHEN (SELECT prokind FROM pg_proc WHERE oid = d.objid) = 'a'
                          THEN (SELECT concat_ws(' ', aggtransfn, aggcombinefn, aggserialfn, aggdeserialfn, aggfinalfn,
                                                 aggtranstype::regtype, agginitval, aggtransspace) FROM pg_aggregate WHERE aggfnoid = d.objid)
                          ELSE pg_get_functiondef(d.objid) END || ' ' || (SELECT provolatile::text || proparallel::text || proisstrict::text FROM pg_proc WHERE oid = d.objid)
                 WHEN 'pg_type'::regclass THEN (SELECT typlen::text || typbyval::text || typalign::text || typstorage::text || coalesce(typinput::text, '') FROM pg_type WHERE oid = d.objid)
                 WHEN 'pg_operator'::regclass THEN (SELECT oprcode::text || oprrest::text || oprjoin::text || oprcanhash::text FROM pg_operator WHERE oid = d.objid)
                 WHEN 'pg_cast'::regclass THEN (SELECT castfunc::regprocedure::text || castcontext::text FROM pg_cast WHERE oid = d.objid)
                 END, '') || ' :: ' || coalesce(obj_description(d.objid, d.classid::regclass::name), '')
      FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'styring'
      WHERE d.deptype = 'e'
      UNION ALL
      SELECT 'schema styring privileges :: ' || coalesce(array_to_string(ARRAY(
                 SELECT a::text FROM pg_namespace n, unnest(n.nspacl) a WHERE n.nspname = 'styring' ORDER BY 1), ' '), 'default')
      ORDER BY 1"
}

for db in styring_upgrade_old styring_upgrade_new; do dropdb --if-exists "$db" >/dev/null 2>&1; createdb "$db"; done
# A user's objects made on the oldest version, on the functions, operators and aggregates
# whose implementation later versions replace: they answer the same after the update.
user_objects="
  CREATE TABLE goal AS SELECT ('visjon.omr_' || i % 7 || '.mål_' || i)::styring.goalpath AS path,
         ('>= ' || 50 + i % 40 || ' by 2030')::styring.target AS t, (i % 97)::float8 AS actual
  FROM generate_series(1, 2000) i;
  CREATE INDEX ON goal (path);
  CREATE VIEW under_omr_3 AS
  SELECT count(*) AS n, styring.mean_attainment(t, actual) AS mean, styring.mean_attainment(t, actual, 2) AS wmean
  FROM goal WHERE path OPERATOR(styring.<@) 'visjon.omr_3' AND styring.goalpath_descendant_of(path, 'visjon')"
answer="SELECT n, mean::text, wmean::text FROM under_omr_3"
psql -X -q -v ON_ERROR_STOP=1 -d styring_upgrade_old -c "CREATE EXTENSION styring VERSION '$oldest'" -c "$user_objects"
before=$(psql -X -A -t -v ON_ERROR_STOP=1 -d styring_upgrade_old -c "$answer")
psql -X -q -v ON_ERROR_STOP=1 -d styring_upgrade_old -c "ALTER EXTENSION styring UPDATE"
after=$(psql -X -A -t -v ON_ERROR_STOP=1 -d styring_upgrade_old -c "$answer")
if [ -z "$before" ] || [ "$before" != "$after" ]; then
    echo "upgrade: a view made on $oldest answered '$before' before the update and '$after' after"; exit 1
fi
psql -X -q -v ON_ERROR_STOP=1 -d styring_upgrade_new -c "CREATE EXTENSION styring"
got=$(psql -X -A -t -d styring_upgrade_old -c "SELECT extversion FROM pg_extension WHERE extname = 'styring'")
old=$(describe styring_upgrade_old)
new=$(describe styring_upgrade_new)
for db in styring_upgrade_old styring_upgrade_new; do dropdb "$db"; done
if [ "$got" != "$default" ]; then echo "upgrade: reached $got, not $default"; exit 1; fi
if [ "$old" != "$new" ]; then
    echo "upgrade: the catalog after updating from $oldest differs from a fresh $default:"
    diff <(echo "$old") <(echo "$new") | head -40
    exit 1
fi

# A steering model made and loaded under an older release (the demo's, through the loaders), a
# view of the user's on one of its views, then ALTER EXTENSION styring UPDATE and, by the model's
# owner, styring.upgrade_model: every view of the model answers exactly as the same model made fresh
# under the default version, the user's view survives, and the model has the foreign keys and the
# stored group profiles of a new one.
views="goal_attainment goal_rollup ranking group_figures trend cost_quality composite_index evaluation_report goal_clarity"
answers() {
    local v out=""
    # rows as JSON with every number rounded to 6 decimals: sums of doubles may differ in the last
    # bits from one run of the same query to the next
    for v in $views; do
        out+="$v $(psql -X -A -t -d "$1" -c "CREATE FUNCTION pg_temp.r(j jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS \$\$
              SELECT CASE jsonb_typeof(j) WHEN 'object' THEN (SELECT jsonb_object_agg(k, pg_temp.r(e)) FROM jsonb_each(j) x(k, e))
                                          WHEN 'number' THEN to_jsonb(round(j::text::numeric, 6)) ELSE j END \$\$" \
              -c "SELECT count(*) || ' ' || md5(coalesce(string_agg(pg_temp.r(to_jsonb(t))::text, '|' ORDER BY pg_temp.r(to_jsonb(t))::text), '')) FROM kommune.$v t" | tail -1)"$'\n'
    done
    printf '%s' "$out"
}
demo_model() {
    psql -X -q -v ON_ERROR_STOP=1 -d "$1" -c "CREATE EXTENSION styring${2:+ VERSION '$2'}" \
         -f demo/bolig_for_velferd.sql -f demo/bergslagen.sql -f demo/model.sql >/dev/null
}
dropdb --if-exists styring_model_new >/dev/null 2>&1; createdb styring_model_new
demo_model styring_model_new
model_new=$(answers styring_model_new)
dropdb styring_model_new
model_releases=""
for from in 0.2.0 0.3.0; do
    db=styring_model_$(tr . _ <<<"$from")
    dropdb --if-exists "$db" >/dev/null 2>&1; createdb "$db"
    demo_model "$db" "$from"
    psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c "CREATE VIEW public.my_units AS SELECT unit, count(*) AS goals FROM kommune.goal_attainment GROUP BY unit"
    mine_before=$(psql -X -A -t -d "$db" -c "SELECT string_agg(unit || ':' || goals, ',' ORDER BY unit) FROM public.my_units")
    notice=$(psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c "ALTER EXTENSION styring UPDATE" 2>&1)
    listed=$(psql -X -A -t -d "$db" -c "SELECT model || ' ' || version || ' ' || current FROM styring.models")
    psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c "SELECT styring.upgrade_model('kommune')" >/dev/null
    listed_after=$(psql -X -A -t -d "$db" -c "SELECT model || ' ' || version || ' ' || current FROM styring.models")
    if ! grep -q "steering model kommune (owner .*) has the tables of styring $from" <<<"$notice"; then
        echo "upgrade: the update did not name the $from model it left behind: $notice"; exit 1
    fi
    if [ "$listed" != "kommune $from false" ] || [ "$listed_after" != "kommune $default true" ]; then
        echo "upgrade: styring.models listed '$listed' after the update and '$listed_after' after upgrade_model"; exit 1
    fi
    model_old=$(answers "$db")
    mine_after=$(psql -X -A -t -d "$db" -c "SELECT string_agg(unit || ':' || goals, ',' ORDER BY unit) FROM public.my_units")
    fks=$(psql -X -A -t -d "$db" -c "SELECT count(*) FROM pg_constraint WHERE conrelid = 'kommune.measurement'::regclass AND contype = 'f'")
    # the stored profiles are kept current after the upgrade: a new value moves its groups' profiles
    psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c "UPDATE kommune.measurement SET value = value * 2 WHERE unit = '0612'" >/dev/null
    stale=$(psql -X -A -t -d "$db" -c "WITH fresh AS (SELECT gm.group_code, m.indicator, m.year, m.gender, styring.profile(m.value)::text AS p
              FROM kommune.group_member gm JOIN kommune.measurement m ON m.unit = gm.unit AND m.year = gm.year AND m.value IS NOT NULL GROUP BY 1, 2, 3, 4)
            SELECT count(*) FROM fresh f FULL JOIN (SELECT group_code, indicator, year, gender, profile::text AS p FROM kommune.group_profile) s
              USING (group_code, indicator, year, gender) WHERE f.p IS DISTINCT FROM s.p")
    dropdb "$db"
    if [ "$model_old" != "$model_new" ]; then
        echo "upgrade: a model made under $from and upgraded answers differently from a fresh one:"
        diff <(echo "$model_old") <(echo "$model_new"); exit 1
    fi
    if [ -z "$mine_before" ] || [ "$mine_before" != "$mine_after" ]; then echo "upgrade: the user's view answered '$mine_before', then '$mine_after'"; exit 1; fi
    if [ "$fks" != 2 ]; then echo "upgrade: the upgraded $from model's measurement has $fks foreign keys, not 2"; exit 1; fi
    if [ "$stale" != 0 ]; then echo "upgrade: the upgraded $from model has $stale stored profiles that differ from fresh ones"; exit 1; fi
    model_releases+="${model_releases:+ and }$from"
done
echo "upgrade: $oldest -> $default through $upgrades upgrade script(s): catalog equal to a fresh install ($(echo "$new" | wc -l) objects); a view made on $oldest answers the same ($after); models made under $model_releases are listed by styring.models and named by the update, and once upgraded answer their $(echo "$views" | wc -w) views as a fresh one, with the user's view on them intact and stored profiles kept current"
