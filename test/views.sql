-- The steering model's views on the demo data, against PostgreSQL's own
-- window and aggregate functions on the same rows, and against values worked
-- out by hand.
\set QUIET on
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS styring;
SET client_min_messages = warning;
\i demo/bolig_for_velferd.sql
\i demo/bergslagen.sql
\i demo/model.sql
\set QUIET on
SELECT plan(15);

-- the members' values, as a user would join them
CREATE TEMP VIEW mv AS
SELECT gm.group_code, m.indicator, m.year, m.gender, m.unit, m.value, coalesce(i.higher_is_better, true) AS hib
FROM kommune.group_member gm
JOIN kommune.measurement m ON m.unit = gm.unit AND m.year = gm.year AND m.value IS NOT NULL
JOIN kommune.indicator i ON i.code = m.indicator;

SELECT is((SELECT count(*)::int FROM kommune.ranking), (SELECT count(*)::int FROM mv), 'ranking: a row per member with a value');
SELECT is((SELECT count(*)::int FROM kommune.ranking r JOIN (
             SELECT group_code, indicator, year, gender, unit,
                    CASE WHEN hib THEN rank() OVER (PARTITION BY group_code, indicator, year, gender ORDER BY value DESC)
                         ELSE rank() OVER (PARTITION BY group_code, indicator, year, gender ORDER BY value ASC) END AS rank,
                    CASE WHEN hib THEN percent_rank() OVER (PARTITION BY group_code, indicator, year, gender ORDER BY value DESC)
                         ELSE percent_rank() OVER (PARTITION BY group_code, indicator, year, gender ORDER BY value ASC) END AS pr
             FROM mv) w USING (group_code, indicator, year, gender, unit)
           WHERE r.rank = w.rank AND r.percent_rank = w.pr), (SELECT count(*)::int FROM mv),
          'ranking: every rank equals rank() OVER and every percent rank percent_rank() OVER (direction from the indicator)');
SELECT is((SELECT count(*)::int FROM kommune.ranking WHERE place <> format('nr %s av %s', rank, group_size)), 0, 'ranking: nr X av N');
SELECT is((SELECT place FROM kommune.ranking WHERE unit = '0612' AND group_code = 'landet' AND indicator = 'idrett_netto_per_innb'),
          'nr 224 av 404', 'Hole is nr 224 av 404 in the country on net expenditure per inhabitant (lower is better)');

SELECT is((SELECT count(*)::int FROM kommune.group_figures f JOIN (
             SELECT gm.group_code, m.indicator, m.year, m.gender,
                    sum(m.value) FILTER (WHERE p.population > 0) / sum(p.population) FILTER (WHERE m.value IS NOT NULL AND p.population > 0) AS ratio,
                    avg(m.value / nullif(p.population, 0)) AS mean
             FROM kommune.group_member gm JOIN kommune.measurement m ON m.unit = gm.unit AND m.year = gm.year
             LEFT JOIN kommune.unit_population p ON p.unit = m.unit AND p.year = m.year
             GROUP BY 1, 2, 3, 4) s USING (group_code, indicator, year, gender)
           -- the same sums in another order: equal to the last bits of a double
           WHERE (f.kostra_per_inhabitant IS NULL AND s.ratio IS NULL OR abs(f.kostra_per_inhabitant - s.ratio) <= 1e-12 * abs(s.ratio))
             AND (f.kolada_per_inhabitant IS NULL AND s.mean IS NULL OR abs(f.kolada_per_inhabitant - s.mean) <= 1e-12 * abs(s.mean))),
          (SELECT count(*)::int FROM kommune.group_figures), 'group figures: ratio of sums and mean of ratios, as plain SQL sums them');


SELECT is((SELECT count(*)::int FROM kommune.trend t JOIN (
             SELECT unit, indicator, gender, regr_slope(value, year) AS slope FROM kommune.measurement WHERE value IS NOT NULL GROUP BY 1, 2, 3) s
             USING (unit, indicator, gender) WHERE t.slope IS NOT DISTINCT FROM s.slope),
          (SELECT count(*)::int FROM kommune.trend), 'trend: every slope equals regr_slope');
SELECT results_eq($$SELECT slope, last_value, mean_previous_3_years, versus_previous_3_years, year_reached
                    FROM kommune.trend WHERE unit = '3301' AND indicator = 'bf1'$$,
                  $$VALUES (-9::float8, 12::float8, 25.5::float8, 'better', 2019)$$,
                  'trend: Drammen bf1 falls 9 a year from 12 (2018) to its target 5, reached in 2019 (12 - 9 < 5)');

