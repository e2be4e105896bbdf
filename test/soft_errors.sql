-- Soft input errors (PostgreSQL 16 and later): pg_input_is_valid and
-- pg_input_error_info ask every styring input function without raising, and
-- see the SQLSTATE a cast would raise. Skipped on 15, which has neither.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS styring;
SELECT plan(15);

CREATE TEMP TABLE inputs (typ text, good text, bad text, state text);
INSERT INTO inputs VALUES
    ('styring.target', '>= 90 by 2020 from 72 in 2015', '>= 90 by 2020 from 90', '22023'),
    ('styring.target', '= 100 ±2', '>= abc', '22P02'),
    ('styring.profile', '{1,2,3.5}', '{1,x}', '22P02'),
    ('styring.goalpath', 'bolig_for_velferd.mål_2', 'a..b', '22P02'),
    ('styring.eval_usage', '{handlingsplan}', '{vote}', '22P02');

SELECT current_setting('server_version_num')::int >= 160000 AS soft \gset
\if :soft
CREATE FUNCTION pg_temp.error_code(val text, typ text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE code text;
BEGIN
    EXECUTE 'SELECT coalesce((pg_input_error_info($1, $2)).sql_error_code, ''valid'')' INTO code USING val, typ;
    RETURN code;
END $$;
SELECT is(pg_temp.error_code(good, typ), 'valid', typ || ' ' || good || ' is valid') FROM inputs ORDER BY typ, good;
SELECT is(pg_temp.error_code(bad, typ), state, typ || ' ' || bad || ' is refused softly with ' || state) FROM inputs ORDER BY typ, bad;
\else
SELECT skip('soft input errors (pg_input_is_valid) exist from PostgreSQL 16 on', 10);
\endif

-- the hard cast raises what the soft check reports
SELECT throws_ok(format('SELECT %L::%s', bad, typ), state, NULL, 'the cast of ' || bad || ' raises ' || state)
FROM inputs ORDER BY typ, bad;

SELECT * FROM finish();
ROLLBACK;
