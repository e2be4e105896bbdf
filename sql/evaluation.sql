-- Evaluations: the eval_usage type, exact costs, and the Bergslagen report
-- (*Resultatstyrning 2009*, Kvalitetsnätverk Bergslagen) reproduced from an inventory with evaluation_summary.
SET extra_float_digits = 0;
SET search_path = public, styring;

-- Uses in English, Swedish and Norwegian; canonical English output.
SELECT input, input::eval_usage AS usage, unused(input::eval_usage)
FROM (VALUES ('{action_plan,other}'), ('{ other , political_decision }'), ('{}'),
             ('{politiskt_beslut,handlingsplan,budget_och_målprocess,annat}'),
             ('{politisk_vedtak,handlingsplan,budsjett_og_målprosess,annet}'),
             ('{"Action_Plan",BUDGET_OCH_MÅLPROCESS}'), ('{annat,annat,other}')) v(input);

-- Set operators and casts.
SELECT '{action_plan,other}'::eval_usage @> '{other}' AS contains,
       '{other}'::eval_usage <@ '{action_plan,other}' AS contained,
       '{action_plan}'::eval_usage && '{other}' AS overlaps,
       '{handlingsplan,annet}'::eval_usage = '{other,action_plan}' AS equal,
       ARRAY['handlingsplan', 'annat']::eval_usage AS from_array,
       '{budget_process,political_decision}'::eval_usage::text[] AS to_array;
SELECT usage, count(*) FROM (VALUES ('{other}'::eval_usage), ('{annat}'), ('{}'), ('{}'), ('{action_plan}')) v(usage)
GROUP BY usage ORDER BY usage;

-- Exact costs: own hours at the rate plus the rest; NULL parts count as 0.
SELECT evaluation_cost(120, 280) AS own_time_only,
       evaluation_cost(12.5, 280, consultant => 45000, material => 1250.50, other => 0.25) AS everything,
       evaluation_cost(NULL, 280, 30000) AS consultant_only,
       evaluation_cost(NULL, NULL, NULL, NULL, NULL) IS NULL AS nothing_reported,
       evaluation_cost(0.1, 0.1) AS tiny,
       evaluation_cost(1e15, 280.01) AS large;

-- Result ownership: no owner, or owners at several levels, "fall between the chairs".
SELECT owners, ownership_problem(owners)
FROM (VALUES (NULL::text[]), ('{}'), ('{"", " "}'), ('{nämnd}'), ('{nämnd,nämnd}'), ('{nämnd,förvaltning}')) v(owners);

-- Errors.
SELECT call, regress.try('SELECT ' || call) AS result
FROM (VALUES
    ($$'{foo}'::styring.eval_usage$$), ($$'{action_plan,budsjett}'::styring.eval_usage$$),
    ($$'action_plan'::styring.eval_usage$$), ($$'{action_plan'::styring.eval_usage$$),
    ($$'{action_plan,}'::styring.eval_usage$$), ($$'{} x'::styring.eval_usage$$),
    ($$ARRAY['politiskt_beslut', 'bogus']::styring.eval_usage$$), ($$ARRAY['other', NULL]::styring.eval_usage$$),
    ($$styring.evaluation_cost(10, NULL)$$), ($$styring.evaluation_cost(-1, 280)$$),
    ($$styring.evaluation_cost(1, 280, 'NaN')$$), ($$styring.evaluation_cost(1, -280)$$)
) v(call);

