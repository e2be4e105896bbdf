-- The demo steering report (styringsrapport), run by scripts/demo.sh: every
-- figure is read from the steering model's views (doc/views.md), as a BI tool
-- reads them.
\pset footer off
\pset null '–'
\set report_year 2018

\echo
\echo '================================================================'
\echo ' Bolig for velferd: måloppnåelse ' :report_year ' (illustrative data)'
\echo '================================================================'
\echo
\echo '1. Every goal: target, result, attainment and status (kommune.goal_attainment)'
SELECT unit_name AS kommune, indicator_name AS styringsparameter, target AS resultatmål,
       CASE WHEN own_target THEN 'egen' ELSE 'nasjonal' END AS mål, actual AS resultat,
       round((100 * attainment)::numeric, 1) AS "oppnådd %", round((100 * expected_progress)::numeric) AS "forventet %",
       status, traffic_light AS lys
FROM kommune.goal_attainment WHERE year = :report_year
ORDER BY unit = 'EAK' DESC, unit_name, indicator;

\echo '2. Per municipality: mean attainment and goals per status'
SELECT coalesce(unit_name, 'alle') AS kommune, round((100 * avg(attainment))::numeric, 1) AS "snitt oppnådd %",
       count(*) FILTER (WHERE status = 'achieved') AS achieved, count(*) FILTER (WHERE status = 'on_track') AS on_track,
       count(*) FILTER (WHERE status = 'at_risk') AS at_risk, count(*) FILTER (WHERE status = 'off_track') AS off_track
FROM kommune.goal_attainment WHERE year = :report_year
GROUP BY ROLLUP (unit_name) ORDER BY unit_name NULLS LAST;

\echo '3. The goal chain for the country: attainment rolled up level by level (kommune.goal_rollup)'
SELECT repeat('  ', depth - 1) || goal_name AS "mål (målkjede)", measured AS "mål med data",
       round((100 * chain_attainment)::numeric, 1) AS "oppnådd % (kjede)",
       round((100 * mean_attainment)::numeric, 1) AS "oppnådd % (alle likt)"
FROM kommune.goal_rollup WHERE unit = 'EAK' AND year = :report_year ORDER BY path;

\echo '4. The trend: slope, against the previous three years, and the year each target is reached (kommune.trend)'
SELECT unit_name AS kommune, indicator, round(slope::numeric, 2) AS "stigning/år", last_value AS siste,
       round(mean_previous_3_years::numeric, 1) AS "snitt 3 år før", versus_previous_3_years AS utvikling,
       target AS resultatmål, year_reached AS "nås i"
FROM kommune.trend WHERE target IS NOT NULL ORDER BY unit = 'EAK' DESC, unit_name, indicator;

\echo
\echo '================================================================'
\echo ' KOSTRA 2015: kommunale idrettsbygg (real figures, Statistics Norway)'
\echo '================================================================'
\echo
\echo '5. Where five municipalities stand: net expenditure per inhabitant (lower is better) (kommune.ranking)'
SELECT unit_name AS kommune, group_name AS gruppe, round(value) AS "kr/innb.", place AS plass,
       quartile_band AS kvartil, round(grade::numeric, 1) AS karakter, round(group_median) AS median,
       round(deviation_from_median_pct::numeric) AS "% fra median"
FROM kommune.ranking
WHERE indicator = 'idrett_netto_per_innb' AND year = 2015 AND unit IN ('0612', '0602', '1201', '1601', '1902')
ORDER BY unit_name, group_kind = 'country', group_kind;

\echo '6. Group figures the KOSTRA way (ratio of sums) and the Kolada way (mean of members), kr per inhabitant (kommune.group_figures)'
SELECT group_code AS gruppe, members_reporting AS kommuner,
       round(kostra_per_inhabitant * 1000) AS "KOSTRA: sum/sum", round(kolada_per_inhabitant * 1000) AS "Kolada: snitt"
FROM kommune.group_figures
WHERE indicator = 'Netto.driftsutgifter..kommunale.idrettsbygg..konsern' AND year = 2015
  AND (group_code LIKE 'EKG__' OR group_code = 'landet')
ORDER BY group_code = 'landet', group_code;

\echo '7. Cost against coverage within each KOSTRA group: correlation, and the five municipalities'' quadrants (kommune.cost_quality)'
SELECT DISTINCT group_code AS gruppe, units AS kommuner, round(correlation::numeric, 2) AS korrelasjon
FROM kommune.cost_quality WHERE group_code LIKE 'EKG__' ORDER BY 1;
SELECT unit_name AS kommune, group_code AS gruppe, round(cost_per_inhabitant * 1000) AS "kr/innb.",
       round(quality::numeric) AS "m² per 1000 innb.", quadrant AS kvadrant
