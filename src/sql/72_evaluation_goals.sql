------------------------------------------------------------------------------
-- Evaluations tied to goals: what the inventory of Kvalitetsnätverk
-- Bergslagen's Resultatstyrning 2009 asks of each evaluation beyond its cost
-- and use: the goals it is tied to, the service area, the external body that
-- asked for it and whether the law requires it, the survey's target group
-- and method, how often it is made; the report's counts (how many of a
-- committee's evaluations are tied to goals, the surveys by target group
-- and method), the ownership problems styring.ownership_problem finds, and a
-- joint service's evaluation costs shared among its member municipalities
-- by population.
------------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION @extschema@.model_evaluation_goals(model text) RETURNS void
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
$ddl$CREATE TABLE IF NOT EXISTS %1$I.evaluation_detail (
    evaluation bigint PRIMARY KEY REFERENCES %1$I.evaluation (id) ON UPDATE CASCADE ON DELETE CASCADE,
    service_area text,
    external_body text,
    statutory boolean,
    survey_target_group text,
    survey_method text,
    periodicity text)$ddl$,
$ddl$COMMENT ON TABLE %1$I.evaluation_detail IS 'what the inventory records of an evaluation beyond its cost and use: the service area (committee), the external body that asked for it, whether the law requires it, the survey''s target group and method, how often it is made'$ddl$,
$ddl$CREATE TABLE IF NOT EXISTS %1$I.evaluation_goal (
    evaluation bigint NOT NULL REFERENCES %1$I.evaluation (id) ON UPDATE CASCADE ON DELETE CASCADE,
    goal @extschema@.goalpath NOT NULL REFERENCES %1$I.goal (path) ON UPDATE CASCADE ON DELETE CASCADE,
    PRIMARY KEY (evaluation, goal))$ddl$,
$ddl$COMMENT ON TABLE %1$I.evaluation_goal IS 'the goals an evaluation is tied to (it feeds the budget and goal process of these goals)'$ddl$,
$ddl$CREATE TABLE IF NOT EXISTS %1$I.joint_service_member (
    service text NOT NULL REFERENCES %1$I.unit (code) ON UPDATE CASCADE ON DELETE CASCADE,
    member text NOT NULL REFERENCES %1$I.unit (code) ON UPDATE CASCADE ON DELETE CASCADE,
    PRIMARY KEY (service, member),
    CHECK (service <> member))$ddl$,
$ddl$COMMENT ON TABLE %1$I.joint_service_member IS 'the member municipalities of a joint service (a kommunalförbund, an inter-municipal company) that share its costs'$ddl$,
$ddl$CREATE OR REPLACE VIEW %1$I.evaluation_goals AS
SELECT e.unit, u.name AS unit_name, e.year, coalesce(d.service_area, '') AS service_area,
       GROUPING(coalesce(d.service_area, '')) = 1 AS all_areas,
       count(*) AS evaluations,
       count(*) FILTER (WHERE t.tied) AS tied_to_goals,
       round(100.0 * count(*) FILTER (WHERE t.tied) / count(*), 1) AS tied_percent,
       count(*) FILTER (WHERE e.survey) AS surveys,
       count(*) FILTER (WHERE t.tied AND e.survey) AS tied_with_survey,
       count(*) FILTER (WHERE d.statutory) AS statutory,
       count(*) FILTER (WHERE d.external_body IS NOT NULL) AS for_an_external_body
