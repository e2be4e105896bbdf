-- Malformed input to every binary receive function (through COPY ... FORMAT binary)
-- and hostile text to every input function: each case ends in an error with a
-- proper SQLSTATE, nothing already in the table is lost, and the server stays up.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS styring;
SELECT plan(9);

CREATE TABLE victims (id int, t styring.target, p styring.profile, g styring.goalpath, u styring.eval_usage);
INSERT INTO victims VALUES
    (1, '>= 90 by 2020 from 72 in 2015', '{1,2,3}', 'a.b.mål', '{action_plan}'),
    (2, '= 100 ±2', (SELECT styring.profile(x) FROM generate_series(1, 5000) x), 'vision', '{}');
CREATE TEMP TABLE before AS SELECT id, t::text AS t, p::text AS p, g::text AS g, u::text AS u FROM victims;

-- feed(column, bytes): COPY one row whose field holds exactly these bytes into the
-- column; 'ok' or the SQLSTATE of the error.
CREATE FUNCTION pg_temp.feed(col text, payload bytea) RETURNS text LANGUAGE plpgsql AS $$
DECLARE f text := '/tmp/styring_feed_' || pg_backend_pid() || '.bin';
BEGIN
    EXECUTE format('COPY (SELECT %L::bytea) TO %L (FORMAT binary)', payload, f);
    BEGIN
        EXECUTE format('COPY victims (%I) FROM %L (FORMAT binary)', col, f);
        EXECUTE 'DELETE FROM victims WHERE id IS NULL';
        RETURN 'ok';
    EXCEPTION WHEN OTHERS THEN
        RETURN SQLSTATE;
    END;
END $$;
CREATE FUNCTION pg_temp.d(x float8) RETURNS bytea LANGUAGE sql AS $$ SELECT float8send(x) $$;
CREATE FUNCTION pg_temp.i4(x int) RETURNS bytea LANGUAGE sql AS $$ SELECT int4send(x) $$;

