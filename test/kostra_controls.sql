-- The controls 010-190 of Statistics Norway's control program on the
-- KOSTRA accounts file, with the cases of its own tests
-- (kontroller/src/test/.../rule/regnskap/Rule010...Test.kt to
-- .../kostra/Rule190MemoriakontiTest.kt): each case is the test's records,
-- written as a file, checked with kostra_file_check, and the program's
-- verdict for that rule expected (its severity, or none).
--
-- Where the program's test hands the rule a code list of its own ('100',
-- '400'), the case uses the program's real list for the skjema. A record
-- whose amount is 0 is written '00': the program leaves out a record whose
-- amount reads '0' before these controls run (RegnskapValidator), and its
-- tests call the rule on such records directly; '00' is the same amount
-- and kept, so the file gives the rule the test's records.
\set QUIET on
\set ON_ERROR_STOP 1
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS styring;
SET client_min_messages = warning;

-- a record: region, skjema, kontoklasse, funksjon/kapittel, art/sektor, amount (kvartal)
CREATE FUNCTION pg_temp.k(region text, skjema text, kk text, f text, a text, belop text, kvartal text DEFAULT ' ')
    RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT skjema || '2023' || kvartal || region || repeat(' ', 18) || kk || rpad(f, 4) || rpad(a, 3)
           || lpad(CASE WHEN belop = '0' THEN '00' ELSE belop END, 9)
$$;
-- the findings of one rule (its number, or a pattern of its name) on a file of records
CREATE FUNCTION pg_temp.v(rule_no text, recs text[], skjema text DEFAULT '0A', kvartal text DEFAULT ' ',
                          orgnr text DEFAULT '123456789', region text DEFAULT '1234')
    RETURNS text LANGUAGE sql AS $$
    SELECT coalesce(string_agg(c.severity, ', '), 'none')
    FROM styring.kostra_file_check(array_to_string(recs, E'\n') || E'\n', skjema, 2023, region, orgnr, kvartal) c
    WHERE c.rule LIKE CASE WHEN rule_no ~ '^[0-9]{3}$' THEN 'Kontroll ' || rule_no || ' :%' ELSE rule_no END
$$;

CREATE TEMP TABLE cases (n serial, rule text, description text, recs text[], skjema text DEFAULT '0A', kvartal text DEFAULT ' ',
                         orgnr text DEFAULT '123456789', expected text);
CREATE FUNCTION pg_temp.c(rule text, description text, expected text, recs text[], skjema text DEFAULT '0A', kvartal text DEFAULT ' ',
                          orgnr text DEFAULT '123456789') RETURNS void LANGUAGE sql AS $$
    INSERT INTO cases (rule, description, recs, skjema, kvartal, orgnr, expected) VALUES (rule, description, recs, skjema, kvartal, orgnr, expected)
$$;

-- 010 Funksjon (Rule010FunksjonTest); the severity follows the record's quarter
SELECT pg_temp.c('Kontroll 010 : Funksjon', 'wrong skjema 0B', 'none', ARRAY[pg_temp.k('123400', '0B', '1', '999', '010', '0')]);
SELECT pg_temp.c('Kontroll 010 : Funksjon', 'skjema 0A, wrong funksjon 999', 'error', ARRAY[pg_temp.k('123400', '0A', '1', '999', '010', '0')]);
SELECT pg_temp.c('Kontroll 010 : Funksjon', 'skjema 0A, funksjon from the list', 'none', ARRAY[pg_temp.k('123400', '0A', '1', '100', '010', '0')]);
SELECT pg_temp.c('Kontroll 010 : Funksjon', 'wrong skjema 0Y', 'none', ARRAY[pg_temp.k('123400', '0Y', '1', '999', '010', '0')]);
SELECT pg_temp.c('Kontroll 010 : Funksjon', 'skjema 0X, wrong funksjon 999', 'error', ARRAY[pg_temp.k('123400', '0X', '1', '999', '010', '0')]);
SELECT pg_temp.c('Kontroll 010 : Funksjon', 'skjema 0X, funksjon from the list', 'none', ARRAY[pg_temp.k('123400', '0X', '1', '100', '010', '0')]);
SELECT pg_temp.c('Kontroll 010 : Funksjon', 'quarter 1, wrong skjema', 'none', ARRAY[pg_temp.k('123400', '0B', '1', '999', '010', '0', '1')]);
SELECT pg_temp.c('Kontroll 010 : Funksjon', 'quarter 1, wrong funksjon 999', 'warning', ARRAY[pg_temp.k('123400', '0A', '1', '999', '010', '0', '1')]);
SELECT pg_temp.c('Kontroll 010 : Funksjon', 'quarter 1, funksjon from the list', 'none', ARRAY[pg_temp.k('123400', '0A', '1', '100', '010', '0', '1')]);
-- 010 Utgått funksjon (Rule010UtgattFunksjonTest): the quarterly files, functions 190 and 254
SELECT pg_temp.c('Kontroll 010 : Utgått%', 'wrong skjema', 'none', ARRAY[pg_temp.k('123400', '0B', '1', '254', '010', '1')], '0AK1', '1');
SELECT pg_temp.c('Kontroll 010 : Utgått%', 'expired funksjon 254', 'warning', ARRAY[pg_temp.k('123400', '0A', '1', '254', '010', '1')], '0AK1', '1');
SELECT pg_temp.c('Kontroll 010 : Utgått%', 'funksjon not expired', 'none', ARRAY[pg_temp.k('123400', '0A', '1', '999', '010', '1')], '0AK1', '1');
-- 011 Kapittel (Rule011KapittelTest), a balance
SELECT pg_temp.c('011', 'wrong skjema', 'none', ARRAY[pg_temp.k('123400', '0A', '2', '999', '000', '0')], '0B');
SELECT pg_temp.c('011', 'skjema 0B, wrong kapittel 999', 'error', ARRAY[pg_temp.k('123400', '0B', '2', '999', '000', '0')], '0B');
SELECT pg_temp.c('011', 'skjema 0B, kapittel from the list', 'none', ARRAY[pg_temp.k('123400', '0B', '2', '10', '000', '0')], '0B');
SELECT pg_temp.c('011', 'quarter 1, wrong skjema', 'none', ARRAY[pg_temp.k('123400', '0A', '2', '999', '000', '0', '1')], '0B');
SELECT pg_temp.c('011', 'quarter 1, wrong kapittel 999', 'warning', ARRAY[pg_temp.k('123400', '0B', '2', '999', '000', '0', '1')], '0B');
SELECT pg_temp.c('011', 'quarter 1, kapittel from the list', 'none', ARRAY[pg_temp.k('123400', '0B', '2', '10', '000', '0', '1')], '0B');
-- 012 Art (Rule012ArtTest)
SELECT pg_temp.c('012', 'wrong skjema 0B', 'none', ARRAY[pg_temp.k('123400', '0B', '1', '100', '999', '0')]);
SELECT pg_temp.c('012', 'skjema 0A, wrong art 999', 'error', ARRAY[pg_temp.k('123400', '0A', '1', '100', '999', '0')]);
SELECT pg_temp.c('012', 'skjema 0A, art from the list', 'none', ARRAY[pg_temp.k('123400', '0A', '1', '100', '010', '0')]);
SELECT pg_temp.c('012', 'wrong skjema 0Y', 'none', ARRAY[pg_temp.k('123400', '0Y', '1', '100', '999', '0')]);
SELECT pg_temp.c('012', 'skjema 0X, wrong art 999', 'error', ARRAY[pg_temp.k('123400', '0X', '1', '100', '999', '0')]);
SELECT pg_temp.c('012', 'skjema 0X, art from the list', 'none', ARRAY[pg_temp.k('123400', '0X', '1', '100', '010', '0')]);
SELECT pg_temp.c('012', 'quarter 1, wrong skjema', 'none', ARRAY[pg_temp.k('123400', '0B', '1', '100', '999', '0', '1')]);
SELECT pg_temp.c('012', 'quarter 1, wrong art 999', 'warning', ARRAY[pg_temp.k('123400', '0A', '1', '100', '999', '0', '1')]);
SELECT pg_temp.c('012', 'quarter 1, art from the list', 'none', ARRAY[pg_temp.k('123400', '0A', '1', '100', '010', '0', '1')]);
-- 013 Sektor (Rule013SektorTest), a balance; a skjema without a sektor list checks none
SELECT pg_temp.c('013', 'wrong skjema', 'none', ARRAY[pg_temp.k('123400', '0A', '2', '10', '999', '0')], '0B');
SELECT pg_temp.c('013', 'skjema 0B, wrong sektor 999', 'error', ARRAY[pg_temp.k('123400', '0B', '2', '10', '999', '0')], '0B');
SELECT pg_temp.c('013', 'skjema 0B, sektor from the list', 'none', ARRAY[pg_temp.k('123400', '0B', '2', '10', '000', '0')], '0B');
SELECT pg_temp.c('013', 'quarter 1, wrong skjema', 'none', ARRAY[pg_temp.k('123400', '0A', '2', '10', '999', '0', '1')], '0B');
SELECT pg_temp.c('013', 'quarter 1, wrong sektor 999', 'warning', ARRAY[pg_temp.k('123400', '0B', '2', '10', '999', '0', '1')], '0B');
SELECT pg_temp.c('013', 'quarter 1, sektor from the list', 'none', ARRAY[pg_temp.k('123400', '0B', '2', '10', '000', '0', '1')], '0B');
SELECT pg_temp.c('013', 'no sektor list (skjema 0A), wrong skjema', 'none', ARRAY[pg_temp.k('123400', '0A', '2', '10', '888', '0')]);
SELECT pg_temp.c('013', 'no sektor list (skjema 0A), wrong sektor', 'none', ARRAY[pg_temp.k('123400', '0B', '2', '10', '888', '0')]);
SELECT pg_temp.c('013', 'no sektor list (skjema 0A), blank sektor', 'none', ARRAY[pg_temp.k('123400', '0B', '2', '10', '   ', '0')]);

