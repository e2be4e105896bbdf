-- styring.profile against PostgreSQL's own window and ordered-set functions on
-- random data: many groups, ties, negative values, groups of one and two,
-- values outside the group, both directions, and a group of 100 000 values.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS styring;
SELECT plan(25);

SELECT setseed(0.3);
-- 2 000 groups of 1 to 60 values; rounding makes ties common; some NULLs.
CREATE TABLE obs AS
SELECT g, CASE WHEN random() < 0.05 THEN NULL
               ELSE round((random() * 200 - 100)::numeric, (g % 3))::float8 END AS v
FROM (SELECT g, generate_series(1, 1 + (g * 7919) % 60) AS i FROM generate_series(1, 2000) g) s;
INSERT INTO obs SELECT 100000, (random() * 1e6)::int / 10.0 FROM generate_series(1, 100000);
INSERT INTO obs VALUES (100001, 42), (100002, -1), (100002, -1), (100003, 7), (100003, 8);
CREATE INDEX ON obs (g);
ANALYZE obs;

CREATE TABLE prof AS SELECT g, styring.profile(v) AS p FROM obs GROUP BY g;

CREATE TABLE windowed AS
SELECT g, v,
       rank() OVER hi AS rank_hi, percent_rank() OVER hi AS pr_hi, cume_dist() OVER hi AS cd_hi,
       rank() OVER lo AS rank_lo, percent_rank() OVER lo AS pr_lo, cume_dist() OVER lo AS cd_lo
FROM obs WHERE v IS NOT NULL
WINDOW hi AS (PARTITION BY g ORDER BY v DESC), lo AS (PARTITION BY g ORDER BY v ASC);

CREATE TABLE mine AS
SELECT w.*, styring.rank_in(p, v) AS m_rank_hi, styring.percent_rank_in(p, v) AS m_pr_hi,
       styring.cume_dist_in(p, v) AS m_cd_hi,
       styring.rank_in(p, v, false) AS m_rank_lo, styring.percent_rank_in(p, v, false) AS m_pr_lo,
       styring.cume_dist_in(p, v, false) AS m_cd_lo
FROM windowed w JOIN prof USING (g);

SELECT is((SELECT count(*) FROM mine), (SELECT count(v) FROM obs), 'every member was ranked');
SELECT is((SELECT count(*) FROM mine WHERE m_rank_hi <> rank_hi), 0::bigint, 'rank_in = rank() OVER (ORDER BY v DESC)');
SELECT is((SELECT count(*) FROM mine WHERE m_rank_lo <> rank_lo), 0::bigint, 'rank_in(..., false) = rank() OVER (ORDER BY v ASC)');
SELECT is((SELECT count(*) FROM mine WHERE m_pr_hi <> pr_hi), 0::bigint, 'percent_rank_in = percent_rank() exactly (DESC)');
SELECT is((SELECT count(*) FROM mine WHERE m_pr_lo <> pr_lo), 0::bigint, 'percent_rank_in = percent_rank() exactly (ASC)');
SELECT is((SELECT count(*) FROM mine WHERE m_cd_hi <> cd_hi), 0::bigint, 'cume_dist_in = cume_dist() exactly (DESC)');
SELECT is((SELECT count(*) FROM mine WHERE m_cd_lo <> cd_lo), 0::bigint, 'cume_dist_in = cume_dist() exactly (ASC)');

-- Values outside the group: as if added, like the hypothetical-set aggregates.
CREATE TABLE probes AS
SELECT g, round((random() * 260 - 130)::numeric, 1)::float8 AS x FROM prof, generate_series(1, 3) WHERE g < 100000;
CREATE TABLE hypo AS
SELECT pr.g, pr.x,
       (SELECT rank(pr.x) WITHIN GROUP (ORDER BY v DESC) FROM obs o WHERE o.g = pr.g AND v IS NOT NULL) AS rank_hi,
       (SELECT rank(pr.x) WITHIN GROUP (ORDER BY v ASC) FROM obs o WHERE o.g = pr.g AND v IS NOT NULL) AS rank_lo,
       (SELECT count(*) FROM obs o WHERE o.g = pr.g AND o.v = pr.x) AS members_equal,
       (SELECT percent_rank(pr.x) WITHIN GROUP (ORDER BY v DESC) FROM obs o WHERE o.g = pr.g AND v IS NOT NULL) AS pr_hi,
       (SELECT cume_dist(pr.x) WITHIN GROUP (ORDER BY v ASC) FROM obs o WHERE o.g = pr.g AND v IS NOT NULL) AS cd_lo
