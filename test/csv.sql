-- styring.csv_rows: another delimiter than the comma, and a document whose
-- last CRLF lost its LF (psql's backticks cut a final newline). The rest of
-- the reader is tested through the loaders, fuzz/csv_text.c and
-- test/scripts/csv_limits.sh.
\set QUIET on
\set ON_ERROR_STOP 1
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS styring;
SELECT plan(11);

SELECT is(array_agg(f::text ORDER BY o), ARRAY['{a,b}', '{x;y,2}', '{"",""}'], 'csv_rows(doc, '';''): fields by ;, a quoted ; stays in its field')
FROM styring.csv_rows(E'a;b\n"x;y";2\n;\n', ';') WITH ORDINALITY c(f, o);
SELECT is((SELECT f FROM styring.csv_rows(E'a;b,c\n', ',') f), ARRAY['a;b', 'c'], 'and with , a ; is text');
SELECT is((SELECT array_agg(f::text) FROM styring.csv_rows(E'a\tb\n1\t2', E'\t') f), ARRAY['{a,b}', '{1,2}'], 'a tab works too');
SELECT throws_ok($$SELECT * FROM styring.csv_rows('a', '')$$, '22023', 'invalid CSV delimiter ""', 'an empty delimiter is refused');
SELECT throws_ok($$SELECT * FROM styring.csv_rows('a', ';;')$$, '22023', 'invalid CSV delimiter ";;"', 'as are two characters');
SELECT throws_ok($$SELECT * FROM styring.csv_rows('a', '"')$$, '22023', NULL, 'a double quote');
SELECT throws_ok($$SELECT * FROM styring.csv_rows('a', E'\n')$$, '22023', NULL, 'a line feed');
SELECT throws_ok($$SELECT * FROM styring.csv_rows('a', 'ø')$$, '22023', NULL, 'and a character of more than one byte');

-- a final CR without its LF ends the last record, quoted or not
SELECT is((SELECT array_agg(f::text) FROM styring.csv_rows(E'a,b\r\n1,"2"\r') f), ARRAY['{a,b}', '{1,2}'],
          'a document ending in CR after a quoted field');
SELECT is((SELECT array_agg(f::text) FROM styring.csv_rows(E'a,b\r\n1,2\r') f), ARRAY['{a,b}', '{1,2}'],
          'and after an unquoted one (the CR is not part of the field)');
SELECT is((SELECT array_agg(f::text) FROM styring.csv_rows(E'a,b\rc\n') f), ARRAY[E'{a,"b\rc"}'],
          'a CR inside a record stays text, as before');

SELECT * FROM finish();
ROLLBACK;