-- 020 (Rule020...Test): function 841 in the operating accounts; a warning in quarters 1 and 2
SELECT pg_temp.c('020', 'annually, all conditions match', 'error', ARRAY[pg_temp.k('123400', '0A', '1', '841', '010', '1')]);
SELECT pg_temp.c('020', 'annually, not operating', 'none', ARRAY[pg_temp.k('123400', '0A', '0', '841', '010', '1')]);
SELECT pg_temp.c('020', 'annually, funksjon 842', 'none', ARRAY[pg_temp.k('123400', '0A', '1', '842', '010', '1')]);
SELECT pg_temp.c('020', 'annually, belop 0', 'none', ARRAY[pg_temp.k('123400', '0A', '1', '841', '010', '0')]);
SELECT pg_temp.c('020', 'quarterly, all conditions match', 'warning', ARRAY[pg_temp.k('123400', '0A', '1', '841', '010', '1')], '0AK1', '1');
SELECT pg_temp.c('020', 'quarterly, not operating', 'none', ARRAY[pg_temp.k('123400', '0A', '0', '841', '010', '1')], '0AK1', '1');
SELECT pg_temp.c('020', 'quarterly, funksjon 842', 'none', ARRAY[pg_temp.k('123400', '0A', '1', '842', '010', '1')], '0AK1', '1');
SELECT pg_temp.c('020', 'quarterly, belop 0', 'none', ARRAY[pg_temp.k('123400', '0A', '1', '841', '010', '0')], '0AK1', '1');
-- 025 (Rule025...Test): arts only valid in the investment accounts, by skjema and region
INSERT INTO cases (rule, description, recs, skjema, expected)
SELECT '025', format('%s %s kontoklasse %s art %s', s.skjema, r.region, s.kk, a.art),
       ARRAY[pg_temp.k(r.region, s.skjema, s.kk, '100', a.art, '1')], s.skjema, a.expected
FROM (VALUES ('0A', '1'), ('0C', '1'), ('0I', '3'), ('0K', '3'), ('0M', '3'), ('0P', '3')) s(skjema, kk),
     (VALUES ('420400'), ('030101')) r(region),
     (VALUES ('010', 'none'), ('280', 'error'), ('921', 'error')) a(art, expected)
