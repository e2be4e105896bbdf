-- An inventory of evaluations for the seven municipalities of Kvalitetsnätverk
-- Bergslagen ("Resultatstyrning 2009"), RECONSTRUCTED FROM THE
-- REPORT'S PUBLISHED AGGREGATES: the report publishes tables, not its rows.
-- See demo/data/README.md for what was published, what was derived, and where
-- the report's own numbers disagree with each other.
CREATE SCHEMA IF NOT EXISTS demo;

-- What the report publishes, as published (percent; NULL where the cell is blank).
-- Tables 3, 4, 6, 7, 9 and 10: count and share used per commissioner, and totals.
CREATE TABLE demo.published_use (
    municipality text, commissioner text,  -- NULL commissioner: the table's "Totalt" row
    tabell int, n int,
    political_decision numeric, action_plan numeric, budget_process numeric, other numeric, unused numeric);
INSERT INTO demo.published_use VALUES
    ('Borlänge', 'extern', 3, 33, 82, 85, 79, 73, 100),
    ('Borlänge', 'nämnd', 3, 32, 81, 90, 56, 88, NULL),
    ('Borlänge', 'verksamhet', 3, 5, 0, 100, 60, 80, NULL),
    ('Borlänge', NULL, 3, 70, 74, 87, 64, 80, 4.3),
    ('Fagersta', 'extern', 4, 39, 18, 41, 26, 72, 8),
    ('Fagersta', 'nämnd', 4, 39, 82, 79, 69, 28, 0),
    ('Fagersta', 'verksamhet', 4, 6, 17, 83, 0, 100, 0),
    ('Fagersta', NULL, 4, 84, 50, 63, 48, 60, 4),
    ('Falun', 'extern', 6, 25, 60, 68, 64, 64, NULL),
    ('Falun', 'nämnd', 6, 33, 70, 73, 70, 70, 3),
    ('Falun', 'verksamhet', 6, 19, 37, 42, 53, 47, 11),
    ('Falun', NULL, 6, 87, 56, 63, 61, 57, 3),
    ('Heby', 'extern', 7, 29, 48, 52, 45, 17, 28),
    ('Heby', 'nämnd', 7, 16, 75, 56, 83, 75, 25),
    ('Heby', 'verksamhet', 7, 11, 18, 82, 18, 55, 18),
    ('Heby', NULL, 7, 56, 50, 59, 45, 36, 27),
    ('Norberg', 'extern', 9, 50, 60, 70, 56, 84, 12),
    ('Norberg', 'nämnd', 9, 18, 88.9, 72.2, 66.7, 88.9, 5.6),
    ('Norberg', 'verksamhet', 9, 7, 28.6, 71.4, 28.6, 71.4, 0),
    ('Norberg', NULL, 9, 75, 64, 72, 53.3, 82.7, 8),
    ('Vansbro', 'extern', 10, 26, 46, 46, 32, 38, 23),
    ('Vansbro', 'nämnd', 10, 24, 83, 58, 58, 67, 4),
    ('Vansbro', 'verksamhet', 10, 9, 56, 88, 22, 78, 0),
    ('Vansbro', NULL, 10, 59, 63, 58, 42, 56, 12);

-- Table 1 (evaluations), table 2 (costs, kr) and the surveys named in the text.
CREATE TABLE demo.published_municipality (
    municipality text PRIMARY KEY, evaluations int, costed int,
    staff_cost numeric, consultant_cost numeric, material_cost numeric, other_cost numeric, total_cost numeric,
    surveys int, population int);
INSERT INTO demo.published_municipality VALUES
    -- population: approximate, 2009, for costs per inhabitant in the demo only (not from the report)
    ('Borlänge', 70, 46,   37800,  350000, 64500,   1400, 9073287, 30, 48600),
    ('Fagersta', 84, 84, 3944157,  445736,  8200,  27864, 4425957, 29, 12200),
    ('Falun',    87, 87, 6280120, 1287000, 72000, 115000, 7754120, 28, 55700),
    ('Heby',     56, 56, 2307854,  365000,  5000, 148106, 2825960, 12, 13300),
    ('Norberg',  75, 75, 2061975,  155075, 77535,  87023, 2381608, 21,  5700),
    ('Säter',    66, 66, 1926015,  548000, 13251, 136630, 2623896, 23, 10900),
    ('Vansbro',  59, 43, 1461380,  455895, 11000,  86742, 2015017, 19,  6900);

