-- Evaluations tied to goals, with Fagersta's counts from Kvalitetsnätverk
-- Bergslagen's Resultatstyrning 2009: the social committee has 23 of its 39
-- evaluations tied to the budget and goal process (59 %), 16 of them with a
-- user survey; education and leisure 4 of 13 (31 %), one with a survey; the
-- municipality-wide evaluations 7 of 9; the joint technical service (NVK)
-- 2 of 16. Table 5: the citizen and user surveys by target group and
-- method (its rows add up to 27; the text says 29). The rows are made to these counts (the report publishes counts,
-- not its rows); the views must give the report's figures back. Then the
-- ownership problems, and a joint service's costs shared by population.
\set QUIET on
\set ON_ERROR_STOP 1
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS styring;
SET client_min_messages = warning;
SELECT plan(13);

SELECT styring.create_model('e');
SELECT has_table('e', 'evaluation_detail', 'a model records more of each evaluation');
SELECT has_table('e', 'evaluation_goal', 'and the goals it is tied to');
INSERT INTO e.unit (code, name) VALUES ('1982', 'Fagersta'), ('1962', 'Norberg'), ('NVK', 'Norra Västmanlands Kommunalteknikförbund');
INSERT INTO e.goal (path, name, level) VALUES ('fagersta', 'Målbild Fagersta', 'vision'), ('fagersta.social', 'Socialnämndens mål', 'effect_goal'),
    ('fagersta.utbildning', 'Utbildnings- och fritidsnämndens mål', 'effect_goal'), ('fagersta.kommun', 'Kommunövergripande mål', 'effect_goal'),
    ('fagersta.teknik', 'NVK:s mål', 'effect_goal');
-- each area's evaluations: how many, how many tied to its goal, how many with a survey (tied ones first)
CREATE TEMP TABLE area (area text, unit text, goal text, n int, tied int, tied_survey int, other_survey int);
INSERT INTO area VALUES ('Socialnämnden', '1982', 'fagersta.social', 39, 23, 16, 0), ('Utbildning och fritid', '1982', 'fagersta.utbildning', 13, 4, 1, 0),
                        ('Kommunövergripande', '1982', 'fagersta.kommun', 9, 7, 0, 0), ('NVK', 'NVK', 'fagersta.teknik', 16, 2, 0, 0);
INSERT INTO e.evaluation (unit, name, year, survey)
SELECT a.unit, a.area || ' ' || i, 2009, i <= a.tied_survey OR (i > a.tied AND i <= a.tied + a.other_survey) FROM area a, generate_series(1, a.n) i;
INSERT INTO e.evaluation_detail (evaluation, service_area)
SELECT ev.id, a.area FROM e.evaluation ev JOIN area a ON ev.name LIKE a.area || ' %';
INSERT INTO e.evaluation_goal (evaluation, goal)
SELECT ev.id, a.goal::styring.goalpath FROM e.evaluation ev JOIN area a ON ev.name LIKE a.area || ' %'
WHERE split_part(ev.name, ' ', -1)::int <= a.tied;
SELECT results_eq($$SELECT service_area, evaluations, tied_to_goals, tied_percent, tied_with_survey FROM e.evaluation_goals
                    WHERE unit = '1982' AND NOT all_areas ORDER BY service_area$$,
                  $$VALUES ('Kommunövergripande', 9::bigint, 7::bigint, 77.8, 0::bigint), ('Socialnämnden', 39, 23, 59.0, 16),
                           ('Utbildning och fritid', 13, 4, 30.8, 1)$$,
                  'Fagersta: the social committee 23 of 39 (59 %), 16 with a survey; education 4 of 13 (31 %); municipality-wide 7 of 9');
SELECT results_eq($$SELECT evaluations, tied_to_goals FROM e.evaluation_goals WHERE unit = 'NVK' AND all_areas$$,
                  $$VALUES (16::bigint, 2::bigint)$$, 'the joint technical service: 2 of 16');
SELECT results_eq($$SELECT evaluations, tied_to_goals, surveys FROM e.evaluation_goals WHERE unit = '1982' AND all_areas$$,
                  $$VALUES (61::bigint, 34::bigint, 17::bigint)$$, 'and the municipality''s own in all');

