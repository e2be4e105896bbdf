------------------------------------------------------------------------------
-- The steering year in money: budgets and their revisions, the forecasts of
-- the year made during it, and the deviation report that sets the ledger's
-- actuals month by month against them.
--
-- A budget is adopted in versions (the original, each revision), each in
-- force from the day it was adopted: a report through a month reads the
-- version in force at the month's end, so a revision does not rewrite an
-- earlier month's report. A budget line is a month's (periods 1-12) or the
-- whole year's (period 0, spread evenly over its months). A forecast is the
-- year's outcome as foreseen on a day, a round of lines made together; a
-- report through a month reads the latest round made by the month's end.
-- Amounts as the model's accounts keep them: 1 000 NOK, incomes positive.
------------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION @extschema@.model_budget(model text) RETURNS void
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
$ddl$CREATE TABLE IF NOT EXISTS %1$I.budget_version (
    unit text NOT NULL REFERENCES %1$I.unit (code) ON UPDATE CASCADE ON DELETE CASCADE,
    year integer NOT NULL,
    version text NOT NULL CHECK (version <> ''),
    adopted date NOT NULL,
    notes text,
    PRIMARY KEY (unit, year, version))$ddl$,
$ddl$COMMENT ON TABLE %1$I.budget_version IS 'the versions of a unit''s budget for a year (the original, each revision), each in force from the day it was adopted until the next'$ddl$,
$ddl$CREATE TABLE IF NOT EXISTS %1$I.budget (
    unit text NOT NULL,
    year integer NOT NULL,
    version text NOT NULL,
    class text NOT NULL CHECK (class IN ('D', 'I')),
    function text NOT NULL,
    type text NOT NULL,
    period smallint NOT NULL DEFAULT 0 CHECK (period BETWEEN 0 AND 12),
    amount numeric NOT NULL,
    PRIMARY KEY (unit, year, version, class, function, type, period),
    FOREIGN KEY (unit, year, version) REFERENCES %1$I.budget_version (unit, year, version) ON UPDATE CASCADE ON DELETE CASCADE)$ddl$,
$ddl$COMMENT ON TABLE %1$I.budget IS 'budget lines by KOSTRA function and art, in 1 000 NOK with incomes positive as in the accounts: a month''s (period 1-12) or the whole year''s (period 0, spread evenly over its months)'$ddl$,
$ddl$CREATE TABLE IF NOT EXISTS %1$I.forecast (
    unit text NOT NULL REFERENCES %1$I.unit (code) ON UPDATE CASCADE ON DELETE CASCADE,
    year integer NOT NULL,
    made date NOT NULL,
    class text NOT NULL CHECK (class IN ('D', 'I')),
    function text NOT NULL,
    type text NOT NULL,
    amount numeric NOT NULL,
    PRIMARY KEY (unit, year, made, class, function, type))$ddl$,
$ddl$COMMENT ON TABLE %1$I.forecast IS 'forecasts of the year''s outcome by KOSTRA function and art (1 000 NOK, incomes positive), each round dated the day it was made'$ddl$,
$ddl$CREATE OR REPLACE VIEW %1$I.budget_variance AS
WITH month AS (
    SELECT m AS month FROM generate_series(1, 12) m),
-- the ledger's months (the year-end entries, period 13, count in December)
actual_month AS (
    SELECT l.unit, l.year, l.class, l.kostra_function AS function, l.kostra_type AS type, least(l.period, 12)::integer AS month,
           sum(l.kostra_amount) AS amount
    FROM %1$I.ledger_kostra l
    WHERE l.kostra_function IS NOT NULL AND l.kostra_type IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5, 6),
ledger_through AS (
    SELECT unit, year, max(least(period, 12)) AS month FROM %1$I.ledger GROUP BY unit, year),
keys AS (
    SELECT unit, year, class, function, type FROM %1$I.budget
    UNION
    SELECT unit, year, class, function, type FROM %1$I.forecast
    UNION
    SELECT unit, year, class, function, type FROM actual_month),