FROM probes pr;
SELECT is((SELECT count(*) FROM hypo h JOIN prof USING (g) WHERE styring.rank_in(p, x) <> rank_hi), 0::bigint,
          'rank_in of any value = rank(x) WITHIN GROUP (ORDER BY v DESC)');
SELECT is((SELECT count(*) FROM hypo h JOIN prof USING (g) WHERE styring.rank_in(p, x, false) <> rank_lo), 0::bigint,
          'rank_in of any value = rank(x) WITHIN GROUP (ORDER BY v ASC)');
SELECT is((SELECT count(*) FROM hypo h JOIN prof USING (g)
           WHERE members_equal = 0 AND (styring.percent_rank_in(p, x) <> pr_hi OR styring.cume_dist_in(p, x, false) <> cd_lo)),
          0::bigint, 'outside the group, percent_rank_in and cume_dist_in = the hypothetical-set aggregates');
SELECT cmp_ok((SELECT count(*) FROM hypo WHERE members_equal = 0), '>', 1000::bigint, 'many probes fell outside their group');

-- Quantiles: exactly percentile_cont, for many fractions.
SELECT is((SELECT count(*) FROM prof JOIN (
              SELECT g, q, percentile_cont(q) WITHIN GROUP (ORDER BY v) AS pc
              FROM obs, (VALUES (0::float8), (0.05), (0.1), (0.25), (0.333), (0.5), (0.75), (0.9), (0.95), (0.999), (1)) qs(q)
              GROUP BY g, q) b USING (g)
           WHERE styring.quantile_of(p, q) <> pc), 0::bigint, 'quantile_of = percentile_cont exactly');

-- Group figures.
SELECT is((SELECT count(*) FROM prof JOIN (SELECT g, count(v) AS n, min(v) AS lo, max(v) AS hi,
                                                  percentile_cont(0.5) WITHIN GROUP (ORDER BY v) AS med
                                           FROM obs GROUP BY g) b USING (g)
           WHERE styring.group_size(p) <> n OR styring.group_min(p) <> lo OR styring.group_max(p) <> hi
              OR styring.group_median(p) <> med), 0::bigint, 'size, min, max and median agree with count, min, max, percentile_cont');
SELECT is((SELECT count(*) FROM prof JOIN (SELECT g, avg(v) AS m, stddev(v) AS sd FROM obs GROUP BY g) b USING (g)
           WHERE abs(styring.group_mean(p) - m) > 1e-9 * greatest(1, abs(m))
              OR abs(coalesce(styring.group_stddev(p), -1) - coalesce(sd, -1)) > 1e-9 * greatest(1, sd)),
          0::bigint, 'mean and stddev agree with avg and stddev (to 1e-9)');

-- Bands follow the rule in doc/concepts.md, computed here with percentile_cont.
SELECT is((SELECT count(*) FROM mine m JOIN prof USING (g) JOIN (
              SELECT g, percentile_cont(0.25) WITHIN GROUP (ORDER BY v) AS q1, percentile_cont(0.75) WITHIN GROUP (ORDER BY v) AS q3
              FROM obs GROUP BY g) q USING (g)
           WHERE styring.quartile_band(p, m.v) <> CASE WHEN q1 = q3 THEN 'middle' WHEN m.v >= q3 THEN 'top' WHEN m.v <= q1 THEN 'bottom' ELSE 'middle' END
              OR styring.quartile_band(p, m.v, false) <> CASE WHEN q1 = q3 THEN 'middle' WHEN m.v <= q1 THEN 'top' WHEN m.v >= q3 THEN 'bottom' ELSE 'middle' END),
          0::bigint, 'quartile_band follows the rule, both directions');
SELECT is((SELECT count(*) FROM mine m JOIN prof USING (g)
           WHERE styring.grade(p, m.v) NOT BETWEEN 1 AND 6
              OR abs(styring.grade(p, m.v) + styring.grade(p, m.v, false) - 7) > 1e-12),
          0::bigint, 'grades lie in [1, 6] and mirror when lower is better');

