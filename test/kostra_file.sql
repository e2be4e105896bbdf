-- The KOSTRA accounts file (fixed positions, 48 characters): the record
-- controls of Statistics Norway's control program ported with the cases of
-- its own tests (kontroller/src/test/.../rule/regnskap/RuleNNN...Test.kt):
-- each case puts the test's field value into an otherwise valid record and
-- expects the program's verdict (the rule, its severity, a finding or none).
-- Then loading a file (refused whole at a fatal or error finding, with the
-- line), and writing one from a model's accounts that reads back the same.
\set QUIET on
\set ON_ERROR_STOP 1
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS styring;
SET client_min_messages = warning;
SELECT plan(57);

-- a valid 0A record for region 1234 in 2023 with fields replaced: position, text
CREATE FUNCTION pg_temp.rec(VARIADIC f text[] DEFAULT '{}') RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    r text := '0A2023 123400' || repeat(' ', 18) || '1' || '100 ' || '010' || lpad('100', 9);
BEGIN
    FOR i IN 1 .. coalesce(array_length(f, 1), 0) / 2 LOOP
        r := overlay(r PLACING f[2 * i] FROM f[2 * i - 1]::int FOR length(f[2 * i]));
    END LOOP;
    RETURN r;
END $$;
-- the findings of one rule on a file of records
CREATE FUNCTION pg_temp.found(rule_no text, recs text[], skjema text DEFAULT '0A', orgnr text DEFAULT NULL)
    RETURNS text LANGUAGE sql AS $$
    SELECT coalesce(string_agg(c.severity || ' ' || array_to_string(c.lines, ','), '; '), 'none')
    FROM styring.kostra_file_check(array_to_string(recs, E'\n') || E'\n', skjema, 2023, '1234', orgnr) c
    WHERE c.rule LIKE 'Kontroll ' || rule_no || ' %'
$$;

SELECT is(length(pg_temp.rec()), 48, 'the test record has 48 characters');
SELECT is((SELECT array_agg(left(rule, 12) ORDER BY rule) FROM styring.kostra_file_check(pg_temp.rec() || E'\n', '0A', 2023, '1234')),
          ARRAY['Kontroll 105', 'Kontroll 110', 'Kontroll 130', 'Kontroll 135'],
          'and passes every record control (the sums of a whole account, incomes, taxes, block grant, are test/kostra_controls.sql''s)');
SELECT is((SELECT array_agg(ARRAY[skjema, aargang, kvartal, region, kontoklasse, funksjon_kapittel, art_sektor, belop])
           FROM styring.kostra_file_rows(pg_temp.rec() || E'\r\n\r\n')),
          ARRAY[ARRAY['0A', '2023', ' ', '123400', '1', '100 ', '010', '      100']], 'kostra_file_rows cuts a record at the file description''s positions (CRLF, empty lines skipped)');

SELECT is((SELECT ARRAY[length::text, orgnr, kontoklasse, belop] FROM styring.kostra_file_rows(pg_temp.rec('14', 'Ørsta sbd'))),
          ARRAY['48', 'Ørsta sbd', '1', '      100'], 'positions count characters, not bytes (an ø is one)');
SELECT is((SELECT ARRAY[length::text, belop, art_sektor] FROM styring.kostra_file_rows(left(pg_temp.rec(), 38))),
          ARRAY['38', '', '01'], 'a short record gives short and empty fields, and its length');
SELECT is((SELECT array_agg(ARRAY[funksjon_kapittel_value, art_sektor_value, belop_value] ORDER BY line)
           FROM styring.kostra_file_rows(array_to_string(ARRAY(SELECT left(pg_temp.rec(), 39) || b
                                                               FROM unnest(ARRAY['      100', '     +100', '    -100 ', '123456789', '      1x0', '         ', ' - 100   ']) b),
                                                         E'\n'))),
          ARRAY[ARRAY[100, 10, 100], ARRAY[100, 10, 100], ARRAY[100, 10, -100], ARRAY[100, 10, 123456789],
                ARRAY[100, 10, NULL], ARRAY[100, 10, NULL], ARRAY[100, 10, NULL]],
          'and reads function, art and amount as the program''s integers (spaces around, a sign, digits; NULL where none)');
-- 001 record length: fatal, and the other controls do not run
SELECT is(pg_temp.found('001', ARRAY[pg_temp.rec(), left(pg_temp.rec(), 47)]), 'fatal 2', '001: a record of 47 characters is fatal');
SELECT is(pg_temp.found('001', ARRAY[pg_temp.rec() || ' ']), 'fatal 1', '001: and of 49');
SELECT is(pg_temp.found('001', ARRAY[pg_temp.rec('40', E'\t')]), 'fatal 1', '001: a tab anywhere is fatal');
SELECT is((SELECT count(*) FROM styring.kostra_file_check(left(pg_temp.rec('1', 'XX'), 47) || E'\n', '0A', 2023, '1234') WHERE rule NOT LIKE '%001%'),
          0::bigint, '001: a fatal finding stops the other controls (the bad skjema is not reported)');