version_in_force AS (
    SELECT DISTINCT ON (v.unit, v.year, m.month) v.unit, v.year, m.month, v.version
    FROM %1$I.budget_version v CROSS JOIN month m
    WHERE v.adopted < make_date(v.year, m.month, 1) + interval '1 month'
    ORDER BY v.unit, v.year, m.month, v.adopted DESC, v.version DESC),
-- a year's line counts m/12 of itself by the end of month m (all of it in
-- December, to the øre)
budget_cum AS (
    SELECT b.unit, b.year, b.version, b.class, b.function, b.type, m.month,
           trim_scale(round(sum(CASE WHEN b.period = 0 THEN b.amount * m.month / 12 WHEN b.period <= m.month THEN b.amount ELSE 0 END), 5)) AS to_date,
           trim_scale(sum(b.amount)) AS year_total
    FROM %1$I.budget b CROSS JOIN month m
    GROUP BY b.unit, b.year, b.version, b.class, b.function, b.type, m.month),
forecast_round AS (
    SELECT DISTINCT ON (f.unit, f.year, m.month) f.unit, f.year, m.month, f.made
    FROM %1$I.forecast f CROSS JOIN month m
    WHERE f.made < make_date(f.year, m.month, 1) + interval '1 month'
    ORDER BY f.unit, f.year, m.month, f.made DESC),
actual_cum AS (
    SELECT k.unit, k.year, k.class, k.function, k.type, m.month,
           sum(coalesce(a.amount, 0)) OVER (PARTITION BY k.unit, k.year, k.class, k.function, k.type ORDER BY m.month) AS to_date
    FROM keys k CROSS JOIN month m
    LEFT JOIN actual_month a ON a.unit = k.unit AND a.year = k.year AND a.class = k.class AND a.function = k.function
                            AND a.type = k.type AND a.month = m.month)
SELECT k.unit, k.year, k.month, k.class, k.function, k.type,
       v.version AS budget_version,
       coalesce(b.year_total, CASE WHEN v.version IS NOT NULL THEN 0 END) AS budget_year,
       coalesce(b.to_date, CASE WHEN v.version IS NOT NULL THEN 0 END) AS budget_to_date,
       CASE WHEN k.month <= t.month THEN k.to_date END AS actual_to_date,
       CASE WHEN k.month <= t.month THEN k.to_date - coalesce(b.to_date, 0) END AS deviation_to_date,
       r.made AS forecast_made,
       CASE WHEN r.made IS NOT NULL THEN coalesce(f.amount, 0) END AS forecast_year,
       CASE WHEN r.made IS NOT NULL THEN coalesce(f.amount, 0) - coalesce(b.year_total, 0) END AS deviation_year,
       ac.amount AS actual_year
FROM actual_cum k
LEFT JOIN ledger_through t ON t.unit = k.unit AND t.year = k.year
LEFT JOIN version_in_force v ON v.unit = k.unit AND v.year = k.year AND v.month = k.month
LEFT JOIN budget_cum b ON b.unit = k.unit AND b.year = k.year AND b.version = v.version AND b.class = k.class
                      AND b.function = k.function AND b.type = k.type AND b.month = k.month
LEFT JOIN forecast_round r ON r.unit = k.unit AND r.year = k.year AND r.month = k.month
LEFT JOIN %1$I.forecast f ON f.unit = k.unit AND f.year = k.year AND f.made = r.made AND f.class = k.class
                         AND f.function = k.function AND f.type = k.type
LEFT JOIN %1$I.account ac ON ac.unit = k.unit AND ac.year = k.year AND ac.class = k.class AND ac.function = k.function AND ac.type = k.type$ddl$,
$ddl$COMMENT ON VIEW %1$I.budget_variance IS 'the deviation report: per unit, year, month (the report through it), class, KOSTRA function and art, the budget version in force at the month''s end with its year and to-date amounts, the ledger''s actuals to date and their deviation, the latest forecast of the year made by then and its deviation from the budget, and the year''s closed accounts; 1 000 NOK, incomes positive'$ddl$]
    LOOP
        EXECUTE format(stmt, model);
    END LOOP;
