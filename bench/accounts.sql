-- A whole country's accounts (bench/accounts.sh runs this on a throwaway
-- cluster with PostgreSQL's default settings): :units municipalities x
-- about 6 300 account lines (80 functions x 100 arts of Statistics Norway's
-- 2015 hierarchies that the control program's code lists still have, less the
-- combinations it refuses), one year. Each step once, against the plain SQL a user would
-- otherwise write: the load against COPY of the same CSV into a plain table,
-- the files' checks against COPY, the roll-up into KOSTRA's key figures
-- against a plain GROUP BY of the accounts.
\set QUIET on
\set ON_ERROR_STOP 1
\pset pager off
SET client_min_messages = warning;
\if :{?units}
\else
\set units 357
\endif
\timing off
\echo == accounts: :units municipalities, every combination of function and art the program accepts

SELECT styring.create_model('nat');
\set doc `cat demo/data/regnskap_funksjonshierarki.csv`
SELECT styring.load_kostra_csv('nat', :'doc', hierarchy => 'function') AS n \gset
\set doc `cat demo/data/regnskap_artshierarki.csv`
SELECT styring.load_kostra_csv('nat', :'doc', hierarchy => 'type') AS n \gset
\unset doc
DELETE FROM nat.account_hierarchy WHERE year <> 2015;
-- codes that the control program's lists of this year still have, so that
-- the files are checked as real ones would be (not a finding per line)
CREATE TABLE bench.fn AS SELECT leaf AS code, row_number() OVER (ORDER BY leaf) AS i
FROM (SELECT DISTINCT leaf FROM nat.account_tree WHERE dimension = 'function' AND leaf ~ '^[0-9]{3}$'
        AND leaf = ANY (ARRAY(SELECT btrim(c) FROM unnest(styring.kostra_codes('funksjon', '0A')) c)) ORDER BY leaf LIMIT 80) f;
CREATE TABLE bench.art AS SELECT leaf AS code, row_number() OVER (ORDER BY leaf) AS i
FROM (SELECT DISTINCT leaf FROM nat.account_tree WHERE dimension = 'type' AND leaf ~ '^[0-9]{3}$'
        AND leaf = ANY (styring.kostra_codes('art', '0A')) ORDER BY leaf LIMIT 100) a;
SELECT count(*) AS functions FROM bench.fn \gset
SELECT count(*) AS arts FROM bench.art \gset
\echo   :functions functions x :arts arts from the 2015 hierarchies

-- the lines as SSB's accounts CSV: periode, region (as R writes it, without
-- its leading zero), kontoklasse, funksjon, art, belop (1 000 kr)
-- every function with every art (a quarter of them in the investment
-- accounts), less the combinations the control program refuses or finds
-- illogical (its controls 020-081 on one file of them all), so that the
-- files are checked as a municipality's real ones would be
CREATE TABLE bench.combo AS
SELECT row_number() OVER (ORDER BY f.i, a.i) AS line, f.code AS funksjon, a.code AS art, f.i AS fi, a.i AS ai,
       CASE WHEN a.i % 4 = 0 THEN 'I' ELSE 'D' END AS kontoklasse
FROM bench.fn f, bench.art a;
DELETE FROM bench.combo WHERE line IN (
    SELECT unnest(c.lines)
    FROM (SELECT string_agg(format('0A2015 010100%s%s%s%s%s', repeat(' ', 18), CASE kontoklasse WHEN 'D' THEN '1' ELSE '0' END,
                                   rpad(funksjon, 4), art, lpad('1', 9)), E'\n' ORDER BY line) || E'\n' AS doc FROM bench.combo) d,
         styring.kostra_file_check(d.doc, '0A', 2015, '0101') c
    WHERE c.rule ~ '^Kontroll 0[2-8][0-9] ');
SELECT count(*) AS combos FROM bench.combo \gset
\echo   :combos combinations of function, art and class that the program accepts
CREATE TABLE bench.line AS
SELECT 2015 AS periode, u::text AS region, c.kontoklasse, c.funksjon, c.art,
       ((u::bigint * 7919 + c.fi * 104729 + c.ai * 1299709) % 20000) - 2000 AS belop
FROM generate_series(101, 100 + :units) u, bench.combo c;
SELECT count(*) AS lines FROM bench.line \gset
\echo   :lines lines
COPY bench.line TO '/tmp/styring_bench_accounts.csv' CSV HEADER;
CREATE TABLE bench.doc AS SELECT pg_read_file('/tmp/styring_bench_accounts.csv') AS doc;
SELECT pg_size_pretty(octet_length(doc)::bigint) AS size FROM bench.doc \gset
\echo   the CSV: :size
CREATE TABLE bench.plain (periode int, region text, kontoklasse text, funksjon text, art text, belop numeric);

CREATE TABLE bench.step (step text, ms numeric, baseline text, baseline_ms numeric, rows bigint);
CREATE FUNCTION bench.once(q text) RETURNS TABLE (ms numeric, n bigint) LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz := clock_timestamp();
BEGIN
    EXECUTE q INTO n;
    ms := round((extract(epoch FROM clock_timestamp() - t0) * 1000)::numeric, 0);
    RETURN NEXT;
END $$;

\echo == loading
CREATE FUNCTION bench.copy_plain() RETURNS bigint LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE bench.plain;
    COPY bench.plain FROM '/tmp/styring_bench_accounts.csv' CSV HEADER;
    RETURN (SELECT count(*) FROM bench.plain);
