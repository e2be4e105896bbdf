-- The steering year in money: budget versions, forecasts and the deviation
-- report (budget_variance). Oslo's 2015 sample accounts are its ledger
-- (each account booked a quarter in January, half in June and a quarter in
-- the year-end entries), against a made-up budget: every account plus 10 %
-- as a whole year's line (the original, adopted in December 2014), revised
-- in June to plus 5 %, and three rounds of forecasts. Every figure of the
-- report is checked against a sum by hand.
\set QUIET on
\set ON_ERROR_STOP 1
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS styring;
SET client_min_messages = warning;
SELECT plan(27);

SELECT styring.create_model('acc');
\set doc `cat demo/data/regnskap_data.csv`
SELECT styring.load_kostra_csv('acc', :'doc') AS n \gset
CREATE TEMP TABLE a AS SELECT class, function, type, amount FROM acc.account WHERE unit = '0301' AND year = 2015;
-- a document by account string: amounts in NOK as booked (incomes negative)
CREATE FUNCTION pg_temp.doc(periods int[], shares numeric[], factor numeric) RETURNS text LANGUAGE sql AS $$
    SELECT 'år;' || CASE WHEN periods IS NULL THEN '' ELSE 'periode;' END || 'kontoklasse;funksjon;art;beløp' || E'\n'
           || string_agg(format('2015;%s%s;%s;%s1;%s', CASE WHEN periods IS NULL THEN '' ELSE p.period || ';' END, a.class, a.function, a.type,
                                a.amount * 1000 * factor * CASE WHEN a.type >= '600' THEN -1 ELSE 1 END * p.share), E'\n') || E'\n'
    FROM a, unnest(coalesce(periods, '{0}'), coalesce(shares, '{1}')) p(period, share)
$$;

SELECT styring.create_model('y');
SELECT has_table('y', 'budget_version', 'a model has budget versions');
SELECT has_table('y', 'budget', 'budget lines');
SELECT has_table('y', 'forecast', 'forecasts');
SELECT has_view('y', 'budget_variance', 'and the deviation report');

SELECT is(styring.load_ledger('y', '0301', pg_temp.doc('{1,6,13}', '{0.25,0.5,0.25}', 1), ';') > 0, true, 'the ledger loads');
SELECT styring.ledger_accounts('y', '0301', 2015);
SELECT is(styring.load_budget('y', '0301', pg_temp.doc(NULL, NULL, 1.10), 'original', '2014-12-15', ';'), (SELECT count(*) + 1 FROM a),
          'the original budget: every line and its version');
SELECT is(styring.load_budget('y', '0301', pg_temp.doc(NULL, NULL, 1.10), 'original', '2014-12-15', ';'), 0::bigint, 'loaded again, nothing changes');
SELECT is(styring.load_budget('y', '0301', pg_temp.doc(NULL, NULL, 1.05), 'revised', '2015-06-15', ';'), (SELECT count(*) + 1 FROM a),
          'the revision adopted on 15 June');
SELECT styring.load_forecast('y', '0301', pg_temp.doc(NULL, NULL, 1.08), '2015-02-28', ';');
SELECT styring.load_forecast('y', '0301', pg_temp.doc(NULL, NULL, 1.02), '2015-05-31', ';');
SELECT styring.load_forecast('y', '0301', pg_temp.doc(NULL, NULL, 0.99), '2015-09-30', ';');

-- the report, line by line and summed, against hand sums
SELECT is((SELECT count(*) FROM y.budget_variance), (SELECT count(*) * 12 FROM a), 'twelve months of every account');
SELECT is((SELECT array_agg(DISTINCT month || ':' || budget_version ORDER BY month || ':' || budget_version) FROM y.budget_variance),
          ARRAY['10:revised', '11:revised', '12:revised', '1:original', '2:original', '3:original', '4:original', '5:original', '6:revised', '7:revised', '8:revised', '9:revised'],
          'the version in force: the original through May, the revision from June (adopted before June ended)');
SELECT is((SELECT count(*) FROM y.budget_variance v JOIN a USING (class, function, type)
           WHERE v.month = 12 AND v.actual_to_date = a.amount AND v.actual_year = a.amount), (SELECT count(*) FROM a),
          'through December the ledger''s actuals are the year''s accounts, line by line, to the krone');
SELECT is((SELECT count(*) FROM y.budget_variance v JOIN a USING (class, function, type)
           WHERE v.month = 5 AND v.actual_to_date = a.amount * 0.25 AND v.budget_to_date = round(a.amount * 1.10 * 5 / 12, 5)), (SELECT count(*) FROM a),
          'through May: the January quarter booked, five twelfths of the original budget');
SELECT is((SELECT count(*) FROM y.budget_variance v JOIN a USING (class, function, type)
           WHERE v.month = 6 AND v.actual_to_date = a.amount * 0.75 AND v.budget_to_date = round(a.amount * 1.05 * 6 / 12, 5)
             AND v.deviation_to_date = a.amount * 0.75 - round(a.amount * 1.05 * 6 / 12, 5)), (SELECT count(*) FROM a),
          'through June: three quarters booked, half the revised budget, and their difference');