END $fn$;
COMMENT ON FUNCTION @extschema@.model_budget(text) IS
    'gives a model the tables budget_version, budget and forecast and the view budget_variance (create_model and upgrade_model call it; data and users'' views stay)';

-- A budget or a forecast by account string, read as a ledger export is
-- (styring.ledger_rows: the same columns; a row without a period is the whole
-- year's), placed on KOSTRA functions and arts as the ledger is (ledger_map,
-- else the codes themselves) and summed. In NOK as booked, expenses
-- positive, incomes negative; stored in 1 000 NOK with incomes positive.
CREATE OR REPLACE FUNCTION @extschema@.budget_lines(model text, unit text, doc text, delimiter text DEFAULT ',', account_class text DEFAULT NULL)
    RETURNS TABLE (year integer, period smallint, class text, function text, type text, amount numeric)
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    bad record;
BEGIN
    IF model IS NULL OR unit IS NULL THEN
        RAISE EXCEPTION 'budget_lines needs a model and a unit' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    IF to_regclass(format('%I.ledger_map', model)) IS NULL THEN
        RAISE EXCEPTION 'no steering model with a ledger map in schema "%"', @extschema@.doc_excerpt(model) USING ERRCODE = 'undefined_table';
    END IF;
    SELECT r.line, r.problem INTO bad FROM @extschema@.ledger_rows(doc, delimiter, account_class) r
    WHERE r.problem IS NOT NULL OR r.period = 13 LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'budget line %: %', bad.line, coalesce(bad.problem, 'period 13 is the ledger''s year-end entries: a budget has months 1-12, or the whole year')
            USING ERRCODE = 'invalid_text_representation', HINT = 'styring.ledger_rows shows how every line reads; nothing was loaded.';
    END IF;
    RETURN QUERY EXECUTE format($q$
        WITH r AS (SELECT * FROM @extschema@.ledger_rows($2, $3, $4)),
        k AS (
            SELECT r.year, r.period, r.class, r.responsibility, r.function AS own_function, r.type AS own_type, r.amount,
                   coalesce((SELECT m.kostra FROM %1$I.ledger_map m WHERE m.unit = $1 AND m.dimension = 'function' AND m.code = r.function),
                            CASE WHEN r.function ~ '^[0-9]{3}$' THEN r.function END,
                            (SELECT m.kostra FROM %1$I.ledger_map m WHERE m.unit = $1 AND m.dimension = 'responsibility' AND m.code = r.responsibility))
                       AS function,
                   coalesce((SELECT m.kostra FROM %1$I.ledger_map m WHERE m.unit = $1 AND m.dimension = 'type' AND m.code = r.type),
                            CASE WHEN r.type ~ '^[0-9]{3}' THEN left(r.type, 3) END) AS type
            FROM r)
        SELECT k.year, k.period, k.class, k.function, k.type,
               trim_scale(sum(k.amount * 0.001 * CASE WHEN k.type >= '600' THEN -1 ELSE 1 END))
        FROM k
        GROUP BY k.year, k.period, k.class, k.function, k.type
        ORDER BY k.year, k.period, k.class, k.function, k.type$q$, model)
        USING unit, doc, delimiter, account_class;
END $fn$;
COMMENT ON FUNCTION @extschema@.budget_lines(text, text, text, text, text) IS
    'a budget or forecast document by account string (read as styring.ledger_rows reads a ledger export; a row without a period is the whole year''s) placed on KOSTRA functions and arts by the model''s ledger_map and summed, in 1 000 NOK with incomes positive; NULL function or type where a line cannot be placed';