-- The counts the inventory is built from: round(share x count) per commissioner,
-- with the exceptions noted (demo/data/README.md lists them).
CREATE TABLE demo.derived_use (
    municipality text, commissioner text, n int,
    political_decision int, action_plan int, budget_process int, other int, unused int, note text);
INSERT INTO demo.derived_use
SELECT municipality, commissioner, n,
       round(political_decision * n / 100), round(action_plan * n / 100), round(budget_process * n / 100),
       round(other * n / 100), round(coalesce(unused, 0) * n / 100), NULL
FROM demo.published_use WHERE commissioner IS NOT NULL;
-- Borlänge: "100 %" unused among external evaluations cannot be (they are 82 % used for
-- political decisions); the total row's 4.3 % of 70 is 3 evaluations, put there.
UPDATE demo.derived_use SET unused = 3, note = 'published 100 % unused; 3 from the total row'
WHERE municipality = 'Borlänge' AND commissioner = 'extern';
-- Heby: 25 % unused and 83 % for the budget process cannot both hold for 16 evaluations.
UPDATE demo.derived_use SET budget_process = 12, note = 'published 83 % budget with 25 % unused; 12 of the 12 used'
WHERE municipality = 'Heby' AND commissioner = 'nämnd';
-- Falun: 10 of the 87 have no commissioner in the table (the text names 5 without one
-- and 3 only "statutory"); their uses make the totals match the published total row.
INSERT INTO demo.derived_use VALUES
    ('Falun', NULL, 10, 4, 6, 4, 2, 0, 'not in table 6; uses chosen to match the total row');
-- Säter publishes no table by commissioner; the text gives 88 % for political decisions,
-- 45 % for other, 43 for the budget process, action plans above the 70 % average.
INSERT INTO demo.derived_use VALUES
    ('Säter', NULL, 66, 58, 50, 43, 30, 1, 'no table published; action plans (75 %) and 1 unused chosen');

-- The inventory: one row per evaluation. Uses are spread so that each group has
-- exactly its counts; costs are spread so that each municipality's sums are exactly
-- table 2's; surveys so that each municipality has its published number.
CREATE TABLE demo.evaluation AS
WITH g AS (SELECT *, n - unused AS used FROM demo.derived_use),
r AS (
    SELECT g.municipality, g.commissioner, g.i - 1 AS k, g.used,
           g.political_decision AS pd, g.action_plan AS ap, g.budget_process AS bp, g.other AS ot
    FROM (SELECT g.*, i FROM g, generate_series(1, g.n) i) g),
-- purpose p covers rows [offset_p, offset_p + count_p) around the used rows
uses AS (
    SELECT municipality, commissioner, k,
           CASE WHEN k >= used THEN '{}'::styring.eval_usage ELSE styring.eval_usage(array_remove(ARRAY[
               CASE WHEN (k - 0 + used) % used < pd THEN 'political_decision' END,
               CASE WHEN (k - pd % used + 2 * used) % used < ap THEN 'action_plan' END,
               CASE WHEN (k - (pd + ap) % used + 2 * used) % used < bp THEN 'budget_process' END,
               CASE WHEN (k - (pd + ap + bp) % used + 2 * used) % used < ot THEN 'other' END], NULL)) END AS usage
    FROM r),
numbered AS (
    SELECT u.*, row_number() OVER (PARTITION BY municipality ORDER BY commissioner NULLS LAST, k) AS j,
           count(*) OVER (PARTITION BY municipality) AS m
    FROM uses u)
