------------------------------------------------------------------------------
-- Periods below the year: a month (M01-M12), a tertial (T1-T3) or a quarter
-- (K1-K4), for measurements (a monthly sick-leave rate, a tertial's waiting
-- list) and for accounts as the quarterly KOSTRA files give them (skjema
-- 0AK1-0DK4: the year to date through the quarter). The year's own figures
-- stay in measurement and account; these sit beside them.
------------------------------------------------------------------------------

-- The last day of a period of a year: M01-M12, T1-T3, K1-K4 (22023 for
-- anything else).
CREATE OR REPLACE FUNCTION @extschema@.period_end(year integer, period text) RETURNS date
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    last_month integer := CASE WHEN period ~ '^M(0[1-9]|1[0-2])$' THEN substr(period, 2)::integer
                               WHEN period ~ '^T[1-3]$' THEN 4 * substr(period, 2)::integer
                               WHEN period ~ '^K[1-4]$' THEN 3 * substr(period, 2)::integer END;
BEGIN
    IF last_month IS NULL THEN
        RAISE EXCEPTION 'period "%" is not a month (M01-M12), a tertial (T1-T3) or a quarter (K1-K4)', @extschema@.doc_excerpt(period)
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN (make_date(year, last_month, 1) + interval '1 month' - interval '1 day')::date;
END $fn$;
COMMENT ON FUNCTION @extschema@.period_end(integer, text) IS
    'the last day of a period of a year: a month M01-M12, a tertial T1-T3 or a quarter K1-K4';

CREATE OR REPLACE FUNCTION @extschema@.model_periods(model text) RETURNS void
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
$ddl$CREATE TABLE IF NOT EXISTS %1$I.measurement_period (
    unit text NOT NULL REFERENCES %1$I.unit (code) ON UPDATE CASCADE ON DELETE CASCADE,
    indicator text NOT NULL REFERENCES %1$I.indicator (code) ON UPDATE CASCADE ON DELETE CASCADE,
    year integer NOT NULL,
    period text NOT NULL CHECK (period ~ '^(M(0[1-9]|1[0-2])|T[1-3]|K[1-4])$'),
    gender text NOT NULL DEFAULT 'T' CHECK (gender IN ('T', 'K', 'M')),
    value double precision CHECK (value > '-Infinity' AND value < 'Infinity'),
    status text,
    CHECK (value IS NOT NULL OR status IS NOT NULL),
    PRIMARY KEY (unit, indicator, year, period, gender))$ddl$,
$ddl$COMMENT ON TABLE %1$I.measurement_period IS 'measurements of a period below the year: a month (M01-M12), a tertial (T1-T3) or a quarter (K1-K4), with the value or the agency''s status marker'$ddl$,
$ddl$CREATE TABLE IF NOT EXISTS %1$I.account_period (
    unit text NOT NULL REFERENCES %1$I.unit (code) ON UPDATE CASCADE ON DELETE CASCADE,
    year integer NOT NULL,
    period text NOT NULL CHECK (period ~ '^(M(0[1-9]|1[0-2])|T[1-3]|K[1-4])$'),
    class text NOT NULL CHECK (class IN ('D', 'I')),
    function text NOT NULL,
    type text NOT NULL,
    amount numeric NOT NULL,
    PRIMARY KEY (unit, year, period, class, function, type))$ddl$,
$ddl$COMMENT ON TABLE %1$I.account_period IS 'accounts through a period below the year (the year to date, as a quarterly KOSTRA file gives them), by class, KOSTRA function and art, in 1 000 NOK with incomes positive'$ddl$,
$ddl$CREATE OR REPLACE VIEW %1$I.period_series AS
SELECT m.unit, u.name AS unit_name, m.indicator, i.name AS indicator_name, m.year, m.period,
       CASE left(m.period, 1) WHEN 'M' THEN 'month' WHEN 'T' THEN 'tertial' ELSE 'quarter' END AS period_kind,
       @extschema@.period_end(m.year, m.period) AS period_end, m.gender, m.value, m.status,
       m.value - lag(m.value) OVER w AS change,
       y.value AS year_value
FROM %1$I.measurement_period m
JOIN %1$I.unit u ON u.code = m.unit
JOIN %1$I.indicator i ON i.code = m.indicator
LEFT JOIN %1$I.measurement y ON y.unit = m.unit AND y.indicator = m.indicator AND y.year = m.year AND y.gender = m.gender
WINDOW w AS (PARTITION BY m.unit, m.indicator, m.gender, left(m.period, 1) ORDER BY m.year, m.period)$ddl$,
$ddl$COMMENT ON VIEW %1$I.period_series IS 'every measurement of a period with the day the period ends, its change since the period before of the same kind, and the year''s own value'$ddl$]
    LOOP
        EXECUTE format(stmt, model);
    END LOOP;
END $fn$;
COMMENT ON FUNCTION @extschema@.model_periods(text) IS
    'gives a model the tables measurement_period and account_period and the view period_series (create_model and upgrade_model call it; data and users'' views stay)';
