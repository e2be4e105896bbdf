-- evaluation_summary's money against plain numeric sums on a random inventory of
-- a million evaluations; forced parallel equals serial; eval_usage round trips.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS styring;
SELECT plan(11);

SELECT setseed(0.5);
CREATE TABLE inv AS
SELECT i % 7 AS kommun,
       CASE WHEN random() < 0.1 THEN NULL
            ELSE (floor(random() * 16)::int)::bit(4)::text END AS usage_bits,
       CASE WHEN random() < 0.3 THEN NULL ELSE round((random() * 400)::numeric, 2) END AS hours,
       CASE WHEN i % 5 = 0 THEN 280.5 ELSE 280 END::numeric AS rate,
       CASE WHEN random() < 0.6 THEN NULL ELSE round((random() * 1e6)::numeric, 2) END AS consultant,
       CASE WHEN random() < 0.7 THEN NULL ELSE round((random() * 1e4)::numeric, 2) END AS material,
       CASE WHEN random() < 0.8 THEN NULL ELSE round((random() * 1e5)::numeric, 3) END AS other,
       CASE WHEN random() < 0.05 THEN NULL ELSE random() < 0.35 END AS survey
FROM generate_series(1, 1000000) i;
ALTER TABLE inv ADD COLUMN usage styring.eval_usage;
UPDATE inv SET usage = styring.eval_usage(array_remove(ARRAY[
    CASE WHEN substr(usage_bits, 4, 1) = '1' THEN 'political_decision' END,
    CASE WHEN substr(usage_bits, 3, 1) = '1' THEN 'handlingsplan' END,
    CASE WHEN substr(usage_bits, 2, 1) = '1' THEN 'budsjett_og_målprosess' END,
    CASE WHEN substr(usage_bits, 1, 1) = '1' THEN 'annat' END], NULL))
WHERE usage_bits IS NOT NULL;
ANALYZE inv;

CREATE TABLE mine AS
SELECT kommun, (styring.evaluation_summary(usage, hours, rate, consultant, material, other, survey)).*
FROM inv GROUP BY kommun;
CREATE TABLE plain AS
SELECT kommun, count(*) AS evaluations,
       count(*) FILTER (WHERE hours IS NOT NULL OR consultant IS NOT NULL OR material IS NOT NULL OR other IS NOT NULL) AS costed,
       coalesce(sum(hours), 0) AS hours, coalesce(sum(hours * rate), 0) AS staff_cost,
       coalesce(sum(consultant), 0) AS consultant_cost, coalesce(sum(material), 0) AS material_cost,
       coalesce(sum(other), 0) AS other_cost,
       coalesce(sum(coalesce(hours * rate, 0) + coalesce(consultant, 0) + coalesce(material, 0) + coalesce(other, 0)), 0) AS total_cost,
       coalesce(sum(coalesce(hours * rate, 0) + coalesce(consultant, 0) + coalesce(material, 0) + coalesce(other, 0))
                FILTER (WHERE usage OPERATOR(styring.=) '{}'), 0) AS unused_cost,
       count(*) FILTER (WHERE usage OPERATOR(styring.=) '{}') AS unused,
       count(*) FILTER (WHERE usage OPERATOR(styring.@>) '{action_plan}') AS action_plan,
       count(*) FILTER (WHERE survey) AS surveys
FROM inv GROUP BY kommun;

SELECT is((SELECT count(*) FROM mine m JOIN plain p USING (kommun)
           WHERE m.staff_cost <> p.staff_cost OR m.consultant_cost <> p.consultant_cost
              OR m.material_cost <> p.material_cost OR m.other_cost <> p.other_cost OR m.hours <> p.hours),
          0::bigint, 'cost sums by kind equal numeric sums exactly (a million rows)');
SELECT is((SELECT count(*) FROM mine m JOIN plain p USING (kommun)
           WHERE m.total_cost <> p.total_cost OR m.unused_cost <> p.unused_cost),
          0::bigint, 'total and unused cost equal numeric sums exactly');
SELECT is((SELECT count(*) FROM mine m JOIN plain p USING (kommun)
           WHERE m.evaluations <> p.evaluations OR m.costed <> p.costed OR m.unused <> p.unused
              OR m.action_plan <> p.action_plan OR m.surveys <> p.surveys),
          0::bigint, 'counts equal count(*) FILTER (...)');
SELECT is((SELECT sum(total_cost) FROM mine), (SELECT sum(total_cost) FROM plain),
          'the grand total agrees to the øre and beyond');
SELECT is((SELECT sum(styring.evaluation_cost(hours, rate, consultant, material, other)) FROM inv),
          (SELECT sum(total_cost) FROM plain), 'evaluation_cost per row sums to the same total');

-- Forced parallel equals serial (numerics shipped between processes exactly).
SELECT tap_helpers.force_parallel();
SELECT matches(tap_helpers.plan_of('SELECT kommun, styring.evaluation_summary(usage, hours, rate, consultant, material, other, survey) FROM inv GROUP BY kommun'),
               'Partial (Hash|Group)?Aggregate', 'evaluation_summary aggregates partially in parallel workers');
CREATE TABLE mine_parallel AS
SELECT kommun, (styring.evaluation_summary(usage, hours, rate, consultant, material, other, survey)).*
FROM inv GROUP BY kommun;
SELECT tap_helpers.serial();
SELECT is((SELECT count(*) FROM mine m JOIN mine_parallel p USING (kommun)
           WHERE (m.*)::text <> (p.*)::text), 0::bigint, 'parallel evaluation_summary equals the serial one, field for field');

-- eval_usage round trips: all 16 sets, text and binary.
CREATE TEMP TABLE sets AS
SELECT b, styring.eval_usage(array_remove(ARRAY[
           CASE WHEN b & 1 > 0 THEN 'political_decision' END, CASE WHEN b & 2 > 0 THEN 'action_plan' END,
           CASE WHEN b & 4 > 0 THEN 'budget_process' END, CASE WHEN b & 8 > 0 THEN 'other' END], NULL)) AS u
FROM generate_series(0, 15) b;
SELECT is((SELECT count(DISTINCT u::text) FROM sets), 16::bigint, 'sixteen distinct sets');
SELECT is((SELECT count(*) FROM sets WHERE NOT (u::text::styring.eval_usage OPERATOR(styring.=) u)), 0::bigint,
          'text output reads back to an equal set');
SELECT is((SELECT count(*) FROM sets WHERE NOT ((u::text[])::styring.eval_usage OPERATOR(styring.=) u)), 0::bigint,
          'text[] casts round-trip');
CREATE TEMP TABLE copied (b int, u styring.eval_usage);
SELECT tap_helpers.copy_binary('SELECT * FROM sets', 'copied');
SELECT is((SELECT count(*) FROM copied c JOIN sets s USING (b) WHERE NOT (c.u OPERATOR(styring.=) s.u)), 0::bigint,
          'binary COPY round trip gives equal sets');

SELECT * FROM finish();
ROLLBACK;
