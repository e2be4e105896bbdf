------------------------------------------------------------------------------
-- Stored group profiles: every comparison group's profile per indicator,
-- year and gender, kept in the model's table group_profile and brought up to
-- date by the statement that changes a member's value or a group's members,
-- so that the ranking view answers one unit or one indicator from indexes
-- instead of profiling every group of the model first.
--
-- Who writes it: triggers of the model (made by model_stored_profiles)
-- whose functions live in the model, belong to its owner and run with the
-- owner's rights (SECURITY DEFINER), so a role that may write measurements
-- keeps the stored state current without rights on group_profile, and no
-- code runs with more rights than the owner's. They find the series
-- (indicator, year, gender) or the groups and years a statement touched and
-- hand them to styring.refresh_profiles.
--
-- Concurrency: a refresh first takes group_profile in SHARE ROW EXCLUSIVE
-- mode (readers are not blocked; a second writer waits for the first to
-- commit), then reads the values in a new snapshot. Under READ COMMITTED that
-- snapshot holds the other writer's rows, so the stored profile is never one
-- that misses a committed value. Under REPEATABLE READ or SERIALIZABLE the
-- snapshot is older: the refresh locks the rows it will rewrite, and a row a
-- concurrent transaction rewrote raises 40001 (serialization failure) instead
-- of being overwritten with a profile that misses its change.
------------------------------------------------------------------------------
-- The profiles of a scope afresh: every group's for the given indicators,
-- years and genders (measurements changed), every indicator's of the given
-- groups and years (members changed), or all of them. A stored profile in the scope whose
-- group has no value left goes; the others are written where they differ.
-- The scope is a few rows for a loaded document and the whole model for a
-- first load. The values are read from the scope outwards, in the order the
-- joins are written (join_collapse_limit = 1): the series' measurements and
-- then their units' groups, or the groups' members and then their
-- measurements. Left to its estimates, the planner would pair every member
-- with every series first and look each measurement up once per group
-- (a load of 100 indicators: a million probes of the key and a sort, 2.7 s,
-- against 0.9 s). The statements are planned with sequential scans allowed, also
-- when a loader's write that fires them has them off to check its
-- references by key (apply_staged).
CREATE OR REPLACE FUNCTION @extschema@.profiles_rewrite(model text, scope text, a1 text[], a2 integer[], a3 text[])
    RETURNS bigint
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
    SET enable_seqscan = on
    SET join_collapse_limit = 1
AS $fn$
DECLARE
    in_scope text := CASE scope
        WHEN 'series' THEN '(%1$s.indicator, %1$s.year, %1$s.gender) IN (SELECT * FROM unnest($1, $2, $3))'
        WHEN 'groups' THEN '(%2$s.group_code, %2$s.year) IN (SELECT * FROM unnest($1, $2))'
        WHEN 'all' THEN 'true' END;
    -- the member values of the scope, scope first
    scope_values text := CASE scope
        WHEN 'series' THEN $j$(SELECT DISTINCT * FROM unnest($1, $2, $3)) s(indicator, year, gender)
            JOIN %1$I.measurement m ON m.indicator = s.indicator AND m.year = s.year AND m.gender = s.gender
            JOIN %1$I.group_member gm ON gm.unit = m.unit AND gm.year = m.year$j$
        WHEN 'groups' THEN $j$(SELECT DISTINCT * FROM unnest($1, $2)) s(group_code, year)
            JOIN %1$I.group_member gm ON gm.group_code = s.group_code AND gm.year = s.year
            JOIN %1$I.measurement m ON m.unit = gm.unit AND m.year = gm.year$j$
        WHEN 'all' THEN $j$%1$I.group_member gm JOIN %1$I.measurement m ON m.unit = gm.unit AND m.year = gm.year$j$ END;
    n bigint;
    saved_work_mem text;
    saved_sort text;