WHERE s.skjema NOT IN ('0A', '0C') OR r.region = '420400'
ORDER BY s.skjema, r.region DESC, a.art;
INSERT INTO cases (rule, description, recs, skjema, orgnr, expected)
SELECT '025', format('lånefond list (0I of orgnr 958935420), art %s', a), ARRAY[pg_temp.k('123400', '0A', '1', '100', a, '1')], '0I', '958935420', 'error'
FROM unnest(ARRAY['280', '512', '521', '522', '529', '670', '910', '911', '912', '922', '929', '970']) a;
SELECT pg_temp.c('025', 'lånefond list, not bevilgning (0X)', 'none', ARRAY[pg_temp.k('123400', '0X', '1', '100', '280', '1')], '0I', ' ', '958935420');
SELECT pg_temp.c('025', 'lånefond list, art 199', 'none', ARRAY[pg_temp.k('123400', '0A', '1', '100', '199', '1')], '0I', ' ', '958935420');
SELECT pg_temp.c('025', 'lånefond list, belop 0', 'none', ARRAY[pg_temp.k('123400', '0A', '1', '100', '280', '0')], '0I', ' ', '958935420');
-- 030 (Rule030...Test): arts 285 and 660 illogical in the operating accounts
SELECT pg_temp.c('030', 'all conditions match', 'info', ARRAY[pg_temp.k('123400', '0A', '1', '100', '285', '1')]);
SELECT pg_temp.c('030', 'not operating', 'none', ARRAY[pg_temp.k('123400', '0A', '0', '100', '285', '1')]);
SELECT pg_temp.c('030', 'art 284', 'none', ARRAY[pg_temp.k('123400', '0A', '1', '100', '284', '1')]);
SELECT pg_temp.c('030', 'belop 0', 'none', ARRAY[pg_temp.k('123400', '0A', '1', '100', '285', '0')]);
-- 035 (Rule035...Test): arts 520 and 920 only on functions 281, 325 and 701
SELECT pg_temp.c('035', 'not operating', 'none', ARRAY[pg_temp.k('123400', '0A', '0', '520', '100', '1')]);
SELECT pg_temp.c('035', 'belop 0', 'none', ARRAY[pg_temp.k('123400', '0A', '1', '100', '520', '0')]);
SELECT pg_temp.c('035', 'art not 520 or 920', 'none', ARRAY[pg_temp.k('123400', '0A', '1', '281', '100', '1')]);
INSERT INTO cases (rule, description, recs, expected)
SELECT '035', format('art %s, funksjon %s', a, f), ARRAY[pg_temp.k('123400', '0A', '1', f, a, '1')], 'none'
FROM unnest(ARRAY['520', '920']) a, unnest(ARRAY['281', '325', '701']) f ORDER BY a, f;
SELECT pg_temp.c('035', 'art 520, funksjon 100', 'warning', ARRAY[pg_temp.k('123400', '0A', '1', '100', '520', '1')]);
SELECT pg_temp.c('035', 'art 920, funksjon 100', 'warning', ARRAY[pg_temp.k('123400', '0A', '1', '100', '920', '1')]);
-- 040 (Rule040...Test): functions only valid in the operating accounts
SELECT pg_temp.c('040', 'annually, all conditions match', 'error', ARRAY[pg_temp.k('123400', '0A', '0', '800', '010', '1')]);
SELECT pg_temp.c('040', 'annually, not investment', 'none', ARRAY[pg_temp.k('123400', '0A', '1', '800', '010', '1')]);
SELECT pg_temp.c('040', 'annually, funksjon 801', 'none', ARRAY[pg_temp.k('123400', '0A', '0', '801', '010', '1')]);
SELECT pg_temp.c('040', 'annually, belop 0', 'none', ARRAY[pg_temp.k('123400', '0A', '0', '800', '010', '0')]);
SELECT pg_temp.c('040', 'quarterly, all conditions match', 'warning', ARRAY[pg_temp.k('123400', '0A', '0', '800', '010', '1')], '0AK1', '1');
SELECT pg_temp.c('040', 'quarterly, not investment', 'none', ARRAY[pg_temp.k('123400', '0A', '1', '800', '010', '1')], '0AK1', '1');
SELECT pg_temp.c('040', 'quarterly, funksjon 801', 'none', ARRAY[pg_temp.k('123400', '0A', '0', '801', '010', '1')], '0AK1', '1');
SELECT pg_temp.c('040', 'quarterly, belop 0', 'none', ARRAY[pg_temp.k('123400', '0A', '0', '800', '010', '0')], '0AK1', '1');
-- 045 (Rule045...Test): functions illogical in the investment accounts
SELECT pg_temp.c('045', 'all conditions match', 'info', ARRAY[pg_temp.k('123400', '0A', '0', '100', '010', '1')]);
SELECT pg_temp.c('045', 'not investment', 'none', ARRAY[pg_temp.k('123400', '0A', '1', '100', '010', '1')]);
SELECT pg_temp.c('045', 'funksjon 101', 'none', ARRAY[pg_temp.k('123400', '0A', '0', '101', '010', '1')]);
SELECT pg_temp.c('045', 'belop 0', 'none', ARRAY[pg_temp.k('123400', '0A', '0', '100', '010', '0')]);
-- 050 (Rule050...Test): arts only valid in the operating accounts
SELECT pg_temp.c('050', 'all conditions match', 'error', ARRAY[pg_temp.k('123400', '0A', '0', '100', '990', '1')]);
SELECT pg_temp.c('050', 'not investment', 'none', ARRAY[pg_temp.k('123400', '0A', '1', '100', '990', '1')]);
SELECT pg_temp.c('050', 'art 991', 'none', ARRAY[pg_temp.k('123400', '0A', '0', '100', '991', '1')]);
SELECT pg_temp.c('050', 'belop 0', 'none', ARRAY[pg_temp.k('123400', '0A', '0', '100', '990', '0')]);
-- 055 (Rule055...Test): arts illogical in the investment accounts
SELECT pg_temp.c('055', 'all conditions match', 'info', ARRAY[pg_temp.k('123400', '0A', '0', '100', '620', '1')]);
SELECT pg_temp.c('055', 'not investment', 'none', ARRAY[pg_temp.k('123400', '0A', '1', '100', '620', '1')]);
SELECT pg_temp.c('055', 'art 621', 'none', ARRAY[pg_temp.k('123400', '0A', '0', '100', '621', '1')]);
SELECT pg_temp.c('055', 'belop 0', 'none', ARRAY[pg_temp.k('123400', '0A', '0', '100', '620', '0')]);
-- 060 (Rule060...Test): art 729 only with function 841
SELECT pg_temp.c('060', 'all conditions match', 'error', ARRAY[pg_temp.k('123400', '0A', '0', '100', '729', '1')]);
SELECT pg_temp.c('060', 'not investment', 'none', ARRAY[pg_temp.k('123400', '0A', '1', '100', '729', '1')]);
SELECT pg_temp.c('060', 'art 728', 'none', ARRAY[pg_temp.k('123400', '0A', '0', '100', '728', '1')]);
SELECT pg_temp.c('060', 'funksjon 841', 'none', ARRAY[pg_temp.k('123400', '0A', '0', '841', '729', '1')]);
SELECT pg_temp.c('060', 'belop 0', 'none', ARRAY[pg_temp.k('123400', '0A', '0', '100', '729', '0')]);
-- 065 (Rule065...Test): arts 589, 980, 989 and function 899 only together
SELECT pg_temp.c('065', 'funksjon 899, art 010', 'error', ARRAY[pg_temp.k('123400', '0A', '1', '899', '010', '1')]);
SELECT pg_temp.c('065', 'not bevilgning (0X)', 'none', ARRAY[pg_temp.k('123400', '0X', '1', '899', '010', '1')]);
SELECT pg_temp.c('065', 'belop 0', 'none', ARRAY[pg_temp.k('123400', '0A', '1', '899', '010', '0')]);
SELECT pg_temp.c('065', 'funksjon 899, art 589', 'none', ARRAY[pg_temp.k('123400', '0A', '1', '899', '589', '1')]);
SELECT pg_temp.c('065', 'funksjon 898, art 588', 'none', ARRAY[pg_temp.k('123400', '0A', '1', '898', '588', '1')]);
-- 070 (Rule070...Test): art 530 only with function 880
SELECT pg_temp.c('070', 'all conditions match', 'error', ARRAY[pg_temp.k('123400', '0A', '1', '899', '530', '1')]);
SELECT pg_temp.c('070', 'not bevilgning (0X)', 'none', ARRAY[pg_temp.k('123400', '0X', '1', '899', '530', '1')]);
SELECT pg_temp.c('070', 'funksjon 880', 'none', ARRAY[pg_temp.k('123400', '0A', '1', '880', '530', '1')]);
SELECT pg_temp.c('070', 'art 529', 'none', ARRAY[pg_temp.k('123400', '0A', '1', '899', '529', '1')]);
SELECT pg_temp.c('070', 'belop 0', 'none', ARRAY[pg_temp.k('123400', '0A', '1', '899', '530', '0')]);
-- 075 (Rule075...Test): arts 870-879 only with function 800
INSERT INTO cases (rule, description, recs, expected)
SELECT '075', format('art %s on funksjon 100', a), ARRAY[pg_temp.k('123400', '0A', '1', '100', a, '1')], 'error'
FROM unnest(ARRAY['870', '871', '872', '873', '876', '878', '879']) a;
SELECT pg_temp.c('075', 'not bevilgning (0X)', 'none', ARRAY[pg_temp.k('123400', '0X', '1', '100', '870', '1')]);
SELECT pg_temp.c('075', 'art 877', 'none', ARRAY[pg_temp.k('123400', '0A', '1', '100', '877', '1')]);
SELECT pg_temp.c('075', 'funksjon 800', 'none', ARRAY[pg_temp.k('123400', '0A', '1', '800', '870', '1')]);
SELECT pg_temp.c('075', 'belop 0', 'none', ARRAY[pg_temp.k('123400', '0A', '1', '100', '870', '0')]);
-- 080 (Rule080...Test): art 800 only with function 840
SELECT pg_temp.c('080', 'all conditions match', 'error', ARRAY[pg_temp.k('123400', '0A', '1', '100', '800', '1')]);
SELECT pg_temp.c('080', 'not bevilgning (0X)', 'none', ARRAY[pg_temp.k('123400', '0X', '1', '100', '800', '1')]);
SELECT pg_temp.c('080', 'art 801', 'none', ARRAY[pg_temp.k('123400', '0A', '1', '100', '801', '1')]);
SELECT pg_temp.c('080', 'funksjon 840', 'none', ARRAY[pg_temp.k('123400', '0A', '1', '840', '800', '1')]);
SELECT pg_temp.c('080', 'belop 0', 'none', ARRAY[pg_temp.k('123400', '0A', '1', '100', '800', '0')]);
-- 081 (Rule081...Test): function 850 only with arts 450, 810, 850; an error in quarters 3 and 4
SELECT pg_temp.c('081', 'annually, not bevilgning (0B)', 'none', ARRAY[pg_temp.k('123400', '0B', '1', '850', '450', '1')]);
SELECT pg_temp.c('081', 'annually, a county (0C)', 'none', ARRAY[pg_temp.k('123400', '0C', '1', '850', '450', '1')]);
SELECT pg_temp.c('081', 'annually, funksjon 100', 'none', ARRAY[pg_temp.k('123400', '0A', '1', '100', '450', '1')]);
SELECT pg_temp.c('081', 'annually, belop 0', 'none', ARRAY[pg_temp.k('123400', '0A', '1', '850', '100', '0')]);
SELECT pg_temp.c('081', 'annually, all good', 'none', ARRAY[pg_temp.k('123400', '0A', '1', '850', '450', '1')]);
SELECT pg_temp.c('081', 'annually, all conditions match, 0A', 'warning', ARRAY[pg_temp.k('123400', '0A', '1', '850', '100', '1')]);
SELECT pg_temp.c('081', 'annually, all conditions match, 0I', 'warning', ARRAY[pg_temp.k('123400', '0I', '1', '850', '100', '1')]);
SELECT pg_temp.c('081', 'annually, all conditions match, 0M', 'warning', ARRAY[pg_temp.k('123400', '0M', '1', '850', '100', '1')]);
SELECT pg_temp.c('081', '1. quarter, all conditions match', 'warning', ARRAY[pg_temp.k('123400', '0A', '1', '850', '100', '1')], '0AK1', '1');
SELECT pg_temp.c('081', '4. quarter, all conditions match', 'error', ARRAY[pg_temp.k('123400', '0A', '1', '850', '100', '1')], '0AK4', '4');

