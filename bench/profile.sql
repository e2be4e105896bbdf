-- Ranking every row within its group: 10 million rows in 1 000 groups.
--   window rank():  rank() OVER (PARTITION BY g ORDER BY v DESC), summed so it is not dropped
--   profile:        styring.profile per group, joined back, styring.rank_in per row,
--                   in one statement, and in the two steps of real use: profiles
--                   collected once into a table, then asked about every row
-- the same for percent_rank, and for one outside value per group against the
-- hypothetical-set aggregate percent_rank(x) WITHIN GROUP.
-- Goal (issue 3): at least 3x faster than the window function.
\echo 'profile: generating 10 000 000 rows in 1 000 groups ...'
CREATE UNLOGGED TABLE bench.obs AS
SELECT (i % 1000) AS g, round((random() * 10000)::numeric, 1)::float8 AS v
FROM generate_series(1, 10000000) i;
VACUUM ANALYZE bench.obs;
CREATE UNLOGGED TABLE bench.stored AS SELECT g, styring.profile(v) AS p FROM bench.obs GROUP BY g;
VACUUM ANALYZE bench.stored;
SELECT pg_size_pretty(pg_total_relation_size('bench.stored')) AS stored_size \gset
\echo 'stored profiles:' :stored_size

\set q_window 'SELECT sum(r) FROM (SELECT rank() OVER (PARTITION BY g ORDER BY v DESC) AS r FROM bench.obs) s'
\set q_profile 'SELECT sum(styring.rank_in(p.p, o.v)) FROM bench.obs o JOIN (SELECT g, styring.profile(v) AS p FROM bench.obs GROUP BY g) p USING (g)'
\set q_build 'SELECT sum(styring.group_size(p)) FROM (SELECT g, styring.profile(v) AS p FROM bench.obs GROUP BY g) s'
\set q_stored 'SELECT sum(styring.rank_in(p.p, o.v)) FROM bench.obs o JOIN bench.stored p USING (g)'
\set q_window_pr 'SELECT sum(r) FROM (SELECT percent_rank() OVER (PARTITION BY g ORDER BY v DESC) AS r FROM bench.obs) s'
\set q_stored_pr 'SELECT sum(styring.percent_rank_in(p.p, o.v)) FROM bench.obs o JOIN bench.stored p USING (g)'
\set q_hypo 'SELECT sum(r) FROM (SELECT percent_rank(5000.05) WITHIN GROUP (ORDER BY v DESC) AS r FROM bench.obs GROUP BY g) s'
\set q_profile_hypo 'SELECT sum(styring.percent_rank_in(p, 5000.05)) FROM (SELECT styring.profile(v) AS p FROM bench.obs GROUP BY g) s'

SELECT bench.time('rank every row', 'rank() OVER (PARTITION BY g ORDER BY v DESC)', :'q_window', w),
       bench.time('rank every row', 'profile + rank_in, one statement', :'q_profile', w),
       bench.time('rank every row', 'step 1: collect the profiles', :'q_build', w),
       bench.time('rank every row', 'step 2: rank_in against stored profiles', :'q_stored', w),
       bench.time('percent_rank every row', 'percent_rank() OVER (...)', :'q_window_pr', w),
       bench.time('percent_rank every row', 'percent_rank_in against stored profiles', :'q_stored_pr', w),
       bench.time('one value per group', 'percent_rank(x) WITHIN GROUP', :'q_hypo', w),
       bench.time('one value per group', 'profile + percent_rank_in', :'q_profile_hypo', w)
FROM (VALUES (0), (2)) v(w) \g /dev/null

SELECT bench, label, workers, ms, ratio_to_baseline AS "ratio to built-in", answer
FROM bench.report WHERE bench IN ('rank every row', 'percent_rank every row', 'one value per group')
ORDER BY bench DESC, workers, ms;

\echo 'memory (serial plans):'
SELECT 'rank() OVER' AS query, bench.memory(:'q_window') AS memory
UNION ALL SELECT 'profile + rank_in, one statement', bench.memory(:'q_profile')
UNION ALL SELECT 'percent_rank(x) WITHIN GROUP', bench.memory(:'q_hypo');
DROP TABLE bench.obs;
DROP TABLE bench.stored;
