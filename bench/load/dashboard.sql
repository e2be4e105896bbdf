-- One dashboard view: a comparison group ranked against its stored profile
-- (rank, band, grade), a unit's goals (mean attainment, chain roll-up), a
-- municipality's evaluation costs.
\set g random(0, 199)
SELECT sum(styring.rank_in(s.p, o.v)), sum(styring.grade(s.p, o.v)), count(styring.quartile_band(s.p, o.v))
FROM load_obs o JOIN load_stored s USING (g) WHERE o.g = :g;
SELECT styring.mean_attainment(t, a) FROM load_goals WHERE unit = :g % 50;
SELECT count(*) FROM (SELECT unnest(styring.chain_rollup(path, styring.attainment(t, a))) FROM load_goals WHERE unit = :g % 50) x;
SELECT (styring.evaluation_summary(usage, hours, 280, consultant, 0, 0, survey)).total_cost FROM load_evals WHERE unit = :g % 7;