-- 085 (Rule085...Test): the investment accounts' expenses
SELECT pg_temp.c('085', 'all conditions match', 'error', ARRAY[pg_temp.k('420400', '0A', '0', '100', '590', '0')]);
SELECT pg_temp.c('085', 'an Oslo district', 'none', ARRAY[pg_temp.k('030101', '0A', '0', '100', '590', '0')]);
SELECT pg_temp.c('085', 'not regional (0Y)', 'none', ARRAY[pg_temp.k('420400', '0Y', '0', '100', '590', '0')]);
SELECT pg_temp.c('085', 'not investment', 'none', ARRAY[pg_temp.k('420400', '0A', '1', '100', '590', '0')]);
SELECT pg_temp.c('085', 'no expense (art 600)', 'error', ARRAY[pg_temp.k('420400', '0A', '0', '100', '600', '0')]);
SELECT pg_temp.c('085', 'belop > 0', 'none', ARRAY[pg_temp.k('420400', '0A', '0', '100', '590', '1')]);
-- 090 (Rule090...Test): the investment accounts' incomes
SELECT pg_temp.c('090', 'all conditions match', 'error', ARRAY[pg_temp.k('420400', '0A', '0', '100', '990', '0')]);
SELECT pg_temp.c('090', 'an Oslo district', 'none', ARRAY[pg_temp.k('030101', '0A', '0', '100', '990', '0')]);
SELECT pg_temp.c('090', 'not regional (0Y)', 'none', ARRAY[pg_temp.k('420400', '0Y', '0', '100', '990', '0')]);
SELECT pg_temp.c('090', 'not investment', 'none', ARRAY[pg_temp.k('420400', '0A', '1', '100', '990', '0')]);
SELECT pg_temp.c('090', 'no income (art 599)', 'error', ARRAY[pg_temp.k('420400', '0A', '0', '100', '599', '-1')]);
SELECT pg_temp.c('090', 'belop < 0', 'none', ARRAY[pg_temp.k('420400', '0A', '0', '100', '990', '-1')]);
-- 095 (Rule095...Test): the investment accounts balance within 30
SELECT pg_temp.c('095', 'all good', 'none', ARRAY[pg_temp.k('030100', '0A', '0', '100', '100', '100'), pg_temp.k('030100', '0A', '0', '100', '710', '-100')]);
SELECT pg_temp.c('095', 'an Oslo district', 'none', ARRAY[pg_temp.k('030101', '0A', '0', '100', '100', '1000'), pg_temp.k('030101', '0A', '0', '100', '710', '-100')]);
SELECT pg_temp.c('095', 'not bevilgning (XX)', 'none', ARRAY[pg_temp.k('030100', 'XX', '0', '100', '100', '1000'), pg_temp.k('030100', 'xx', '0', '100', '710', '-100')]);
SELECT pg_temp.c('095', 'not investment', 'none', ARRAY[pg_temp.k('030100', '0A', '1', '100', '100', '1000'), pg_temp.k('030100', '0A', '1', '100', '710', '-100')]);
SELECT pg_temp.c('095', 'sum -10', 'none', ARRAY[pg_temp.k('030100', '0A', '0', '100', '100', '100'), pg_temp.k('030100', '0A', '0', '100', '710', '-110')]);
SELECT pg_temp.c('095', 'sum 10', 'none', ARRAY[pg_temp.k('030100', '0A', '0', '100', '100', '110'), pg_temp.k('030100', '0A', '0', '100', '710', '-100')]);
SELECT pg_temp.c('095', 'sum -31', 'error', ARRAY[pg_temp.k('030100', '0A', '0', '100', '100', '100'), pg_temp.k('030100', '0A', '0', '100', '710', '-131')]);
SELECT pg_temp.c('095', 'sum 31', 'error', ARRAY[pg_temp.k('030100', '0A', '0', '100', '100', '131'), pg_temp.k('030100', '0A', '0', '100', '710', '-100')]);
-- 100 (Rule100...Test): the operating accounts' expenses; a warning for a quarter
SELECT pg_temp.c('100', 'all conditions match', 'error', ARRAY[pg_temp.k('420400', '0A', '1', '100', '590', '0')]);
SELECT pg_temp.c('100', 'an Oslo district', 'none', ARRAY[pg_temp.k('030114', '0A', '1', '100', '590', '0')]);
SELECT pg_temp.c('100', 'not operating', 'none', ARRAY[pg_temp.k('420400', '0A', '0', '100', '590', '0')]);
SELECT pg_temp.c('100', 'no expense (art 600)', 'error', ARRAY[pg_temp.k('420400', '0A', '1', '100', '600', '0')]);
SELECT pg_temp.c('100', 'belop > 0', 'none', ARRAY[pg_temp.k('420400', '0A', '1', '100', '590', '1')]);
SELECT pg_temp.c('100', 'no expense, a quarter', 'warning', ARRAY[pg_temp.k('420400', '0A', '1', '100', '600', '0')], '0AK1', '1');
-- 105 (Rule105...Test): the operating accounts' incomes
SELECT pg_temp.c('105', 'all conditions match', 'error', ARRAY[pg_temp.k('420400', '0A', '1', '100', '600', '0')]);
SELECT pg_temp.c('105', 'an Oslo district', 'none', ARRAY[pg_temp.k('030114', '0A', '1', '100', '600', '0')]);
SELECT pg_temp.c('105', 'not regional (0I)', 'none', ARRAY[pg_temp.k('420400', '0I', '1', '100', '600', '0')]);
SELECT pg_temp.c('105', 'not operating', 'none', ARRAY[pg_temp.k('420400', '0A', '0', '100', '600', '0')]);
SELECT pg_temp.c('105', 'no income (art 590)', 'error', ARRAY[pg_temp.k('420400', '0A', '1', '100', '590', '0')]);
SELECT pg_temp.c('105', 'belop < 0', 'none', ARRAY[pg_temp.k('420400', '0A', '1', '100', '600', '-1')]);
SELECT pg_temp.c('105', 'no income, a quarter', 'warning', ARRAY[pg_temp.k('420400', '0A', '1', '100', '590', '0')], '0AK1', '1');
-- 110 (Rule110...Test): the operating accounts balance within 30
SELECT pg_temp.c('110', 'difference -31', 'error', ARRAY[pg_temp.k('420400', '0A', '1', '100', '590', '1'), pg_temp.k('420400', '0A', '1', '100', '600', '-32')]);
SELECT pg_temp.c('110', 'difference 31', 'error', ARRAY[pg_temp.k('420400', '0A', '1', '100', '590', '32'), pg_temp.k('420400', '0A', '1', '100', '600', '-1')]);
SELECT pg_temp.c('110', 'an Oslo district', 'none', ARRAY[pg_temp.k('030102', '0A', '1', '100', '590', '1'), pg_temp.k('030102', '0A', '1', '100', '600', '-32')]);
SELECT pg_temp.c('110', 'not operating', 'none', ARRAY[pg_temp.k('420400', '0A', '0', '100', '590', '1'), pg_temp.k('420400', '0A', '0', '100', '600', '-32')]);
SELECT pg_temp.c('110', 'expenses < 0', 'error', ARRAY[pg_temp.k('420400', '0A', '1', '100', '590', '-1'), pg_temp.k('420400', '0A', '1', '100', '600', '-1')]);
SELECT pg_temp.c('110', 'incomes > 0', 'error', ARRAY[pg_temp.k('420400', '0A', '1', '100', '590', '1'), pg_temp.k('420400', '0A', '1', '100', '600', '1')]);
SELECT pg_temp.c('110', 'within range, lower bound', 'none', ARRAY[pg_temp.k('420400', '0A', '1', '100', '590', '1'), pg_temp.k('420400', '0A', '1', '100', '600', '-31')]);
SELECT pg_temp.c('110', 'within range, upper bound', 'none', ARRAY[pg_temp.k('420400', '0A', '1', '100', '590', '31'), pg_temp.k('420400', '0A', '1', '100', '600', '-1')]);
-- 115, 120, 125 (Rule115/120/125...Test): assets, liabilities and their difference in a balance
SELECT pg_temp.c('115', 'all conditions match', 'error', ARRAY[pg_temp.k('420400', '0B', '2', '10', '000', '0')], '0B');
SELECT pg_temp.c('115', 'not a balance', 'none', ARRAY[pg_temp.k('420400', '0A', '2', '10', '000', '0')], '0B');
SELECT pg_temp.c('115', 'not assets (kapittel 30)', 'none', ARRAY[pg_temp.k('420400', '0B', '2', '30', '000', '0')], '0B');
SELECT pg_temp.c('115', '0 < belop', 'none', ARRAY[pg_temp.k('420400', '0B', '2', '10', '000', '1')], '0B');
SELECT pg_temp.c('120', 'all conditions match', 'error', ARRAY[pg_temp.k('420400', '0B', '2', '31', '000', '0')], '0B');
SELECT pg_temp.c('120', 'not a balance', 'none', ARRAY[pg_temp.k('420400', '0A', '2', '31', '000', '0')], '0B');
SELECT pg_temp.c('120', 'not liabilities (kapittel 10)', 'none', ARRAY[pg_temp.k('420400', '0B', '2', '10', '000', '0')], '0B');
SELECT pg_temp.c('120', 'belop < 0', 'none', ARRAY[pg_temp.k('420400', '0B', '2', '31', '000', '-1')], '0B');
SELECT pg_temp.c('125', 'aktiva + passiva negative', 'error', ARRAY[pg_temp.k('123400', '0B', '2', '10', '000', '10'), pg_temp.k('123400', '0B', '2', '31', '000', '-21'), pg_temp.k('123400', '0B', '2', '9100', '000', '-1000')], '0B');
SELECT pg_temp.c('125', 'aktiva + passiva positive', 'error', ARRAY[pg_temp.k('123400', '0B', '2', '10', '000', '21'), pg_temp.k('123400', '0B', '2', '31', '000', '-10'), pg_temp.k('123400', '0B', '2', '9100', '000', '-1000')], '0B');
SELECT pg_temp.c('125', 'negative aktiva', 'error', ARRAY[pg_temp.k('123400', '0B', '2', '10', '000', '-1'), pg_temp.k('123400', '0B', '2', '31', '000', '-1'), pg_temp.k('123400', '0B', '2', '9100', '000', '-1000')], '0B');
SELECT pg_temp.c('125', 'positive gjeld', 'error', ARRAY[pg_temp.k('123400', '0B', '2', '10', '000', '1'), pg_temp.k('123400', '0B', '2', '31', '000', '2'), pg_temp.k('123400', '0B', '2', '9100', '000', '-21')], '0B');
SELECT pg_temp.c('125', 'not a balance', 'none', ARRAY[pg_temp.k('123400', '0A', '2', '10', '000', '10'), pg_temp.k('123400', '0A', '2', '31', '000', '-21'), pg_temp.k('123400', '0A', '2', '9100', '000', '-1000')], '0B');
SELECT pg_temp.c('125', 'within limit, lower', 'none', ARRAY[pg_temp.k('123400', '0B', '2', '10', '000', '1'), pg_temp.k('123400', '0B', '2', '31', '000', '-11'), pg_temp.k('123400', '0B', '2', '9100', '000', '-1000')], '0B');
SELECT pg_temp.c('125', 'within limit, upper', 'none', ARRAY[pg_temp.k('123400', '0B', '2', '10', '000', '11'), pg_temp.k('123400', '0B', '2', '31', '000', '-1'), pg_temp.k('123400', '0B', '2', '9100', '000', '-1000')], '0B');
-- 126, 127 (Rule126/127...Test): Oslo's internal arts 298 and 798 in a district
INSERT INTO cases (rule, description, recs, expected)
SELECT t.rule, format('%s (%s)', d.description, CASE t.rule WHEN '126' THEN 'operating' ELSE 'investment' END),
       ARRAY[pg_temp.k(d.region, d.skjema, CASE WHEN d.other_class THEN t.other ELSE t.kk END, '100', d.a1, d.b1),
             pg_temp.k(d.region, d.skjema, CASE WHEN d.other_class THEN t.other ELSE t.kk END, '100', d.a2, d.b2)],
       d.expected
