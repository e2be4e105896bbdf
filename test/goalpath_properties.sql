-- styring.goalpath on random trees: tree order, ancestor tests and chain_rollup
-- against reference computations in plain SQL; parallel plans; round trips.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS styring;
SELECT plan(14);

SELECT setseed(0.11);
-- A random tree of 10 000 goals: each node's parent is an earlier node; labels
-- mix ASCII, Norwegian and Swedish letters, digits, '_' and '-'.
CREATE TABLE node (id int PRIMARY KEY, parent int, label text);
INSERT INTO node VALUES (1, NULL, 'rot');
INSERT INTO node
SELECT i, 1 + floor(random() * (i - 1))::int,
       (ARRAY['mål', 'effektmål', 'inriktningsmål', 'tiltak', 'a', 'ø-2', 'Å_1', 'x'])[1 + floor(random() * 8)::int] || i
FROM generate_series(2, 10000) i;
CREATE TABLE tree AS
WITH RECURSIVE t(id, labels) AS (
    SELECT id, ARRAY[label] FROM node WHERE parent IS NULL
    UNION ALL
    SELECT n.id, t.labels || n.label FROM node n JOIN t ON n.parent = t.id)
SELECT id, labels, array_to_string(labels, '.')::styring.goalpath AS path FROM t;
CREATE INDEX ON tree (path);
ANALYZE tree;

SELECT is((SELECT count(*) FROM tree), 10000::bigint, 'the tree has 10 000 goals');

-- Tree order = ordering the label arrays with the C collation (byte order).
SELECT is((SELECT array_agg(id ORDER BY path) FROM tree),
          (SELECT array_agg(id ORDER BY labels COLLATE "C") FROM tree),
          'ORDER BY path equals ordering the label arrays bytewise');
SELECT is((SELECT count(*) FROM tree a JOIN tree b ON a.id % 97 = b.id % 89
           WHERE sign(styring.goalpath_cmp(a.path, b.path)) <> sign(btarraycmp(a.labels::text[] COLLATE "C", b.labels::text[]))),
          0::bigint, 'goalpath_cmp agrees with array comparison on random pairs');

-- Ancestor tests against label-prefix logic.
CREATE TEMP TABLE pairs AS
SELECT a.path AS a, b.path AS b, a.labels AS al, b.labels AS bl
FROM tree a JOIN tree b ON (a.id * 7 + b.id) % 151 = 0;
SELECT cmp_ok((SELECT count(*) FROM pairs WHERE al = bl[1:cardinality(al)]), '>', 50::bigint, 'the sample has ancestor pairs');
SELECT is((SELECT count(*) FROM pairs
           WHERE (b OPERATOR(styring.<@) a) IS DISTINCT FROM (cardinality(al) <= cardinality(bl) AND al = bl[1:cardinality(al)])
              OR (a OPERATOR(styring.@>) b) IS DISTINCT FROM (cardinality(al) <= cardinality(bl) AND al = bl[1:cardinality(al)])
              OR styring.is_ancestor(a, b) IS DISTINCT FROM (cardinality(al) <= cardinality(bl) AND al = bl[1:cardinality(al)])),
          0::bigint, '<@, @> and is_ancestor agree with label-prefix logic');
SELECT is((SELECT count(*) FROM tree t, LATERAL (SELECT count(*) AS n FROM tree d WHERE d.path OPERATOR(styring.<@) t.path) x
           WHERE x.n <> (SELECT count(*) FROM tree d WHERE d.labels[1:cardinality(t.labels)] = t.labels) AND t.id % 50 = 0),
          0::bigint, 'descendant counts through the index equal label-prefix counts');
SELECT is((SELECT count(*) FROM tree WHERE styring.nlevel(path) <> cardinality(labels)
              OR styring.label(path, -1) <> labels[cardinality(labels)]
              OR styring.parent(path)::text IS DISTINCT FROM nullif(array_to_string(labels[1:cardinality(labels) - 1], '.'), '')),
          0::bigint, 'nlevel, label and parent agree with the label arrays');

