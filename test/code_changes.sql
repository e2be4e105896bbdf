-- Series across municipal mergers: Statistics Norway's table of municipality
-- numbers 2013-2020 loaded into a model's code map (load_code_changes, with
-- csv_rows reading ';'), each change checked against the table read by
-- \copy; today's codes (unit_code_current) and measurements restated on them
-- (measurement_current): renumbered, merged (sums only when every code of
-- the year has a value), split (never restated), and figures a publisher
-- already restated on a later code.
\set QUIET on
\set ON_ERROR_STOP 1
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS styring;
SET client_min_messages = warning;
SELECT plan(31);

SELECT styring.create_model('k');
CREATE TEMP TABLE wide (n13 text, a13 text, n17 text, a17 text, e17 text, n18 text, a18 text, e18 text,
                        n19 text, a19 text, e19 text, n20 text, a20 text, e20 text);
\copy wide FROM 'demo/data/kommunenummer_2013_2020.csv' CSV HEADER DELIMITER ';'
\set doc `cat demo/data/kommunenummer_2013_2020.csv`
SELECT is(styring.load_code_changes('k', :'doc', 'Klass 131'),
          (SELECT count(DISTINCT (o, n)) FROM wide, LATERAL (VALUES (n13, n17), (n17, n18), (n18, n19), (n19, n20)) s(o, n) WHERE o <> n),
          'every change of number between two years of the table is a change');
SELECT is(styring.load_code_changes('k', :'doc', 'Klass 131'), 0::bigint, 'loading it again changes nothing');
SELECT set_eq($$SELECT old_code, new_code, changed, kind FROM k.unit_code_change WHERE new_code IN ('3005', '3038')$$,
              $$VALUES ('0602', '3005', '2020-01-01'::date, 'merged'), ('0625', '3005', '2020-01-01', 'merged'),
                       ('0711', '3005', '2020-01-01', 'merged'), ('0612', '3038', '2020-01-01', 'renumbered')$$,
              'Drammen, Nedre Eiker and Svelvik merged into 3005 on 1 January 2020; Hole only got a new number');
CREATE TEMP VIEW step AS
SELECT DISTINCT o, n, y, e FROM wide, LATERAL (VALUES (n13, n17, 2017, e17), (n17, n18, 2018, e18), (n18, n19, 2019, e19), (n19, n20, 2020, e20)) s(o, n, y, e)
WHERE o <> n;
SELECT is((SELECT count(*) FROM k.unit_code_change WHERE kind = 'merged'),
          (SELECT count(DISTINCT (o, n)) FROM step s
           WHERE (e LIKE 'slått sammen%' OR (SELECT count(DISTINCT o) FROM step t WHERE t.n = s.n AND t.y = s.y) > 1)
             AND e NOT LIKE '%splittet%'),
          'each change the table calls a merger, or where several numbers became one, is a merger');
SELECT set_eq($$SELECT old_code, new_code FROM k.unit_code_change WHERE kind = 'split'$$,
              $$SELECT o, n FROM step WHERE e LIKE '%splittet%'$$,
              'each part of a municipality the table says was split is a split (Tysfjord, Snillfjord)');
SELECT is((SELECT count(*) FROM k.unit_code_change WHERE kind = 'renumbered'),
          (SELECT count(DISTINCT (o, n)) FROM step s WHERE e LIKE 'kun endret nummer%'),
          'each change of number alone is a renumbering');

-- the 2024 changes, from Klass's change list for 2024
INSERT INTO k.unit_code_change VALUES ('3038', '3310', '2024-01-01', 'renumbered', 'Klass 131, 2024'),
                                      ('3005', '3301', '2024-01-01', 'renumbered', 'Klass 131, 2024');
SELECT set_eq($$SELECT code, current_code, exact, path FROM k.unit_code_current WHERE current_code IN ('3310', '3301')$$,
              $$VALUES ('0612', '3310', true, '0612 -> 3038 -> 3310'), ('3038', '3310', true, '3038 -> 3310'),
                       ('0602', '3301', true, '0602 -> 3005 -> 3301'), ('0625', '3301', true, '0625 -> 3005 -> 3301'),
                       ('0711', '3301', true, '0711 -> 3005 -> 3301'), ('3005', '3301', true, '3005 -> 3301')$$,
              'today''s code of every earlier one, through every step');

INSERT INTO k.unit (code, name) VALUES ('0612', 'Hole'), ('3038', 'Hole'), ('3310', 'Hole'), ('0602', 'Drammen'), ('0625', 'Nedre Eiker'),
    ('0711', 'Svelvik'), ('3005', 'Drammen'), ('3301', 'Drammen'), ('9001', 'Delt'), ('9002', 'Del A'), ('9003', 'Del B'), ('0301', 'Oslo');