-- Forced parallel aggregation gives the same profiles.
SELECT tap_helpers.force_parallel();
SELECT matches(tap_helpers.plan_of('SELECT g, styring.profile(v) FROM obs GROUP BY g'), 'Partial (Hash|Group)?Aggregate',
               'profile() aggregates partially in parallel workers');
CREATE TABLE prof_parallel AS SELECT g, styring.profile(v) AS p FROM obs GROUP BY g;
SELECT is((SELECT count(*) FROM prof a JOIN prof_parallel b USING (g)
           WHERE NOT (a.p OPERATOR(styring.=) b.p) OR styring.group_mean(a.p) <> styring.group_mean(b.p)),
          0::bigint, 'parallel profiles equal serial ones (values, mean bit for bit)');
SELECT tap_helpers.serial();

-- Merging the profiles of two halves equals the profile of the whole.
CREATE TABLE halves AS
SELECT g, styring.profile(v) FILTER (WHERE half) AS a, styring.profile(v) FILTER (WHERE NOT half) AS b,
       styring.profile(v) AS whole
FROM (SELECT g, v, random() < 0.5 AS half FROM obs) s GROUP BY g;
SELECT is((SELECT count(*) FROM halves WHERE NOT (styring.profile_merge(a, b) OPERATOR(styring.=) whole)
              OR styring.group_mean(styring.profile_merge(a, b)) <> styring.group_mean(whole)),
          0::bigint, 'profile_merge of two halves equals the profile of the whole');
SELECT is((SELECT count(*) FROM (SELECT g, styring.profile_union(p) AS u FROM (
              SELECT g, styring.profile(v) AS p FROM obs GROUP BY g, (v::numeric * 100)::bigint % 3) parts GROUP BY g) x
           JOIN prof USING (g) WHERE NOT (x.u OPERATOR(styring.=) prof.p)),
          0::bigint, 'profile_union of the parts of each group equals the profile of the group');

-- Text and binary round trips.
SELECT is((SELECT count(*) FROM prof WHERE NOT (p::text::styring.profile OPERATOR(styring.=) p)), 0::bigint,
          'text output reads back to an equal profile');
CREATE TEMP TABLE copied (g int, p styring.profile);
SELECT tap_helpers.copy_binary('SELECT * FROM prof', 'copied');
SELECT is((SELECT count(*) FROM copied c JOIN prof p USING (g) WHERE NOT (c.p OPERATOR(styring.=) p.p)
              OR styring.group_mean(c.p) <> styring.group_mean(p.p)), 0::bigint,
          'binary COPY round trip gives equal profiles');

-- Stored profiles are toasted; ranking rows of many groups in turn reads each
-- from the per-call-site cache, also when the cache is too small to hold them all.
CREATE TABLE big_obs AS SELECT (i % 40) AS g, (random() * 1000)::int::float8 AS v FROM generate_series(1, 80000) i;
CREATE TABLE big_prof AS SELECT g, styring.profile(v) AS p FROM big_obs GROUP BY g;
SELECT cmp_ok((SELECT pg_total_relation_size(reltoastrelid) FROM pg_class WHERE oid = 'big_prof'::regclass), '>', 100000::bigint,
              'the stored profiles are toasted');
CREATE FUNCTION pg_temp.rank_mismatches() RETURNS bigint LANGUAGE sql AS $$
    SELECT count(*) FROM (
        SELECT styring.rank_in(p.p, o.v) AS mine, rank() OVER (PARTITION BY o.g ORDER BY o.v DESC) AS theirs
        FROM big_obs o JOIN big_prof p USING (g)) x
    WHERE mine <> theirs $$;
SELECT is(pg_temp.rank_mismatches(), 0::bigint, 'rank_in against stored profiles = rank(), with the cache');
SET LOCAL styring.profile_cache_size = '64kB';
SELECT is(pg_temp.rank_mismatches(), 0::bigint, 'rank_in against stored profiles = rank(), with a cache too small for them');
RESET styring.profile_cache_size;

SELECT * FROM finish();
ROLLBACK;
