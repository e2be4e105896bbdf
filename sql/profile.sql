-- styring.profile: collect a comparison group once, then ask where values stand.
SET extra_float_digits = 0;
SET search_path = public, styring;

-- Text form: values in any order, printed ascending; NULLs are left out of a group.
SELECT '{3, 1.5, 2,2 , -0}'::styring.profile;
SELECT styring.profile(v) FROM (VALUES (3.0), (1), (NULL), (2), (2)) x(v);
SELECT styring.profile(v) IS NULL AS empty_group_is_null FROM (VALUES (NULL::float8)) x(v);
SELECT styring.profile(v) IS NULL AS no_rows_is_null FROM (SELECT 1.0 WHERE false) x(v);

-- A small group with ties; higher is better, then lower is better.
CREATE TABLE grp (name text, v float8);
INSERT INTO grp VALUES ('a', 5), ('b', 3), ('c', 3), ('d', 2), ('e', 1), ('f', NULL);
SELECT name, v,
       styring.rank_in(p, v) AS rank, rank() OVER (ORDER BY v DESC) AS "rank()",
       styring.percent_rank_in(p, v) AS pr, percent_rank() OVER (ORDER BY v DESC) AS "percent_rank()",
       styring.cume_dist_in(p, v) AS cd, cume_dist() OVER (ORDER BY v DESC) AS "cume_dist()",
       styring.rank_in(p, v, false) AS rank_low, rank() OVER (ORDER BY v ASC) AS "rank() asc"
FROM grp, (SELECT styring.profile(v) AS p FROM grp) g
WHERE v IS NOT NULL
ORDER BY v DESC, name;

-- A value outside the group is ranked as if it were added (hypothetical-set functions;
-- they would count the NULL row, which a profile leaves out, so it is filtered here).
SELECT x, styring.rank_in(p, x) AS rank_in, (SELECT rank(x) WITHIN GROUP (ORDER BY v DESC) FROM grp WHERE v IS NOT NULL) AS "rank(x) within group",
       styring.percent_rank_in(p, x) AS pr, (SELECT percent_rank(x) WITHIN GROUP (ORDER BY v DESC) FROM grp WHERE v IS NOT NULL) AS "percent_rank(x)",
       styring.cume_dist_in(p, x) AS cd, (SELECT cume_dist(x) WITHIN GROUP (ORDER BY v DESC) FROM grp WHERE v IS NOT NULL) AS "cume_dist(x)"
FROM (SELECT styring.profile(v) AS p FROM grp) g, (VALUES (6::float8), (4), (0)) w(x)
ORDER BY x DESC;

-- Quantiles equal percentile_cont; the group's own figures.
SELECT q, styring.quantile_of(p, q), (SELECT percentile_cont(q) WITHIN GROUP (ORDER BY v) FROM grp) AS percentile_cont
FROM (SELECT styring.profile(v) AS p FROM grp) g, (VALUES (0::float8), (0.1), (0.25), (0.5), (0.9), (1)) w(q);
SELECT styring.group_size(p), styring.group_min(p), styring.group_max(p), styring.group_mean(p),
       styring.group_median(p), round(styring.group_stddev(p)::numeric, 12) AS stddev,
       (SELECT round(stddev(v)::numeric, 12) FROM grp) AS "stddev()"
FROM (SELECT styring.profile(v) AS p FROM grp) g;
SELECT styring.profile_summary('{5,3,3,2,1}');
SELECT styring.profile_values('{5,3,3,2,1}');

-- Distance to the group: absolute, percent, and the z-score.
SELECT x, styring.deviation_from_mean(p, x), round(styring.deviation_from_mean_pct(p, x)::numeric, 3) AS pct_mean,
       styring.deviation_from_median(p, x), round(styring.deviation_from_median_pct(p, x)::numeric, 3) AS pct_median,
       round(styring.z_score(p, x)::numeric, 6) AS z
FROM (VALUES ('{5,3,3,2,1}'::styring.profile)) g(p), (VALUES (5::float8), (2.8), (0)) w(x);
SELECT styring.z_score('{4,4,4}', 4) IS NULL AS no_spread_no_z, styring.group_stddev('{4}') IS NULL AS one_value_no_stddev,
       styring.deviation_from_mean_pct('{-1,1}', 3) IS NULL AS zero_mean_no_pct;

-- Quartile bands (green/yellow/red) and grades 1-6, both directions.
SELECT x, styring.quartile_band(p, x) AS band, styring.quartile_band(p, x, false) AS band_low,
       round(styring.grade(p, x)::numeric, 4) AS grade, round(styring.grade(p, x, false)::numeric, 4) AS grade_low
