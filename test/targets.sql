-- Targets that live (goal_target, target_attainment, target_proposal): a
-- baseline first estimated and revised later, each year judged against the
-- version in force that year; Säter's targets for its compulsory schools in
-- Kvalitetsnätverk Bergslagen's Resultatstyrning 2009 ("meritvärdet ökar
-- jämfört med föregående år, samt att skillnaden i meritvärde mellan pojkar
-- och flickor minskar": the merit value rises year on year, and the gap
-- between girls and boys shrinks), on illustrative values; better than a
-- group's median; and the best quartile proposed as a target, against
-- percentile_cont.
\set QUIET on
\set ON_ERROR_STOP 1
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS styring;
SET client_min_messages = warning;
SELECT plan(20);

SELECT styring.create_model('t');
SELECT has_table('t', 'goal_target', 'a model keeps the versions of its targets');
SELECT has_view('t', 'target_attainment', 'and judges each year against the version in force');
INSERT INTO t.unit (code, name) VALUES ('2181', 'Säter'), ('2080', 'Falun'), ('2081', 'Borlänge'), ('1980', 'Västerås'), ('2029', 'Leksand');
INSERT INTO t.indicator (code, name, higher_is_better) VALUES ('merit', 'Meritvärde åk 9', true), ('kostnad', 'Kostnad per elev', false);
INSERT INTO t.goal (path, name, level) VALUES ('skola', 'Skolan', 'direction_goal'), ('skola.merit', 'Meritvärdet når 230', 'effect_goal'),
    ('skola.okar', 'Meritvärdet ökar jämfört med föregående år', 'effect_goal'), ('skola.jamstalldhet', 'Skillnaden mellan flickor och pojkar minskar', 'effect_goal'),
    ('skola.median', 'Bättre än de likartade kommunernas median', 'effect_goal'), ('skola.kostnad', 'Kostnaden minskar', 'effect_goal');
INSERT INTO t.measurement (unit, indicator, year, gender, value) VALUES
    ('2181', 'merit', 2015, 'T', 215), ('2181', 'merit', 2016, 'T', 220), ('2181', 'merit', 2017, 'T', 221), ('2181', 'merit', 2018, 'T', 224), ('2181', 'merit', 2019, 'T', 223),
    ('2181', 'merit', 2015, 'K', 235), ('2181', 'merit', 2015, 'M', 200), ('2181', 'merit', 2016, 'K', 236), ('2181', 'merit', 2016, 'M', 204),
    ('2181', 'merit', 2017, 'K', 238), ('2181', 'merit', 2017, 'M', 203),
    ('2181', 'kostnad', 2016, 'T', 100000), ('2181', 'kostnad', 2017, 'T', 98000), ('2181', 'kostnad', 2018, 'T', 99000),
    ('2080', 'merit', 2016, 'T', 225), ('2081', 'merit', 2016, 'T', 212), ('1980', 'merit', 2016, 'T', 218), ('2029', 'merit', 2016, 'T', 230);

-- an estimated baseline, revised later: each year judged against the version in force
INSERT INTO t.goal_target (goal, indicator, unit, valid_from, kind, target, estimated_baseline, decided) VALUES
    ('skola.merit', 'merit', '2181', 2015, 'level', '>= 230 by 2020 from 215 in 2015', true, '2015-03-01'),
    ('skola.merit', 'merit', '2181', 2017, 'level', '>= 230 by 2020 from 218 in 2015', false, '2017-02-01');
SELECT results_eq($$SELECT year, valid_from, estimated_baseline, attainment FROM t.target_attainment WHERE goal = 'skola.merit' ORDER BY year$$,
                  $$VALUES (2015, 2015, true, 0::float8), (2016, 2015, true, 1 / 3::float8),
                           (2017, 2017, false, 0.25::float8), (2018, 2017, false, 0.5::float8), (2019, 2017, false, 5 / 12::float8)$$,
                  'the estimated baseline judges 2015 and 2016, the revised one 2017 on: the revision does not rewrite 2016');
SELECT is((SELECT attainment FROM t.target_attainment WHERE goal = 'skola.merit' AND year = 2016),
          styring.attainment('>= 230 by 2020 from 215 in 2015', 220), 'as styring.attainment judges it with that version');
SELECT is((SELECT status FROM t.target_attainment WHERE goal = 'skola.merit' AND year = 2018),
          styring.status('>= 230 by 2020 from 218 in 2015', 224, 2018)::text, 'and its status');

-- Säter: better than last year, and a gap between girls and boys that shrinks
INSERT INTO t.goal_target (goal, indicator, unit, valid_from, kind) VALUES
    ('skola.okar', 'merit', '2181', 2015, 'better_than_last_year'), ('skola.jamstalldhet', 'merit', '2181', 2015, 'gap_shrinks');
SELECT results_eq($$SELECT year, reference, achieved FROM t.target_attainment WHERE goal = 'skola.okar' ORDER BY year$$,
                  $$VALUES (2015, NULL::float8, NULL::boolean), (2016, 215, true), (2017, 220, true), (2018, 221, true), (2019, 224, false)$$,
                  'better than last year: 2016-2018 rose, 2019 fell; the first year has nothing to compare with');