FROM (VALUES ('126', '1', '0'), ('127', '0', '1')) t(rule, kk, other),
     (VALUES (1, 'all good', '030101', '0A', false, '298', '100', '798', '-100', 'none'),
             (2, 'not Oslo', 'XXXXXX', '0A', false, '298', '100', '798', '-100', 'none'),
             (3, 'skjema XX', '030101', 'XX', false, '298', '100', '798', '-100', 'none'),
             (4, 'the other kontoklasse', '030101', '0A', true, '298', '100', '798', '-100', 'none'),
             (5, 'arts not 298 or 798', '030101', '0A', false, '100', '100', '100', '-100', 'none'),
             (6, 'sum -10', '030101', '0A', false, '298', '100', '798', '-110', 'none'),
             (7, 'sum 10', '030101', '0A', false, '298', '110', '798', '-100', 'none'),
             (8, 'sum -11', '030101', '0A', false, '298', '100', '798', '-111', 'warning'),
             (9, 'sum 11', '030101', '0A', false, '298', '111', '798', '-100', 'warning'))
         d(n, description, region, skjema, other_class, a1, b1, a2, b2, expected)
ORDER BY t.rule, d.n;
-- 130, 135 (Rule130/135...Test): taxes and block grants; a warning for a quarter
SELECT pg_temp.c('130', 'all conditions match', 'error', ARRAY[pg_temp.k('420400', '0A', '1', '800', '870', '0')]);
SELECT pg_temp.c('130', 'an Oslo district', 'none', ARRAY[pg_temp.k('030114', '0A', '1', '800', '870', '0')]);
SELECT pg_temp.c('130', 'Longyearbyen', 'none', ARRAY[pg_temp.k('211100', '0A', '1', '800', '870', '0')]);
SELECT pg_temp.c('130', 'not regional (0I)', 'none', ARRAY[pg_temp.k('420400', '0I', '1', '800', '870', '0')]);
SELECT pg_temp.c('130', 'not operating', 'none', ARRAY[pg_temp.k('420400', '0A', '0', '800', '870', '0')]);
SELECT pg_temp.c('130', 'belop < 0', 'none', ARRAY[pg_temp.k('420400', '0A', '1', '800', '870', '-1')]);
SELECT pg_temp.c('130', 'belop 0, a quarter', 'warning', ARRAY[pg_temp.k('420400', '0A', '1', '800', '870', '0')], '0AK1', '1');
SELECT pg_temp.c('135', 'all conditions match', 'error', ARRAY[pg_temp.k('420400', '0A', '1', '840', '800', '0')]);
SELECT pg_temp.c('135', 'an Oslo district', 'none', ARRAY[pg_temp.k('030114', '0A', '1', '840', '800', '0')]);
SELECT pg_temp.c('135', 'Longyearbyen', 'none', ARRAY[pg_temp.k('211100', '0A', '1', '840', '800', '0')]);
SELECT pg_temp.c('135', 'Frøya, the program''s exception', 'none', ARRAY[pg_temp.k('501400', '0A', '1', '840', '800', '0')]);
SELECT pg_temp.c('135', 'not regional (0I)', 'none', ARRAY[pg_temp.k('420400', '0I', '1', '840', '800', '0')]);
SELECT pg_temp.c('135', 'not operating', 'none', ARRAY[pg_temp.k('420400', '0A', '0', '840', '800', '0')]);
SELECT pg_temp.c('135', 'isInntekt = false (the same record)', 'error', ARRAY[pg_temp.k('420400', '0A', '1', '840', '800', '0')]);
SELECT pg_temp.c('135', 'belop < 0', 'none', ARRAY[pg_temp.k('420400', '0A', '1', '840', '800', '-1')]);
SELECT pg_temp.c('135', 'belop 0, a quarter', 'warning', ARRAY[pg_temp.k('420400', '0A', '1', '840', '800', '0')], '0AK1', '1');
-- 140 (Rule140...Test): transfers between operating (570) and investment (970)
SELECT pg_temp.c('140', 'all good', 'none', ARRAY[pg_temp.k('420400', '0A', '1', '100', '570', '100'), pg_temp.k('420400', '0A', '0', '100', '970', '-100')]);
SELECT pg_temp.c('140', 'an Oslo district', 'none', ARRAY[pg_temp.k('030101', '0A', '1', '100', '570', '100'), pg_temp.k('030101', '0A', '0', '100', '970', '-100')]);
SELECT pg_temp.c('140', 'not bevilgning (XX)', 'none', ARRAY[pg_temp.k('420400', 'XX', '1', '100', '570', '100'), pg_temp.k('420400', 'XX', '0', '100', '970', '-100')]);
SELECT pg_temp.c('140', 'arts not 570 or 970', 'none', ARRAY[pg_temp.k('420400', '0A', '1', '100', '100', '100'), pg_temp.k('420400', '0A', '0', '100', '100', '-100')]);
SELECT pg_temp.c('140', 'sum 30 (the test''s "-30")', 'none', ARRAY[pg_temp.k('420400', '0A', '1', '100', '570', '130'), pg_temp.k('420400', '0A', '0', '100', '970', '-100')]);
SELECT pg_temp.c('140', 'sum 30', 'none', ARRAY[pg_temp.k('420400', '0A', '1', '100', '570', '130'), pg_temp.k('420400', '0A', '0', '100', '970', '-100')]);
SELECT pg_temp.c('140', 'sum -31', 'error', ARRAY[pg_temp.k('420400', '0A', '1', '100', '570', '100'), pg_temp.k('420400', '0A', '0', '100', '970', '-131')]);
SELECT pg_temp.c('140', 'sum 31', 'error', ARRAY[pg_temp.k('420400', '0A', '1', '100', '570', '131'), pg_temp.k('420400', '0A', '0', '100', '970', '-100')]);
-- 145, 150, 155, 160, 165 (Rule145...Test to Rule165...Test): depreciation and its counter-entry
SELECT pg_temp.c('145', 'all conditions match, 0A', 'error', ARRAY[pg_temp.k('420400', '0A', '1', '860', '990', '0')]);
SELECT pg_temp.c('145', 'all conditions match, 0K', 'info', ARRAY[pg_temp.k('420400', '0K', '3', '860', '990', '0')]);
SELECT pg_temp.c('145', 'an Oslo district', 'none', ARRAY[pg_temp.k('030101', '0A', '1', '860', '990', '0')]);
SELECT pg_temp.c('145', 'not operating', 'none', ARRAY[pg_temp.k('420400', '0A', '0', '860', '990', '0')]);
SELECT pg_temp.c('145', 'funksjon 861', 'none', ARRAY[pg_temp.k('420400', '0A', '1', '861', '990', '0')]);
SELECT pg_temp.c('145', 'art 991', 'none', ARRAY[pg_temp.k('420400', '0A', '1', '860', '991', '0')]);
SELECT pg_temp.c('145', 'belop 1', 'none', ARRAY[pg_temp.k('420400', '0A', '1', '860', '990', '1')]);
SELECT pg_temp.c('150', 'funksjon 100, art 590, 0', 'error', ARRAY[pg_temp.k('420400', '0A', '1', '100', '590', '0')]);
SELECT pg_temp.c('150', 'funksjon 799, art 590, 0', 'error', ARRAY[pg_temp.k('420400', '0A', '1', '799', '590', '0')]);
SELECT pg_temp.c('150', '0I, funksjon 799', 'info', ARRAY[pg_temp.k('420400', '0I', '3', '799', '590', '0')]);
SELECT pg_temp.c('150', 'an Oslo district', 'none', ARRAY[pg_temp.k('030101', '0A', '1', '100', '590', '0')]);
SELECT pg_temp.c('150', 'not operating', 'none', ARRAY[pg_temp.k('420400', '0A', '0', '100', '590', '0')]);
SELECT pg_temp.c('150', 'funksjon 099', 'none', ARRAY[pg_temp.k('420400', '0A', '1', '099', '590', '0')]);
SELECT pg_temp.c('150', 'funksjon 800', 'none', ARRAY[pg_temp.k('420400', '0A', '1', '800', '590', '0')]);
SELECT pg_temp.c('150', 'art 591', 'none', ARRAY[pg_temp.k('420400', '0A', '1', '100', '591', '0')]);
SELECT pg_temp.c('150', 'belop 1', 'none', ARRAY[pg_temp.k('420400', '0A', '1', '100', '590', '1')]);
SELECT pg_temp.c('155', 'difference -31', 'error', ARRAY[pg_temp.k('420400', '0A', '1', '100', '590', '1'), pg_temp.k('420400', '0A', '1', '860', '990', '-32')]);
SELECT pg_temp.c('155', 'difference 31', 'error', ARRAY[pg_temp.k('420400', '0A', '1', '100', '590', '32'), pg_temp.k('420400', '0A', '1', '860', '990', '-1')]);
SELECT pg_temp.c('155', 'an Oslo district', 'none', ARRAY[pg_temp.k('030101', '0A', '1', '100', '590', '1'), pg_temp.k('030101', '0A', '1', '860', '990', '-32')]);
SELECT pg_temp.c('155', 'not operating', 'none', ARRAY[pg_temp.k('420400', '0A', '0', '100', '590', '1'), pg_temp.k('420400', '0A', '0', '860', '990', '-32')]);
SELECT pg_temp.c('155', 'funksjon 99', 'none', ARRAY[pg_temp.k('420400', '0A', '1', '99', '590', '1'), pg_temp.k('420400', '0A', '1', '860', '990', '-30')]);
SELECT pg_temp.c('155', 'art 591', 'none', ARRAY[pg_temp.k('420400', '0A', '1', '100', '591', '1'), pg_temp.k('420400', '0A', '1', '860', '990', '-30')]);
SELECT pg_temp.c('155', 'funksjon 861', 'none', ARRAY[pg_temp.k('420400', '0A', '1', '100', '590', '1'), pg_temp.k('420400', '0A', '1', '861', '990', '-30')]);
SELECT pg_temp.c('155', 'art 991', 'none', ARRAY[pg_temp.k('420400', '0A', '1', '100', '590', '1'), pg_temp.k('420400', '0A', '1', '860', '991', '-30')]);
SELECT pg_temp.c('155', 'within margin #1', 'none', ARRAY[pg_temp.k('420400', '0A', '1', '100', '590', '31'), pg_temp.k('420400', '0A', '1', '860', '990', '-1')]);
SELECT pg_temp.c('155', 'within margin #2', 'none', ARRAY[pg_temp.k('420400', '0A', '1', '100', '590', '1'), pg_temp.k('420400', '0A', '1', '860', '990', '-31')]);
SELECT pg_temp.c('160', 'funksjon 800', 'error', ARRAY[pg_temp.k('420400', '0A', '1', '800', '590', '1')]);
SELECT pg_temp.c('160', 'funksjon 899', 'error', ARRAY[pg_temp.k('420400', '0A', '1', '899', '590', '1')]);
SELECT pg_temp.c('160', 'an Oslo district', 'none', ARRAY[pg_temp.k('030101', '0A', '1', '800', '590', '1')]);
SELECT pg_temp.c('160', 'not operating', 'none', ARRAY[pg_temp.k('420400', '0A', '0', '800', '590', '1')]);
SELECT pg_temp.c('160', 'funksjon 799', 'none', ARRAY[pg_temp.k('420400', '0A', '1', '799', '590', '1')]);
SELECT pg_temp.c('160', 'funksjon 900', 'none', ARRAY[pg_temp.k('420400', '0A', '1', '900', '590', '1')]);
SELECT pg_temp.c('160', 'art 591', 'none', ARRAY[pg_temp.k('420400', '0A', '1', '800', '591', '1')]);
SELECT pg_temp.c('160', 'belop 0', 'none', ARRAY[pg_temp.k('420400', '0A', '1', '800', '590', '0')]);
SELECT pg_temp.c('165', 'all conditions match', 'error', ARRAY[pg_temp.k('420400', '0A', '1', '100', '990', '1')]);
SELECT pg_temp.c('165', 'an Oslo district', 'none', ARRAY[pg_temp.k('030101', '0A', '1', '100', '990', '1')]);
SELECT pg_temp.c('165', 'not operating', 'none', ARRAY[pg_temp.k('420400', '0A', '0', '100', '990', '1')]);
SELECT pg_temp.c('165', 'funksjon 860', 'none', ARRAY[pg_temp.k('420400', '0A', '1', '860', '990', '1')]);
SELECT pg_temp.c('165', 'art 991', 'none', ARRAY[pg_temp.k('420400', '0A', '1', '100', '991', '1')]);
SELECT pg_temp.c('165', 'belop 0', 'none', ARRAY[pg_temp.k('420400', '0A', '1', '100', '990', '0')]);
SELECT pg_temp.c('165', 'two records summing to 0', 'none', ARRAY[pg_temp.k('420400', '0A', '1', '100', '990', '-1'), pg_temp.k('420400', '0A', '1', '100', '990', '1')]);
SELECT pg_temp.c('165', 'two records summing to -1', 'error', ARRAY[pg_temp.k('420400', '0A', '1', '100', '990', '-2'), pg_temp.k('420400', '0A', '1', '100', '990', '1')]);
SELECT pg_temp.c('165', 'two records summing to 1', 'error', ARRAY[pg_temp.k('420400', '0A', '1', '100', '990', '-1'), pg_temp.k('420400', '0A', '1', '100', '990', '2')]);
-- 170, 175, 180, 185 (Rule170...Test to Rule185...Test): functions 290 and 465 sum to 0
SELECT pg_temp.c('170', 'sum 31', 'error', ARRAY[pg_temp.k('420400', '0A', '0', '290', '010', '31')]);
SELECT pg_temp.c('170', 'sum -31', 'error', ARRAY[pg_temp.k('420400', '0A', '0', '290', '010', '-31')]);
SELECT pg_temp.c('170', 'an Oslo district', 'none', ARRAY[pg_temp.k('030101', '0A', '0', '290', '010', '31')]);
SELECT pg_temp.c('170', 'not a municipality (0X)', 'none', ARRAY[pg_temp.k('420400', '0X', '0', '290', '010', '31')]);
SELECT pg_temp.c('170', 'not investment', 'none', ARRAY[pg_temp.k('420400', '0A', '1', '290', '010', '31')]);
SELECT pg_temp.c('170', 'funksjon 291', 'none', ARRAY[pg_temp.k('420400', '0A', '0', '291', '010', '31')]);
SELECT pg_temp.c('170', 'sum 30', 'none', ARRAY[pg_temp.k('420400', '0A', '0', '290', '010', '30')]);
SELECT pg_temp.c('170', 'sum -30', 'none', ARRAY[pg_temp.k('420400', '0A', '0', '290', '010', '-30')]);
INSERT INTO cases (rule, description, recs, expected)
SELECT t.rule, d.description,
       ARRAY[pg_temp.k('420400', CASE WHEN d.other_skjema THEN t.other_skjema ELSE t.skjema END,
                       CASE WHEN d.other_class THEN t.other_kk ELSE t.kk END, d.f, '010', d.belop)], d.expected
