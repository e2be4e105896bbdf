-- Analyses, actions, the checklists of Kommunens kvalitet i korthet, whom a
-- goal addresses, and the scorecard that shows them with the goals'
-- attainment (goal_analysis, action, checklist_answer, goal_scope,
-- checklist_status, goal_clarity, scorecard).
\set QUIET on
\set ON_ERROR_STOP 1
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS styring;
SET client_min_messages = warning;
SELECT plan(16);

SELECT is((SELECT count(*) FROM styring.kkik_checklist()), 24::bigint, 'the four checklists have 24 questions as printed (3.3 is missing in the print)');
SELECT is((SELECT array_agg(n ORDER BY c) FROM (SELECT checklist AS c, count(*) AS n FROM styring.kkik_checklist() GROUP BY 1) s), ARRAY[5, 6, 5, 8]::bigint[],
          'information 5, analysis 6, dialogue 5, steering 8');

SELECT styring.create_model('s');
INSERT INTO s.unit (code, name) VALUES ('0612', 'Hole');
INSERT INTO s.indicator (code, name) VALUES ('sykefravær', 'Sykefravær'), ('tilfredshet', 'Brukertilfredshet');
INSERT INTO s.goal (path, name, level, perspective) VALUES
    ('hole', 'Hole kommune', 'vision', NULL), ('hole.medarbeidere', 'Friske medarbeidere', 'effect_goal', 'medarbeidere'),
    ('hole.brukere', 'Fornøyde brukere', 'effect_goal', 'brukere');
INSERT INTO s.goal_indicator (goal, indicator, unit, target) VALUES
    ('hole.medarbeidere', 'sykefravær', NULL, '<= 6 by 2018 from 9 in 2015'),
    ('hole.brukere', 'tilfredshet', NULL, '>= 5 by 2018 from 4 in 2015');
INSERT INTO s.measurement (unit, indicator, year, value) VALUES
    ('0612', 'sykefravær', 2016, 8.8), ('0612', 'sykefravær', 2017, 7), ('0612', 'tilfredshet', 2016, 4.5), ('0612', 'tilfredshet', 2017, 4.6);

-- an analysis: the question a figure raised and the answer
INSERT INTO s.goal_analysis (goal, unit, year, question, answer, author, written) VALUES
    ('hole.medarbeidere', '0612', 2016, 'Hvorfor er sykefraværet så høyt i pleie og omsorg?', 'Langtidsfravær i to enheter; tiltak med NAV.', 'rådmann', '2017-02-10'),
    ('hole.medarbeidere', '0612', 2017, 'Holder nedgangen?', NULL, 'rådmann', '2018-02-12');
INSERT INTO s.action (goal, unit, year, title, owner, deadline, status) VALUES
    ('hole.medarbeidere', '0612', 2016, 'Nærværsprosjekt i pleie og omsorg', 'kommunalsjef helse', '2017-06-30', 'ongoing'),
    ('hole.medarbeidere', '0612', 2016, 'Ny oppfølgingsrutine', 'HR', '2017-03-01', 'done'),
    ('hole.brukere', '0612', 2017, 'Brukerundersøkelse i hjemmetjenesten', 'kommunalsjef helse', '2017-11-30', 'planned');
SELECT results_eq($$SELECT perspective, goal, year, latest_question, latest_answer, open_actions FROM s.scorecard ORDER BY perspective, year$$,
                  $$VALUES ('brukere', 'hole.brukere', 2016, NULL, NULL, 0::bigint),
                           ('brukere', 'hole.brukere', 2017, NULL, NULL, 1),
                           ('medarbeidere', 'hole.medarbeidere', 2016, 'Hvorfor er sykefraværet så høyt i pleie og omsorg?', 'Langtidsfravær i to enheter; tiltak med NAV.', 1),
                           ('medarbeidere', 'hole.medarbeidere', 2017, 'Holder nedgangen?', NULL, 1)$$,
                  'the scorecard: each goal by perspective with its latest analysis (the question still open in 2017) and its open actions');
SELECT is((SELECT status FROM s.scorecard WHERE goal = 'hole.medarbeidere' AND year = 2017),
          styring.status('<= 6 by 2018 from 9 in 2015', 7, 2017)::text, 'the status is styring.status''s for the goal''s indicator');
