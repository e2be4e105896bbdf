-- Stored group profiles: after every kind of load, change and delete, the
-- model's group_profile equals the profiles computed afresh from its
-- measurements and members, and the ranking view that reads it equals
-- rank() OVER. (Concurrent writers: test/scripts/concurrency.sh.)
\set QUIET on
\set ON_ERROR_STOP 1
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS styring;
SET client_min_messages = warning;
\i demo/bolig_for_velferd.sql
\i demo/bergslagen.sql
\i demo/model.sql
\set QUIET on
SELECT plan(38);

-- the stored rows that differ from a fresh computation (either side missing or unequal)
CREATE FUNCTION pg_temp.stale() RETURNS bigint LANGUAGE sql AS $$
    WITH fresh AS (
        SELECT gm.group_code, m.indicator, m.year, m.gender, styring.profile(m.value)::text AS p
        FROM kommune.group_member gm
        JOIN kommune.measurement m ON m.unit = gm.unit AND m.year = gm.year AND m.value IS NOT NULL
        GROUP BY 1, 2, 3, 4)
    SELECT count(*) FROM fresh f
    FULL JOIN (SELECT group_code, indicator, year, gender, profile::text AS p FROM kommune.group_profile) s
      USING (group_code, indicator, year, gender)
    WHERE f.p IS DISTINCT FROM s.p
$$;
-- the ranking view's rows that differ from rank() OVER on the same members
CREATE FUNCTION pg_temp.misranked() RETURNS bigint LANGUAGE sql AS $$
    SELECT count(*) FROM (
        SELECT group_code, indicator, year, gender, unit, rank, group_size FROM kommune.ranking
        EXCEPT
        SELECT gm.group_code, m.indicator, m.year, m.gender, m.unit,
               CASE WHEN coalesce(i.higher_is_better, true)
                    THEN rank() OVER (PARTITION BY gm.group_code, m.indicator, m.year, m.gender ORDER BY m.value DESC)
                    ELSE rank() OVER (PARTITION BY gm.group_code, m.indicator, m.year, m.gender ORDER BY m.value) END,
               count(*) OVER (PARTITION BY gm.group_code, m.indicator, m.year, m.gender)
        FROM kommune.group_member gm
        JOIN kommune.measurement m ON m.unit = gm.unit AND m.year = gm.year AND m.value IS NOT NULL
        JOIN kommune.indicator i ON i.code = m.indicator) d
$$;

SELECT ok((SELECT count(*) FROM kommune.group_profile) > 900, 'the demo''s loads stored the profiles of its groups');
SELECT is(pg_temp.stale(), 0::bigint, 'after the loaders and the demo''s own INSERTs: equal to a fresh computation');
SELECT is(pg_temp.misranked(), 0::bigint, 'and the ranking view that reads them equals rank() OVER');
SELECT is((SELECT attstorage FROM pg_attribute WHERE attrelid = 'kommune.group_profile'::regclass AND attname = 'profile'), 'e',
          'profiles are stored uncompressed (EXTERNAL), where the profile cache sees them');

