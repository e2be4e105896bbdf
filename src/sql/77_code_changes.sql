------------------------------------------------------------------------------
-- Series across municipal mergers: a model's map of code changes (Klass's
-- change lists: a municipality renumbered, merged into a new one, or split),
-- and views that restate earlier years on today's codes.
--
-- A code is valid from its latest incoming change (or always, with none)
-- until its first outgoing one. Today's code of a code is where its changes
-- lead and nothing leads on. A value restates exactly when one code was
-- valid that year for today's code and no step on the way was a split;
-- merged units sum, and only an additive indicator (an amount, a count, a
-- population) may be summed, which the view cannot know: it gives the sum
-- beside the value and says which it is.
------------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION @extschema@.model_code_changes(model text) RETURNS void
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
    -- no NOTICE for a table an upgraded model already has
    SET client_min_messages = warning
AS $fn$
DECLARE
    stmt text;
BEGIN
    PERFORM @extschema@.model_check(model);
    FOREACH stmt IN ARRAY ARRAY[
$ddl$CREATE TABLE IF NOT EXISTS %1$I.unit_code_change (
    old_code text NOT NULL CHECK (old_code <> ''),
    new_code text NOT NULL CHECK (new_code <> ''),
    changed date NOT NULL,
    kind text NOT NULL CHECK (kind IN ('renumbered', 'merged', 'split')),
    source text,
    PRIMARY KEY (old_code, new_code),
    CHECK (old_code <> new_code))$ddl$,
$ddl$COMMENT ON TABLE %1$I.unit_code_change IS 'municipality code changes (Klass): old_code became new_code on changed, renumbered, merged with others, or split among several; source says where the row comes from'$ddl$,
$ddl$CREATE OR REPLACE VIEW %1$I.unit_code_current AS
WITH RECURSIVE edge AS (
    SELECT c.old_code, c.new_code,
           c.kind <> 'split' AND count(*) OVER (PARTITION BY c.old_code) = 1 AS exact
    FROM %1$I.unit_code_change c),
walk (code, current_code, exact, steps) AS (
    SELECT old_code, new_code, exact, ARRAY[old_code, new_code] FROM edge
    UNION ALL
    SELECT w.code, e.new_code, w.exact AND e.exact, w.steps || e.new_code
    FROM walk w JOIN edge e ON e.old_code = w.current_code
    WHERE e.new_code <> ALL (w.steps))
SELECT w.code, w.current_code, bool_and(w.exact) AS exact, min(array_to_string(w.steps, ' -> ')) AS path
FROM walk w
WHERE NOT EXISTS (SELECT FROM %1$I.unit_code_change c WHERE c.old_code = w.current_code)
GROUP BY w.code, w.current_code$ddl$,
$ddl$COMMENT ON VIEW %1$I.unit_code_current IS 'every code that changed with the code(s) it has today, whether it restates exactly (no split on the way) and the path of its changes'$ddl$,
$ddl$CREATE OR REPLACE VIEW %1$I.measurement_current AS
WITH valid AS (
    SELECT code, max(valid_from) AS valid_from, min(valid_to) AS valid_to
    FROM (SELECT new_code AS code, changed AS valid_from, NULL::date AS valid_to FROM %1$I.unit_code_change
          UNION ALL
          SELECT old_code, NULL, changed FROM %1$I.unit_code_change) v
    GROUP BY code),
-- every code of the map that became a code of today, with its years
source AS (
    SELECT coalesce(c.current_code, v.code) AS current_code, v.code, coalesce(c.exact, true) AS exact,
           extract(year FROM v.valid_from)::integer AS first_year, extract(year FROM v.valid_to)::integer AS end_year
    FROM valid v LEFT JOIN %1$I.unit_code_current c ON c.code = v.code),
m AS (
    SELECT coalesce(s.current_code, m.unit) AS current_code, m.unit, m.indicator, m.year, m.gender, m.value,
           coalesce(s.exact, true) AS exact,
           -- false for a figure on a code that did not exist that year: one a
           -- publisher restated on a later code, which is today's unit already
           s.code IS NULL OR ((s.first_year IS NULL OR s.first_year <= m.year) AND (s.end_year IS NULL OR m.year < s.end_year)) AS in_period
    FROM %1$I.measurement m
    LEFT JOIN source s ON s.code = m.unit),
-- how many codes there were that year for each code of today that has changed
units_then AS (
    SELECT s.current_code, y.year, count(*) AS units
    FROM source s
    JOIN (SELECT DISTINCT year FROM %1$I.measurement) y
      ON (s.first_year IS NULL OR s.first_year <= y.year) AND (s.end_year IS NULL OR y.year < s.end_year)
    GROUP BY s.current_code, y.year),
g AS (
    SELECT current_code, indicator, year, gender, bool_and(exact) AS exact, bool_and(in_period) AS in_period,
           count(*) AS n, count(value) AS n_value, min(value) AS one_value, sum(value) AS sum_value,
           min(unit) AS first_unit, array_agg(unit ORDER BY unit) AS units
    FROM m
    GROUP BY current_code, indicator, year, gender)
SELECT g.current_code AS unit, g.indicator, g.year, g.gender,
       CASE WHEN NOT g.exact THEN 'split'
            WHEN coalesce(t.units, 1) > 1 AND g.in_period THEN 'merged'
            WHEN g.first_unit <> g.current_code THEN 'renumbered'
            ELSE 'unchanged' END AS restated,
       CASE WHEN g.exact AND g.n = 1 AND (coalesce(t.units, 1) = 1 OR NOT g.in_period) THEN g.one_value END AS value,
       CASE WHEN g.exact AND g.in_period AND g.n_value = coalesce(t.units, 1) THEN g.sum_value END AS value_sum,
       g.units, coalesce(t.units, 1) AS units_then
FROM g
LEFT JOIN units_then t ON t.current_code = g.current_code AND t.year = g.year$ddl$,
$ddl$COMMENT ON VIEW %1$I.measurement_current IS 'measurements restated on today''s codes: restated says unchanged, renumbered, merged (several codes then) or split; value is the measured value where one code then is today''s unit exactly, value_sum the sum over the codes then, when every one of them has a value (for additive indicators only); units the codes measured, units_then how many codes there were'$ddl$,
$ddl$CREATE OR REPLACE VIEW %1$I.account_current AS
SELECT coalesce(c.current_code, a.unit) AS unit, a.year, a.class, a.function, a.type,
       CASE WHEN NOT bool_and(coalesce(c.exact, true)) THEN 'split'
            WHEN count(*) > 1 THEN 'merged'
            WHEN min(a.unit) <> coalesce(min(c.current_code), min(a.unit)) THEN 'renumbered'
            ELSE 'unchanged' END AS restated,
       -- an amount is money: the amounts of the codes that became one unit add
       -- up; a split unit's cannot be shared out, so it has none
       CASE WHEN bool_and(coalesce(c.exact, true)) THEN sum(a.amount) END AS amount,
       array_agg(a.unit ORDER BY a.unit) AS units
FROM %1$I.account a
LEFT JOIN %1$I.unit_code_current c ON c.code = a.unit
GROUP BY coalesce(c.current_code, a.unit), a.year, a.class, a.function, a.type$ddl$,
$ddl$COMMENT ON VIEW %1$I.account_current IS 'the accounts restated on today''s codes: restated says unchanged, renumbered, merged (the accounts of several codes then, summed) or split (no amount: a split unit''s accounts cannot be shared out); units the codes whose accounts are in the row'$ddl$]
    LOOP
        EXECUTE format(stmt, model);
    END LOOP;
