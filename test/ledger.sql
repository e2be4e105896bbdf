-- A municipality's own ledger by account string: read from an export (the
-- string in one column as in Hole kommune's slides, "1100 565 2701 041", or
-- in columns; decimal comma; YYYYMM periods), loaded period by period, its
-- own codes mapped to KOSTRA's, and summed into KOSTRA accounts. The ledger
-- is Oslo's 2015 sample accounts spread over three periods, responsibilities
-- and objects (in NOK, incomes negative, an own digit after each art): its
-- sum must be those accounts again, to the krone, and their file the same.
\set QUIET on
\set ON_ERROR_STOP 1
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS styring;
SET client_min_messages = warning;
SELECT plan(37);

SELECT styring.create_model('acc');
\set doc `cat demo/data/regnskap_data.csv`
SELECT styring.load_kostra_csv('acc', :'doc') AS n \gset
CREATE TEMP TABLE export AS
SELECT a.year AS "År", p.period AS "Periode", CASE a.class WHEN 'D' THEN '1' ELSE '0' END AS "Kontoklasse",
       (1000 + p.period)::text || ' ' || a.function || ' ' || a.type || p.period % 10 || ' ' || lpad(p.period::text, 3, '0') AS "Kontostreng",
       replace(to_char(a.amount * 1000 * CASE WHEN a.type >= '600' THEN -1 ELSE 1 END * p.share, 'FM999999999990.00'), '.', ',') AS "Beløp"
FROM acc.account a, (VALUES (1, 0.25), (6, 0.5), (13, 0.25)) p(period, share)
WHERE a.unit = '0301' AND a.year = 2015;
-- one of its operating accounts, to follow down the ledger and back
SELECT function AS f, type AS t FROM acc.account WHERE unit = '0301' AND year = 2015 AND class = 'D' AND type < '600' ORDER BY amount DESC LIMIT 1 \gset
SELECT '"År";"Periode";"Kontoklasse";"Kontostreng";"Beløp"' || E'\n'
       || string_agg(format('%s;%s;%s;%s;%s', "År", "Periode", "Kontoklasse", "Kontostreng", "Beløp"), E'\n' ORDER BY "Periode", "Kontostreng") || E'\n' AS led
FROM export \gset

-- the model's tables
SELECT styring.create_model('own');
SELECT has_table('own', 'ledger', 'a model has a ledger');
SELECT has_table('own', 'ledger_map', 'and a map of its own codes');
SELECT has_view('own', 'ledger_kostra', 'and the view that places each line in KOSTRA');

-- reading an export
SELECT is((SELECT ARRAY[year::text, period::text, class, responsibility, function, type, object, amount::text]
           FROM styring.ledger_rows(E'År;Periode;Kontoklasse;Kontostreng;Beløp\n2015;6;0;1100 565 2701 041;-1 234,50\n', ';')),
          ARRAY['2015', '6', 'I', '1100', '565', '2701', '041', '-1234.50'],
          'the account string in one column (ansvar funksjon art objekt), kontoklasse 0 is investment, a decimal comma and a space for thousands');
SELECT is((SELECT array_agg(amount ORDER BY line) FROM styring.ledger_rows(E'periode,art,amount\n201503,010,1234.5\n201503,020,"1.234,50"\n', account_class => 'D')),
          ARRAY[1234.5, 1234.50]::numeric[], 'English and Norwegian decimals; a period YYYYMM gives the year');
SELECT is((SELECT ARRAY[year, period] FROM styring.ledger_rows(E'periode,art,amount\n201503,010,1\n', account_class => 'D')), ARRAY[2015, 3],
          'YYYYMM: year 2015, period 3');
SELECT is((SELECT ARRAY[responsibility, function, type, object, class] FROM styring.ledger_rows(E'Ansvar,Tjeneste,Art,Prosjekt,År,Måned,Beløp,Kontoklasse\n1100,BHG1,10100,P7,2015,2,5,drift\n')),
          ARRAY['1100', 'BHG1', '10100', 'P7', 'D'], 'columns by their names in any order, tjeneste and prosjekt too, kontoklasse "drift"');
