-- The dashboard's data: 2 000 000 key figures in 200 comparison groups with
-- their profiles stored (toasted); a goal table of 50 units; an evaluation
-- inventory of 7 municipalities.
CREATE EXTENSION IF NOT EXISTS styring;
DROP TABLE IF EXISTS load_obs, load_stored, load_goals, load_evals;
CREATE TABLE load_obs AS
SELECT (i % 200) AS g, i AS id, round((random() * 10000)::numeric, 1)::float8 AS v FROM generate_series(1, 2000000) i;
CREATE INDEX ON load_obs (g);
CREATE TABLE load_stored AS SELECT g, styring.profile(v) AS p FROM load_obs GROUP BY g;
ALTER TABLE load_stored ADD PRIMARY KEY (g);
CREATE TABLE load_goals AS
SELECT i % 50 AS unit, ('strategi.mål_' || (i % 7) || '.delmål_' || (i % 13))::styring.goalpath AS path,
       styring.make_target('>=', 90, 2030, 40, 2020) AS t, 40 + (i * 37 % 60)::float8 AS a
FROM generate_series(1, 20000) i;
CREATE INDEX ON load_goals (unit);
CREATE TABLE load_evals AS
SELECT i % 7 AS unit, (ARRAY['{}', '{action_plan}', '{political_decision,other}'])[1 + i % 3]::styring.eval_usage AS usage,
       (i % 40)::numeric AS hours, (i % 9) * 1000.25 AS consultant, i % 4 = 0 AS survey
FROM generate_series(1, 5000) i;
CREATE INDEX ON load_evals (unit);
VACUUM ANALYZE load_obs, load_stored, load_goals, load_evals;
