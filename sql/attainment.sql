-- Attainment (måloppnåelse), status and traffic lights, worked by hand.
SET extra_float_digits = 0;
-- Operators on our types resolve through search_path, as for any extension schema.
SET search_path = public, styring;

-- '>=' with a baseline: p = (a - B) / (T - B). 72 -> 90 by 2020, baseline 2015.
SELECT a, styring.progress(t, a) AS p, styring.attainment(t, a), styring.achieved(t, a)
FROM (VALUES ('>= 90 by 2020 from 72 in 2015'::styring.target)) v(t),
     (VALUES (60::float8), (72), (81), (89.99), (90), (99)) w(a);

-- '<=' with a baseline: p = (B - a) / (B - T). From 20 % down to at most 12 %.
SELECT a, styring.progress(t, a) AS p, styring.attainment(t, a), styring.achieved(t, a)
FROM (VALUES ('<= 12 by 2020 from 20 in 2015'::styring.target)) v(t),
     (VALUES (25::float8), (20), (16), (12), (8)) w(a);

-- '=' with a baseline: p = 1 - |a - T| / |B - T|; achieved within the tolerance.
SELECT a, styring.progress(t, a) AS p, styring.attainment(t, a), styring.achieved(t, a)
FROM (VALUES ('= 100 ±2 from 80'::styring.target)) v(t),
     (VALUES (70::float8), (80), (90), (98), (100), (101.5), (102), (102.0000001), (103), (130)) w(a);

-- Decimal boundaries hold although binary doubles round: 1.1 is within 0.1 of 1,
-- and 82.8 is exactly 60 % of the way from 72 to 90 (checked in the status test below).
SELECT styring.achieved('= 1 ±0.1', 1.1) AS upper_edge, styring.achieved('= 1 ±0.1', 0.9) AS lower_edge,
       styring.achieved('= 1 ±0.1', 1.1000001) AS just_outside;

-- Without a baseline: '>=' a / T, '<=' T / a (a <= 0 counts as reached), '=' 1 - |a - T| / |T|.
SELECT t, a, styring.progress(t, a) AS p, styring.attainment(t, a), styring.achieved(t, a)
FROM (VALUES ('>= 80'::styring.target), ('<= 4.5'), ('= 50')) v(t),
     (VALUES (-5::float8), (0), (2.25), (4.5), (40), (80), (90), (120)) w(a)
ORDER BY t, a;

-- Expected progress: linear from the baseline year to the target year, clamped;
-- 1 when either year is missing.
SELECT y, styring.expected_progress('>= 90 by 2020 from 72 in 2015', y) AS both_years,
       styring.expected_progress('>= 90 by 2020 from 72', y) AS no_baseline_year,
       styring.expected_progress('>= 90 from 72 in 2015', y) AS no_target_year
FROM generate_series(2013, 2022, 3) y;

-- Status and traffic light in 2018 (expected progress 0.6, margin 0.10).
SELECT a, styring.status(t, a, 2018) AS status, styring.traffic_light(styring.status(t, a, 2018)) AS light
FROM (VALUES ('>= 90 by 2020 from 72 in 2015'::styring.target)) v(t),
     (VALUES (NULL::float8), (70), (80), (81), (82.8), (83), (90)) w(a);

-- A wider margin, a year before the baseline, after the target year, and no year at all.
SELECT styring.status(t, 81, 2018, margin => 0.2) AS wide_margin,
       styring.status(t, 72, 2014) AS before_baseline,
       styring.status(t, 89, 2025) AS after_target_year,
       styring.status(t, 89) AS no_year,
       styring.status(t, 89, NULL, NULL) AS null_margin_is_default,
       styring.status(NULL, 89, 2018) IS NULL AS null_target
FROM (VALUES ('>= 90 by 2020 from 72 in 2015'::styring.target)) v(t);

SELECT s, styring.traffic_light(s) FROM unnest(enum_range(NULL::styring.goal_status)) s;

-- mean_attainment: rows without an actual value are skipped; weights optional.
SELECT styring.mean_attainment(t, a) AS mean,
       styring.mean_attainment(t, a, w) AS weighted,
       styring.mean_attainment(t, a, NULL) AS null_weight_is_one,
       count(a) AS with_data
FROM (VALUES ('>= 90 by 2020 from 72 in 2015'::styring.target, 81::float8, 2::float8),
             ('<= 12 by 2020 from 20 in 2015', 12, 1),
             ('= 100 ±2 from 80', 90, 1),
             ('>= 80', NULL, 5)) v(t, a, w);
SELECT styring.mean_attainment(t, a) IS NULL AS no_rows_is_null
FROM (VALUES ('>= 80'::styring.target, NULL::float8)) v(t, a);
SELECT styring.mean_attainment(t, a, 0) IS NULL AS zero_total_weight_is_null
FROM (VALUES ('>= 80'::styring.target, 40::float8)) v(t, a);

-- status_counts: how many goals are in each status, in one row.
SELECT (styring.status_counts(t, a, 2018)).*
FROM (VALUES ('>= 90 by 2020 from 72 in 2015'::styring.target, 81::float8),
             ('>= 90 by 2020 from 72 in 2015', 90),
             ('<= 12 by 2020 from 20 in 2015', 14),
             ('<= 12 by 2020 from 20 in 2015', 19),
             ('= 100 ±2', NULL),
             (NULL, 5)) v(t, a);
-- the same with GROUP BY, for a chart
SELECT styring.status(t, a, 2018) AS status, count(*)
FROM (VALUES ('>= 90 by 2020 from 72 in 2015'::styring.target, 81::float8),
             ('<= 12 by 2020 from 20 in 2015', 14), ('= 100 ±2', NULL)) v(t, a)
GROUP BY 1 ORDER BY 1;

-- Errors: non-finite actual values, bad weights and margins.
SELECT call, regress.try('SELECT ' || call) AS result
FROM (VALUES
    ($$styring.attainment('>= 90', 'NaN')$$),
    ($$styring.progress('>= 90', 'Infinity')$$),
    ($$styring.achieved('>= 90', '-Infinity')$$),
    ($$styring.status('>= 90', 'NaN', 2018)$$),
    ($$styring.status('>= 90', 50, 2018, -0.1)$$),
    ($$styring.status('>= 90', 50, 2018, 'NaN')$$),
    ($$styring.progress('<= 1e300', 1e-300)$$),
    ($$styring.mean_attainment(t, a, w) FROM (VALUES ('>= 90'::styring.target, 50::float8, -1::float8)) v(t, a, w)$$),
    ($$styring.mean_attainment(t, a, w) FROM (VALUES ('>= 90'::styring.target, 50::float8, 'Infinity'::float8)) v(t, a, w)$$),
    ($$styring.mean_attainment_state_final('\x0102')$$),
    ($$styring.mean_attainment_state_trans('\x02' || '\x00'::bytea || repeat('\000', 39)::bytea, '>= 1', 1)$$),
    ($$styring.mean_attainment_state_combine('\x01' || repeat('\000', 40)::bytea, '\x01' || '\x000000000000f87f'::bytea || repeat('\000', 32)::bytea)$$),
    ($$styring.mean_attainment_state_final('\x01' || '\x000000000000f0bf'::bytea || repeat('\000', 32)::bytea)$$),
    ($$styring.status_counts_final('{1,2,3}')$$)
) v(call);