INSERT INTO k.indicator (code, name) VALUES ('pop', 'folkemengde'), ('rate', 'andel');
INSERT INTO k.measurement (unit, indicator, year, value) VALUES
    ('0612', 'pop', 2015, 6708), ('3038', 'pop', 2021, 7000), ('3310', 'pop', 2024, 7100),
    ('0602', 'pop', 2015, 67000), ('0625', 'pop', 2015, 24000), ('0711', 'pop', 2015, 6600),
    ('3005', 'pop', 2021, 101000), ('3301', 'pop', 2024, 103000),
    ('0602', 'rate', 2015, 0.5), ('0625', 'rate', 2015, 0.25),
    ('3005', 'rate', 2016, 0.4),
    ('0301', 'pop', 2015, 650000),
    ('9001', 'pop', 2015, 100), ('9002', 'pop', 2024, 60), ('9003', 'pop', 2024, 50);
INSERT INTO k.unit_code_change VALUES ('9001', '9002', '2020-01-01', 'split', 'test'), ('9001', '9003', '2020-01-01', 'split', 'test');

SELECT set_eq($$SELECT year, restated, value, units FROM k.measurement_current WHERE unit = '3310' AND indicator = 'pop'$$,
              $$VALUES (2015, 'renumbered', 6708::float8, '{0612}'::text[]), (2021, 'renumbered', 7000, '{3038}'), (2024, 'unchanged', 7100, '{3310}')$$,
              'Hole is one series on today''s code: 0612 in 2015, 3038 in 2021, 3310 in 2024');
SELECT is((SELECT value_sum FROM k.measurement_current WHERE unit = '3310' AND indicator = 'pop' AND year = 2015), 6708::float8,
          'a renumbered unit''s sum is its value');
SELECT results_eq($$SELECT restated, value, value_sum, units, units_then FROM k.measurement_current WHERE unit = '3301' AND indicator = 'pop' AND year = 2015$$,
                  $$VALUES ('merged', NULL::float8, 97600::float8, '{0602,0625,0711}'::text[], 3::bigint)$$,
                  'Drammen 2015 is the three municipalities it was made of: their sum, and no single value');
SELECT results_eq($$SELECT restated, value, units_then FROM k.measurement_current WHERE unit = '3301' AND indicator = 'pop' AND year IN (2021, 2024) ORDER BY year$$,
                  $$VALUES ('renumbered', 101000::float8, 1::bigint), ('unchanged', 103000, 1)$$,
                  'and after the merger, one unit: 3005 in 2021, 3301 in 2024');
SELECT results_eq($$SELECT restated, value, value_sum, units FROM k.measurement_current WHERE unit = '3301' AND indicator = 'rate' AND year = 2015$$,
                  $$VALUES ('merged', NULL::float8, NULL::float8, '{0602,0625}'::text[])$$,
                  'a year where one of the three has no value has no sum');
SELECT results_eq($$SELECT restated, value, value_sum FROM k.measurement_current WHERE unit = '3301' AND indicator = 'rate' AND year = 2016$$,
                  $$VALUES ('renumbered', 0.4::float8, NULL::float8)$$,
                  'a figure published on the later code for a year before it (restated by the publisher) is today''s unit''s value, and no sum');
SELECT set_eq($$SELECT unit, restated, value, value_sum FROM k.measurement_current WHERE units && '{9001}'$$,
              $$VALUES ('9002', 'split', NULL::float8, NULL::float8), ('9003', 'split', NULL, NULL)$$,
              'a split unit''s earlier values are under each part it became, flagged split, never restated');
SELECT set_eq($$SELECT unit, restated, value FROM k.measurement_current WHERE unit IN ('9002', '9003') AND year = 2024$$,
              $$VALUES ('9002', 'unchanged', 60::float8), ('9003', 'unchanged', 50)$$, 'the parts'' own later values are theirs');
SELECT results_eq($$SELECT restated, value, value_sum, units_then FROM k.measurement_current WHERE unit = '0301'$$,
                  $$VALUES ('unchanged', 650000::float8, 650000::float8, 1::bigint)$$, 'a unit that never changed is as it was');
SELECT is((SELECT count(*) FROM k.measurement m WHERE NOT EXISTS (SELECT FROM k.measurement_current c WHERE m.unit = ANY (c.units)
                                                                   AND c.indicator = m.indicator AND c.year = m.year AND c.gender = m.gender)),
          0::bigint, 'every measurement is in the restated view: none is lost');

-- the accounts on today's codes
INSERT INTO k.account (unit, year, class, function, type, amount) VALUES
    ('0612', 2015, 'D', '201', '010', 100), ('3038', 2021, 'D', '201', '010', 120), ('3310', 2024, 'D', '201', '010', 130),
    ('0602', 2015, 'D', '201', '010', 500), ('0625', 2015, 'D', '201', '010', 300), ('0711', 2015, 'D', '202', '010', 40),
    ('9001', 2015, 'D', '201', '010', 10), ('0301', 2015, 'D', '201', '010', 9000);
SELECT set_eq($$SELECT year, restated, amount, units FROM k.account_current WHERE unit = '3310'$$,
              $$VALUES (2015, 'renumbered', 100::numeric, '{0612}'::text[]), (2021, 'renumbered', 120, '{3038}'), (2024, 'unchanged', 130, '{3310}')$$,
              'account_current: Hole''s accounts are one series on today''s code');