-- measurements written by hand
INSERT INTO kommune.measurement (unit, indicator, year, value)
SELECT unit, 'idrett_netto_per_innb', 2016, value * 1.1 FROM kommune.measurement WHERE indicator = 'idrett_netto_per_innb' AND year = 2015;
INSERT INTO kommune.group_member (group_code, unit, year) SELECT group_code, unit, 2016 FROM kommune.group_member WHERE year = 2015;
SELECT is(pg_temp.stale(), 0::bigint, 'INSERT of measurements, then of the members of a new year');
UPDATE kommune.measurement SET value = value + 7 WHERE indicator = 'idrett_areal_per_1000' AND unit < '1000';
SELECT is(pg_temp.stale(), 0::bigint, 'UPDATE of values');
UPDATE kommune.measurement SET value = NULL, status = '.' WHERE indicator = 'idrett_areal_per_1000' AND unit LIKE '03%';
SELECT is(pg_temp.stale(), 0::bigint, 'UPDATE of values to NULL (a status instead)');
UPDATE kommune.measurement SET value = 1, status = NULL WHERE indicator = 'idrett_areal_per_1000' AND unit = '0301';
SELECT is(pg_temp.stale(), 0::bigint, 'UPDATE from NULL to a value');
UPDATE kommune.measurement SET year = 2016 WHERE indicator = 'idrett_energi_per_m2' AND unit LIKE '1%' AND year = 2015;
SELECT is(pg_temp.stale(), 0::bigint, 'UPDATE of the key (a value moved to another year)');
UPDATE kommune.measurement SET gender = 'K' WHERE indicator = 'idrett_energi_per_m2' AND unit LIKE '2%';
SELECT is(pg_temp.stale(), 0::bigint, 'UPDATE of the gender');
DELETE FROM kommune.measurement WHERE indicator = 'idrett_netto_per_innb' AND unit LIKE '5%';
SELECT is(pg_temp.stale(), 0::bigint, 'DELETE of measurements');
DELETE FROM kommune.measurement WHERE indicator = 'idrett_energi_per_m2' AND gender = 'K';
SELECT is((SELECT count(*)::int FROM kommune.group_profile WHERE indicator = 'idrett_energi_per_m2' AND gender = 'K'), 0,
          'a group left without values loses its stored profile');
INSERT INTO kommune.measurement (unit, indicator, year, value) VALUES ('0301', 'idrett_energi_per_m2', 2015, 5)
ON CONFLICT (unit, indicator, year, gender) DO UPDATE SET value = EXCLUDED.value;
SELECT is(pg_temp.stale(), 0::bigint, 'INSERT ... ON CONFLICT DO UPDATE');

-- members and groups
DELETE FROM kommune.group_member WHERE unit = '0612' AND year = 2015;
SELECT is(pg_temp.stale(), 0::bigint, 'DELETE of a unit''s memberships');
INSERT INTO kommune.group_member (group_code, unit, year) VALUES ('landet', '0612', 2015);
SELECT is(pg_temp.stale(), 0::bigint, 'INSERT of a membership');
UPDATE kommune.group_member SET group_code = 'fylke-03' WHERE unit = '0612' AND group_code = 'landet' AND year = 2015;
SELECT is(pg_temp.stale(), 0::bigint, 'UPDATE of a membership (moved to another group)');
UPDATE kommune.comparison_group SET code = 'hele-landet' WHERE code = 'landet';
SELECT is(pg_temp.stale(), 0::bigint, 'a group''s code changed (ON UPDATE CASCADE to its members)');
DELETE FROM kommune.comparison_group WHERE code = 'fylke-03';
SELECT is(pg_temp.stale(), 0::bigint, 'a group deleted (ON DELETE CASCADE to its members)');
DELETE FROM kommune.unit WHERE code = '3301';
SELECT is(pg_temp.stale(), 0::bigint, 'a unit deleted (its measurements and memberships by cascade)');
DELETE FROM kommune.indicator WHERE code = 'idrett_areal_per_1000';
SELECT is(pg_temp.stale(), 0::bigint, 'an indicator deleted (its measurements by cascade)');
SELECT is(pg_temp.misranked(), 0::bigint, 'the ranking view still equals rank() OVER');

-- the loaders
SELECT styring.load_kolada('kommune', '{"count": 2, "values": [
    {"kpi": "N15428", "municipality": "0301", "period": 2015, "values": [{"gender": "T", "status": null, "value": 41.5}]},
    {"kpi": "N15428", "municipality": "0612", "period": 2015, "values": [{"gender": "T", "status": null, "value": 43.5}]}]}');