FROM (VALUES ('175', '0A', '0C', '1', '0', '290'), ('180', '0C', '0A', '0', '1', '465'), ('185', '0C', '0A', '1', '0', '465'))
         t(rule, skjema, other_skjema, kk, other_kk, fn),
     LATERAL (VALUES (1, 'all good', false, false, t.fn, '0', 'none'),
                     (2, 'the other kind of authority', true, false, t.fn, '100', 'none'),
                     (3, 'the other kontoklasse', false, true, t.fn, '100', 'none'),
                     (4, 'funksjon 100', false, false, '100', '100', 'none'),
                     (5, 'sum -30', false, false, t.fn, '-30', 'none'),
                     (6, 'sum 30', false, false, t.fn, '30', 'none'),
                     (7, 'sum -31', false, false, t.fn, '-31', 'error'),
                     (8, 'sum 31', false, false, t.fn, '31', 'error'))
         d(n, description, other_skjema, other_class, f, belop, expected)
ORDER BY t.rule, d.n;
SELECT pg_temp.c('175', 'an Oslo district', 'none', ARRAY[pg_temp.k('030101', '0A', '1', '290', '010', '100')]);
-- 190 (Rule190...Test): memorandum accounts and their counter-account
SELECT pg_temp.c('190', 'difference -31', 'error', ARRAY[pg_temp.k('123400', '0B', '2', '10', '000', '1000'), pg_temp.k('123400', '0B', '2', '31', '000', '1000'),
                                                        pg_temp.k('123400', '0B', '2', '9100', '000', '100'), pg_temp.k('123400', '0B', '2', '9999', '990', '-131')], '0B');
