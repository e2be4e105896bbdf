-- ranks() on many small groups in a plain table: every municipality ranked
-- within its KOSTRA group per indicator, year and gender (357 units in 19
-- groups x 1 000 indicators x 8 years x 3 genders: 8.57 M rows in 456 000
-- groups of about 19), against rank() OVER. The table is not partitioned.
\set QUIET on
\set ON_ERROR_STOP 1
\echo == ranks() on 456 000 groups of about 19 (plain table)
CREATE UNLOGGED TABLE bench.small_groups AS
SELECT u % 19 AS g, ind, yr, kjonn, lpad(u::text, 4, '0') AS unit,
       ((ind::bigint * 1000003 + yr::bigint * 7919 + kjonn::bigint * 104729 + u::bigint * 15485863) % 99991) / 10.0::float8 AS v
FROM generate_series(1, 1000) ind, generate_series(2017, 2024) yr, generate_series(1, 3) kjonn, generate_series(1, 357) u;
VACUUM ANALYZE bench.small_groups;
\set s_window 'SELECT count(*) || '' / '' || sum(r) FROM (SELECT rank() OVER (PARTITION BY g, ind, yr, kjonn ORDER BY v DESC) AS r FROM bench.small_groups) s'
\set s_ranks 'SELECT count(*) || '' / '' || sum(r.rank) FROM (SELECT styring.ranks(unit, v) AS rs FROM bench.small_groups GROUP BY g, ind, yr, kjonn) s, unnest(s.rs) r'
\set s_ranks_tl 'SELECT count(*) || '' / '' || sum((r).rank) FROM (SELECT unnest(styring.ranks(unit, v)) AS r FROM bench.small_groups GROUP BY g, ind, yr, kjonn) s'
-- What PostgreSQL's own grouping of this table costs, whatever the
-- aggregate: the floor any GROUP BY answer stands on.
\set s_count 'SELECT sum(n) FROM (SELECT count(*) AS n FROM bench.small_groups GROUP BY g, ind, yr, kjonn) s'
\set s_sum 'SELECT sum(x) FROM (SELECT sum(v) AS x FROM bench.small_groups GROUP BY g, ind, yr, kjonn) s'
\set s_array_agg 'SELECT count(*) || '' / '' || sum(x) FROM (SELECT unnest(array_agg(v)) AS x FROM bench.small_groups GROUP BY g, ind, yr, kjonn) s'
SELECT bench.best('ranks, 456 000 groups of ~19', 'rank() OVER (PARTITION BY g, ind, yr, kjonn ORDER BY v DESC)', :'s_window'),
       bench.best('ranks, 456 000 groups of ~19', 'ranks() unnested in FROM', :'s_ranks'),
       bench.best('ranks, 456 000 groups of ~19', 'ranks() unnested in the select list', :'s_ranks_tl'),
       bench.best('ranks, 456 000 groups of ~19', 'floor: count(*) GROUP BY the same keys', :'s_count'),
       bench.best('ranks, 456 000 groups of ~19', 'floor: sum(v) GROUP BY the same keys', :'s_sum'),
       bench.best('ranks, 456 000 groups of ~19', 'unnest(array_agg(v)) GROUP BY the same keys', :'s_array_agg') \gset
SELECT bench, label, ms, ratio_to_baseline, answer FROM bench.report WHERE bench LIKE 'ranks,%' ORDER BY ms DESC;
