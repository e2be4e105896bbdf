-- styring.ranks() against PostgreSQL's own window functions and against
-- styring's profile functions, on random data: many groups with ties, NULL
-- values and labels, groups of one and two, a group of 20 000, both
-- directions, serial and parallel plans.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS styring;
SELECT plan(31);

SELECT setseed(0.7);
-- 3 000 groups of 1 to 80 members; rounding makes ties common; some NULL values and labels.
CREATE TABLE obs AS
SELECT g,
       CASE WHEN random() < 0.02 THEN NULL ELSE lpad(i::text, 4, '0') END AS unit,
       CASE WHEN random() < 0.05 THEN NULL
            ELSE round((random() * 200 - 100)::numeric, (g % 3))::float8 END AS v
FROM (SELECT g, generate_series(1, 1 + (g * 7919) % 80) AS i FROM generate_series(1, 3000) g) s;
INSERT INTO obs SELECT 100000, 'u' || i, (random() * 1e5)::int / 10.0 FROM generate_series(1, 20000) i;
INSERT INTO obs VALUES (100001, 'one', 42), (100002, 'a', -1), (100002, 'b', -1),
                       (100003, 'x', NULL), (100003, 'y', NULL), (100004, 'z', -0.0), (100004, 'w', 0);
ANALYZE obs;

-- Each row's position in obs, so that ranks() rows can be matched to their input.
CREATE TABLE numbered AS SELECT row_number() OVER () AS id, * FROM obs;

CREATE TABLE windowed AS
SELECT id, g, unit, v,
       rank() OVER hi AS rank_hi, percent_rank() OVER hi AS pr_hi, cume_dist() OVER hi AS cd_hi,
       rank() OVER lo AS rank_lo, percent_rank() OVER lo AS pr_lo, cume_dist() OVER lo AS cd_lo,
       count(*) OVER (PARTITION BY g) AS n
FROM numbered WHERE v IS NOT NULL
WINDOW hi AS (PARTITION BY g ORDER BY v DESC), lo AS (PARTITION BY g ORDER BY v ASC);

-- ranks() with the row id as the member's label, both directions.
CREATE TABLE ranked_hi AS
SELECT s.g, r.* FROM (SELECT g, styring.ranks(id::text, v) AS rs FROM numbered GROUP BY g) s, unnest(s.rs) r;
CREATE TABLE ranked_lo AS
SELECT s.g, r.* FROM (SELECT g, styring.ranks(id::text, v, false) AS rs FROM numbered GROUP BY g) s, unnest(s.rs) r;

SELECT is((SELECT count(*) FROM ranked_hi), (SELECT count(*) FROM obs), 'every row comes back once, NULL values included');
SELECT is((SELECT count(DISTINCT member) FROM ranked_hi), (SELECT count(*) FROM obs), 'every row comes back with its own label');
SELECT is((SELECT count(*) FROM ranked_hi r JOIN numbered n ON n.id = r.member::bigint
           WHERE r.g <> n.g OR r.value IS DISTINCT FROM n.v), 0::bigint, 'each member keeps its group and value');
SELECT is((SELECT count(*) FROM ranked_hi r JOIN windowed w ON w.id = r.member::bigint
           WHERE r.rank <> w.rank_hi), 0::bigint, 'rank = rank() OVER (ORDER BY v DESC)');
SELECT is((SELECT count(*) FROM ranked_hi r JOIN windowed w ON w.id = r.member::bigint
           WHERE r.percent_rank <> w.pr_hi), 0::bigint, 'percent_rank = percent_rank() exactly (DESC)');
SELECT is((SELECT count(*) FROM ranked_hi r JOIN windowed w ON w.id = r.member::bigint
           WHERE r.cume_dist <> w.cd_hi), 0::bigint, 'cume_dist = cume_dist() exactly (DESC)');
SELECT is((SELECT count(*) FROM ranked_lo r JOIN windowed w ON w.id = r.member::bigint
           WHERE r.rank <> w.rank_lo OR r.percent_rank <> w.pr_lo OR r.cume_dist <> w.cd_lo),
          0::bigint, 'lower is better: rank, percent_rank, cume_dist = the window functions (ASC)');
SELECT is((SELECT count(*) FROM ranked_hi r JOIN windowed w ON w.id = r.member::bigint
           WHERE r.group_size <> w.n), 0::bigint, 'group_size counts the members with a value');
SELECT is((SELECT count(*) FROM ranked_hi WHERE value IS NULL
           AND (rank, percent_rank, cume_dist, quartile_band, grade, group_size) IS NOT NULL),
          0::bigint, 'a member without a value gets no figures');
