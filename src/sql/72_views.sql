------------------------------------------------------------------------------
-- The views of a steering model
------------------------------------------------------------------------------
-- The views of a model, made by create_model and made again by upgrade_model
-- (CREATE OR REPLACE VIEW keeps the views users built on them). Plain SQL
-- types only, styring values also as text, for BI tools.
CREATE OR REPLACE FUNCTION @extschema@.model_views(model text) RETURNS void
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    stmt text;
BEGIN
    PERFORM @extschema@.model_check(model);
    FOREACH stmt IN ARRAY ARRAY[
$v$CREATE OR REPLACE VIEW %1$I.goal_attainment AS
WITH applies AS (
    SELECT gi.goal, gi.indicator, m.unit, m.year, m.value, gi.target, gi.unit IS NOT NULL AS own_target
    FROM %1$I.goal_indicator gi
    JOIN %1$I.measurement m ON m.indicator = gi.indicator AND m.gender = 'T'
     AND (m.unit = gi.unit
          OR (gi.unit IS NULL AND NOT EXISTS (SELECT FROM %1$I.goal_indicator o
                                              WHERE o.goal OPERATOR(@extschema@.=) gi.goal AND o.indicator = gi.indicator AND o.unit = m.unit)))
    WHERE gi.target IS NOT NULL)
SELECT a.goal::text AS goal, g.name AS goal_name, g.level, @extschema@.nlevel(a.goal) AS depth,
       a.indicator, i.name AS indicator_name, a.unit, u.name AS unit_name, a.year,
       a.target::text AS target, a.own_target,
       @extschema@.target_value(a.target) AS target_value, @extschema@.target_year(a.target) AS target_year,
       @extschema@.target_baseline(a.target) AS baseline, a.value AS actual,
       @extschema@.progress(a.target, a.value) AS progress, @extschema@.attainment(a.target, a.value) AS attainment,
       @extschema@.achieved(a.target, a.value) AS achieved, @extschema@.expected_progress(a.target, a.year) AS expected_progress,
       @extschema@.status(a.target, a.value, a.year)::text AS status,
       @extschema@.traffic_light(@extschema@.status(a.target, a.value, a.year)) AS traffic_light
FROM applies a
JOIN %1$I.goal g ON g.path OPERATOR(@extschema@.=) a.goal
JOIN %1$I.indicator i ON i.code = a.indicator
JOIN %1$I.unit u ON u.code = a.unit$v$,
$v$CREATE OR REPLACE VIEW %1$I.goal_rollup AS
SELECT r.unit, u.name AS unit_name, r.year, n.path::text AS path, g.name AS goal_name, n.level AS depth,
       n.n AS measured, n.flat_mean AS mean_attainment, n.chain_mean AS chain_attainment
FROM (SELECT unit, year, @extschema@.chain_rollup(goal::@extschema@.goalpath, attainment) AS nodes
      FROM %1$I.goal_attainment GROUP BY unit, year) r
CROSS JOIN LATERAL unnest(r.nodes) AS n(path, level, n, flat_mean, chain_mean)
JOIN %1$I.unit u ON u.code = r.unit
LEFT JOIN %1$I.goal g ON g.path OPERATOR(@extschema@.=) n.path$v$,
-- Every member row joined to its group's stored profile: a filter on unit,
-- year, indicator or group reaches the indexes of measurement, group_member
-- and group_profile, and no group is profiled to answer a query.
$v$CREATE OR REPLACE VIEW %1$I.ranking AS
SELECT gm.group_code, cg.name AS group_name, cg.kind AS group_kind, m.indicator, m.year, m.gender,
       m.unit, u.name AS unit_name, m.value, coalesce(i.higher_is_better, true) AS higher_is_better,
       @extschema@.rank_in(gp.profile, m.value, coalesce(i.higher_is_better, true)) AS rank,
       @extschema@.group_size(gp.profile) AS group_size,
       format('nr %%s av %%s', @extschema@.rank_in(gp.profile, m.value, coalesce(i.higher_is_better, true)), @extschema@.group_size(gp.profile)) AS place,
       @extschema@.percent_rank_in(gp.profile, m.value, coalesce(i.higher_is_better, true)) AS percent_rank,
       @extschema@.quartile_band(gp.profile, m.value, coalesce(i.higher_is_better, true)) AS quartile_band,
       @extschema@.grade(gp.profile, m.value, coalesce(i.higher_is_better, true)) AS grade,
       @extschema@.group_mean(gp.profile) AS group_mean, @extschema@.group_median(gp.profile) AS group_median,
       @extschema@.deviation_from_mean(gp.profile, m.value) AS deviation_from_mean,
       @extschema@.deviation_from_mean_pct(gp.profile, m.value) AS deviation_from_mean_pct,
       @extschema@.deviation_from_median(gp.profile, m.value) AS deviation_from_median,
       @extschema@.deviation_from_median_pct(gp.profile, m.value) AS deviation_from_median_pct
FROM %1$I.group_member gm
JOIN %1$I.measurement m ON m.unit = gm.unit AND m.year = gm.year AND m.value IS NOT NULL
JOIN %1$I.group_profile gp ON gp.group_code = gm.group_code AND gp.indicator = m.indicator AND gp.year = m.year AND gp.gender = m.gender
JOIN %1$I.indicator i ON i.code = m.indicator
JOIN %1$I.comparison_group cg ON cg.code = gm.group_code
JOIN %1$I.unit u ON u.code = m.unit$v$,
$v$CREATE OR REPLACE VIEW %1$I.group_figures AS
SELECT gm.group_code, cg.name AS group_name, m.indicator, m.year, m.gender,
       count(*) AS members, count(m.value) AS members_reporting,
       sum(m.value) AS total,
       sum(p.population) FILTER (WHERE m.value IS NOT NULL) AS population,
       sum(m.value) FILTER (WHERE p.population > 0)
           / nullif(sum(p.population) FILTER (WHERE m.value IS NOT NULL AND p.population > 0), 0) AS kostra_per_inhabitant,
       avg(m.value / nullif(p.population, 0)) AS kolada_per_inhabitant,
       avg(m.value) AS kolada_mean,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY m.value) AS median
