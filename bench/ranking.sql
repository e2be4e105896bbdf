-- Ranking every member within its group (issue "rank the nation"), in the two
-- shapes national statistics have, with labels as text unit codes:
--   wide:   10 000 000 rows, 1 000 groups of 10 000
--   nation:  8 700 000 rows, 30 000 groups of 290 (1 000 indicators x 10 years
--            x 3 genders x 290 units)
-- Each is ranked three ways: rank() OVER (the baseline), profile + join +
-- rank_in, and ranks() unnested, in FROM (a function scan, which copies every
-- row into a tuplestore) and in the select list (no copy); and ranks() again
-- on the same rows in a table partitioned by the group key, where (with
-- enable_partitionwise_aggregate) every worker ranks whole groups and the
-- leader only gathers. Every way's answer (count and sum of ranks)
-- must equal the baseline's; the script stops if one does not.
-- Then what PostgreSQL takes to group the rows and hand them back with no
-- ranking at all (unnest(array_agg(v)), the floor of any one-pass ranking),
-- the collection of the 30 000 profiles against array_agg(v), and where the
-- time of each goes (bench.phases).
-- The data are made by a formula, not random(), so bench/duckdb/rank.mjs
-- builds the same rows in DuckDB.
\echo 'ranking: generating the wide shape (10 000 000 rows) and the nation shape (8 700 000 rows) ...'
CREATE UNLOGGED TABLE bench.wide AS
SELECT (i % 1000)::int AS g, 'u' || (i / 1000) AS unit, ((i::bigint * 7919) % 100003) / 10.0::float8 AS v
FROM generate_series(0, 9999999) i;
CREATE UNLOGGED TABLE bench.nation AS
SELECT ind, yr, kjonn, lpad(u::text, 4, '0') AS unit,
       ((ind::bigint * 1000003 + yr::bigint * 7919 + kjonn::bigint * 104729 + u::bigint * 15485863) % 99991) / 10.0::float8 AS v
FROM generate_series(1, 1000) ind, generate_series(2015, 2024) yr, generate_series(1, 3) kjonn,
     generate_series(1, 290) u;
-- The same rows in tables partitioned by the group key (8 hash partitions):
-- with enable_partitionwise_aggregate each worker ranks whole groups.
CREATE UNLOGGED TABLE bench.wide_part (LIKE bench.wide) PARTITION BY HASH (g);
CREATE UNLOGGED TABLE bench.nation_part (LIKE bench.nation) PARTITION BY HASH (ind);
SELECT format('CREATE UNLOGGED TABLE bench.%s_%s PARTITION OF bench.%s FOR VALUES WITH (MODULUS 8, REMAINDER %s)',
              t, i, t, i)
FROM unnest(ARRAY['wide_part', 'nation_part']) t, generate_series(0, 7) i \gexec
INSERT INTO bench.wide_part SELECT * FROM bench.wide;
INSERT INTO bench.nation_part SELECT * FROM bench.nation;
VACUUM ANALYZE bench.wide;
VACUUM ANALYZE bench.nation;
VACUUM ANALYZE bench.wide_part;
VACUUM ANALYZE bench.nation_part;
SET enable_partitionwise_aggregate = on;

\set w_window 'SELECT count(*) || '' / '' || sum(r) FROM (SELECT rank() OVER (PARTITION BY g ORDER BY v DESC) AS r FROM bench.wide) s'
\set w_profile 'SELECT count(*) || '' / '' || sum(styring.rank_in(p.p, o.v)) FROM bench.wide o JOIN (SELECT g, styring.profile(v) AS p FROM bench.wide GROUP BY g) p USING (g)'
\set w_ranks 'SELECT count(*) || '' / '' || sum(r.rank) FROM (SELECT g, styring.ranks(unit, v) AS rs FROM bench.wide GROUP BY g) s, unnest(s.rs) r'
\set w_ranks_part 'SELECT count(*) || '' / '' || sum(r.rank) FROM (SELECT g, styring.ranks(unit, v) AS rs FROM bench.wide_part GROUP BY g) s, unnest(s.rs) r'
\set w_ranks_tl 'SELECT count(*) || '' / '' || sum((r).rank) FROM (SELECT unnest(styring.ranks(unit, v)) AS r FROM bench.wide GROUP BY g) s'
\set w_ranks_tl_part 'SELECT count(*) || '' / '' || sum((r).rank) FROM (SELECT unnest(styring.ranks(unit, v)) AS r FROM bench.wide_part GROUP BY g) s'
\set n_window 'SELECT count(*) || '' / '' || sum(r) FROM (SELECT rank() OVER (PARTITION BY ind, yr, kjonn ORDER BY v DESC) AS r FROM bench.nation) s'
\set n_profile 'SELECT count(*) || '' / '' || sum(styring.rank_in(p.p, o.v)) FROM bench.nation o JOIN (SELECT ind, yr, kjonn, styring.profile(v) AS p FROM bench.nation GROUP BY 1, 2, 3) p USING (ind, yr, kjonn)'
\set n_ranks 'SELECT count(*) || '' / '' || sum(r.rank) FROM (SELECT ind, yr, kjonn, styring.ranks(unit, v) AS rs FROM bench.nation GROUP BY 1, 2, 3) s, unnest(s.rs) r'
\set n_ranks_part 'SELECT count(*) || '' / '' || sum(r.rank) FROM (SELECT ind, yr, kjonn, styring.ranks(unit, v) AS rs FROM bench.nation_part GROUP BY 1, 2, 3) s, unnest(s.rs) r'
\set n_ranks_tl 'SELECT count(*) || '' / '' || sum((r).rank) FROM (SELECT unnest(styring.ranks(unit, v)) AS r FROM bench.nation GROUP BY ind, yr, kjonn) s'
\set n_ranks_tl_part 'SELECT count(*) || '' / '' || sum((r).rank) FROM (SELECT unnest(styring.ranks(unit, v)) AS r FROM bench.nation_part GROUP BY ind, yr, kjonn) s'
\set n_window_part 'SELECT count(*) || '' / '' || sum(r) FROM (SELECT rank() OVER (PARTITION BY ind, yr, kjonn ORDER BY v DESC) AS r FROM bench.nation_part) s'
\set w_floor_part 'SELECT count(*) || '' / '' || max(x) FROM (SELECT unnest(array_agg(v)) AS x FROM bench.wide_part GROUP BY g) s'
\set n_floor_part 'SELECT count(*) || '' / '' || max(x) FROM (SELECT unnest(array_agg(v)) AS x FROM bench.nation_part GROUP BY ind, yr, kjonn) s'
\set c_array 'SELECT sum(cardinality(a)) FROM (SELECT ind, yr, kjonn, array_agg(v) AS a FROM bench.nation GROUP BY 1, 2, 3) s'
\set c_profile 'SELECT sum(styring.group_size(p)) FROM (SELECT ind, yr, kjonn, styring.profile(v) AS p FROM bench.nation GROUP BY 1, 2, 3) s'
\set c_ranks 'SELECT sum(cardinality(rs)) FROM (SELECT ind, yr, kjonn, styring.ranks(unit, v) AS rs FROM bench.nation GROUP BY 1, 2, 3) s'