BEGIN
    ASSERT in_scope IS NOT NULL, 'profiles_rewrite: scope is series, groups or all';
    PERFORM @extschema@.model_check(model);
    -- the lock before anything is read (see the head of this file)
    EXECUTE format('LOCK TABLE %I.group_profile IN SHARE ROW EXCLUSIVE MODE', model);
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        EXECUTE format('SELECT FROM %1$I.group_profile p WHERE %2$s ORDER BY p.indicator, p.year, p.gender, p.group_code FOR UPDATE',
                       model, format(in_scope, 'p', 'p'))
            USING a1, a2, a3;
    END IF;
    -- One statement: the fresh profiles (computed once), written where they
    -- differ; the stored ones of the scope without a fresh one deleted. The
    -- count is of the rows written and deleted. The groups are formed by
    -- byte order (COLLATE "C"): a first load sorts millions of member values
    -- by their keys, and the database's collation would compare each pair
    -- of codes by its rules for words.
    -- The aggregate gets 64MB of work_mem at least for this statement: a
    -- first load re-does every group, and a spilled hash table costs more
    -- than the profiles themselves.
    IF pg_catalog.pg_size_bytes(current_setting('work_mem')) < 64 * 1024 * 1024 THEN
        saved_work_mem := current_setting('work_mem');
        PERFORM set_config('work_mem', '64MB', true);
    END IF;
    -- A scope comes as arrays, whose rows the planner cannot see: it takes
    -- the values of 100 indicators (a million) for a hundred and would sort
    -- them to group them (a second of the refresh). They are hashed instead.
    IF scope <> 'all' THEN
        saved_sort := current_setting('enable_sort');
        PERFORM set_config('enable_sort', 'off', true);
    END IF;
    EXECUTE format($q$
        WITH fresh AS (
            SELECT m.indicator COLLATE "C" AS indicator, m.year, m.gender COLLATE "C" AS gender,
                   gm.group_code COLLATE "C" AS group_code, @extschema@.profile(m.value) AS profile
            FROM %2$s
            WHERE m.value IS NOT NULL
            GROUP BY m.indicator COLLATE "C", m.year, m.gender COLLATE "C", gm.group_code COLLATE "C"),
        written AS (
            INSERT INTO %1$I.group_profile AS p (indicator, year, gender, group_code, profile)
            SELECT indicator, year, gender, group_code, profile FROM fresh
            ON CONFLICT (indicator, year, gender, group_code) DO UPDATE SET profile = EXCLUDED.profile
            WHERE p.profile OPERATOR(@extschema@.<>) EXCLUDED.profile
            RETURNING 1),
        gone AS (
            DELETE FROM %1$I.group_profile p
            WHERE %3$s
              AND NOT EXISTS (SELECT FROM fresh f WHERE (f.indicator, f.year, f.gender, f.group_code) = (p.indicator, p.year, p.gender, p.group_code))
            RETURNING 1)
        SELECT (SELECT count(*) FROM written) + (SELECT count(*) FROM gone)$q$,
                   model, format(scope_values, model), format(in_scope, 'p', 'p'))
        INTO n USING a1, a2, a3;
    IF saved_work_mem IS NOT NULL THEN
        PERFORM set_config('work_mem', saved_work_mem, true);
    END IF;
    IF saved_sort IS NOT NULL THEN
        PERFORM set_config('enable_sort', saved_sort, true);
    END IF;
    RETURN n;
END $fn$;
COMMENT ON FUNCTION @extschema@.profiles_rewrite(text, text, text[], integer[], text[]) IS
    'computes the stored profiles of a scope afresh (scope ''series'': indicators, years, genders; ''groups'': groups, years, NULL; ''all'': NULLs), for refresh_profiles; returns the rows written or deleted';

CREATE OR REPLACE FUNCTION @extschema@.refresh_profiles(model text, indicator text[], year integer[], gender text[])
    RETURNS bigint
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    IF cardinality(indicator) IS DISTINCT FROM cardinality(year) OR cardinality(indicator) IS DISTINCT FROM cardinality(gender) THEN
        RAISE EXCEPTION 'refresh_profiles: indicator, year and gender differ in length' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF coalesce(cardinality(indicator), 0) = 0 THEN
        PERFORM @extschema@.model_check(model);
        RETURN 0;
    END IF;
    RETURN @extschema@.profiles_rewrite(model, 'series', indicator, year, gender);
END $fn$;
COMMENT ON FUNCTION @extschema@.refresh_profiles(text, text[], integer[], text[]) IS
    'computes afresh the stored profiles of every group for the given series (indicator, year and gender as parallel arrays), as the model''s trigger does when measurements change; returns the profiles written';

CREATE OR REPLACE FUNCTION @extschema@.refresh_profiles(model text, group_code text[], year integer[])
    RETURNS bigint
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    IF cardinality(group_code) IS DISTINCT FROM cardinality(year) THEN
        RAISE EXCEPTION 'refresh_profiles: group_code and year differ in length' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF coalesce(cardinality(group_code), 0) = 0 THEN
        PERFORM @extschema@.model_check(model);
        RETURN 0;
    END IF;
    RETURN @extschema@.profiles_rewrite(model, 'groups', group_code, year, NULL);
