-- A hostile search_path: look-alike functions and operators in a schema that
-- comes before pg_catalog and styring change nothing, neither at install time
-- nor afterwards.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
SELECT plan(7);

CREATE SCHEMA evil;
-- Look-alikes of what the install script and our functions could resolve.
CREATE FUNCTION evil.float8eq(double precision, double precision) RETURNS boolean
    LANGUAGE sql AS 'SELECT false';
CREATE OPERATOR evil.= (LEFTARG = double precision, RIGHTARG = double precision, FUNCTION = evil.float8eq);
CREATE FUNCTION evil.int8eq(bigint, bigint) RETURNS boolean LANGUAGE sql AS 'SELECT false';
CREATE OPERATOR evil.= (LEFTARG = bigint, RIGHTARG = bigint, FUNCTION = evil.int8eq);
CREATE FUNCTION evil.texteq(text, text) RETURNS boolean LANGUAGE sql AS 'SELECT false';
CREATE OPERATOR evil.= (LEFTARG = text, RIGHTARG = text, FUNCTION = evil.texteq);
CREATE FUNCTION evil.eqsel(internal, oid, internal, integer) RETURNS double precision
    LANGUAGE internal STABLE STRICT AS 'neqsel';
CREATE FUNCTION evil.float8(integer) RETURNS double precision LANGUAGE sql AS 'SELECT 42::float8';
CREATE FUNCTION evil.coalesce_int(integer) RETURNS integer LANGUAGE sql AS 'SELECT 42';

SET LOCAL search_path = evil, pg_catalog, public;
CREATE EXTENSION styring;
-- Use everything under the hostile path; pgTAP itself is not built for it, so
-- the answers are kept and asserted after the path is back to normal.
CREATE TEMP TABLE answers AS SELECT
    styring.attainment('>= 90 by 2020 from 72 in 2015', 81) AS attainment,
    styring.status('>= 90 by 2020 from 72 in 2015', 81, 2018)::text AS status,
    (SELECT styring.mean_attainment(t, a, w) FROM (VALUES ('>= 90 by 2020 from 72 in 2015'::styring.target, 81::float8, 2::float8),
                                                      ('<= 12 by 2020 from 20 in 2015', 12, 1)) v(t, a, w)) AS mean,
    (SELECT (styring.status_counts(t, a, 2018)).total FROM (VALUES ('>= 90'::styring.target, 1::float8), (NULL, 2)) v(t, a)) AS total,
    ('= 100 ±2'::styring.target OPERATOR(styring.=) '= 100 +-2'::styring.target) AS equal;
SET LOCAL search_path = public, pg_catalog;


SELECT is((SELECT count(*) FROM pg_depend d
           JOIN pg_depend m ON m.classid = d.classid AND m.objid = d.objid AND m.deptype = 'e'
           JOIN pg_extension e ON e.oid = m.refobjid AND e.extname = 'styring'
           WHERE d.refclassid = 'pg_namespace'::regclass AND d.refobjid = 'evil'::regnamespace
              OR (d.refclassid = 'pg_proc'::regclass AND d.refobjid IN (SELECT oid FROM pg_proc WHERE pronamespace = 'evil'::regnamespace))
              OR (d.refclassid = 'pg_operator'::regclass AND d.refobjid IN (SELECT oid FROM pg_operator WHERE oprnamespace = 'evil'::regnamespace))),
          0::bigint, 'no styring object depends on anything in the hostile schema');

SELECT is((SELECT string_agg(o.oid::regoperator::text, ', ') FROM pg_operator o
           WHERE o.oprnamespace = 'styring'::regnamespace AND (o.oprrest::regproc::text LIKE 'evil.%' OR o.oprcode::regproc::text LIKE 'evil.%')),
          NULL, 'operators use the real selectivity estimators');

SELECT is((SELECT attainment FROM answers), 0.5::float8, 'attainment is right under the hostile search_path');
SELECT is((SELECT status FROM answers), 'at_risk', 'status is right under the hostile search_path');
SELECT is((SELECT mean FROM answers), 2.0::float8 / 3,
          'mean_attainment (its array state and INITCOND) is right under the hostile search_path');
SELECT is((SELECT total FROM answers), 1::bigint, 'status_counts is right under the hostile search_path');
SELECT is((SELECT equal FROM answers), true, 'the = operator on targets is right under the hostile search_path');

SELECT * FROM finish();
ROLLBACK;
