-- styring.goalpath: goal chains (målkjede, målkedja) with Norwegian and Swedish labels.
SET extra_float_digits = 0;
SET search_path = public, styring;

-- Bolig for velferd: national goal -> directorate -> municipalities (Nivåer på styringsinformasjon, Bolig for velferd).
CREATE TABLE bfv (path goalpath PRIMARY KEY, name text);
INSERT INTO bfv VALUES
    ('bolig_for_velferd', 'Alle skal bo godt og trygt'),
    ('bolig_for_velferd.barnefamilier', 'Barnefamilier og unge'),
    ('bolig_for_velferd.barnefamilier.mål_1', 'Færre barnefamilier i midlertidig botilbud'),
    ('bolig_for_velferd.barnefamilier.mål_2', 'Flere barnefamilier eier egen bolig'),
    ('bolig_for_velferd.barnefamilier.mål_2.husbanken', 'Husbanken: startlån'),
    ('bolig_for_velferd.barnefamilier.mål_2.husbanken.drammen', 'Drammen kommune'),
    ('bolig_for_velferd.barnefamilier.mål_2.husbanken.hole', 'Hole kommune'),
    ('bolig_for_velferd.vanskeligstilte', 'Vanskeligstilte på boligmarkedet'),
    ('bolig_for_velferd.vanskeligstilte.tjenester.bergen', 'Bergen kommune');

-- Tree order: a parent right before its descendants.
SELECT path, nlevel(path), parent(path), label(path, -1) AS last_label FROM bfv ORDER BY path;

-- Descendants and ancestors.
SELECT path FROM bfv WHERE path <@ 'bolig_for_velferd.barnefamilier.mål_2' ORDER BY path;
SELECT path FROM bfv WHERE path @> 'bolig_for_velferd.barnefamilier.mål_2.husbanken.hole' ORDER BY path;
SELECT * FROM ancestors('bolig_for_velferd.barnefamilier.mål_2.husbanken.hole');
SELECT lca('bolig_for_velferd.barnefamilier.mål_1', 'bolig_for_velferd.barnefamilier.mål_2.husbanken') AS lca,
       lca('a.b', 'c.d') IS NULL AS no_common_ancestor,
       subpath('bolig_for_velferd.barnefamilier.mål_2.husbanken.hole', 2) AS from_level_3,
       subpath('bolig_for_velferd.barnefamilier.mål_2.husbanken.hole', 0, -1) AS without_last,
       subpath('bolig_for_velferd.barnefamilier.mål_2.husbanken.hole', -2, 1) AS second_last,
       label('bolig_for_velferd.barnefamilier', 1) AS top_label,
       label('bolig_for_velferd.barnefamilier', 3) IS NULL AS no_third_label,
       'bolig_for_velferd.barnefamilier'::goalpath || 'mål_3.tromsø' AS extended;

-- A Swedish municipality: vision -> inriktningsmål -> effektmål -> produktionsmål (Resultatstyrning 2009, Kvalitetsnätverk Bergslagen).
CREATE TABLE falun (path goalpath, attainment float8, weight float8);
INSERT INTO falun VALUES
    ('vision.inriktningsmål_1.effektmål_1.produktionsmål_a', 1.0, 1),
    ('vision.inriktningsmål_1.effektmål_1.produktionsmål_b', 0.5, 1),
    ('vision.inriktningsmål_1.effektmål_2', 0.25, 2),
    ('vision.inriktningsmål_2.effektmål_3.produktionsmål_c', 0.0, 1),
    ('vision.inriktningsmål_2.effektmål_3', 0.8, 1),
    ('vision.inriktningsmål_2.effektmål_3', NULL, 1),
    ('vision.inriktningsmål_3.förskola_ö', NULL, 1);

