-- Safe to share: what an unprivileged role can do to others through styring,
-- and what a careless call gets. Each block is a finding of 0.2.0 that this
-- version closes (the concurrent ones are in test/scripts/concurrency.sh, the
-- memory and cancel bounds of csv_rows in test/scripts/csv_limits.sh).
\set ON_ERROR_STOP 1
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS styring;
SELECT plan(35);

CREATE ROLE styring_mallory NOLOGIN NOSUPERUSER;
CREATE ROLE styring_alice NOLOGIN NOSUPERUSER;
DO $$ BEGIN EXECUTE format('GRANT CREATE ON DATABASE %I TO styring_mallory, styring_alice', current_database()); END $$;

-- 1. The extension's schema belongs to the role that ran the install script,
-- and nobody else may create objects in it.
SELECT is((SELECT nspowner FROM pg_namespace WHERE nspname = 'styring'),
          (SELECT extowner FROM pg_extension WHERE extname = 'styring') ,
          'the installing superuser owns the schema here');
SELECT ok(NOT has_schema_privilege('styring_mallory', 'styring', 'CREATE'), 'no other role may create objects in styring''s schema');
SELECT ok(has_schema_privilege('styring_mallory', 'styring', 'USAGE'), 'every role may use it');
SET ROLE styring_mallory;
SELECT throws_ok($$CREATE FUNCTION styring.attainment(styring.target, integer) RETURNS float8 LANGUAGE sql AS 'SELECT 1'$$,
                 '42501', NULL, 'a look-alike overload cannot be added');
SELECT throws_ok($$ALTER SCHEMA styring RENAME TO styring_old$$, '42501', NULL, 'nor can the schema be renamed');
RESET ROLE;

-- 2. Models of other roles: create_model does not take over a schema, and a
-- loader does not write into a model whose schema or tables another role owns.
SET ROLE styring_mallory;
CREATE SCHEMA mallory_model;
SELECT styring.create_model('mallory_own');
RESET ROLE;
SELECT throws_ok($$SELECT styring.create_model('mallory_model')$$, '42501', NULL,
                 'create_model refuses a schema another role owns');
SELECT throws_ok($$SELECT styring.load_klass('mallory_own', '{"codes": []}')$$, '42501',
                 'the schema "mallory_own" belongs to role "styring_mallory": styring writes only into a model of the role that writes (or of a superuser)',
                 'a superuser''s load into a model another role owns is refused');
SELECT styring.create_model('super_model');
ALTER TABLE super_model.unit OWNER TO styring_mallory;
SELECT throws_ok($$SELECT styring.load_klass('super_model', '{"codes": []}')$$, '42501',
                 'the table "super_model.unit" belongs to role "styring_mallory": styring writes only into a model of the role that writes (or of a superuser)',
                 'and so is a load into a model one of whose tables another role owns');
ALTER TABLE super_model.unit OWNER TO CURRENT_USER;
SET ROLE styring_mallory;
SELECT is(styring.load_klass('mallory_own', '{"codes": [{"code": "0301", "name": "Oslo"}]}'), 1::bigint,
          'the owner loads into its own model');
RESET ROLE;

-- Every role sees which models there are, from the catalog alone.
SET ROLE styring_alice;
SELECT is((SELECT string_agg(model || ' ' || version || ' ' || current, ', ' ORDER BY model) FROM styring.models
           WHERE model IN ('mallory_own', 'super_model')),
          'mallory_own 0.4.0 true, super_model 0.4.0 true', 'styring.models lists the models and their versions to any role');
SELECT is((SELECT owner FROM styring.models WHERE model = 'mallory_own'), 'styring_mallory', 'and their owners');
RESET ROLE;