SELECT is((SELECT count(*) FROM ranked_hi WHERE value IS NULL), (SELECT count(*) FROM obs WHERE v IS NULL),
          'members without a value are all there');

-- Quartile band and grade: the same as quartile_band() and grade() against the group's profile.
CREATE TABLE prof AS SELECT g, styring.profile(v) AS p FROM obs GROUP BY g;
SELECT is((SELECT count(*) FROM ranked_hi r JOIN prof USING (g)
           WHERE r.quartile_band IS DISTINCT FROM styring.quartile_band(p, r.value)
              OR r.grade IS DISTINCT FROM styring.grade(p, r.value)),
          0::bigint, 'quartile_band and grade = quartile_band() and grade() on the profile');
SELECT is((SELECT count(*) FROM ranked_lo r JOIN prof USING (g)
           WHERE r.quartile_band IS DISTINCT FROM styring.quartile_band(p, r.value, false)
              OR r.grade IS DISTINCT FROM styring.grade(p, r.value, false)),
          0::bigint, 'and lower is better: quartile_band(..., false), grade(..., false)');
SELECT is((SELECT count(*) FROM ranked_hi r JOIN prof USING (g)
           WHERE r.rank IS DISTINCT FROM styring.rank_in(p, r.value)
              OR r.percent_rank IS DISTINCT FROM styring.percent_rank_in(p, r.value)
              OR r.cume_dist IS DISTINCT FROM styring.cume_dist_in(p, r.value)),
          0::bigint, 'rank, percent_rank, cume_dist = rank_in, percent_rank_in, cume_dist_in');

-- Order: best first, members without a value last.
SELECT is((SELECT count(*) FROM (
             SELECT r.rank, lag(r.rank) OVER (PARTITION BY s.g ORDER BY r.ord) AS prev_rank,
                    r.value, lag(r.value) OVER (PARTITION BY s.g ORDER BY r.ord) AS prev_value
             FROM (SELECT g, styring.ranks(unit, v) AS rs FROM obs GROUP BY g) s,
                  unnest(s.rs) WITH ORDINALITY r(member, value, rank, percent_rank, cume_dist,
                                                 quartile_band, grade, group_size, ord)) x
           WHERE (prev_rank IS NULL AND prev_value IS NULL AND rank IS NOT NULL AND prev_rank IS NOT NULL)
              OR rank < prev_rank OR (prev_value IS NULL AND value IS NOT NULL AND prev_rank IS NOT NULL)),
          0::bigint, 'members come best first, those without a value last');
SELECT is((SELECT array_agg(r.member ORDER BY r.member) FROM
             (SELECT styring.ranks(unit, v) AS rs FROM obs WHERE g = 100002) s, unnest(s.rs) r
           WHERE r.rank = 1), ARRAY['a', 'b'], 'ties share the rank');
SELECT is((SELECT count(*) FROM (SELECT styring.ranks(unit, v) AS rs FROM obs WHERE g = 100004) s, unnest(s.rs) r
           WHERE r.rank = 1 AND r.value::text = '0'), 2::bigint, '-0 and 0 are one value');
SELECT is((SELECT count(*) FROM ranked_hi r JOIN numbered n ON n.id = r.member::bigint WHERE n.unit IS NULL), 
          (SELECT count(*) FROM obs WHERE unit IS NULL), 'rows with a NULL label are ranked too');
SELECT is((SELECT array_agg(r.member IS NULL) FROM
             (SELECT styring.ranks(NULL::text, 1.0) AS rs) s, unnest(s.rs) r), ARRAY[true], 'a NULL label stays NULL');
SELECT is((SELECT styring.ranks(unit, v) FROM obs WHERE false), NULL, 'no rows: NULL');
SELECT is((SELECT (r).rank FROM (SELECT unnest(styring.ranks('x', 5)) AS r) s), 1::bigint,
          'a group of one: rank 1');

-- Parallel plans: the same rows as a serial plan.
CREATE TABLE big AS
SELECT (i % 500) AS g, CASE WHEN i % 3 = 0 THEN 'kommune nr. ' || i ELSE 'm' || i END AS unit, CASE WHEN i % 97 = 0 THEN NULL ELSE (i * 7919 % 1000) / 10.0 END AS v
FROM generate_series(1, 200000) i;
ANALYZE big;
SELECT tap_helpers.serial();
SET LOCAL max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE serial_result AS
SELECT s.g, r.* FROM (SELECT g, styring.ranks(unit, v) AS rs FROM big GROUP BY g) s, unnest(s.rs) r;
SELECT tap_helpers.force_parallel();
SELECT ok(tap_helpers.plan_of('SELECT g, styring.ranks(unit, v) FROM big GROUP BY g') ~ 'Partial',
          'the plan is parallel');
