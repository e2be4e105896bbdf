/*
 * styring 0.2.0 -> 0.3.0: safe to share.
 *
 * A fresh install of 0.3.0 runs styring--0.2.0.sql and then this script (as
 * ltree and tdigest keep a base script and a chain of upgrades), so a fresh
 * install and an update make the same catalog by construction, and nothing is
 * written twice. What changes:
 *  - the schema styring belongs to the role that runs the scripts (the
 *    bootstrap superuser when a non-superuser installs the trusted extension),
 *    nobody else may create in it, and an install or update refuses a schema
 *    that holds anything that is not the extension's;
 *  - the steering model's functions check whose model they write to, write in
 *    one fixed key order through one apply step, use no temporary tables, and
 *    new models reference units and indicators by real foreign keys
 *    (styring.upgrade_model gives a model made by 0.2.0 the same);
 *  - goalpath_subtree_end returns a path that reads back; csv_rows is bounded.
 * Functions whose argument types change (a model is named by text, so a name
 * longer than 63 bytes is refused instead of cut) are dropped and made anew;
 * the others are replaced in place (CREATE OR REPLACE of an object that 0.2.0
 * made, which PostgreSQL allows only for a member of this extension).
 */
\echo Use "ALTER EXTENSION styring UPDATE TO '0.3.0'" to load this file. \quit

------------------------------------------------------------------------------
-- The extension's schema: owned by the role that runs this script, open to
-- every role for USAGE and to nobody else for CREATE, and holding only the
-- extension's objects. CREATE EXTENSION makes the schema of the control file
-- as the calling role, so without this a non-superuser who installs the
-- trusted extension would own the schema where superusers resolve styring's
-- functions, and could put look-alikes beside them.
------------------------------------------------------------------------------
DO $schema$
DECLARE
    s pg_catalog.oid := pg_catalog.to_regnamespace('@extschema@');
    ext pg_catalog.oid := (SELECT e.oid FROM pg_catalog.pg_extension e WHERE e.extname = 'styring');
    stranger pg_catalog.text;
    grantee pg_catalog.text;