SELECT pg_temp.c('190', 'difference 31', 'error', ARRAY[pg_temp.k('123400', '0B', '2', '10', '000', '1000'), pg_temp.k('123400', '0B', '2', '31', '000', '1000'),
                                                       pg_temp.k('123400', '0B', '2', '9100', '000', '-100'), pg_temp.k('123400', '0B', '2', '9999', '990', '131')], '0B');
SELECT pg_temp.c('190', 'not a balance', 'none', ARRAY[pg_temp.k('123400', '0A', '2', '10', '000', '1000'), pg_temp.k('123400', '0A', '2', '31', '000', '1000'),
                                                      pg_temp.k('123400', '0A', '2', '9100', '000', '100'), pg_temp.k('123400', '0A', '2', '9999', '990', '-1000')], '0B');
-- the test's kapittel 10000 does not fit the file's four positions: its first four are written
SELECT pg_temp.c('190', 'kapittel 9099 and 1000', 'none', ARRAY[pg_temp.k('123400', '0B', '2', '10', '000', '1000'), pg_temp.k('123400', '0B', '2', '31', '000', '1000'),
                                                               pg_temp.k('123400', '0B', '2', '9099', '000', '100'), pg_temp.k('123400', '0B', '2', '1000', '990', '-10')], '0B');
