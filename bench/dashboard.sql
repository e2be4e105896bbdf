-- Dashboard questions on a model of national size (bench/dashboard.sh runs
-- this on a throwaway cluster with PostgreSQL's default settings).
--   :units municipalities, each every year in the country group, one of 16
--   KOSTRA groups and one of 11 counties; :indicators indicators, a third
--   lower-is-better; :years years from 2015; gender T.
-- Each view is timed (best of three) against the same answer in hand-written
-- SQL, the answers are compared, and the plans' key lines are printed.
\set QUIET on
\set ON_ERROR_STOP 1
\pset pager off
SET client_min_messages = warning;
\if :{?units}
\else
\set units 357
\endif
\if :{?indicators}
\else
\set indicators 1000
\endif
\if :{?years}
\else
\set years 10
\endif
SELECT 2014 + :years AS last_year \gset
\echo == dashboard: :units units x :indicators indicators x :years years

SELECT styring.create_model('nat');
INSERT INTO nat.unit (code, name, kind)
SELECT lpad(u::text, 4, '0'), 'Kommune ' || u, 'municipality' FROM generate_series(1, :units) u;
INSERT INTO nat.comparison_group (code, name, kind)
VALUES ('land', 'Landet', 'country')
UNION ALL SELECT 'EKG' || lpad(g::text, 2, '0'), 'KOSTRA-gruppe ' || g, 'kostra_group' FROM generate_series(1, 16) g
UNION ALL SELECT 'F' || lpad(f::text, 2, '0'), 'Fylke ' || f, 'county' FROM generate_series(1, 11) f;
INSERT INTO nat.group_member (group_code, unit, year)
SELECT g, lpad(u::text, 4, '0'), y
FROM generate_series(1, :units) u, generate_series(2015, :last_year) y,
     LATERAL (VALUES ('land'), ('EKG' || lpad((u % 16 + 1)::text, 2, '0')), ('F' || lpad((u % 11 + 1)::text, 2, '0'))) v(g);
INSERT INTO nat.indicator (code, name, higher_is_better)
SELECT 'i' || lpad(i::text, 4, '0'), 'Indikator ' || i, i % 3 <> 0 FROM generate_series(1, :indicators) i;
-- a goal chain of 50 goals, each measured by one indicator with a national target, and an index of 10
INSERT INTO nat.goal (path, name, level)
VALUES ('visjon'::styring.goalpath, 'Visjon', 'vision')
UNION ALL SELECT ('visjon.mål_' || g)::styring.goalpath, 'Mål ' || g, 'effect_goal' FROM generate_series(1, 50) g;
INSERT INTO nat.goal_indicator (goal, indicator, unit, target)
SELECT ('visjon.mål_' || g)::styring.goalpath, 'i' || lpad((g * 7)::text, 4, '0'), NULL,
       (CASE WHEN (g * 7) % 3 <> 0 THEN '>= 6000' ELSE '<= 4000' END || ' by 2030 from 5000 in 2015')::styring.target
FROM generate_series(1, 50) g WHERE g * 7 <= :indicators;
INSERT INTO nat.index_weight (index_name, indicator, weight)
SELECT 'barometer', 'i' || lpad((g * 11)::text, 4, '0'), 1 + g % 3 FROM generate_series(1, 10) g WHERE g * 11 <= :indicators;

-- the rows, as a function of (unit, indicator, year): the same in every load
CREATE FUNCTION bench.nat_rows(lo int, hi int)
RETURNS TABLE (unit text, indicator text, year int, gender text, value float8)
LANGUAGE sql STABLE AS $$
    SELECT lpad(u::text, 4, '0'), 'i' || lpad(i::text, 4, '0'), y, 'T',
           ((i::bigint * 1000003 + y::bigint * 7919 + u::bigint * 15485863) % 99991) / 10.0::float8
    FROM generate_series(lo, hi) i, generate_series(1, current_setting('bench.units')::int) u,
         generate_series(2015, current_setting('bench.last_year')::int) y
$$;
SELECT set_config('bench.units', :'units', false), set_config('bench.last_year', :'last_year', false) \gset

-- Loading: the same rows into a table of the same shape (primary key,
-- foreign keys, index) without stored state, into the model (its triggers
-- keep the group profiles), and through the loaders' apply step in batches
-- of 100 indicators (a document each).
CREATE TABLE bench.plain_measurement (LIKE nat.measurement INCLUDING ALL);
ALTER TABLE bench.plain_measurement ADD FOREIGN KEY (unit) REFERENCES nat.unit (code) ON DELETE CASCADE,
                                    ADD FOREIGN KEY (indicator) REFERENCES nat.indicator (code) ON DELETE CASCADE;
CREATE FUNCTION bench.once(sql text) RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz := clock_timestamp();
BEGIN
    EXECUTE sql;
    RETURN round(extract(epoch FROM clock_timestamp() - t0)::numeric * 1000, 0);
END $$;
CREATE FUNCTION bench.staged(lo int, hi int) RETURNS styring.staged_rows LANGUAGE sql AS $$
    SELECT ROW(NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
               array_agg(unit), array_agg(indicator), array_agg(year), array_agg(gender), array_agg(value), array_agg(NULL::text),
               NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)::styring.staged_rows
    FROM bench.nat_rows(lo, hi)
$$;
CREATE FUNCTION bench.load_batches(model text, batch int) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE n bigint := 0;
BEGIN
    FOR lo IN 1..current_setting('bench.indicators')::int BY batch LOOP
        n := n + styring.apply_staged(model, bench.staged(lo, least(lo + batch - 1, current_setting('bench.indicators')::int)));
    END LOOP;
    RETURN n;
END $$;
SELECT set_config('bench.indicators', :'indicators', false) \gset
\echo == loading (one run each)
CREATE TABLE bench.load (label text, ms numeric);
INSERT INTO bench.load VALUES ('plain INSERT ... SELECT (same keys and indexes, no stored state)',
    bench.once(format('INSERT INTO bench.plain_measurement SELECT *, NULL FROM bench.nat_rows(1, %s)', :indicators)));
-- the same with each row's references checked through the keys of unit and
-- indicator, as apply_staged has them checked (a planner that knows those
-- tables are small reads them whole for every row)
CREATE TABLE bench.keyed_measurement (LIKE nat.measurement INCLUDING ALL);
ALTER TABLE bench.keyed_measurement ADD FOREIGN KEY (unit) REFERENCES nat.unit (code) ON DELETE CASCADE,
                                    ADD FOREIGN KEY (indicator) REFERENCES nat.indicator (code) ON DELETE CASCADE;
CREATE FUNCTION bench.insert_keyed(n int) RETURNS void LANGUAGE sql SET enable_seqscan = off AS $$
    INSERT INTO bench.keyed_measurement SELECT *, NULL FROM bench.nat_rows(1, n)
$$;
INSERT INTO bench.load VALUES ('plain INSERT ... SELECT, references checked through the keys',
    bench.once(format('SELECT bench.insert_keyed(%s)', :indicators)));
DROP TABLE bench.keyed_measurement;
INSERT INTO bench.load VALUES ('INSERT ... SELECT into the model (stored profiles by its triggers)',
    bench.once(format('INSERT INTO nat.measurement SELECT *, NULL FROM bench.nat_rows(1, %s)', :indicators)));
SELECT styring.create_model('nat_loaded');
INSERT INTO nat_loaded.unit SELECT * FROM nat.unit;
INSERT INTO nat_loaded.comparison_group SELECT * FROM nat.comparison_group;
INSERT INTO nat_loaded.group_member SELECT * FROM nat.group_member;
INSERT INTO nat_loaded.indicator SELECT * FROM nat.indicator;
INSERT INTO bench.load VALUES ('styring.apply_staged, 100 indicators a call (stored profiles included)',
    bench.once($$SELECT bench.load_batches('nat_loaded', 100)$$));
SELECT label, ms, round(ms / (SELECT ms FROM bench.load ORDER BY ctid LIMIT 1), 2) AS ratio_to_plain,
       round(ms / (SELECT ms FROM bench.load ORDER BY ctid OFFSET 1 LIMIT 1), 2) AS ratio_to_keyed FROM bench.load;
SELECT is_equal AS "loaded model equal to the INSERT ... SELECT one (measurements and profiles)"
FROM (SELECT (SELECT count(*) FROM (SELECT * FROM nat.measurement EXCEPT SELECT * FROM nat_loaded.measurement) d) = 0
         AND (SELECT count(*) FROM (SELECT group_code, indicator, year, gender, profile::text FROM nat.group_profile
                                    EXCEPT SELECT group_code, indicator, year, gender, profile::text FROM nat_loaded.group_profile) d) = 0
         AS is_equal) x;
DROP SCHEMA nat_loaded CASCADE;
VACUUM ANALYZE nat.measurement;
VACUUM ANALYZE nat.group_member;
VACUUM ANALYZE nat.group_profile;

-- stored profiles against profiles computed afresh: rows that differ
CREATE FUNCTION bench.profiles_differ() RETURNS bigint LANGUAGE sql AS $$
    WITH fresh AS (
        SELECT gm.group_code, m.indicator, m.year, m.gender, styring.profile(m.value)::text AS p
        FROM nat.group_member gm JOIN nat.measurement m ON m.unit = gm.unit AND m.year = gm.year AND m.value IS NOT NULL
        GROUP BY 1, 2, 3, 4)
    SELECT count(*) FROM fresh f
    FULL JOIN (SELECT group_code, indicator, year, gender, profile::text AS p FROM nat.group_profile) s
      USING (group_code, indicator, year, gender)
    WHERE f.p IS DISTINCT FROM s.p
$$;

-- best of three under the server's own settings (bench.time would set the
-- parallel workers; a dashboard runs with what the server has)
CREATE FUNCTION bench.best(bench_name text, label text, query text) RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz; best numeric; ms numeric; answer text;
BEGIN
    FOR i IN 1..3 LOOP
        t0 := clock_timestamp();
        IF query ~* '^copy' THEN
            EXECUTE query;
            GET DIAGNOSTICS answer = ROW_COUNT;
            answer := answer || ' rows';
        ELSE
            EXECUTE query INTO answer;
        END IF;
        ms := extract(epoch FROM clock_timestamp() - t0) * 1000;
        best := least(coalesce(best, ms), ms);
    END LOOP;
    INSERT INTO bench.result VALUES (bench_name, label, current_setting('max_parallel_workers_per_gather')::int, round(best, 1), answer);
    RETURN best;
