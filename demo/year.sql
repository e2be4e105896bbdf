-- The steering year in the demo model, run after demo/accounts.sql: the
-- targets of Bolig for velferd as versions in force from 2015, their
-- baseline (the status for 2014/2015) flagged as the estimate it was, and
-- for bf2 a revision from 2017 on a revised baseline (illustrative: the
-- revised figure is made up); a relative target for every municipality
-- (bf2, the share of families with children who own their home: better than
-- last year). target_attainment judges each year against the version in
-- force; target_proposal proposes the best quartile of each group.
\set QUIET on
INSERT INTO kommune.goal_target (goal, indicator, unit, valid_from, kind, target, estimated_baseline, notes)
SELECT goal, indicator, unit, 2015, 'level', target, true, 'the status for 2014/2015 as the baseline, an estimate'
FROM kommune.goal_indicator WHERE target IS NOT NULL;
INSERT INTO kommune.goal_target (goal, indicator, unit, valid_from, kind, target, estimated_baseline, notes) VALUES
    ('bolig_for_velferd.barnefamilier_og_unge.eie_egen_bolig', 'bf2', NULL, 2017, 'level', '>= 40 by 2020 from 33 in 2015', false,
     'the baseline revised (illustrative)');
INSERT INTO kommune.goal_target (goal, indicator, unit, valid_from, kind, notes) VALUES
    ('bolig_for_velferd.barnefamilier_og_unge', 'bf2', NULL, 2016, 'better_than_last_year', 'every year better than the last');
\set QUIET off
