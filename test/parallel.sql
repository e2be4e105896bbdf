-- Aggregates under forced parallel plans give the serial results, and agree
-- with the plain-SQL computation of the same definitions.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS styring;
SELECT plan(10);

SELECT setseed(0.7);
CREATE TABLE goals AS
SELECT i % 50 AS grp,
       CASE i % 3 WHEN 0 THEN '>= 90 by 2020 from 72 in 2015'::styring.target
                  WHEN 1 THEN '<= 12 by 2022 from 20 in 2016'
                  ELSE '= 100 ±2 from 80' END AS t,
       CASE WHEN i % 17 = 0 THEN NULL ELSE 60 + random() * 50 - (i % 3) * 40 END AS a,
       CASE WHEN i % 11 = 0 THEN NULL ELSE random() * 10 END AS w,
       2015 + i % 8 AS y
FROM generate_series(1, 300000) i;
ANALYZE goals;


CREATE TEMP TABLE serial AS
SELECT grp, styring.mean_attainment(t, a) AS m, styring.mean_attainment(t, a, w) AS mw,
       styring.status_counts(t, a, y) AS sc
FROM goals GROUP BY grp;

SELECT tap_helpers.force_parallel();

SELECT matches(tap_helpers.plan_of('SELECT styring.mean_attainment(t, a, w), styring.status_counts(t, a, y) FROM goals'),
               'Partial Aggregate', 'the plan aggregates partially in parallel workers');
SELECT matches(tap_helpers.plan_of('SELECT grp, styring.mean_attainment(t, a) FROM goals GROUP BY grp'),
               'Partial (Hash|Group)Aggregate', 'grouped aggregation is partial too');

CREATE TEMP TABLE parallel AS
SELECT grp, styring.mean_attainment(t, a) AS m, styring.mean_attainment(t, a, w) AS mw,
       styring.status_counts(t, a, y) AS sc
FROM goals GROUP BY grp;

-- Compensated sums make the order of partial states matter below 1e-15.
SELECT is((SELECT count(*) FROM serial s JOIN parallel p USING (grp)
           WHERE abs(s.m - p.m) > 1e-14 OR abs(s.mw - p.mw) > 1e-14),
          0::bigint, 'parallel mean_attainment equals the serial one (to 1e-14)');
SELECT is((SELECT count(*) FROM serial s JOIN parallel p USING (grp) WHERE s.sc IS DISTINCT FROM p.sc),
          0::bigint, 'parallel status_counts equals the serial one exactly');
SELECT is((SELECT count(*) FROM parallel), 50::bigint, 'every group came back');

SELECT tap_helpers.serial();

-- Against the definitions written out in SQL.
SELECT is((SELECT count(*) FROM serial s JOIN (
               SELECT grp, avg(styring.attainment(t, a)) AS m,
                      sum(coalesce(w, 1) * styring.attainment(t, a)) / sum(coalesce(w, 1)) FILTER (WHERE a IS NOT NULL) AS mw
               FROM goals GROUP BY grp) q USING (grp)
           WHERE abs(s.m - q.m) > 1e-12 OR abs(s.mw - q.mw) > 1e-12),
          0::bigint, 'mean_attainment equals avg(attainment) and the weighted mean in SQL');
SELECT is((SELECT count(*) FROM serial s JOIN (
               SELECT grp, ROW(count(*) FILTER (WHERE st = 'no_data'), count(*) FILTER (WHERE st = 'achieved'),
                               count(*) FILTER (WHERE st = 'on_track'), count(*) FILTER (WHERE st = 'at_risk'),
                               count(*) FILTER (WHERE st = 'off_track'), count(*))::styring.status_count AS sc
               FROM (SELECT grp, styring.status(t, a, y)::text AS st FROM goals) x GROUP BY grp) q USING (grp)
           WHERE s.sc IS DISTINCT FROM q.sc),
          0::bigint, 'status_counts equals counting styring.status per group');
SELECT is((SELECT sum((sc).total) FROM serial), 300000::numeric, 'status_counts counts every row');

-- A partial state that travels as text (Citus ships states so) arrives bit for
-- bit whatever extra_float_digits the sender has: the state is a bytea.
CREATE AGGREGATE pg_temp.ma_partial(styring.target, double precision) (
    SFUNC = styring.mean_attainment_state_trans, STYPE = bytea,
    INITCOND = '\x0100000000000000000000000000000000000000000000000000000000000000000000000000000000');
SET LOCAL extra_float_digits = 0;
CREATE TEMP TABLE partial AS
SELECT grp, y, pg_temp.ma_partial(t, a) AS st, pg_temp.ma_partial(t, a)::text AS st_text FROM goals GROUP BY grp, y;
SELECT is((SELECT count(*) FROM partial WHERE st_text::bytea IS DISTINCT FROM st), 0::bigint,
          'a mean_attainment state read back from its text form is the same state (extra_float_digits = 0)');
CREATE AGGREGATE pg_temp.ma_combine(bytea) (
    SFUNC = styring.mean_attainment_state_combine, STYPE = bytea,
    INITCOND = '\x0100000000000000000000000000000000000000000000000000000000000000000000000000000000',
    FINALFUNC = styring.mean_attainment_state_final);
SELECT is((SELECT count(*) FROM (SELECT grp, pg_temp.ma_combine(st_text::bytea ORDER BY y) AS m FROM partial GROUP BY grp) c
           JOIN serial s USING (grp) WHERE abs(c.m - s.m) > 1e-14), 0::bigint,
          'states combined from their text forms give mean_attainment');
RESET extra_float_digits;

SELECT * FROM finish();
ROLLBACK;