END $$;

-- Hand-written: every member's rank by rank() OVER, filters first.
CREATE FUNCTION bench.hand_ranking(f_unit text, f_indicator text, f_group text, f_year int)
RETURNS TABLE (group_code text, indicator text, year int, gender text, unit text, value float8, rank bigint, group_size bigint)
LANGUAGE sql STABLE AS $$
    SELECT * FROM (
        SELECT gm.group_code, m.indicator, m.year, m.gender, m.unit, m.value,
               CASE WHEN coalesce(i.higher_is_better, true)
                    THEN rank() OVER (PARTITION BY gm.group_code, m.indicator, m.year, m.gender ORDER BY m.value DESC)
                    ELSE rank() OVER (PARTITION BY gm.group_code, m.indicator, m.year, m.gender ORDER BY m.value ASC) END,
               count(*) OVER (PARTITION BY gm.group_code, m.indicator, m.year, m.gender)
        FROM nat.group_member gm
        JOIN nat.measurement m ON m.unit = gm.unit AND m.year = gm.year AND m.value IS NOT NULL
        JOIN nat.indicator i ON i.code = m.indicator
        WHERE (f_year IS NULL OR m.year = f_year) AND (f_indicator IS NULL OR m.indicator = f_indicator)
          AND (f_group IS NULL OR gm.group_code = f_group)
          AND (f_unit IS NULL OR gm.group_code IN (SELECT g.group_code FROM nat.group_member g WHERE g.unit = f_unit AND g.year = m.year))) r
    WHERE f_unit IS NULL OR r.unit = f_unit