-- The roll-up, worked by hand:
--   effektmål_1: children a (1.0) and b (0.5) -> chain 0.75, flat 0.75
--   inriktningsmål_1: sub-node effektmål_1 (0.75, weight 1) and effektmål_2's own
--     node (0.25, weight 1 as a sub-node) -> chain 0.5; flat (1 + 0.5 + 2 * 0.25) / 4 = 0.5
--   effektmål_3: own value 0.8 (weight 1) and sub-node produktionsmål_c (0.0) -> chain 0.4
--   inriktningsmål_2: one sub-node, effektmål_3 -> chain 0.4; flat (0.8 + 0) / 2 = 0.4
--   vision: sub-nodes 0.5 and 0.4 -> chain 0.45; flat (2 + 0.8) / 6 = 0.4667
--   inriktningsmål_3 has no values: it is not a node of the roll-up.
SELECT r.path, r.level, r.n, round(r.flat_mean::numeric, 4) AS flat_mean, round(r.chain_mean::numeric, 4) AS chain_mean
FROM (SELECT styring.chain_rollup(path, attainment, weight) AS nodes FROM falun) s, unnest(s.nodes) r;

-- Paired with styring.attainment: a whole goal tree's attainment in one statement.
SELECT r.path, r.n, round(r.chain_mean::numeric, 3) AS chain_attainment
FROM (SELECT styring.chain_rollup(g.path, styring.attainment(g.target, g.actual)) AS nodes
      FROM (VALUES ('bfv.barnefamilier.mål_1'::goalpath, '<= 0 by 2020 from 679 in 2015'::styring.target, 431::float8),
                   ('bfv.barnefamilier.mål_2', '>= 40 by 2020 from 32 in 2015', 36.5),
                   ('bfv.vanskeligstilte.mål_3', '>= 2.5 by 2020 from 1.8 in 2015', 2.3)) g(path, target, actual)) s,
     unnest(s.nodes) r;

-- Checks: broken threads and goals that no indicator measures.
SELECT * FROM styring.chain_problems(
    (SELECT array_agg(path) FROM bfv),
    ARRAY['bolig_for_velferd.barnefamilier.mål_1', 'bolig_for_velferd.barnefamilier.mål_2.husbanken.drammen']::goalpath[]);

-- An index on a goal table serves descendant queries.
CREATE TABLE big_chain AS
SELECT ('g' || (i % 7) || '.d' || (i % 13) || '.k' || i)::goalpath AS path FROM generate_series(1, 5000) i;
CREATE INDEX ON big_chain (path);
ANALYZE big_chain;
EXPLAIN (COSTS OFF) SELECT * FROM big_chain WHERE path <@ 'g3.d5';
SELECT count(*) FROM big_chain WHERE path <@ 'g3.d5';
SELECT count(*) FROM big_chain WHERE path::text LIKE 'g3.d5.%';

-- Errors.
SELECT left(input, 24) AS input, regress.try(format('SELECT %L::styring.goalpath', input)) AS result
FROM (VALUES (''), ('   '), ('a..b'), ('.a'), ('a.'), ('a.b c'), ('a/b'), ('mål.😀'), ('a.b;drop'),
             (repeat('x', 256)), (repeat('ø', 128)), (repeat('a.', 255) || 'a')) v(input);
SELECT regress.try($$SELECT styring.subpath('a.b.c', 3)$$) AS subpath_past_end,
       regress.try($$SELECT styring.subpath('a.b.c', 1, -2)$$) AS subpath_empty,
       regress.try($$SELECT styring.chain_rollup(p, 'NaN') FROM (VALUES ('a'::styring.goalpath)) v(p)$$) AS nan_value,
       regress.try($$SELECT styring.chain_rollup(p, 1, -1) FROM (VALUES ('a'::styring.goalpath)) v(p)$$) AS negative_weight,
       regress.try($$SELECT (repeat('a.', 200) || 'a')::styring.goalpath || (repeat('b.', 60) || 'b')::styring.goalpath$$) AS too_deep;
SELECT nlevel((repeat('a.', 254) || 'a')::goalpath) AS at_the_depth_limit,
       length(label((repeat('x', 255))::goalpath, 1)) AS at_the_label_limit;