CREATE TEMP TABLE cases (col text, what text, payload bytea, valid boolean);
INSERT INTO cases VALUES
    -- target: version, op, flags, value, [tolerance], [year], [baseline], [baseline year]
    ('t', 'valid', '\x010100'::bytea || pg_temp.d(90), true),
    ('t', 'valid, all parts', '\x01010e'::bytea || pg_temp.d(90) || pg_temp.i4(2020) || pg_temp.d(72) || pg_temp.i4(2015), true),
    ('t', 'empty', '', false),
    ('t', 'truncated header', '\x0101', false),
    ('t', 'truncated value', '\x010100'::bytea || substr(pg_temp.d(90), 1, 5), false),
    ('t', 'truncated year', '\x010102'::bytea || pg_temp.d(90) || '\x07e4'::bytea, false),
    ('t', 'trailing byte', '\x010100'::bytea || pg_temp.d(90) || '\x00'::bytea, false),
    ('t', 'wrong version', '\x020100'::bytea || pg_temp.d(90), false),
    ('t', 'version 0', '\x000100'::bytea || pg_temp.d(90), false),
    ('t', 'unknown op', '\x010400'::bytea || pg_temp.d(90), false),
    ('t', 'op 0', '\x010000'::bytea || pg_temp.d(90), false),
    ('t', 'unknown flag', '\x010110'::bytea || pg_temp.d(90), false),
    ('t', 'NaN value', '\x010100'::bytea || pg_temp.d('NaN'), false),
    ('t', 'infinite value', '\x010100'::bytea || pg_temp.d('Infinity'), false),
    ('t', 'tolerance on >=', '\x010101'::bytea || pg_temp.d(90) || pg_temp.d(1), false),
    ('t', 'negative tolerance', '\x010301'::bytea || pg_temp.d(90) || pg_temp.d(-1), false),
    ('t', 'zero target', '\x010100'::bytea || pg_temp.d(0), false),
    ('t', 'T = B', '\x010104'::bytea || pg_temp.d(90) || pg_temp.d(90), false),
    ('t', 'baseline year alone', '\x010108'::bytea || pg_temp.d(90) || pg_temp.i4(2015), false),
    ('t', 'year 0', '\x010102'::bytea || pg_temp.d(90) || pg_temp.i4(0), false),
    ('t', 'year -1', '\x010102'::bytea || pg_temp.d(90) || pg_temp.i4(-1), false),
    ('t', 'baseline year after target year', '\x01010e'::bytea || pg_temp.d(90) || pg_temp.i4(2015) || pg_temp.d(72) || pg_temp.i4(2020), false),
    -- profile: version, count, values ascending
    ('p', 'valid', '\x0100000002'::bytea || pg_temp.d(1) || pg_temp.d(2), true),
    ('p', 'empty', '', false),
    ('p', 'header only', '\x01', false),
    ('p', 'zero values', '\x0100000000', false),
    ('p', 'count larger than data', '\x0100000003'::bytea || pg_temp.d(1) || pg_temp.d(2), false),
    ('p', 'count smaller than data', '\x0100000001'::bytea || pg_temp.d(1) || pg_temp.d(2), false),
    ('p', 'huge count', '\x017fffffff'::bytea || pg_temp.d(1), false),
    ('p', 'negative count', '\x01ffffffff'::bytea || pg_temp.d(1), false),
    ('p', 'wrong version', '\x0200000001'::bytea || pg_temp.d(1), false),
    ('p', 'unsorted', '\x0100000002'::bytea || pg_temp.d(2) || pg_temp.d(1), false),
    ('p', 'NaN value', '\x0100000001'::bytea || pg_temp.d('NaN'), false),
    ('p', '-Infinity', '\x0100000002'::bytea || pg_temp.d('-Infinity') || pg_temp.d(1), false),
    ('p', 'minus zero', '\x0100000001'::bytea || pg_temp.d('-0'), false),
    ('p', 'truncated value', '\x0100000001'::bytea || '\x3ff0'::bytea, false),
    -- goalpath: version, UTF-8 text
    ('g', 'valid', '\x01'::bytea || convert_to('a.b.mål', 'UTF8'), true),
    ('g', 'empty', '', false),
    ('g', 'version only', '\x01', false),
    ('g', 'wrong version', '\x02'::bytea || convert_to('a.b', 'UTF8'), false),
    ('g', 'invalid UTF-8 (lone continuation)', '\x0161ba62'::bytea, false),
    ('g', 'invalid UTF-8 (overlong slash)', '\x0161c0af62'::bytea, false),
    ('g', 'invalid UTF-8 (surrogate)', '\x0161eda080'::bytea, false),
    ('g', 'invalid UTF-8 (truncated)', '\x0161e282'::bytea, false),
    ('g', 'invalid UTF-8 (0xff)', '\x01ff'::bytea, false),
    ('g', 'NUL byte', '\x01610062'::bytea, false),
    ('g', 'control byte 0x01', '\x01610162'::bytea, false),
    ('g', 'empty label', '\x01612e2e62'::bytea, false),
    ('g', 'label of 256 bytes', '\x01'::bytea || convert_to(repeat('x', 256), 'UTF8'), false),
    ('g', '256 levels', '\x01'::bytea || convert_to(repeat('a.', 255) || 'a', 'UTF8'), false),
    -- eval_usage: version, flags
    ('u', 'valid', '\x0103', true),
    ('u', 'valid, empty set', '\x0100', true),
    ('u', 'empty', '', false),
    ('u', 'one byte', '\x01', false),
    ('u', 'three bytes', '\x010300', false),
    ('u', 'unknown flag', '\x0110', false),
    ('u', 'wrong version', '\x0203', false);

-- and random bytes of every length up to 64 for each type
SELECT setseed(0.9);
INSERT INTO cases
SELECT col, 'random ' || n, (SELECT decode(string_agg(lpad(to_hex(floor(random() * 256)::int), 2, '0'), ''), 'hex')
                             FROM generate_series(1, n) WHERE k > 0), NULL