$$;

\set q_unit_view 'SELECT count(*) || '' / '' || sum(rank) FROM nat.ranking WHERE unit = ''0030'' AND year = ' :last_year
\set q_unit_hand 'SELECT count(*) || '' / '' || sum(rank) FROM bench.hand_ranking(''0030'', NULL, NULL, ' :last_year ')'
\set q_league_view 'SELECT count(*) || '' / '' || sum(rank) FROM nat.ranking WHERE indicator = ''i0042'' AND year = ' :last_year ' AND group_code = ''land'''
\set q_league_hand 'SELECT count(*) || '' / '' || sum(rank) FROM bench.hand_ranking(NULL, ''i0042'', ''land'', ' :last_year ')'
\set q_extract_view 'COPY (SELECT * FROM nat.ranking) TO ''/dev/null'''
\set q_extract_hand 'COPY (SELECT * FROM bench.hand_ranking(NULL, NULL, NULL, NULL)) TO ''/dev/null'''
\set q_trend_view 'SELECT count(*) || '' / '' || round(sum(slope)::numeric, 6) || '' / '' || round(sum(mean_previous_3_years)::numeric, 3) FROM nat.trend WHERE unit = ''0030'''
\set q_trend_hand 'SELECT count(*) || '' / '' || round(sum(s.slope)::numeric, 6) || '' / '' || round(sum(p.mean3)::numeric, 3) FROM (SELECT indicator, gender, max(year) AS last_year, regr_slope(value, year) AS slope FROM nat.measurement WHERE unit = ''0030'' AND value IS NOT NULL GROUP BY 1, 2) s LEFT JOIN LATERAL (SELECT avg(value) AS mean3 FROM nat.measurement m WHERE m.unit = ''0030'' AND m.indicator = s.indicator AND m.gender = s.gender AND m.year BETWEEN s.last_year - 3 AND s.last_year - 1 AND m.value IS NOT NULL) p ON true'
\set q_goals_view 'SELECT count(*) || '' / '' || round(sum(attainment)::numeric, 6) FROM nat.goal_attainment WHERE unit = ''0030'' AND year = ' :last_year
\set q_goals_hand 'SELECT count(*) || '' / '' || round(sum(styring.attainment(gi.target, m.value))::numeric, 6) FROM nat.goal_indicator gi JOIN nat.measurement m ON m.indicator = gi.indicator AND m.gender = ''T'' AND m.unit = ''0030'' AND m.year = ' :last_year ' AND (m.unit = gi.unit OR gi.unit IS NULL AND NOT EXISTS (SELECT FROM nat.goal_indicator o WHERE o.goal OPERATOR(styring.=) gi.goal AND o.indicator = gi.indicator AND o.unit = m.unit)) JOIN nat.goal g ON g.path OPERATOR(styring.=) gi.goal JOIN nat.indicator i ON i.code = gi.indicator WHERE gi.target IS NOT NULL AND styring.status(gi.target, m.value, m.year) IS NOT NULL'
\set q_index_view 'SELECT count(*) || '' / '' || round(sum(index_grade)::numeric, 6) FROM nat.composite_index WHERE year = ' :last_year
\set q_figures_view 'SELECT count(*) || '' / '' || round(sum(median)::numeric, 3) FROM nat.group_figures WHERE group_code = ''EKG01'' AND year = ' :last_year
\set q_figures_hand 'SELECT count(*) || '' / '' || round(sum(median)::numeric, 3) FROM (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY m.value) AS median FROM nat.group_member gm JOIN nat.measurement m ON m.unit = gm.unit AND m.year = gm.year WHERE gm.group_code = ''EKG01'' AND gm.year = ' :last_year ' GROUP BY m.indicator, m.gender) s'

