-- Every constant a plan prints must parse: postgres_fdw and Citus send plans'
-- clauses to other servers as text. For every comparison operator on a
-- styring type (those an index can use among them), a query is planned with
-- index scans preferred, EXPLAIN VERBOSE prints it, and every 'literal'::type
-- in it goes back through the type's input function to the same text.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS styring;
SELECT plan(6);

CREATE TABLE plan_data (t styring.target, g styring.goalpath, u styring.eval_usage);
INSERT INTO plan_data
SELECT ('>= ' || 1 + i % 97 || ' by ' || (2020 + i % 11))::styring.target,
       ('visjon.omr_' || i % 7 || '.mål_' || i % 31 || '.tiltak_' || i)::styring.goalpath,
       (ARRAY['{}', '{action_plan}', '{other,budget_process}', '{political_decision}'])[1 + i % 4]::styring.eval_usage
FROM generate_series(1, 3000) i;
CREATE INDEX ON plan_data (t);
CREATE INDEX ON plan_data (g);
CREATE INDEX ON plan_data (u);
CREATE INDEX ON plan_data USING hash (g);
ANALYZE plan_data;
SET LOCAL enable_seqscan = off;

CREATE TEMP TABLE sample (type regtype PRIMARY KEY, col text, literal text);
INSERT INTO sample VALUES
    ('styring.target', 't', '>= 50 by 2025'),
    ('styring.goalpath', 'g', 'visjon.omr_3'),
    ('styring.eval_usage', 'u', '{action_plan}');

-- The operators: every comparison of two values of a styring type (those in
-- its operator families, those with planner support, and any other).
CREATE TEMP TABLE op AS
SELECT o.oid::regoperator AS op, o.oprname, s.col, s.literal, s.type,
       EXISTS (SELECT FROM pg_amop a WHERE a.amopopr = o.oid) OR p.prosupport <> 0 AS indexable
FROM pg_operator o
JOIN pg_proc p ON p.oid = o.oprcode
JOIN sample s ON s.type = o.oprleft AND o.oprright = o.oprleft
WHERE o.oprresult = 'boolean'::regtype;

CREATE TEMP TABLE printed (op regoperator, plan text);
DO $$
DECLARE r record; line text; plan text;
BEGIN
    FOR r IN SELECT * FROM op LOOP
        plan := '';
        FOR line IN EXECUTE format('EXPLAIN (VERBOSE, COSTS OFF) SELECT count(*) FROM plan_data WHERE %I OPERATOR(styring.%s) %L::%s',
                                   r.col, r.oprname, r.literal, r.type) LOOP
            plan := plan || line || E'\n';
        END LOOP;
        INSERT INTO printed VALUES (r.op, plan);
    END LOOP;
END $$;

-- Each 'literal'::type in each plan, read back.
CREATE TEMP TABLE constant AS
SELECT p.op, m[1] AS literal, m[2] AS type
FROM printed p, regexp_matches(p.plan, $re$'((?:[^']|'')*)'::([a-z_."]+(?:\.[a-z_"]+)?)$re$, 'g') m;
CREATE FUNCTION pg_temp.reads_back(literal text, type text) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE v text;
BEGIN
    EXECUTE format('SELECT (%L::%s)::text', replace(literal, '''''', ''''), type) INTO v;
    RETURN v = replace(literal, '''''', '''');
EXCEPTION WHEN OTHERS THEN
    RETURN false;
END $$;

SELECT cmp_ok((SELECT count(*) FROM op WHERE indexable), '>=', 17::bigint,
              'the index-backed operators of target, goalpath and eval_usage are found');
SELECT ok((SELECT bool_and(plan ~ 'Index') FROM printed p JOIN op USING (op)
           WHERE op.oprname IN ('<@', '@>') AND op.type = 'styring.goalpath'::regtype),
          'goalpath <@ and @> are planned as index scans');
SELECT ok((SELECT bool_and(plan ~ 'Index Cond: \(\(plan_data\.g OPERATOR\(styring\.>=\) .*\) AND \(plan_data\.g OPERATOR\(styring\.<\) styring\.goalpath_subtree_end\(') FROM printed p JOIN op USING (op)
           WHERE op.oprname = '<@' AND op.type = 'styring.goalpath'::regtype),
          'the subtree range reaches the index as two conditions');
SELECT cmp_ok((SELECT count(*) FROM constant), '>=', (SELECT count(*) FROM op),
              'every plan prints at least its constant');
SELECT is_empty($$SELECT op, literal, type FROM constant WHERE NOT pg_temp.reads_back(literal, type)$$,
                'every constant printed in a plan reads back through its input function, unchanged');
SELECT is_empty($$SELECT op, plan FROM printed WHERE plan ~ '[\x01-\x08\x0b\x0c\x0e-\x1f]'$$,
                'no plan prints a control byte');

SELECT * FROM finish();
ROLLBACK;
