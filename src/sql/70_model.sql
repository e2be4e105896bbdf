------------------------------------------------------------------------------
-- The steering model: a home for a municipality's units, groups, indicators,
-- goals, targets, measurements, accounts and evaluations, in a schema of the
-- user's. This file: whose model (model_check), making one (create_model),
-- bringing an older one up to date (upgrade_model), and the reference
-- triggers of models made by 0.2.0.
--
-- Whose model: every function that writes to a model first asks
-- model_check, which refuses a model that is not there and one that the
-- calling role must not write to. Code in a model (its triggers, rules,
-- defaults, the column types' functions) is chosen by whoever owns its schema
-- and tables, and runs with the rights of the role that writes; styring
-- therefore writes only into a model owned by the writing role itself (or by
-- a superuser, whose code could do anything anyway). A loader that must fill
-- a model of another role's logs in as that role.
------------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION @extschema@.model_check(model text) RETURNS void
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

CREATE OR REPLACE FUNCTION @extschema@.model_tables() RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN ARRAY['unit', 'unit_population', 'comparison_group', 'group_member', 'indicator', 'goal', 'goal_indicator',
                 'measurement', 'group_profile', 'goal_target', 'goal_analysis', 'action', 'checklist_answer', 'goal_scope', 'account', 'account_hierarchy', 'unit_base', 'key_figure', 'ledger', 'ledger_map', 'measurement_period', 'account_period', 'budget_version', 'budget', 'forecast', 'unit_code_change', 'evaluation', 'evaluation_detail', 'evaluation_goal', 'joint_service_member',
                 'index_weight', 'cost_quality_pair'];
COMMENT ON FUNCTION @extschema@.model_tables() IS
    'the tables of a steering model, which styring.model_check requires to belong to the role that writes';

-- An excerpt of a value for an error message: a message names the offending
-- value, not the megabytes of document around it.
CREATE OR REPLACE FUNCTION @extschema@.doc_excerpt(v text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN CASE WHEN length(v) > 60 THEN left(v, 57) || '...' ELSE v END;
COMMENT ON FUNCTION @extschema@.doc_excerpt(text) IS
    'at most 60 characters of a value, for error messages (longer ones end in ...)';

-- A steering model in a schema of the caller's. The model's tables belong to
-- the caller, not to the extension: pg_dump dumps them with their data, and
-- DROP EXTENSION without CASCADE is refused while a model uses styring's types.
-- One statement per EXECUTE, so that an error names the statement it is in.
CREATE OR REPLACE FUNCTION @extschema@.create_model(model text) RETURNS void
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
    PERFORM @extschema@.model_stored_profiles(model);
    PERFORM @extschema@.model_accounts(model);
    PERFORM @extschema@.model_ledger(model);
    PERFORM @extschema@.model_periods(model);
    PERFORM @extschema@.model_budget(model);
    PERFORM @extschema@.model_targets(model);
    PERFORM @extschema@.model_analysis(model);
    PERFORM @extschema@.model_evaluation_goals(model);
    PERFORM @extschema@.model_code_changes(model);
    PERFORM @extschema@.model_views(model);
END $fn$;
COMMENT ON FUNCTION @extschema@.create_model(text) IS
    'creates a steering model (units, groups, indicators, goals, targets, measurements, accounts, evaluations and the views over them) in a new schema of that name, or an empty one of the caller''s, owned by the caller';

-- A model made by 0.2.0 checked measurement's references with statement
-- triggers; upgrade_model gives it the foreign keys (and the index) that a
-- model made now has, and the views of this version. Its data stays.
CREATE OR REPLACE FUNCTION @extschema@.upgrade_model(model text) RETURNS text
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
    IF to_regclass(format('%I.group_profile', model)) IS NULL THEN
        done := done || 'stored group profiles'::text;
    END IF;
    IF to_regclass(format('%I.key_figure', model)) IS NULL THEN
        done := done || 'key figures from the accounts'::text;
    END IF;
    IF to_regclass(format('%I.unit_code_change', model)) IS NULL THEN
        done := done || 'series across code changes'::text;
    END IF;
    PERFORM @extschema@.model_stored_profiles(model);
    PERFORM @extschema@.refresh_profiles(model);
    PERFORM @extschema@.model_accounts(model);
    PERFORM @extschema@.model_ledger(model);
    PERFORM @extschema@.model_periods(model);
    PERFORM @extschema@.model_budget(model);
    PERFORM @extschema@.model_targets(model);
    PERFORM @extschema@.model_analysis(model);
    PERFORM @extschema@.model_evaluation_goals(model);
    PERFORM @extschema@.model_code_changes(model);
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

CREATE OR REPLACE FUNCTION @extschema@.model_measurement_cascade() RETURNS trigger
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    col text := CASE TG_TABLE_NAME WHEN 'unit' THEN 'unit' ELSE 'indicator' END;
    gone text;
BEGIN
    IF TG_OP = 'DELETE' THEN
        EXECUTE format('DELETE FROM %1$I.measurement m USING removed r WHERE m.%2$I = r.code', TG_TABLE_SCHEMA, col);
    ELSE
        EXECUTE format($q$
            SELECT r.code FROM removed r
            WHERE NOT EXISTS (SELECT FROM written w WHERE w.code = r.code)
              AND EXISTS (SELECT FROM %1$I.measurement m WHERE m.%2$I = r.code) LIMIT 1$q$, TG_TABLE_SCHEMA, col) INTO gone;
        IF gone IS NOT NULL THEN
            RAISE EXCEPTION 'the % "%" has measurements; its code cannot change', col, gone
                USING ERRCODE = 'foreign_key_violation';
        END IF;
    END IF;
    RETURN NULL;
END $fn$;
COMMENT ON FUNCTION @extschema@.model_measurement_cascade() IS
    'trigger of the unit and indicator tables of a model made by 0.2.0 (until styring.upgrade_model): deleting one deletes its measurements; a code with measurements cannot change';

-- The steering models of this database, found in the catalog (a schema with a
-- model's measurement table and views), with the version of styring whose
-- tables and checks each has: 0.4.0 when it keeps stored group profiles,
-- 0.3.0 when measurement references unit and indicator by foreign keys,
-- 0.2.0 while statement triggers check them. A
-- model behind the extension is brought up by its owner with
-- styring.upgrade_model. Read from the catalog alone: listing the models runs
-- no code of theirs, and nothing can fall out of step with them (a table of
-- models kept by create_model would need row security to let each role write
-- only its own rows, and row security stops a non-superuser's pg_dump).
CREATE OR REPLACE VIEW @extschema@.models AS
SELECT n.nspname::text AS model, pg_catalog.pg_get_userbyid(n.nspowner)::text AS owner, v.version,
       v.version IS NOT DISTINCT FROM e.extversion AS current
FROM pg_catalog.pg_namespace n
JOIN pg_catalog.pg_class m ON m.relnamespace = n.oid AND m.relname = 'measurement' AND m.relkind = 'r'
CROSS JOIN pg_catalog.pg_extension e
CROSS JOIN LATERAL (
    SELECT CASE WHEN EXISTS (SELECT FROM pg_catalog.pg_constraint c
                             JOIN pg_catalog.pg_class u ON u.oid = c.confrelid AND u.relname = 'unit' AND u.relnamespace = n.oid
                             WHERE c.conrelid = m.oid AND c.contype = 'f')
                 AND EXISTS (SELECT FROM pg_catalog.pg_class i WHERE i.relnamespace = n.oid AND i.relname = 'measurement_indicator_idx')
                THEN CASE WHEN EXISTS (SELECT FROM pg_catalog.pg_trigger t WHERE t.tgrelid = m.oid AND t.tgname = 'styring_profiles_insert')
                           AND EXISTS (SELECT FROM pg_catalog.pg_class k WHERE k.relnamespace = n.oid AND k.relname = 'key_figure_value' AND k.relkind = 'v')
                           AND EXISTS (SELECT FROM pg_catalog.pg_class k WHERE k.relnamespace = n.oid AND k.relname = 'account_current' AND k.relkind = 'v')
                           AND EXISTS (SELECT FROM pg_catalog.pg_class k WHERE k.relnamespace = n.oid AND k.relname = 'ledger_kostra' AND k.relkind = 'v')
                           AND EXISTS (SELECT FROM pg_catalog.pg_class k WHERE k.relnamespace = n.oid AND k.relname = 'budget_variance' AND k.relkind = 'v')
                           AND EXISTS (SELECT FROM pg_catalog.pg_class k WHERE k.relnamespace = n.oid AND k.relname = 'target_attainment' AND k.relkind = 'v')
                           AND EXISTS (SELECT FROM pg_catalog.pg_class k WHERE k.relnamespace = n.oid AND k.relname = 'scorecard' AND k.relkind = 'v')
                           AND EXISTS (SELECT FROM pg_catalog.pg_class k WHERE k.relnamespace = n.oid AND k.relname = 'evaluation_cost_shared' AND k.relkind = 'v')
                           AND EXISTS (SELECT FROM pg_catalog.pg_class k WHERE k.relnamespace = n.oid AND k.relname = 'period_series' AND k.relkind = 'v')
                          THEN '0.4.0' ELSE '0.3.0' END
                WHEN EXISTS (SELECT FROM pg_catalog.pg_trigger t WHERE t.tgrelid = m.oid AND t.tgname = 'measurement_refs_insert')
                THEN '0.2.0' END AS version) v
WHERE e.extname = 'styring'
  AND EXISTS (SELECT FROM pg_catalog.pg_class g WHERE g.relnamespace = n.oid AND g.relname = 'goal_attainment' AND g.relkind = 'v');
COMMENT ON VIEW @extschema@.models IS
    'the steering models of this database (from the catalog): schema, owner, the styring version whose tables and checks it has, and whether that is the installed one (else its owner runs styring.upgrade_model)';
GRANT SELECT ON @extschema@.models TO PUBLIC;
