-- The accounts rolled up through Statistics Norway's 2015-2016 function and
-- art hierarchies (account_rollup) against an independent computation: the
-- aggregates evaluated bottom-up, each node once its children are done, one
-- dimension after the other, with no path closure. Then the key figures
-- (key_figure_value, compute_key_figures) against sums by hand, and the codes
-- the loader gives their leading zeros back.
\set QUIET on
\set ON_ERROR_STOP 1
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS styring;
SET client_min_messages = warning;
SELECT plan(32);

SELECT styring.create_model('acc');
\set doc `cat demo/data/regnskap_data.csv`
SELECT styring.load_kostra_csv('acc', :'doc') AS n \gset
\set doc `cat demo/data/regnskap_funksjonshierarki.csv`
SELECT styring.load_kostra_csv('acc', :'doc', hierarchy => 'function') AS n \gset
\set doc `cat demo/data/regnskap_artshierarki.csv`
SELECT styring.load_kostra_csv('acc', :'doc', hierarchy => 'type') AS n \gset
\unset doc

-- codes as Statistics Norway writes them
SELECT is(array_agg(styring.kostra_region(c) ORDER BY o), ARRAY['0301', '030101', '0100', '0301', 'EAK', 'EKG13', '0001', '123456', '0001'],
          'kostra_region: 3 digits to 4, 5 to 6, others as they are')
FROM unnest(ARRAY['301', '30101', '100', '0301', 'EAK', 'EKG13', '1', '123456', '1']) WITH ORDINALITY u(c, o);
SELECT is(array_agg(styring.kostra_code(c) ORDER BY o), ARRAY['010', '099', '590', 'FGK7', 'AGD9', '1000', '001'],
          'kostra_code: 1 or 2 digits to 3, others as they are')
FROM unnest(ARRAY['10', '99', '590', 'FGK7', 'AGD9', '1000', '1']) WITH ORDINALITY u(c, o);
SELECT is(array_agg(styring.kostra_region(c) ORDER BY o), ARRAY['', '3a1', ' 301', '-301', '3 1', '١٢٣', '0000', '1234567'],
          'kostra_region: only codes of ASCII digits are padded')
FROM unnest(ARRAY['', '3a1', ' 301', '-301', '3 1', '١٢٣', '000', '1234567']) WITH ORDINALITY u(c, o);
SELECT is(array_agg(styring.kostra_code(c) ORDER BY o), ARRAY['', '1a', ' 1', '-1', '000', '1 '],
          'kostra_code: only codes of ASCII digits are padded')
FROM unnest(ARRAY['', '1a', ' 1', '-1', '0', '1 ']) WITH ORDINALITY u(c, o);
SELECT set_eq($$SELECT DISTINCT unit FROM acc.account$$, ARRAY['0100', '0101', '0300', '0301', '030101', '030107'],
              'the accounts'' regions get their leading zeros (301 is Oslo, 0301)');
SELECT is((SELECT count(*) FROM acc.account WHERE function !~ '^[0-9]{3}$' OR type !~ '^[0-9]{3}$'), 0::bigint,
          'every function and art code of the accounts has 3 digits');
SELECT is((SELECT amount FROM acc.account WHERE unit = '0101' AND year = 2015 AND class = 'D' AND function = '100' AND type = '010'),
          -5::numeric, 'art 10 of Halden''s 2015 accounts is art 010');
SELECT ok(EXISTS (SELECT FROM acc.account_hierarchy WHERE year = 2015 AND dimension = 'type' AND parent = 'LONN' AND child = '010'),
          'the art hierarchy''s code 10 is 010 too, so the two meet');
SELECT is((SELECT count(*) FROM acc.unit u WHERE u.code IN (SELECT unit FROM acc.account) AND u.code !~ '^[0-9]{4}([0-9]{2})?$'), 0::bigint,
          'no unit of 3 or 5 digits is made');

-- The independent computation: every function aggregate from its children,
-- lowest first; then every art aggregate of every function code and
-- aggregate the same way.
CREATE FUNCTION pg_temp.bottom_up() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    dim text;
    n bigint;