-- Loads a version of a unit's budget (replacing that version's lines), with
-- the day it was adopted. Returns the rows added, changed or removed.
CREATE OR REPLACE FUNCTION @extschema@.load_budget(model text, unit text, doc text, version text, adopted date,
                                                   delimiter text DEFAULT ',', account_class text DEFAULT NULL)
    RETURNS bigint
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    bad record;
    st @extschema@.staged_rows;
    n bigint;
    changed bigint;
    b_year integer[]; b_period smallint[]; b_class text[]; b_function text[]; b_type text[]; b_amount numeric[];
BEGIN
    PERFORM @extschema@.model_check(model);
    IF unit IS NULL OR version IS NULL OR version = '' OR adopted IS NULL THEN
        RAISE EXCEPTION 'load_budget needs the unit, the version and the day it was adopted' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    -- the document is read once
    SELECT coalesce(array_agg(b.year), '{}'), coalesce(array_agg(b.period), '{}'), coalesce(array_agg(b.class), '{}'),
           coalesce(array_agg(b.function), '{}'), coalesce(array_agg(b.type), '{}'), coalesce(array_agg(b.amount), '{}')
    INTO b_year, b_period, b_class, b_function, b_type, b_amount
    FROM @extschema@.budget_lines(model, unit, doc, delimiter, account_class) b;
    SELECT b.* INTO bad FROM unnest(b_year, b_period, b_class, b_function, b_type, b_amount) b(year, period, class, function, type, amount)
    WHERE b.function IS NULL OR b.type IS NULL OR b.year IS DISTINCT FROM (SELECT min(x) FROM unnest(b_year) x)
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION '%', CASE WHEN bad.function IS NULL OR bad.type IS NULL
                                  THEN 'a budget line has no KOSTRA ' || CASE WHEN bad.function IS NULL THEN 'function' ELSE 'art' END || ' (map its own code in ledger_map)'
                                  ELSE 'a budget version is one year''s: the document has ' || bad.year || ' and others' END
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('styring.budget'), hashtext(model || '.' || unit));
    st.unit_code := ARRAY[unit];
    changed := @extschema@.apply_staged(model, st);
    EXECUTE format($q$
        INSERT INTO %1$I.budget_version AS v (unit, year, version, adopted)
        SELECT $1, min(b.year), $2, $3 FROM unnest($4) b(year) HAVING count(*) > 0
        ON CONFLICT (unit, year, version) DO UPDATE SET adopted = EXCLUDED.adopted WHERE v.adopted <> EXCLUDED.adopted$q$, model)
        USING unit, version, adopted, b_year;
    GET DIAGNOSTICS n = ROW_COUNT; changed := changed + n;
    EXECUTE format($q$
        WITH b AS (SELECT * FROM unnest($3, $4, $5, $6, $7, $8) b(year, period, class, function, type, amount))
        DELETE FROM %1$I.budget x
        WHERE x.unit = $1 AND x.version = $2 AND x.year IN (SELECT year FROM b)
          AND NOT EXISTS (SELECT FROM b WHERE (b.year, b.period, b.class, b.function, b.type) = (x.year, x.period, x.class, x.function, x.type))$q$, model)
        USING unit, version, b_year, b_period, b_class, b_function, b_type, b_amount;
    GET DIAGNOSTICS n = ROW_COUNT; changed := changed + n;
    EXECUTE format($q$
        INSERT INTO %1$I.budget AS x (unit, year, version, class, function, type, period, amount)
        SELECT $1, b.year, $2, b.class, b.function, b.type, b.period, b.amount
        FROM unnest($3, $4, $5, $6, $7, $8) b(year, period, class, function, type, amount)
        ORDER BY b.year, b.class COLLATE "C", b.function COLLATE "C", b.type COLLATE "C", b.period
        ON CONFLICT (unit, year, version, class, function, type, period) DO UPDATE SET amount = EXCLUDED.amount
        WHERE x.amount <> EXCLUDED.amount$q$, model)
        USING unit, version, b_year, b_period, b_class, b_function, b_type, b_amount;
    GET DIAGNOSTICS n = ROW_COUNT; changed := changed + n;
    RETURN changed;