SELECT bench.time('rank 1 000 groups of 10 000', 'rank() OVER (PARTITION BY g ORDER BY v DESC)', :'w_window', w),
       bench.time('rank 1 000 groups of 10 000', 'profile + join + rank_in', :'w_profile', w),
       bench.time('rank 1 000 groups of 10 000', 'ranks() unnested', :'w_ranks', w),
       bench.time('rank 1 000 groups of 10 000', 'ranks() unnested, table partitioned by g', :'w_ranks_part', w),
       bench.time('rank 1 000 groups of 10 000', 'ranks() unnested in the select list', :'w_ranks_tl', w),
       bench.time('rank 1 000 groups of 10 000', 'ranks() unnested in the select list, table partitioned by g', :'w_ranks_tl_part', w),
       bench.time('rank 30 000 groups of 290', 'rank() OVER (PARTITION BY ind, yr, kjonn ORDER BY v DESC)', :'n_window', w),
       bench.time('rank 30 000 groups of 290', 'profile + join + rank_in', :'n_profile', w),
       bench.time('rank 30 000 groups of 290', 'ranks() unnested', :'n_ranks', w),
       bench.time('rank 30 000 groups of 290', 'ranks() unnested, table partitioned by ind', :'n_ranks_part', w),
       bench.time('rank 30 000 groups of 290', 'ranks() unnested in the select list', :'n_ranks_tl', w),
       bench.time('rank 30 000 groups of 290', 'ranks() unnested in the select list, table partitioned by ind', :'n_ranks_tl_part', w),
       bench.time('rank 30 000 groups of 290', 'rank() OVER, table partitioned by ind', :'n_window_part', w),
       bench.time('collect and unnest 1 000 groups of 10 000, no ranking', 'unnest(array_agg(v)) in the select list, table partitioned by g', :'w_floor_part', w),
       bench.time('collect and unnest 30 000 groups of 290, no ranking', 'unnest(array_agg(v)) in the select list, table partitioned by ind', :'n_floor_part', w),
       bench.time('collect 30 000 groups of 290', 'array_agg(v)', :'c_array', w),
       bench.time('collect 30 000 groups of 290', 'profile(v)', :'c_profile', w),
       bench.time('collect 30 000 groups of 290', 'ranks(unit, v), not unnested', :'c_ranks', w)
FROM (VALUES (0), (2)) v(w) \g /dev/null

SELECT bench, label, workers, ms, ratio_to_baseline AS "ratio to first", answer
FROM bench.report WHERE bench LIKE 'rank %' OR bench LIKE 'collect %'
ORDER BY bench DESC, workers, ms;

-- Every way must give the baseline's answer.
SELECT count(*) AS wrong_answers FROM bench.report
WHERE (bench LIKE 'rank %' OR bench LIKE 'collect %') AND answer IS DISTINCT FROM
      (SELECT b.answer FROM bench.result b WHERE b.bench = report.bench ORDER BY b.ctid LIMIT 1) \gset
\if :wrong_answers
    \echo 'ranking: an answer differs from the baseline''s'
    SELECT 1/0 AS answers_differ;
\endif
\echo 'ranking: every answer equals the baseline''s'

\echo 'where the time goes (2 workers, ms per process):'
SELECT set_config('max_parallel_workers_per_gather', '2', false), set_config('parallel_setup_cost', '0', false),
       set_config('parallel_tuple_cost', '0', false) \g /dev/null
SELECT 'profile(v), 30 000 groups' AS query, bench.phases(:'c_profile') AS phases
UNION ALL SELECT 'ranks(unit, v), 30 000 groups', bench.phases(:'c_ranks')
UNION ALL SELECT 'ranks(unit, v) unnested, 30 000 groups', bench.phases(:'n_ranks')
UNION ALL SELECT 'ranks(unit, v) unnested, 1 000 groups', bench.phases(:'w_ranks');
RESET max_parallel_workers_per_gather;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
DROP TABLE bench.wide, bench.nation, bench.wide_part, bench.nation_part;
