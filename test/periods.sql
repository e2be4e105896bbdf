-- Periods below the year: measurements by month, tertial or quarter
-- (measurement_period, period_series, styring.period_end), and a quarterly
-- KOSTRA accounts file loaded as the year to date through its quarter
-- (account_period), apart from the year's accounts.
\set QUIET on
\set ON_ERROR_STOP 1
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS styring;
SET client_min_messages = warning;
SELECT plan(14);

SELECT is(ARRAY[styring.period_end(2015, 'M02'), styring.period_end(2016, 'M02'), styring.period_end(2015, 'T2'), styring.period_end(2015, 'K4')],
          ARRAY['2015-02-28', '2016-02-29', '2015-08-31', '2015-12-31']::date[], 'period_end: a month (leap years too), a tertial, a quarter');
SELECT throws_ok($$SELECT styring.period_end(2015, 'Q1')$$, '22023', NULL, 'a period that is none of them is refused (22023)');
SELECT is(styring.period_end(NULL, 'K1'), NULL, 'STRICT: NULL in, NULL out');

SELECT styring.create_model('p');
INSERT INTO p.unit (code, name) VALUES ('3301', 'Drammen');
INSERT INTO p.indicator (code, name, higher_is_better) VALUES ('syk', 'Sykefravær', false);
INSERT INTO p.measurement_period (unit, indicator, year, period, value) VALUES
    ('3301', 'syk', 2018, 'M01', 8.9), ('3301', 'syk', 2018, 'M02', 9.4), ('3301', 'syk', 2018, 'T1', 8.7), ('3301', 'syk', 2018, 'T2', 6.3),
    ('3301', 'syk', 2017, 'T3', 8.0);
INSERT INTO p.measurement (unit, indicator, year, value) VALUES ('3301', 'syk', 2018, 7.8);
SELECT results_eq($$SELECT period, period_kind, period_end, change, year_value FROM p.period_series WHERE year = 2018 ORDER BY period$$,
                  $$VALUES ('M01', 'month', '2018-01-31'::date, NULL::float8, 7.8::float8), ('M02', 'month', '2018-02-28', 9.4::float8 - 8.9::float8, 7.8),
                           ('T1', 'tertial', '2018-04-30', 8.7::float8 - 8.0::float8, 7.8), ('T2', 'tertial', '2018-08-31', 6.3::float8 - 8.7::float8, 7.8)$$,
                  'period_series: each period''s end, its change since the period before of its kind (across the year), the year''s own value');
SELECT throws_ok($$INSERT INTO p.measurement_period (unit, indicator, year, period, value) VALUES ('3301', 'syk', 2018, 'M13', 1)$$, '23514', NULL,
                 'a period is a month, a tertial or a quarter');
SELECT throws_ok($$INSERT INTO p.measurement_period (unit, indicator, year, period) VALUES ('3301', 'syk', 2018, 'M03')$$, '23514', NULL,
                 'a value or a status');
SELECT throws_ok($$INSERT INTO p.measurement_period (unit, indicator, year, period, value) VALUES ('3301', 'syk', 2018, 'M03', 'Infinity')$$, '23514', NULL,
                 'and a finite value');

-- a quarter's accounts file
CREATE FUNCTION pg_temp.rec(kvartal text, kk text, f text, a text, belop int) RETURNS text LANGUAGE sql AS $$
    SELECT '0A2015' || kvartal || '030100' || repeat(' ', 18) || kk || rpad(f, 4) || a || lpad(belop::text, 9)
$$;
SELECT styring.load_kostra_file('p', pg_temp.rec(' ', '1', '201', '010', 1000) || E'\n', '0A', 2015, '030100') AS annual \gset
SELECT is(styring.load_kostra_file('p', pg_temp.rec('2', '1', '201', '010', 480) || E'\n' || pg_temp.rec('2', '1', '201', '600', -50) || E'\n',
                                   '0AK2', 2015, '030100', NULL, '2'),
          2::bigint, 'a quarter''s file (0AK2) loads its accounts');
SELECT results_eq($$SELECT period, class, function, type, amount FROM p.account_period ORDER BY type$$,
                  $$VALUES ('K2', 'D', '201', '010', 480::numeric), ('K2', 'D', '201', '600', 50)$$,
                  'into account_period as the year to date through the second quarter, incomes positive');
SELECT results_eq($$SELECT function, type, amount FROM p.account WHERE unit = '0301'$$, $$VALUES ('201', '010', 1000::numeric)$$,
                  'and the year''s accounts are as the annual file left them');
SELECT is(styring.load_kostra_file('p', pg_temp.rec('2', '1', '201', '010', 490) || E'\n', '0AK2', 2015, '030100', NULL, '2'), 2::bigint,
          'the quarter loaded again: one account changed, one gone');
SELECT results_eq($$SELECT type, amount FROM p.account_period$$, $$VALUES ('010', 490::numeric)$$, 'as the file now has it');
SELECT throws_like($$SELECT styring.load_kostra_file('p', pg_temp.rec(' ', '1', '201', '010', 490) || E'\n', '0AK3', 2015, '030100', NULL, '3')$$,
                   'KOSTRA file line 1: Kontroll 005 : Kvartal%', 'a record of another quarter is refused');
SELECT is((SELECT version FROM styring.models WHERE model = 'p'), '0.4.0', 'a model with periods is a model of this version');

SELECT * FROM finish();
ROLLBACK;