SELECT municipality, commissioner, j AS nr, usage, j <= p.costed AS costed, (j * 13 % m) < p.surveys AS survey
FROM numbered JOIN demo.published_municipality p USING (municipality);

-- Spread each cost of table 2 over the costed rows (some kinds over some rows),
-- rounded, with the remainder on the last row, so every sum is exact.
CREATE FUNCTION demo.spread(total numeric, digits int, weight numeric[]) RETURNS numeric[]
LANGUAGE sql IMMUTABLE AS $$
    WITH w AS (SELECT i, weight[i] AS wi FROM generate_subscripts(weight, 1) i),
         s AS (SELECT i, CASE WHEN wi = 0 THEN 0 ELSE round(total * wi / (SELECT sum(wi) FROM w), digits) END AS amount FROM w),
         last AS (SELECT max(i) AS i FROM w WHERE wi > 0)
    SELECT array_agg(CASE WHEN s.i = last.i THEN amount + total - (SELECT sum(amount) FROM s) ELSE amount END ORDER BY s.i)
    FROM s, last $$;

ALTER TABLE demo.evaluation ADD COLUMN hours numeric, ADD COLUMN consultant numeric,
                            ADD COLUMN material numeric, ADD COLUMN other numeric;
WITH c AS (
    SELECT e.municipality, e.nr, row_number() OVER (PARTITION BY e.municipality ORDER BY e.nr) AS j
    FROM demo.evaluation e WHERE e.costed),
w AS (
    SELECT municipality,
           array_agg(1 + (j * 37) % 11 ORDER BY j) AS w_hours,
           array_agg(CASE WHEN j % 3 = 0 THEN 1 + j % 5 ELSE 0 END ORDER BY j) AS w_consultant,
           array_agg(CASE WHEN j % 5 = 1 THEN 1 ELSE 0 END ORDER BY j) AS w_material,
           array_agg(CASE WHEN j % 4 = 2 THEN 1 + j % 3 ELSE 0 END ORDER BY j) AS w_other,
           array_agg(nr ORDER BY j) AS nrs
    FROM c GROUP BY municipality),
amounts AS (
    SELECT w.municipality, w.nrs,
           demo.spread(round(p.staff_cost / 280, 4), 4, w.w_hours) AS hours,
           demo.spread(p.consultant_cost, 0, w.w_consultant) AS consultant,
           demo.spread(p.material_cost, 0, w.w_material) AS material,
           demo.spread(p.other_cost, 0, w.w_other) AS other
    FROM w JOIN demo.published_municipality p USING (municipality))
UPDATE demo.evaluation e
SET hours = x.hours, consultant = nullif(x.consultant, 0), material = nullif(x.material, 0), other = nullif(x.other, 0)
FROM (SELECT a.municipality, u.nr, u.hours, u.consultant, u.material, u.other
      FROM amounts a, unnest(a.nrs, a.hours, a.consultant, a.material, a.other) AS u(nr, hours, consultant, material, other)) x
WHERE x.municipality = e.municipality AND x.nr = e.nr;

-- Result owners (resultatansvarig), by level: a few facts from the text (2 without an
-- owner in Borlänge, 4 in Fagersta, 5 in Heby; in Vansbro 18 shared between committee
-- and head of service); everywhere else one owner at the commissioner's level.
ALTER TABLE demo.evaluation ADD COLUMN owner_levels text[];
UPDATE demo.evaluation SET owner_levels = ARRAY[coalesce(commissioner, 'nämnd')];
UPDATE demo.evaluation SET owner_levels = NULL
WHERE (municipality, nr) IN (SELECT municipality, nr FROM demo.evaluation e
                             WHERE (municipality = 'Borlänge' AND nr <= 2) OR (municipality = 'Fagersta' AND nr <= 4)
                                OR (municipality = 'Heby' AND nr <= 5));
UPDATE demo.evaluation SET owner_levels = ARRAY['nämnd', 'verksamhet']
WHERE municipality = 'Vansbro' AND nr BETWEEN 27 AND 44;
