-- trusted = true in styring.control: a non-superuser who may create objects in the
-- database can install the extension, one who may not cannot.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
SELECT plan(8);

CREATE ROLE styring_analyst NOLOGIN NOSUPERUSER;
CREATE ROLE styring_reader NOLOGIN NOSUPERUSER;
DO $$ BEGIN EXECUTE format('GRANT CREATE ON DATABASE %I TO styring_analyst', current_database()); END $$;
CREATE TEMP TABLE outcome (who text, what text, result text);
GRANT ALL ON outcome TO styring_analyst, styring_reader;

SET ROLE styring_reader;
DO $$ BEGIN
    CREATE EXTENSION styring;
    INSERT INTO outcome VALUES ('reader', 'create', 'ok');
EXCEPTION WHEN OTHERS THEN
    INSERT INTO outcome VALUES ('reader', 'create', SQLSTATE);
END $$;
RESET ROLE;

SET ROLE styring_analyst;
DO $$ BEGIN
    CREATE EXTENSION styring;
    INSERT INTO outcome VALUES ('analyst', 'create', 'ok');
EXCEPTION WHEN OTHERS THEN
    INSERT INTO outcome VALUES ('analyst', 'create', SQLSTATE || ' ' || SQLERRM);
END $$;
INSERT INTO outcome SELECT 'analyst', 'use', styring.attainment('>= 90 by 2020 from 72 in 2015', 81)::text;
RESET ROLE;

SELECT is((SELECT result FROM outcome WHERE who = 'reader'), '42501',
          'a role without CREATE on the database cannot install it (insufficient privilege)');
SELECT is((SELECT result FROM outcome WHERE who = 'analyst' AND what = 'create'), 'ok',
          'a non-superuser with CREATE on the database can install it, as trusted = true promises');
SELECT is((SELECT result FROM outcome WHERE who = 'analyst' AND what = 'use'), '0.5', 'and use it');
SELECT is((SELECT extowner::regrole::text FROM pg_extension WHERE extname = 'styring'), 'styring_analyst',
          'the extension belongs to the role that installed it');

SELECT is((SELECT nspowner FROM pg_namespace WHERE nspname = 'styring'), 10::oid,
          'but its schema belongs to the bootstrap superuser that ran the script, not to the installer');
SELECT ok(NOT has_schema_privilege('styring_analyst', 'styring', 'CREATE'),
          'so the installer cannot put look-alikes beside styring''s functions');

-- A schema of that name made before the install, with something in it, is refused.
SET ROLE styring_analyst;
DROP EXTENSION styring;
RESET ROLE;
DROP SCHEMA styring;
SET ROLE styring_analyst;
CREATE SCHEMA styring;
CREATE FUNCTION styring.attainment(integer, integer) RETURNS float8 LANGUAGE sql AS 'SELECT 1';
RESET ROLE;
SELECT throws_ok('CREATE EXTENSION styring', '55000', NULL, 'an install into a schema that holds another role''s objects is refused');
DROP FUNCTION styring.attainment(integer, integer);
CREATE EXTENSION styring;
SELECT is((SELECT nspowner FROM pg_namespace WHERE nspname = 'styring'), (SELECT oid FROM pg_roles WHERE rolname = current_user),
          'an empty schema made by another role is taken over by the installing role');

SELECT * FROM finish();
ROLLBACK;