END $$;
INSERT INTO bench.step SELECT 'COPY into a plain table', ms, NULL, NULL, n FROM bench.once('SELECT bench.copy_plain()');
-- the same lines into a table with the model's key and reference (and
-- codes with their zeros), as a user without styring would keep them
CREATE TABLE bench.keyed (LIKE nat.account INCLUDING ALL);
ALTER TABLE bench.keyed ADD FOREIGN KEY (unit) REFERENCES nat.unit (code);
INSERT INTO nat.unit (code, name) SELECT styring.kostra_region(u::text), 'Kommune ' || u FROM generate_series(101, 100 + :units) u;
CREATE FUNCTION bench.copy_keyed() RETURNS bigint LANGUAGE plpgsql AS $$
BEGIN
    CREATE TEMP TABLE raw (periode int, region text, kontoklasse text, funksjon text, art text, belop numeric) ON COMMIT DROP;
    COPY raw FROM '/tmp/styring_bench_accounts.csv' CSV HEADER;
    INSERT INTO bench.keyed SELECT lpad(region, 4, '0'), periode, kontoklasse, funksjon, art, belop FROM raw;
    RETURN (SELECT count(*) FROM bench.keyed);
END $$;
INSERT INTO bench.step SELECT 'COPY, then INSERT into a table with the model''s key', ms, 'COPY into a plain table', NULL, n
FROM bench.once('SELECT bench.copy_keyed()');
INSERT INTO bench.step SELECT 'load_kostra_csv (one document)', ms, 'COPY into a plain table', NULL, n
FROM bench.once($$SELECT styring.load_kostra_csv('nat', doc) FROM bench.doc$$);
ANALYZE nat.account;
INSERT INTO nat.unit_population (unit, year, population)
SELECT styring.kostra_region(u::text), 2015, 1000 + (u * 7919) % 60000 FROM generate_series(101, 100 + :units) u
ON CONFLICT DO NOTHING;

\echo == checking: each municipality's file written from the model and checked as SSB's program checks it
CREATE TABLE bench.files (unit text PRIMARY KEY, file text);
INSERT INTO bench.step SELECT 'kostra_file: every municipality''s file written', ms, 'COPY into a plain table', NULL, n
FROM bench.once($$WITH w AS (INSERT INTO bench.files SELECT unit, styring.kostra_file('nat', unit, 2015, '0A') FROM (SELECT DISTINCT unit FROM nat.account) u RETURNING 1)
                  SELECT count(*) FROM w$$);
INSERT INTO bench.step SELECT 'kostra_file_check: every file checked', ms, 'COPY into a plain table', NULL, n
FROM bench.once($$SELECT count(c.*) FROM bench.files f, styring.kostra_file_check(f.file, '0A', 2015, f.unit) c$$);
SELECT count(*) AS findings FROM bench.files f, styring.kostra_file_check(f.file, '0A', 2015, f.unit) c \gset
\echo   findings: :findings

\echo == rolling up
INSERT INTO bench.step SELECT 'plain GROUP BY unit, function, art', ms, NULL, NULL, n
FROM bench.once($$SELECT count(*) FROM (SELECT region, funksjon, art, sum(belop) FROM bench.plain GROUP BY 1, 2, 3) s$$);
SELECT styring.kostra_key_figures('nat') AS defined \gset
INSERT INTO bench.step SELECT 'key_figure_value: ' || :defined || ' KOSTRA key figures, every municipality', ms, 'plain GROUP BY unit, function, art', NULL, n
FROM bench.once($$SELECT count(*) FROM nat.key_figure_value$$);
INSERT INTO bench.step SELECT 'compute_key_figures (written as measurements)', ms, 'plain GROUP BY unit, function, art', NULL, n
FROM bench.once($$SELECT styring.compute_key_figures('nat')$$);
INSERT INTO bench.step SELECT 'account_rollup: one municipality, every function and art', ms, 'plain GROUP BY unit, function, art', NULL, n
FROM bench.once($$SELECT count(*) FROM nat.account_rollup WHERE unit = '0101'$$);

-- the answers against plain SQL: the rolled-up amounts of two key figures
-- for every municipality, by a hand-written sum over the flattened tree
CREATE TABLE bench.tree AS SELECT * FROM nat.account_tree;
CREATE TABLE bench.kv AS SELECT * FROM nat.key_figure_value;
SELECT count(*) AS differ FROM (
    SELECT kv.unit, kv.indicator
    FROM (SELECT * FROM bench.kv WHERE indicator IN ('kostra.netto.FG2', 'kostra.brutto.FGK7')) kv
    FULL JOIN (SELECT styring.kostra_region(p.region) AS unit, k.code, sum(p.belop * f.sign * t.sign) AS amount
               FROM nat.key_figure k
               JOIN bench.tree f ON f.dimension = 'function' AND f.node = k.function
               JOIN bench.tree t ON t.dimension = 'type' AND t.node = k.type
               JOIN bench.plain p ON p.funksjon = f.leaf AND p.art = t.leaf AND p.kontoklasse = k.class
               WHERE k.code IN ('kostra.netto.FG2', 'kostra.brutto.FGK7')
               GROUP BY 1, 2) h ON h.unit = kv.unit AND h.code = kv.indicator
    WHERE h.amount IS DISTINCT FROM kv.amount) d \gset
\echo   key figures that differ from a hand-written sum over the flattened tree: :differ

UPDATE bench.step s SET baseline_ms = b.ms FROM bench.step b WHERE b.step = s.baseline;
SELECT step, rows, ms, baseline, round(ms / nullif(baseline_ms, 0), 2) AS ratio FROM bench.step;
SELECT sum(ms) AS total_ms FROM bench.step
WHERE step IN ('load_kostra_csv (one document)', 'kostra_file_check: every file checked', 'compute_key_figures (written as measurements)') \gset
\echo == loaded, checked and rolled up into key figures: :total_ms ms