BEGIN
    -- anything in the schema that is not the extension's, nor made with it
    -- (a composite type's relation, an array type)
    SELECT pg_catalog.pg_describe_object(o.classid, o.objid, 0) INTO stranger
    FROM (SELECT 'pg_catalog.pg_class'::pg_catalog.regclass AS classid, c.oid AS objid FROM pg_catalog.pg_class c WHERE c.relnamespace = s
          UNION ALL SELECT 'pg_catalog.pg_proc'::pg_catalog.regclass, p.oid FROM pg_catalog.pg_proc p WHERE p.pronamespace = s
          UNION ALL SELECT 'pg_catalog.pg_type'::pg_catalog.regclass, t.oid FROM pg_catalog.pg_type t WHERE t.typnamespace = s
          UNION ALL SELECT 'pg_catalog.pg_operator'::pg_catalog.regclass, o.oid FROM pg_catalog.pg_operator o WHERE o.oprnamespace = s
          UNION ALL SELECT 'pg_catalog.pg_opclass'::pg_catalog.regclass, o.oid FROM pg_catalog.pg_opclass o WHERE o.opcnamespace = s
          UNION ALL SELECT 'pg_catalog.pg_opfamily'::pg_catalog.regclass, o.oid FROM pg_catalog.pg_opfamily o WHERE o.opfnamespace = s
          UNION ALL SELECT 'pg_catalog.pg_collation'::pg_catalog.regclass, o.oid FROM pg_catalog.pg_collation o WHERE o.collnamespace = s
          UNION ALL SELECT 'pg_catalog.pg_conversion'::pg_catalog.regclass, o.oid FROM pg_catalog.pg_conversion o WHERE o.connamespace = s
          UNION ALL SELECT 'pg_catalog.pg_ts_config'::pg_catalog.regclass, o.oid FROM pg_catalog.pg_ts_config o WHERE o.cfgnamespace = s
          UNION ALL SELECT 'pg_catalog.pg_ts_dict'::pg_catalog.regclass, o.oid FROM pg_catalog.pg_ts_dict o WHERE o.dictnamespace = s
          UNION ALL SELECT 'pg_catalog.pg_ts_parser'::pg_catalog.regclass, o.oid FROM pg_catalog.pg_ts_parser o WHERE o.prsnamespace = s
          UNION ALL SELECT 'pg_catalog.pg_ts_template'::pg_catalog.regclass, o.oid FROM pg_catalog.pg_ts_template o WHERE o.tmplnamespace = s
          UNION ALL SELECT 'pg_catalog.pg_statistic_ext'::pg_catalog.regclass, o.oid FROM pg_catalog.pg_statistic_ext o WHERE o.stxnamespace = s) o
    WHERE NOT EXISTS (SELECT FROM pg_catalog.pg_depend d
                      WHERE d.classid = o.classid AND d.objid = o.objid AND d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass
                        AND d.refobjid = ext AND d.deptype = 'e')
      -- a composite type's relation and an array type go with a member type
      AND NOT EXISTS (SELECT FROM pg_catalog.pg_type t
                      JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND d.objid = t.oid
                       AND d.refobjid = ext AND d.deptype = 'e'
                      WHERE (o.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND t.typrelid = o.objid)
                         OR (o.classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND t.typarray = o.objid))
    ORDER BY 1 LIMIT 1;
    IF stranger IS NOT NULL THEN
        RAISE EXCEPTION 'schema "@extschema@" holds %, which is not part of the extension styring', stranger
            USING ERRCODE = 'object_not_in_prerequisite_state',
                  HINT = 'Whoever can create objects in styring''s schema can run code as every role that uses styring: drop what is not styring''s (or install into a database where no schema of that name exists), then try again.';
    END IF;
    EXECUTE pg_catalog.format('ALTER SCHEMA %I OWNER TO %I', '@extschema@', current_user);
    FOR grantee IN
        SELECT DISTINCT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.quote_ident(r.rolname) END
        FROM pg_catalog.pg_namespace n, pg_catalog.aclexplode(n.nspacl) a
        LEFT JOIN pg_catalog.pg_roles r ON r.oid = a.grantee
        WHERE n.oid = s AND a.grantee <> n.nspowner
    LOOP
        EXECUTE pg_catalog.format('REVOKE ALL ON SCHEMA %I FROM %s CASCADE', '@extschema@', grantee);
    END LOOP;
END $schema$;
GRANT USAGE ON SCHEMA @extschema@ TO PUBLIC;
COMMENT ON SCHEMA @extschema@ IS 'styring: steering information (targets and attainment, comparison groups, goal chains, evaluations, steering models); owned by the role that installed its objects, USAGE for every role, CREATE for nobody else';

------------------------------------------------------------------------------
-- Functions made anew with text arguments (see the header)
------------------------------------------------------------------------------
DROP FUNCTION @extschema@.create_model(name);
DROP FUNCTION @extschema@.model_check(name);
DROP FUNCTION @extschema@.load_jsonstat2(name, jsonb, text);
DROP FUNCTION @extschema@.load_kolada(name, jsonb);
DROP FUNCTION @extschema@.load_klass(name, jsonb, text);
DROP FUNCTION @extschema@.load_kostra_csv(name, text, integer, text);

------------------------------------------------------------------------------
-- Whose model: every function that writes to a model first asks
-- model_check, which refuses a model that is not there and one that the
-- calling role must not write to. Code in a model (its triggers, rules,
-- defaults, the column types' functions) is chosen by whoever owns its schema
-- and tables, and runs with the rights of the role that writes; styring
-- therefore writes only into a model owned by the writing role itself (or by
-- a superuser, whose code could do anything anyway). A loader that must fill
-- a model of another role's logs in as that role.
------------------------------------------------------------------------------
CREATE FUNCTION @extschema@.model_check(model text) RETURNS void
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    stranger record;
BEGIN
    IF model IS NULL THEN
        RAISE EXCEPTION 'no steering model named (NULL)' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    IF to_regclass(format('%I.measurement', model)) IS NULL THEN
        RAISE EXCEPTION 'no steering model in schema "%"', @extschema@.doc_excerpt(model)
            USING ERRCODE = 'undefined_table', HINT = format('Make one with SELECT styring.create_model(%L).', model);
    END IF;
    SELECT what, r.rolname INTO stranger
    FROM (SELECT 0 AS ord, format('schema "%s"', n.nspname) AS what, n.nspowner AS owner
          FROM pg_namespace n WHERE n.nspname = model
          UNION ALL
          SELECT 1, format('table "%s.%s"', n.nspname, c.relname), c.relowner
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = model AND c.relname = ANY (@extschema@.model_tables())) o
    JOIN pg_roles r ON r.oid = o.owner
    WHERE r.rolname <> current_user AND NOT r.rolsuper
    ORDER BY o.ord, o.what LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'the % belongs to role "%": styring writes only into a model of the role that writes (or of a superuser)', stranger.what, stranger.rolname
            USING ERRCODE = 'insufficient_privilege',
                  DETAIL = 'Triggers and other code in a model run with the rights of whoever writes to it; its owner chooses that code.',
                  HINT = format('Load as role %I (log in as it), or give the schema and its tables to the role that loads.', stranger.rolname);
    END IF;
END $fn$;
COMMENT ON FUNCTION @extschema@.model_check(text) IS
    'raises 42P01 unless the schema holds a steering model and 42501 unless the schema and the model''s tables belong to the calling role or a superuser (every function that writes to a model calls it)';

CREATE FUNCTION @extschema@.model_tables() RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN ARRAY['unit', 'unit_population', 'comparison_group', 'group_member', 'indicator', 'goal', 'goal_indicator',
                 'measurement', 'account', 'account_hierarchy', 'evaluation', 'index_weight', 'cost_quality_pair'];
COMMENT ON FUNCTION @extschema@.model_tables() IS
    'the tables of a steering model, which styring.model_check requires to belong to the role that writes';

-- An excerpt of a value for an error message: a message names the offending
-- value, not the megabytes of document around it.
CREATE FUNCTION @extschema@.doc_excerpt(v text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN CASE WHEN length(v) > 60 THEN left(v, 57) || '...' ELSE v END;
COMMENT ON FUNCTION @extschema@.doc_excerpt(text) IS
    'at most 60 characters of a value, for error messages (longer ones end in ...)';

-- A steering model in a schema of the caller's. The model's tables belong to
-- the caller, not to the extension: pg_dump dumps them with their data, and
-- DROP EXTENSION without CASCADE is refused while a model uses styring's types.
-- One statement per EXECUTE, so that an error names the statement it is in.
CREATE FUNCTION @extschema@.create_model(model text) RETURNS void
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    owner_name name;
    made boolean := false;
    stmt text;
BEGIN
    IF model IS NULL THEN
        RAISE EXCEPTION 'a steering model needs a schema name, not NULL' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    IF model = '' THEN
        RAISE EXCEPTION 'a steering model needs a schema name, not an empty string' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF octet_length(model) > 63 THEN
        RAISE EXCEPTION 'schema name "%" is % bytes long; PostgreSQL''s names have at most 63', @extschema@.doc_excerpt(model), octet_length(model)
            USING ERRCODE = 'name_too_long';
    END IF;
    IF model ~ '^pg_' OR model IN ('information_schema', '@extschema@') THEN
        RAISE EXCEPTION 'schema "%" is PostgreSQL''s or styring''s own; a steering model needs a schema of its own', model
            USING ERRCODE = 'reserved_name';
    END IF;
    SELECT r.rolname INTO owner_name FROM pg_namespace n JOIN pg_roles r ON r.oid = n.nspowner
    WHERE n.nspname = model AND r.rolname <> current_user AND NOT r.rolsuper;
    IF FOUND THEN
        RAISE EXCEPTION 'schema "%" belongs to role "%"; a steering model goes into a schema of the role that makes it', model, owner_name
            USING ERRCODE = 'insufficient_privilege', HINT = 'Choose a new schema name; create_model makes the schema.';
    END IF;
    IF to_regclass(format('%I.measurement', model)) IS NOT NULL THEN
        RAISE EXCEPTION 'schema "%" already holds a steering model', model
            USING ERRCODE = 'duplicate_schema', HINT = 'A model lives in a schema of its own; choose another name.';
    END IF;
    IF to_regnamespace(quote_ident(model)) IS NULL THEN
        EXECUTE format('CREATE SCHEMA %I', model);
        made := true;
    END IF;
    FOREACH stmt IN ARRAY ARRAY[
$ddl$CREATE TABLE %1$I.unit (
    code text PRIMARY KEY CHECK (code <> ''),
    name text NOT NULL,
    kind text NOT NULL DEFAULT 'unit'
        CHECK (kind IN ('country', 'county', 'region', 'municipality', 'directorate', 'ministry', 'committee', 'unit')),
    parent text REFERENCES %1$I.unit (code) ON UPDATE CASCADE ON DELETE SET NULL,
    notes text)$ddl$,
$ddl$CREATE TABLE %1$I.unit_population (
    unit text NOT NULL REFERENCES %1$I.unit (code) ON UPDATE CASCADE ON DELETE CASCADE,
    year integer NOT NULL,
    population bigint NOT NULL CHECK (population >= 0),
    PRIMARY KEY (unit, year))$ddl$,
$ddl$CREATE TABLE %1$I.comparison_group (
    code text PRIMARY KEY CHECK (code <> ''),
    name text NOT NULL,
    kind text NOT NULL DEFAULT 'user_defined'
        CHECK (kind IN ('kostra_group', 'county', 'country', 'kolada_similar', 'user_defined')))$ddl$,
$ddl$CREATE TABLE %1$I.group_member (
    group_code text NOT NULL REFERENCES %1$I.comparison_group (code) ON UPDATE CASCADE ON DELETE CASCADE,
    unit text NOT NULL REFERENCES %1$I.unit (code) ON UPDATE CASCADE ON DELETE CASCADE,
    year integer NOT NULL,
    PRIMARY KEY (group_code, unit, year))$ddl$,
$ddl$CREATE TABLE %1$I.indicator (
    code text PRIMARY KEY CHECK (code <> ''),
    name text NOT NULL,
    measure text,
    source text NOT NULL DEFAULT 'own' CHECK (source IN ('ssb', 'kolada', 'own', 'other')),
    higher_is_better boolean)$ddl$,
$ddl$CREATE TABLE %1$I.goal (
    path @extschema@.goalpath PRIMARY KEY,
    name text NOT NULL,
    level text NOT NULL CHECK (level IN ('vision', 'direction_goal', 'effect_goal', 'output_goal')),
    owner text,
    perspective text)$ddl$,
$ddl$CREATE TABLE %1$I.goal_indicator (
    goal @extschema@.goalpath NOT NULL REFERENCES %1$I.goal (path) ON UPDATE CASCADE ON DELETE CASCADE,
    indicator text NOT NULL REFERENCES %1$I.indicator (code) ON UPDATE CASCADE ON DELETE CASCADE,
    unit text REFERENCES %1$I.unit (code) ON UPDATE CASCADE ON DELETE CASCADE,
    target @extschema@.target,
    UNIQUE NULLS NOT DISTINCT (goal, indicator, unit))$ddl$,
-- Real foreign keys: checked with the table owner's rights, under the
-- locks PostgreSQL's referential integrity takes (no orphan when a unit is
-- deleted while a measurement for it is written), and TRUNCATE ... CASCADE
-- reaches the measurements. A unit's or indicator's code cannot change while
-- it has measurements; deleting it deletes them.
$ddl$CREATE TABLE %1$I.measurement (
    unit text NOT NULL REFERENCES %1$I.unit (code) ON DELETE CASCADE,
    indicator text NOT NULL REFERENCES %1$I.indicator (code) ON DELETE CASCADE,
    year integer NOT NULL,
    gender text NOT NULL DEFAULT 'T' CHECK (gender IN ('T', 'K', 'M')),
    value double precision CHECK (value IS NULL OR value NOT IN ('NaN', 'Infinity', '-Infinity')),
    status text,
    CHECK (value IS NOT NULL OR status IS NOT NULL),
    PRIMARY KEY (unit, indicator, year, gender))$ddl$,
-- deleting an indicator finds its measurements by this index, as do the
-- views that answer one indicator
$ddl$CREATE INDEX measurement_indicator_idx ON %1$I.measurement (indicator, year)$ddl$,
$ddl$CREATE TABLE %1$I.account (
    unit text NOT NULL REFERENCES %1$I.unit (code) ON UPDATE CASCADE ON DELETE CASCADE,
    year integer NOT NULL,
    class text NOT NULL CHECK (class IN ('D', 'I')),
    function text NOT NULL,
    type text NOT NULL,
    amount numeric NOT NULL,
    PRIMARY KEY (unit, year, class, function, type))$ddl$,
$ddl$CREATE TABLE %1$I.account_hierarchy (
    year integer NOT NULL,
    dimension text NOT NULL CHECK (dimension IN ('function', 'type')),
    parent text NOT NULL,
    child text NOT NULL,
    sign smallint NOT NULL CHECK (sign IN (1, -1)),
    PRIMARY KEY (year, dimension, parent, child))$ddl$,
$ddl$CREATE TABLE %1$I.evaluation (
    id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    unit text NOT NULL REFERENCES %1$I.unit (code) ON UPDATE CASCADE ON DELETE CASCADE,
    name text NOT NULL,
    year integer,
    commissioner text CHECK (commissioner IN ('external', 'council', 'service')),
    owner_levels text[],
    usage @extschema@.eval_usage,
    hours numeric CHECK (hours >= 0),
    rate numeric CHECK (rate >= 0),
    consultant numeric CHECK (consultant >= 0),
    material numeric CHECK (material >= 0),
    other numeric CHECK (other >= 0),
    survey boolean,
    UNIQUE NULLS NOT DISTINCT (unit, name, year))$ddl$,
$ddl$CREATE TABLE %1$I.index_weight (
    index_name text NOT NULL,
    indicator text NOT NULL REFERENCES %1$I.indicator (code) ON UPDATE CASCADE ON DELETE CASCADE,
    weight double precision NOT NULL CHECK (weight > 0 AND weight < 'Infinity'),
    PRIMARY KEY (index_name, indicator))$ddl$,
$ddl$CREATE TABLE %1$I.cost_quality_pair (
    cost_indicator text NOT NULL REFERENCES %1$I.indicator (code) ON UPDATE CASCADE ON DELETE CASCADE,
    quality_indicator text NOT NULL REFERENCES %1$I.indicator (code) ON UPDATE CASCADE ON DELETE CASCADE,
    PRIMARY KEY (cost_indicator, quality_indicator))$ddl$,
$ddl$COMMENT ON TABLE %1$I.unit IS 'units that steer or are steered: municipalities, counties, regions, directorates, committees; parent is the unit above'$ddl$,
$ddl$COMMENT ON TABLE %1$I.unit_population IS 'population of a unit per year (the denominator of per-inhabitant figures)'$ddl$,
$ddl$COMMENT ON TABLE %1$I.comparison_group IS 'comparison groups: KOSTRA groups, counties, the country, Kolada''s similar municipalities, own sets such as neighbours'$ddl$,
$ddl$COMMENT ON TABLE %1$I.group_member IS 'which units belong to a comparison group, per year'$ddl$,
$ddl$COMMENT ON TABLE %1$I.indicator IS 'indicators (styringsparametere, nyckeltal): code, name, unit of measure, source, direction (NULL: neither or unknown)'$ddl$,
$ddl$COMMENT ON TABLE %1$I.goal IS 'goals in the goal chain (målkjede, målkedja), by their goalpath'$ddl$,
$ddl$COMMENT ON TABLE %1$I.goal_indicator IS 'the indicators that measure a goal, with a target per unit (unit NULL: the target for every unit without its own)'$ddl$,
$ddl$COMMENT ON TABLE %1$I.measurement IS 'measured values per unit, indicator, year and gender (T total, K women, M men), with the agency''s status marker'$ddl$,
$ddl$COMMENT ON TABLE %1$I.account IS 'municipal accounts by KOSTRA function and type (art), class D operating or I investment, in 1 000 NOK'$ddl$,
$ddl$COMMENT ON TABLE %1$I.account_hierarchy IS 'how KOSTRA functions and types sum up into aggregates (parent = sum of sign * child)'$ddl$,
$ddl$COMMENT ON TABLE %1$I.evaluation IS 'the inventory of evaluations that styring.evaluation_summary reads'$ddl$,
$ddl$COMMENT ON TABLE %1$I.index_weight IS 'the indicators of a composite index and their weights (the view composite_index)'$ddl$,
$ddl$COMMENT ON TABLE %1$I.cost_quality_pair IS 'a cost indicator (spend) and a quality indicator (satisfaction, coverage) to set against each other (the view cost_quality)'$ddl$]
    LOOP
        EXECUTE format(stmt, model);
    END LOOP;
    IF made THEN
        EXECUTE format('COMMENT ON SCHEMA %I IS %L', model, 'a styring steering model (styring.create_model)');
    END IF;
    PERFORM @extschema@.model_views(model);
END $fn$;
COMMENT ON FUNCTION @extschema@.create_model(text) IS
    'creates a steering model (units, groups, indicators, goals, targets, measurements, accounts, evaluations and the views over them) in a new schema of that name, or an empty one of the caller''s, owned by the caller';

-- A model made by 0.2.0 checked measurement's references with statement
-- triggers; upgrade_model gives it the foreign keys (and the index) that a
-- model made now has, and the views of this version. Its data stays.
CREATE FUNCTION @extschema@.upgrade_model(model text) RETURNS text
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    orphans bigint;
    done text[] := '{}';
BEGIN
    PERFORM @extschema@.model_check(model);
    IF EXISTS (SELECT FROM pg_trigger WHERE tgrelid = format('%I.measurement', model)::regclass AND tgname = 'measurement_refs_insert') THEN
        EXECUTE format($q$SELECT count(*) FROM %1$I.measurement m
                          WHERE NOT EXISTS (SELECT FROM %1$I.unit u WHERE u.code = m.unit)
                             OR NOT EXISTS (SELECT FROM %1$I.indicator i WHERE i.code = m.indicator)$q$, model) INTO orphans;
        IF orphans > 0 THEN
            RAISE EXCEPTION 'model "%" has % measurements of a unit or indicator that is not there', model, orphans
                USING ERRCODE = 'foreign_key_violation',
                      HINT = format('Delete them first: DELETE FROM %1$I.measurement m WHERE NOT EXISTS (SELECT FROM %1$I.unit u WHERE u.code = m.unit) OR NOT EXISTS (SELECT FROM %1$I.indicator i WHERE i.code = m.indicator);', model);
        END IF;
        EXECUTE format('DROP TRIGGER measurement_refs_insert ON %1$I.measurement', model);
        EXECUTE format('DROP TRIGGER measurement_refs_update ON %1$I.measurement', model);
        EXECUTE format('DROP TRIGGER unit_measurements_delete ON %1$I.unit', model);
        EXECUTE format('DROP TRIGGER unit_measurements_update ON %1$I.unit', model);
        EXECUTE format('DROP TRIGGER indicator_measurements_delete ON %1$I.indicator', model);
        EXECUTE format('DROP TRIGGER indicator_measurements_update ON %1$I.indicator', model);
        EXECUTE format('ALTER TABLE %1$I.measurement ADD FOREIGN KEY (unit) REFERENCES %1$I.unit (code) ON DELETE CASCADE', model);
        EXECUTE format('ALTER TABLE %1$I.measurement ADD FOREIGN KEY (indicator) REFERENCES %1$I.indicator (code) ON DELETE CASCADE', model);
        done := done || 'foreign keys for measurement'::text;
    END IF;
    IF to_regclass(format('%I.measurement_indicator_idx', model)) IS NULL THEN
        EXECUTE format('CREATE INDEX measurement_indicator_idx ON %1$I.measurement (indicator, year)', model);
        done := done || 'index measurement_indicator_idx'::text;
    END IF;
    PERFORM @extschema@.model_views(model);
    RETURN format('model %s: %s', model, array_to_string(done || format('views of styring %s', (SELECT extversion FROM pg_extension WHERE extname = 'styring')), ', '));
END $fn$;
COMMENT ON FUNCTION @extschema@.upgrade_model(text) IS
    'brings a steering model made by an earlier version (or restored from an older dump) to this version: foreign keys, indexes and views; the data stays as it is';

-- 0.2.0's models keep their reference triggers until upgrade_model; the
-- trigger now locks the units and indicators it found (FOR KEY SHARE, as a
-- foreign key does), so a unit deleted by a concurrent transaction is either
-- waited for and then missed (an error) or still there when it commits.
CREATE OR REPLACE FUNCTION @extschema@.model_measurement_refs() RETURNS trigger
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    bad record;
BEGIN
    EXECUTE format($q$SELECT FROM %1$I.unit u WHERE u.code IN (SELECT unit FROM written) ORDER BY u.code FOR KEY SHARE$q$, TG_TABLE_SCHEMA);
    EXECUTE format($q$SELECT FROM %1$I.indicator i WHERE i.code IN (SELECT indicator FROM written) ORDER BY i.code FOR KEY SHARE$q$, TG_TABLE_SCHEMA);
    EXECUTE format($q$
        SELECT 'unit' AS what, w.code FROM (SELECT DISTINCT unit AS code FROM written) w
        WHERE NOT EXISTS (SELECT FROM %1$I.unit u WHERE u.code = w.code)
        UNION ALL
        SELECT 'indicator', w.code FROM (SELECT DISTINCT indicator AS code FROM written) w
        WHERE NOT EXISTS (SELECT FROM %1$I.indicator i WHERE i.code = w.code)
        LIMIT 1$q$, TG_TABLE_SCHEMA) INTO bad;
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'insert or update on table "%.measurement" names % "%", which is not in table "%"',
            TG_TABLE_SCHEMA, bad.what, bad.code, bad.what
            USING ERRCODE = 'foreign_key_violation', HINT = 'Add the unit or indicator first; the loaders add the ones a document names.';
    END IF;
    RETURN NULL;
END $fn$;
COMMENT ON FUNCTION @extschema@.model_measurement_refs() IS
    'trigger of a measurement table made by 0.2.0 (until styring.upgrade_model): every unit and indicator a statement wrote exists, locked as a foreign key locks it';

-- The views of a model, made by create_model and made again by upgrade_model
-- (CREATE OR REPLACE VIEW keeps the views users built on them). Plain SQL
-- types only, styring values also as text, for BI tools.
CREATE FUNCTION @extschema@.model_views(model text) RETURNS void
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    stmt text;
BEGIN
    PERFORM @extschema@.model_check(model);
    FOREACH stmt IN ARRAY ARRAY[
$v$CREATE OR REPLACE VIEW %1$I.goal_attainment AS
WITH applies AS (
    SELECT gi.goal, gi.indicator, m.unit, m.year, m.value, gi.target, gi.unit IS NOT NULL AS own_target
    FROM %1$I.goal_indicator gi
    JOIN %1$I.measurement m ON m.indicator = gi.indicator AND m.gender = 'T'
     AND (m.unit = gi.unit
          OR (gi.unit IS NULL AND NOT EXISTS (SELECT FROM %1$I.goal_indicator o
                                              WHERE o.goal OPERATOR(@extschema@.=) gi.goal AND o.indicator = gi.indicator AND o.unit = m.unit)))
    WHERE gi.target IS NOT NULL)
SELECT a.goal::text AS goal, g.name AS goal_name, g.level, @extschema@.nlevel(a.goal) AS depth,
       a.indicator, i.name AS indicator_name, a.unit, u.name AS unit_name, a.year,
       a.target::text AS target, a.own_target,
       @extschema@.target_value(a.target) AS target_value, @extschema@.target_year(a.target) AS target_year,
       @extschema@.target_baseline(a.target) AS baseline, a.value AS actual,
       @extschema@.progress(a.target, a.value) AS progress, @extschema@.attainment(a.target, a.value) AS attainment,
       @extschema@.achieved(a.target, a.value) AS achieved, @extschema@.expected_progress(a.target, a.year) AS expected_progress,
       @extschema@.status(a.target, a.value, a.year)::text AS status,
       @extschema@.traffic_light(@extschema@.status(a.target, a.value, a.year)) AS traffic_light
FROM applies a
JOIN %1$I.goal g ON g.path OPERATOR(@extschema@.=) a.goal
JOIN %1$I.indicator i ON i.code = a.indicator
JOIN %1$I.unit u ON u.code = a.unit$v$,
$v$CREATE OR REPLACE VIEW %1$I.goal_rollup AS
SELECT r.unit, u.name AS unit_name, r.year, n.path::text AS path, g.name AS goal_name, n.level AS depth,
       n.n AS measured, n.flat_mean AS mean_attainment, n.chain_mean AS chain_attainment
FROM (SELECT unit, year, @extschema@.chain_rollup(goal::@extschema@.goalpath, attainment) AS nodes
      FROM %1$I.goal_attainment GROUP BY unit, year) r
CROSS JOIN LATERAL unnest(r.nodes) AS n(path, level, n, flat_mean, chain_mean)
JOIN %1$I.unit u ON u.code = r.unit
LEFT JOIN %1$I.goal g ON g.path OPERATOR(@extschema@.=) n.path$v$,
$v$CREATE OR REPLACE VIEW %1$I.ranking AS
WITH member_value AS (
    SELECT gm.group_code, m.indicator, m.year, m.gender, m.unit, m.value,
           coalesce(i.higher_is_better, true) AS higher_is_better
    FROM %1$I.group_member gm
    JOIN %1$I.measurement m ON m.unit = gm.unit AND m.year = gm.year AND m.value IS NOT NULL
    JOIN %1$I.indicator i ON i.code = m.indicator),
grp AS (
    SELECT group_code, indicator, year, gender, @extschema@.profile(value) AS p
    FROM member_value GROUP BY group_code, indicator, year, gender)
SELECT v.group_code, cg.name AS group_name, cg.kind AS group_kind, v.indicator, v.year, v.gender,
       v.unit, u.name AS unit_name, v.value, v.higher_is_better,
       @extschema@.rank_in(g.p, v.value, v.higher_is_better) AS rank,
       @extschema@.group_size(g.p) AS group_size,
       format('nr %%s av %%s', @extschema@.rank_in(g.p, v.value, v.higher_is_better), @extschema@.group_size(g.p)) AS place,
       @extschema@.percent_rank_in(g.p, v.value, v.higher_is_better) AS percent_rank,
       @extschema@.quartile_band(g.p, v.value, v.higher_is_better) AS quartile_band,
       @extschema@.grade(g.p, v.value, v.higher_is_better) AS grade,
       @extschema@.group_mean(g.p) AS group_mean, @extschema@.group_median(g.p) AS group_median,
       @extschema@.deviation_from_mean(g.p, v.value) AS deviation_from_mean,
       @extschema@.deviation_from_mean_pct(g.p, v.value) AS deviation_from_mean_pct,
       @extschema@.deviation_from_median(g.p, v.value) AS deviation_from_median,
       @extschema@.deviation_from_median_pct(g.p, v.value) AS deviation_from_median_pct
FROM member_value v
JOIN grp g USING (group_code, indicator, year, gender)
JOIN %1$I.comparison_group cg ON cg.code = v.group_code
JOIN %1$I.unit u ON u.code = v.unit$v$,
$v$CREATE OR REPLACE VIEW %1$I.group_figures AS
SELECT gm.group_code, cg.name AS group_name, m.indicator, m.year, m.gender,
       count(*) AS members, count(m.value) AS members_reporting,
       sum(m.value) AS total,
       sum(p.population) FILTER (WHERE m.value IS NOT NULL) AS population,
       sum(m.value) FILTER (WHERE p.population > 0)
           / nullif(sum(p.population) FILTER (WHERE m.value IS NOT NULL AND p.population > 0), 0) AS kostra_per_inhabitant,
       avg(m.value / nullif(p.population, 0)) AS kolada_per_inhabitant,
       avg(m.value) AS kolada_mean,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY m.value) AS median
FROM %1$I.group_member gm
JOIN %1$I.measurement m ON m.unit = gm.unit AND m.year = gm.year
JOIN %1$I.comparison_group cg ON cg.code = gm.group_code
LEFT JOIN %1$I.unit_population p ON p.unit = m.unit AND p.year = m.year
GROUP BY gm.group_code, cg.name, m.indicator, m.year, m.gender$v$,
$v$CREATE OR REPLACE VIEW %1$I.trend AS
WITH series AS (
    SELECT unit, indicator, gender, count(*) AS years, min(year) AS first_year, max(year) AS last_year,
           regr_slope(value, year) AS slope
    FROM %1$I.measurement WHERE value IS NOT NULL GROUP BY unit, indicator, gender),
latest AS (
    SELECT DISTINCT ON (unit, indicator, gender) unit, indicator, gender, year, value
    FROM %1$I.measurement WHERE value IS NOT NULL ORDER BY unit, indicator, gender, year DESC),
previous AS (
    SELECT l.unit, l.indicator, l.gender, avg(m.value) AS mean3, count(*) AS n
    FROM latest l JOIN %1$I.measurement m ON m.unit = l.unit AND m.indicator = l.indicator AND m.gender = l.gender
     AND m.year BETWEEN l.year - 3 AND l.year - 1 AND m.value IS NOT NULL
    GROUP BY l.unit, l.indicator, l.gender),
unit_target AS (
    SELECT DISTINCT ON (u.code, gi.indicator) u.code AS unit, gi.indicator, gi.target
    FROM %1$I.goal_indicator gi JOIN %1$I.unit u ON gi.unit = u.code OR gi.unit IS NULL
    WHERE gi.target IS NOT NULL
    ORDER BY u.code, gi.indicator, gi.unit IS NULL, gi.goal),
t AS (
    SELECT s.*, l.value AS last_value, p.mean3, ut.target,
           coalesce(@extschema@.higher_is_better(ut.target), i.higher_is_better) AS higher_is_better
    FROM series s
    JOIN latest l USING (unit, indicator, gender)
    JOIN %1$I.indicator i ON i.code = s.indicator
    LEFT JOIN previous p USING (unit, indicator, gender)
    LEFT JOIN unit_target ut ON ut.unit = s.unit AND ut.indicator = s.indicator AND s.gender = 'T')
SELECT t.unit, u.name AS unit_name, t.indicator, t.gender, t.years, t.first_year, t.last_year,
       t.slope, t.last_value, t.mean3 AS mean_previous_3_years,
       CASE WHEN t.mean3 IS NULL OR t.higher_is_better IS NULL THEN NULL
            WHEN t.last_value = t.mean3 THEN 'same'
            WHEN (t.last_value > t.mean3) = t.higher_is_better THEN 'better' ELSE 'worse' END AS versus_previous_3_years,
       t.target::text AS target, @extschema@.target_value(t.target) AS target_value,
       CASE WHEN t.target IS NULL THEN NULL
            WHEN @extschema@.achieved(t.target, t.last_value) THEN t.last_year
            WHEN t.slope IS NULL OR t.slope = 0 THEN NULL
            WHEN (@extschema@.target_value(t.target) - t.last_value) / t.slope <= 0 THEN NULL
            WHEN (@extschema@.target_value(t.target) - t.last_value) / t.slope > 1000 THEN NULL
            -- (a slope from binary fractions: 5.0000000001 years is 5)
            ELSE t.last_year + ceil((@extschema@.target_value(t.target) - t.last_value) / t.slope - 1e-9)::integer END AS year_reached
FROM t JOIN %1$I.unit u ON u.code = t.unit$v$,
$v$CREATE OR REPLACE VIEW %1$I.cost_quality AS
WITH pair AS (
    SELECT cq.cost_indicator, cq.quality_indicator, gm.group_code, c.year, c.unit,
           c.value / p.population AS cost_per_inhabitant, q.value AS quality,
           coalesce(qi.higher_is_better, true) AS quality_higher_is_better
    FROM %1$I.cost_quality_pair cq
    JOIN %1$I.indicator qi ON qi.code = cq.quality_indicator
    JOIN %1$I.measurement c ON c.indicator = cq.cost_indicator AND c.gender = 'T' AND c.value IS NOT NULL
    JOIN %1$I.measurement q ON q.indicator = cq.quality_indicator AND q.unit = c.unit AND q.year = c.year
     AND q.gender = 'T' AND q.value IS NOT NULL
    JOIN %1$I.unit_population p ON p.unit = c.unit AND p.year = c.year AND p.population > 0
    JOIN %1$I.group_member gm ON gm.unit = c.unit AND gm.year = c.year),
stats AS (
    SELECT cost_indicator, quality_indicator, group_code, year, count(*) AS units,
           corr(cost_per_inhabitant, quality) AS correlation,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY cost_per_inhabitant) AS median_cost,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY quality) AS median_quality
    FROM pair GROUP BY cost_indicator, quality_indicator, group_code, year)