SELECT is((SELECT count(*)::int FROM (SELECT DISTINCT group_code, correlation FROM kommune.cost_quality) c JOIN (
             SELECT gm.group_code, corr(c.value / p.population, q.value) AS r
             FROM kommune.group_member gm
             JOIN kommune.measurement c ON c.unit = gm.unit AND c.year = gm.year AND c.indicator = 'Netto.driftsutgifter..kommunale.idrettsbygg..konsern' AND c.value IS NOT NULL
             JOIN kommune.measurement q ON q.unit = gm.unit AND q.year = gm.year AND q.indicator = 'idrett_areal_per_1000' AND q.value IS NOT NULL
             JOIN kommune.unit_population p ON p.unit = gm.unit AND p.year = gm.year AND p.population > 0
             GROUP BY 1) s USING (group_code)
           WHERE c.correlation IS NULL AND s.r IS NULL OR abs(c.correlation - s.r) <= 1e-12),
          (SELECT count(DISTINCT group_code)::int FROM kommune.cost_quality), 'cost against quality: every correlation equals corr()');

SELECT is((SELECT round(attainment::numeric, 4) || ' ' || status || ' ' || traffic_light FROM kommune.goal_attainment
           WHERE unit = 'EAK' AND indicator = 'bf2' AND year = 2018),
          '0.5625 at_risk yellow', 'attainment: (36.5 - 32) / (40 - 32), behind the expected 60 % by less than the margin');
SELECT is((SELECT count(*)::int FROM kommune.goal_attainment WHERE year = 2018 AND NOT own_target), 5,
          'the national targets apply to the country only: every municipality here has its own');
SELECT is((SELECT round(chain_attainment::numeric, 4) FROM kommune.goal_rollup WHERE unit = 'EAK' AND year = 2018 AND depth = 1),
          (SELECT round(((((SELECT avg(attainment) FROM kommune.goal_attainment WHERE unit = 'EAK' AND year = 2018 AND goal LIKE '%barnefamilier_og_unge.eie_egen_bolig')
                        + (SELECT avg(attainment) FROM kommune.goal_attainment WHERE unit = 'EAK' AND year = 2018 AND goal LIKE '%trygg_bolig')) / 2
                       + ((SELECT avg(attainment) FROM kommune.goal_attainment WHERE unit = 'EAK' AND year = 2018 AND goal LIKE '%vanskeligstilte.eie_egen_bolig')
                        + (SELECT avg(attainment) FROM kommune.goal_attainment WHERE unit = 'EAK' AND year = 2018 AND goal LIKE '%god_standard')) / 2) / 2)::numeric, 4)),
          'roll-up: the strategy''s attainment is the mean of its two direction goals, each the mean of its effect goals');

SELECT is((SELECT count(*)::int FROM kommune.composite_index x JOIN (
             SELECT m.unit, sum(w.weight * styring.grade(n.p, m.value, i.higher_is_better)) / sum(w.weight) AS g
             FROM kommune.index_weight w JOIN kommune.indicator i ON i.code = w.indicator
             JOIN kommune.measurement m ON m.indicator = w.indicator AND m.value IS NOT NULL
             JOIN kommune.unit u ON u.code = m.unit AND u.kind = 'municipality'
             JOIN (SELECT m2.indicator, styring.profile(m2.value) AS p FROM kommune.measurement m2
                   JOIN kommune.unit u2 ON u2.code = m2.unit AND u2.kind = 'municipality'
                   WHERE m2.value IS NOT NULL GROUP BY 1) n ON n.indicator = m.indicator
             GROUP BY m.unit) s USING (unit) WHERE abs(x.index_grade - s.g) < 1e-12),
          (SELECT count(*)::int FROM kommune.composite_index), 'composite index: the weighted mean of the grades');

SELECT is((SELECT count(*)::int FROM kommune.evaluation_report r JOIN (
             SELECT unit, sum(styring.evaluation_cost(hours, rate, consultant, material, other)) AS total, count(*) AS n
             FROM kommune.evaluation GROUP BY unit) s USING (unit)
           WHERE r.commissioner = 'all' AND r.total_cost = s.total AND r.evaluations = s.n), 7,
          'evaluations: every municipality''s total cost equals the sum of evaluation_cost, to the öre');
SELECT is((SELECT evaluations::int FROM kommune.evaluation_report WHERE unit = 'all' AND commissioner = 'all'), 497,
          'evaluations: 497 in the seven municipalities (70 + 84 + 87 + 56 + 75 + 66 + 59)');
SELECT results_eq($$SELECT level, score, count(*)::int FROM kommune.goal_clarity GROUP BY 1, 2 ORDER BY 1, 2$$,
                  $$VALUES ('direction_goal', 0, 3), ('effect_goal', 3, 4)$$,
                  'goal clarity: the effect goals have an indicator, a target and results (3 of 5; fewer than 11 others report them, and none in a comparison group)');

SELECT * FROM finish();
ROLLBACK;
