-- The demo's steering model: Statistics Norway's files (demo/data, with their
-- provenance in demo/data/README.md) loaded through styring's loaders, the
-- Bolig for velferd goal chain with national and municipal targets
-- (illustrative figures, demo/bolig_for_velferd.sql), and the Bergslagen
-- evaluation inventory (reconstructed, demo/bergslagen.sql). Run from the
-- repository's top directory after those two scripts.
\set QUIET on
SELECT styring.create_model('kommune') \gset

-- SSB: the municipality code list, the KOSTRA files, a json-stat2 table
\set doc `cat demo/data/ssb_klass_131_municipalities.json`
SELECT styring.load_klass('kommune', :'doc') AS klass \gset
\set doc `cat demo/data/kostra_rate_data.csv`
SELECT styring.load_kostra_csv('kommune', :'doc', year => 2015) AS base \gset
\set doc `cat demo/data/rate_estimates.csv`
SELECT styring.load_kostra_csv('kommune', :'doc', year => 2015) AS groups \gset
\set doc `cat demo/data/regnskap_data.csv`
SELECT styring.load_kostra_csv('kommune', :'doc') AS accounts \gset
\set doc `cat demo/data/regnskap_funksjonshierarki.csv`
SELECT styring.load_kostra_csv('kommune', :'doc', hierarchy => 'function') AS functions \gset
\set doc `cat demo/data/regnskap_artshierarki.csv`
SELECT styring.load_kostra_csv('kommune', :'doc', hierarchy => 'type') AS types \gset
\set doc `cat demo/data/ssb_12134_jsonstat2_sample.json`
SELECT styring.load_jsonstat2('kommune', :'doc') AS jsonstat \gset
\unset doc

-- Key figures per inhabitant and per m², as KOSTRA publishes them, from the
-- base data (amounts in 1 000 NOK)
INSERT INTO kommune.indicator (code, name, measure, source, higher_is_better) VALUES
    ('idrett_netto_per_innb', 'Netto driftsutgifter til kommunale idrettsbygg per innbygger', 'kr', 'own', false),
    ('idrett_areal_per_1000', 'Areal kommunale idrettsbygg per 1000 innbyggere', 'm²', 'own', true),
    ('idrett_energi_per_m2', 'Energikostnader per m² kommunale idrettsbygg', 'kr', 'own', false);
INSERT INTO kommune.measurement (unit, indicator, year, value)
SELECT m.unit, 'idrett_netto_per_innb', m.year, m.value * 1000 / p.population
FROM kommune.measurement m JOIN kommune.unit_population p ON p.unit = m.unit AND p.year = m.year AND p.population > 0
WHERE m.indicator = 'Netto.driftsutgifter..kommunale.idrettsbygg..konsern'
UNION ALL
SELECT m.unit, 'idrett_areal_per_1000', m.year, m.value * 1000 / p.population
FROM kommune.measurement m JOIN kommune.unit_population p ON p.unit = m.unit AND p.year = m.year AND p.population > 0
WHERE m.indicator = 'Samlet.areal.på.kommunale.idrettsbygg..konsern'
UNION ALL
SELECT e.unit, 'idrett_energi_per_m2', e.year, e.value * 1000 / a.value
FROM kommune.measurement e JOIN kommune.measurement a ON a.unit = e.unit AND a.year = e.year AND a.value > 0
 AND a.indicator = 'Samlet.areal.på.kommunale.idrettsbygg..konsern'
WHERE e.indicator = 'Energikostnader.til.kommunale.idrettsbygg..konsern';

-- Comparison groups beside the KOSTRA groups: the county (the first two digits
-- of the municipality number) and the country
INSERT INTO kommune.comparison_group (code, name, kind)
SELECT DISTINCT 'fylke-' || left(p.unit, 2), 'Fylke ' || left(p.unit, 2), 'county'
FROM kommune.unit_population p JOIN kommune.unit u ON u.code = p.unit AND u.kind = 'municipality'
UNION ALL SELECT 'landet', 'Landet', 'country';
INSERT INTO kommune.group_member (group_code, unit, year)
SELECT 'fylke-' || left(p.unit, 2), p.unit, p.year
FROM kommune.unit_population p JOIN kommune.unit u ON u.code = p.unit AND u.kind = 'municipality'
UNION ALL
SELECT 'landet', p.unit, p.year
FROM kommune.unit_population p JOIN kommune.unit u ON u.code = p.unit AND u.kind = 'municipality';

