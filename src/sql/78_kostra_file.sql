------------------------------------------------------------------------------
-- The accounts file a municipality submits to Statistics Norway: fixed
-- positions, 48 characters a record (the file description published with
-- Statistics Norway's control program, kostra-kontrollprogram):
--    1-2 skjema, 3-6 aargang, 7 kvartal, 8-13 region, 14-22 orgnr,
--    23-31 foretaksnr, 32 kontoklasse, 33-36 funksjon/kapittel,
--    37-39 art/sektor, 40-48 belop (1 000 kr, right-aligned; income and
--    liabilities negative).
-- Read (kostra_file_rows), loaded into a model's accounts (load_kostra_file)
-- and written from them (kostra_file); checked as Statistics Norway's control
-- program checks it in 79_kostra_controls.sql (kostra_file_check).
--
-- In the file an income is negative; in Statistics Norway's published
-- accounts and in the hierarchies that sum them (the model's), arts 600 and
-- above are incomes and positive. The loader and the writer turn the sign.
------------------------------------------------------------------------------

-- The records of a file: its lines (LF or CRLF; empty lines are no records)
-- cut at the positions of the file description, each field as it stands,
-- and funksjon/kapittel, art/sektor and belop as the integers the control
-- program reads (spaces around, a sign, 1-9 digits; NULL where a field is
-- none) (src/kostra_file.c: one pass over the document).
CREATE OR REPLACE FUNCTION @extschema@.kostra_file_rows(doc text)
    RETURNS TABLE (line bigint, length integer, skjema text, aargang text, kvartal text, region text, orgnr text, foretaksnr text,
                   kontoklasse text, funksjon_kapittel text, art_sektor text, belop text,
                   funksjon_kapittel_value integer, art_sektor_value integer, belop_value integer)
    AS 'MODULE_PATHNAME', 'kostra_file_rows' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 1000;
COMMENT ON FUNCTION @extschema@.kostra_file_rows(text) IS
    'the records of a KOSTRA accounts file (fixed positions, 48 characters) with their line numbers and lengths, cut into skjema, aargang, kvartal, region, orgnr, foretaksnr, kontoklasse, funksjon_kapittel, art_sektor and belop as they stand, and the last three as integers where they are (NULL where not)';

-- Which kontoklasse a skjema may carry, as the control program maps them:
-- bevilgning (operating and investment), balance, regional, per skjema.
CREATE OR REPLACE FUNCTION @extschema@.kostra_kontoklasser(skjema text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN CASE WHEN skjema IN ('0A', '0C') OR skjema ~ '^0[AC]K[1-4]$' THEN ARRAY['1', '0']
                WHEN skjema IN ('0F', '0I', '0K', '0M', '0P') THEN ARRAY['3', '4']
                WHEN skjema IN ('0B', '0D') THEN ARRAY['2']
                WHEN skjema ~ '^0[BD]K[1-4]$' THEN ARRAY['2', 'Z', 'z', '~']
                WHEN skjema IN ('0G', '0J', '0L', '0N', '0Q') THEN ARRAY['5']
                WHEN skjema IN ('0X', '0Y') THEN ARRAY[' ']
                ELSE '{}' END;
COMMENT ON FUNCTION @extschema@.kostra_kontoklasser(text) IS
    'the kontoklasse codes a KOSTRA skjema may carry (0A: 1 operating, 0 investment; 0I: 3 and 4; 0B: 2 balance; ...), as Statistics Norway''s control program maps them; empty for an unknown skjema';

-- A file's operating and investment accounts (skjema 0A, 0C, 0I, 0K, 0M,
-- 0P and their quarters) into a model's account table: region 030100 is
-- unit 0301 (a district keeps its 6 digits), a special entity (0I, 0K) is
-- the unit of its organisation number under it; kontoklasse 1 and 3 are D,
-- 0 and 4 are I, the amount stays in 1 000 kr with incomes (arts 600 and
-- above) positive. A file whose records are malformed (001, 003-009, 014:
-- length, fields that do not match the arguments, an amount that is no
-- number) is refused with the first finding's line, and nothing is loaded.
-- The controls of content (code lists, combinations, sums; the program's
-- lists are this year's) are kostra_file_check's to report. Returns the rows
-- added or changed; an amount given twice for one account is summed, as
-- Statistics Norway sums it.
CREATE OR REPLACE FUNCTION @extschema@.load_kostra_file(model text, doc text, skjema text, year integer, region text,
                                                        orgnr text DEFAULT NULL, kvartal text DEFAULT ' ')
    RETURNS bigint
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    bad record;
    st @extschema@.staged_rows;
    -- a special entity's accounts (særbedrift: 0I, 0K) are its own unit, its
    -- organisation number, under the municipality or county it belongs to
    entity constant boolean := left(skjema, 2) IN ('0I', '0K');
    owner constant text := CASE WHEN region ~ '^[0-9]{4}(00)?$' THEN left(region, 4) ELSE region END;
    -- a quarter's file (0AK1 ... 0CK4) holds the year to date through it: it
    -- goes into account_period, not the year's accounts
    quarter constant text := CASE WHEN skjema ~ '^0[AC]K[1-4]$' THEN 'K' || right(skjema, 1) END;
    file_unit constant text := CASE WHEN entity THEN orgnr WHEN region ~ '^[0-9]{4}00$' THEN left(region, 4) ELSE region END;
    units @extschema@.staged_rows;
    changed bigint;
    n bigint;
BEGIN
    PERFORM @extschema@.model_check(model);
    IF entity AND coalesce(orgnr, '') !~ '^[0-9]{9}$' THEN
        RAISE EXCEPTION 'a special entity''s accounts (skjema %) need its organisation number of nine digits, not "%"', skjema, @extschema@.doc_excerpt(coalesce(orgnr, ''))
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'The entity becomes a unit of its own (its organisation number) under the municipality or county of the region.';
    END IF;
    IF NOT (@extschema@.kostra_kontoklasser(skjema) && ARRAY['0', '1', '3', '4']) THEN
        RAISE EXCEPTION 'skjema "%" is not an operating and investment account (bevilgningsregnskap)', @extschema@.doc_excerpt(coalesce(skjema, ''))
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'A model keeps operating and investment accounts: skjema 0A, 0C, 0I, 0K, 0M, 0P (or a quarter, 0AK1 ...).';
    END IF;
    SELECT c.rule, c.message, c.lines[1] AS line INTO bad
    FROM @extschema@.kostra_file_check(doc, skjema, year, region, orgnr, kvartal) c
    WHERE c.severity IN ('fatal', 'error') AND c.rule ~ '^Kontroll 0(0[1-9]|14) ' LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'KOSTRA file line %: % (%)', bad.line, bad.rule, @extschema@.doc_excerpt(bad.message)
            USING ERRCODE = 'invalid_text_representation',
                  HINT = 'styring.kostra_file_check lists every finding; nothing was loaded.';
    END IF;
    WITH r AS (
        SELECT CASE WHEN entity THEN load_kostra_file.orgnr WHEN f.region ~ '^[0-9]{4}00$' THEN left(f.region, 4) ELSE f.region END AS unit,
               CASE WHEN f.kontoklasse IN ('1', '3') THEN 'D' ELSE 'I' END AS class,
               btrim(f.funksjon_kapittel) AS function, btrim(f.art_sektor) AS type,
               btrim(f.belop)::numeric * CASE WHEN btrim(f.art_sektor) >= '600' THEN -1 ELSE 1 END AS amount
        FROM @extschema@.kostra_file_rows(doc) f),
    a AS (SELECT unit, class, function, type, sum(amount) AS amount FROM r GROUP BY unit, class, function, type)
    SELECT coalesce(array_agg(unit ORDER BY class, function, type), '{}'), coalesce(array_agg(year ORDER BY class, function, type), '{}'),
           coalesce(array_agg(class ORDER BY class, function, type), '{}'), coalesce(array_agg(function ORDER BY class, function, type), '{}'),
           coalesce(array_agg(type ORDER BY class, function, type), '{}'), coalesce(array_agg(amount ORDER BY class, function, type), '{}')
    INTO st.account_unit, st.account_year, st.account_class, st.account_function, st.account_type, st.account_amount
    FROM a;
    IF entity THEN
        st.unit_code := ARRAY[owner, orgnr];
        st.unit_parent := ARRAY[NULL, owner];
    ELSE
        st.unit_code := ARRAY(SELECT DISTINCT unnest(st.account_unit));
    END IF;
    IF quarter IS NULL THEN
        RETURN @extschema@.apply_staged(model, st);
    END IF;
    -- the quarter: its units, then its accounts in place of what the model
    -- had of that quarter for them
    units.unit_code := st.unit_code;
    units.unit_parent := st.unit_parent;
    changed := @extschema@.apply_staged(model, units);
    EXECUTE format($q$
        DELETE FROM %1$I.account_period p
        WHERE p.unit = $1 AND p.year = $2 AND p.period = $3
          AND NOT EXISTS (SELECT FROM unnest($4, $5, $6) d(class, function, type)
                          WHERE (d.class, d.function, d.type) = (p.class, p.function, p.type))$q$, model)
        USING file_unit, year, quarter, st.account_class, st.account_function, st.account_type;
    GET DIAGNOSTICS n = ROW_COUNT; changed := changed + n;
    EXECUTE format($q$
        INSERT INTO %1$I.account_period AS p (unit, year, period, class, function, type, amount)
        SELECT $1, $2, $3, d.class, d.function, d.type, d.amount
        FROM unnest($4, $5, $6, $7) d(class, function, type, amount)
        ORDER BY d.class COLLATE "C", d.function COLLATE "C", d.type COLLATE "C"
        ON CONFLICT (unit, year, period, class, function, type) DO UPDATE SET amount = EXCLUDED.amount
        WHERE p.amount <> EXCLUDED.amount$q$, model)
        USING file_unit, year, quarter, st.account_class, st.account_function, st.account_type, st.account_amount;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN changed + n;
END $fn$;
COMMENT ON FUNCTION @extschema@.load_kostra_file(text, text, text, integer, text, text, text) IS
    'loads a KOSTRA accounts file (fixed positions; skjema 0A, 0C, 0I, 0K, 0M, 0P) into a model''s accounts refusing the whole file at the first malformed record (controls 001, 003-009 and 014 of styring.kostra_file_check, with its line); a special entity''s file (0I, 0K) becomes the unit of its organisation number under the region''s municipality or county; a quarter''s file (0AK1 ... 0CK4) goes into account_period as the year to date through that quarter; incomes (arts 600 and above) become positive, as in Statistics Norway''s published accounts; returns the rows added or changed';

-- The file from a model's accounts for one unit and year: skjema 0A for a
-- municipality (4 digits) or a district (6), 0C for a county authority
-- (a code ending in 00, as 0100 or 5000), or as given.
CREATE OR REPLACE FUNCTION @extschema@.kostra_file(model text, unit text, year integer, skjema text DEFAULT NULL)
    RETURNS text
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    s constant text := coalesce(skjema, CASE WHEN unit ~ '^[0-9]{2}00$' THEN '0C' ELSE '0A' END);
    region constant text := CASE WHEN unit ~ '^[0-9]{4}$' THEN unit || '00' ELSE unit END;
    doc text;
    bad record;
BEGIN
    IF model IS NULL OR unit IS NULL OR year IS NULL THEN
        RAISE EXCEPTION 'kostra_file needs a model, a unit and a year' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    IF to_regclass(format('%I.account', model)) IS NULL THEN
        RAISE EXCEPTION 'no steering model in schema "%"', @extschema@.doc_excerpt(coalesce(model, '')) USING ERRCODE = 'undefined_table';
    END IF;
    IF NOT (@extschema@.kostra_kontoklasser(s) && ARRAY['0', '1']) THEN
        RAISE EXCEPTION 'kostra_file writes skjema 0A or 0C (or their quarters), not "%"', @extschema@.doc_excerpt(s) USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF region !~ '^[0-9]{6}$' THEN
        RAISE EXCEPTION 'unit "%" is not a region of 4 or 6 digits', @extschema@.doc_excerpt(unit) USING ERRCODE = 'invalid_parameter_value';
    END IF;
    EXECUTE format($q$
        SELECT a.function, a.type, a.amount FROM %I.account a
        WHERE a.unit = $1 AND a.year = $2 AND (a.function !~ '^[0-9]{3}$' OR a.type !~ '^[0-9]{3}$'
              OR abs(round(a.amount) * CASE WHEN a.type >= '600' THEN -1 ELSE 1 END) >= 100000000)
        LIMIT 1$q$, model) INTO bad USING unit, year;
    IF bad.function IS NOT NULL THEN
        RAISE EXCEPTION 'the account % % of % in % does not fit the file: % (3-digit function and art, at most 8 digits in 1 000 kr)',
            bad.function, bad.type, unit, year, bad.amount USING ERRCODE = 'numeric_value_out_of_range';
    END IF;
    EXECUTE format($q$
        SELECT string_agg(format('%%s%%s%%s%%s%%s%%s%%s%%s%%s',
                                 left($3, 2), $2, CASE WHEN $3 ~ 'K[1-4]$' THEN right($3, 1) ELSE ' ' END, $4,
                                 repeat(' ', 18), CASE a.class WHEN 'D' THEN '1' ELSE '0' END,
                                 rpad(a.function, 4), a.type,
                                 lpad((round(a.amount) * CASE WHEN a.type >= '600' THEN -1 ELSE 1 END)::bigint::text, 9)),
                          E'\n' ORDER BY a.class DESC, a.function, a.type) || E'\n'
        FROM %I.account a WHERE a.unit = $1 AND a.year = $2$q$, model)
        INTO doc USING unit, year, s, region;
    RETURN coalesce(doc, '');
END $fn$;
COMMENT ON FUNCTION @extschema@.kostra_file(text, text, integer, text) IS
    'the KOSTRA accounts file (fixed positions, skjema 0A or 0C) of one unit and year from a model''s accounts: kontoklasse 1 operating, 0 investment, amounts in whole 1 000 kr with incomes (arts 600 and above) negative; 22003 for an account that does not fit';