FROM %1$I.group_member gm
JOIN %1$I.measurement m ON m.unit = gm.unit AND m.year = gm.year
JOIN %1$I.comparison_group cg ON cg.code = gm.group_code
LEFT JOIN %1$I.unit_population p ON p.unit = m.unit AND p.year = m.year
GROUP BY gm.group_code, cg.name, m.indicator, m.year, m.gender$v$,
-- One aggregate pass per series; the latest value and the three years before
-- it are then read by the primary key, so a filter on unit or indicator
-- reaches the index and nothing sorts the whole table.
$v$CREATE OR REPLACE VIEW %1$I.trend AS
WITH series AS (
    SELECT unit, indicator, gender, count(*) AS years, min(year) AS first_year, max(year) AS last_year,
           regr_slope(value, year) AS slope
    FROM %1$I.measurement WHERE value IS NOT NULL GROUP BY unit, indicator, gender),
unit_target AS (
    SELECT DISTINCT ON (u.code, gi.indicator) u.code AS unit, gi.indicator, gi.target
    FROM %1$I.goal_indicator gi JOIN %1$I.unit u ON gi.unit = u.code OR gi.unit IS NULL
    WHERE gi.target IS NOT NULL
    ORDER BY u.code, gi.indicator, gi.unit IS NULL, gi.goal),
t AS (
    SELECT s.*, l.value AS last_value, p.mean3, ut.target,
           coalesce(@extschema@.higher_is_better(ut.target), i.higher_is_better) AS higher_is_better
    FROM series s
    JOIN %1$I.measurement l ON l.unit = s.unit AND l.indicator = s.indicator AND l.year = s.last_year AND l.gender = s.gender
    JOIN %1$I.indicator i ON i.code = s.indicator
    CROSS JOIN LATERAL (
        SELECT CASE WHEN count(*) > 0 THEN avg(m.value) END AS mean3 FROM %1$I.measurement m
        WHERE m.unit = s.unit AND m.indicator = s.indicator AND m.gender = s.gender
          AND m.year BETWEEN s.last_year - 3 AND s.last_year - 1 AND m.value IS NOT NULL) p
    LEFT JOIN unit_target ut ON ut.unit = s.unit AND ut.indicator = s.indicator AND s.gender = 'T')