FROM (VALUES ('{1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21}'::styring.profile)) g(p),
     (VALUES (0::float8), (1), (2), (6), (6.5), (11), (16), (16.5), (20), (21), (25)) w(x);
-- no spread: every value in the middle band, grade 3.5 at the common value
SELECT styring.quartile_band('{7,7,7}', 7) AS band, styring.quartile_band('{7,7,7}', 9) AS band_above,
       styring.grade('{7,7,7}', 7) AS grade, styring.grade('{7,7,7}', 8) AS above, styring.grade('{7,7,7}', 6) AS below;
-- a group of one
SELECT styring.rank_in('{7}', 7), styring.percent_rank_in('{7}', 7), styring.cume_dist_in('{7}', 7),
       styring.rank_in('{7}', 8), styring.percent_rank_in('{7}', 8), styring.cume_dist_in('{7}', 8);

-- Merging groups built apart equals building them together.
SELECT styring.profile_merge('{1,3,5}', '{2,3,4}') AS merged,
       styring.profile_merge('{1,3,5}', '{2,3,4}') = '{5,4,3,3,2,1}'::styring.profile AS equal;
SELECT styring.profile_union(p) FROM (VALUES ('{1,3,5}'::styring.profile), ('{2,3,4}'), (NULL)) x(p);

-- Real KOSTRA data: net operating expenditure on sports buildings per inhabitant
-- (lower is better), ranked within the KOSTRA group, the county and the country.
\set ECHO none
\i demo/kostra.sql
\set ECHO all
CREATE TEMP TABLE profiles AS
SELECT 'kostragruppe' AS kind, kostragruppe::text AS grp, styring.profile(net_sports_per_inhabitant) AS p
FROM demo.kostra_rate GROUP BY kostragruppe
UNION ALL
SELECT 'county', county, styring.profile(net_sports_per_inhabitant) FROM demo.kostra_rate GROUP BY county
UNION ALL
SELECT 'country', 'all', styring.profile(net_sports_per_inhabitant) FROM demo.kostra_rate;

CREATE TEMP VIEW ranked AS
SELECT k.knr, k.name, pr.kind, k.net_sports_per_inhabitant AS v, pr.p,
       rank() OVER w AS window_rank, percent_rank() OVER w AS window_percent_rank,
       cume_dist() OVER w AS window_cume_dist
FROM demo.kostra_rate k
JOIN profiles pr ON (pr.kind = 'kostragruppe' AND pr.grp = k.kostragruppe::text)
                 OR (pr.kind = 'county' AND pr.grp = k.county)
                 OR (pr.kind = 'country')
WHERE k.net_sports_per_inhabitant IS NOT NULL
WINDOW w AS (PARTITION BY pr.kind, pr.grp ORDER BY k.net_sports_per_inhabitant);

SELECT kind, count(*) AS ranked,
       count(*) FILTER (WHERE styring.rank_in(p, v, false) <> window_rank) AS rank_mismatches,
       count(*) FILTER (WHERE styring.percent_rank_in(p, v, false) <> window_percent_rank) AS percent_rank_mismatches,
       count(*) FILTER (WHERE styring.cume_dist_in(p, v, false) <> window_cume_dist) AS cume_dist_mismatches
FROM ranked GROUP BY kind ORDER BY kind;

-- "Of 404 municipalities Hole is number ..."
SELECT kind, 'nr ' || styring.rank_in(p, v, false) || ' av ' || styring.group_size(p) AS plass,
       styring.quartile_band(p, v, false) AS band, round(styring.grade(p, v, false)::numeric, 2) AS grade,
       round(v::numeric) AS kr_per_innbygger, round(styring.group_median(p)::numeric) AS median
FROM ranked WHERE name = 'Hole' ORDER BY kind;

-- Errors.
SELECT call, regress.try('SELECT ' || call) AS result
FROM (VALUES
    ($$'{1,2,x}'::styring.profile$$), ($$'1,2'::styring.profile$$), ($$'{1,2'::styring.profile$$),
    ($$'{1,,2}'::styring.profile$$), ($$'{1,2} x'::styring.profile$$), ($$'{}'::styring.profile$$),
    ($$'{1,NaN}'::styring.profile$$), ($$'{1,-inf}'::styring.profile$$), ($$'{1e999}'::styring.profile$$),
    ($$styring.profile(v) FROM (VALUES (1::float8), ('Infinity')) x(v)$$),
    ($$styring.rank_in('{1,2}', 'NaN')$$),
    ($$styring.quantile_of('{1,2}', 1.5)$$), ($$styring.quantile_of('{1,2}', 'NaN')$$)
) v(call);