END $fn$;
COMMENT ON FUNCTION @extschema@.model_code_changes(text) IS
    'gives a model the table unit_code_change and the views unit_code_current, measurement_current and account_current (create_model and upgrade_model call it; data and users'' views stay)';

-- Statistics Norway's conversion table of municipality numbers between years,
-- one row per municipality of the first year: kommunenummer_YYYY,
-- kommunenavn_YYYY for each year and endringsmerknad_yy_yy for each step
-- ("uendret", "kun endret nummer", "slått sammen", "splittet" or "delt"), separated by
-- ';'. Each step where the number changed is a change on 1 January of the
-- later year. Returns the rows added or changed.
CREATE OR REPLACE FUNCTION @extschema@.load_code_changes(model text, doc text, source text DEFAULT NULL) RETURNS bigint
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    header text[];
    years integer[];
    bad record;
    n bigint;
    steps text;
BEGIN
    PERFORM @extschema@.model_check(model);
    IF doc IS NULL THEN
        RAISE EXCEPTION 'no code change table (NULL)' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    SELECT f INTO header FROM @extschema@.csv_rows(doc, ';') f LIMIT 1;
    SELECT array_agg(substr(h, 15)::integer ORDER BY i) INTO years
    FROM unnest(header) WITH ORDINALITY u(h, i) WHERE h ~ '^kommunenummer_[0-9]{4}$';
    IF cardinality(years) IS DISTINCT FROM cardinality(ARRAY(SELECT DISTINCT unnest(years))) OR cardinality(years) < 2 THEN
        RAISE EXCEPTION 'not a table of municipality numbers by year: the header is %',
            quote_literal(@extschema@.doc_excerpt(array_to_string(header, ';')))
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'It reads kommunenummer_YYYY (two years or more), kommunenavn_YYYY and endringsmerknad_yy_yy, separated by ;.';
    END IF;
    SELECT line, cardinality(f) AS fields INTO bad FROM @extschema@.csv_rows(doc, ';') WITH ORDINALITY c(f, line)
    WHERE cardinality(f) <> cardinality(header) AND NOT (cardinality(f) = 1 AND f[1] = '') LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'code change table line % has % fields, the header %', bad.line, bad.fields, cardinality(header)
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- each step between two consecutive years, with its note (the document
    -- is read in each statement that needs it: no temporary table)
    steps := $q$
        SELECT c.line, c.f[array_position($1, 'kommunenummer_' || y.a)] AS old_code,
               c.f[array_position($1, 'kommunenummer_' || y.b)] AS new_code, y.b AS year,
               c.f[array_position($1, format('endringsmerknad_%s_%s', right(y.a::text, 2), right(y.b::text, 2)))] AS note
        FROM @extschema@.csv_rows($2, ';') WITH ORDINALITY c(f, line)
        CROSS JOIN LATERAL (SELECT $3[i] AS a, $3[i + 1] AS b FROM generate_subscripts($3, 1) i WHERE i < cardinality($3)) y
        WHERE c.line > 1 AND NOT (cardinality(c.f) = 1 AND c.f[1] = '')$q$;
    EXECUTE format('SELECT line, old_code, new_code FROM (%s) s WHERE old_code !~ ''^[0-9]{4}$'' OR new_code !~ ''^[0-9]{4}$'' LIMIT 1', steps)
        INTO bad USING header, doc, years;
    IF bad.line IS NOT NULL THEN
        RAISE EXCEPTION 'code change table line %: % -> % is not two municipality numbers', bad.line,
            quote_literal(@extschema@.doc_excerpt(coalesce(bad.old_code, ''))), quote_literal(@extschema@.doc_excerpt(coalesce(bad.new_code, '')))
            USING ERRCODE = 'invalid_text_representation';
    END IF;
    EXECUTE format($q$
        INSERT INTO %1$I.unit_code_change AS u (old_code, new_code, changed, kind, source)
        SELECT DISTINCT ON (old_code, new_code) old_code, new_code, make_date(year, 1, 1),
               CASE WHEN note ~* 'delt|splitt' OR count(*) OVER (PARTITION BY old_code, year) > 1 THEN 'split'
                    WHEN note ILIKE '%%sammen%%' OR count(*) OVER (PARTITION BY new_code, year) > 1 THEN 'merged'
                    ELSE 'renumbered' END,
               $4
        FROM (SELECT DISTINCT old_code, new_code, year, note FROM (%2$s) t WHERE old_code <> new_code) s
        ORDER BY old_code, new_code, year
        ON CONFLICT (old_code, new_code) DO UPDATE SET changed = excluded.changed, kind = excluded.kind, source = excluded.source
        WHERE (u.changed, u.kind, u.source) IS DISTINCT FROM (excluded.changed, excluded.kind, excluded.source)$q$, model, steps)
        USING header, doc, years, source;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END $fn$;