-- The Bergslagen inventory (reconstructed from the report's tables; see demo/data/README.md).
\set ECHO none
\i demo/bergslagen.sql
\set ECHO all
CREATE TEMP TABLE summary AS
SELECT municipality, commissioner, grouping(commissioner) = 1 AS total,
       (evaluation_summary(usage, hours, 280, consultant, material, other, survey)).*
FROM demo.evaluation GROUP BY municipality, ROLLUP (commissioner);

-- Table 1: evaluations per municipality.
SELECT s.municipality AS kommun, s.evaluations AS antal, p.evaluations AS publicerat,
       s.evaluations = p.evaluations AS lika
FROM summary s JOIN demo.published_municipality p USING (municipality) WHERE s.total ORDER BY 1;

-- Table 2: costs by kind (kr, to the krona); own time at 280 kr/h.
SELECT s.municipality AS kommun, s.costed AS kostnadsberäknade,
       round(s.staff_cost) AS lönekostnader, round(s.consultant_cost) AS konsult, round(s.material_cost) AS material,
       round(s.other_cost) AS övrigt, round(s.total_cost) AS totalt, p.total_cost AS publicerat_totalt,
       CASE WHEN round(s.staff_cost) = p.staff_cost AND s.consultant_cost = p.consultant_cost
                 AND s.material_cost = p.material_cost AND s.other_cost = p.other_cost
            THEN CASE WHEN round(s.total_cost) = p.total_cost THEN 'ok'
                      ELSE 'parts ok; the published total is not the sum of the published parts' END
            ELSE 'MISMATCH' END AS status
FROM summary s JOIN demo.published_municipality p USING (municipality) WHERE s.total ORDER BY 1;

-- Tables 3, 4, 6, 7, 9, 10: share used for each purpose, by commissioner, in percent:
-- ours (published). Within the report's rounding means less than one point apart;
-- where not, the status says why: a share that no whole number of evaluations
-- gives, a row the report's own figures cannot both satisfy (see the notes in
-- demo/bergslagen.sql), or a total row that differs from what its own rows add up to.
CREATE TEMP VIEW shares AS
SELECT s.municipality, s.commissioner, s.evaluations, u.purpose, u.ord, d.note,
       100 * CASE u.purpose WHEN 'political_decision' THEN s.share_political_decision
                            WHEN 'action_plan' THEN s.share_action_plan
                            WHEN 'budget_process' THEN s.share_budget_process
                            WHEN 'other' THEN s.share_other_use
                            ELSE s.share_unused END AS ours,
       CASE u.purpose WHEN 'political_decision' THEN p.political_decision WHEN 'action_plan' THEN p.action_plan
                      WHEN 'budget_process' THEN p.budget_process WHEN 'other' THEN p.other
                      ELSE coalesce(p.unused, 0) END AS published
FROM summary s
JOIN demo.published_use p ON p.municipality = s.municipality
                         AND p.commissioner IS NOT DISTINCT FROM s.commissioner AND (p.commissioner IS NULL) = s.total
LEFT JOIN demo.derived_use d ON d.municipality = s.municipality AND d.commissioner = s.commissioner
CROSS JOIN (VALUES (1, 'political_decision'), (2, 'action_plan'), (3, 'budget_process'), (4, 'other'), (5, 'unused')) u(ord, purpose);

-- what a table's own commissioner rows add up to, for each total row
CREATE TEMP VIEW implied AS
SELECT municipality, u.purpose,
       round(100 * sum(round(CASE u.purpose WHEN 'political_decision' THEN political_decision WHEN 'action_plan' THEN action_plan
                                            WHEN 'budget_process' THEN budget_process WHEN 'other' THEN other
                                            ELSE coalesce(unused, 0) END * n / 100)) / sum(n)) AS implied
FROM demo.published_use, (VALUES ('political_decision'), ('action_plan'), ('budget_process'), ('other'), ('unused')) u(purpose)
WHERE commissioner IS NOT NULL GROUP BY municipality, u.purpose;

CREATE TEMP VIEW cells AS
SELECT sh.*, i.implied,
       CASE WHEN abs(sh.ours::numeric - sh.published) < 1 THEN NULL
            WHEN sh.commissioner IS NULL AND abs(i.implied - sh.published) >= 1
                 THEN sh.purpose || ': the report''s own rows give ' || i.implied || ' %'
            WHEN sh.commissioner IS NOT NULL AND sh.note IS NOT NULL
                 THEN sh.purpose || ': the report cannot hold (' || sh.note || ')'
            WHEN sh.commissioner IS NOT NULL
                 AND abs(round(sh.published * sh.evaluations / 100) / sh.evaluations * 100 - sh.ours::numeric) < 1e-9
                 THEN sh.purpose || ': ' || sh.published || ' % of ' || sh.evaluations || ' is no whole number'
            ELSE sh.purpose || ': MISMATCH' END AS problem
FROM shares sh LEFT JOIN implied i ON i.municipality = sh.municipality AND i.purpose = sh.purpose;

SELECT municipality AS kommun, coalesce(commissioner, 'totalt') AS uppdragsgivare, evaluations AS antal,
       string_agg(round(ours::numeric) || ' (' || published || ')', ' | ' ORDER BY ord) AS "politiskt | handlingsplan | budget | annat | inte alls",
       coalesce(string_agg(problem, '; ' ORDER BY ord), 'ok') AS status
FROM cells
GROUP BY municipality, commissioner, evaluations
ORDER BY municipality, commissioner NULLS LAST;
SELECT count(*) FILTER (WHERE problem LIKE '%MISMATCH%') AS unexplained_differences FROM cells;

-- Result ownership: evaluations whose result falls between the chairs.
SELECT municipality AS kommun,
       count(*) FILTER (WHERE ownership_problem(owner_levels) = 'no_owner') AS utan_resultatansvarig,
       count(*) FILTER (WHERE ownership_problem(owner_levels) = 'several_levels') AS flera_nivåer
FROM demo.evaluation GROUP BY municipality ORDER BY 1;
