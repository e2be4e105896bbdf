-- The demo's steering report as one self-contained HTML page, made by
-- styring.report_html for Hole and the year 2018: its goals, its goal chain,
-- where it stands in its comparison groups (its KOSTRA figures of 2015 are
-- under its code before the merger of 2020, 0612), its evaluations and how
-- clear the goals are. Writes the file named by the psql variable html
-- (scripts/demo.sh sets it).
\set QUIET on
\pset format unaligned
\pset tuples_only on
\o :html
SELECT styring.report_html('kommune', '3310', 2018, ranked_as => '0612');
\o
\pset format aligned
\pset tuples_only off
\set QUIET off
\echo
\echo 'The report as a page:' :html