END $fn$;
COMMENT ON FUNCTION @extschema@.load_budget(text, text, text, text, date, text, text) IS
    'loads a version of a unit''s budget for a year (a document by account string, as styring.budget_lines reads it) with the day it was adopted, replacing that version''s lines; returns the rows added, changed or removed';

-- Loads a round of forecasts of a unit's year, made on a day (replacing
-- that round). Returns the rows added, changed or removed.
CREATE OR REPLACE FUNCTION @extschema@.load_forecast(model text, unit text, doc text, made date,
                                                     delimiter text DEFAULT ',', account_class text DEFAULT NULL)
    RETURNS bigint
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    bad record;
    st @extschema@.staged_rows;
    n bigint;
    changed bigint;
    b_year integer[]; b_period smallint[]; b_class text[]; b_function text[]; b_type text[]; b_amount numeric[];
BEGIN
    PERFORM @extschema@.model_check(model);
    IF unit IS NULL OR made IS NULL THEN
        RAISE EXCEPTION 'load_forecast needs the unit and the day the forecast was made' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    -- the document is read once
    SELECT coalesce(array_agg(b.year), '{}'), coalesce(array_agg(b.period), '{}'), coalesce(array_agg(b.class), '{}'),
           coalesce(array_agg(b.function), '{}'), coalesce(array_agg(b.type), '{}'), coalesce(array_agg(b.amount), '{}')
    INTO b_year, b_period, b_class, b_function, b_type, b_amount
    FROM @extschema@.budget_lines(model, unit, doc, delimiter, account_class) b;
    SELECT b.* INTO bad FROM unnest(b_year, b_period, b_class, b_function, b_type, b_amount) b(year, period, class, function, type, amount)
    WHERE b.function IS NULL OR b.type IS NULL OR b.period <> 0 LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION '%', CASE WHEN bad.period <> 0 THEN 'a forecast is of the whole year: no period column'
                                  ELSE 'a forecast line has no KOSTRA ' || CASE WHEN bad.function IS NULL THEN 'function' ELSE 'art' END || ' (map its own code in ledger_map)' END
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('styring.forecast'), hashtext(model || '.' || unit));
    st.unit_code := ARRAY[unit];
    changed := @extschema@.apply_staged(model, st);
    EXECUTE format($q$
        WITH b AS (SELECT * FROM unnest($3, $4, $5, $6, $7, $8) b(year, period, class, function, type, amount))
        DELETE FROM %1$I.forecast x
        WHERE x.unit = $1 AND x.made = $2 AND x.year IN (SELECT year FROM b)
          AND NOT EXISTS (SELECT FROM b WHERE (b.year, b.class, b.function, b.type) = (x.year, x.class, x.function, x.type))$q$, model)
        USING unit, made, b_year, b_period, b_class, b_function, b_type, b_amount;
    GET DIAGNOSTICS n = ROW_COUNT; changed := changed + n;
    EXECUTE format($q$
        INSERT INTO %1$I.forecast AS x (unit, year, made, class, function, type, amount)
        SELECT $1, b.year, $2, b.class, b.function, b.type, b.amount
        FROM unnest($3, $4, $5, $6, $7, $8) b(year, period, class, function, type, amount)
        ORDER BY b.year, b.class COLLATE "C", b.function COLLATE "C", b.type COLLATE "C"
        ON CONFLICT (unit, year, made, class, function, type) DO UPDATE SET amount = EXCLUDED.amount
        WHERE x.amount <> EXCLUDED.amount$q$, model)
        USING unit, made, b_year, b_period, b_class, b_function, b_type, b_amount;
    GET DIAGNOSTICS n = ROW_COUNT; changed := changed + n;
    RETURN changed;
END $fn$;
COMMENT ON FUNCTION @extschema@.load_forecast(text, text, text, date, text, text) IS
    'loads a round of forecasts of a unit''s year (a document by account string without periods, as styring.budget_lines reads it) made on a day, replacing that round''s lines; returns the rows added, changed or removed';