SELECT pg_temp.c('190', 'kapittel 1000 and 9099', 'none', ARRAY[pg_temp.k('123400', '0B', '2', '10', '000', '1000'), pg_temp.k('123400', '0B', '2', '31', '000', '1000'),
                                                               pg_temp.k('123400', '0B', '2', '1000', '000', '100'), pg_temp.k('123400', '0B', '2', '9099', '990', '-10')], '0B');
SELECT pg_temp.c('190', 'difference 10', 'none', ARRAY[pg_temp.k('123400', '0B', '2', '10', '000', '1000'), pg_temp.k('123400', '0B', '2', '31', '000', '1000'),
                                                      pg_temp.k('123400', '0B', '2', '9100', '000', '110'), pg_temp.k('123400', '0B', '2', '9999', '990', '-100')], '0B');
SELECT pg_temp.c('190', 'difference -10', 'none', ARRAY[pg_temp.k('123400', '0B', '2', '10', '000', '1000'), pg_temp.k('123400', '0B', '2', '31', '000', '1000'),
                                                       pg_temp.k('123400', '0B', '2', '9100', '000', '-110'), pg_temp.k('123400', '0B', '2', '9999', '990', '100')], '0B');

SELECT plan((SELECT count(*)::integer FROM cases) + 14);

SELECT is(pg_temp.v(rule, recs, skjema, kvartal, orgnr), expected, format('%s: %s', rule, description))
FROM cases ORDER BY n;

-- the messages, as the program words them
CREATE FUNCTION pg_temp.m(rule_no text, recs text[], skjema text DEFAULT '0A') RETURNS text LANGUAGE sql AS $$
    SELECT string_agg(c.message, ' | ')
    FROM styring.kostra_file_check(array_to_string(recs, E'\n') || E'\n', skjema, 2023, '1234', '123456789') c
    WHERE c.rule LIKE 'Kontroll ' || rule_no || ' :%'
$$;
SELECT alike(pg_temp.m('010', ARRAY[pg_temp.k('123400', '0A', '1', '999', '010', '1')]),
             'Fant ugyldig funksjon ''999 ''. Korrigér funksjon til en av ''100 , 110 , 120 , %, 899 ''',
             '010: the message lists the functions as the program pads them');
SELECT is(pg_temp.m('035', ARRAY[pg_temp.k('123400', '0A', '1', '100', '520', '1')]),
          'Art (520) er kun gyldig i driftsregnskapet mot funksjonene 281,  325 og 701. Artene 520 Utlån og 920 Mottatte avdrag på utlån er kun gyldig i driftsregnskapet '
          'for funksjonene 281 Mottatte avdrag på sosiale utlån, 325 Næringsutlån og 701 Tilrettelegging, støttefunksjoner og finansieringsbistand for næringslivet, '
          'som har blitt finansiert av driftsinntekter. Fant art (520), funksjon (100).', '035: the program''s message');
SELECT is(pg_temp.m('110', ARRAY[pg_temp.k('420400', '0A', '1', '100', '590', '1'), pg_temp.k('420400', '0A', '1', '100', '600', '-32')]),
          'Korrigér differansen (-31) mellom inntekter (-32) og utgifter (1) i driftsregnskapet (margin på +/- 30'')', '110: the program''s message');
SELECT is(pg_temp.m('160', ARRAY[pg_temp.k('420400', '0A', '1', '800', '590', '1'), pg_temp.k('420400', '0A', '1', '850', '590', '2')]),
          'Korrigér i fila slik at avskrivningene (3) føres på tjenestefunksjon og ikke på funksjonene ([800, 850])', '160: the functions, as the program lists them');
SELECT is(pg_temp.m('165', ARRAY[pg_temp.k('420400', '0A', '1', '100', '990', '1'), pg_temp.k('420400', '0A', '1', '200', '990', '1', ' '),
                                 pg_temp.k('420400', '0A', '1', '100', '990', '2')]),
          'Korrigér i fila slik at motpost avskrivninger (4) kun er ført på funksjon 860, art 990 og ikke på funksjonene ([100, 200])', '165: each function once, in the order met');
SELECT is(pg_temp.m('126', ARRAY[pg_temp.k('030101', '0A', '1', '100', '298', '100'), pg_temp.k('030101', '0A', '1', '100', '798', '-111')]),
          'Korrigér differansen (-11) mellom sum over alle funksjoner for art 298 (100) og sum over alle funksjoner for art 798 (-111) i driftsregnskapet.',
          '126: the program''s message');
SELECT is(pg_temp.m('190', ARRAY[pg_temp.k('123400', '0B', '2', '9100', '000', '100'), pg_temp.k('123400', '0B', '2', '9999', '990', '-131')], '0B'),
          'Korrigér i fila slik at differansen (-31) mellom memoriakontiene (100) og motkonto for memoriakontiene (-131) går i 0. (margin på +/- 10'')',
          '190: the program''s message');
SELECT is((SELECT array_agg(DISTINCT cardinality(c.lines)) FROM styring.kostra_file_check(pg_temp.k('420400', '0A', '1', '100', '600', '0') || E'\n', '0A', 2023, '4204') c
           WHERE c.rule ~ '^Kontroll 1'), ARRAY[0], 'a control on the file''s sums names no line');
-- the whole file: a small, complete municipal account passes every control; '0' amounts are left out
SELECT is((SELECT count(*) FROM styring.kostra_file_check(
               pg_temp.k('420400', '0A', '1', '100', '010', '100') || E'\n' || pg_temp.k('420400', '0A', '1', '800', '870', '-60') || E'\n'
               || pg_temp.k('420400', '0A', '1', '840', '800', '-40') || E'\n', '0A', 2023, '4204')), 0::bigint,
          'a complete operating account (expenses, taxes, block grant) passes every control');
SELECT is((SELECT count(*) FROM styring.kostra_file_check(
               pg_temp.k('420400', '0A', '1', '100', '010', '100') || E'\n' || pg_temp.k('420400', '0A', '1', '800', '870', '-60') || E'\n'
               || pg_temp.k('420400', '0A', '1', '840', '800', '-40') || E'\n' || overlay(pg_temp.k('420400', '0A', '1', '100', '010', '1') PLACING lpad('0', 9) FROM 40) || E'\n',
               '0A', 2023, '4204')), 0::bigint,
          'a record of amount 0 is left out, as the program leaves it (no duplicate of 100/010 reported)');
-- the code lists
SELECT ok('800 ' = ANY (styring.kostra_codes('funksjon', '0A')) AND NOT '465 ' = ANY (styring.kostra_codes('funksjon', '0A'))
          AND '465 ' = ANY (styring.kostra_codes('funksjon', '0A', '030101')) AND '691 ' = ANY (styring.kostra_codes('funksjon', '0A', '030101')),
          'kostra_codes: a municipality''s functions; an Oslo district also has the county''s and its own (691)');
SELECT is(ARRAY[cardinality(styring.kostra_codes('art', '0AK1')), cardinality(styring.kostra_codes('art', '0A')),
                cardinality(styring.kostra_codes('ugyldig_drift_art', '0I', '1234', '958935420')), cardinality(styring.kostra_codes('ugyldig_drift_art', '0I'))],
          ARRAY[0, 116, 12, 13], 'kostra_codes: no art list for a quarter (as the program has it), 116 arts for 0A, 921 off the list for the special organisations');
SELECT is((styring.kostra_codes('kapittel', '0BK1'))[1:3], ARRAY['    ', '10  ', '11  '], 'kostra_codes: a quarterly balance accepts a blank kapittel, codes padded to 4');
SELECT throws_ok($$SELECT styring.kostra_codes('colours', '0A')$$, '22023', NULL, 'kostra_codes: an unknown list is refused (22023)');

SELECT * FROM finish();
ROLLBACK;