SELECT p.cost_indicator, p.quality_indicator, p.group_code, p.year, p.unit, u.name AS unit_name,
       p.cost_per_inhabitant, p.quality, s.units, s.correlation, s.median_cost, s.median_quality,
       CASE WHEN p.cost_per_inhabitant > s.median_cost THEN 'high cost' ELSE 'low cost' END || ', ' ||
       CASE WHEN p.quality = s.median_quality THEN 'median quality'
            WHEN (p.quality > s.median_quality) = p.quality_higher_is_better THEN 'high quality' ELSE 'low quality' END AS quadrant
FROM pair p
JOIN stats s USING (cost_indicator, quality_indicator, group_code, year)
JOIN %1$I.unit u ON u.code = p.unit$v$,
$v$CREATE OR REPLACE VIEW %1$I.composite_index AS
WITH nation AS (
    SELECT m.indicator, m.year, @extschema@.profile(m.value) AS p
    FROM %1$I.measurement m JOIN %1$I.unit u ON u.code = m.unit AND u.kind = 'municipality'
    WHERE m.gender = 'T' AND m.value IS NOT NULL AND m.indicator IN (SELECT indicator FROM %1$I.index_weight)
    GROUP BY m.indicator, m.year),
graded AS (
    SELECT w.index_name, m.unit, m.year, w.weight,
           @extschema@.grade(n.p, m.value, coalesce(i.higher_is_better, true)) AS grade
    FROM %1$I.index_weight w
    JOIN %1$I.indicator i ON i.code = w.indicator
    JOIN %1$I.measurement m ON m.indicator = w.indicator AND m.gender = 'T' AND m.value IS NOT NULL
    JOIN %1$I.unit u ON u.code = m.unit AND u.kind = 'municipality'
    JOIN nation n ON n.indicator = m.indicator AND n.year = m.year),
