-- The drivers' database: styring, ltree beside it (a name clash to live
-- with), a table of every styring type and composite, and a read-only role
-- that may SELECT from it and nothing else. Run as a superuser.
CREATE EXTENSION styring;
CREATE EXTENSION ltree;
CREATE ROLE styring_reader LOGIN PASSWORD 'styring_reader';
CREATE TABLE driver_data (
    id int PRIMARY KEY,
    t styring.target, p styring.profile, g styring.goalpath, u styring.eval_usage, s styring.goal_status,
    sc styring.status_count, cn styring.chain_node[], er styring.evaluation_report);
INSERT INTO driver_data (id, t, g, u, s) VALUES
    (1, '>= 90 by 2020 from 72 in 2015', 'bolig_for_velferd.barnefamilier', '{action_plan,other}', 'at_risk'),
    (2, '<= 10 by 2030', 'bolig_for_velferd.barnefamilier.mål_2', '{}', 'achieved'),
    (3, '= 100 ±2', 'kommune', '{political_decision}', 'no_data');
UPDATE driver_data SET
    p = (SELECT styring.profile(x / 4.0) FROM generate_series(1, 400) x),
    sc = (SELECT styring.status_counts(t, 82.8, 2018) FROM driver_data WHERE id = 1),
    cn = (SELECT styring.chain_rollup(g, id / 4.0) FROM driver_data),
    er = (SELECT styring.evaluation_summary(u, id * 10.5, 280, 1000.25, 0, NULL, id = 1) FROM driver_data);
GRANT SELECT ON driver_data TO styring_reader;