SELECT is((SELECT count(*) FROM y.budget_variance v JOIN a USING (class, function, type)
           WHERE v.month = 12 AND v.budget_to_date = a.amount * 1.05 AND v.budget_year = a.amount * 1.05), (SELECT count(*) FROM a),
          'in December the year''s budget to date is the whole revised budget, to the øre');
SELECT results_eq($$SELECT class, sum(actual_to_date), sum(budget_year) FROM y.budget_variance WHERE month = 12 GROUP BY class ORDER BY class$$,
                  $$SELECT class, sum(amount), sum(amount * 1.05) FROM a GROUP BY class ORDER BY class$$,
                  'summed by class: the accounts and the revised budget');
-- the forecasts: the latest round made by the month's end
SELECT is((SELECT array_agg(DISTINCT month || ':' || coalesce(forecast_made::text, '-') ORDER BY month || ':' || coalesce(forecast_made::text, '-')) FROM y.budget_variance),
          ARRAY['10:2015-09-30', '11:2015-09-30', '12:2015-09-30', '1:-', '2:2015-02-28', '3:2015-02-28', '4:2015-02-28', '5:2015-05-31', '6:2015-05-31', '7:2015-05-31', '8:2015-05-31', '9:2015-09-30'],
          'the forecast in force: none in January, then the latest round made by each month''s end');
SELECT is((SELECT count(*) FROM y.budget_variance v JOIN a USING (class, function, type)
           WHERE v.month = 7 AND v.forecast_year = a.amount * 1.02 AND v.deviation_year = a.amount * 1.02 - a.amount * 1.05), (SELECT count(*) FROM a),
          'July: the May forecast against the revised budget');
SELECT is((SELECT count(*) FROM y.budget_variance WHERE month = 1 AND (forecast_year IS NOT NULL OR deviation_year IS NOT NULL)), 0::bigint,
          'no forecast, no forecast deviation');
-- a budget by month, and a tertial report
SELECT styring.load_budget('y', '0400', E'år;periode;kontoklasse;funksjon;art;beløp\n2015;1;D;201;0101;100\n2015;5;D;201;0101;300\n2015;0;D;201;0101;1200\n', 'opprinnelig', '2015-01-01', ';');
SELECT results_eq($$SELECT month, budget_to_date, budget_year FROM y.budget_variance WHERE unit = '0400' AND month IN (4, 8, 12) ORDER BY month$$,
                  $$VALUES (4, 0.5::numeric, 1.6::numeric), (8, 1.2, 1.6), (12, 1.6, 1.6)$$,
                  'a tertial report: months booked as budgeted, the year''s line spread evenly (1 000 NOK)');
SELECT is((SELECT actual_to_date FROM y.budget_variance WHERE unit = '0400' AND month = 4), NULL, 'without a ledger there is no actual to date');
-- a revision loaded again without one line: the line goes
SELECT is(styring.load_budget('y', '0400', E'år;periode;kontoklasse;funksjon;art;beløp\n2015;1;D;201;0101;100\n2015;0;D;201;0101;1200\n', 'opprinnelig', '2015-01-01', ';'),
          1::bigint, 'a version loaded again replaces its lines: May''s is gone');

-- what is refused, and nothing loaded
SELECT throws_like($$SELECT styring.load_budget('y', '0400', E'år;periode;kontoklasse;funksjon;art;beløp\n2015;13;D;201;010;1\n', 'x', '2015-01-01', ';')$$,
                   'budget line 2: period 13 is the ledger''s year-end entries%', 'a budget has no year-end period');
SELECT throws_ok($$SELECT styring.load_budget('y', '0400', E'år;kontoklasse;funksjon;art;beløp\n2015;D;BHG;010;1\n', 'x', '2015-01-01', ';')$$, '22023', NULL,
                 'a line whose own code has no KOSTRA function');
SELECT throws_ok($$SELECT styring.load_budget('y', '0400', E'år;kontoklasse;funksjon;art;beløp\n2015;D;201;010;1\n2016;D;201;010;1\n', 'x', '2015-01-01', ';')$$, '22023', NULL,
                 'a version is one year''s');
SELECT throws_ok($$SELECT styring.load_forecast('y', '0400', E'år;periode;kontoklasse;funksjon;art;beløp\n2015;3;D;201;010;1\n', '2015-03-31', ';')$$, '22023', NULL,
                 'a forecast is of the whole year');
SELECT throws_like($$SELECT styring.load_ledger('y', '0400', E'år;kontoklasse;funksjon;art;beløp\n2015;D;201;010;1\n', ';')$$,
                   'ledger line 2: no period%', 'a ledger line needs its month');
SELECT is((SELECT count(*) FROM y.budget_version WHERE version = 'x'), 0::bigint, 'and nothing of the refused documents was loaded');

SELECT * FROM finish();
ROLLBACK;