SELECT is((SELECT problem FROM styring.ledger_rows(E'år,periode,kontoklasse,art,beløp\n2015,14,D,010,1\n')), 'the period ''14'' is not a month 1-13 (nor 0, the whole year)',
          'a period beyond 13 is named');
SELECT is((SELECT array_agg(problem ORDER BY line) FROM styring.ledger_rows(E'år,periode,kontoklasse,art,beløp\n15,1,D,010,1\n2015,1,X,010,1\n2015,1,D,,1\n2015,1,D,010,1x\n')),
          ARRAY['the year ''15'' is not a year', 'the kontoklasse ''X'' is neither D nor I', 'the art is empty', 'the amount ''1x'' is not a number'],
          'each bad line says what is wrong');
SELECT throws_ok($$SELECT * FROM styring.ledger_rows(E'år,periode,art\n2015,1,010\n', ',', 'D')$$, '22023', NULL, 'a ledger without amounts is refused');
SELECT throws_ok($$SELECT * FROM styring.ledger_rows(E'år,periode,art,beløp\n2015,1,010,1\n')$$, '22023', NULL, 'a ledger without kontoklasse needs account_class');
SELECT throws_ok($$SELECT * FROM styring.ledger_rows(E'år,periode,art,beløp\n2015,1,010,1\n', ',', 'Q')$$, '22023', NULL, 'an account_class that is neither D nor I is refused');

-- loading
SELECT is(styring.load_ledger('own', '0301', :'led', ';'), (SELECT count(*) + 1 FROM export), 'every line and the unit are loaded');
SELECT is(styring.load_ledger('own', '0301', :'led', ';'), 0::bigint, 'loading it again changes nothing');
SELECT is((SELECT count(DISTINCT responsibility) FROM own.ledger), 3::bigint, 'the responsibilities are kept');
SELECT is((SELECT sum(amount) FROM own.ledger WHERE period = 6), (SELECT sum(replace("Beløp", ',', '.')::numeric) FROM export WHERE "Periode" = 6),
          'a period''s amounts to the øre');
SELECT throws_like(format('SELECT styring.load_ledger(%L, %L, %L, %L)', 'own', '0301', :'led' || E'2015;2;1;1001 100 0101 001;12,5x\n', ';'),
                   'ledger line ' || (SELECT count(*) + 2 FROM export) || ': the amount ''12.5x'' is not a number', 'a bad line refuses the document, naming it');
SELECT is((SELECT count(*) FROM own.ledger), (SELECT count(*) FROM export), 'and nothing of it was loaded');

-- into KOSTRA accounts
SELECT is(styring.ledger_accounts('own', '0301', 2015), (SELECT count(*) FROM acc.account WHERE unit = '0301' AND year = 2015),
          'ledger_accounts writes every KOSTRA account of the year');
SELECT set_eq($$SELECT unit, year, class, function, type, amount FROM own.account$$,
              $$SELECT unit, year, class, function, type, amount FROM acc.account WHERE unit = '0301' AND year = 2015$$,
              'the ledger sums to the accounts it came from, to the krone (incomes positive, in 1 000 NOK)');
SELECT is(styring.kostra_file('own', '0301', 2015), styring.kostra_file('acc', '0301', 2015), 'and writes the same KOSTRA file');
SELECT is(styring.ledger_accounts('own', '0301', 2015), 0::bigint, 'done again, it changes nothing');
SELECT is((SELECT array_agg(DISTINCT object ORDER BY object) FROM own.ledger_kostra WHERE kostra_function = :'f' AND kostra_type = :'t'),
          ARRAY['001', '006', '013'], 'ledger_kostra: from a KOSTRA account down to the objects it holds');
SELECT is((SELECT sum(kostra_amount) FROM own.ledger_kostra WHERE kostra_function = :'f' AND kostra_type = :'t'),
          (SELECT amount FROM acc.account WHERE unit = '0301' AND year = 2015 AND class = 'D' AND function = :'f' AND type = :'t'),
          'and their sum is the account');