-- 3. No temporary table: a loader runs nothing left in pg_temp, and needs no TEMP privilege.
CREATE TEMP TABLE styring_kolada_row (seq bigint, at text, kpi text, unit text, year text, gender text, value jsonb, status text);
CREATE TEMP TABLE trap (fired boolean);
CREATE FUNCTION pg_temp.trap() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO trap VALUES (true); RETURN NULL; END $$;
CREATE TRIGGER trap AFTER INSERT ON styring_kolada_row FOR EACH STATEMENT EXECUTE FUNCTION pg_temp.trap();
SELECT styring.load_kolada('super_model', '{"values": [{"kpi": "N1", "municipality": "0301", "period": 2023, "values": [{"gender": "T", "value": 1}]}]}');
SELECT is((SELECT count(*)::int FROM trap), 0, 'a temporary table of the loader''s name is not used');
DO $$ BEGIN EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database()); END $$;
SET ROLE styring_alice;
SELECT styring.create_model('alice_model');
SELECT is(styring.load_kostra_csv('alice_model', E'periode,region,kontoklasse,funksjon,art,belop\n2015,0301,D,120,010,100\n'), 2::bigint,
          'a role without TEMP loads');
RESET ROLE;
DO $$ BEGIN EXECUTE format('GRANT TEMPORARY ON DATABASE %I TO PUBLIC', current_database()); END $$;

-- 4. The search_path we recommend. 0.2.0's README recommended "$user", public, styring: a role that
-- may create schemas makes one named after the querying role, and an operator there that matches a
-- text-bound parameter exactly wins over styring's (which needs a cast). The recommended path has
-- no "$user".
SET ROLE styring_mallory;
DO $$ BEGIN
    EXECUTE format('CREATE SCHEMA %I', session_user);
    EXECUTE format('CREATE FUNCTION %I.under(styring.goalpath, text) RETURNS boolean LANGUAGE sql AS ''SELECT true''', session_user);
    EXECUTE format('CREATE OPERATOR %I.<@ (LEFTARG = styring.goalpath, RIGHTARG = text, FUNCTION = %I.under)', session_user, session_user);
END $$;
RESET ROLE;
CREATE TEMP TABLE path_answers (path text, answer boolean);
SET LOCAL search_path = "$user", public, styring;
INSERT INTO pg_temp.path_answers SELECT 'old', 'a.b'::styring.goalpath <@ 'x.y'::text;
SET LOCAL search_path = styring, public;
INSERT INTO pg_temp.path_answers SELECT 'recommended', 'a.b'::styring.goalpath <@ 'x.y'::text;
RESET search_path;
SELECT is((SELECT answer FROM path_answers WHERE path = 'old'), true,
          'under 0.2.0''s recommended search_path another role''s <@ answers a text parameter');
SELECT is((SELECT answer FROM path_answers WHERE path = 'recommended'), false,
          'under the recommended one styring''s <@ does');
DO $$ BEGIN EXECUTE format('DROP SCHEMA %I CASCADE', session_user); END $$;

-- 7. Real foreign keys: checked with the owner's rights, reached by TRUNCATE ... CASCADE.
CREATE ROLE styring_feeder NOLOGIN NOSUPERUSER;
GRANT USAGE ON SCHEMA super_model TO styring_feeder;
GRANT INSERT ON super_model.measurement TO styring_feeder;
SET ROLE styring_feeder;
SELECT lives_ok($$INSERT INTO super_model.measurement (unit, indicator, year, value) VALUES ('0301', 'N1', 2024, 2)$$,
                'INSERT on measurement alone is enough: the references are checked with the owner''s rights');
RESET ROLE;
TRUNCATE super_model.indicator CASCADE;
SELECT is((SELECT count(*)::int FROM super_model.measurement), 0, 'TRUNCATE indicator CASCADE leaves no measurement behind');

-- 8. goalpath_subtree_end gives a path that reads back (COPY, dump and restore).
SELECT is(styring.goalpath_subtree_end('a.b')::text::styring.goalpath::text, 'a.b-',
          'the subtree bound reads back through its text form');
SELECT ok(styring.goalpath_subtree_end('a.b') OPERATOR(styring.>) 'a.b.ø.zzz' AND styring.goalpath_subtree_end('a.b') OPERATOR(styring.<=) 'a.b-'
          AND styring.goalpath_subtree_end('a.b') OPERATOR(styring.>) 'a.b',  'and still bounds the subtree');
