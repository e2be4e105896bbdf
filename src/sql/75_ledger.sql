------------------------------------------------------------------------------
-- A municipality's own ledger: its lines by the account string (kontostreng:
-- ansvar, funksjon, art, objekt, as in Hole kommune's "1100 565 2701 041":
-- responsibility 1100, KOSTRA function 565, art 2701 = KOSTRA art 270 and
-- one digit of its own, object 041), period by period, in NOK. A map turns
-- its own codes into KOSTRA's where the string does not carry them (an own
-- service code, an own art, a responsibility that stands for a function);
-- the view ledger_kostra keeps every part of the string beside the KOSTRA
-- function and art, so a controller drills from a KOSTRA figure down to
-- responsibilities and objects; ledger_accounts sums the year into the
-- model's KOSTRA accounts (1 000 NOK, incomes positive), from which
-- kostra_file writes the file Statistics Norway checks.
------------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION @extschema@.model_ledger(model text) RETURNS void
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
$ddl$CREATE TABLE IF NOT EXISTS %1$I.ledger (
    unit text NOT NULL REFERENCES %1$I.unit (code) ON UPDATE CASCADE ON DELETE CASCADE,
    year integer NOT NULL,
    period smallint NOT NULL CHECK (period BETWEEN 1 AND 13),
    class text NOT NULL CHECK (class IN ('D', 'I')),
    responsibility text NOT NULL DEFAULT '',
    function text NOT NULL DEFAULT '',
    type text NOT NULL CHECK (type <> ''),
    object text NOT NULL DEFAULT '',
    amount numeric NOT NULL,
    PRIMARY KEY (unit, year, period, class, responsibility, function, type, object))$ddl$,
$ddl$COMMENT ON TABLE %1$I.ledger IS 'a unit''s own ledger by account string: period (month 1-12, 13 the year-end entries), class (D operating, I investment), responsibility (ansvar), function (the KOSTRA function or an own service code), type (art: KOSTRA''s three digits and any of its own), object (objekt, prosjekt), amount in NOK (expenses positive, incomes negative, as booked)'$ddl$,
$ddl$CREATE TABLE IF NOT EXISTS %1$I.ledger_map (
    unit text NOT NULL REFERENCES %1$I.unit (code) ON UPDATE CASCADE ON DELETE CASCADE,
    dimension text NOT NULL CHECK (dimension IN ('responsibility', 'function', 'type')),
    code text NOT NULL,
    kostra text NOT NULL CHECK (kostra ~ '^[0-9]{3}$'),
    PRIMARY KEY (unit, dimension, code))$ddl$,
$ddl$COMMENT ON TABLE %1$I.ledger_map IS 'a unit''s own codes in KOSTRA''s: an own service code (function) or a responsibility to a KOSTRA function, an own art (type) to a KOSTRA art; where the map is silent, a function of three digits is KOSTRA''s and an art''s first three digits are'$ddl$,
$ddl$CREATE OR REPLACE VIEW %1$I.ledger_kostra AS
SELECT l.unit, l.year, l.period, l.class, l.responsibility, l.function, l.type, l.object, l.amount,
       k.kostra_function, k.kostra_type,
       -- the model's accounts: 1 000 NOK, incomes (arts 600 and above) positive
       trim_scale(l.amount * 0.001 * CASE WHEN k.kostra_type >= '600' THEN -1 ELSE 1 END) AS kostra_amount
FROM %1$I.ledger l
CROSS JOIN LATERAL (
    SELECT coalesce((SELECT m.kostra FROM %1$I.ledger_map m WHERE m.unit = l.unit AND m.dimension = 'function' AND m.code = l.function),
                    CASE WHEN l.function ~ '^[0-9]{3}$' THEN l.function END,
                    (SELECT m.kostra FROM %1$I.ledger_map m WHERE m.unit = l.unit AND m.dimension = 'responsibility' AND m.code = l.responsibility))
               AS kostra_function,
           coalesce((SELECT m.kostra FROM %1$I.ledger_map m WHERE m.unit = l.unit AND m.dimension = 'type' AND m.code = l.type),
                    CASE WHEN l.type ~ '^[0-9]{3}' THEN left(l.type, 3) END) AS kostra_type) k$ddl$,
