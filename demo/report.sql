-- The demo steering report (styringsrapport), run by scripts/demo.sh.
-- Every figure comes from styring's functions and aggregates in plain SQL.
\pset footer off
\pset null '–'
\set report_year 2018

\echo
\echo '================================================================'
\echo ' Bolig for velferd: måloppnåelse ' :report_year ' (illustrative data)'
\echo '================================================================'
\echo
\echo '1. Every goal: target, result, attainment and status'
SELECT g.municipality AS kommune,
       i.name AS styringsparameter,
       g.target::text AS resultatmål,
       m.value AS resultat,
       round((100 * styring.attainment(g.target, m.value))::numeric, 1) AS "oppnådd %",
       round((100 * styring.expected_progress(g.target, :report_year))::numeric) AS "forventet %",
       styring.status(g.target, m.value, :report_year) AS status,
       styring.traffic_light(styring.status(g.target, m.value, :report_year)) AS lys
FROM demo.goal g
JOIN demo.indicator i ON i.code = g.indicator
LEFT JOIN demo.measurement m
       ON m.municipality = g.municipality AND m.indicator = g.indicator AND m.year = :report_year
ORDER BY g.municipality = 'Landet' DESC, g.municipality, g.indicator;

\echo '2. Per municipality: mean attainment and goals per status'
SELECT g.municipality AS kommune,
       round((100 * styring.mean_attainment(g.target, m.value))::numeric, 1) AS "snitt oppnådd %",
       (styring.status_counts(g.target, m.value, :report_year)).*
FROM demo.goal g
LEFT JOIN demo.measurement m
       ON m.municipality = g.municipality AND m.indicator = g.indicator AND m.year = :report_year
GROUP BY ROLLUP (g.municipality)
ORDER BY g.municipality NULLS LAST;

\echo '3. The goal chain: attainment rolled up from each municipality''s goals to the strategy'
SELECT repeat('  ', r.level - 1) || styring.label(r.path, -1) AS "mål (målkjede)",
       r.n AS "mål med data",
       round((100 * r.chain_mean)::numeric, 1) AS "oppnådd % (kjede)",
       round((100 * r.flat_mean)::numeric, 1) AS "oppnådd % (alle mål likt)"
FROM (SELECT styring.chain_rollup(i.chain OPERATOR(styring.||) lower(g.municipality)::styring.goalpath,
                                  styring.attainment(g.target, m.value)) AS nodes
      FROM demo.goal g
      JOIN demo.indicator i ON i.code = g.indicator
      JOIN demo.measurement m
        ON m.municipality = g.municipality AND m.indicator = g.indicator AND m.year = :report_year) s,
     unnest(s.nodes) r
WHERE r.level <= 3;

\echo '4. The trend: attainment per year, national targets'
SELECT i.name AS styringsparameter,
       string_agg(m.year || ': ' || round((100 * styring.attainment(g.target, m.value))::numeric) || ' %'
                  || ' (' || styring.status(g.target, m.value, m.year) || ')', ', ' ORDER BY m.year) AS "år: oppnådd (status)"
FROM demo.goal g
JOIN demo.indicator i ON i.code = g.indicator
JOIN demo.measurement m ON m.municipality = g.municipality AND m.indicator = g.indicator
WHERE g.municipality = 'Landet'
GROUP BY i.code, i.name
ORDER BY i.code;

\echo
\echo '================================================================'
\echo ' KOSTRA: netto driftsutgifter til kommunale idrettsbygg per innbygger'
\echo ' (real figures from Statistics Norway; lower is better here)'
\echo '================================================================'
\echo
-- One profile per comparison group, collected once.
CREATE TEMP TABLE sammenligning AS
SELECT 'KOSTRA-gruppe' AS gruppe, kostragruppe::text AS nokkel, styring.profile(net_sports_per_inhabitant) AS p,
       sum(net_sports) * 1000 / sum(population) FILTER (WHERE net_sports IS NOT NULL) AS kostra_tall
FROM demo.kostra_rate WHERE kostragruppe IS NOT NULL GROUP BY kostragruppe
UNION ALL
SELECT 'fylke', county, styring.profile(net_sports_per_inhabitant),
       sum(net_sports) * 1000 / sum(population) FILTER (WHERE net_sports IS NOT NULL)