-- a period loaded again replaces that period only
SELECT styring.load_ledger('own', '0301', '"År";"Periode";"Kontoklasse";"Kontostreng";"Beløp"' || E'\n'
                           || (SELECT string_agg(format('%s;%s;%s;%s;%s', "År", "Periode", "Kontoklasse", "Kontostreng", "Beløp"), E'\n')
                               FROM export WHERE "Periode" = 13 AND "Kontostreng" NOT LIKE '% ' || :'f' || ' %') || E'\n', ';') AS n \gset
SELECT is(:n::bigint, (SELECT count(*) FROM export WHERE "Periode" = 13 AND "Kontostreng" LIKE '% ' || :'f' || ' %'), 'period 13 again without one function: its lines of that function go');
SELECT is((SELECT count(*) FROM own.ledger WHERE function = :'f' AND period IN (1, 6)), (SELECT count(*) FROM export WHERE "Periode" IN (1, 6) AND "Kontostreng" LIKE '% ' || :'f' || ' %'),
          'and the other periods keep theirs');
SELECT styring.ledger_accounts('own', '0301', 2015);
SELECT is((SELECT amount FROM own.account WHERE class = 'D' AND function = :'f' AND type = :'t'),
          (SELECT amount * 0.75 FROM acc.account WHERE unit = '0301' AND year = 2015 AND class = 'D' AND function = :'f' AND type = :'t'),
          'the account follows: three quarters of it are left');
DELETE FROM own.ledger WHERE function = :'f';
SELECT styring.ledger_accounts('own', '0301', 2015) AS n \gset
SELECT ok(:n > 0 AND NOT EXISTS (SELECT FROM own.account WHERE function = :'f'), 'an account the ledger no longer has is removed');

-- the own codes: an own service code, an own art, a responsibility that stands for a function
INSERT INTO own.ledger (unit, year, period, class, responsibility, function, type, object, amount) VALUES
    ('0301', 2016, 1, 'D', '3100', 'BHG1', '10100', '', 1000),
    ('0301', 2016, 1, 'D', '3100', 'BHG1', 'LØNN', '', 2500),
    ('0301', 2016, 1, 'D', '4200', '', '11500', '', 500),
    ('0301', 2016, 1, 'D', '4200', '', '62000', '', -300);
SELECT throws_like($$SELECT styring.ledger_accounts('own', '0301', 2016)$$, 'the ledger line 3100 BHG1 10100  (period 1) of 0301 has no KOSTRA function',
                   'a line with an own service code and no map stops it, naming the line');
INSERT INTO own.ledger_map VALUES ('0301', 'function', 'BHG1', '201'), ('0301', 'type', 'LØNN', '010'), ('0301', 'responsibility', '4200', '202');
SELECT is((SELECT array_agg(kostra_function || '/' || kostra_type ORDER BY type) FROM own.ledger_kostra WHERE year = 2016),
          ARRAY['201/101', '202/115', '202/620', '201/010'], 'mapped: the service code, the own art LØNN, the responsibility; arts by their first three digits');
SELECT is(styring.ledger_accounts('own', '0301', 2016), 4::bigint, 'four KOSTRA accounts');
SELECT is((SELECT array_agg(amount::text ORDER BY function, type) FROM own.account WHERE year = 2016), ARRAY['2.5', '1', '0.5', '0.3'],
          'in 1 000 NOK, the sales income (art 620) positive');
SELECT throws_ok($$INSERT INTO own.ledger_map VALUES ('0301', 'type', 'X', '12')$$, '23514', NULL, 'a KOSTRA code in the map has three digits');

-- who may load
SELECT throws_ok($$SELECT styring.load_ledger('nosuchmodel', '0301', 'a')$$, '42P01', NULL, 'load_ledger: no such model');
SELECT throws_ok($$SELECT styring.load_ledger('own', NULL, 'a')$$, '22004', NULL, 'load_ledger: the unit is required');
SELECT throws_ok($$SELECT styring.ledger_accounts('own', '0301', NULL)$$, '22004', NULL, 'ledger_accounts: the year is required');
SELECT is((SELECT version FROM styring.models WHERE model = 'own'), '0.4.0', 'a model with a ledger is a model of this version');

SELECT * FROM finish();
ROLLBACK;