FROM kommune.cost_quality WHERE group_code LIKE 'EKG__' AND unit IN ('0612', '0602', '1201', '1601', '1902') ORDER BY 1;

\echo '8. A composite index over three key figures, graded 1-6 among all municipalities (kommune.composite_index)'
SELECT rank AS plass, unit_name AS kommune, round(index_grade::numeric, 2) AS karakter, indicators AS nøkkeltall, units AS av
FROM kommune.composite_index WHERE index_name = 'idrettsbygg' AND complete AND (rank <= 5 OR unit IN ('0612', '0602', '1201', '1601', '1902'))
ORDER BY rank;

\echo
\echo '================================================================'
\echo ' Utvärderingar: Kvalitetsnätverk Bergslagen, Resultatstyrning 2009'
\echo ' (an inventory reconstructed from the report''s published tables)'
\echo '================================================================'
\echo
\echo '9. What evaluations cost and whether they are used, per municipality (kommune.evaluation_report)'
SELECT u.name AS kommun, r.evaluations AS antal, round(r.total_cost) AS "kostnad kr",
       round(r.total_cost / p.population) AS "kr/invånare", round((100 * r.share_unused)::numeric, 1) AS "% oanvända",
       round(r.unused_cost) AS "oanvända kr", round((100 * r.share_budget_process)::numeric) AS "% budget/mål", r.surveys AS "brukarenk."
FROM kommune.evaluation_report r JOIN kommune.unit u ON u.code = r.unit
JOIN kommune.unit_population p ON p.unit = r.unit AND p.year = 2009
WHERE r.commissioner = 'all' ORDER BY 1;

\echo '10. Use by commissioner: externally commissioned evaluations are most often not used at all'
SELECT commissioner AS uppdragsgivare, evaluations AS antal,
       round((100 * share_political_decision)::numeric) AS "% politiskt beslut", round((100 * share_action_plan)::numeric) AS "% handlingsplan",
       round((100 * share_budget_process)::numeric) AS "% budget/mål", round((100 * share_unused)::numeric, 1) AS "% inte alls"
FROM kommune.evaluation_report WHERE unit = 'all' AND commissioner <> 'all' ORDER BY share_unused DESC;

\echo '11. How clear is each goal? Kommunens kvalitet i korthet, övning 1 (kommune.goal_clarity)'
SELECT repeat('  ', styring.nlevel(goal::styring.goalpath) - 1) || goal_name AS mål,
       measured_by_indicator AS indikator, comparable_with_more_than_ten AS "jämförbar >10",
       target_or_direction_stated AS målnivå, results_reported AS redovisas, compared_with_others AS jämförs,
       score || ' av ' || criteria AS poäng
FROM kommune.goal_clarity ORDER BY goal;

\echo
\echo '================================================================'
\echo ' The controller''s own numbers: accounts and series across mergers'
\echo '================================================================'
\echo
\echo '12. Key figures from the accounts (Statistics Norway''s sample: part of each region''s accounts), 2015 (kommune.key_figure_value)'
SELECT u.name AS region, replace(v.indicator, 'kostra.', '') AS nøkkeltall, round(v.amount) AS "1000 kr",
       round(v.denominator) AS nevner, round(v.value::numeric, 1) AS verdi
FROM kommune.key_figure_value v JOIN kommune.unit u ON u.code = v.unit
WHERE v.year = 2015 AND v.unit IN ('0301', '0101')
  AND v.indicator IN ('kostra.brutto.FGK7', 'kostra.netto.FGK7', 'kostra.netto_per_innb.FGK7', 'kostra.prioritet.FGK7',
                      'kostra.netto.FGK8', 'kostra.prioritet.FGK8', 'kostra.netto.FG4')
ORDER BY u.name, v.indicator;

\echo '13. Hole and Drammen as one series each on today''s codes: the population of 2015 restated (kommune.measurement_current)'
SELECT c.unit AS kode, u.name AS kommune, c.year AS år, c.restated AS omregnet, array_to_string(c.units, ', ') AS "koder da",
       c.value AS verdi, c.value_sum AS sum
FROM kommune.measurement_current c JOIN kommune.unit u ON u.code = c.unit
WHERE c.unit IN ('3310', '3301') AND c.indicator = 'Folkemengde.i.alt'
ORDER BY c.unit, c.year;

