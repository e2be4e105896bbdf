-- A reporting role, as BI accounts are set up: SELECT on one table and
-- nothing else. It calls every user-facing function and aggregate of styring
-- and every cast, each with arguments made from its parameter types.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS styring;

CREATE ROLE styring_report NOLOGIN NOSUPERUSER NOINHERIT;
CREATE TABLE report_data (t styring.target, g styring.goalpath, a float8);
INSERT INTO report_data VALUES ('>= 90 by 2020 from 72 in 2015', 'bolig_for_velferd.barnefamilier', 82.8);
GRANT SELECT ON report_data TO styring_report;

-- the user-facing functions and aggregates: not a type's I/O, an operator's
-- implementation, index or planner support or an aggregate's helper
CREATE TEMP VIEW callable AS
SELECT p.oid, p.proname, p.prokind, p.proargtypes::regtype[] AS argtypes
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'styring'
WHERE p.oid NOT IN (SELECT unnest(ARRAY[typinput, typoutput, typreceive, typsend]) FROM pg_type)
  AND p.oid NOT IN (SELECT amproc FROM pg_amproc)
  AND p.oid NOT IN (SELECT prosupport FROM pg_proc)
  AND p.oid NOT IN (SELECT unnest(ARRAY[aggtransfn, aggcombinefn, aggfinalfn, aggserialfn, aggdeserialfn]) FROM pg_aggregate)
  AND p.provolatile = 'i';   -- the steering model's writers are its owner's, not a reader's

-- an argument of each type; text arguments depend on the function
CREATE TEMP TABLE sample (func name, argtype regtype, value text);
INSERT INTO sample VALUES
    (NULL, 'styring.target', $$'>= 90 by 2020 from 72 in 2015'::styring.target$$),
    (NULL, 'styring.profile', $$'{55.5,61,70.25,80,92}'::styring.profile$$),
    (NULL, 'styring.goalpath', $$'bolig_for_velferd.barnefamilier'::styring.goalpath$$),
    (NULL, 'styring.goalpath[]', $$'{a,a.b}'::styring.goalpath[]$$),
    (NULL, 'styring.eval_usage', $$'{action_plan}'::styring.eval_usage$$),
    (NULL, 'styring.goal_status', $$'at_risk'::styring.goal_status$$),
    (NULL, 'double precision', '0.75'),
    (NULL, 'integer', '2018'),
    (NULL, 'numeric', '12.5'),
    (NULL, 'boolean', 'true'),
    (NULL, 'text[]', $${other}$$),
    ('make_target', 'text', $$'>='$$),
    ('target_from_text', 'text', $$'>= 90'$$),
    ('profile_from_text', 'text', $$'{1,2,3}'$$),
    ('goalpath_from_text', 'text', $$'a.b'$$),
    ('eval_usage_from_text', 'text', $$'{other}'$$),
    ('csv_rows', 'text', $$E'a,b\n1,2\n'$$),
    ('unit_kind', 'text', $$'0301'$$),
    ('kostra_region', 'text', $$'301'$$),
    ('kostra_code', 'text', $$'10'$$),
    ('kostra_kontoklasser', 'text', $$'0A'$$),
    ('kostra_file_rows', 'text', $$'0A2023 123400                  1100 010      100'$$),
    ('doc_excerpt', 'text', $$'0301'$$),
    ('html_text', 'text', $$'<b>Hole & Re</b>'$$),
    ('status_word_no', 'text', $$'at_risk'$$),
    ('jsonstat2_categories', 'text', $$'Region'$$),
    (NULL, 'jsonb', $$'{"index": ["0301"]}'::jsonb$$),
    (NULL, 'bigint', '1'),
    ('ranks', 'text', $$'0301'$$);
UPDATE sample SET value = quote_literal(value) || '::text[]' WHERE argtype = 'text[]'::regtype;