-- table 5: Fagersta's surveys by target group and method (as year 2010, to keep
-- these rows apart from the committees' above)
CREATE TEMP TABLE t5 (target_group text, n int, method text);
INSERT INTO t5 VALUES ('Kommunövergripande kommunmedborgare', 2, 'Enkät'), ('Kvalitetsnätverk Bergslagen', 2, 'Enkät'),
    ('Vård och omsorg', 15, 'Enkät och intervju'), ('Socialtjänst', 2, 'Enkät och samtal'), ('Turism', 2, 'Enkät och mätning av passerande'),
    ('Utbildning, föräldrar, elever, personal', 3, 'Enkät och intervju'), ('Förskolan, arbetssökande, föräldralediga', 1, 'Enkät');
INSERT INTO e.evaluation (unit, name, year, survey) SELECT '1982', t.target_group || ' ' || i, 2010, true FROM t5 t, generate_series(1, t.n) i;
INSERT INTO e.evaluation_detail (evaluation, survey_target_group, survey_method)
SELECT ev.id, t.target_group, t.method FROM e.evaluation ev JOIN t5 t ON ev.name LIKE t.target_group || ' %' WHERE ev.year = 2010;
SELECT set_eq($$SELECT target_group, surveys, method FROM e.evaluation_surveys WHERE unit = '1982' AND year = 2010$$,
              $$SELECT target_group, n::bigint, method FROM t5$$, 'the surveys by target group and method, as table 5 has them');
SELECT is((SELECT sum(surveys) FROM e.evaluation_surveys WHERE unit = '1982' AND year = 2010), 27::numeric,
          'the table''s rows add up to 27 surveys (the report''s text says 29)');

-- ownership: no owner, several levels, a commissioner who does not own the result
INSERT INTO e.evaluation (unit, name, year, commissioner, owner_levels) VALUES
    ('1982', 'SCB-statistik', 2009, 'external', NULL), ('1982', 'Brukarenkät hemtjänst', 2009, 'council', ARRAY['nämnd', 'verksamhet']),
    ('1982', 'Kommunkompassen', 2009, 'council', ARRAY['verksamhet']), ('1982', 'Årsredovisning', 2009, 'council', ARRAY['nämnd']);
SELECT results_eq($$SELECT name, problem, commissioner_not_owner FROM e.evaluation_ownership WHERE unit = '1982' AND year = 2009 AND name NOT LIKE '%% _' AND name NOT LIKE '%% __' ORDER BY name$$,
                  $$VALUES ('Brukarenkät hemtjänst', 'several_levels', false), ('Kommunkompassen', NULL, true), ('SCB-statistik', 'no_owner', false)$$,
                  'the ownership problems: no owner, owners at several levels, a commissioner who does not own the result; one owner at the commissioner''s level is none');
SELECT is((SELECT problem FROM e.evaluation_ownership WHERE name = 'SCB-statistik'), styring.ownership_problem(NULL), 'as styring.ownership_problem finds them');

-- a joint service's costs shared by population
INSERT INTO e.joint_service_member VALUES ('NVK', '1982'), ('NVK', '1962');
UPDATE e.evaluation SET hours = 10, rate = 280, consultant = 1000.33 WHERE unit = 'NVK';
SELECT is((SELECT count(*) FROM e.evaluation_cost_shared WHERE cost_share IS NOT NULL), 0::bigint, 'no share while a member''s population is missing');
INSERT INTO e.unit_population (unit, year, population) VALUES ('1982', 2009, 12250), ('1962', 2009, 5650);
SELECT results_eq($$SELECT member, service_cost, cost_share FROM e.evaluation_cost_shared ORDER BY member$$,
                  $$SELECT m, 16 * (2800 + 1000.33), 16 * (2800 + 1000.33) * p / 17900 FROM (VALUES ('1962', 5650), ('1982', 12250)) v(m, p) ORDER BY m$$,
                  'NVK''s costs shared between Fagersta and Norberg by population');
SELECT is((SELECT round(sum(cost_share), 2) FROM e.evaluation_cost_shared), round(16 * (2800 + 1000.33), 2), 'and the shares add up to the cost, to the öre');
SELECT is((SELECT version FROM styring.models WHERE model = 'e'), '0.4.0', 'a model with evaluation details is a model of this version');

SELECT * FROM finish();
ROLLBACK;