BEGIN
    CREATE TEMP TABLE v (unit text, year int, class text, f text, t text, amount numeric);
    INSERT INTO v SELECT unit, year, class, function, type, sum(amount) FROM acc.account GROUP BY 1, 2, 3, 4, 5;
    FOREACH dim IN ARRAY ARRAY['function', 'type'] LOOP
        CREATE TEMP TABLE done AS
            SELECT DISTINCT year, child AS node FROM acc.account_hierarchy h
            WHERE dimension = dim AND NOT EXISTS (SELECT FROM acc.account_hierarchy p
                                                  WHERE p.year = h.year AND p.dimension = dim AND p.parent = h.child);
        LOOP
            CREATE TEMP TABLE ready AS
                SELECT DISTINCT year, parent AS node FROM acc.account_hierarchy h
                WHERE dimension = dim
                  AND NOT EXISTS (SELECT FROM done d WHERE d.year = h.year AND d.node = h.parent)
                  AND NOT EXISTS (SELECT FROM acc.account_hierarchy c
                                  WHERE c.year = h.year AND c.dimension = dim AND c.parent = h.parent
                                    AND NOT EXISTS (SELECT FROM done d WHERE d.year = c.year AND d.node = c.child));
            GET DIAGNOSTICS n = ROW_COUNT;
            EXIT WHEN n = 0;
            IF dim = 'function' THEN
                INSERT INTO v
                SELECT v.unit, v.year, v.class, h.parent, v.t, sum(h.sign * v.amount)
                FROM ready r JOIN acc.account_hierarchy h ON h.year = r.year AND h.dimension = dim AND h.parent = r.node
                JOIN v ON v.year = h.year AND v.f = h.child
                GROUP BY 1, 2, 3, 4, 5;
            ELSE
                INSERT INTO v
                SELECT v.unit, v.year, v.class, v.f, h.parent, sum(h.sign * v.amount)
                FROM ready r JOIN acc.account_hierarchy h ON h.year = r.year AND h.dimension = dim AND h.parent = r.node
                JOIN v ON v.year = h.year AND v.t = h.child
                GROUP BY 1, 2, 3, 4, 5;
            END IF;
            INSERT INTO done SELECT * FROM ready;
            DROP TABLE ready;
        END LOOP;
        DROP TABLE ready;
        -- every parent got done: the hierarchy has no cycle
        IF EXISTS (SELECT FROM acc.account_hierarchy h WHERE dimension = dim
                   AND NOT EXISTS (SELECT FROM done d WHERE d.year = h.year AND d.node = h.parent)) THEN
            RAISE EXCEPTION 'bottom_up: % hierarchy not finished', dim;
        END IF;
        DROP TABLE done;
    END LOOP;
END $$;
SELECT pg_temp.bottom_up();

SELECT cmp_ok((SELECT count(*) FROM v WHERE f ~ '^FG' AND t ~ '^A'), '>', 5000::bigint,
              'the bottom-up computation reaches thousands of (function group, art group) pairs');
SELECT is((SELECT count(*) FROM acc.account_rollup r
           FULL JOIN v ON v.unit = r.unit AND v.year = r.year AND v.class = r.class AND v.f = r.function AND v.t = r.type
           WHERE coalesce(r.amount, 0) <> coalesce(v.amount, 0)), 0::bigint,
          'account_rollup equals the bottom-up computation on every unit, year, class, function and art, to the krone');
SELECT ok((SELECT count(*) FROM acc.account_rollup) >= (SELECT count(*) FROM v WHERE amount <> 0),
          'account_rollup has a row for every nonzero amount');
SELECT is((SELECT amount FROM acc.account_rollup WHERE unit = '0301' AND year = 2015 AND class = 'D' AND function = 'FGK7' AND type = '010'),
          (SELECT sum(amount) FROM acc.account WHERE unit = '0301' AND year = 2015 AND class = 'D' AND function IN ('201', '211', '221') AND type = '010'),
          'a function group crossed with an art code sums its functions (FGK7 = 201 + 211 + 221)');
SELECT is((SELECT amount FROM acc.account_rollup WHERE unit = '0301' AND year = 2015 AND class = 'D' AND function = '201' AND type = '201'), NULL,
          'no row where nothing is');
SELECT is((SELECT sum(sign) FROM acc.account_tree WHERE year = 2015 AND dimension = 'function' AND node = 'FG2' AND leaf = '711'), 1::bigint,
          'a code reached by several paths counts by the sum of their signs (FG2 = FGF10 + 711 + ...: 711 once)');

-- a cycle is an error, not a silently smaller sum
SAVEPOINT cyc;
INSERT INTO acc.account_hierarchy VALUES (2015, 'function', '201', 'FGK7', 1);
SELECT throws_ok($$SELECT count(*) FROM acc.account_tree$$, '22023', NULL, 'a hierarchy with a cycle (FGK7 -> 201 -> FGK7) raises 22023');
SELECT throws_like($$SELECT count(*) FROM acc.account_rollup$$, '%function hierarchy of 2015 has a cycle%', 'naming the hierarchy and the year');
ROLLBACK TO SAVEPOINT cyc;

