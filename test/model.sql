-- The steering model and its loaders: the real SSB and KOSTRA documents in
-- demo/data, every row checked against PostgreSQL's own CSV reader (\copy) or
-- the published values; reloads that change nothing; malformed documents
-- refused with nothing loaded; two models side by side; DROP EXTENSION refused.
\set ON_ERROR_STOP 1
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS styring;
SELECT plan(64);

SELECT lives_ok($$SELECT styring.create_model('kommune')$$, 'create_model makes a model in a new schema');
SELECT throws_ok($$SELECT styring.create_model('kommune')$$, '42P06', NULL, 'not twice in one schema');
SELECT throws_ok($$SELECT styring.load_klass('public', '{"codes": []}')$$, '42P01', NULL, 'a loader refuses a schema without a model');
SELECT is((SELECT count(*)::int FROM pg_depend d JOIN pg_class c ON c.oid = d.objid
           WHERE d.deptype = 'e' AND c.relnamespace = 'kommune'::regnamespace), 0,
          'the model''s tables belong to the user, not to the extension (pg_dump dumps them)');
SELECT is((SELECT relowner FROM pg_class WHERE oid = 'kommune.measurement'::regclass), (SELECT oid FROM pg_roles WHERE rolname = current_user),
          'and are owned by who made them');

-- SSB json-stat2: the published values
\set jsonstat `cat demo/data/ssb_12134_jsonstat2_sample.json`
SELECT is(styring.load_jsonstat2('kommune', :'jsonstat'), 7::bigint, 'json-stat2: 3 units, 1 indicator, 3 values loaded');
SELECT results_eq($$SELECT unit, value FROM kommune.measurement WHERE indicator = 'KOSAG110000' AND year = 2024 ORDER BY unit$$,
                  $$VALUES ('0301', 81240::float8), ('4601', 66605), ('5001', 62853)$$,
                  'Oslo 81240, Bergen 66605, Trondheim 62853 (KOSAG110000, 2024)');
SELECT is((SELECT name || ' / ' || measure || ' / ' || source FROM kommune.indicator WHERE code = 'KOSAG110000'),
          'Frie inntekter per innbygger (kr) / kr / ssb', 'the indicator''s label and unit of measure');
CREATE TEMP TABLE snapshot AS SELECT xmin::text::bigint AS x, * FROM kommune.measurement;
SELECT is(styring.load_jsonstat2('kommune', :'jsonstat'), 0::bigint, 'reloading the same document changes nothing');
SELECT is((SELECT count(*)::int FROM kommune.measurement m JOIN snapshot s ON s.x = m.xmin::text::bigint AND s.unit = m.unit), 3,
          'not even a row version');

-- json-stat2 as other agencies send it: value and status as objects, a status marker, genders
SELECT is(styring.load_jsonstat2('kommune', $${"class": "dataset", "id": ["Region", "Kjonn", "ContentsCode", "Tid"], "size": [2, 2, 1, 2],
    "role": {"geo": ["Region"], "time": ["Tid"], "metric": ["ContentsCode"]},
    "dimension": {"Region": {"category": {"index": ["0301", "1103"], "label": {"0301": "Oslo", "1103": "Stavanger"}}},
                  "Kjonn": {"category": {"index": {"1": 0, "2": 1}}},
                  "ContentsCode": {"category": {"index": {"X1": 0}, "label": {"X1": "Sysselsatte"}}},
                  "Tid": {"category": {"index": ["2022", "2023"]}}},
    "value": {"0": 10.5, "1": 11, "5": 7.25}, "status": {"4": "..", "7": ":"}}$$), 7::bigint,
          'json-stat2 with object value and status, and a Kjonn dimension: 1 unit, 1 indicator, 5 cells');
SELECT results_eq($$SELECT unit, gender, year, value, status FROM kommune.measurement WHERE indicator = 'X1' ORDER BY 1, 2, 3$$,
                  $$VALUES ('0301', 'M', 2022, 10.5::float8, NULL), ('0301', 'M', 2023, 11, NULL), ('1103', 'K', 2023, NULL, ':'),
                           ('1103', 'M', 2022, NULL, '..'), ('1103', 'M', 2023, 7.25, NULL)$$,
                  'row-major order, Kjonn 1 men and 2 women, status markers kept, empty cells left out');