INSERT INTO kommune.group_member (group_code, unit, year) VALUES ('hele-landet', '0301', 2015) ON CONFLICT DO NOTHING;
SELECT is(pg_temp.stale(), 0::bigint, 'a Kolada document loaded');
SELECT styring.load_kostra_csv('kommune', E'"region","Netto.driftsutgifter..kommunale.idrettsbygg..konsern","Folkemengde.i.alt"\n"0301 Oslo",99999,658390\n"0612 Hole",1,6750\n', year => 2015);
SELECT is(pg_temp.stale(), 0::bigint, 'a KOSTRA file reloaded with changed values');
SELECT styring.apply_staged('kommune', ROW(NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    ARRAY['nabo'], ARRAY['Naboer'], ARRAY['user_defined'], ARRAY['nabo', 'nabo', 'nabo'], ARRAY['0301', '0612', '0602'], ARRAY[2015, 2015, 2015],
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)::styring.staged_rows);
SELECT is(pg_temp.stale(), 0::bigint, 'a group and its members added through the apply step');
SELECT is((SELECT styring.group_size(profile) FROM kommune.group_profile
           WHERE group_code = 'nabo' AND indicator = 'Netto.driftsutgifter..kommunale.idrettsbygg..konsern' AND year = 2015),
          (SELECT count(*) FROM kommune.measurement WHERE unit IN ('0301', '0612', '0602') AND year = 2015
             AND indicator = 'Netto.driftsutgifter..kommunale.idrettsbygg..konsern' AND value IS NOT NULL),
          'the new group''s profile holds its members'' values');

-- whose rights: a role that may only insert measurements keeps the state current through the owner's trigger
CREATE ROLE styring_feeder_sp NOLOGIN NOSUPERUSER;
GRANT USAGE ON SCHEMA kommune TO styring_feeder_sp;
GRANT INSERT ON kommune.measurement TO styring_feeder_sp;
SET ROLE styring_feeder_sp;
SELECT lives_ok($$INSERT INTO kommune.measurement (unit, indicator, year, value) VALUES ('0612', 'idrett_energi_per_m2', 2016, 1)$$,
                'a role with INSERT on measurement alone writes; the trigger keeps the profiles with the owner''s rights');
SELECT throws_ok($$DELETE FROM kommune.group_profile$$, '42501', NULL, 'but may not touch the stored profiles itself');
SELECT throws_ok($$SELECT styring.refresh_profiles('kommune')$$, '42501', NULL, 'nor recompute them');
RESET ROLE;
SELECT is(pg_temp.stale(), 0::bigint, 'the feeder''s row is in the stored profiles');
SELECT is((SELECT prosecdef FROM pg_proc WHERE oid = 'kommune.styring_profiles_measured'::regproc), true,
          'the trigger function runs with its owner''s rights');
SELECT ok(NOT has_function_privilege('styring_feeder_sp', 'kommune.styring_profiles_measured()', 'EXECUTE'),
          'and nobody else is granted EXECUTE on it');

-- the refresh hashes a scope's values with sorts off for its statement alone
INSERT INTO kommune.measurement (unit, indicator, year, value) VALUES ('0612', 'idrett_energi_per_m2', 2017, 2);
SELECT is(current_setting('enable_sort'), 'on', 'a write whose profiles are re-done leaves the planner''s settings as they were');
SET LOCAL enable_sort = off;
UPDATE kommune.measurement SET value = 3 WHERE unit = '0612' AND indicator = 'idrett_energi_per_m2' AND year = 2017;
SELECT is(current_setting('enable_sort'), 'off', 'also when the transaction has its own');
RESET enable_sort;
SELECT is(pg_temp.stale(), 0::bigint, 'and the profiles of both writes are right');

-- stored profiles written by hand are put right by refresh_profiles
UPDATE kommune.group_profile SET profile = '{1,2,3}' WHERE ctid = (SELECT min(ctid) FROM kommune.group_profile);
SELECT is(pg_temp.stale(), 1::bigint, 'a profile written by hand differs from the fresh one');
SELECT ok(styring.refresh_profiles('kommune') > 0, 'refresh_profiles(model) computes them all afresh');
SELECT is(pg_temp.stale(), 0::bigint, 'and they are right again');

-- TRUNCATE, also through a cascade
TRUNCATE kommune.comparison_group CASCADE;
SELECT is((SELECT count(*)::int FROM kommune.group_profile), 0, 'TRUNCATE comparison_group CASCADE leaves no stored profile');
SELECT * FROM finish();
ROLLBACK;