FROM demo.kostra_rate GROUP BY county
UNION ALL
SELECT 'landet', 'alle', styring.profile(net_sports_per_inhabitant),
       sum(net_sports) * 1000 / sum(population) FILTER (WHERE net_sports IS NOT NULL)
FROM demo.kostra_rate;

\echo '5. Where five municipalities stand: rank, quartile band and grade per comparison group'
SELECT k.name AS kommune, s.gruppe,
       round(k.net_sports_per_inhabitant) AS "kr/innb.",
       'nr ' || styring.rank_in(s.p, k.net_sports_per_inhabitant, false) || ' av ' || styring.group_size(s.p) AS plass,
       styring.quartile_band(s.p, k.net_sports_per_inhabitant, false) AS kvartil,
       round(styring.grade(s.p, k.net_sports_per_inhabitant, false)::numeric, 1) AS karakter,
       round(styring.group_median(s.p)) AS median,
       round(styring.group_mean(s.p)) AS "snitt (Kolada)",
       round(s.kostra_tall) AS "gruppetall (KOSTRA)",
       round(styring.deviation_from_median_pct(s.p, k.net_sports_per_inhabitant)::numeric) AS "% fra median"
FROM demo.kostra_rate k
JOIN sammenligning s ON (s.gruppe = 'KOSTRA-gruppe' AND s.nokkel = k.kostragruppe::text)
                     OR (s.gruppe = 'fylke' AND s.nokkel = k.county)
                     OR s.gruppe = 'landet'
WHERE k.name IN ('Hole', 'Drammen', 'Bergen', 'Trondheim', 'Tromsø') AND k.net_sports_per_inhabitant IS NOT NULL
ORDER BY k.name, s.gruppe = 'landet', s.gruppe;

\echo '6. The whole country in one statement: municipalities per quartile band within their KOSTRA group'
SELECT styring.quartile_band(s.p, k.net_sports_per_inhabitant, false) AS kvartil, count(*) AS kommuner
FROM demo.kostra_rate k
JOIN sammenligning s ON s.gruppe = 'KOSTRA-gruppe' AND s.nokkel = k.kostragruppe::text
WHERE k.net_sports_per_inhabitant IS NOT NULL
GROUP BY 1 ORDER BY array_position(ARRAY['top', 'middle', 'bottom'], styring.quartile_band(s.p, k.net_sports_per_inhabitant, false));

\echo
\echo '================================================================'
\echo ' Utvärderingar: Kvalitetsnätverk Bergslagen, Resultatstyrning 2009'
\echo ' (an inventory reconstructed from the report''s published tables)'
\echo '================================================================'
\echo
\echo '7. What evaluations cost and whether they are used, per municipality'
SELECT e.municipality AS kommun, (e.r).evaluations AS antal, round((e.r).total_cost) AS "kostnad kr",
       round((e.r).total_cost / p.population) AS "kr/invånare",
       round((100 * (e.r).share_unused)::numeric, 1) AS "% oanvända", round((e.r).unused_cost) AS "oanvända kr",
       round((100 * (e.r).share_budget_process)::numeric) AS "% budget/mål", (e.r).surveys AS "brukarenk."
FROM (SELECT municipality, styring.evaluation_summary(usage, hours, 280, consultant, material, other, survey) AS r
      FROM demo.evaluation GROUP BY municipality) e
JOIN demo.published_municipality p USING (municipality)
ORDER BY 1;

\echo '8. Use by commissioner: externally commissioned evaluations are most often not used at all'
SELECT coalesce(commissioner, 'ej angiven') AS uppdragsgivare, (r).evaluations AS antal,
       round((100 * (r).share_political_decision)::numeric) AS "% politiskt beslut",
       round((100 * (r).share_action_plan)::numeric) AS "% handlingsplan",
       round((100 * (r).share_budget_process)::numeric) AS "% budget/mål",
       round((100 * (r).share_unused)::numeric, 1) AS "% inte alls"
FROM (SELECT commissioner, styring.evaluation_summary(usage, hours, 280, consultant, material, other, survey) AS r
      FROM demo.evaluation GROUP BY commissioner) s
ORDER BY (r).share_unused DESC;