-- malformed json-stat2: refused with the reason, nothing loaded
CREATE TEMP TABLE before AS SELECT count(*) AS n FROM kommune.measurement;
SELECT throws_ok($$SELECT styring.load_jsonstat2('kommune', '{"class": "collection"}')$$, '22023',
                 'not a json-stat2 dataset: "class" is collection', 'a collection is not a dataset');
SELECT throws_ok(format('SELECT styring.load_jsonstat2(%L, %L)', 'kommune', jsonb_set(:'jsonstat'::jsonb, '{value}', '[1, 2]')), '22023',
                 'json-stat2 "value" holds 2 cells, the dimensions make 3', 'a truncated value array');
SELECT throws_ok(format('SELECT styring.load_jsonstat2(%L, %L)', 'kommune', jsonb_set(:'jsonstat'::jsonb, '{value,1}', '"66605"')), '22P02',
                 'json-stat2 value "66605" in cell 1 is not a number', 'a value that is not a number');
SELECT throws_ok(format('SELECT styring.load_jsonstat2(%L, %L)', 'kommune', jsonb_set(:'jsonstat'::jsonb, '{size,0}', '4')), '22023',
                 'json-stat2 dimension "KOKkommuneregion0000" has 3 categories, "size" says 4', 'sizes that do not match the categories');
