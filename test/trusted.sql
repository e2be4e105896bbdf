-- trusted = true in styring.control: a non-superuser who may create objects in the
-- database can install the extension, one who may not cannot.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
SELECT plan(4);

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

SELECT * FROM finish();
ROLLBACK;
