-- Loading what SSB publishes: a json-stat2 document of 100 000 cells (400
-- regions x 25 contents codes x 10 years, a status marker on every 50th cell),
-- loaded into a steering model with styring.load_jsonstat2, and loaded again
-- (nothing changes); against the plain SQL a user would write to insert the
-- same 100 000 rows from a table she already has.
\echo 'loaders: building a 100 000-cell json-stat2 document ...'
SELECT styring.create_model('bench_model');
CREATE TABLE bench.jsonstat AS
SELECT jsonb_build_object(
    'class', 'dataset', 'id', jsonb_build_array('Region', 'ContentsCode', 'Tid'), 'size', jsonb_build_array(400, 25, 10),
    'role', jsonb_build_object('geo', jsonb_build_array('Region'), 'time', jsonb_build_array('Tid'), 'metric', jsonb_build_array('ContentsCode')),
    'dimension', jsonb_build_object(
        'Region', jsonb_build_object('category', jsonb_build_object('index', (SELECT jsonb_agg(lpad(r::text, 4, '0') ORDER BY r) FROM generate_series(1001, 1400) r))),
        'ContentsCode', jsonb_build_object('category', jsonb_build_object('index', (SELECT jsonb_agg('KOS' || c ORDER BY c) FROM generate_series(1, 25) c))),
        'Tid', jsonb_build_object('category', jsonb_build_object('index', (SELECT jsonb_agg(y::text ORDER BY y) FROM generate_series(2015, 2024) y)))),
    'value', (SELECT jsonb_agg(CASE WHEN i % 50 = 0 THEN NULL ELSE round((i * 7919 % 100000) / 7.0, 2) END ORDER BY i) FROM generate_series(0, 99999) i),
    'status', (SELECT jsonb_object_agg(i::text, '..') FROM generate_series(0, 99999, 50) i)) AS doc;
SELECT pg_size_pretty(pg_column_size(doc)::bigint) AS document_size FROM bench.jsonstat \gset
\echo 'document:' :document_size
CREATE TABLE bench.cells AS
SELECT lpad((1001 + i / 250)::text, 4, '0') AS unit, 'KOS' || (1 + (i / 10) % 25) AS indicator, 2015 + i % 10 AS year,
       CASE WHEN i % 50 = 0 THEN NULL ELSE round((i * 7919 % 100000) / 7.0, 2)::float8 END AS value,
       CASE WHEN i % 50 = 0 THEN '..' END AS status
FROM generate_series(0, 99999) i;
INSERT INTO bench_model.unit SELECT DISTINCT unit, unit, 'municipality' FROM bench.cells;
INSERT INTO bench_model.indicator (code, name) SELECT DISTINCT indicator, indicator FROM bench.cells;
CREATE TABLE bench.plain (LIKE bench_model.measurement INCLUDING ALL);

-- each run starts from an empty table (the TRUNCATE is in both timings)
CREATE FUNCTION bench.plain_load() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE n bigint;
BEGIN
    TRUNCATE bench.plain;
    INSERT INTO bench.plain (unit, indicator, year, value, status) SELECT unit, indicator, year, value, status FROM bench.cells;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END $$;
CREATE FUNCTION bench.first_load() RETURNS bigint LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE bench_model.measurement;
    RETURN (SELECT styring.load_jsonstat2('bench_model', doc) FROM bench.jsonstat);
END $$;
SELECT bench.time('load 100 000 cells', 'plain SQL: INSERT ... SELECT of the same rows', 'SELECT bench.plain_load()'),
       bench.time('load 100 000 cells', 'styring.load_jsonstat2, first load', 'SELECT bench.first_load()'),
       bench.time('load 100 000 cells', 'styring.load_jsonstat2, reload (nothing changes)',
                  'SELECT styring.load_jsonstat2(''bench_model'', doc) FROM bench.jsonstat')
\gset
SELECT bench, label, ms, ratio_to_baseline, baseline, answer FROM bench.report WHERE bench = 'load 100 000 cells' ORDER BY ms;