-- Cost against coverage, and a composite index over the three key figures
INSERT INTO kommune.cost_quality_pair VALUES ('Netto.driftsutgifter..kommunale.idrettsbygg..konsern', 'idrett_areal_per_1000');
INSERT INTO kommune.index_weight VALUES
    ('idrettsbygg', 'idrett_netto_per_innb', 2), ('idrettsbygg', 'idrett_areal_per_1000', 1),
    ('idrettsbygg', 'idrett_energi_per_m2', 1);

-- Bolig for velferd: the goal chain, the national targets (for every unit
-- without its own) and the municipalities' own, and the measured values
CREATE TEMP TABLE demo_unit (name text PRIMARY KEY, code text NOT NULL);
INSERT INTO demo_unit VALUES ('Landet', 'EAK'), ('Drammen', '3301'), ('Hole', '3310'), ('Bergen', '4601'), ('Trondheim', '5001');
INSERT INTO kommune.unit (code, name, kind) VALUES ('EAK', 'Landet', 'country') ON CONFLICT (code) DO NOTHING;
INSERT INTO kommune.goal (path, name, level, owner, perspective)
SELECT DISTINCT a, CASE styring.nlevel(a)
           WHEN 1 THEN 'Bolig for velferd: alle skal ha et godt sted å bo'
           ELSE initcap(replace(styring.label(a, -1), '_', ' ')) END,
       (ARRAY['direction_goal', 'direction_goal', 'effect_goal'])[styring.nlevel(a)],
       CASE WHEN styring.nlevel(a) = 1 THEN 'Kommunal- og moderniseringsdepartementet' ELSE 'Husbanken' END,
       'samfunn'
FROM demo.indicator i, styring.ancestors(i.chain) a;
INSERT INTO kommune.indicator (code, name, measure, source, higher_is_better)
SELECT i.code, i.name, i.unit, 'own', styring.higher_is_better(g.target)
FROM demo.indicator i JOIN demo.goal g ON g.indicator = i.code AND g.municipality = 'Landet';
INSERT INTO kommune.goal_indicator (goal, indicator, unit, target)
SELECT i.chain, g.indicator, CASE WHEN g.municipality <> 'Landet' THEN u.code END, g.target
FROM demo.goal g JOIN demo.indicator i ON i.code = g.indicator JOIN demo_unit u ON u.name = g.municipality;
INSERT INTO kommune.measurement (unit, indicator, year, value)
SELECT u.code, m.indicator, m.year, m.value FROM demo.measurement m JOIN demo_unit u ON u.name = m.municipality;

-- Bergslagen: the evaluation inventory (Swedish municipality codes, SE-prefixed)
INSERT INTO kommune.unit (code, name, kind)
SELECT DISTINCT 'SE' || c.code, e.municipality, 'municipality'
FROM demo.evaluation e
JOIN (VALUES ('Borlänge', '2081'), ('Fagersta', '1982'), ('Falun', '2080'), ('Heby', '0331'),
             ('Norberg', '1962'), ('Säter', '2082'), ('Vansbro', '2021')) c(name, code) ON c.name = e.municipality;
INSERT INTO kommune.evaluation (unit, name, year, commissioner, owner_levels, usage, hours, rate, consultant, material, other, survey)
SELECT u.code, 'utvärdering ' || e.nr, 2009,
       CASE e.commissioner WHEN 'extern' THEN 'external' WHEN 'nämnd' THEN 'council' WHEN 'verksamhet' THEN 'service' END,
       e.owner_levels, e.usage, e.hours, CASE WHEN e.hours IS NOT NULL THEN 280 END, e.consultant, e.material, e.other, e.survey
FROM demo.evaluation e JOIN kommune.unit u ON u.name = e.municipality AND u.code LIKE 'SE%';

INSERT INTO kommune.unit_population (unit, year, population)
SELECT u.code, 2009, p.population FROM demo.published_municipality p JOIN kommune.unit u ON u.name = p.municipality AND u.code LIKE 'SE%';
\set QUIET off
