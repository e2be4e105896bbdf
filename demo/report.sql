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

\echo '3. The trend: attainment per year, national targets'
SELECT i.name AS styringsparameter,
       string_agg(m.year || ': ' || round((100 * styring.attainment(g.target, m.value))::numeric) || ' %'
                  || ' (' || styring.status(g.target, m.value, m.year) || ')', ', ' ORDER BY m.year) AS "år: oppnådd (status)"
FROM demo.goal g
JOIN demo.indicator i ON i.code = g.indicator
JOIN demo.measurement m ON m.municipality = g.municipality AND m.indicator = g.indicator
WHERE g.municipality = 'Landet'
GROUP BY i.code, i.name
ORDER BY i.code;