\echo == dashboard queries (best of 3, ms; answers: rows / sum of ranks)
SELECT bench.best('one unit''s ranking, one year', 'hand-written rank() OVER, filters first', :'q_unit_hand'),
       bench.best('one unit''s ranking, one year', 'view ranking', :'q_unit_view'),
       bench.best('one indicator''s league table', 'hand-written rank() OVER, filters first', :'q_league_hand'),
       bench.best('one indicator''s league table', 'view ranking', :'q_league_view'),
       bench.best('one unit''s trend', 'hand-written regr_slope and the three years before', :'q_trend_hand'),
       bench.best('one unit''s trend', 'view trend', :'q_trend_view'),
       bench.best('one group''s figures, one year', 'hand-written percentile_cont', :'q_figures_hand'),
       bench.best('one group''s figures, one year', 'view group_figures', :'q_figures_view'),
       bench.best('one unit''s goals, one year', 'hand-written styring.attainment over goal_indicator', :'q_goals_hand'),
       bench.best('one unit''s goals, one year', 'view goal_attainment', :'q_goals_view'),
       bench.best('the composite index, one year', 'view composite_index', :'q_index_view') \gset
SELECT bench.best('whole ranking extract (COPY ... TO)', 'hand-written rank() OVER', :'q_extract_hand'),
       bench.best('whole ranking extract (COPY ... TO)', 'view ranking', :'q_extract_view') \gset
