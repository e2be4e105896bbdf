-- The rows of the multi-server tests (sharded.sh, citus.sh): kf_local, :rows rows of key figures,
-- targets, goal paths, profiles and evaluations, the same on every run.
SELECT setseed(0.42) \g /dev/null
CREATE TABLE kf_local AS
SELECT 1 + i % 2 AS region, i % 13 AS grp, i / 10 AS unit, 2015 + i % 9 AS year,
       ('>= ' || 40 + i % 50 || ' by ' || 2020 + i % 8 || ' from ' || 10 + i % 20 || ' in 2015')::styring.target AS t,
       CASE WHEN i % 23 = 0 THEN NULL ELSE random() * 120 END AS a,
       CASE WHEN i % 7 = 0 THEN NULL ELSE random() * 5 END AS w,
       ('visjon.omr_' || i % 5 || '.mål_' || i % 37 || '.tiltak_' || i % 401)::styring.goalpath AS p,
       CASE WHEN i % 29 = 0 THEN NULL ELSE round((random() * 1000)::numeric, 1)::float8 END AS v,
       ('{' || i % 17 || ',' || (i % 7) * 0.1 || '}')::styring.profile AS pr,
       (ARRAY['{}', '{action_plan}', '{political_decision,other}', '{budget_process}', NULL])[1 + i % 5]::styring.eval_usage AS usage,
       round((random() * 300)::numeric, 2) AS hours, 650 + i % 5 * 50 AS rate,
       CASE WHEN i % 3 = 0 THEN round((random() * 200000)::numeric, 2) END AS consultant,
       round((random() * 5000)::numeric, 2) AS material, 0.01 * (i % 100) AS other, i % 4 = 0 AS survey
FROM generate_series(1, :rows) i;