END $fn$;
COMMENT ON FUNCTION @extschema@.refresh_profiles(text, text[], integer[]) IS
    'computes afresh every stored profile of the given groups in the given years (parallel arrays), as the model''s trigger does when members change; returns the profiles written';

CREATE OR REPLACE FUNCTION @extschema@.refresh_profiles(model text) RETURNS bigint
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    -- emptied first, so the count is of every profile (and nothing stale survives)
    PERFORM @extschema@.model_check(model);
    EXECUTE format('LOCK TABLE %I.group_profile IN SHARE ROW EXCLUSIVE MODE', model);
    EXECUTE format('DELETE FROM %I.group_profile', model);
    RETURN @extschema@.profiles_rewrite(model, 'all', NULL, NULL, NULL);
END $fn$;
COMMENT ON FUNCTION @extschema@.refresh_profiles(text) IS
    'computes every stored profile of a model afresh (upgrade_model calls it; the triggers keep them current after that); returns the profiles written';

-- The stored state of a model: the table, the index that finds a unit's
-- groups, and the triggers with their functions. A function per table, in the
-- model, so that it runs with the owner's rights; each finds the groups its
-- statement touched in the statement's transition tables. The table's
-- profiles are stored as they are, uncompressed (EXTERNAL): a large profile
-- goes out of line, where the backend's profile cache knows it by its toast
-- pointer and fetches it once per transaction; a compressed one would be
-- unpacked again at every call.
CREATE OR REPLACE FUNCTION @extschema@.model_stored_profiles(model text) RETURNS void
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    stmt text;
BEGIN
    PERFORM @extschema@.model_check(model);
    IF to_regclass(format('%I.group_profile', model)) IS NULL THEN
        FOREACH stmt IN ARRAY ARRAY[
$ddl$CREATE TABLE %1$I.group_profile (
    group_code text NOT NULL,
    indicator text NOT NULL,
    year integer NOT NULL,
    gender text NOT NULL,
    profile @extschema@.profile NOT NULL,
    PRIMARY KEY (indicator, year, gender, group_code))$ddl$,
$ddl$ALTER TABLE %1$I.group_profile ALTER COLUMN profile SET STORAGE EXTERNAL$ddl$,
$ddl$COMMENT ON TABLE %1$I.group_profile IS 'derived, kept current by the model''s triggers: the profile (styring.profile) of every comparison group per indicator, year and gender, from its members'' measurements; the ranking view reads it. Not to be written by hand (styring.refresh_profiles computes it afresh)'$ddl$]
        LOOP
            EXECUTE format(stmt, model);
        END LOOP;
    END IF;
    -- the ranking view and the refresh find a unit's groups in this index alone
    IF to_regclass(format('%I.group_member_unit_idx', model)) IS NULL THEN
        EXECUTE format('CREATE INDEX group_member_unit_idx ON %I.group_member (unit, year) INCLUDE (group_code)', model);
    END IF;
    -- and one unit's ranking reads the profiles of its few groups by this one
    -- (the key, which the refresh reads by series, starts with the indicator)
    IF to_regclass(format('%I.group_profile_group_idx', model)) IS NULL THEN
        EXECUTE format('CREATE INDEX group_profile_group_idx ON %I.group_profile (group_code, year)', model);
    END IF;
    FOREACH stmt IN ARRAY ARRAY[
-- a measurement written: every group's profile of its series (indicator, year, gender)
$ddl$CREATE OR REPLACE FUNCTION %1$I.styring_profiles_measured() RETURNS trigger
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $body$
DECLARE
    i text[]; y integer[]; s text[]; n bigint;
    written text := CASE TG_OP WHEN 'INSERT' THEN 'SELECT indicator, year, gender FROM new_rows'
                               WHEN 'DELETE' THEN 'SELECT indicator, year, gender FROM old_rows'
                               ELSE 'SELECT indicator, year, gender FROM new_rows UNION ALL SELECT indicator, year, gender FROM old_rows' END;
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        EXECUTE format('TRUNCATE %%I.group_profile', TG_TABLE_SCHEMA);
        RETURN NULL;
    END IF;
    -- the lock first, also when no row changed: every load takes it at the
    -- same step of the pipeline (its members), before it writes a measurement
    EXECUTE format('LOCK TABLE %%I.group_profile IN SHARE ROW EXCLUSIVE MODE', TG_TABLE_SCHEMA);
    EXECUTE format('SELECT array_agg(indicator), array_agg(year), array_agg(gender), sum(n) FROM (SELECT indicator, year, gender, count(*) AS n FROM (%%s) w GROUP BY 1, 2, 3) k', written)
        INTO i, y, s, n;
    -- A statement that more than doubled the table (a first load) leaves the
    -- planner's statistics far behind it, and the refresh would be planned
    -- for an empty table; ANALYZE samples the table as it is now.
    IF n >= 10000 AND n > (SELECT c.reltuples FROM pg_class c WHERE c.oid = TG_RELID) THEN
        EXECUTE format('ANALYZE %%I.measurement', TG_TABLE_SCHEMA);
    END IF;
    PERFORM @extschema@.refresh_profiles(TG_TABLE_SCHEMA, i, y, s);
    RETURN NULL;
END $body$$ddl$,
-- a group's members changed: every profile of that group and year
$ddl$CREATE OR REPLACE FUNCTION %1$I.styring_profiles_regrouped() RETURNS trigger
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $body$
DECLARE
    g text[]; y integer[];
    written text := CASE TG_OP WHEN 'INSERT' THEN 'SELECT group_code, year FROM new_rows'
                               WHEN 'DELETE' THEN 'SELECT group_code, year FROM old_rows'
                               ELSE 'SELECT group_code, year FROM new_rows UNION ALL SELECT group_code, year FROM old_rows' END;
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        EXECUTE format('TRUNCATE %%I.group_profile', TG_TABLE_SCHEMA);
        RETURN NULL;
    END IF;
    EXECUTE format('LOCK TABLE %%I.group_profile IN SHARE ROW EXCLUSIVE MODE', TG_TABLE_SCHEMA);
    EXECUTE format('SELECT array_agg(group_code), array_agg(year) FROM (SELECT DISTINCT * FROM (%%s) w) k', written)
        INTO g, y;
    PERFORM @extschema@.refresh_profiles(TG_TABLE_SCHEMA, g, y);
    RETURN NULL;
END $body$$ddl$,
$ddl$COMMENT ON FUNCTION %1$I.styring_profiles_measured() IS 'styring: keeps group_profile current when measurements change (runs as the model''s owner)'$ddl$,
$ddl$COMMENT ON FUNCTION %1$I.styring_profiles_regrouped() IS 'styring: keeps group_profile current when a group''s members change (runs as the model''s owner)'$ddl$,
$ddl$REVOKE ALL ON FUNCTION %1$I.styring_profiles_measured() FROM PUBLIC$ddl$,
$ddl$REVOKE ALL ON FUNCTION %1$I.styring_profiles_regrouped() FROM PUBLIC$ddl$,
$ddl$CREATE OR REPLACE TRIGGER styring_profiles_insert AFTER INSERT ON %1$I.measurement REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION %1$I.styring_profiles_measured()$ddl$,
$ddl$CREATE OR REPLACE TRIGGER styring_profiles_update AFTER UPDATE ON %1$I.measurement REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION %1$I.styring_profiles_measured()$ddl$,
$ddl$CREATE OR REPLACE TRIGGER styring_profiles_delete AFTER DELETE ON %1$I.measurement REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION %1$I.styring_profiles_measured()$ddl$,
$ddl$CREATE OR REPLACE TRIGGER styring_profiles_truncate AFTER TRUNCATE ON %1$I.measurement
    FOR EACH STATEMENT EXECUTE FUNCTION %1$I.styring_profiles_measured()$ddl$,
$ddl$CREATE OR REPLACE TRIGGER styring_profiles_insert AFTER INSERT ON %1$I.group_member REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION %1$I.styring_profiles_regrouped()$ddl$,
$ddl$CREATE OR REPLACE TRIGGER styring_profiles_update AFTER UPDATE ON %1$I.group_member REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION %1$I.styring_profiles_regrouped()$ddl$,
$ddl$CREATE OR REPLACE TRIGGER styring_profiles_delete AFTER DELETE ON %1$I.group_member REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION %1$I.styring_profiles_regrouped()$ddl$,
$ddl$CREATE OR REPLACE TRIGGER styring_profiles_truncate AFTER TRUNCATE ON %1$I.group_member
    FOR EACH STATEMENT EXECUTE FUNCTION %1$I.styring_profiles_regrouped()$ddl$]
    LOOP
        EXECUTE format(stmt, model);
    END LOOP;
END $fn$;
COMMENT ON FUNCTION @extschema@.model_stored_profiles(text) IS
    'makes (or makes again) a model''s stored group profiles: the table group_profile, the indexes group_member_unit_idx and group_profile_group_idx, and the triggers and trigger functions that keep the profiles current; create_model and upgrade_model call it';
