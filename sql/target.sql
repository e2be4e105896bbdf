-- styring.target: text form, canonical output, accessors, constructor, errors.
SET extra_float_digits = 0;
-- Operators on our types resolve through search_path, as for any extension schema.
SET search_path = public, styring;

-- The forms in the issue and the seeds: Bolig for velferd's 2020 targets.
SELECT t, t::text::styring.target = t AS reads_back
FROM (VALUES
    ('>= 90 by 2020 from 72 in 2015'::styring.target),
    ('<= 4.5 by 2020'),
    ('= 100 ±2'),
    ('= 100 +-2'),
    ('= 100 +- 2.5'),
    ('=100'),
    ('  >=   90   BY 2020   FROM 72   IN 2015  '),
    ('≥ 0.75 by 2020'),
    ('≤ 12 by 2020 from 15'),
    ('>= 1e20'),
    ('>= 0.0001'),
    ('>= 0.00001'),
    ('>= 123456789012345678'),
    ('>= 0.1'),
    ('<= 1.5e-300'),
    ('= -3.25 ±0.25 from -5 in 2019'),
    ('= 0 ±1 from 10'),
    ('>= 5 from -0')
) v(t);

-- Accessors.
SELECT styring.target_op(t), styring.target_value(t), styring.target_tolerance(t),
       styring.target_year(t), styring.target_baseline(t), styring.target_baseline_year(t),
       styring.higher_is_better(t)
FROM (VALUES ('>= 90 by 2020 from 72 in 2015'::styring.target), ('<= 4.5 by 2020'),
             ('= 100 ±2'), ('= 100')) v(t);

-- The constructor with named arguments, as a BI tool or loader calls it.
SELECT styring.make_target('>=', 90, by_year => 2020, baseline => 72, baseline_year => 2015);
SELECT styring.make_target(op => '<=', value => 4.5, by_year => 2020);
SELECT styring.make_target('=', 100, tolerance => 2);
SELECT styring.make_target('≥', 0.75);
SELECT styring.make_target(NULL, 1) IS NULL AS null_op, styring.make_target('>=', NULL) IS NULL AS null_value;

-- Equality, ordering, hashing: targets can be grouped, sorted and joined.
SELECT '>= 90'::styring.target = '>=90.0'::styring.target AS eq,
       '>= 90'::styring.target <> '>= 90 by 2020'::styring.target AS ne,
       '>= 5 from -0'::styring.target = '>= 5 from 0'::styring.target AS minus_zero_eq,
       styring.target_hash('>= 5 from -0') = styring.target_hash('>= 5 from 0') AS minus_zero_hash;
SELECT t FROM (VALUES ('= 3'::styring.target), ('>= 5 by 2020'), ('>= 5'), ('<= 2'),
                      ('>= 5 from 1'), ('>= 4'), ('= 3 ±1')) v(t) ORDER BY t;
SET enable_sort = off;
SELECT t, count(*) FROM (VALUES ('>= 5'::styring.target), ('>=5'), ('>= 5.0 '), ('<= 5')) v(t)
GROUP BY t ORDER BY count(*) DESC, t;
RESET enable_sort;

-- Binary form: version byte, op, flags, then the parts present.
SELECT styring.target_send('>= 90 by 2020 from 72 in 2015');
SELECT styring.target_send('= 100 ±2');

-- Errors. Unparsable text is 22P02 and says where; the rest name the problem.
SELECT input, regress.try(format('SELECT %L::styring.target', input)) AS result
FROM (VALUES
    (''), ('90'), ('> 90'), ('>= '), ('>= abc'), ('>= 90 by'), ('>= 90 by 20x0'),
    ('>= 90 by 2020 2021'), ('>= 90 from'), ('>= 90 from 72 in'), ('>= 90 bye 2020'),
    ('>= 90 from 72 by 2020'), ('>= 0x10'), ('>= 90 junk'), ('= 100 ±'), ('>= 1,5'),
    ('>= 1e400'), ('>= 1e-400'), ('>= 90 by 0'), ('>= 90 by 10000'), ('>= 90 by 99999999999999999999'),
    ('>= NaN'), ('>= -Infinity'), ('= 5 ± inf'), ('>= 90 from nan'),
    ('>= 90 ±2'), ('<= 4 +-1'), ('= 100 ±-2'),
    ('>= 90 by 2015 from 72 in 2015'), ('>= 90 by 2014 from 72 in 2015'),
    ('>= 72 from 72'), ('= 3 from 3'), ('>= 0'), ('= 0'), ('<= 0 by 2020'),
    ('>= -5'), ('<= -1'), ('>= 60 from 72'), ('<= 9 from 5'),
    ('>= 1e308 from -1e308')
) v(input);

-- The full message of an error, with detail and hint.
\set VERBOSITY default
SELECT '>= 90 by 20x0'::styring.target;
SELECT '>= 72 from 72 in 2015'::styring.target;
\set VERBOSITY terse

-- Constructor errors name the target they would have made.
SELECT args, regress.try('SELECT styring.make_target(' || args || ')') AS result
FROM (VALUES
    ($$'>', 1$$), ($$'=>', 1$$), ($$'>=', 'NaN'$$), ($$'>=', 90, tolerance => 1$$),
    ($$'>=', 90, baseline_year => 2015$$), ($$'>=', 90, by_year => 2020, baseline => 72, baseline_year => 2021$$),
    ($$'>=', 90, by_year => 0$$), ($$'=', 5, tolerance => -1$$), ($$'<=', 0$$)
) v(args);