indexed AS (
    SELECT g.index_name, g.unit, g.year, count(*) AS indicators, sum(g.weight * g.grade) / sum(g.weight) AS index_grade,
           count(*) = (SELECT count(*) FROM %1$I.index_weight w WHERE w.index_name = g.index_name) AS complete
    FROM graded g GROUP BY g.index_name, g.unit, g.year)
-- ranked among the units with every indicator of the index; the others get a grade but no rank
SELECT x.index_name, x.unit, u.name AS unit_name, x.year, x.indicators, x.complete, x.index_grade,
       CASE WHEN x.complete THEN rank() OVER (PARTITION BY x.index_name, x.year, x.complete ORDER BY x.index_grade DESC) END AS rank,
       count(*) FILTER (WHERE x.complete) OVER (PARTITION BY x.index_name, x.year) AS units
FROM indexed x JOIN %1$I.unit u ON u.code = x.unit$v$,
$v$CREATE OR REPLACE VIEW %1$I.evaluation_report AS
SELECT CASE WHEN grouping(e.unit) = 1 THEN 'all' ELSE e.unit END AS unit,
       CASE WHEN grouping(e.commissioner) = 1 THEN 'all' ELSE coalesce(e.commissioner, 'not reported') END AS commissioner,
       (@extschema@.evaluation_summary(e.usage, e.hours, e.rate, e.consultant, e.material, e.other, e.survey)).*
FROM %1$I.evaluation e
GROUP BY CUBE (e.unit, e.commissioner)$v$,
$v$CREATE OR REPLACE VIEW %1$I.goal_clarity AS
WITH c AS (
    SELECT g.path, g.name, g.level,
           EXISTS (SELECT FROM %1$I.goal_indicator gi WHERE gi.goal OPERATOR(@extschema@.=) g.path) AS measured_by_indicator,
           EXISTS (SELECT FROM %1$I.goal_indicator gi
                   WHERE gi.goal OPERATOR(@extschema@.=) g.path
                     AND (SELECT count(DISTINCT m.unit) FROM %1$I.measurement m
                          JOIN %1$I.unit u ON u.code = m.unit AND u.kind = 'municipality'
                          WHERE m.indicator = gi.indicator AND m.value IS NOT NULL) > 11) AS comparable_with_more_than_ten,
           EXISTS (SELECT FROM %1$I.goal_indicator gi JOIN %1$I.indicator i ON i.code = gi.indicator
                   WHERE gi.goal OPERATOR(@extschema@.=) g.path AND (gi.target IS NOT NULL OR i.higher_is_better IS NOT NULL)) AS target_or_direction_stated,
           EXISTS (SELECT FROM %1$I.goal_indicator gi
                   JOIN %1$I.measurement m ON m.indicator = gi.indicator AND (gi.unit IS NULL OR m.unit = gi.unit)
                   WHERE gi.goal OPERATOR(@extschema@.=) g.path AND m.value IS NOT NULL) AS results_reported,
           EXISTS (SELECT FROM %1$I.goal_indicator gi
                   JOIN %1$I.measurement m ON m.indicator = gi.indicator AND (gi.unit IS NULL OR m.unit = gi.unit) AND m.value IS NOT NULL
                   JOIN %1$I.group_member gm ON gm.unit = m.unit AND gm.year = m.year
                   WHERE gi.goal OPERATOR(@extschema@.=) g.path
                     AND EXISTS (SELECT FROM %1$I.group_member o JOIN %1$I.measurement om ON om.unit = o.unit AND om.year = o.year
                                 WHERE o.group_code = gm.group_code AND o.year = gm.year AND o.unit <> m.unit
                                   AND om.indicator = gi.indicator AND om.value IS NOT NULL)) AS compared_with_others
    FROM %1$I.goal g)
SELECT path::text AS goal, name AS goal_name, level,
       measured_by_indicator, comparable_with_more_than_ten, target_or_direction_stated, results_reported, compared_with_others,
       measured_by_indicator::int + comparable_with_more_than_ten::int + target_or_direction_stated::int
           + results_reported::int + compared_with_others::int AS score,
       5 AS criteria
FROM c$v$,
$v$COMMENT ON VIEW %1$I.goal_attainment IS 'attainment, expected progress, status and traffic light per goal, indicator, unit and year (the unit''s own target, else the one for every unit)'$v$,
$v$COMMENT ON VIEW %1$I.goal_rollup IS 'attainment rolled up the goal chain, level by level, per unit and year (styring.chain_rollup)'$v$,
$v$COMMENT ON VIEW %1$I.ranking IS 'where every unit stands in every comparison group it belongs to, per indicator, year and gender: nr X av N, percent rank, quartile band, grade, deviation from the group mean and median'$v$,
$v$COMMENT ON VIEW %1$I.group_figures IS 'group figures the KOSTRA way (ratio of sums: total / population) next to the Kolada way (unweighted mean of the members), with the median'$v$,
$v$COMMENT ON VIEW %1$I.trend IS 'per unit, indicator and gender: slope over the years (regr_slope), latest value against the mean of the previous three years, and the year the target is reached at the current trend'$v$,
$v$COMMENT ON VIEW %1$I.cost_quality IS 'spend per inhabitant against a quality indicator within each comparison group: correlation, medians and each unit''s quadrant'$v$,
$v$COMMENT ON VIEW %1$I.composite_index IS 'weighted composite index per unit and year: the weighted mean of its grades (1-6) among all municipalities, as Kommunebarometeret ranks them; ranked among the units with every indicator of the index'$v$,
$v$COMMENT ON VIEW %1$I.evaluation_report IS 'the evaluation inventory''s report per unit and commissioner, with totals per unit, per commissioner and overall (''all'') (styring.evaluation_summary)'$v$,
$v$COMMENT ON VIEW %1$I.goal_clarity IS 'how clear each goal is (Kommunens kvalitet i korthet, övning 1): the five criteria the data can decide, and the score'$v$]
    LOOP
        EXECUTE format(stmt, model);
    END LOOP;
END $fn$;
COMMENT ON FUNCTION @extschema@.model_views(text) IS
    'makes (or makes again) the views of a steering model: goal_attainment, goal_rollup, ranking, group_figures, trend, cost_quality, composite_index, evaluation_report, goal_clarity';

