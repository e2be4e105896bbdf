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