-- 003 skjema (Rule003SkjemaTest)
SELECT is(pg_temp.found('003', ARRAY[pg_temp.rec('1', 'OK')], 'OK'), 'none', '003: skjema OK against OK passes');
SELECT is(pg_temp.found('003', ARRAY[pg_temp.rec('1', 'XX')], 'OK'), 'error 1', '003: XX against OK is an error');
SELECT is(pg_temp.found('003', ARRAY[pg_temp.rec('1', 'OA')], 'OAK1'), 'none', '003: a quarter''s skjema (OAK1) takes OA');
SELECT is(pg_temp.found('003', ARRAY[pg_temp.rec('1', 'XX')], 'OAK1'), 'error 1', '003: and not XX');
-- 004 aargang (Rule004AargangTest)
SELECT is(pg_temp.found('004', ARRAY[pg_temp.rec('3', '2023')]), 'none', '004: 2023 against 2023 passes');
SELECT is(pg_temp.found('004', ARRAY[pg_temp.rec('3', 'XXXX')]), 'error 1', '004: XXXX is an error');
-- 005 kvartal (Rule005KvartalTest)
SELECT is(pg_temp.found('005', ARRAY[pg_temp.rec('7', ' ')]), 'none', '005: blank for the annual accounts passes');
SELECT is(pg_temp.found('005', ARRAY[pg_temp.rec('7', 'X')]), 'error 1', '005: X is an error');
-- 006 region (Rule006RegionTest)
SELECT is(pg_temp.found('006', ARRAY[pg_temp.rec('8', '123400')]), 'none', '006: the region passes');
SELECT is(pg_temp.found('006', ARRAY[pg_temp.rec('8', 'XXXXXX')]), 'error 1', '006: XXXXXX is an error');
-- 007 orgnr (Rule007OrganisasjonsnummerTest)
SELECT is(pg_temp.found('007', ARRAY[pg_temp.rec('14', '987654321')], '0A', '987654321'), 'none', '007: the organisation number passes');
SELECT is(pg_temp.found('007', ARRAY[pg_temp.rec('14', 'XXXXXXXXX')], '0A', '987654321'), 'error 1', '007: XXXXXXXXX is an error');
-- 008 foretaksnr (Rule008ForetaksnummerTest)
SELECT is(pg_temp.found('008', ARRAY[pg_temp.rec('23', '987654321')], '0A', '987654321'), 'none', '008: the organisation number passes');
SELECT is(pg_temp.found('008', ARRAY[pg_temp.rec('23', 'XXXXXXXXX')], '0A', '987654321'), 'error 1', '008: XXXXXXXXX is an error');
SELECT is(pg_temp.found('008', ARRAY[pg_temp.rec()], '0A', '987654321'), 'none', '008: a blank foretaksnr passes');
-- 009 kontoklasse (Rule009KontoklasseTest: 0 and 1, as for 0A)
SELECT is(pg_temp.found('009', ARRAY[pg_temp.rec('32', '0'), pg_temp.rec('32', '1', '33', '200 ')]), 'none', '009: kontoklasse 0 and 1 pass for 0A');
SELECT is(pg_temp.found('009', ARRAY[pg_temp.rec('32', 'X')]), 'error 1', '009: X is an error');
SELECT is(pg_temp.found('009', ARRAY[pg_temp.rec('1', '0I', '32', '3')], '0I'), 'none', '009: 3 passes for 0I');
SELECT is(pg_temp.found('009', ARRAY[pg_temp.rec('1', '0I', '32', '1')], '0I'), 'error 1', '009: 1 does not');
-- 014 belop (Rule014BelopTest), right-aligned in its 9 positions
SELECT is(pg_temp.found('014', ARRAY[pg_temp.rec('40', lpad('1', 9)), pg_temp.rec('40', lpad('-1', 9), '37', '020'),
                                     pg_temp.rec('40', lpad('999', 9), '37', '030')]), 'none', '014: 1, -1 and 999 pass');