$ddl$COMMENT ON VIEW %1$I.ledger_kostra IS 'every ledger line with its whole account string, its KOSTRA function and art (by ledger_map, else the codes themselves) and its amount as the model''s accounts keep it (1 000 NOK, incomes positive); NULL where a line cannot be placed'$ddl$]
    LOOP
        EXECUTE format(stmt, model);
    END LOOP;
END $fn$;
COMMENT ON FUNCTION @extschema@.model_ledger(text) IS
    'gives a model the tables ledger and ledger_map and the view ledger_kostra (create_model and upgrade_model call it; data and users'' views stay)';

-- A ledger export as styring reads it: a header names the columns (in
-- Norwegian or English, any order, others ignored), one line a row:
--   år/year, periode/period (a month 1-13, 0 for the whole year; or YYYYMM
--   without a year column; without a period column a row is the whole
--   year's, period 0),
--   kontoklasse/class (D, I, drift, investering, or the file's 1 and 0),
--   ansvar/responsibility, funksjon/tjeneste/function, art/type,
--   objekt/prosjekt/object, beløp/belop/amount (in NOK: 1234.50, 1 234,50 or
--   1.234,50),
-- or the whole string in one column kontostreng/account_string ("1100 565
-- 2701 041": ansvar, funksjon, art, objekt). Each line with what is wrong
-- with it (problem), NULL when nothing is; account_class where the file has
-- no kontoklasse column.
CREATE OR REPLACE FUNCTION @extschema@.ledger_rows(doc text, delimiter text DEFAULT ',', account_class text DEFAULT NULL)
    RETURNS TABLE (line bigint, year integer, period smallint, class text, responsibility text, function text, type text,
                   object text, amount numeric, problem text)
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    header text[];
    col jsonb := '{}';
    given_class constant text := CASE upper(btrim(account_class)) WHEN 'D' THEN 'D' WHEN 'I' THEN 'I' WHEN 'DRIFT' THEN 'D' WHEN 'INVESTERING' THEN 'I' END;
BEGIN
    IF doc IS NULL OR delimiter IS NULL THEN
        RAISE EXCEPTION 'ledger_rows needs a document and a delimiter' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    IF account_class IS NOT NULL AND given_class IS NULL THEN
        RAISE EXCEPTION 'class "%" is neither D (drift, operating) nor I (investering, investment)', @extschema@.doc_excerpt(account_class)
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT f INTO header FROM @extschema@.csv_rows(doc, delimiter) f LIMIT 1;
    -- each column styring reads, by the first header cell that names it
    SELECT coalesce(jsonb_object_agg(c.name, c.i), '{}') INTO col
    FROM (SELECT DISTINCT ON (n.name) n.name, h.i
          FROM unnest(header) WITH ORDINALITY h(cell, i)
          JOIN (VALUES ('year', ARRAY['år', 'aar', 'year', 'regnskapsår']),
                       ('period', ARRAY['periode', 'period', 'måned', 'maaned', 'month']),
                       ('class', ARRAY['kontoklasse', 'class']),
                       ('responsibility', ARRAY['ansvar', 'responsibility']),
                       ('function', ARRAY['funksjon', 'tjeneste', 'function', 'service']),
                       ('type', ARRAY['art', 'type']),
                       ('object', ARRAY['objekt', 'prosjekt', 'object', 'project']),
                       ('amount', ARRAY['beløp', 'belop', 'amount']),
                       ('string', ARRAY['kontostreng', 'account_string'])) n(name, names)
            ON lower(btrim(h.cell)) = ANY (n.names)
          ORDER BY n.name, h.i) c;
    IF NOT (col ? 'amount' AND (col ? 'year' OR col ? 'period') AND (col ? 'type' OR col ? 'string')) THEN
        RAISE EXCEPTION 'a ledger needs columns for the year or period, the art and the amount; the header is %',
            quote_literal(@extschema@.doc_excerpt(array_to_string(header, delimiter)))
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'It reads år, periode (or YYYYMM), kontoklasse, ansvar, funksjon, art, objekt and beløp, or the string in one column kontostreng (in English: year, period, class, responsibility, function, type, object, amount, account_string).';
    END IF;
    IF NOT col ? 'class' AND given_class IS NULL THEN
        RAISE EXCEPTION 'the ledger has no kontoklasse column: say which accounts it holds'
            USING ERRCODE = 'invalid_parameter_value', HINT = 'Pass account_class => ''D'' (operating) or ''I'' (investment).';
    END IF;
    RETURN QUERY
    WITH c AS (
        SELECT c.line, c.f,
               CASE WHEN col ? 'string' THEN regexp_split_to_array(btrim(c.f[(col->>'string')::int]), '[[:space:].-]+') END AS parts
        FROM @extschema@.csv_rows(doc, delimiter) WITH ORDINALITY c(f, line)
        WHERE c.line > 1 AND NOT (cardinality(c.f) = 1 AND c.f[1] = '')),
    v AS (
        SELECT c.line,
               btrim(coalesce(c.f[(col->>'year')::int], '')) AS y,
               btrim(coalesce(c.f[(col->>'period')::int], '')) AS p,
               CASE WHEN col ? 'class' THEN upper(btrim(coalesce(c.f[(col->>'class')::int], ''))) ELSE given_class END AS k,
               btrim(coalesce(c.f[(col->>'responsibility')::int], c.parts[1], '')) AS r,
               btrim(coalesce(c.f[(col->>'function')::int], c.parts[2], '')) AS fn,
               btrim(coalesce(c.f[(col->>'type')::int], c.parts[3], '')) AS t,
               btrim(coalesce(c.f[(col->>'object')::int], c.parts[4], '')) AS o,
               -- the amount without spaces; with a decimal comma, points are thousands
               CASE WHEN strpos(a.raw, ',') > 0 THEN replace(replace(a.raw, '.', ''), ',', '.') ELSE a.raw END AS amt
        FROM c CROSS JOIN LATERAL (SELECT regexp_replace(coalesce(c.f[(col->>'amount')::int], ''), '[[:space:]\u00a0]', '', 'g') AS raw) a),
    w AS (
        SELECT v.*,
               CASE WHEN col ? 'year' THEN CASE WHEN v.y ~ '^[0-9]{4}$' THEN v.y::int END
                    WHEN v.p ~ '^[0-9]{6}$' THEN left(v.p, 4)::int END AS yy,
               CASE WHEN NOT col ? 'period' THEN 0
                    WHEN col ? 'year' THEN CASE WHEN v.p ~ '^[0-9]{1,2}$' THEN v.p::int END
                    WHEN v.p ~ '^[0-9]{6}$' THEN right(v.p, 2)::int END AS pp,
               CASE WHEN v.k IN ('D', 'DRIFT', '1') THEN 'D' WHEN v.k IN ('I', 'INVESTERING', '0') THEN 'I' END AS kk
        FROM v)
    SELECT w.line, w.yy, w.pp::smallint, w.kk, w.r, w.fn, w.t, w.o,
           CASE WHEN w.amt ~ '^[+-]?[0-9]+(\.[0-9]+)?$' THEN w.amt::numeric END,
           CASE WHEN w.yy IS NULL THEN format('the year %s is not a year', quote_literal(@extschema@.doc_excerpt(CASE WHEN col ? 'year' THEN w.y ELSE w.p END)))
                WHEN w.pp IS NULL OR w.pp NOT BETWEEN 0 AND 13 THEN format('the period %s is not a month 1-13 (nor 0, the whole year)', quote_literal(@extschema@.doc_excerpt(w.p)))
                WHEN w.kk IS NULL THEN format('the kontoklasse %s is neither D nor I', quote_literal(@extschema@.doc_excerpt(w.k)))
                WHEN w.t = '' THEN 'the art is empty'
                WHEN w.amt !~ '^[+-]?[0-9]+(\.[0-9]+)?$' THEN format('the amount %s is not a number', quote_literal(@extschema@.doc_excerpt(w.amt)))
           END
    FROM w
    ORDER BY w.line;
END $fn$;
COMMENT ON FUNCTION @extschema@.ledger_rows(text, text, text) IS
    'the lines of a ledger export (a header naming år, periode, kontoklasse, ansvar, funksjon, art, objekt, beløp, or kontostreng; in English too) as styring reads them, with what is wrong with each (problem, NULL when nothing is); account_class for a file without a kontoklasse column';

-- Loads a unit's ledger: every period the document holds is replaced by it
-- (lines that are gone are removed; one account string given twice in a
-- period is summed). Refuses the whole document at its first bad line.
-- Returns the lines added, changed or removed.
CREATE OR REPLACE FUNCTION @extschema@.load_ledger(model text, unit text, doc text, delimiter text DEFAULT ',', account_class text DEFAULT NULL)
    RETURNS bigint
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    bad text;
    st @extschema@.staged_rows;
    n bigint;
    changed bigint := 0;
    l_year integer[]; l_period smallint[]; l_class text[]; l_responsibility text[]; l_function text[]; l_type text[];
    l_object text[]; l_amount numeric[];
BEGIN
    PERFORM @extschema@.model_check(model);
    IF unit IS NULL OR unit = '' THEN
        RAISE EXCEPTION 'load_ledger needs the unit whose ledger it is' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    -- the document is read once: its first bad line, and its lines summed
    -- by account string and period
    WITH r AS MATERIALIZED (SELECT * FROM @extschema@.ledger_rows(doc, delimiter, account_class)),
    g AS (SELECT year, period, class, responsibility, function, type, object, sum(amount) AS amount
          FROM r GROUP BY year, period, class, responsibility, function, type, object)
    SELECT (SELECT format('ledger line %s: %s', r.line, coalesce(r.problem, 'no period: a ledger line is booked in a month (a periode column)'))
            FROM r WHERE r.problem IS NOT NULL OR r.period = 0 ORDER BY r.line LIMIT 1),
           coalesce(array_agg(g.year), '{}'), coalesce(array_agg(g.period), '{}'), coalesce(array_agg(g.class), '{}'),
           coalesce(array_agg(g.responsibility), '{}'), coalesce(array_agg(g.function), '{}'), coalesce(array_agg(g.type), '{}'),
           coalesce(array_agg(g.object), '{}'), coalesce(array_agg(g.amount), '{}')
    INTO bad, l_year, l_period, l_class, l_responsibility, l_function, l_type, l_object, l_amount
    FROM g;
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION '%', bad
            USING ERRCODE = 'invalid_text_representation', HINT = 'styring.ledger_rows shows how every line reads; nothing was loaded.';
    END IF;
    -- one load of a unit's ledger at a time: replacing its periods must not
    -- interleave with another load's
    PERFORM pg_advisory_xact_lock(hashtext('styring.ledger'), hashtext(model || '.' || unit));
    st.unit_code := ARRAY[unit];
    changed := @extschema@.apply_staged(model, st);
    EXECUTE format($q$
        WITH r AS (SELECT * FROM unnest($2, $3, $4, $5, $6, $7, $8) r(year, period, class, responsibility, function, type, object))
        DELETE FROM %1$I.ledger l
        WHERE l.unit = $1 AND (l.year, l.period) IN (SELECT DISTINCT year, period FROM r)
          AND NOT EXISTS (SELECT FROM r WHERE (r.year, r.period, r.class, r.responsibility, r.function, r.type, r.object)
                                              = (l.year, l.period, l.class, l.responsibility, l.function, l.type, l.object))$q$, model)
        USING unit, l_year, l_period, l_class, l_responsibility, l_function, l_type, l_object;
    GET DIAGNOSTICS n = ROW_COUNT; changed := changed + n;
    EXECUTE format($q$
        INSERT INTO %1$I.ledger AS l (unit, year, period, class, responsibility, function, type, object, amount)
        SELECT $1, r.* FROM unnest($2, $3, $4, $5, $6, $7, $8, $9) r(year, period, class, responsibility, function, type, object, amount)
        ORDER BY year, period, class COLLATE "C", responsibility COLLATE "C", function COLLATE "C", type COLLATE "C", object COLLATE "C"
        ON CONFLICT (unit, year, period, class, responsibility, function, type, object) DO UPDATE SET amount = EXCLUDED.amount
        WHERE l.amount <> EXCLUDED.amount$q$, model)
        USING unit, l_year, l_period, l_class, l_responsibility, l_function, l_type, l_object, l_amount;
    GET DIAGNOSTICS n = ROW_COUNT; changed := changed + n;
    RETURN changed;
END $fn$;
COMMENT ON FUNCTION @extschema@.load_ledger(text, text, text, text, text) IS
    'loads a unit''s own ledger (a CSV export by account string, read as styring.ledger_rows reads it) into a model''s ledger, replacing each period the document holds and refusing the whole document at its first bad line; returns the lines added, changed or removed';

-- The KOSTRA accounts of a unit's year from its ledger: every line placed
-- on a KOSTRA function and art (ledger_kostra), summed, written into the
-- model's accounts; accounts of that unit and year the ledger no longer
-- has are removed. A line that cannot be placed stops it (22023).
CREATE OR REPLACE FUNCTION @extschema@.ledger_accounts(model text, unit text, year integer) RETURNS bigint
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    bad record;
    st @extschema@.staged_rows;
    n bigint;
    changed bigint;
BEGIN
    PERFORM @extschema@.model_check(model);
    IF unit IS NULL OR year IS NULL THEN
        RAISE EXCEPTION 'ledger_accounts needs a unit and a year' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    EXECUTE format($q$
        SELECT l.period, l.class, l.responsibility, l.function, l.type, l.object, l.kostra_function, l.kostra_type
        FROM %I.ledger_kostra l WHERE l.unit = $1 AND l.year = $2 AND (l.kostra_function IS NULL OR l.kostra_type IS NULL)
        ORDER BY l.period, l.responsibility, l.function, l.type, l.object LIMIT 1$q$, model)
        INTO bad USING unit, year;
    IF bad.class IS NOT NULL THEN
        RAISE EXCEPTION 'the ledger line % % % % (period %) of % has no KOSTRA %', bad.responsibility, bad.function, bad.type, bad.object, bad.period, unit,
            CASE WHEN bad.kostra_function IS NULL THEN 'function' ELSE 'art' END
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Map its own code in ledger_map (dimension function, responsibility or type); ledger_kostra shows every line''s placing.';
    END IF;
    EXECUTE format($q$
        SELECT coalesce(array_agg(unit ORDER BY class, kostra_function, kostra_type), '{}'), coalesce(array_agg(year ORDER BY class, kostra_function, kostra_type), '{}'),
               coalesce(array_agg(class ORDER BY class, kostra_function, kostra_type), '{}'), coalesce(array_agg(kostra_function ORDER BY class, kostra_function, kostra_type), '{}'),
               coalesce(array_agg(kostra_type ORDER BY class, kostra_function, kostra_type), '{}'), coalesce(array_agg(amount ORDER BY class, kostra_function, kostra_type), '{}')
        FROM (SELECT unit, year, class, kostra_function, kostra_type, sum(kostra_amount) AS amount
              FROM %I.ledger_kostra WHERE unit = $1 AND year = $2
              GROUP BY unit, year, class, kostra_function, kostra_type) a$q$, model)
        INTO st.account_unit, st.account_year, st.account_class, st.account_function, st.account_type, st.account_amount
        USING unit, year;
    changed := @extschema@.apply_staged(model, st);
    EXECUTE format($q$
        DELETE FROM %1$I.account a WHERE a.unit = $1 AND a.year = $2
          AND NOT EXISTS (SELECT FROM %1$I.ledger_kostra l WHERE l.unit = $1 AND l.year = $2 AND l.class = a.class
                                                             AND l.kostra_function = a.function AND l.kostra_type = a.type)$q$, model)
        USING unit, year;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN changed + n;
END $fn$;
COMMENT ON FUNCTION @extschema@.ledger_accounts(text, text, integer) IS
    'writes the KOSTRA accounts of a unit''s year from its ledger (every line placed on a KOSTRA function and art by ledger_kostra, summed, in 1 000 NOK with incomes positive) and removes the accounts the ledger no longer has; 22023 for a line that cannot be placed; returns the rows added, changed or removed';
