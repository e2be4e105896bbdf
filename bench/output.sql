-- Text output: what every client pays to fetch a styring value.
--   a stored profile of 100 000 full doubles, printed (SELECT p::text), against
--   the same values printed as float8 (float8out, Ryu) and aggregated to text;
--   100 000 targets printed, against their text printed as text.
\echo 'output: one profile of 100 000 full doubles, 100 000 targets ...'
CREATE TABLE bench.one_profile AS
SELECT styring.profile(random() * 1e6) AS p FROM generate_series(1, 100000);
CREATE TABLE bench.doubles AS SELECT v FROM bench.one_profile, styring.profile_values(p) v;
CREATE TABLE bench.targets AS
SELECT styring.make_target('>=', 50 + random() * 50, 2030, random() * 40, 2020) AS t FROM generate_series(1, 100000);
CREATE TABLE bench.target_texts AS SELECT t::text AS s FROM bench.targets;

SELECT bench.time('profile output', 'float8 values to text, string_agg', 'SELECT length(string_agg(v::text, '','')) FROM bench.doubles'),
       bench.time('profile output', 'SELECT p::text (100 000 values)', 'SELECT length(p::text) FROM bench.one_profile'),
       bench.time('target output', 'text column printed', 'SELECT sum(length(s::text)) FROM bench.target_texts'),
       bench.time('target output', 'SELECT t::text (100 000 targets)', 'SELECT sum(length(t::text)) FROM bench.targets')
\gset
SELECT bench, label, ms, ratio_to_baseline, baseline FROM bench.report
WHERE bench IN ('profile output', 'target output') ORDER BY bench, ms;
