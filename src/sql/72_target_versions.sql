------------------------------------------------------------------------------
-- Targets that live: a goal's target on an indicator is decided, revised
-- and replaced, and a revision does not rewrite history: a year is judged
-- against the target in force that year. Besides a level to reach
-- (styring.target), a target may be relative, as the Bergslagen
-- municipalities set them: better than last year, better than the median of
-- a comparison group, or a gap that shrinks (the difference between women
-- and men, K − M). A baseline first estimated and revised later is a new
-- version flagged as such. And a results function proposes targets: the
-- level of the group's best quartile.
------------------------------------------------------------------------------

-- The level of a group's best quartile as a target: at least the upper
-- quartile where higher is better, at most the lower quartile where lower
-- is better (percentile_cont, as the profile's quantile_of computes it).
CREATE OR REPLACE FUNCTION @extschema@.propose_target(@extschema@.profile, higher_is_better boolean DEFAULT true)
    RETURNS @extschema@.target
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    -- a level of 0 makes no target to measure attainment by (a ratio to it)
    RETURN (SELECT CASE WHEN q.level <> 0 THEN @extschema@.make_target(CASE WHEN higher_is_better THEN '>=' ELSE '<=' END, q.level) END
            FROM (SELECT @extschema@.quantile_of($1, CASE WHEN higher_is_better THEN 0.75 ELSE 0.25 END) AS level) q);
COMMENT ON FUNCTION @extschema@.propose_target(@extschema@.profile, boolean) IS
    'a target at the level of the group''s best quartile: >= its upper quartile where higher is better, <= its lower quartile where lower is better; NULL where that level is 0 (no target to measure attainment by)';

CREATE OR REPLACE FUNCTION @extschema@.model_targets(model text) RETURNS void
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
    -- no NOTICE for a table an upgraded model already has
    SET client_min_messages = warning
AS $fn$
DECLARE
    stmt text;
BEGIN
    PERFORM @extschema@.model_check(model);
    FOREACH stmt IN ARRAY ARRAY[
$ddl$CREATE TABLE IF NOT EXISTS %1$I.goal_target (
    goal @extschema@.goalpath NOT NULL REFERENCES %1$I.goal (path) ON UPDATE CASCADE ON DELETE CASCADE,
    indicator text NOT NULL REFERENCES %1$I.indicator (code) ON UPDATE CASCADE ON DELETE CASCADE,
    unit text REFERENCES %1$I.unit (code) ON UPDATE CASCADE ON DELETE CASCADE,
    valid_from integer NOT NULL,
    kind text NOT NULL DEFAULT 'level'
        CHECK (kind IN ('level', 'better_than_last_year', 'better_than_median', 'gap_shrinks')),
    target @extschema@.target,
    compare_group text REFERENCES %1$I.comparison_group (code) ON UPDATE CASCADE ON DELETE CASCADE,
    estimated_baseline boolean NOT NULL DEFAULT false,
    decided date,
    notes text,
    CHECK ((kind = 'level') = (target IS NOT NULL)),
    CHECK ((kind = 'better_than_median') = (compare_group IS NOT NULL)),
    UNIQUE NULLS NOT DISTINCT (goal, indicator, unit, valid_from))$ddl$,
$ddl$COMMENT ON TABLE %1$I.goal_target IS 'the versions of a goal''s target on an indicator (unit NULL: for every unit without its own), each in force from the year valid_from until the next: a level to reach (target), better than last year, better than the median of compare_group, or a gap between women and men (K - M) that shrinks; estimated_baseline flags a baseline that was an estimate'$ddl$,
$ddl$CREATE OR REPLACE VIEW %1$I.target_attainment AS
WITH version AS (
    SELECT t.*, lead(t.valid_from) OVER (PARTITION BY t.goal, t.indicator, t.unit ORDER BY t.valid_from) AS valid_to
    FROM %1$I.goal_target t),
-- every unit's series: the total, and the gap between women and men
series AS (
    SELECT m.unit, m.indicator, m.year, 'T' AS measure, m.value
    FROM %1$I.measurement m WHERE m.gender = 'T' AND m.value IS NOT NULL
    UNION ALL
    SELECT k.unit, k.indicator, k.year, 'K-M', k.value - mm.value
    FROM %1$I.measurement k
    JOIN %1$I.measurement mm ON mm.unit = k.unit AND mm.indicator = k.indicator AND mm.year = k.year AND mm.gender = 'M'
    WHERE k.gender = 'K' AND k.value IS NOT NULL AND mm.value IS NOT NULL),
-- the version in force for each unit's year: its own, else the one for every unit
applies AS (
    SELECT v.goal, v.indicator, s.unit, s.year, v.valid_from, v.kind, v.target, v.compare_group, v.estimated_baseline,
           v.unit IS NOT NULL AS own_target, s.value AS actual
    FROM version v
    JOIN series s ON s.indicator = v.indicator AND s.measure = CASE v.kind WHEN 'gap_shrinks' THEN 'K-M' ELSE 'T' END
     AND s.year >= v.valid_from AND (v.valid_to IS NULL OR s.year < v.valid_to)
     AND (s.unit = v.unit
          OR (v.unit IS NULL AND NOT EXISTS (SELECT FROM %1$I.goal_target o
                                             WHERE o.goal OPERATOR(@extschema@.=) v.goal AND o.indicator = v.indicator AND o.unit = s.unit)))),
-- what each year is compared with: the target's value, last year's value or
-- gap (one row of the series at most), the group's median that year
judged AS (
    SELECT a.*, coalesce(i.higher_is_better, true) AS higher_is_better,
           CASE a.kind
               WHEN 'level' THEN @extschema@.target_value(a.target)
               WHEN 'better_than_median' THEN @extschema@.group_median(p.profile)
               ELSE prev.value
           END AS reference
    FROM applies a
    JOIN %1$I.indicator i ON i.code = a.indicator
    LEFT JOIN series prev ON a.kind IN ('better_than_last_year', 'gap_shrinks') AND prev.unit = a.unit AND prev.indicator = a.indicator
                         AND prev.measure = CASE a.kind WHEN 'gap_shrinks' THEN 'K-M' ELSE 'T' END AND prev.year = a.year - 1
    LEFT JOIN %1$I.group_profile p ON a.kind = 'better_than_median' AND p.group_code = a.compare_group AND p.indicator = a.indicator
                                  AND p.year = a.year AND p.gender = 'T')
SELECT j.goal::text AS goal, g.name AS goal_name, j.indicator, i.name AS indicator_name, j.unit, u.name AS unit_name, j.year,
       j.kind, j.valid_from, j.own_target, j.target::text AS target, j.compare_group, j.estimated_baseline,
       j.actual, j.reference,
       CASE WHEN j.kind = 'level' THEN @extschema@.attainment(j.target, j.actual) END AS attainment,
       CASE j.kind
           WHEN 'level' THEN @extschema@.achieved(j.target, j.actual)
           WHEN 'gap_shrinks' THEN abs(j.actual) < abs(j.reference)
           ELSE CASE WHEN j.higher_is_better THEN j.actual > j.reference ELSE j.actual < j.reference END
       END AS achieved,
       CASE WHEN j.kind = 'level' THEN @extschema@.status(j.target, j.actual, j.year)::text END AS status
FROM judged j
JOIN %1$I.goal g ON g.path OPERATOR(@extschema@.=) j.goal
JOIN %1$I.indicator i ON i.code = j.indicator
JOIN %1$I.unit u ON u.code = j.unit$ddl$,
$ddl$COMMENT ON VIEW %1$I.target_attainment IS 'every unit''s year judged against the version of its target in force that year: a level (attainment, achieved, status), better than last year, better than the compare group''s median, or a gap between women and men (actual K - M) smaller than last year''s; reference is what the year is compared with (the target value, last year''s value or gap, the median)'$ddl$,
$ddl$CREATE OR REPLACE VIEW %1$I.target_proposal AS
SELECT p.group_code, cg.name AS group_name, p.indicator, i.name AS indicator_name, p.year, p.gender,
       coalesce(i.higher_is_better, true) AS higher_is_better, @extschema@.group_size(p.profile) AS members,
       @extschema@.quantile_of(p.profile, CASE WHEN coalesce(i.higher_is_better, true) THEN 0.75 ELSE 0.25 END) AS best_quartile,
       @extschema@.propose_target(p.profile, coalesce(i.higher_is_better, true))::text AS proposed_target
FROM %1$I.group_profile p
JOIN %1$I.indicator i ON i.code = p.indicator
JOIN %1$I.comparison_group cg ON cg.code = p.group_code
WHERE @extschema@.group_size(p.profile) > 0$ddl$,
$ddl$COMMENT ON VIEW %1$I.target_proposal IS 'a proposed target for every comparison group, indicator, year and gender: the level of the group''s best quartile (styring.propose_target), as a results function would propose it'$ddl$]
    LOOP
        EXECUTE format(stmt, model);
    END LOOP;
END $fn$;
COMMENT ON FUNCTION @extschema@.model_targets(text) IS
    'gives a model the table goal_target and the views target_attainment and target_proposal (create_model and upgrade_model call it; data and users'' views stay)';