FROM (VALUES ('t'), ('p'), ('g'), ('u')) c(col), generate_series(1, 64) n, generate_series(1, 3) k;
-- random bytes behind a valid version byte get further into each decoder
INSERT INTO cases
SELECT col, 'version + random ' || n, '\x01'::bytea || (SELECT decode(string_agg(lpad(to_hex(floor(random() * 256)::int), 2, '0'), ''), 'hex')
                                                        FROM generate_series(1, n) WHERE k > 0), NULL
FROM (VALUES ('t'), ('p'), ('g'), ('u')) c(col), generate_series(1, 40) n, generate_series(1, 3) k;

CREATE TEMP TABLE results AS SELECT c.*, pg_temp.feed(col, payload) AS result FROM cases c;

SELECT is((SELECT string_agg(col || ': ' || what || ' -> ' || result, '; ') FROM results WHERE valid AND result <> 'ok'),
          NULL, 'every valid binary value is accepted');
SELECT is((SELECT string_agg(col || ': ' || what || ' -> ' || result, '; ') FROM results WHERE NOT valid AND result = 'ok'),
          NULL, 'every malformed binary value is refused');
SELECT is((SELECT string_agg(DISTINCT result, ', ') FROM results
           WHERE result NOT IN ('ok', '22P03', '22P02', '22023', '22003', '22021', '54000')),
          NULL, 'every refusal has a data-exception SQLSTATE (22P03, 22P02, 22023, 22003, 22021, 54000), none internal');
SELECT cmp_ok((SELECT count(*) FROM results), '>=', 1000::bigint, 'more than a thousand binary cases were fed');
SELECT is((SELECT count(*) FROM victims), 2::bigint,
          'no refused value left a row behind (feed() removes the rows it added)');
SELECT is((SELECT count(*) FROM before b JOIN victims v USING (id)
           WHERE b.t = v.t::text AND b.p = v.p::text AND b.g = v.g::text AND b.u = v.u::text), 2::bigint,
          'the rows that were there before are intact');

-- Hostile text to every input function.
CREATE FUNCTION pg_temp.parse(typ text, input text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('SELECT %L::%s', input, typ);
    RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE;
END $$;
CREATE TEMP TABLE hostile AS
SELECT typ, input, pg_temp.parse(typ, input) AS result
FROM (VALUES ('styring.target'), ('styring.profile'), ('styring.goalpath'), ('styring.eval_usage')) t(typ),
     (VALUES (''), (' '), ('{'), ('}'), ('{}'), ('.'), ('>='), ('= ±'), (E'\t\n'), ('''; DROP TABLE victims; --'),
             ('%s%s%s%n'), (repeat('9', 10000)), (repeat('{', 10000)), (repeat('a.', 100000)),
             ('>= ' || repeat('1', 400)), ('>= 1e-' || repeat('9', 50)), ('{' || repeat('1,', 50000) || '1}'),
             (repeat('ø', 5000)), ('>= 90 by 2020 from 72 in 2015 ' || repeat('x', 5000)), (E'a\u00adb'), ('a.b.\u200b'),
             ('{' || repeat('annat,', 1000) || 'annat}'), ('{1,2,3'), ('NaN'), ('-Infinity'), ('1e309'),
             ('>= 90 ±'), ('mål.😀'), ('{"action_plan}'), ('>=−5')) v(input);
SELECT is((SELECT string_agg(DISTINCT result, ', ') FROM hostile
           WHERE result NOT IN ('ok', '22P02', '22023', '22003', '22021', '54000')),
          NULL, 'hostile text ends in a data-exception SQLSTATE or a value, never an internal error');
SELECT is((SELECT count(*) FROM victims WHERE id IN (1, 2)), 2::bigint, 'the table survived the hostile text');
SELECT is((SELECT count(*) FROM hostile WHERE result = 'ok' AND typ = 'styring.goalpath' AND input = repeat('a.', 100000)), 0::bigint,
          'a path of 100 000 levels is refused');

SELECT * FROM finish();
ROLLBACK;