-- whole calls where one sample per type cannot make valid arguments
CREATE TEMP TABLE whole_call (oid regprocedure, query text);
INSERT INTO whole_call VALUES
    ('styring.make_target(text, float8, int, float8, int, float8)', 'SELECT styring.make_target(''>='', 90, 2020, 72, 2015, NULL)'),
    ('styring.subpath(styring.goalpath, int, int)', 'SELECT styring.subpath(''a.b.c'', 1, 1)'),
    ('styring.csv_rows(text, text)', 'SELECT styring.csv_rows(E''a;b\n1;2\n'', '';'')'),
    ('styring.period_end(integer, text)', 'SELECT styring.period_end(2018, ''T2'')'),
    ('styring.ledger_rows(text, text, text)', 'SELECT styring.ledger_rows(''år,periode,kontoklasse,art,beløp'')'),
    ('styring.kostra_codes(text, text, text, text)', 'SELECT styring.kostra_codes(''funksjon'', ''0A'', ''0301'', NULL)'),
    ('styring.kostra_file_check(text, text, integer, text, text, text)',
     'SELECT styring.kostra_file_check(''0A2023 123400                  1100 010      100'', ''0A'', 2023, ''1234'')');

CREATE TEMP VIEW calls AS
SELECT c.oid, c.proname,
       coalesce((SELECT w.query FROM whole_call w WHERE w.oid = c.oid), format('SELECT styring.%I(%s)', c.proname,
              (SELECT string_agg(coalesce(
                   (SELECT s.value FROM sample s WHERE s.argtype = a.t AND s.func = c.proname),
                   (SELECT s.value FROM sample s WHERE s.argtype = a.t AND s.func IS NULL)), ', ' ORDER BY a.n)
               FROM unnest(c.argtypes) WITH ORDINALITY a(t, n)))) AS query
FROM callable c;

CREATE TEMP VIEW cast_calls AS
SELECT format('SELECT CAST(%s AS %s)',
              CASE WHEN c.castsource IN ('text'::regtype, 'varchar'::regtype)
                   THEN quote_literal(CASE c.casttarget
                            WHEN 'styring.target'::regtype THEN '>= 90'
                            WHEN 'styring.profile'::regtype THEN '{1,2}'
                            WHEN 'styring.goalpath'::regtype THEN 'a.b'
                            WHEN 'styring.goal_status'::regtype THEN 'on_track'
                            ELSE '{other}' END) || '::' || c.castsource::regtype
                   ELSE (SELECT s.value FROM sample s WHERE s.argtype = c.castsource AND s.func IS NULL) END,
              c.casttarget::regtype) AS query
FROM pg_cast c
JOIN pg_depend d ON d.classid = 'pg_cast'::regclass AND d.objid = c.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'styring';

SELECT plan(7 + (SELECT count(*)::int FROM calls) + (SELECT count(*)::int FROM cast_calls));

SELECT is((SELECT string_agg(proname, ', ') FROM calls WHERE query IS NULL), NULL,
          'every parameter type of a user-facing function has a sample argument');
SELECT cmp_ok((SELECT count(*)::int FROM calls), '>=', 90, 'calls cover the user-facing functions (90 or more)');
SELECT cmp_ok((SELECT count(*)::int FROM cast_calls), '>=', 12, 'and every cast of the extension');

GRANT SELECT ON calls, cast_calls TO styring_report;
SET LOCAL ROLE styring_report;

SELECT lives_ok(query, 'as a reporting role: ' || query) FROM calls ORDER BY proname, query;
SELECT lives_ok(query, 'as a reporting role: ' || query) FROM cast_calls ORDER BY query;
SELECT is((SELECT styring.attainment(t, a) >= 0.6 - 1e-9 FROM report_data), true,
          'it computes on the table it may read');
SELECT throws_ok('INSERT INTO report_data VALUES (NULL, NULL, 1)', '42501', NULL,
                 'and cannot write to it');
SELECT throws_ok('CREATE TABLE styring.mine (x int)', '42501', NULL,
                 'nor create anything in the schema styring (USAGE is not CREATE)');
SELECT throws_ok($$SELECT styring.create_model('rapport_modell')$$, '42501', NULL,
                 'nor make a steering model (that needs CREATE on the database)');

RESET ROLE;
SELECT * FROM finish();
ROLLBACK;
