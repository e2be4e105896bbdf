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

-- Drammen's analyses, actions and checklist answers for 2018, and whom the
-- goals address (illustrative: written for the demo)
\set QUIET on
INSERT INTO kommune.goal_scope (goal, scope, services) VALUES
    ('bolig_for_velferd.barnefamilier_og_unge.trygg_bolig', 'one_service', 'boligkontoret'),
    ('bolig_for_velferd.barnefamilier_og_unge.eie_egen_bolig', 'all_services', NULL);
INSERT INTO kommune.goal_analysis (goal, unit, year, question, answer, author, written) VALUES
    ('bolig_for_velferd.barnefamilier_og_unge.eie_egen_bolig', '3301', 2018,
     'Hvorfor øker andelen som eier egen bolig saktere enn målet krever?',
     'Startlån går mest til enslige; familier med barn søker sjeldnere. Tiltak: informasjon gjennom NAV og barnehagene.',
     'rådmannens stab', '2019-02-15');
INSERT INTO kommune.action (goal, unit, year, title, owner, deadline, status) VALUES
    ('bolig_for_velferd.barnefamilier_og_unge.eie_egen_bolig', '3301', 2018, 'Informere barnefamilier om startlån', 'NAV Drammen', '2019-06-30', 'ongoing');
INSERT INTO kommune.checklist_answer (unit, year, question, answer) VALUES
    ('3301', 2018, '2.1', 'Rådmannens stab'), ('3301', 2018, '2.5', 'Tjenesteområdene, behandlet politisk'),
    ('3301', 2018, '4.6', 'Ved årsmeldingen og i budsjettarbeidet');
\set QUIET off

-- Fagersta and Norberg share a joint technical service, Norra Västmanlands
-- Kommunalteknikförbund (NVK); one of its evaluations (illustrative cost)
-- shared between them by population
\set QUIET on
INSERT INTO kommune.unit (code, name, kind) VALUES ('SE-NVK', 'Norra Västmanlands Kommunalteknikförbund', 'unit');
INSERT INTO kommune.joint_service_member (service, member) VALUES ('SE-NVK', 'SE1982'), ('SE-NVK', 'SE1962');
INSERT INTO kommune.evaluation (unit, name, year, commissioner, owner_levels, hours, rate, consultant)
VALUES ('SE-NVK', 'Felanmälan, uppföljning', 2009, 'service', ARRAY['verksamhet'], 40, 280, 5000);
\set QUIET off

-- Drammen's sick leave month by month in 2018 (illustrative figures), beside
-- the year's
\set QUIET on
INSERT INTO kommune.indicator (code, name, measure, source, higher_is_better) VALUES
    ('sykefravær', 'Sykefravær, kommunens ansatte (prosent)', 'percent', 'own', false) ON CONFLICT DO NOTHING;
INSERT INTO kommune.measurement_period (unit, indicator, year, period, value)
SELECT '3301', 'sykefravær', 2018, 'M' || lpad(m::text, 2, '0'), v
FROM unnest(ARRAY[8.9, 9.4, 8.7, 7.9, 7.2, 6.8, 5.1, 6.0, 7.4, 8.1, 8.6, 8.8]) WITH ORDINALITY s(v, m);
INSERT INTO kommune.measurement (unit, indicator, year, value) VALUES ('3301', 'sykefravær', 2018, 7.8) ON CONFLICT DO NOTHING;
\set QUIET off

-- Fagersta's evaluations used in the budget and goal process ("kopplade till
-- budget- och målprocessen", as the report counts them) tied to Målbild
-- Fagersta, the picture of the municipality that its goals are written from
\set QUIET on
INSERT INTO kommune.goal (path, name, level) VALUES ('malbild_fagersta', 'Målbild Fagersta', 'vision');
INSERT INTO kommune.evaluation_goal (evaluation, goal)
SELECT e.id, 'malbild_fagersta' FROM kommune.evaluation e JOIN kommune.unit u ON u.code = e.unit
WHERE u.name = 'Fagersta' AND e.usage OPERATOR(styring.@>) '{budget_process}'::styring.eval_usage;
\set QUIET off