SELECT is(styring.goalpath_subtree_end(('a.' || repeat('x', 255))::styring.goalpath)::text::styring.goalpath::text,
          'a.' || repeat('x', 255) || '-',
          'also after a label of the longest length');

-- 9. Model names.
SELECT throws_ok($$SELECT styring.create_model('information_schema')$$, '42939', NULL, 'information_schema is PostgreSQL''s');
SELECT throws_ok($$SELECT styring.create_model('styring')$$, '42939', NULL, 'styring''s own schema is not a model');
SELECT throws_ok($$SELECT styring.create_model('public')$$, '42501', NULL, 'public belongs to pg_database_owner: no model there');
SELECT throws_ok(format('SELECT styring.create_model(%L)', repeat('k', 64)), '42622', NULL, 'a name over 63 bytes is refused, not cut');
SELECT throws_ok($$SELECT styring.create_model(NULL)$$, '22004', NULL, 'a NULL name is refused');
SELECT throws_ok($$SELECT styring.model_check(NULL)$$, '22004', NULL, 'a NULL model does not pass model_check');
SELECT throws_ok($$SELECT styring.load_jsonstat2(NULL, '{}')$$, '22004', NULL, 'nor a loader');

-- 10. Loader edge cases.
\set js '{"class": "dataset", "id": ["R", "C", "T"], "size": [2, 1, 1], "role": {"geo": ["R"], "time": ["T"], "metric": ["C"]}, "dimension": {"R": {"category": {"index": ["0301", "0301"]}}, "C": {"category": {"index": ["X"]}}, "T": {"category": {"index": ["2024"]}}}, "value": [1, 2]}'
SELECT throws_ok(format('SELECT styring.load_jsonstat2(%L, %L)', 'super_model', :'js'), '22023',
                 'json-stat2 dimension "R" lists category "0301" twice', 'a category listed twice');
SELECT throws_ok(format('SELECT styring.load_jsonstat2(%L, %L)', 'super_model',
                        jsonb_set(jsonb_set(:'js'::jsonb, '{dimension,R,category,index}', '["0301", "1103"]'), '{value}', '{"1": 1, "01": 2}')), '22023',
                 'json-stat2 "value" has a cell "01" outside the 2 the dimensions make', 'cell keys 1 and 01');
SELECT throws_ok(format('SELECT styring.load_jsonstat2(%L, %L)', 'super_model', jsonb_set(:'js'::jsonb, '{role,time}', '["Year"]')), '22023',
                 'json-stat2 role time names dimension "Year", which "id" does not list', 'a role naming a missing dimension');
SELECT throws_ok(format('SELECT styring.load_jsonstat2(%L, %L)', 'super_model', jsonb_set(:'js'::jsonb, '{role,metric}', '["R"]')), '22023',
                 'json-stat2 roles geo, time and metric must name three dimensions, not "R", "T" and "R"', 'a metric role on the geo dimension');
SELECT is(styring.load_klass('super_model', '{"codes": [{"code": "9999", "name": "first"}, {"code": "9999", "name": "second"}]}'), 1::bigint,
          'Klass: a code listed twice is one unit');
SELECT is((SELECT name FROM super_model.unit WHERE code = '9999'), 'second', 'and the later entry wins, as documented');
SELECT ok(length((SELECT split_part(message, E'\n', 1) FROM (SELECT tap_helpers.error_of(format('SELECT styring.load_kostra_csv(%L, %L)', 'super_model',
              E'periode,region,kontoklasse,funksjon,art,belop\n2015,0301,D,120,010,' || repeat('9', 100000) || 'x\n')) AS message) e)) < 300,
          'an error names the offending line without echoing the document');

-- 12. status_counts_combine: the sum of two counts overflows into 22003, not a wrong number.
SELECT throws_ok($$SELECT styring.status_counts_combine(ARRAY[9223372036854775807, 0, 0, 0, 0]::int8[], ARRAY[1, 0, 0, 0, 0]::int8[])$$,
                 '22003', NULL, 'an overflowing count is an error');

SELECT * FROM finish();
ROLLBACK;