SELECT results_eq($$SELECT year, actual, reference, achieved FROM t.target_attainment WHERE goal = 'skola.jamstalldhet' ORDER BY year$$,
                  $$VALUES (2015, 35::float8, NULL::float8, NULL::boolean), (2016, 32, 35, true), (2017, 35, 32, false)$$,
                  'the gap K - M shrank from 35 to 32 in 2016 and grew again in 2017');
SELECT is((SELECT count(*) FROM t.target_attainment WHERE goal = 'skola.jamstalldhet' AND year IN (2018, 2019)), 0::bigint,
          'a year without both genders has no gap to judge');
-- lower is better: the cost falls
INSERT INTO t.goal_target (goal, indicator, unit, valid_from, kind) VALUES ('skola.kostnad', 'kostnad', NULL, 2016, 'better_than_last_year');
SELECT results_eq($$SELECT year, achieved FROM t.target_attainment WHERE goal = 'skola.kostnad' ORDER BY year$$,
                  $$VALUES (2016, NULL::boolean), (2017, true), (2018, false)$$,
                  'lower is better: 2017 fell, 2018 rose (a target for every unit, Säter without its own)');
-- better than the median of the comparable municipalities
INSERT INTO t.comparison_group (code, name) VALUES ('likartade', 'Likartade kommuner');
INSERT INTO t.group_member (group_code, unit, year) SELECT 'likartade', code, 2016 FROM t.unit;
INSERT INTO t.goal_target (goal, indicator, unit, valid_from, kind, compare_group) VALUES ('skola.median', 'merit', NULL, 2016, 'better_than_median', 'likartade');
SELECT results_eq($$SELECT unit, reference, achieved FROM t.target_attainment WHERE goal = 'skola.median' AND year = 2016 ORDER BY unit$$,
                  $$SELECT unit, (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY value) FROM t.measurement WHERE indicator = 'merit' AND year = 2016 AND gender = 'T'),
                           value > (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY value) FROM t.measurement WHERE indicator = 'merit' AND year = 2016 AND gender = 'T')
                    FROM t.measurement WHERE indicator = 'merit' AND year = 2016 AND gender = 'T' ORDER BY unit$$,
                  'better than the group''s median (percentile_cont 0.5 of the members'' values)');
-- a unit's own version beats the one for every unit
INSERT INTO t.goal_target (goal, indicator, unit, valid_from, kind, target) VALUES ('skola.median', 'merit', '2181', 2016, 'level', '>= 230');
SELECT is((SELECT kind || ' ' || own_target FROM t.target_attainment WHERE goal = 'skola.median' AND unit = '2181' AND year = 2016), 'level true',
          'Säter''s own target replaces the one for every unit');
SELECT is((SELECT count(*) FROM t.target_attainment WHERE goal = 'skola.median' AND year = 2016), 5::bigint, 'and the others keep theirs');

SELECT throws_ok($$INSERT INTO t.goal_target (goal, indicator, unit, valid_from, kind) VALUES ('skola.merit', 'merit', '2081', 2016, 'level')$$,
                 '23514', NULL, 'a level target needs its target');
SELECT throws_ok($$INSERT INTO t.goal_target (goal, indicator, unit, valid_from, kind) VALUES ('skola.merit', 'merit', '2081', 2016, 'better_than_median')$$,
                 '23514', NULL, 'better than a median needs its group');
SELECT throws_ok($$INSERT INTO t.goal_target (goal, indicator, unit, valid_from, kind, target) VALUES ('skola.merit', 'merit', '2181', 2015, 'level', '>= 1')$$,
                 '23505', NULL, 'one version per year');

-- the best quartile proposed as a target
SELECT is(styring.propose_target('{212,218,220,225,230}', true)::text,
          styring.make_target('>=', (SELECT percentile_cont(0.75) WITHIN GROUP (ORDER BY v) FROM unnest('{212,218,220,225,230}'::float8[]) v))::text,
          'propose_target: at least the upper quartile where higher is better');
SELECT is(styring.propose_target('{212,218,220,225,230}', false)::text,
          styring.make_target('<=', (SELECT percentile_cont(0.25) WITHIN GROUP (ORDER BY v) FROM unnest('{212,218,220,225,230}'::float8[]) v))::text,
          'at most the lower quartile where lower is better');
SELECT is(styring.propose_target('{0,0,0,1}', false)::text, NULL, 'no target at a level of 0 (attainment would divide by it)');
SELECT results_eq($$SELECT best_quartile, proposed_target FROM t.target_proposal WHERE group_code = 'likartade' AND indicator = 'merit' AND year = 2016 AND gender = 'T'$$,
                  $$SELECT percentile_cont(0.75) WITHIN GROUP (ORDER BY value), '>= ' || percentile_cont(0.75) WITHIN GROUP (ORDER BY value)
                    FROM t.measurement WHERE indicator = 'merit' AND year = 2016 AND gender = 'T'$$,
                  'target_proposal: the comparable municipalities'' best quartile, as percentile_cont computes it');
SELECT is((SELECT version FROM styring.models WHERE model = 't'), '0.4.0', 'a model with target versions is a model of this version');

SELECT * FROM finish();
ROLLBACK;
