-- The controller's own numbers in the demo model, run after demo/model.sql:
-- Statistics Norway's municipality code changes 2013-2020
-- (demo/data/kommunenummer_2013_2020.csv) and the two of 2024 that the demo's
-- units need, so that Hole and Drammen are one series each on today's codes
-- (measurement_current, account_current); Oslo's own ledger and a special
-- entity (ledger_kostra, account_consolidated); a budget, its revision and a
-- forecast (budget_variance); KOSTRA's standard key figures
-- computed from the sample accounts (key_figure_value, and as
-- measurements). Apart from
-- demo/model.sql, which models made by earlier versions load too.
\set QUIET on
\set doc `cat demo/data/kommunenummer_2013_2020.csv`
SELECT styring.load_code_changes('kommune', :'doc', 'Klass 131, 2013-2020') AS code_changes \gset
\unset doc
-- Klass's change list for 2024 (classification 131, its changes endpoint):
-- Hole 3038 became 3310, Drammen 3005 became 3301
SELECT styring.load_klass_changes('kommune', '{"codeChanges": [
    {"oldCode": "3038", "oldName": "Hole", "newCode": "3310", "newName": "Hole", "changeOccurred": "2024-01-01"},
    {"oldCode": "3005", "oldName": "Drammen", "newCode": "3301", "newName": "Drammen", "changeOccurred": "2024-01-01"}]}',
    'Klass 131, 2024') AS klass_changes \gset

-- Oslo's own ledger for 2015, made from its sample accounts for the demo:
-- each KOSTRA account spread over three periods (January, June and the
-- year-end entries), responsibilities and objects, in NOK as booked (incomes
-- negative), each art with a digit of its own, the whole string in one
-- column as Hole's slides write it. Summed into KOSTRA accounts it gives
-- Oslo's 2015 accounts back; the accounts file is written from them and
-- checked as Statistics Norway checks it.
SELECT '"År";"Periode";"Kontoklasse";"Kontostreng";"Beløp"' || E'\n'
       || string_agg(format('%s;%s;%s;%s %s %s%s %s;%s', a.year, p.period, CASE a.class WHEN 'D' THEN '1' ELSE '0' END,
                            1000 + p.period, a.function, a.type, p.period % 10, lpad(p.period::text, 3, '0'),
                            replace(to_char(a.amount * 1000 * CASE WHEN a.type >= '600' THEN -1 ELSE 1 END * p.share, 'FM999999999990.00'), '.', ',')),
                     E'\n' ORDER BY p.period, a.class, a.function, a.type) || E'\n' AS ledger
FROM kommune.account a, (VALUES (1, 0.25), (6, 0.5), (13, 0.25)) p(period, share)
WHERE a.unit = '0301' AND a.year = 2015 \gset
SELECT styring.load_ledger('kommune', '0301', :'ledger', ';') AS ledger_lines \gset
SELECT styring.ledger_accounts('kommune', '0301', 2015) AS accounts_changed \gset
\unset ledger

-- Oslo's budget for 2015, made up for the demo: its accounts plus 10 % as
-- whole-year lines, adopted in December 2014, revised in June to plus 5 %;
-- and a forecast of the year made at the end of May
SELECT 'år;kontoklasse;funksjon;art;beløp' || E'\n'
       || string_agg(format('2015;%s;%s;%s;%s', a.class, a.function, a.type, a.amount * 1000 * CASE WHEN a.type >= '600' THEN -1 ELSE 1 END), E'\n') || E'\n' AS budget
FROM kommune.account a WHERE a.unit = '0301' AND a.year = 2015 \gset
SELECT styring.load_budget('kommune', '0301', :'budget', 'opprinnelig', '2014-12-11', ';') AS budget_lines \gset
UPDATE kommune.budget SET amount = amount * 1.10 WHERE unit = '0301' AND version = 'opprinnelig';
SELECT styring.load_budget('kommune', '0301', :'budget', 'revidert juni', '2015-06-17', ';') AS revised_lines \gset
UPDATE kommune.budget SET amount = amount * 1.05 WHERE unit = '0301' AND version = 'revidert juni';
SELECT styring.load_forecast('kommune', '0301', :'budget', '2015-05-31', ';') AS forecast_lines \gset
UPDATE kommune.forecast SET amount = amount * 1.02 WHERE unit = '0301' AND made = '2015-05-31';
\unset budget

-- a special entity of Oslo's (illustrative: organisation number 999999999)
-- with its own accounts file, so that Oslo has consolidated accounts
SELECT styring.load_kostra_file('kommune',
    E'0I2015 030100999999999         3201 010     4000\n0I2015 030100999999999         3201 780    -1000\n0I2015 030100999999999         4201 010      500\n',
    '0I', 2015, '030100', '999999999') AS entity \gset

SELECT styring.kostra_key_figures('kommune') AS key_figures \gset
SELECT styring.compute_key_figures('kommune') AS key_figure_values \gset
\set QUIET off