CREATE TEMP TABLE parallel_result AS
SELECT s.g, r.* FROM (SELECT g, styring.ranks(unit, v) AS rs FROM big GROUP BY g) s, unnest(s.rs) r;
SELECT is((SELECT count(*) FROM (SELECT * FROM serial_result EXCEPT ALL SELECT * FROM parallel_result) d), 0::bigint,
          'parallel plan: the same rows as the serial plan');
SELECT is((SELECT count(*) FROM parallel_result), 200000::bigint, 'parallel plan: every row');
SELECT is((SELECT count(*) FROM (SELECT g, unit, v FROM big EXCEPT ALL SELECT g, member, value FROM parallel_result) d),
          0::bigint, 'parallel plan: every member keeps its label (short and long) and value');
SELECT tap_helpers.serial();

-- The rows are written into the result array in place (row_array.c): labels of
-- every length around the switch from a 1-byte to a 4-byte header, a NULL row
-- among others, and the select-list form of unnest, all read back intact.
CREATE TEMP TABLE layout AS
SELECT n % 3 AS g, CASE WHEN n = 150 THEN NULL ELSE repeat(chr(97 + n % 26), n) END AS unit,
       CASE WHEN n = 151 THEN NULL ELSE (n % 17)::float8 END AS v
FROM generate_series(0, 300) n;
SELECT is((SELECT count(*) FROM (SELECT g, unit, v FROM layout
                                 EXCEPT ALL
                                 SELECT s.g, r.member, r.value
                                 FROM (SELECT g, styring.ranks(unit, v) AS rs FROM layout GROUP BY g) s,
                                      unnest(s.rs) r) d),
          0::bigint, 'labels of 0 to 300 bytes and NULL rows come back as they went in');
SELECT is((SELECT count(*) FROM (SELECT s.g, r.member, r.rank, r.group_size
                                 FROM (SELECT g, styring.ranks(unit, v) AS rs FROM layout GROUP BY g) s,
                                      unnest(s.rs) r
                                 EXCEPT ALL
                                 SELECT g, unit, rank() OVER (PARTITION BY g ORDER BY v DESC),
                                        count(v) OVER (PARTITION BY g)
                                 FROM layout WHERE v IS NOT NULL) d),
          1::bigint, 'their ranks are rank() OVER''s (the one row left is the member without a value)');
SELECT is((SELECT count(*) FROM (SELECT g, (r).member, (r).value, (r).rank
                                 FROM (SELECT g, unnest(styring.ranks(unit, v)) AS r FROM layout GROUP BY g) s
                                 EXCEPT ALL
                                 SELECT s.g, r.member, r.value, r.rank
                                 FROM (SELECT g, styring.ranks(unit, v) AS rs FROM layout GROUP BY g) s,
                                      unnest(s.rs) r) d),
          0::bigint, 'unnest in the select list gives the rows that unnest in FROM gives');

-- Bad input.
SELECT throws_ok($$SELECT styring.ranks('a', 'NaN') $$, '22023', 'a comparison group cannot hold "NaN"', 'NaN refused');
SELECT throws_ok($$SELECT styring.ranks(m, v, d) FROM (VALUES ('a', 1.0, true), ('b', 2, false)) x(m, v, d)$$,
                 '22023', 'higher_is_better must be the same for every row of a group', 'mixed directions refused');
SELECT throws_ok($$SELECT styring.ranks('a', 1.0, NULL)$$, '22004', 'higher_is_better must not be NULL',
                 'NULL direction refused');

-- A view of plain rows, as a BI tool reads it.
CREATE VIEW kommune_rank AS
SELECT s.g AS gruppe, r.member AS kommune, r.value AS verdi, r.rank AS plass, r.group_size AS av
FROM (SELECT g, styring.ranks(unit, v) AS rs FROM obs GROUP BY g) s, unnest(s.rs) r;
SELECT is((SELECT plass || ' av ' || av FROM kommune_rank WHERE gruppe = 100000 AND kommune = 'u1'),
          (SELECT w.rank_hi || ' av ' || w.n FROM windowed w WHERE w.g = 100000 AND w.unit = 'u1'),
          'through a view: "nr N av M" as rank() OVER gives it');

SELECT * FROM finish();
ROLLBACK;