\echo '14. Oslo''s accounts file for 2015, written from its ledger''s KOSTRA accounts and checked as Statistics Norway''s control program checks it (styring.kostra_file_check)'
SELECT left(c.rule, 12) AS kontroll, c.severity AS alvorlighet, count(*) AS funn, min(left(c.message, 90)) AS "første melding"
FROM styring.kostra_file_check(styring.kostra_file('kommune', '0301', 2015), '0A', 2015, '0301') c
GROUP BY 1, 2 ORDER BY 1;

\echo '15. Oslo 2015 with its special entity (illustrative): kindergartens (function 201) in the municipality''s own and the consolidated accounts, 1000 kr (kommune.account_consolidated)'
SELECT coalesce(a.type, c.type) AS art, a.amount AS kommunen, c.amount AS konsern, array_to_string(c.parts, ', ') AS enheter
FROM (SELECT * FROM kommune.account WHERE unit = '0301' AND year = 2015 AND class = 'D' AND function = '201') a
FULL JOIN (SELECT * FROM kommune.account_consolidated WHERE unit = '0301' AND year = 2015 AND class = 'D' AND function = '201') c ON c.type = a.type
ORDER BY 1;

\echo '16. Oslo''s tertial reports for 2015 against a made-up budget (its accounts plus 10 %, revised in June to plus 5 %), operating accounts, 1000 kr (kommune.budget_variance)'
SELECT month AS "til og med måned", CASE WHEN type < '600' THEN 'utgifter' ELSE 'inntekter' END AS art, min(budget_version) AS budsjett,
       round(sum(budget_to_date)) AS "budsjett hittil", round(sum(actual_to_date)) AS "regnskap hittil", round(sum(deviation_to_date)) AS avvik,
       round(sum(forecast_year)) AS prognose, round(sum(budget_year)) AS årsbudsjett
FROM kommune.budget_variance
WHERE unit = '0301' AND year = 2015 AND class = 'D' AND month IN (4, 8, 12)
GROUP BY 1, 2 ORDER BY 1, 2 DESC;

\echo '17. Targets that live: the share of families with children who own their home (bf2), each year against the version in force (kommune.target_attainment)'
SELECT t.unit_name AS kommune, t.year AS år, t.kind AS mål, t.valid_from AS "gjelder fra", t.target AS målverdi,
       CASE WHEN t.estimated_baseline THEN 'anslått' ELSE '' END AS utgangspunkt,
       t.actual AS verdi, t.reference AS sammenlignet, round(t.attainment::numeric, 2) AS måloppnåelse, t.achieved AS nådd
FROM kommune.target_attainment t
WHERE t.indicator = 'bf2' AND (t.kind = 'level' OR t.unit = '3310')
ORDER BY t.unit_name, t.year, t.kind;

\echo '18. The scorecard: Drammen''s goals in 2018 by perspective, with status, the latest analysis and open actions (kommune.scorecard)'
SELECT perspective AS perspektiv, goal_name AS mål, round(attainment::numeric, 2) AS måloppnåelse, status, traffic_light AS lys,
       latest_question AS undring, latest_answer AS svar, open_actions AS "åpne tiltak"
FROM kommune.scorecard WHERE unit = '3301' AND year = 2018 ORDER BY perspective, goal;

\echo '19. Evaluations tied to goals (Fagersta: those used in its budget and goal process, tied to Målbild Fagersta) (kommune.evaluation_goals)'
SELECT unit_name AS kommun, evaluations AS utvärderingar, tied_to_goals AS "kopplade till mål", tied_percent AS procent, surveys AS brukarundersökningar
FROM kommune.evaluation_goals WHERE all_areas AND unit_name = 'Fagersta';

\echo '20. Evaluations whose results risk falling between the chairs, per municipality (kommune.evaluation_ownership), and a joint service''s evaluation costs shared by population (kommune.evaluation_cost_shared)'
SELECT unit_name AS kommun, count(*) FILTER (WHERE problem = 'no_owner') AS "ingen ägare", count(*) FILTER (WHERE problem = 'several_levels') AS "flera nivåer",
       count(*) FILTER (WHERE commissioner_not_owner) AS "beställaren äger inte"
FROM kommune.evaluation_ownership GROUP BY unit_name ORDER BY unit_name;
SELECT member_name AS kommun, year AS år, service_cost AS "förbundets kostnad", population AS invånare, round(cost_share, 2) AS andel
FROM kommune.evaluation_cost_shared ORDER BY member_name;