SELECT t.unit, u.name AS unit_name, t.indicator, t.gender, t.years, t.first_year, t.last_year,
       t.slope, t.last_value, t.mean3 AS mean_previous_3_years,
       CASE WHEN t.mean3 IS NULL OR t.higher_is_better IS NULL THEN NULL
            WHEN t.last_value = t.mean3 THEN 'same'
            WHEN (t.last_value > t.mean3) = t.higher_is_better THEN 'better' ELSE 'worse' END AS versus_previous_3_years,
       t.target::text AS target, @extschema@.target_value(t.target) AS target_value,
       CASE WHEN t.target IS NULL THEN NULL
            WHEN @extschema@.achieved(t.target, t.last_value) THEN t.last_year
            WHEN t.slope IS NULL OR t.slope = 0 THEN NULL
            WHEN (@extschema@.target_value(t.target) - t.last_value) / t.slope <= 0 THEN NULL
            WHEN (@extschema@.target_value(t.target) - t.last_value) / t.slope > 1000 THEN NULL
            -- (a slope from binary fractions: 5.0000000001 years is 5)
            ELSE t.last_year + ceil((@extschema@.target_value(t.target) - t.last_value) / t.slope - 1e-9)::integer END AS year_reached
FROM t JOIN %1$I.unit u ON u.code = t.unit$v$,
$v$CREATE OR REPLACE VIEW %1$I.cost_quality AS
WITH pair AS (
    SELECT cq.cost_indicator, cq.quality_indicator, gm.group_code, c.year, c.unit,
           c.value / p.population AS cost_per_inhabitant, q.value AS quality,
           coalesce(qi.higher_is_better, true) AS quality_higher_is_better
    FROM %1$I.cost_quality_pair cq
    JOIN %1$I.indicator qi ON qi.code = cq.quality_indicator
    JOIN %1$I.measurement c ON c.indicator = cq.cost_indicator AND c.gender = 'T' AND c.value IS NOT NULL
    JOIN %1$I.measurement q ON q.indicator = cq.quality_indicator AND q.unit = c.unit AND q.year = c.year
     AND q.gender = 'T' AND q.value IS NOT NULL
    JOIN %1$I.unit_population p ON p.unit = c.unit AND p.year = c.year AND p.population > 0
    JOIN %1$I.group_member gm ON gm.unit = c.unit AND gm.year = c.year),
stats AS (
    SELECT cost_indicator, quality_indicator, group_code, year, count(*) AS units,
           corr(cost_per_inhabitant, quality) AS correlation,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY cost_per_inhabitant) AS median_cost,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY quality) AS median_quality
    FROM pair GROUP BY cost_indicator, quality_indicator, group_code, year)
SELECT p.cost_indicator, p.quality_indicator, p.group_code, p.year, p.unit, u.name AS unit_name,
       p.cost_per_inhabitant, p.quality, s.units, s.correlation, s.median_cost, s.median_quality,
       CASE WHEN p.cost_per_inhabitant > s.median_cost THEN 'high cost' ELSE 'low cost' END || ', ' ||
       CASE WHEN p.quality = s.median_quality THEN 'median quality'
            WHEN (p.quality > s.median_quality) = p.quality_higher_is_better THEN 'high quality' ELSE 'low quality' END AS quadrant
FROM pair p
JOIN stats s USING (cost_indicator, quality_indicator, group_code, year)
JOIN %1$I.unit u ON u.code = p.unit$v$,
$v$CREATE OR REPLACE VIEW %1$I.composite_index AS
WITH nation AS (
    SELECT m.indicator, m.year, @extschema@.profile(m.value) AS p
    FROM %1$I.measurement m JOIN %1$I.unit u ON u.code = m.unit AND u.kind = 'municipality'
    WHERE m.gender = 'T' AND m.value IS NOT NULL AND m.indicator IN (SELECT indicator FROM %1$I.index_weight)
    GROUP BY m.indicator, m.year),
graded AS (
    SELECT w.index_name, m.unit, m.year, w.weight,
           @extschema@.grade(n.p, m.value, coalesce(i.higher_is_better, true)) AS grade
    FROM %1$I.index_weight w
    JOIN %1$I.indicator i ON i.code = w.indicator
    JOIN %1$I.measurement m ON m.indicator = w.indicator AND m.gender = 'T' AND m.value IS NOT NULL
    JOIN %1$I.unit u ON u.code = m.unit AND u.kind = 'municipality'
    JOIN nation n ON n.indicator = m.indicator AND n.year = m.year),
indexed AS (
    SELECT g.index_name, g.unit, g.year, count(*) AS indicators, sum(g.weight * g.grade) / sum(g.weight) AS index_grade,
           count(*) = (SELECT count(*) FROM %1$I.index_weight w WHERE w.index_name = g.index_name) AS complete
    FROM graded g GROUP BY g.index_name, g.unit, g.year)