SELECT bench, label, ms, ratio_to_baseline, answer FROM bench.report ORDER BY bench, ms DESC;
SELECT bench, bool_and(answer = first_answer) AS same_answer
FROM (SELECT bench, answer, first_value(answer) OVER (PARTITION BY bench ORDER BY ctid) AS first_answer FROM bench.result) r
GROUP BY bench ORDER BY bench;
SELECT count(*) AS "one unit's ranking rows that differ from rank() OVER"
FROM (SELECT group_code, indicator, year, gender, unit, value, rank, group_size FROM nat.ranking WHERE unit = '0030'
      EXCEPT SELECT * FROM bench.hand_ranking('0030', NULL, NULL, NULL)) d;

\echo == reloading one indicator (new values through apply_staged; profiles of its groups re-done)
CREATE TABLE bench.reload (label text, ms numeric);
CREATE FUNCTION bench.staged_changed(ind int, delta float8) RETURNS styring.staged_rows LANGUAGE sql AS $$
    SELECT ROW(NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
               array_agg(unit), array_agg(indicator), array_agg(year), array_agg(gender), array_agg(value + delta), array_agg(NULL::text),
               NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)::styring.staged_rows
    FROM bench.nat_rows(ind, ind)
$$;
INSERT INTO bench.reload
SELECT 'apply_staged, one indicator (' || n || ' rows), stored profiles included', bench.once(format('SELECT styring.apply_staged(%L, bench.staged_changed(%s, %s))', 'nat', 7, d))
FROM generate_series(1, 3) d, (SELECT count(*) AS n FROM bench.nat_rows(7, 7)) c;
INSERT INTO bench.reload
SELECT 'plain INSERT ... ON CONFLICT DO UPDATE, same rows, no stored state',
       bench.once(format($q$INSERT INTO bench.plain_measurement SELECT unit, indicator, year, gender, value + %s, NULL FROM bench.nat_rows(7, 7)
                          ON CONFLICT (unit, indicator, year, gender) DO UPDATE SET value = EXCLUDED.value$q$, d))
FROM generate_series(1, 3) d;
SELECT label, min(ms) AS best_ms FROM bench.reload GROUP BY label ORDER BY 1;
DELETE FROM nat.measurement WHERE indicator = 'i0008' AND unit IN ('0001', '0100');
UPDATE nat.measurement SET value = NULL, status = '.' WHERE indicator = 'i0009' AND unit = '0002';
DELETE FROM nat.group_member WHERE unit = '0003' AND year = 2016 AND group_code = 'land';
SELECT bench.profiles_differ() AS "stored profiles that differ from fresh ones (after loads, reload, deletes)";

\echo == the key lines of the plans
CREATE FUNCTION bench.plan(q text) RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE l text;
BEGIN
    FOR l IN EXECUTE 'EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) ' || q LOOP
        IF l ~ '(Scan|Join|Nested Loop|Aggregate|Sort|Execution Time|Disk|Workers)' THEN RETURN NEXT l; END IF;
    END LOOP;
END $$;
\echo -- one unit, its ranking
SELECT * FROM bench.plan(:'q_unit_view');
\echo -- one indicator, its league table
SELECT * FROM bench.plan(:'q_league_view');
\echo -- one unit, its trend
SELECT * FROM bench.plan(:'q_trend_view');