SELECT is(pg_temp.found('014', ARRAY[pg_temp.rec('40', repeat(' ', 9))]), 'error 1', '014: blank is an error');
SELECT is(pg_temp.found('014', ARRAY[pg_temp.rec('40', lpad('XXX', 9))]), 'error 1', '014: XXX is an error');
SELECT is(pg_temp.found('014', ARRAY[pg_temp.rec('40', rpad(lpad('-1', 8), 9))]), 'error 1', '014: -1 followed by a blank is an error');
SELECT is(pg_temp.found('014', ARRAY[pg_temp.rec('40', rpad(lpad('1', 7), 9))]), 'error 1', '014: 1 followed by blanks is an error');
SELECT is(pg_temp.found('001', ARRAY[pg_temp.rec('40', lpad(E'\t-1', 9))]), 'fatal 1',
          '014: a tab in the amount (an error of 014 in the program''s test) stops the file at 001 when the whole file is checked');
-- 015 duplicates (Rule015DuplicatesTest): a warning naming both lines of each combination
SELECT is(pg_temp.found('015', ARRAY[pg_temp.rec('32', '1', '33', '100 ', '37', '710', '40', lpad('1', 9)),
                                     pg_temp.rec('32', '0', '33', '200 ', '37', '610', '40', lpad('2', 9))]), 'none', '015: no duplicates');
SELECT is(pg_temp.found('015', ARRAY[pg_temp.rec('32', '1', '33', '100 ', '37', '710', '40', lpad('1', 9)),
                                     pg_temp.rec('32', '1', '33', '100 ', '37', '710', '40', lpad('2', 9)),
                                     pg_temp.rec('32', '0', '33', '200 ', '37', '610', '40', lpad('3', 9)),
                                     pg_temp.rec('32', '0', '33', '200 ', '37', '610', '40', lpad('4', 9))]),
          'warning 1,2; warning 3,4', '015: two combinations given twice, a warning each with its lines');
SELECT alike((SELECT message FROM styring.kostra_file_check(pg_temp.rec() || E'\n' || pg_temp.rec('40', lpad('7', 9)) || E'\n', '0A', 2023, '1234')
             WHERE rule LIKE '%015%'), 'Det er oppgitt flere beløp på samme kombinasjon av (Kontoklasse = ''1'' * Funksjon = ''100'' * Art = ''010'') med beløpene [      100,         7]%',
            '015: the program''s message, with the combination and the amounts');
-- 016 kapittel 5900 and 5970 in a balance, never negative (Rule016KapittelFortegnTest)
SELECT is(pg_temp.found('016', ARRAY[pg_temp.rec('1', '0A', '32', '2', '33', '841 ', '40', lpad('0', 9))], '0B'), 'none', '016: wrong skjema');
SELECT is(pg_temp.found('016', ARRAY[pg_temp.rec('1', '0B', '32', '2', '33', '51  ', '40', lpad('0', 9))], '0B'), 'none', '016: correct skjema, wrong kapittel');
SELECT is(pg_temp.found('016', ARRAY[pg_temp.rec('1', '0B', '32', '2', '33', '5900', '40', lpad('0', 9))], '0B'), 'none', '016: kapittel 5900, 0');
SELECT is(pg_temp.found('016', ARRAY[pg_temp.rec('1', '0B', '32', '2', '33', '5900', '40', lpad('-1', 9))], '0B'), 'error 1', '016: kapittel 5900, -1');
SELECT is(pg_temp.found('016', ARRAY[pg_temp.rec('1', '0B', '32', '2', '33', '5970', '40', lpad('1', 9))], '0B'), 'none', '016: kapittel 5970, 1');
SELECT is(pg_temp.found('016', ARRAY[pg_temp.rec('1', '0B', '32', '2', '33', '5970', '40', lpad('-1', 9))], '0B'), 'error 1', '016: kapittel 5970, -1');
SELECT alike((SELECT message FROM styring.kostra_file_check(pg_temp.rec('1', '0B', '32', '2', '33', '5970', '40', lpad('-1', 9)) || E'\n', '0B', 2023, '1234')
             WHERE rule LIKE '%016%'),
            'Kapittel 5900 Merforbruk i driftsregnskapet  og kapittel 5970 Udekket beløp i investeringsregnskapet (Beløp =        -1) skal bare%',
            '016: the program''s message');

-- loading: Oslo's 2015 accounts written as a file and read back
SELECT styring.create_model('acc');
\set doc `cat demo/data/regnskap_data.csv`
SELECT styring.load_kostra_csv('acc', :'doc') AS n \gset
SELECT styring.kostra_file('acc', '0301', 2015) AS oslo \gset
SELECT is((SELECT array_agg(DISTINCT left(rule, 12) ORDER BY left(rule, 12)) FROM styring.kostra_file_check(:'oslo', '0A', 2015, '030100')),
          ARRAY['Kontroll 010', 'Kontroll 012', 'Kontroll 095', 'Kontroll 110', 'Kontroll 155'],
          'the file written from Oslo''s 2015 sample accounts passes every record control; this year''s code lists lack 2015''s functions 254, 510, 524 and arts 375, 775, and the sample''s sums are partial');