COMMENT ON FUNCTION @extschema@.load_code_changes(text, text, text) IS
    'loads Statistics Norway''s table of municipality numbers by year (kommunenummer_YYYY; ... ;endringsmerknad_yy_yy) into a model''s unit_code_change: each change of number on 1 January of the later year, renumbered, merged or split; returns the rows added or changed';

-- Klass's list of code changes (GET .../classifications/131/changes, JSON):
-- {"codeChanges": [{"oldCode", "oldName", "oldShortName", "newCode",
-- "newName", "newShortName", "changeOccurred": "YYYY-MM-DD"}, ...]}. A
-- change without an old code (a code that began) or a new one (a code that
-- ended), or that kept its code (a new name), is no change of number. On one
-- date, an old code with several new codes was split, a new code with several
-- old codes is a merger, and one code to one code was renumbered. Returns
-- the rows added or changed.
CREATE OR REPLACE FUNCTION @extschema@.load_klass_changes(model text, doc jsonb, source text DEFAULT 'klass') RETURNS bigint
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    bad record;
    n bigint;
BEGIN
    PERFORM @extschema@.model_check(model);
    IF doc IS NULL THEN
        RAISE EXCEPTION 'no Klass change list (NULL)' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    IF jsonb_typeof(doc -> 'codeChanges') IS DISTINCT FROM 'array' THEN
        RAISE EXCEPTION 'not a Klass change list: no array "codeChanges" among %',
            quote_literal(@extschema@.doc_excerpt(coalesce((SELECT string_agg(k, ', ') FROM jsonb_object_keys(CASE jsonb_typeof(doc) WHEN 'object' THEN doc END) k), jsonb_typeof(doc))))
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'It reads what Klass''s changes endpoint returns as JSON: {"codeChanges": [{"oldCode": ..., "newCode": ..., "changeOccurred": "YYYY-MM-DD"}, ...]}.';
    END IF;
    SELECT c.i, c.item INTO bad
    FROM jsonb_array_elements(doc -> 'codeChanges') WITH ORDINALITY c(item, i)
    WHERE jsonb_typeof(c.item) <> 'object'
       OR coalesce(c.item ->> 'changeOccurred', '') !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
       OR (c.item ->> 'oldCode' IS NOT NULL AND c.item ->> 'oldCode' = '')
       OR (c.item ->> 'newCode' IS NOT NULL AND c.item ->> 'newCode' = '')
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'Klass change % is not a change of a code on a date: %', bad.i, @extschema@.doc_excerpt(bad.item::text)
            USING ERRCODE = 'invalid_text_representation';
    END IF;
    EXECUTE format($q$
        WITH c AS (
            SELECT DISTINCT item ->> 'oldCode' AS old_code, item ->> 'newCode' AS new_code, (item ->> 'changeOccurred')::date AS changed
            FROM jsonb_array_elements($1 -> 'codeChanges') item
            WHERE item ->> 'oldCode' IS NOT NULL AND item ->> 'newCode' IS NOT NULL AND item ->> 'oldCode' <> item ->> 'newCode')
        INSERT INTO %1$I.unit_code_change AS u (old_code, new_code, changed, kind, source)
        SELECT DISTINCT ON (old_code, new_code) old_code, new_code, changed,
               CASE WHEN count(*) OVER (PARTITION BY old_code, changed) > 1 THEN 'split'
                    WHEN count(*) OVER (PARTITION BY new_code, changed) > 1 THEN 'merged'
                    ELSE 'renumbered' END,
               $2
        FROM c
        ORDER BY old_code, new_code, changed DESC
        ON CONFLICT (old_code, new_code) DO UPDATE SET changed = excluded.changed, kind = excluded.kind, source = excluded.source
        WHERE (u.changed, u.kind, u.source) IS DISTINCT FROM (excluded.changed, excluded.kind, excluded.source)$q$, model)
        USING doc, source;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END $fn$;
COMMENT ON FUNCTION @extschema@.load_klass_changes(text, jsonb, text) IS
    'loads Klass''s list of code changes (the changes endpoint''s JSON: codeChanges with oldCode, newCode, changeOccurred) into a model''s unit_code_change: renumbered, merged (several old codes to one) or split (one to several) on the date it occurred; returns the rows added or changed';
