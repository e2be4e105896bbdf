------------------------------------------------------------------------------
-- styring.apply_staged: the one writer of the loader pipeline (its rules are
-- at the top of 74_pipeline.sql, beside the staging type). Apart from the
-- type so that an update can make it again. Measurements and accounts are
-- ordered by their keys in byte order (COLLATE "C"): the same order in every
-- load, so the same lock order, without comparing millions of codes by the
-- database's collation rules.
------------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION @extschema@.apply_staged(model text, s @extschema@.staged_rows) RETURNS bigint
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    changed bigint := 0;
    n bigint;
    bad text;
    seqscan constant text := current_setting('enable_seqscan');
    w record;
    first_load boolean;
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

    -- Measurements and accounts reference their units and indicators, which
    -- PostgreSQL checks by a query per row on the small table referenced; a
    -- planner that knows the table is small reads it whole for every row
    -- (three times slower over a million rows), so these writes and the
    -- tests before them are planned on keys (the measurements' triggers plan
    -- their own queries as usual: profiles_rewrite).
    --
    -- Rows the model holds nothing of yet (a first load: a country's
    -- measurements or accounts are millions of rows) go in as they come,
    -- without the sort and the conflict checks. No other load writes them
    -- meanwhile: every load holds the model's group profiles from the
    -- members' step above until it ends, and the rows of the units it names
    -- from the units' step. A key named twice, or written by someone else
    -- meanwhile, ends the attempt with 23505, undone, and the rows go the
    -- ordered way, the later entry winning.
    PERFORM set_config('enable_seqscan', 'off', true);
    FOR w IN SELECT * FROM (VALUES
        -- measurements of indicator-years the model has none of
        ($q$SELECT cardinality(($1).m_unit) > 0 AND NOT EXISTS (
                SELECT FROM (SELECT DISTINCT indicator, year FROM unnest(($1).m_indicator, ($1).m_year) d(indicator, year)) d
                WHERE EXISTS (SELECT FROM %1$I.measurement m WHERE m.indicator = d.indicator AND m.year = d.year))$q$,
         $q$INSERT INTO %1$I.measurement (unit, indicator, year, gender, value, status)
            SELECT * FROM unnest(($1).m_unit, ($1).m_indicator, ($1).m_year, ($1).m_gender, ($1).m_value, ($1).m_status)$q$,
         $q$INSERT INTO %1$I.measurement AS m (unit, indicator, year, gender, value, status)
            SELECT DISTINCT ON (unit COLLATE "C", indicator COLLATE "C", year, gender COLLATE "C") unit, indicator, year, gender, value, status
            FROM unnest(($1).m_unit, ($1).m_indicator, ($1).m_year, ($1).m_gender, ($1).m_value, ($1).m_status)
                 WITH ORDINALITY d(unit, indicator, year, gender, value, status, ord)
            ORDER BY unit COLLATE "C", indicator COLLATE "C", year, gender COLLATE "C", ord DESC
            ON CONFLICT (unit, indicator, year, gender) DO UPDATE SET value = EXCLUDED.value, status = EXCLUDED.status
            WHERE (m.value, m.status) IS DISTINCT FROM (EXCLUDED.value, EXCLUDED.status)$q$),
        -- accounts of units' years the model has none of, when this load
        -- holds the rows of all their units
        ($q$SELECT cardinality(x.units) > 0 AND x.units <@ ($1).unit_code AND NOT EXISTS (
                SELECT FROM %1$I.account a WHERE a.unit = ANY (x.units) AND a.year = ANY (ARRAY(SELECT DISTINCT unnest(($1).account_year))))
            FROM (SELECT ARRAY(SELECT DISTINCT unnest(($1).account_unit)) AS units) x$q$,
         $q$INSERT INTO %1$I.account (unit, year, class, function, type, amount)
            SELECT * FROM unnest(($1).account_unit, ($1).account_year, ($1).account_class, ($1).account_function,
                                 ($1).account_type, ($1).account_amount)$q$,
         $q$INSERT INTO %1$I.account AS a (unit, year, class, function, type, amount)
            SELECT DISTINCT ON (unit COLLATE "C", year, class COLLATE "C", function COLLATE "C", type COLLATE "C")
                   unit, year, class, function, type, amount
            FROM unnest(($1).account_unit, ($1).account_year, ($1).account_class, ($1).account_function,
                        ($1).account_type, ($1).account_amount) WITH ORDINALITY d(unit, year, class, function, type, amount, ord)
            ORDER BY unit COLLATE "C", year, class COLLATE "C", function COLLATE "C", type COLLATE "C", ord DESC
            ON CONFLICT (unit, year, class, function, type) DO UPDATE SET amount = EXCLUDED.amount
            WHERE a.amount IS DISTINCT FROM EXCLUDED.amount$q$)) v(first_load, as_they_come, ordered)
    LOOP
        EXECUTE format(w.first_load, model) INTO first_load USING s;
        n := NULL;
        IF first_load THEN
            BEGIN
                EXECUTE format(w.as_they_come, model) USING s;
                GET DIAGNOSTICS n = ROW_COUNT;
            EXCEPTION WHEN unique_violation THEN
                n := NULL;
            END;
        END IF;
        IF n IS NULL THEN
            EXECUTE format(w.ordered, model) USING s;
            GET DIAGNOSTICS n = ROW_COUNT;
        END IF;
        changed := changed + n;
    END LOOP;
    PERFORM set_config('enable_seqscan', seqscan, true);

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