SELECT throws_ok(format('SELECT styring.load_jsonstat2(%L, %L)', 'kommune', :'jsonstat'::jsonb #- '{role,time}'), '22023',
                 'json-stat2 dataset without a time role', 'no time role');
SELECT throws_ok(format('SELECT styring.load_jsonstat2(%L, %L)', 'kommune',
                        jsonb_set(:'jsonstat'::jsonb, '{dimension,Tid,category,index}', '{"2024M01": 0}')), '22023',
                 'json-stat2 time category "2024M01" is not a year', 'a month is not a year');
SELECT throws_ok($$SELECT styring.load_jsonstat2('kommune', '{"class": "dataset", "id": ["R", "C", "T", "Alder"], "size": [1, 1, 1, 2],
    "role": {"geo": ["R"], "time": ["T"], "metric": ["C"]},
    "dimension": {"R": {"category": {"index": ["0301"]}}, "C": {"category": {"index": ["X"]}}, "T": {"category": {"index": ["2024"]}},
                  "Alder": {"category": {"index": ["0-5", "6-15"]}}}, "value": [1, 2]}')$$, '22023',
                 'json-stat2 dimension "Alder" has 2 categories; only region, year, contents and gender may vary',
                 'a dimension that would need a column the model does not have');
SELECT is((SELECT count(*) FROM kommune.measurement), (SELECT n FROM before), 'nothing of a refused document is loaded');

-- Klass: the 358 codes of classification 131
\set klass `cat demo/data/ssb_klass_131_municipalities.json`
SELECT cmp_ok(styring.load_klass('kommune', :'klass'), '>', 350::bigint, 'Klass 131 loads');
SELECT is((SELECT count(*)::int FROM kommune.unit u JOIN jsonb_array_elements(:'klass'::jsonb -> 'codes') c ON c ->> 'code' = u.code
           WHERE u.name = c ->> 'name' AND u.kind = 'municipality'), 358, 'all 358 codes with their names, as municipalities');
SELECT is((SELECT name FROM kommune.unit WHERE code = '5001'), 'Trondheim - Tråante', 'Klass names replace a document''s labels');
SELECT is(styring.load_klass('kommune', :'klass'), 0::bigint, 'reloading Klass changes nothing');
SELECT throws_ok($$SELECT styring.load_klass('kommune', '{"codes": [{"code": "0301", "name": "Oslo"}, {"name": "x"}]}')$$, '22023',
                 'Klass code list: codes[1] has no "code" and "name"', 'a code without a code');

-- KOSTRA CSV, every row against PostgreSQL's own CSV reader
-- (R wrote missing reports as empty cells or NA; both are left out)
CREATE TEMP TABLE rate_text (region text, a1 text, a2 text, b1 text, b2 text, b3 text, e text, k text, v text, r text,
                             n text, s text, d text, t1 text, t2 text, pop text, x text, x1 text, ny text, gammel text);
\copy rate_text FROM 'demo/data/kostra_rate_data.csv' CSV HEADER
CREATE TEMP VIEW rate AS
SELECT region, nullif(a1, 'NA')::float8 a1, nullif(a2, 'NA')::float8 a2, nullif(b1, 'NA')::float8 b1, nullif(b2, 'NA')::float8 b2,
       nullif(b3, 'NA')::float8 b3, nullif(e, 'NA')::float8 e, nullif(k, 'NA')::float8 k, nullif(v, 'NA')::float8 v,
       nullif(r, 'NA')::float8 r, nullif(n, 'NA')::float8 n, nullif(s, 'NA')::float8 s, nullif(d, 'NA')::float8 d,
       nullif(t1, 'NA')::float8 t1, nullif(t2, 'NA')::float8 t2, nullif(pop, 'NA')::float8 pop,
       nullif(ny, 'NA')::int ny, nullif(gammel, 'NA')::int gammel
FROM rate_text;
\set rate `cat demo/data/kostra_rate_data.csv`
SELECT cmp_ok(styring.load_kostra_csv('kommune', :'rate', year => 2015), '>', 6000::bigint, 'KOSTRA base data loads');
SELECT is((SELECT count(*)::int FROM rate r JOIN kommune.measurement m
             ON m.unit = split_part(r.region, ' ', 1) AND m.year = 2015 AND m.indicator = 'Netto.driftsutgifter..kommunale.idrettsbygg..konsern'
           WHERE m.value = r.n), (SELECT count(*)::int FROM rate WHERE n IS NOT NULL),
          'every reported net expenditure on sports buildings, per municipality');
SELECT is((SELECT count(*)::int FROM kommune.measurement m JOIN kommune.indicator i ON i.code = m.indicator
           WHERE m.year = 2015 AND i.source = 'ssb' AND m.unit ~ '^[0-9]{4}$' AND m.indicator LIKE '%konsern'),
          (SELECT (count(a1) + count(a2) + count(b1) + count(b2) + count(b3) + count(e) + count(k) + count(v) + count(r) + count(n)
                   + count(s) + count(d) + count(t1) + count(t2))::int FROM rate),
          'every non-empty cell of the 14 expenditure and area columns');
SELECT is((SELECT count(*)::int FROM rate r JOIN kommune.unit_population p ON p.unit = split_part(r.region, ' ', 1) AND p.year = 2015
           WHERE p.population = r.pop), (SELECT count(pop)::int FROM rate), 'every population');
SELECT is((SELECT count(*)::int FROM rate r JOIN kommune.group_member g ON g.unit = split_part(r.region, ' ', 1) AND g.year = 2015
           WHERE g.group_code = 'EKG' || lpad(r.ny::text, 2, '0')), (SELECT count(ny)::int FROM rate), 'every KOSTRA group (new grouping)');
SELECT is((SELECT count(*)::int FROM rate r JOIN kommune.group_member g ON g.unit = split_part(r.region, ' ', 1) AND g.year = 2015
           WHERE g.group_code = 'EKG' || lpad(r.gammel::text, 2, '0') || '-gammel'), (SELECT count(gammel)::int FROM rate),
          'and in the old grouping');
SELECT is((SELECT name FROM kommune.unit WHERE code = '0101'), 'Halden', 'names from the region column');
SELECT is(styring.load_kostra_csv('kommune', :'rate', year => 2015), 0::bigint, 'reloading the base data changes nothing');
SELECT throws_ok(format('SELECT styring.load_kostra_csv(%L, %L)', 'kommune', :'rate'), '22004', NULL,
                 'base data without a year is refused');

CREATE TEMP TABLE est (grp text, a1 text, a2 text, b1 text, b2 text, b3 text, e text, k text, v text, r text,
                       n float8, s text, d text, t1 text, t2 text, pop text);
\copy est FROM 'demo/data/rate_estimates.csv' CSV HEADER
\set est `cat demo/data/rate_estimates.csv`
SELECT lives_ok(format('SELECT styring.load_kostra_csv(%L, %L, year => 2015)', 'kommune', :'est'), 'the KOSTRA group totals load');
SELECT is((SELECT count(*)::int FROM est e JOIN kommune.measurement m ON m.unit = split_part(e.grp, ' ', 1) AND m.year = 2015
             AND m.indicator = 'Netto.driftsutgifter..kommunale.idrettsbygg..konsern' WHERE m.value = e.n), 15,
          'every group total, on the group''s own unit (EKG01 ...)');
SELECT is((SELECT count(*)::int FROM kommune.measurement WHERE unit ~ '^EKG' AND year = 2015),
          (SELECT sum(num_nonnulls(a1, a2, b1, b2, b3, e, k, v, r, n, s, d, t1, t2, pop))::int FROM est),
          'and every other column of every group''s row');

CREATE TEMP TABLE acc (periode int, region text, klasse text, funksjon text, art text, belop numeric);
\copy acc FROM 'demo/data/regnskap_data.csv' CSV HEADER
\set acc `cat demo/data/regnskap_data.csv`
SELECT lives_ok(format('SELECT styring.load_kostra_csv(%L, %L)', 'kommune', :'acc'), 'the accounts load');
SELECT set_eq($$SELECT unit, year, class, function, type, amount FROM kommune.account$$,
              $$SELECT CASE length(region) WHEN 3 THEN '0' || region WHEN 5 THEN '0' || region ELSE region END AS region, periode, klasse,
                       lpad(funksjon, 3, '0') AS funksjon, lpad(art, 3, '0') AS art, belop FROM acc$$,
              'every account line, its region, function and art codes with the leading zeros the file lost (301 is 0301, art 10 is 010)');

CREATE TEMP TABLE hier (periode int, "to" text, "from" text, sign text);
\copy hier FROM 'demo/data/regnskap_funksjonshierarki.csv' CSV HEADER
\set fh `cat demo/data/regnskap_funksjonshierarki.csv`
SELECT throws_ok(format('SELECT styring.load_kostra_csv(%L, %L)', 'kommune', :'fh'), '22023', NULL,
                 'a hierarchy without saying of what is refused');
SELECT lives_ok(format('SELECT styring.load_kostra_csv(%L, %L, hierarchy => %L)', 'kommune', :'fh', 'function'), 'the function hierarchy loads');
SELECT set_eq($$SELECT year, parent, child, sign FROM kommune.account_hierarchy WHERE dimension = 'function'$$,
              $$SELECT periode, "to", "from", CASE sign WHEN '+' THEN 1 ELSE -1 END FROM hier$$, 'every function hierarchy line');
TRUNCATE hier;
\copy hier FROM 'demo/data/regnskap_artshierarki.csv' CSV HEADER
\set ah `cat demo/data/regnskap_artshierarki.csv`
SELECT lives_ok(format('SELECT styring.load_kostra_csv(%L, %L, hierarchy => %L)', 'kommune', :'ah', 'type'), 'the type hierarchy loads');
SELECT set_eq($$SELECT year, parent, child, sign FROM kommune.account_hierarchy WHERE dimension = 'type'$$,
              $$SELECT periode, "to", CASE WHEN "from" ~ '^[0-9]{1,2}$' THEN lpad("from", 3, '0') ELSE "from" END,
                       CASE sign WHEN '+' THEN 1 ELSE -1 END FROM hier$$, 'every type hierarchy line (art 10 is 010)');

-- a first load of a unit's year is written as it comes; a key named twice
-- still keeps its later line, and a reload changes what differs
SELECT is(styring.load_kostra_csv('kommune', E'periode,region,kontoklasse,funksjon,art,belop\n2015,999,D,120,10,5\n2015,999,D,120,10,7\n2015,999,I,120,10,1\n'),
          3::bigint, 'a new unit''s accounts that name a line twice: the unit and two lines');
SELECT is((SELECT array_agg(amount ORDER BY class) FROM kommune.account WHERE unit = '0999'), ARRAY[7, 1]::numeric[],
          'the later of the two lines wins');
SELECT is(styring.load_kostra_csv('kommune', E'periode,region,kontoklasse,funksjon,art,belop\n2016,999,D,120,10,3\n2016,999,D,121,10,4\n'),
          2::bigint, 'a new year of a unit the model has');
SELECT is(styring.load_kostra_csv('kommune', E'periode,region,kontoklasse,funksjon,art,belop\n2016,999,D,120,10,3\n2016,999,D,121,10,6\n2016,999,D,122,10,1\n'),
          2::bigint, 'a reload: one line changed, one added');
SELECT is(current_setting('enable_seqscan'), 'on', 'a load leaves the planner''s settings as they were');
SET LOCAL enable_seqscan = off;
SELECT styring.load_kostra_csv('kommune', E'periode,region,kontoklasse,funksjon,art,belop\n2017,999,D,120,10,3\n') AS n \gset
SELECT is(current_setting('enable_seqscan'), 'off', 'also when the transaction has its own');
RESET enable_seqscan;
SELECT throws_ok($$SELECT styring.load_kostra_csv('kommune', E'periode,region,kontoklasse,funksjon,art,belop\n2015,300,D,120,380,8x7\n')$$,
                 '22P02', NULL, 'an amount that is not a number');
SELECT throws_ok($$SELECT styring.load_kostra_csv('kommune', E'periode,region,kontoklasse,funksjon,art,belop\n2015,300,D,120\n')$$,
                 '22023', 'KOSTRA CSV line 2 has 4 fields, the header 6', 'a short line');
SELECT throws_ok($$SELECT styring.load_kostra_csv('kommune', E'periode,region\n"2015,300\n')$$,
                 '22P02', 'invalid CSV on line 2: a quoted field is not closed', 'an unclosed quote');

-- Kolada: every gender, T by default, a missing value with its status
SELECT is(styring.load_kolada('kommune', $${"count": 1, "values": [{"kpi": "N15428", "municipality": "0138", "period": 2023,
    "values": [{"count": 1, "gender": "T", "status": "", "value": 74.1}, {"gender": "K", "status": "Saknas", "value": null},
               {"gender": "M", "value": 70}, {"value": 71}]}]}$$), 4::bigint,
          'Kolada: 1 KPI, 3 values (0138 came with the KOSTRA file; a value without gender is T, and the later T wins)');
SELECT results_eq($$SELECT gender, value, status FROM kommune.measurement WHERE indicator = 'N15428' ORDER BY gender$$,
                  $$VALUES ('K', NULL::float8, 'Saknas'), ('M', 70, NULL), ('T', 71, NULL)$$, 'every gender kept');
SELECT throws_ok($$SELECT styring.load_kolada('kommune', '{"values": [{"kpi": "N1", "municipality": "0138", "period": 2023,
    "values": [{"gender": "X", "value": 1}]}]}')$$, '22023',
                 'Kolada response: values[0].values[0] is not a measurement: gender X is not T, K or M', 'an unknown gender');