-- The references of measurement: real foreign keys (0.3.0) against the
-- statement trigger of 0.2.0 and against no check at all, 1 000 000 rows
-- written by one INSERT ... SELECT (each run starts from an empty table).
\echo 'loaders: foreign keys against the 0.2.0 trigger, 1 000 000 rows ...'
INSERT INTO bench_model.unit SELECT lpad(u::text, 4, '0'), 'u' || u, 'municipality' FROM generate_series(2001, 2400) u ON CONFLICT DO NOTHING;
INSERT INTO bench_model.indicator (code, name) SELECT 'REF' || i, 'r' || i FROM generate_series(1, 250) i ON CONFLICT DO NOTHING;
CREATE TABLE bench.refs AS
SELECT lpad((2001 + i % 400)::text, 4, '0') AS unit, 'REF' || (1 + (i / 400) % 250) AS indicator, 2015 + i / 100000 AS year, i::float8 AS value
FROM generate_series(0, 999999) i;
CREATE TABLE bench_model.measurement_trigger (LIKE bench_model.measurement INCLUDING ALL);
CREATE TRIGGER refs AFTER INSERT ON bench_model.measurement_trigger REFERENCING NEW TABLE AS written
    FOR EACH STATEMENT EXECUTE FUNCTION styring.model_measurement_refs();
CREATE TABLE bench_model.measurement_unchecked (LIKE bench_model.measurement INCLUDING ALL);
CREATE FUNCTION bench.refs_load(target text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE n bigint;
BEGIN
    EXECUTE format('TRUNCATE bench_model.%I', target);
    EXECUTE format('INSERT INTO bench_model.%I (unit, indicator, year, value) SELECT unit, indicator, year, value FROM bench.refs', target);
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END $$;
SELECT bench.time('references, 1 000 000 rows', 'no check (plain table, same indexes)', $$SELECT bench.refs_load('measurement_unchecked')$$),
       bench.time('references, 1 000 000 rows', 'statement trigger (0.2.0, now with FOR KEY SHARE)', $$SELECT bench.refs_load('measurement_trigger')$$),
       bench.time('references, 1 000 000 rows', 'foreign keys (0.3.0)', $$SELECT bench.refs_load('measurement')$$)
\gset
SELECT bench, label, ms, ratio_to_baseline, baseline, answer FROM bench.report WHERE bench = 'references, 1 000 000 rows' ORDER BY ms;
TRUNCATE bench_model.measurement;

-- Wide documents: a KOSTRA CSV of one row and N columns, a json-stat2
-- document of N one-category dimensions. 0.2.0 took quadratic time (KOSTRA
-- 5 000 / 10 000 / 20 000 columns: 1.2 / 4.5 / 19 s; json-stat2 2 000 / 4 000 /
-- 8 000 dimensions: 0.5 / 2 / 9 s); twice the width should now take about
-- twice the time.
\echo 'loaders: wide documents ...'
CREATE TABLE bench.wide AS
SELECT n, 'region,' || string_agg('V' || i, ',' ORDER BY i) || ',Folkemengde.i.alt' || E'\n' ||
          '0301 Oslo,' || string_agg((i % 97)::text, ',' ORDER BY i) || ',700000' || E'\n' AS csv,
       jsonb_build_object('class', 'dataset',
           'id', jsonb_build_array('R', 'C', 'T') || jsonb_agg('D' || i ORDER BY i),
           'size', jsonb_build_array(1, 1, 1) || jsonb_agg(1),
           'role', '{"geo": ["R"], "time": ["T"], "metric": ["C"]}'::jsonb,
           'dimension', '{"R": {"category": {"index": ["0301"]}}, "C": {"category": {"index": ["W"]}}, "T": {"category": {"index": ["2024"]}}}'::jsonb
                        || jsonb_object_agg('D' || i, '{"category": {"index": ["x"]}}'::jsonb),
           'value', '[1]'::jsonb) AS js
FROM (VALUES (2000), (4000), (5000), (8000), (10000), (20000)) v(n), generate_series(1, n) i GROUP BY n;
SELECT bench.time('wide KOSTRA CSV (one row)', n || ' columns', format('SELECT styring.load_kostra_csv(''bench_model'', csv, year => 2015) FROM bench.wide WHERE n = %s', n))
FROM bench.wide WHERE n IN (5000, 10000, 20000) ORDER BY n;
SELECT bench.time('wide json-stat2 (one-category dimensions)', n || ' dimensions', format('SELECT styring.load_jsonstat2(''bench_model'', js) FROM bench.wide WHERE n = %s', n))
FROM bench.wide WHERE n IN (2000, 4000, 8000) ORDER BY n;
SELECT bench, label, ms, ratio_to_baseline, baseline FROM bench.report WHERE bench LIKE 'wide%' ORDER BY bench, ms;
