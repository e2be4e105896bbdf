-- Rolling 1 million measured values up a chain of 100 000 goals:
--   recursive CTE:   every value walked up to each ancestor through a goal table with
--                    parent ids, then grouped (gives n and the flat mean per node)
--   chain_rollup:    styring.chain_rollup(path, value) (gives n, flat_mean and chain_mean)
-- Goal (issue 4): 10x faster than the recursive CTE.
\echo 'chain_rollup: generating 100 000 goals and 1 000 000 values ...'
CREATE UNLOGGED TABLE bench.goal (id int PRIMARY KEY, parent_id int, path styring.goalpath);
INSERT INTO bench.goal VALUES (1, NULL, 'rot');
DO $$
BEGIN
    -- each goal's parent is an earlier goal; paths follow from the parents
    CREATE TEMP TABLE p AS SELECT i AS id, 1 + floor(random() * least(i - 1, 20000 + i / 2))::int AS parent_id
                           FROM generate_series(2, 100000) i;
    FOR lvl IN 1..64 LOOP
        INSERT INTO bench.goal
        SELECT p.id, p.parent_id, g.path OPERATOR(styring.||) ('m' || p.id)::styring.goalpath
        FROM p JOIN bench.goal g ON g.id = p.parent_id
        WHERE NOT EXISTS (SELECT 1 FROM bench.goal x WHERE x.id = p.id);
        EXIT WHEN (SELECT count(*) FROM bench.goal) = 100000;
    END LOOP;
END $$;
CREATE UNLOGGED TABLE bench.val AS
SELECT g.id AS goal_id, g.path, random() AS v
FROM generate_series(1, 1000000) i JOIN bench.goal g ON g.id = 1 + (i::bigint * 7919) % 100000;
VACUUM ANALYZE bench.goal;
VACUUM ANALYZE bench.val;
SELECT max(styring.nlevel(path)) AS depth, avg(styring.nlevel(path))::numeric(4,1) AS mean_depth FROM bench.goal \gset
\echo 'goals: 100000, values: 1000000, depth' :depth ', mean depth' :mean_depth

\set q_cte 'WITH RECURSIVE up(node, v) AS (SELECT goal_id, v FROM bench.val UNION ALL SELECT g.parent_id, up.v FROM up JOIN bench.goal g ON g.id = up.node WHERE g.parent_id IS NOT NULL) SELECT sum(n) || '' / '' || round(sum(m)::numeric, 6) FROM (SELECT node, count(*) AS n, avg(v) AS m FROM up GROUP BY node) s'
\set q_rollup 'SELECT sum(n) || '' / '' || round(sum(flat_mean)::numeric, 6) FROM unnest((SELECT styring.chain_rollup(path, v) FROM bench.val))'

SELECT bench.time('chain_rollup', 'recursive CTE (n, flat mean)', :'q_cte', w),
       bench.time('chain_rollup', 'styring.chain_rollup (n, flat and chain mean)', :'q_rollup', w)
FROM (VALUES (0), (2)) v(w) \g /dev/null

SELECT label, workers, ms, ratio_to_baseline AS "ratio to recursive CTE", answer AS "sum of n / sum of flat means"
FROM bench.report WHERE bench = 'chain_rollup' ORDER BY workers, ms DESC;
DROP TABLE bench.val;
DROP TABLE bench.goal;