SELECT set_eq($$SELECT function, restated, amount, units FROM k.account_current WHERE unit = '3301' AND year = 2015$$,
              $$VALUES ('201', 'merged', 800::numeric, '{0602,0625}'::text[]), ('202', 'renumbered', 40, '{0711}')$$,
              'Drammen 2015: the accounts of the municipalities it was made of, summed line by line');
SELECT set_eq($$SELECT unit, restated, amount FROM k.account_current WHERE '9001' = ANY (units)$$,
              $$VALUES ('9002', 'split', NULL::numeric), ('9003', 'split', NULL)$$, 'a split unit''s accounts have no amount on its parts');
SELECT is((SELECT restated || ' ' || amount FROM k.account_current WHERE unit = '0301'), 'unchanged 9000', 'a unit that never changed is as it was');

-- malformed tables are refused, naming the line, and nothing is loaded
SELECT throws_ok($$SELECT styring.load_code_changes('k', E'kommune;navn\n0101;Halden\n')$$, '22023', NULL,
                 'a table without two kommunenummer_YYYY columns');
SELECT throws_like($$SELECT styring.load_code_changes('k', E'kommunenummer_2019;kommunenummer_2020\n0101;3001\n0104;30x2\n')$$,
                   '%line 3%', 'a number that is not four digits, by its line');
SELECT throws_like($$SELECT styring.load_code_changes('k', E'kommunenummer_2019;kommunenummer_2020\n0101;3001\n0104\n')$$,
                   '%line 3 has 1 fields, the header 2%', 'a line with too few fields, by its line');
SELECT is((SELECT count(*) FROM k.unit_code_change WHERE old_code IN ('0101', '0104') AND new_code LIKE '300%'), 2::bigint,
          'the refused tables loaded nothing (Halden and Moss are as the first table had them)');
SELECT is(styring.load_code_changes('k', E'kommunenummer_2019;kommunenummer_2020\n0101;3001\n', 'Klass 131'), 0::bigint,
          'a two-year table of a change already there changes nothing');

-- Klass's change list (the changes endpoint's JSON), the same changes as the table
SELECT styring.create_model('kj');
SELECT is(styring.load_klass_changes('kj', '{"codeChanges": [
    {"oldCode": "0612", "oldName": "Hole", "oldShortName": null, "newCode": "3038", "newName": "Hole", "newShortName": null, "changeOccurred": "2020-01-01"},
    {"oldCode": "0602", "oldName": "Drammen", "newCode": "3005", "newName": "Drammen", "changeOccurred": "2020-01-01"},
    {"oldCode": "0625", "oldName": "Nedre Eiker", "newCode": "3005", "newName": "Drammen", "changeOccurred": "2020-01-01"},
    {"oldCode": "0711", "oldName": "Svelvik", "newCode": "3005", "newName": "Drammen", "changeOccurred": "2020-01-01"},
    {"oldCode": "5012", "oldName": "Snillfjord", "newCode": "5055", "newName": "Heim", "changeOccurred": "2020-01-01"},
    {"oldCode": "5012", "oldName": "Snillfjord", "newCode": "5056", "newName": "Hitra", "changeOccurred": "2020-01-01"},
    {"oldCode": "5012", "oldName": "Snillfjord", "newCode": "5059", "newName": "Orkland", "changeOccurred": "2020-01-01"},
    {"oldCode": null, "oldName": null, "newCode": "9999", "newName": "Ny", "changeOccurred": "2020-01-01"},
    {"oldCode": "0301", "oldName": "Oslo kommune", "newCode": "0301", "newName": "Oslo", "changeOccurred": "2020-01-01"}]}'::jsonb),
          7::bigint, 'load_klass_changes: seven changes of number (a code that began and a new name are none)');
SELECT set_eq($$SELECT old_code, new_code, changed, kind FROM kj.unit_code_change$$,
              $$SELECT old_code, new_code, changed, kind FROM k.unit_code_change WHERE old_code IN ('0612', '0602', '0625', '0711', '5012') AND changed = '2020-01-01'$$,
              'the same changes, dates and kinds as Statistics Norway''s table gives: Hole renumbered, Drammen merged, Snillfjord split');
SELECT is(styring.load_klass_changes('kj', '{"codeChanges": [{"oldCode": "0612", "newCode": "3038", "changeOccurred": "2020-01-01"}]}'::jsonb), 0::bigint,
          'loading a change again changes nothing');
SELECT throws_ok($$SELECT styring.load_klass_changes('kj', '{"codes": []}'::jsonb)$$, '22023', NULL, 'a document that is no change list is refused');
SELECT throws_like($$SELECT styring.load_klass_changes('kj', '{"codeChanges": [{"oldCode": "0612", "newCode": "3038", "changeOccurred": "2020-01-01"}, {"oldCode": "1", "newCode": "2", "changeOccurred": "1.1.2020"}]}'::jsonb)$$,
                   'Klass change 2 is not a change of a code on a date%', 'a change without a date, by its place in the list');

SELECT * FROM finish();
ROLLBACK;