------------------------------------------------------------------------------
-- One loader pipeline: each loader parses its document into one staging
-- form, styring.staged_rows (parallel arrays per table, in document order),
-- and styring.apply_staged writes it. The apply step is the only writer:
--  - one rule for what a document may add: a unit, indicator or group it
--    names is added if missing; a name that is still just the code is
--    replaced by a real one (a Klass code list, which is authoritative,
--    replaces names, kinds and notes);
--  - where a document names a key twice, the later entry wins;
--  - tables in one fixed order (units, indicators, groups, members,
--    populations, measurements, accounts, hierarchies) and each table's rows in
--    key order, and every row a document names is locked when it is written
--    (ON CONFLICT DO UPDATE locks even when it changes nothing). Two loads
--    that share rows therefore take their locks in the same order: one waits
--    for the other, neither deadlocks, and INSERT ... ON CONFLICT never fails
--    on a key the other inserted;
--  - one count of what changed: rows added or changed, all tables together.
-- No temporary table is used, so a loader needs no TEMP privilege and runs no
-- code that someone left in pg_temp.
------------------------------------------------------------------------------
CREATE TYPE @extschema@.staged_rows AS (
    unit_code text[], unit_name text[], unit_kind text[], unit_notes text[], unit_parent text[],
    units_authoritative boolean,
    indicator_code text[], indicator_name text[], indicator_measure text[], indicator_source text[],
    group_code text[], group_name text[], group_kind text[],
    member_group text[], member_unit text[], member_year integer[],
    population_unit text[], population_year integer[], population_value bigint[],
    m_unit text[], m_indicator text[], m_year integer[], m_gender text[], m_value double precision[], m_status text[],
    account_unit text[], account_year integer[], account_class text[], account_function text[], account_type text[],
    account_amount numeric[],
    hierarchy_year integer[], hierarchy_dimension text[], hierarchy_parent text[], hierarchy_child text[],
    hierarchy_sign smallint[]);
COMMENT ON TYPE @extschema@.staged_rows IS
    'what a loader read from a document, as parallel arrays per table in document order (a later entry with the same key wins), for styring.apply_staged';

CREATE FUNCTION @extschema@.apply_staged(model text, s @extschema@.staged_rows) RETURNS bigint
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    changed bigint := 0;
    n bigint;
    bad text;
BEGIN
    PERFORM @extschema@.model_check(model);
    IF s IS NULL THEN
        RETURN 0;
    END IF;
    -- parallel arrays of one table have one length
    SELECT t INTO bad FROM (VALUES
        ('units', ARRAY[cardinality(s.unit_code), cardinality(s.unit_name), cardinality(s.unit_kind), cardinality(s.unit_notes), cardinality(s.unit_parent)]),
        ('indicators', ARRAY[cardinality(s.indicator_code), cardinality(s.indicator_name), cardinality(s.indicator_measure), cardinality(s.indicator_source)]),
        ('groups', ARRAY[cardinality(s.group_code), cardinality(s.group_name), cardinality(s.group_kind)]),
        ('members', ARRAY[cardinality(s.member_group), cardinality(s.member_unit), cardinality(s.member_year)]),
        ('populations', ARRAY[cardinality(s.population_unit), cardinality(s.population_year), cardinality(s.population_value)]),
        ('measurements', ARRAY[cardinality(s.m_unit), cardinality(s.m_indicator), cardinality(s.m_year), cardinality(s.m_gender),
                               cardinality(s.m_value), cardinality(s.m_status)]),
        ('accounts', ARRAY[cardinality(s.account_unit), cardinality(s.account_year), cardinality(s.account_class),
                           cardinality(s.account_function), cardinality(s.account_type), cardinality(s.account_amount)]),
        ('hierarchies', ARRAY[cardinality(s.hierarchy_year), cardinality(s.hierarchy_dimension), cardinality(s.hierarchy_parent),
                              cardinality(s.hierarchy_child), cardinality(s.hierarchy_sign)])) v(t, lens)
    WHERE (SELECT count(DISTINCT l) FROM unnest(lens) l WHERE l IS NOT NULL) > 1 LIMIT 1;
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'staged rows: the arrays of the % differ in length', bad USING ERRCODE = 'invalid_parameter_value';
    END IF;

    EXECUTE format($q$
        INSERT INTO %I.unit AS u (code, name, kind, notes)
        SELECT DISTINCT ON (code) code, coalesce(name, code), coalesce(kind, @extschema@.unit_kind(code)), notes
        FROM unnest($1, $2, $3, $4) WITH ORDINALITY d(code, name, kind, notes, ord)
        ORDER BY code, ord DESC
        ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name,
            kind = CASE WHEN $5 THEN EXCLUDED.kind ELSE u.kind END,
            notes = CASE WHEN $5 THEN EXCLUDED.notes ELSE u.notes END
        WHERE CASE WHEN $5 THEN (u.name, u.kind, u.notes) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.kind, EXCLUDED.notes)
                   ELSE u.name = u.code AND EXCLUDED.name <> u.code END$q$, model)
        USING s.unit_code, s.unit_name, s.unit_kind, s.unit_notes, coalesce(s.units_authoritative, false);
    GET DIAGNOSTICS n = ROW_COUNT; changed := changed + n;
    IF s.unit_parent IS NOT NULL THEN
        -- parents named in the document that the model has (the rows are locked above)
        EXECUTE format($q$
            UPDATE %1$I.unit u SET parent = d.parent
            FROM (SELECT DISTINCT ON (code) code, parent FROM unnest($1, $2) WITH ORDINALITY d(code, parent, ord)
                  ORDER BY code, ord DESC) d
            WHERE u.code = d.code AND d.parent IN (SELECT code FROM %1$I.unit)
              AND u.parent IS DISTINCT FROM d.parent$q$, model)
            USING s.unit_code, s.unit_parent;
        GET DIAGNOSTICS n = ROW_COUNT; changed := changed + n;
    END IF;

    EXECUTE format($q$
        INSERT INTO %I.indicator AS x (code, name, measure, source)
        SELECT DISTINCT ON (code) code, coalesce(name, code), measure, coalesce(source, 'own')
        FROM unnest($1, $2, $3, $4) WITH ORDINALITY d(code, name, measure, source, ord)
        ORDER BY code, ord DESC
        ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, measure = coalesce(EXCLUDED.measure, x.measure)
        WHERE x.name = x.code AND EXCLUDED.name <> x.code$q$, model)
        USING s.indicator_code, s.indicator_name, s.indicator_measure, s.indicator_source;
    GET DIAGNOSTICS n = ROW_COUNT; changed := changed + n;

    EXECUTE format($q$
        INSERT INTO %I.comparison_group AS g (code, name, kind)
        SELECT DISTINCT ON (code) code, coalesce(name, code), coalesce(kind, 'user_defined')
        FROM unnest($1, $2, $3) WITH ORDINALITY d(code, name, kind, ord)
        ORDER BY code, ord DESC
        ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name WHERE g.name = g.code AND EXCLUDED.name <> g.code$q$, model)
        USING s.group_code, s.group_name, s.group_kind;
    GET DIAGNOSTICS n = ROW_COUNT; changed := changed + n;

    EXECUTE format($q$
        INSERT INTO %I.group_member AS g (group_code, unit, year)
        SELECT DISTINCT group_code, unit, year FROM unnest($1, $2, $3) d(group_code, unit, year)
        ORDER BY group_code, unit, year
        ON CONFLICT (group_code, unit, year) DO UPDATE SET year = EXCLUDED.year WHERE false$q$, model)
        USING s.member_group, s.member_unit, s.member_year;
    GET DIAGNOSTICS n = ROW_COUNT; changed := changed + n;

    EXECUTE format($q$
        INSERT INTO %I.unit_population AS p (unit, year, population)
        SELECT DISTINCT ON (unit, year) unit, year, population
        FROM unnest($1, $2, $3) WITH ORDINALITY d(unit, year, population, ord)
        ORDER BY unit, year, ord DESC
        ON CONFLICT (unit, year) DO UPDATE SET population = EXCLUDED.population
        WHERE p.population <> EXCLUDED.population$q$, model)
        USING s.population_unit, s.population_year, s.population_value;
    GET DIAGNOSTICS n = ROW_COUNT; changed := changed + n;

    EXECUTE format($q$
        INSERT INTO %I.measurement AS m (unit, indicator, year, gender, value, status)
        SELECT DISTINCT ON (unit, indicator, year, gender) unit, indicator, year, gender, value, status
        FROM unnest($1, $2, $3, $4, $5, $6) WITH ORDINALITY d(unit, indicator, year, gender, value, status, ord)
        ORDER BY unit, indicator, year, gender, ord DESC
        ON CONFLICT (unit, indicator, year, gender) DO UPDATE SET value = EXCLUDED.value, status = EXCLUDED.status
        WHERE (m.value, m.status) IS DISTINCT FROM (EXCLUDED.value, EXCLUDED.status)$q$, model)
        USING s.m_unit, s.m_indicator, s.m_year, s.m_gender, s.m_value, s.m_status;
    GET DIAGNOSTICS n = ROW_COUNT; changed := changed + n;

    EXECUTE format($q$
        INSERT INTO %I.account AS a (unit, year, class, function, type, amount)
        SELECT DISTINCT ON (unit, year, class, function, type) unit, year, class, function, type, amount
        FROM unnest($1, $2, $3, $4, $5, $6) WITH ORDINALITY d(unit, year, class, function, type, amount, ord)
        ORDER BY unit, year, class, function, type, ord DESC
        ON CONFLICT (unit, year, class, function, type) DO UPDATE SET amount = EXCLUDED.amount
        WHERE a.amount IS DISTINCT FROM EXCLUDED.amount$q$, model)
        USING s.account_unit, s.account_year, s.account_class, s.account_function, s.account_type, s.account_amount;
    GET DIAGNOSTICS n = ROW_COUNT; changed := changed + n;

    EXECUTE format($q$
        INSERT INTO %I.account_hierarchy AS h (year, dimension, parent, child, sign)
        SELECT DISTINCT ON (year, dimension, parent, child) year, dimension, parent, child, sign
        FROM unnest($1, $2, $3, $4, $5) WITH ORDINALITY d(year, dimension, parent, child, sign, ord)
        ORDER BY year, dimension, parent, child, ord DESC
        ON CONFLICT (year, dimension, parent, child) DO UPDATE SET sign = EXCLUDED.sign
        WHERE h.sign <> EXCLUDED.sign$q$, model)
        USING s.hierarchy_year, s.hierarchy_dimension, s.hierarchy_parent, s.hierarchy_child, s.hierarchy_sign;
    GET DIAGNOSTICS n = ROW_COUNT; changed := changed + n;
    RETURN changed;
END $fn$;
COMMENT ON FUNCTION @extschema@.apply_staged(text, @extschema@.staged_rows) IS
    'writes staged rows into a model, table by table in key order (units, indicators, groups, members, populations, measurements, accounts, hierarchies), adding what is missing and changing what differs; returns the rows added or changed. Every loader ends here';

------------------------------------------------------------------------------
-- The loaders: parse a document into styring.staged_rows, then apply it.
------------------------------------------------------------------------------