SELECT throws_ok($$SELECT styring.load_kolada('kommune', '{"count": 0}')$$, '22023', NULL, 'no values array');

-- the references of measurement, checked per statement
SELECT throws_ok($$INSERT INTO kommune.measurement (unit, indicator, year, value) VALUES ('9876', 'N15428', 2023, 1)$$, '23503',
                 'insert or update on table "measurement" violates foreign key constraint "measurement_unit_fkey"',
                 'a measurement of an unknown unit is refused');
SELECT throws_ok($$UPDATE kommune.unit SET code = '0301x' WHERE code = '0301'$$, '23503', NULL,
                 'the code of a unit with measurements cannot change');
SELECT lives_ok($$DELETE FROM kommune.indicator WHERE code = 'X1'$$, 'an indicator can be deleted');
SELECT is((SELECT count(*)::int FROM kommune.measurement WHERE indicator = 'X1'), 0, 'and its measurements go with it');

-- two models side by side, and the extension cannot be dropped under them
SELECT lives_ok($$SELECT styring.create_model('grannar')$$, 'a second model in another schema');
SELECT is((SELECT count(*)::int FROM grannar.measurement), 0, 'and it is empty: models do not share data');
SELECT throws_ok('DROP EXTENSION styring', '2BP01', NULL, 'DROP EXTENSION is refused while a model uses styring''s types');

SELECT * FROM finish();
ROLLBACK;