-- ranked among the units with every indicator of the index; the others get a grade but no rank
SELECT x.index_name, x.unit, u.name AS unit_name, x.year, x.indicators, x.complete, x.index_grade,
       CASE WHEN x.complete THEN rank() OVER (PARTITION BY x.index_name, x.year, x.complete ORDER BY x.index_grade DESC) END AS rank,
       count(*) FILTER (WHERE x.complete) OVER (PARTITION BY x.index_name, x.year) AS units
FROM indexed x JOIN %1$I.unit u ON u.code = x.unit$v$,
$v$CREATE OR REPLACE VIEW %1$I.evaluation_report AS
SELECT CASE WHEN grouping(e.unit) = 1 THEN 'all' ELSE e.unit END AS unit,
       CASE WHEN grouping(e.commissioner) = 1 THEN 'all' ELSE coalesce(e.commissioner, 'not reported') END AS commissioner,
       (@extschema@.evaluation_summary(e.usage, e.hours, e.rate, e.consultant, e.material, e.other, e.survey)).*
FROM %1$I.evaluation e
GROUP BY CUBE (e.unit, e.commissioner)$v$,
$v$CREATE OR REPLACE VIEW %1$I.goal_clarity AS
WITH c AS (
    SELECT g.path, g.name, g.level,
           EXISTS (SELECT FROM %1$I.goal_indicator gi WHERE gi.goal OPERATOR(@extschema@.=) g.path) AS measured_by_indicator,
           EXISTS (SELECT FROM %1$I.goal_indicator gi
                   WHERE gi.goal OPERATOR(@extschema@.=) g.path
                     AND (SELECT count(DISTINCT m.unit) FROM %1$I.measurement m
                          JOIN %1$I.unit u ON u.code = m.unit AND u.kind = 'municipality'
                          WHERE m.indicator = gi.indicator AND m.value IS NOT NULL) > 11) AS comparable_with_more_than_ten,
           EXISTS (SELECT FROM %1$I.goal_indicator gi JOIN %1$I.indicator i ON i.code = gi.indicator
                   WHERE gi.goal OPERATOR(@extschema@.=) g.path AND (gi.target IS NOT NULL OR i.higher_is_better IS NOT NULL)) AS target_or_direction_stated,
           EXISTS (SELECT FROM %1$I.goal_indicator gi
                   JOIN %1$I.measurement m ON m.indicator = gi.indicator AND (gi.unit IS NULL OR m.unit = gi.unit)
                   WHERE gi.goal OPERATOR(@extschema@.=) g.path AND m.value IS NOT NULL) AS results_reported,
           EXISTS (SELECT FROM %1$I.goal_indicator gi
                   JOIN %1$I.measurement m ON m.indicator = gi.indicator AND (gi.unit IS NULL OR m.unit = gi.unit) AND m.value IS NOT NULL
                   JOIN %1$I.group_member gm ON gm.unit = m.unit AND gm.year = m.year
                   WHERE gi.goal OPERATOR(@extschema@.=) g.path
                     AND EXISTS (SELECT FROM %1$I.group_member o JOIN %1$I.measurement om ON om.unit = o.unit AND om.year = o.year
                                 WHERE o.group_code = gm.group_code AND o.year = gm.year AND o.unit <> m.unit
                                   AND om.indicator = gi.indicator AND om.value IS NOT NULL)) AS compared_with_others,
           (SELECT sc.scope FROM %1$I.goal_scope sc WHERE sc.goal OPERATOR(@extschema@.=) g.path) AS scope,
           EXISTS (SELECT FROM %1$I.goal_analysis an WHERE an.goal OPERATOR(@extschema@.=) g.path AND an.answer <> '') AS analysis_attached
    FROM %1$I.goal g)
SELECT path::text AS goal, name AS goal_name, level,
       measured_by_indicator, comparable_with_more_than_ten, target_or_direction_stated, results_reported, compared_with_others,
       measured_by_indicator::int + comparable_with_more_than_ten::int + target_or_direction_stated::int
           + results_reported::int + compared_with_others::int AS score,
       5 AS criteria,
       -- the exercise's other criteria, from what the model keeps of them:
       -- whom the goal addresses (1 all services, 2 one: one or the other),
       -- and 8, an analysis attached to its results
       scope, analysis_attached,
       measured_by_indicator::int + comparable_with_more_than_ten::int + target_or_direction_stated::int
           + results_reported::int + compared_with_others::int + (scope IS NOT NULL)::int + analysis_attached::int AS full_score,
       7 AS full_criteria