-- chain_rollup against a recursive-CTE computation of the same definitions.
CREATE TABLE val AS
SELECT t.path, t.labels, round(random()::numeric, 3)::float8 AS v, CASE WHEN random() < 0.2 THEN NULL ELSE round((random() * 3)::numeric, 1)::float8 END AS w
FROM tree t, generate_series(1, 2) k WHERE random() < 0.6;
-- reference: every value counted at each of its label prefixes; flat and n by
-- grouping on the prefix; chain_mean bottom up, level by level.
CREATE TABLE anc AS
SELECT v.labels[1:k] AS pl, v.v, coalesce(v.w, 1) AS w, k = cardinality(v.labels) AS own
FROM val v, generate_series(1, cardinality(v.labels)) k;
CREATE TABLE ref AS
SELECT pl, array_to_string(pl, '.')::styring.goalpath AS path, cardinality(pl) AS level, count(*) AS n,
       sum(w * v) / nullif(sum(w), 0) AS flat_mean,
       coalesce(sum(w * v) FILTER (WHERE own), 0) AS own_wx, coalesce(sum(w) FILTER (WHERE own), 0) AS own_w,
       NULL::float8 AS chain_mean
FROM anc GROUP BY pl;
DO $$
DECLARE lv int;
BEGIN
    FOR lv IN SELECT DISTINCT level FROM ref ORDER BY level DESC LOOP
        UPDATE ref r SET chain_mean = (r2.own_wx + coalesce(c.s, 0)) / nullif(r2.own_w + coalesce(c.k, 0), 0)
        FROM ref r2 LEFT JOIN (SELECT pl[1:lv] AS ppl, sum(chain_mean) AS s, count(*) AS k
                               FROM ref WHERE level = lv + 1 AND chain_mean IS NOT NULL GROUP BY 1) c ON c.ppl = r2.pl
        WHERE r2.pl = r.pl AND r.level = lv;
    END LOOP;
END $$;

CREATE TABLE mine AS SELECT r.* FROM (SELECT styring.chain_rollup(path, v, w) AS x FROM val) s, unnest(s.x) r;
SELECT is((SELECT count(*) FROM mine), (SELECT count(*) FROM ref), 'one node per path and ancestor with data');
SELECT is((SELECT count(*) FROM mine m FULL JOIN ref r ON m.path OPERATOR(styring.=) r.path
           WHERE r.path IS NULL OR m.path IS NULL OR m.level <> r.level OR m.n <> r.n
              OR abs(m.flat_mean - r.flat_mean) > 1e-9
              OR (m.chain_mean IS NULL) <> (r.chain_mean IS NULL) OR abs(m.chain_mean - r.chain_mean) > 1e-9),
          0::bigint, 'chain_rollup equals the recursive reference computation on a random tree of 10 000 goals');
SELECT is((SELECT array_agg(path::text ORDER BY ord) FROM unnest((SELECT styring.chain_rollup(path, v) FROM val)) WITH ORDINALITY u(path, level, n, f, c, ord)),
          (SELECT array_agg(path::text ORDER BY path) FROM ref), 'nodes come in tree order');

-- Forced parallel equals serial.
SELECT tap_helpers.force_parallel();
SELECT matches(tap_helpers.plan_of('SELECT styring.chain_rollup(path, v, w) FROM val'), 'Partial Aggregate',
               'chain_rollup aggregates partially in parallel workers');
CREATE TABLE mine_parallel AS SELECT r.* FROM (SELECT styring.chain_rollup(path, v, w) AS x FROM val) s, unnest(s.x) r;
SELECT tap_helpers.serial();
SELECT is((SELECT count(*) FROM mine m FULL JOIN mine_parallel p ON m.path OPERATOR(styring.=) p.path
           WHERE m.path IS NULL OR p.path IS NULL OR m.n <> p.n OR abs(m.flat_mean - p.flat_mean) > 1e-12
              OR abs(m.chain_mean - p.chain_mean) > 1e-12),
          0::bigint, 'parallel chain_rollup equals the serial one');

-- Round trips.
SELECT is((SELECT count(*) FROM tree WHERE NOT (path::text::styring.goalpath OPERATOR(styring.=) path)), 0::bigint,
          'text output reads back to an equal path');
CREATE TEMP TABLE copied (id int, path styring.goalpath);
SELECT tap_helpers.copy_binary('SELECT id, path FROM tree', 'copied');
SELECT is((SELECT count(*) FROM copied c JOIN tree t USING (id) WHERE NOT (c.path OPERATOR(styring.=) t.path)), 0::bigint,
          'binary COPY round trip gives equal paths');

SELECT * FROM finish();
ROLLBACK;
