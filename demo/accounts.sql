-- The controller's own numbers in the demo model, run after demo/model.sql:
-- Statistics Norway's municipality code changes 2013-2020
-- (demo/data/kommunenummer_2013_2020.csv) and the two of 2024 that the demo's
-- units need, so that Hole and Drammen are one series each on today's codes
-- (measurement_current); KOSTRA's standard key figures computed from the
-- sample accounts (key_figure_value, and as measurements). Apart from
-- demo/model.sql, which models made by earlier versions load too.
\set QUIET on
\set doc `cat demo/data/kommunenummer_2013_2020.csv`
SELECT styring.load_code_changes('kommune', :'doc', 'Klass 131, 2013-2020') AS code_changes \gset
\unset doc
-- Klass's change list for 2024 (classification 131): Hole 3038 became 3310,
-- Drammen 3005 became 3301
INSERT INTO kommune.unit_code_change (old_code, new_code, changed, kind, source) VALUES
    ('3038', '3310', '2024-01-01', 'renumbered', 'Klass 131, 2024'),
    ('3005', '3301', '2024-01-01', 'renumbered', 'Klass 131, 2024');

SELECT styring.kostra_key_figures('kommune') AS key_figures \gset
SELECT styring.compute_key_figures('kommune') AS key_figure_values \gset
\set QUIET off