FROM c$v$,
$v$CREATE OR REPLACE VIEW %1$I.scorecard AS
WITH a AS (
    SELECT goal, unit, year, avg(attainment) AS attainment, count(*) AS indicators,
           -- the worst status of the goal's indicators
           (array_agg(status ORDER BY array_position(ARRAY['off_track', 'at_risk', 'no_data', 'on_track', 'achieved'], status)))[1] AS status
    FROM %1$I.goal_attainment GROUP BY goal, unit, year)
SELECT coalesce(g.perspective, '') AS perspective, a.goal, g.name AS goal_name, g.level, a.unit, u.name AS unit_name, a.year,
       a.indicators, a.attainment, a.status, @extschema@.traffic_light(a.status::@extschema@.goal_status) AS traffic_light,
       an.question AS latest_question, an.answer AS latest_answer, an.year AS analysed_year,
       (SELECT count(*) FROM %1$I.action x WHERE x.goal OPERATOR(@extschema@.=) g.path AND x.unit = a.unit AND x.year <= a.year
          AND x.status IN ('planned', 'ongoing')) AS open_actions
FROM a
JOIN %1$I.goal g ON g.path OPERATOR(@extschema@.=) a.goal::@extschema@.goalpath
JOIN %1$I.unit u ON u.code = a.unit
LEFT JOIN LATERAL (
    SELECT x.question, x.answer, x.year FROM %1$I.goal_analysis x
    WHERE x.goal OPERATOR(@extschema@.=) g.path AND x.unit = a.unit AND x.year <= a.year
    ORDER BY x.year DESC, x.written DESC NULLS LAST, x.question LIMIT 1) an ON true$v$,
$v$COMMENT ON VIEW %1$I.scorecard IS 'the goals by balanced-scorecard perspective, per unit and year: mean attainment over the goal''s indicators, the worst status and its traffic light, the latest analysis (question and answer) and the open actions'$v$,
$v$COMMENT ON VIEW %1$I.goal_attainment IS 'attainment, expected progress, status and traffic light per goal, indicator, unit and year (the unit''s own target, else the one for every unit)'$v$,
$v$COMMENT ON VIEW %1$I.goal_rollup IS 'attainment rolled up the goal chain, level by level, per unit and year (styring.chain_rollup)'$v$,
$v$COMMENT ON VIEW %1$I.ranking IS 'where every unit stands in every comparison group it belongs to, per indicator, year and gender: nr X av N, percent rank, quartile band, grade, deviation from the group mean and median'$v$,
$v$COMMENT ON VIEW %1$I.group_figures IS 'group figures the KOSTRA way (ratio of sums: total / population) next to the Kolada way (unweighted mean of the members), with the median'$v$,
$v$COMMENT ON VIEW %1$I.trend IS 'per unit, indicator and gender: slope over the years (regr_slope), latest value against the mean of the previous three years, and the year the target is reached at the current trend'$v$,
$v$COMMENT ON VIEW %1$I.cost_quality IS 'spend per inhabitant against a quality indicator within each comparison group: correlation, medians and each unit''s quadrant'$v$,
$v$COMMENT ON VIEW %1$I.composite_index IS 'weighted composite index per unit and year: the weighted mean of its grades (1-6) among all municipalities, as Kommunebarometeret ranks them; ranked among the units with every indicator of the index'$v$,
$v$COMMENT ON VIEW %1$I.evaluation_report IS 'the evaluation inventory''s report per unit and commissioner, with totals per unit, per commissioner and overall (''all'') (styring.evaluation_summary)'$v$,
$v$COMMENT ON VIEW %1$I.goal_clarity IS 'how clear each goal is (Kommunens kvalitet i korthet, övning 1): the five criteria the measurements decide and their score; then whom the goal addresses (goal_scope: criterion 1 all services or 2 one), whether an analysis is attached (goal_analysis: criterion 8), and the score of all seven a goal can meet'$v$]
    LOOP
        EXECUTE format(stmt, model);
    END LOOP;
END $fn$;
COMMENT ON FUNCTION @extschema@.model_views(text) IS
    'makes (or makes again) the views of a steering model: goal_attainment, goal_rollup, ranking, group_figures, trend, cost_quality, composite_index, evaluation_report, goal_clarity, scorecard';
