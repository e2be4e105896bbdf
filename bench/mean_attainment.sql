-- mean_attainment against what a user would otherwise write, on 10 million rows:
--   avg(a)                                         the floor: one float8 column averaged
--   avg(least(greatest((a - b) / (t - b), 0), 1))  attainment written out in SQL
--   styring.mean_attainment(target, a)             (target holds the same t and b)
-- Goal (issue 2): within 1.3x of avg(a), faster than the SQL expression.
\echo 'mean_attainment: generating 10 000 000 rows ...'
CREATE UNLOGGED TABLE bench.goals AS
SELECT styring.make_target('>=', t, 2020, b, 2015) AS target, a, b, t
FROM (SELECT 50 + random() * 50 AS t, random() * 40 AS b, random() * 100 AS a
      FROM generate_series(1, 10000000)) g;
VACUUM ANALYZE bench.goals;
SELECT pg_size_pretty(pg_table_size('bench.goals')) AS table_size \gset
\echo 'table size' :table_size

SELECT bench.time('mean_attainment', 'avg(a)', 'SELECT avg(a) FROM bench.goals', w),
       bench.time('mean_attainment', 'plain SQL attainment', 'SELECT avg(least(greatest((a - b) / (t - b), 0), 1)) FROM bench.goals', w),
       bench.time('mean_attainment', 'styring.mean_attainment', 'SELECT styring.mean_attainment(target, a) FROM bench.goals', w)
FROM (VALUES (0), (2)) v(w) \g /dev/null

SELECT label, workers, ms, ratio_to_baseline AS "ratio to avg(a)", answer
FROM bench.report WHERE bench = 'mean_attainment' ORDER BY workers, ms;
DROP TABLE bench.goals;
