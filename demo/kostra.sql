-- For the regression tests: loads demo/data/kostra_rate_data.csv (real KOSTRA figures, see demo/data/README.md)
-- into demo.kostra_rate, with the key figure the demo ranks on. Run from the
-- repository's top directory (\copy reads a path relative to psql's).
CREATE SCHEMA IF NOT EXISTS demo;
CREATE TABLE demo.kostra_rate_raw (
    region text, admin_area numeric, sports_area numeric, gross_property numeric,
    gross_sports numeric, invest_sports numeric, energy_sports numeric,
    corrected_gross_sports numeric, maintenance_sports numeric, cleaning_sports numeric,
    net_sports numeric, total_sports_area numeric, depreciation_sports numeric,
    gross_total numeric, corrected_gross_total numeric, population numeric,
    knr integer, name text, kostragruppe integer, old_kostragruppe integer
);
-- Missing reports are written NA.
\copy demo.kostra_rate_raw FROM 'demo/data/kostra_rate_data.csv' WITH (FORMAT csv, HEADER true, NULL 'NA')

-- One row per municipality: number, name, county (first two digits), KOSTRA group
-- and net operating expenditure on sports buildings per inhabitant, in NOK
-- (netto driftsutgifter til kommunale idrettsbygg per innbygger).
CREATE TABLE demo.kostra_rate AS
SELECT lpad(knr::text, 4, '0') AS knr, name,
       left(lpad(knr::text, 4, '0'), 2) AS county,
       kostragruppe,
       net_sports, population,
       (net_sports * 1000 / nullif(population, 0))::double precision AS net_sports_per_inhabitant
FROM demo.kostra_rate_raw;