FROM %1$I.evaluation e
JOIN %1$I.unit u ON u.code = e.unit
LEFT JOIN %1$I.evaluation_detail d ON d.evaluation = e.id
CROSS JOIN LATERAL (SELECT EXISTS (SELECT FROM %1$I.evaluation_goal g WHERE g.evaluation = e.id) AS tied) t
GROUP BY GROUPING SETS ((e.unit, u.name, e.year, coalesce(d.service_area, '')), (e.unit, u.name, e.year))$ddl$,
$ddl$COMMENT ON VIEW %1$I.evaluation_goals IS 'per unit, year and service area ('''' where none is recorded; all_areas and service_area NULL: all the unit''s): the evaluations, how many are tied to goals and their share in percent, the surveys among them, the statutory ones and those made for an external body'$ddl$,
$ddl$CREATE OR REPLACE VIEW %1$I.evaluation_surveys AS
SELECT e.unit, u.name AS unit_name, e.year, coalesce(d.survey_target_group, '') AS target_group, coalesce(d.survey_method, '') AS method,
       count(*) AS surveys
FROM %1$I.evaluation e
JOIN %1$I.unit u ON u.code = e.unit
LEFT JOIN %1$I.evaluation_detail d ON d.evaluation = e.id
WHERE e.survey
GROUP BY e.unit, u.name, e.year, coalesce(d.survey_target_group, ''), coalesce(d.survey_method, '')$ddl$,
$ddl$COMMENT ON VIEW %1$I.evaluation_surveys IS 'the citizen and user surveys per unit and year by target group and method, as the report tabulates them'$ddl$,
$ddl$CREATE OR REPLACE VIEW %1$I.evaluation_ownership AS
SELECT e.unit, u.name AS unit_name, e.id AS evaluation, e.name, e.year, e.commissioner, array_to_string(e.owner_levels, ', ') AS owners,
       o.problem, o.commissioner_not_owner
FROM %1$I.evaluation e
JOIN %1$I.unit u ON u.code = e.unit
CROSS JOIN LATERAL (
    SELECT @extschema@.ownership_problem(e.owner_levels) AS problem,
           -- the commissioner's level, in the inventory's words or styring's, is not among the owners
           e.commissioner IS NOT NULL AND e.owner_levels IS NOT NULL
               AND NOT (e.owner_levels && ARRAY[e.commissioner, CASE e.commissioner WHEN 'external' THEN 'extern' WHEN 'council' THEN 'nämnd'
                                                                                    WHEN 'service' THEN 'verksamhet' END]) AS commissioner_not_owner) o
WHERE o.problem IS NOT NULL OR o.commissioner_not_owner$ddl$,
$ddl$COMMENT ON VIEW %1$I.evaluation_ownership IS 'the evaluations whose result risks falling between the chairs: no owner, owners at several levels (styring.ownership_problem), or a commissioner who does not own the result'$ddl$,
$ddl$CREATE OR REPLACE VIEW %1$I.evaluation_cost_shared AS
WITH cost AS (
    SELECT e.unit AS service, e.year, sum(@extschema@.evaluation_cost(e.hours, e.rate, e.consultant, e.material, e.other)) AS cost
    FROM %1$I.evaluation e
    WHERE EXISTS (SELECT FROM %1$I.joint_service_member j WHERE j.service = e.unit)
    GROUP BY e.unit, e.year),
share AS (
    SELECT j.service, j.member, c.year, c.cost, p.population,
           sum(p.population) OVER (PARTITION BY j.service, c.year) AS members_population
    FROM cost c
    JOIN %1$I.joint_service_member j ON j.service = c.service
    LEFT JOIN %1$I.unit_population p ON p.unit = j.member AND p.year = c.year)
SELECT s.service, s.member, u.name AS member_name, s.year, s.cost AS service_cost, s.population, s.members_population,
       -- NULL for everyone while a member's population is missing: no share can be fair then
       CASE WHEN bool_and(s.population IS NOT NULL) OVER (PARTITION BY s.service, s.year) AND s.members_population > 0
            THEN s.cost * s.population / s.members_population END AS cost_share
FROM share s
JOIN %1$I.unit u ON u.code = s.member$ddl$,
$ddl$COMMENT ON VIEW %1$I.evaluation_cost_shared IS 'a joint service''s evaluation costs per year, shared among its member municipalities by population (exact numeric shares that add up to the cost; none while a member''s population is missing)'$ddl$]
    LOOP
        EXECUTE format(stmt, model);
    END LOOP;
END $fn$;
COMMENT ON FUNCTION @extschema@.model_evaluation_goals(text) IS
    'gives a model the tables evaluation_detail, evaluation_goal and joint_service_member and the views evaluation_goals, evaluation_surveys, evaluation_ownership and evaluation_cost_shared (create_model and upgrade_model call it; data and users'' views stay)';