-- key figures
SELECT cmp_ok(styring.kostra_key_figures('acc'), '>', 90::bigint, 'KOSTRA''s standard key figures are defined');
SELECT is(styring.kostra_key_figures('acc'), 0::bigint, 'a second call keeps the definitions there');
INSERT INTO acc.unit_population VALUES ('0301', 2015, 647676), ('0301', 2016, 658390), ('0101', 2015, 30544);
INSERT INTO acc.unit_base VALUES ('0301', 2015, 'age 1-5', 41233);
CREATE TEMP TABLE roll AS SELECT * FROM acc.account_rollup;
CREATE TEMP TABLE kfv AS SELECT * FROM acc.key_figure_value;
SELECT is((SELECT count(*) FROM kfv kv JOIN acc.key_figure k ON k.code = kv.indicator
           JOIN roll r ON r.unit = kv.unit AND r.year = kv.year AND r.class = k.class AND r.function = k.function AND r.type = k.type
           WHERE r.amount <> kv.amount), 0::bigint, 'each key figure''s amount is the rolled-up amount of its function and art');
SELECT is((SELECT count(*) FROM acc.key_figure k JOIN roll r ON r.class = k.class AND r.function = k.function AND r.type = k.type
           WHERE NOT EXISTS (SELECT FROM kfv kv WHERE kv.indicator = k.code AND kv.unit = r.unit AND kv.year = r.year)), 0::bigint,
          'and every rolled-up amount of a key figure''s function and art is one');
SELECT is((SELECT value FROM acc.key_figure_value WHERE indicator = 'kostra.netto_per_innb.FGK7' AND unit = '0301' AND year = 2015),
          (SELECT (1000 * amount / 647676)::float8 FROM roll WHERE unit = '0301' AND year = 2015 AND class = 'D' AND function = 'FGK7' AND type = 'AGD2'),
          'net operating expenditure on kindergartens per inhabitant, in kroner');
SELECT is((SELECT value FROM acc.key_figure_value WHERE indicator = 'kostra.netto_per_mg.FGK7' AND unit = '0301' AND year = 2015),
          (SELECT (1000 * amount / 41233)::float8 FROM roll WHERE unit = '0301' AND year = 2015 AND class = 'D' AND function = 'FGK7' AND type = 'AGD2'),
          'and per inhabitant aged 1-5 (unit_base ''age 1-5'')');
SELECT is((SELECT value FROM acc.key_figure_value WHERE indicator = 'kostra.prioritet.FGK8' AND unit = '0301' AND year = 2016),
          (SELECT (100 * a.amount / b.amount)::float8 FROM roll a JOIN roll b USING (unit, year, class, type)
           WHERE a.unit = '0301' AND a.year = 2016 AND a.class = 'D' AND a.function = 'FGK8' AND b.function = 'FG4' AND a.type = 'AGD2'),
          'a sector''s share of net operating expenditure on all services, in per cent');
SELECT is((SELECT value FROM acc.key_figure_value WHERE indicator = 'kostra.netto_per_mg.FGK7' AND unit = '0301' AND year = 2016), NULL,
          'no value where the denominator is missing');

SELECT cmp_ok(styring.compute_key_figures('acc'), '>', 100::bigint, 'compute_key_figures writes the key figures as measurements');
SELECT is((SELECT count(*) FROM acc.key_figure_value kv
           FULL JOIN (SELECT * FROM acc.measurement WHERE indicator LIKE 'kostra.%') m
             ON m.unit = kv.unit AND m.indicator = kv.indicator AND m.year = kv.year
           WHERE m.value IS DISTINCT FROM kv.value AND (kv.value IS NOT NULL OR m.unit IS NOT NULL)), 0::bigint,
          'a measurement for every key figure with a value, equal to it, and no other');
SELECT is(styring.compute_key_figures('acc'), 0::bigint, 'computing again changes nothing');
DELETE FROM acc.unit_base WHERE unit = '0301';
DELETE FROM acc.account WHERE unit = '0101';
SELECT count(*) AS gone FROM acc.measurement
WHERE indicator LIKE 'kostra.%' AND year = 2015 AND (unit = '0101' OR (unit = '0301' AND indicator = 'kostra.netto_per_mg.FGK7')) \gset
SELECT is(styring.compute_key_figures('acc', ARRAY[2015]), :gone::bigint, 'computing 2015 again removes the key figures that lost their accounts or denominator');
SELECT is((SELECT array_agg(DISTINCT year) FROM acc.measurement WHERE indicator LIKE 'kostra.%' AND unit = '0101'), ARRAY[2016],
          'Halden keeps its 2016 key figures: only the years computed again change');
SELECT is((SELECT count(*) FROM acc.measurement WHERE indicator = 'kostra.netto_per_mg.FGK7' AND unit = '0301' AND year = 2015), 0::bigint,
          'and one that lost its denominator too');
SELECT is((SELECT count(*) FROM acc.ranking WHERE indicator = 'kostra.netto_per_innb.FGK7'), 0::bigint, 'ranking reads them like any indicator (no group here)');

SELECT * FROM finish();
ROLLBACK;