-- SSB's PxWebApi json-stat2: the dimensions with the roles geo (region), time
-- (year) and metric (contents code) become unit, year and indicator; a
-- dimension Kjonn (SSB's gender: 0 both, 1 men, 2 women) becomes the gender;
-- every other dimension must have one category. "value" and "status" may be
-- arrays in row-major order or objects keyed by the flat index. Every step is
-- linear in the document (a dimension's categories are read once).
CREATE FUNCTION @extschema@.load_jsonstat2(model text, doc jsonb, source text DEFAULT 'ssb') RETURNS bigint
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    ids text[];
    sizes bigint[];
    strides bigint[];
    ncells numeric := 1;
    geo text := doc #>> '{role,geo,0}';
    tim text := doc #>> '{role,time,0}';
    metric text := doc #>> '{role,metric,0}';
    gender_dim text;
    dim jsonb;
    gs bigint; gn bigint; ms bigint; mn bigint; ts bigint; tn bigint; ks bigint := 1; kn bigint := 1;
    bad record;
    badtext text;
    pos bigint;
    st @extschema@.staged_rows;
BEGIN
    PERFORM @extschema@.model_check(model);
    IF doc IS NULL THEN
        RAISE EXCEPTION 'no json-stat2 document (NULL)' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    IF jsonb_typeof(doc) IS DISTINCT FROM 'object' OR doc ->> 'class' IS DISTINCT FROM 'dataset' THEN
        RAISE EXCEPTION 'not a json-stat2 dataset: "class" is %', coalesce(@extschema@.doc_excerpt(doc ->> 'class'), 'missing')
            USING ERRCODE = 'invalid_parameter_value', HINT = 'Ask PxWebApi for format=json-stat2.';
    END IF;
    IF jsonb_typeof(doc -> 'id') IS DISTINCT FROM 'array' OR jsonb_typeof(doc -> 'size') IS DISTINCT FROM 'array'
       OR jsonb_typeof(doc -> 'dimension') IS DISTINCT FROM 'object' THEN
        RAISE EXCEPTION 'json-stat2 dataset without "id", "size" or "dimension"' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT e INTO badtext FROM jsonb_array_elements(doc -> 'id') e WHERE jsonb_typeof(e) <> 'string' LIMIT 1;
    IF badtext IS NOT NULL THEN
        RAISE EXCEPTION 'json-stat2 "id" holds %, not a dimension name', @extschema@.doc_excerpt(badtext) USING ERRCODE = 'invalid_parameter_value';
    END IF;
    ids := ARRAY(SELECT jsonb_array_elements_text(doc -> 'id'));
    SELECT e INTO badtext FROM jsonb_array_elements(doc -> 'size') e
    WHERE jsonb_typeof(e) <> 'number' OR e::text !~ '^[0-9]{1,15}$' LIMIT 1;
    IF badtext IS NOT NULL THEN
        RAISE EXCEPTION 'json-stat2 "size" holds %, not a count', @extschema@.doc_excerpt(badtext) USING ERRCODE = 'invalid_parameter_value';
    END IF;
    sizes := ARRAY(SELECT e::bigint FROM jsonb_array_elements_text(doc -> 'size') e);
    IF cardinality(ids) IS DISTINCT FROM cardinality(sizes) OR cardinality(ids) = 0 THEN
        RAISE EXCEPTION 'json-stat2 "id" names % dimensions, "size" gives %', cardinality(ids), cardinality(sizes)
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT i INTO badtext FROM unnest(ids) i GROUP BY i HAVING count(*) > 1 LIMIT 1;
    IF badtext IS NOT NULL THEN
        RAISE EXCEPTION 'json-stat2 "id" names dimension "%" twice', @extschema@.doc_excerpt(badtext) USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF geo IS NULL OR tim IS NULL OR metric IS NULL THEN
        RAISE EXCEPTION 'json-stat2 dataset without a % role', CASE WHEN geo IS NULL THEN 'geo' WHEN tim IS NULL THEN 'time' ELSE 'metric' END
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = '"role" must name the region (geo), year (time) and contents (metric) dimensions, as SSB''s tables do.';
    END IF;
    SELECT r.role, r.id INTO bad FROM (VALUES ('geo', geo), ('time', tim), ('metric', metric)) r(role, id)
    WHERE r.id <> ALL (ids) LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'json-stat2 role % names dimension "%", which "id" does not list', bad.role, @extschema@.doc_excerpt(bad.id)
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF geo = tim OR geo = metric OR tim = metric THEN
        RAISE EXCEPTION 'json-stat2 roles geo, time and metric must name three dimensions, not "%", "%" and "%"',
            @extschema@.doc_excerpt(geo), @extschema@.doc_excerpt(tim), @extschema@.doc_excerpt(metric)
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF 'Kjonn' = ANY (ids) AND 'Kjonn' NOT IN (geo, tim, metric) THEN gender_dim := 'Kjonn'; END IF;

    -- every dimension once, its categories in index order (checked: as many
    -- as "size" says, none twice)
    FOR bad IN
        SELECT d.k, d.id, x.dim -> 'category' AS cat
        FROM unnest(ids) WITH ORDINALITY d(id, k)
        LEFT JOIN jsonb_each(doc -> 'dimension') x(id, dim) ON x.id = d.id
        ORDER BY d.k
    LOOP
        dim := to_jsonb(@extschema@.jsonstat2_categories(bad.id, bad.cat, sizes[bad.k]));
        IF bad.id NOT IN (geo, tim, metric, coalesce(gender_dim, '')) AND sizes[bad.k] <> 1 THEN
            RAISE EXCEPTION 'json-stat2 dimension "%" has % categories; only region, year, contents and gender may vary', @extschema@.doc_excerpt(bad.id), sizes[bad.k]
                USING ERRCODE = 'invalid_parameter_value', HINT = 'Ask the API for one category of it at a time.';
        END IF;
        IF bad.id = geo THEN
            st.unit_code := ARRAY(SELECT jsonb_array_elements_text(dim));
            st.unit_name := ARRAY(SELECT coalesce(bad.cat -> 'label' ->> c, c) FROM unnest(st.unit_code) c);
        ELSIF bad.id = metric THEN
            st.indicator_code := ARRAY(SELECT jsonb_array_elements_text(dim));
            st.indicator_name := ARRAY(SELECT coalesce(bad.cat -> 'label' ->> c, c) FROM unnest(st.indicator_code) c);
            st.indicator_measure := ARRAY(SELECT bad.cat -> 'unit' -> c ->> 'base' FROM unnest(st.indicator_code) c);
            st.indicator_source := array_fill(source, ARRAY[cardinality(st.indicator_code)]);
        ELSIF bad.id = tim THEN
            SELECT c INTO badtext FROM jsonb_array_elements_text(dim) c WHERE c !~ '^[0-9]{4}$' LIMIT 1;
            IF badtext IS NOT NULL THEN
                RAISE EXCEPTION 'json-stat2 time category "%" is not a year', @extschema@.doc_excerpt(badtext) USING ERRCODE = 'invalid_parameter_value';
            END IF;
            st.m_year := ARRAY(SELECT c::int FROM jsonb_array_elements_text(dim) c);
        ELSIF bad.id = gender_dim THEN
            SELECT c INTO badtext FROM jsonb_array_elements_text(dim) c WHERE c NOT IN ('0', '1', '2') LIMIT 1;
            IF badtext IS NOT NULL THEN
                RAISE EXCEPTION 'json-stat2 gender category "%" is not 0, 1 or 2', @extschema@.doc_excerpt(badtext) USING ERRCODE = 'invalid_parameter_value';
            END IF;
            st.m_gender := ARRAY(SELECT (ARRAY['T', 'M', 'K'])[c::int + 1] FROM jsonb_array_elements_text(dim) c);
        END IF;
    END LOOP;
    strides := array_fill(1::bigint, ARRAY[cardinality(ids)]);
    FOR k IN REVERSE cardinality(ids)..1 LOOP
        IF k < cardinality(ids) THEN strides[k] := strides[k + 1] * sizes[k + 1]; END IF;
        ncells := ncells * sizes[k];
        IF ncells > 1e15 THEN
            RAISE EXCEPTION 'json-stat2 "size" makes more than 10^15 cells' USING ERRCODE = 'program_limit_exceeded';
        END IF;
    END LOOP;

    -- the cells: value and status as arrays or as objects keyed by the flat
    -- index, written the one way JSON writes a number ("1", never "01")
    IF jsonb_typeof(doc -> 'value') = 'array' THEN
        IF jsonb_array_length(doc -> 'value') <> ncells THEN
            RAISE EXCEPTION 'json-stat2 "value" holds % cells, the dimensions make %', jsonb_array_length(doc -> 'value'), ncells
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
        SELECT ord - 1, v::text INTO pos, badtext FROM jsonb_array_elements(doc -> 'value') WITH ORDINALITY e(v, ord)
        WHERE jsonb_typeof(v) NOT IN ('number', 'null') LIMIT 1;
    ELSIF jsonb_typeof(doc -> 'value') = 'object' THEN
        SELECT key INTO badtext FROM jsonb_each(doc -> 'value') WHERE key !~ '^(0|[1-9][0-9]{0,17})$' OR key::numeric >= ncells LIMIT 1;
        IF badtext IS NOT NULL THEN
            RAISE EXCEPTION 'json-stat2 "value" has a cell "%" outside the % the dimensions make', @extschema@.doc_excerpt(badtext), ncells
                USING ERRCODE = 'invalid_parameter_value', HINT = 'Cells are numbered 0, 1, 2, ... without leading zeros.';
        END IF;
        SELECT key::bigint, value::text INTO pos, badtext FROM jsonb_each(doc -> 'value') WHERE jsonb_typeof(value) NOT IN ('number', 'null') LIMIT 1;
    ELSE
        RAISE EXCEPTION 'json-stat2 dataset without a "value" array or object' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF badtext IS NOT NULL THEN
        RAISE EXCEPTION 'json-stat2 value % in cell % is not a number', @extschema@.doc_excerpt(badtext), pos USING ERRCODE = 'invalid_text_representation';
    END IF;
    IF jsonb_typeof(doc -> 'status') NOT IN ('array', 'object', 'string', 'null') THEN
        RAISE EXCEPTION 'json-stat2 "status" is a %, not an array, object or string', jsonb_typeof(doc -> 'status')
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF jsonb_typeof(doc -> 'status') = 'object' THEN
        SELECT key INTO badtext FROM jsonb_each(doc -> 'status') WHERE key !~ '^(0|[1-9][0-9]{0,17})$' OR key::numeric >= ncells LIMIT 1;
        IF badtext IS NOT NULL THEN
            RAISE EXCEPTION 'json-stat2 "status" has a cell "%" outside the % the dimensions make', @extschema@.doc_excerpt(badtext), ncells
                USING ERRCODE = 'invalid_parameter_value', HINT = 'Cells are numbered 0, 1, 2, ... without leading zeros.';
        END IF;
    END IF;

    -- the measurements: cell i lies at (i / stride) % size along each dimension
    gs := strides[array_position(ids, geo)]; gn := sizes[array_position(ids, geo)];
    ms := strides[array_position(ids, metric)]; mn := sizes[array_position(ids, metric)];
    ts := strides[array_position(ids, tim)]; tn := sizes[array_position(ids, tim)];
    IF gender_dim IS NOT NULL THEN
        ks := strides[array_position(ids, gender_dim)]; kn := sizes[array_position(ids, gender_dim)];
    END IF;
    WITH cell AS (
        SELECT ord - 1 AS i, v FROM jsonb_array_elements(CASE jsonb_typeof(doc -> 'value') WHEN 'array' THEN doc -> 'value' ELSE '[]' END) WITH ORDINALITY a(v, ord)
        UNION ALL
        SELECT key::bigint, value FROM jsonb_each(CASE jsonb_typeof(doc -> 'value') WHEN 'object' THEN doc -> 'value' ELSE '{}' END)
    ), marker AS (
        SELECT ord - 1 AS i, s FROM jsonb_array_elements_text(CASE jsonb_typeof(doc -> 'status') WHEN 'array' THEN doc -> 'status' ELSE '[]' END) WITH ORDINALITY a(s, ord)
        WHERE s <> '' AND ord <= ncells
        UNION ALL
        SELECT key::bigint, value FROM jsonb_each_text(CASE jsonb_typeof(doc -> 'status') WHEN 'object' THEN doc -> 'status' ELSE '{}' END)
        WHERE value <> ''
    ), d AS (
        SELECT st.unit_code[(i / gs) % gn + 1] AS unit, st.indicator_code[(i / ms) % mn + 1] AS indicator,
               st.m_year[(i / ts) % tn + 1] AS year, coalesce(st.m_gender[(i / ks) % kn + 1], 'T') AS gender,
               CASE WHEN jsonb_typeof(v) = 'number' THEN v::float8 END AS value,
               coalesce(s, CASE WHEN jsonb_typeof(doc -> 'status') = 'string' THEN nullif(doc #>> '{status}', '') END) AS status
        FROM cell FULL JOIN marker USING (i)
        WHERE jsonb_typeof(v) = 'number' OR s IS NOT NULL OR (jsonb_typeof(doc -> 'status') = 'string' AND doc #>> '{status}' <> ''))
    SELECT coalesce(array_agg(unit), '{}'), coalesce(array_agg(indicator), '{}'), coalesce(array_agg(year), '{}'),
           coalesce(array_agg(gender), '{}'), coalesce(array_agg(value), '{}'), coalesce(array_agg(status), '{}')
    INTO st.m_unit, st.m_indicator, st.m_year, st.m_gender, st.m_value, st.m_status
    FROM d;
    RETURN @extschema@.apply_staged(model, st);
END $fn$;
COMMENT ON FUNCTION @extschema@.load_jsonstat2(text, jsonb, text) IS
    'loads an SSB PxWebApi json-stat2 dataset (region x contents x year [x Kjonn]) into a model''s units, indicators and measurements; returns the rows it added or changed (0 when loaded before)';

-- A json-stat2 dimension's category codes in index order, checked: "index" as
-- an array or as an object of positions 0..n-1, or (one category only) the
-- "label" object; as many as "size" says; none twice.
CREATE FUNCTION @extschema@.jsonstat2_categories(id text, category jsonb, size bigint) RETURNS text[]
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    codes text[];
    bad text;
BEGIN
    IF jsonb_typeof(category -> 'index') = 'array' THEN
        SELECT c::text INTO bad FROM jsonb_array_elements(category -> 'index') c WHERE jsonb_typeof(c) <> 'string' LIMIT 1;
        IF bad IS NOT NULL THEN
            RAISE EXCEPTION 'json-stat2 dimension "%" has category %, not a string', @extschema@.doc_excerpt(id), @extschema@.doc_excerpt(bad)
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
        codes := ARRAY(SELECT jsonb_array_elements_text(category -> 'index'));
    ELSIF jsonb_typeof(category -> 'index') = 'object' THEN
        SELECT value::text INTO bad FROM jsonb_each(category -> 'index')
        WHERE jsonb_typeof(value) <> 'number' OR value::text !~ '^[0-9]{1,15}$' LIMIT 1;
        IF bad IS NULL THEN
            SELECT value::text INTO bad FROM jsonb_each(category -> 'index') GROUP BY value HAVING count(*) > 1 LIMIT 1;
        END IF;
        IF bad IS NOT NULL THEN
            RAISE EXCEPTION 'json-stat2 dimension "%" has index %, not one position per category', @extschema@.doc_excerpt(id), @extschema@.doc_excerpt(bad)
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
        codes := ARRAY(SELECT key FROM jsonb_each(category -> 'index') ORDER BY value::text::bigint);
    ELSIF jsonb_typeof(category -> 'label') = 'object' THEN
        codes := ARRAY(SELECT jsonb_object_keys(category -> 'label'));
        IF cardinality(codes) > 1 THEN
            RAISE EXCEPTION 'json-stat2 dimension "%" has % categories and no "index" to order them', @extschema@.doc_excerpt(id), cardinality(codes)
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
    ELSE
        RAISE EXCEPTION 'json-stat2 dimension "%" has no categories', @extschema@.doc_excerpt(id) USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF cardinality(codes) IS DISTINCT FROM size THEN
        RAISE EXCEPTION 'json-stat2 dimension "%" has % categories, "size" says %', @extschema@.doc_excerpt(id), cardinality(codes), size
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT c INTO bad FROM unnest(codes) c GROUP BY c HAVING count(*) > 1 LIMIT 1;
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'json-stat2 dimension "%" lists category "%" twice', @extschema@.doc_excerpt(id), @extschema@.doc_excerpt(bad)
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN codes;
END $fn$;
COMMENT ON FUNCTION @extschema@.jsonstat2_categories(text, jsonb, bigint) IS
    'a json-stat2 dimension''s category codes in index order, checked against its size and for duplicates (used by styring.load_jsonstat2)';

-- Kolada's data responses: {"values": [{"kpi", "municipality", "period",
-- "values": [{"gender": "T|K|M", "value", "status"}]}]}; every gender kept.
CREATE FUNCTION @extschema@.load_kolada(model text, doc jsonb) RETURNS bigint
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    bad record;
    st @extschema@.staged_rows;
BEGIN
    PERFORM @extschema@.model_check(model);
    IF jsonb_typeof(doc -> 'values') IS DISTINCT FROM 'array' THEN
        RAISE EXCEPTION 'not a Kolada data response: no "values" array' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    WITH r AS (
        SELECT format('values[%s]%s', o.ord - 1, coalesce(format('.values[%s]', g.ord - 1), '')) AS at,
               CASE WHEN jsonb_typeof(o.e -> 'kpi') = 'string' THEN o.e ->> 'kpi' END AS kpi,
               CASE WHEN jsonb_typeof(o.e -> 'municipality') = 'string' THEN o.e ->> 'municipality' END AS unit,
               o.e ->> 'period' AS year, coalesce(g.e ->> 'gender', 'T') AS gender, g.e -> 'value' AS value,
               nullif(g.e ->> 'status', '') AS status
        FROM jsonb_array_elements(doc -> 'values') WITH ORDINALITY o(e, ord)
        LEFT JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(o.e -> 'values') = 'array' THEN o.e -> 'values' END)
            WITH ORDINALITY g(e, ord) ON true)
    SELECT * INTO bad FROM r
    WHERE kpi IS NULL OR kpi = '' OR unit IS NULL OR unit = '' OR year IS NULL OR year !~ '^[0-9]{4}$'
       OR gender NOT IN ('T', 'K', 'M') OR jsonb_typeof(value) NOT IN ('number', 'null')
       OR (value IS NULL AND status IS NULL AND at !~ '\.values\[')
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'Kolada response: % is not a measurement: %', bad.at,
            CASE WHEN bad.kpi IS NULL OR bad.kpi = '' THEN 'no "kpi"'
                 WHEN bad.unit IS NULL OR bad.unit = '' THEN 'no "municipality"'
                 WHEN bad.year IS NULL OR bad.year !~ '^[0-9]{4}$' THEN format('period %s is not a year', coalesce(@extschema@.doc_excerpt(bad.year), 'missing'))
                 WHEN bad.gender NOT IN ('T', 'K', 'M') THEN format('gender %s is not T, K or M', @extschema@.doc_excerpt(bad.gender))
                 WHEN jsonb_typeof(bad.value) NOT IN ('number', 'null') THEN format('value %s is not a number', @extschema@.doc_excerpt(bad.value::text))
                 ELSE 'no "values" array' END
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    WITH r AS (
        SELECT o.e ->> 'kpi' AS kpi, o.e ->> 'municipality' AS unit, (o.e ->> 'period')::int AS year,
               coalesce(g.e ->> 'gender', 'T') AS gender, g.e -> 'value' AS value, nullif(g.e ->> 'status', '') AS status
        FROM jsonb_array_elements(doc -> 'values') o(e)
        CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(o.e -> 'values') = 'array' THEN o.e -> 'values' ELSE '[]' END) g(e)
        WHERE jsonb_typeof(g.e -> 'value') = 'number' OR nullif(g.e ->> 'status', '') IS NOT NULL)
    SELECT coalesce(array_agg(unit), '{}'), coalesce(array_agg(kpi), '{}'), coalesce(array_agg(year), '{}'), coalesce(array_agg(gender), '{}'),
           coalesce(array_agg(CASE WHEN jsonb_typeof(value) = 'number' THEN value::float8 END), '{}'), coalesce(array_agg(status), '{}')
    INTO st.m_unit, st.m_indicator, st.m_year, st.m_gender, st.m_value, st.m_status
    FROM r;
    SELECT coalesce(array_agg(DISTINCT o.e ->> 'municipality'), '{}') INTO st.unit_code FROM jsonb_array_elements(doc -> 'values') o(e);
    SELECT coalesce(array_agg(DISTINCT o.e ->> 'kpi'), '{}') INTO st.indicator_code FROM jsonb_array_elements(doc -> 'values') o(e);
    st.indicator_source := array_fill('kolada'::text, ARRAY[cardinality(st.indicator_code)]);
    RETURN @extschema@.apply_staged(model, st);
END $fn$;
COMMENT ON FUNCTION @extschema@.load_kolada(text, jsonb) IS
    'loads a Kolada API data response (every KPI, municipality, period and gender T, K, M) into a model; returns the rows it added or changed';

-- SSB's Klass code lists: {"codes": [{"code", "name", "parentCode", "notes"}]}.
-- A code listed twice keeps its later entry.
CREATE FUNCTION @extschema@.load_klass(model text, doc jsonb, kind text DEFAULT NULL) RETURNS bigint
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    bad record;
    st @extschema@.staged_rows;
BEGIN
    PERFORM @extschema@.model_check(model);
    IF jsonb_typeof(doc -> 'codes') IS DISTINCT FROM 'array' THEN
        RAISE EXCEPTION 'not a Klass code list: no "codes" array' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT ord - 1 AS at INTO bad FROM jsonb_array_elements(doc -> 'codes') WITH ORDINALITY c(e, ord)
    WHERE jsonb_typeof(e -> 'code') IS DISTINCT FROM 'string' OR e ->> 'code' = ''
       OR jsonb_typeof(e -> 'name') IS DISTINCT FROM 'string' LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'Klass code list: codes[%] has no "code" and "name"', bad.at USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT array_agg(e ->> 'code' ORDER BY ord), array_agg(e ->> 'name' ORDER BY ord),
           array_agg(coalesce(kind, @extschema@.unit_kind(e ->> 'code')) ORDER BY ord),
           array_agg(nullif(e ->> 'notes', '') ORDER BY ord), array_agg(e ->> 'parentCode' ORDER BY ord)
    INTO st.unit_code, st.unit_name, st.unit_kind, st.unit_notes, st.unit_parent
    FROM jsonb_array_elements(doc -> 'codes') WITH ORDINALITY c(e, ord);
    st.units_authoritative := true;
    RETURN @extschema@.apply_staged(model, st);
END $fn$;
COMMENT ON FUNCTION @extschema@.load_klass(text, jsonb, text) IS
    'loads an SSB Klass code list (e.g. classification 131, municipalities) into a model''s units: names, notes and parents (a code listed twice keeps its later entry); kind NULL guesses it from the code';

-- The KOSTRA CSV files SSB's own KOSTRA tools work with, recognised by their
-- header: key-figure base data per municipality ("region" and the variables,
-- with population and KOSTRA group; one year, given as year), the same per
-- KOSTRA group ("group"), accounts (periode, region, kontoklasse, funksjon,
-- art, belop) and the hierarchies of functions or types (periode, to, from,
-- sign; which of the two, given as hierarchy). The document is parsed by
-- styring.csv_rows in each statement that reads it (no temporary table); a
-- wide row is read once per cell, never once per cell per column.
CREATE FUNCTION @extschema@.load_kostra_csv(model text, doc text, year integer DEFAULT NULL, hierarchy text DEFAULT NULL)
    RETURNS bigint
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    header text[];
    bad record;
    number_re constant text := '^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$';
    st @extschema@.staged_rows;
    y constant integer := year;
BEGIN
    PERFORM @extschema@.model_check(model);
    IF doc IS NULL THEN
        RAISE EXCEPTION 'no KOSTRA CSV document (NULL)' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    SELECT f INTO header FROM @extschema@.csv_rows(doc) f LIMIT 1;
    IF header IS NULL THEN
        RAISE EXCEPTION 'empty KOSTRA CSV document' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT line, cardinality(f) AS fields INTO bad FROM @extschema@.csv_rows(doc) WITH ORDINALITY c(f, line)
    WHERE cardinality(f) <> cardinality(header) AND NOT (cardinality(f) = 1 AND f[1] = '') LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'KOSTRA CSV line % has % fields, the header %', bad.line, bad.fields, cardinality(header)
            USING ERRCODE = 'invalid_parameter_value';
    END IF;

    IF header[1] IN ('region', 'group') AND 'Folkemengde.i.alt' = ANY (header) THEN
        -- base data, wide: one row per municipality (or KOSTRA group), one column per variable
        IF y IS NULL THEN
            RAISE EXCEPTION 'a KOSTRA base-data file has no year column' USING ERRCODE = 'null_value_not_allowed',
                HINT = 'Pass the year the figures are for: load_kostra_csv(model, doc, year => 2015).';
        END IF;
        WITH rows AS (
            SELECT line, f, split_part(f[1], ' ', 1) AS code, nullif(substr(f[1], length(split_part(f[1], ' ', 1)) + 2), '') AS name
            FROM @extschema@.csv_rows(doc) WITH ORDINALITY c(f, line)
            WHERE line > 1 AND NOT (cardinality(f) = 1 AND f[1] = '')),
        cell AS (
            SELECT r.line, r.code, h.col, h.cell
            FROM rows r, unnest(header, r.f) WITH ORDINALITY h(col, cell, i)
            WHERE h.i > 1 AND h.col NOT IN ('X', 'X.1') AND h.cell NOT IN ('', 'NA'))
        SELECT line, code, col, cell INTO bad FROM cell WHERE cell !~ number_re OR code = '' LIMIT 1;
        IF FOUND THEN
            RAISE EXCEPTION 'KOSTRA CSV line %: % in column "%" is not a number', bad.line,
                quote_literal(@extschema@.doc_excerpt(bad.cell)), @extschema@.doc_excerpt(bad.col)
                USING ERRCODE = 'invalid_text_representation';
        END IF;
        -- units: a group file's rows are regions (KOSTRA groups, county aggregates)
        SELECT array_agg(code ORDER BY line), array_agg(coalesce(name, code) ORDER BY line),
               array_agg(CASE WHEN header[1] = 'group' THEN 'region' ELSE @extschema@.unit_kind(code) END ORDER BY line)
        INTO st.unit_code, st.unit_name, st.unit_kind
        FROM (SELECT line, split_part(f[1], ' ', 1) AS code, nullif(substr(f[1], length(split_part(f[1], ' ', 1)) + 2), '') AS name
              FROM @extschema@.csv_rows(doc) WITH ORDINALITY c(f, line)
              WHERE line > 1 AND NOT (cardinality(f) = 1 AND f[1] = '')) r;
        WITH cell AS (
            SELECT c.line, split_part(c.f[1], ' ', 1) AS code, h.col, h.cell
            FROM @extschema@.csv_rows(doc) WITH ORDINALITY c(f, line), unnest(header, c.f) WITH ORDINALITY h(col, cell, i)
            WHERE c.line > 1 AND h.i > 1 AND h.col NOT IN ('X', 'X.1') AND h.cell NOT IN ('', 'NA'))
        SELECT coalesce(array_agg(code ORDER BY line) FILTER (WHERE col NOT IN ('Ny.kostragruppe', 'Gammel.kostragruppe')), '{}'),
               coalesce(array_agg(col ORDER BY line) FILTER (WHERE col NOT IN ('Ny.kostragruppe', 'Gammel.kostragruppe')), '{}'),
               coalesce(array_agg(cell::float8 ORDER BY line) FILTER (WHERE col NOT IN ('Ny.kostragruppe', 'Gammel.kostragruppe')), '{}'),
               coalesce(array_agg(code ORDER BY line) FILTER (WHERE col = 'Folkemengde.i.alt'), '{}'),
               coalesce(array_agg(cell::numeric::bigint ORDER BY line) FILTER (WHERE col = 'Folkemengde.i.alt'), '{}'),
               -- KOSTRA groups: EKGnn as SSB names them; the old grouping as EKGnn-gammel
               coalesce(array_agg(format('EKG%s%s', lpad(cell::numeric::int::text, 2, '0'), CASE col WHEN 'Gammel.kostragruppe' THEN '-gammel' ELSE '' END) ORDER BY line)
                   FILTER (WHERE col IN ('Ny.kostragruppe', 'Gammel.kostragruppe')), '{}'),
               coalesce(array_agg(format('KOSTRA-gruppe %s%s', cell::numeric::int, CASE col WHEN 'Gammel.kostragruppe' THEN ' (gammel inndeling)' ELSE '' END) ORDER BY line)
                   FILTER (WHERE col IN ('Ny.kostragruppe', 'Gammel.kostragruppe')), '{}'),
               coalesce(array_agg(code ORDER BY line) FILTER (WHERE col IN ('Ny.kostragruppe', 'Gammel.kostragruppe')), '{}')
        INTO st.m_unit, st.m_indicator, st.m_value, st.population_unit, st.population_value, st.group_code, st.group_name, st.member_unit
        FROM cell;
        -- the variables that have a value somewhere, in the header's order
        SELECT coalesce(array_agg(col ORDER BY i), '{}'), coalesce(array_agg(replace(col, '.', ' ') ORDER BY i), '{}'),
               coalesce(array_agg(CASE WHEN col LIKE 'Areal%' THEN 'm2' WHEN col = 'Folkemengde.i.alt' THEN 'persons' ELSE '1000 NOK' END ORDER BY i), '{}'),
               coalesce(array_agg('ssb'::text ORDER BY i), '{}')
        INTO st.indicator_code, st.indicator_name, st.indicator_measure, st.indicator_source
        FROM unnest(header) WITH ORDINALITY h(col, i)
        WHERE col IN (SELECT DISTINCT unnest(st.m_indicator));
        st.m_year := array_fill(y, ARRAY[cardinality(st.m_unit)]);
        st.m_gender := array_fill('T'::text, ARRAY[cardinality(st.m_unit)]);
        st.m_status := array_fill(NULL::text, ARRAY[cardinality(st.m_unit)]);
        st.population_year := array_fill(y, ARRAY[cardinality(st.population_unit)]);
        st.group_kind := array_fill('kostra_group'::text, ARRAY[cardinality(st.group_code)]);
        st.member_group := st.group_code;
        st.member_year := array_fill(y, ARRAY[cardinality(st.member_unit)]);
    ELSIF header = ARRAY['periode', 'region', 'kontoklasse', 'funksjon', 'art', 'belop'] THEN
        SELECT line, f INTO bad FROM @extschema@.csv_rows(doc) WITH ORDINALITY c(f, line)
        WHERE line > 1 AND NOT (cardinality(f) = 1 AND f[1] = '')
          AND (f[1] !~ '^[0-9]{4}$' OR f[2] = '' OR f[3] NOT IN ('D', 'I') OR f[6] !~ number_re) LIMIT 1;
        IF FOUND THEN
            RAISE EXCEPTION 'KOSTRA accounts CSV line %: % is not periode (a year), region, kontoklasse (D or I), funksjon, art, belop (a number)',
                bad.line, @extschema@.doc_excerpt(array_to_string(bad.f, ',')) USING ERRCODE = 'invalid_text_representation';
        END IF;
        SELECT array_agg(f[2] ORDER BY line), array_agg(f[1]::int ORDER BY line), array_agg(f[3] ORDER BY line),
               array_agg(f[4] ORDER BY line), array_agg(f[5] ORDER BY line), array_agg(f[6]::numeric ORDER BY line)
        INTO st.account_unit, st.account_year, st.account_class, st.account_function, st.account_type, st.account_amount
        FROM @extschema@.csv_rows(doc) WITH ORDINALITY c(f, line)
        WHERE line > 1 AND NOT (cardinality(f) = 1 AND f[1] = '');
        st.unit_code := st.account_unit;
    ELSIF header = ARRAY['periode', 'to', 'from', 'sign'] THEN
        IF hierarchy IS NULL OR hierarchy NOT IN ('function', 'type') THEN
            RAISE EXCEPTION 'a KOSTRA hierarchy file does not say what it sums up%',
                CASE WHEN hierarchy IS NULL THEN '' ELSE format(' ("%s" is neither)', @extschema@.doc_excerpt(hierarchy)) END
                USING ERRCODE = 'invalid_parameter_value',
                      HINT = 'Pass hierarchy => ''function'' (funksjonshierarki) or ''type'' (artshierarki).';
        END IF;
        SELECT line, f INTO bad FROM @extschema@.csv_rows(doc) WITH ORDINALITY c(f, line)
        WHERE line > 1 AND NOT (cardinality(f) = 1 AND f[1] = '')
          AND (f[1] !~ '^[0-9]{4}$' OR f[2] = '' OR f[3] = '' OR f[4] NOT IN ('+', '-')) LIMIT 1;
        IF FOUND THEN
            RAISE EXCEPTION 'KOSTRA hierarchy CSV line %: % is not periode (a year), to, from, sign (+ or -)',
                bad.line, @extschema@.doc_excerpt(array_to_string(bad.f, ',')) USING ERRCODE = 'invalid_text_representation';
        END IF;
        SELECT array_agg(f[1]::int ORDER BY line), array_agg(hierarchy ORDER BY line), array_agg(f[2] ORDER BY line),
               array_agg(f[3] ORDER BY line), array_agg(CASE f[4] WHEN '+' THEN 1 ELSE -1 END::smallint ORDER BY line)
        INTO st.hierarchy_year, st.hierarchy_dimension, st.hierarchy_parent, st.hierarchy_child, st.hierarchy_sign
        FROM @extschema@.csv_rows(doc) WITH ORDINALITY c(f, line)
        WHERE line > 1 AND NOT (cardinality(f) = 1 AND f[1] = '');
    ELSE
        RAISE EXCEPTION 'not a KOSTRA CSV file this loader knows: the header is %', @extschema@.doc_excerpt(array_to_string(header[1:6], ','))
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'It reads base data ("region" or "group", the variables, Folkemengde.i.alt), accounts (periode,region,kontoklasse,funksjon,art,belop) and hierarchies (periode,to,from,sign).';
    END IF;
    RETURN @extschema@.apply_staged(model, st);
END $fn$;
COMMENT ON FUNCTION @extschema@.load_kostra_csv(text, text, integer, text) IS
    'loads a KOSTRA CSV file (base data per municipality or KOSTRA group, accounts by function and type, or a function or type hierarchy) into a model; returns the rows it added or changed';