SELECT styring.create_model('fil');
SELECT is(styring.load_kostra_file('fil', :'oslo', '0A', 2015, '030100'), (SELECT count(*) + 1 FROM acc.account WHERE unit = '0301' AND year = 2015),
          'and loads into another model: every account and the unit');
SELECT set_eq($$SELECT unit, year, class, function, type, amount FROM fil.account$$,
              $$SELECT unit, year, class, function, type, amount FROM acc.account WHERE unit = '0301' AND year = 2015$$,
              'the same accounts: incomes negative in the file, positive in the model again');
SELECT count(*) + 1 AS bad_line FROM acc.account WHERE unit = '0301' AND year = 2015 \gset
SELECT throws_like(format('SELECT styring.load_kostra_file(%L, %L, %L, 2015, %L)', 'fil',
                          :'oslo' || '0A2015 030100' || repeat(' ', 18) || '1100 010       1x' || E'\n', '0A', '030100'),
                   'KOSTRA file line ' || :bad_line || ': Kontroll 014 : Beløp%', 'a non-numeric amount refuses the file, naming the line');
SELECT throws_like(format('SELECT styring.load_kostra_file(%L, %L, %L, 2015, %L)', 'fil', E'0A2015 030100\n', '0A', '030100'),
                   'KOSTRA file line 1: Kontroll 001 : Recordlengde%', 'a record of the wrong length refuses the file');
SELECT throws_ok(format('SELECT styring.load_kostra_file(%L, %L, %L, 2015, %L)', 'fil', :'oslo', '0Z', '030100'), '22023', NULL,
                 'an unknown skjema is refused');
SELECT is((SELECT count(*) FROM fil.account), (SELECT count(*) FROM acc.account WHERE unit = '0301' AND year = 2015),
          'and the refused files loaded nothing');

-- a special entity's file (0I) is a unit of its own under the municipality, and the consolidated accounts sum both
SELECT styring.create_model('kon');
SELECT styring.load_kostra_file('kon', pg_temp.rec('1', '0A', '3', '2015', '8', '030100', '32', '1', '33', '201 ', '37', '010', '40', lpad('100', 9)) || E'\n'
                              || pg_temp.rec('1', '0A', '3', '2015', '8', '030100', '32', '1', '33', '201 ', '37', '380', '40', lpad('20', 9)) || E'\n'
                              || pg_temp.rec('1', '0A', '3', '2015', '8', '030100', '32', '1', '33', '800 ', '37', '870', '40', lpad('-150', 9)) || E'\n',
                              '0A', 2015, '030100');
SELECT is(styring.load_kostra_file('kon', pg_temp.rec('1', '0I', '3', '2015', '8', '030100', '14', '999888777', '32', '3', '33', '201 ', '37', '010', '40', lpad('50', 9)) || E'\n'
                                   || pg_temp.rec('1', '0I', '3', '2015', '8', '030100', '14', '999888777', '32', '3', '33', '201 ', '37', '780', '40', lpad('-20', 9)) || E'\n'
                                   || pg_temp.rec('1', '0I', '3', '2015', '8', '030100', '14', '999888777', '32', '4', '33', '201 ', '37', '010', '40', lpad('5', 9)) || E'\n',
                                   '0I', 2015, '030100', '999888777'),
          5::bigint, 'a special entity''s file (0I) loads its three accounts, and the entity under its municipality');
SELECT is((SELECT parent FROM kon.unit WHERE code = '999888777'), '0301', 'the entity is the unit of its organisation number under the municipality');
SELECT set_eq($$SELECT class, function, type, amount, parts FROM kon.account_consolidated WHERE unit = '0301' AND year = 2015$$,
              $$VALUES ('D', '201', '010', 150::numeric, '{0301,999888777}'::text[]), ('D', '800', '870', 150, '{0301}'), ('I', '201', '010', 5, '{999888777}')$$,
              'the consolidated accounts: the municipality''s and the entity''s summed, the purchase within the group (380 against 780) gone');
SELECT is((SELECT count(*) FROM kon.account_consolidated WHERE unit = '999888777'), 0::bigint, 'an entity has no consolidated accounts of its own');
SELECT throws_ok($$SELECT styring.load_kostra_file('kon', '', '0I', 2015, '030100')$$, '22023', NULL, 'a special entity''s file needs its organisation number');

SELECT * FROM finish();
ROLLBACK;
