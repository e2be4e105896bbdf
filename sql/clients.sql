-- Clients: strings bound as text or varchar where a styring value is expected,
-- min and max, amounts bound as double precision. Drivers bind parameters as
-- PREPARE does here; test/drivers/ runs the real drivers.
SET extra_float_digits = 0;

-- pgJDBC binds strings as varchar: each cast is implicit and means what the literal means.
PREPARE attain(varchar, double precision, integer) AS
    SELECT styring.attainment($1, $2) AS attainment, styring.status($1, $2, $3) AS status,
           styring.traffic_light(styring.status($1, $2, $3)) AS light;
EXECUTE attain('>= 90 by 2020 from 72 in 2015', 82.8, 2018);
PREPARE place(varchar, double precision) AS
    SELECT styring.rank_in($1, $2) AS rank, styring.quartile_band($1, $2) AS band;
EXECUTE place('{55.5,61,70.25,80,92}', 80);
PREPARE goal(varchar, varchar) AS SELECT styring.nlevel($1) AS levels, styring.is_ancestor($2, $1) AS under;
EXECUTE goal('bolig_for_velferd.barnefamilier.mål_2', 'bolig_for_velferd');
PREPARE uses(text, text) AS SELECT styring.eval_usage_contains($1, $2) AS contains, styring.unused($2) AS unused;
EXECUTE uses('{handlingsplan,annet}', '{action_plan}');
PREPARE light(varchar) AS SELECT styring.traffic_light($1) AS light;
EXECUTE light('off_track');

-- Into columns, from varchar and text values.
CREATE TEMP TABLE goals (t styring.target, g styring.goalpath, u styring.eval_usage, p styring.profile, s styring.goal_status);
PREPARE put(varchar, varchar, varchar, varchar, varchar) AS INSERT INTO goals VALUES ($1, $2, $3, $4, $5);
EXECUTE put('>= 90 by 2020', 'a.b', '{annat}', '{3,1,2}', 'achieved');
INSERT INTO goals SELECT '<= 10'::text, 'a'::text, '{}'::text, '{1}'::text, 'no_data'::text;
SELECT t, g, u, p, s FROM goals ORDER BY g;

-- A bad string is refused as the literal would be, naming it.
SELECT regress.try($$EXECUTE attain('>= 90 by 2020 from 90', 1, 2020)$$) AS same_baseline;
SELECT regress.try($$EXECUTE goal('a..b', 'a')$$) AS empty_label;
SELECT regress.try($$EXECUTE light('green')$$) AS not_a_status;
SELECT regress.try($$SELECT styring.unused('{political_decision,vote}'::varchar)$$) AS unknown_use;

-- An untyped parameter (node-postgres, pgJDBC with stringtype=unspecified)
-- still finds the aggregate profile(float8): the cast functions are named
-- target_from_text, profile_from_text, ..., not after their types.
PREPARE collect AS SELECT styring.group_size(styring.profile($1)) AS one_value;
EXECUTE collect('70.25');
SELECT styring.profile_from_text('{3,1,2}') AS profile, styring.eval_usage_from_text('{annet}') AS usage;

-- min and max: a total order for targets, tree order for goal paths; NULLs skipped.
SELECT styring.min(t) AS min_t, styring.max(t) AS max_t, styring.min(g) AS min_g, styring.max(g) AS max_g
FROM (VALUES ('>= 90 by 2020'::styring.target, 'a.b'::styring.goalpath), ('<= 10', 'a'), (NULL, NULL), ('= 5 ±1', 'a.b.c')) v(t, g);
SELECT styring.min(t) IS NULL AS empty_is_null FROM goals WHERE false;

-- Amounts bound as double precision: read to 15 significant digits, exact to the øre.
PREPARE cost(double precision, double precision, double precision, double precision, double precision) AS
    SELECT styring.evaluation_cost($1, $2, $3, $4, $5) AS cost;
EXECUTE cost(10.5, 280, 1234.56, 0.1, 0.2);
EXECUTE cost(0.1, 0.1, 0.1, 0.1, 0.1);
EXECUTE cost(NULL, NULL, NULL, NULL, NULL);
SELECT (styring.evaluation_summary(u, h, 280::float8, c, 0::float8, 0.01::float8, NULL)).total_cost
FROM (VALUES ('{}'::styring.eval_usage, 0.1::float8, 0.2::float8), ('{other}', 0.2, 0.1)) v(u, h, c);
-- ... and refused when they cannot be exact, or are not amounts.
SELECT regress.try($$EXECUTE cost(1e13, 280, 0, 0, 0)$$) AS too_large;
SELECT regress.try($$EXECUTE cost(1, 280, 'NaN', 0, 0)$$) AS not_finite;
SELECT regress.try($$EXECUTE cost(1, 280, -5, 0, 0)$$) AS negative;
SELECT regress.try($$EXECUTE cost(1, NULL, 0, 0, 0)$$) AS hours_without_rate;
