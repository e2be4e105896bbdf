-- Text and binary round trips of many random targets.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS styring;
SELECT plan(8);

SELECT setseed(0.42);
CREATE TABLE random_targets AS
SELECT i,
       CASE op WHEN 1 THEN styring.make_target('>=', v, y, CASE WHEN hb THEN v - span END, CASE WHEN hb AND hby THEN y - 1 - (i % 7) END)
               WHEN 2 THEN styring.make_target('<=', v, y, CASE WHEN hb THEN v + span END, CASE WHEN hb AND hby THEN y - 1 - (i % 7) END)
               ELSE styring.make_target('=', v, y, CASE WHEN hb THEN v + span END, NULL, CASE WHEN ht THEN abs(v) * random() END)
       END AS t
FROM (SELECT i, 1 + (i % 3) AS op,
             -- values of every scale, tiny to huge, with awkward decimals
             (random() * 1000 + 0.001) * power(10, (i % 21) - 10) AS v,
             (random() + 0.001) * (random() * 1000 + 0.001) * power(10, (i % 21) - 10) AS span,
             CASE WHEN i % 5 = 0 THEN NULL ELSE 2000 + (i % 40) END AS y,
             i % 2 = 0 AS hb, i % 4 < 2 AS hby, i % 3 = 1 AS ht
      FROM generate_series(1, 20000) i) g;

SELECT is((SELECT count(*) FROM random_targets WHERE t IS NULL), 0::bigint, 'every random target was made');

SELECT is((SELECT count(*) FROM random_targets
           WHERE NOT (t::text::styring.target OPERATOR(styring.=) t)),
          0::bigint, 'text output reads back to an equal target (20 000 random targets)');

SELECT is((SELECT count(*) FROM random_targets r, LATERAL (SELECT r.t::text::styring.target AS u) x
           WHERE styring.target_value(u) <> styring.target_value(t)
              OR styring.target_baseline(u) IS DISTINCT FROM styring.target_baseline(t)
              OR styring.target_tolerance(u) IS DISTINCT FROM styring.target_tolerance(t)),
          0::bigint, 'every number reads back bit for bit (shortest exact output)');

SELECT is((SELECT count(*) FROM random_targets WHERE t::text <> (t::text::styring.target)::text),
          0::bigint, 'output is canonical: printing twice gives the same text');

-- COPY ... (FORMAT binary) runs target_send and target_recv.
CREATE TEMP TABLE copied (i int, t styring.target);
SELECT tap_helpers.copy_binary('SELECT * FROM random_targets', 'copied');
SELECT is((SELECT count(*) FROM copied), 20000::bigint, 'binary COPY brought back every row');
SELECT is((SELECT count(*) FROM copied c JOIN random_targets r USING (i)
           WHERE NOT (c.t OPERATOR(styring.=) r.t)),
          0::bigint, 'binary COPY round trip gives equal targets');
SELECT is((SELECT count(*) FROM copied c JOIN random_targets r USING (i)
           WHERE styring.target_send(c.t) <> styring.target_send(r.t)),
          0::bigint, 'binary form is the same after a round trip');

-- Equal targets hash equally: hash aggregation and sorting group the same way.
SET LOCAL enable_sort = off;
CREATE TEMP TABLE by_hash AS SELECT t::text AS t, count(*) AS n FROM (SELECT t FROM random_targets UNION ALL SELECT t::text::styring.target FROM random_targets) s GROUP BY s.t;
RESET enable_sort;
SET LOCAL enable_hashagg = off;
CREATE TEMP TABLE by_sort AS SELECT t::text AS t, count(*) AS n FROM (SELECT t FROM random_targets UNION ALL SELECT t::text::styring.target FROM random_targets) s GROUP BY s.t;
SELECT set_eq('SELECT t, n FROM by_hash', 'SELECT t, n FROM by_sort', 'hash and sort grouping agree');

SELECT * FROM finish();
ROLLBACK;