INSERT INTO s.goal_indicator (goal, indicator, unit, target) VALUES ('hole.brukere', 'sykefravær', NULL, '<= 9 by 2018 from 10 in 2015');
SELECT is((SELECT status || ' ' || indicators FROM s.scorecard WHERE goal = 'hole.brukere' AND year = 2017),
          (SELECT max(status::styring.goal_status)::text || ' 2' FROM s.goal_attainment WHERE goal = 'hole.brukere' AND year = 2017),
          'with two indicators, the worse status shows');
SELECT is((SELECT attainment FROM s.scorecard WHERE goal = 'hole.brukere' AND year = 2017),
          (SELECT avg(attainment) FROM s.goal_attainment WHERE goal = 'hole.brukere' AND year = 2017), 'and the mean attainment');
SELECT is((SELECT traffic_light FROM s.scorecard WHERE goal = 'hole.brukere' AND year = 2017),
          (SELECT styring.traffic_light(max(status::styring.goal_status)) FROM s.goal_attainment WHERE goal = 'hole.brukere' AND year = 2017), 'and its traffic light');

-- goal clarity: whom a goal addresses and an analysis attached
SELECT is((SELECT ARRAY[score, full_score] FROM s.goal_clarity WHERE goal = 'hole.medarbeidere'),
          (SELECT ARRAY[score, score + 1] FROM s.goal_clarity WHERE goal = 'hole.medarbeidere'),
          'goal_clarity: an answered analysis is criterion 8');
INSERT INTO s.goal_scope (goal, scope, services) VALUES ('hole.medarbeidere', 'all_services', NULL), ('hole.brukere', 'one_service', 'hjemmetjenesten');
SELECT results_eq($$SELECT goal, scope, analysis_attached, full_score - score, full_criteria FROM s.goal_clarity WHERE goal LIKE 'hole.%' ORDER BY goal$$,
                  $$VALUES ('hole.brukere', 'one_service', false, 1, 7), ('hole.medarbeidere', 'all_services', true, 2, 7)$$,
                  'and whom it addresses is criterion 1 or 2: seven a goal can meet');

-- the checklists answered
INSERT INTO s.checklist_answer (unit, year, question, answer) VALUES
    ('0612', 2017, '2.1', 'Rådmannens ledergruppe'), ('0612', 2017, '2.2', 'Enhetslederne'), ('0612', 2017, '4.6', 'Ved årsmeldingen og i budsjettarbeidet');
SELECT results_eq($$SELECT checklist, count(*) FILTER (WHERE answered), count(*) FROM s.checklist_status WHERE unit = '0612' AND year = 2017 GROUP BY 1 ORDER BY 1$$,
                  $$VALUES (1, 0::bigint, 5::bigint), (2, 2, 6), (3, 0, 5), (4, 1, 8)$$,
                  'checklist_status: every question of the four lists, with what is answered');
SELECT throws_ok($$INSERT INTO s.checklist_answer VALUES ('0612', 2017, '5.1', 'x')$$, '23514', NULL, 'a question is one of the four lists''');
SELECT throws_ok($$INSERT INTO s.action (goal, unit, year, title, status) VALUES ('hole.brukere', '0612', 2017, 'x', 'forgotten')$$, '23514', NULL,
                 'an action is planned, ongoing, done or cancelled');
SELECT throws_ok($$INSERT INTO s.goal_analysis (goal, unit, year, question) VALUES ('hole.brukere', '0612', 2017, '')$$, '23514', NULL,
                 'an analysis has its question');
SELECT is((SELECT count(*) FROM s.action WHERE goal::text = 'hole.medarbeidere'), 2::bigint, 'actions keep to their goal');
DELETE FROM s.goal WHERE path::text = 'hole.brukere';
SELECT is((SELECT count(*) FROM s.action), 2::bigint, 'and go with it');
SELECT is((SELECT version FROM styring.models WHERE model = 's'), '0.4.0', 'a model with analyses and actions is a model of this version');

SELECT * FROM finish();
ROLLBACK;
