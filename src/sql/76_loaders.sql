------------------------------------------------------------------------------
-- The loaders: parse a document into styring.staged_rows, then apply it.
------------------------------------------------------------------------------

-- A CSV document as rows of text[] (RFC 4180: quoted fields may hold commas,
-- newlines and doubled quotes; LF or CRLF; a byte order mark is skipped).
CREATE OR REPLACE FUNCTION @extschema@.csv_rows(doc text) RETURNS SETOF text[]
    AS 'MODULE_PATHNAME', 'csv_rows' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 1000;
COMMENT ON FUNCTION @extschema@.csv_rows(text) IS
    'the records of a CSV document (RFC 4180) as text arrays, header included; 22P02 names the line of a malformed one';

-- The same with another delimiter: Norwegian and Swedish spreadsheets and
-- many agencies' files separate fields with ';'.
CREATE OR REPLACE FUNCTION @extschema@.csv_rows(doc text, delimiter text) RETURNS SETOF text[]
    AS 'MODULE_PATHNAME', 'csv_rows' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 1000;
COMMENT ON FUNCTION @extschema@.csv_rows(text, text) IS
    'the records of a CSV document whose fields are separated by delimiter (one ASCII character, e.g. ;) as text arrays, header included; 22023 for an invalid delimiter';

CREATE OR REPLACE FUNCTION @extschema@.unit_kind(code text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN CASE WHEN code ~ '^[0-9]{4}$' THEN 'municipality'
                WHEN code ~ '^[0-9]{2}$' THEN 'county'
                WHEN code IN ('EAK', '0000', 'EAKUO') THEN 'country'
                WHEN code ~ '^E[A-Z]{2}' THEN 'region'
                ELSE 'unit' END;
COMMENT ON FUNCTION @extschema@.unit_kind(text) IS
    'the kind of unit a Norwegian region code names: 4 digits a municipality, 2 a county, EAK the country, other E-codes (KOSTRA groups, county aggregates) a region';

-- SSB's PxWebApi json-stat2: the dimensions with the roles geo (region), time
-- (year) and metric (contents code) become unit, year and indicator; a
-- dimension Kjonn (SSB's gender: 0 both, 1 men, 2 women) becomes the gender;
-- every other dimension must have one category. "value" and "status" may be
-- arrays in row-major order or objects keyed by the flat index. Every step is
-- linear in the document (a dimension's categories are read once).
CREATE OR REPLACE FUNCTION @extschema@.load_jsonstat2(model text, doc jsonb, source text DEFAULT 'ssb') RETURNS bigint
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
    codes text[];
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
        codes := @extschema@.jsonstat2_categories(bad.id, bad.cat, sizes[bad.k]);
        IF bad.id NOT IN (geo, tim, metric, coalesce(gender_dim, '')) AND sizes[bad.k] <> 1 THEN
            RAISE EXCEPTION 'json-stat2 dimension "%" has % categories; only region, year, contents and gender may vary', @extschema@.doc_excerpt(bad.id), sizes[bad.k]
                USING ERRCODE = 'invalid_parameter_value', HINT = 'Ask the API for one category of it at a time.';
        END IF;
        IF bad.id = geo THEN
            st.unit_code := codes;
            st.unit_name := ARRAY(SELECT coalesce(bad.cat -> 'label' ->> c, c) FROM unnest(st.unit_code) c);
        ELSIF bad.id = metric THEN
            st.indicator_code := codes;
            st.indicator_name := ARRAY(SELECT coalesce(bad.cat -> 'label' ->> c, c) FROM unnest(st.indicator_code) c);
            st.indicator_measure := ARRAY(SELECT bad.cat -> 'unit' -> c ->> 'base' FROM unnest(st.indicator_code) c);
            st.indicator_source := array_fill(source, ARRAY[cardinality(st.indicator_code)]);
        ELSIF bad.id = tim THEN
            SELECT c INTO badtext FROM unnest(codes) c WHERE c !~ '^[0-9]{4}$' LIMIT 1;
            IF badtext IS NOT NULL THEN
                RAISE EXCEPTION 'json-stat2 time category "%" is not a year', @extschema@.doc_excerpt(badtext) USING ERRCODE = 'invalid_parameter_value';
            END IF;
            st.m_year := ARRAY(SELECT c::int FROM unnest(codes) c);
        ELSIF bad.id = gender_dim THEN
            SELECT c INTO badtext FROM unnest(codes) c WHERE c NOT IN ('0', '1', '2') LIMIT 1;
            IF badtext IS NOT NULL THEN
                RAISE EXCEPTION 'json-stat2 gender category "%" is not 0, 1 or 2', @extschema@.doc_excerpt(badtext) USING ERRCODE = 'invalid_parameter_value';
            END IF;
            st.m_gender := ARRAY(SELECT (ARRAY['T', 'M', 'K'])[c::int + 1] FROM unnest(codes) c);
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
CREATE OR REPLACE FUNCTION @extschema@.jsonstat2_categories(id text, category jsonb, size bigint) RETURNS text[]
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
CREATE OR REPLACE FUNCTION @extschema@.load_kolada(model text, doc jsonb) RETURNS bigint
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
CREATE OR REPLACE FUNCTION @extschema@.load_klass(model text, doc jsonb, kind text DEFAULT NULL) RETURNS bigint
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

-- KOSTRA codes as Statistics Norway writes them. Files made from R or a
-- spreadsheet lose leading zeros: region 301 is Oslo, 0301; 30101 is the
-- district 030101; art 10 is 010. Codes of digits only get them back (regions
-- to 4 digits, or 6 above 9999; functions and arts to 3); any other code is
-- left as it is.
CREATE OR REPLACE FUNCTION @extschema@.kostra_region(code text) RETURNS text
    AS 'MODULE_PATHNAME', 'kostra_region' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.kostra_region(text) IS
    'a KOSTRA region code with its leading zeros (301 -> 0301, 30101 -> 030101), as Statistics Norway''s FixRegionkode; other codes unchanged';

CREATE OR REPLACE FUNCTION @extschema@.kostra_code(code text) RETURNS text
    AS 'MODULE_PATHNAME', 'kostra_code' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.kostra_code(text) IS
    'a KOSTRA function or art code with its leading zeros (10 -> 010); codes of letters (aggregates such as FGK7, AGD9) unchanged';

-- The KOSTRA CSV files SSB's own KOSTRA tools work with, recognised by their
-- header: key-figure base data per municipality ("region" and the variables,
-- with population and KOSTRA group; one year, given as year), the same per
-- KOSTRA group ("group"), accounts (periode, region, kontoklasse, funksjon,
-- art, belop) and the hierarchies of functions or types (periode, to, from,
-- sign; which of the two, given as hierarchy). Region, function and art
-- codes of digits get back the leading zeros that R and spreadsheets drop
-- (styring.kostra_region, styring.kostra_code). The document is parsed by
-- styring.csv_rows in each statement that reads it (no temporary table); a
-- wide row is read once per cell, never once per cell per column.
CREATE OR REPLACE FUNCTION @extschema@.load_kostra_csv(model text, doc text, year integer DEFAULT NULL, hierarchy text DEFAULT NULL)
    RETURNS bigint
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    header text[];
    bad record;
    bad_fields bigint;
    bad_line bigint;
    number_re constant text := '^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$';
    st @extschema@.staged_rows;
    y constant integer := year;
    accounts_header constant text[] := ARRAY['periode', 'region', 'kontoklasse', 'funksjon', 'art', 'belop'];
BEGIN
    PERFORM @extschema@.model_check(model);
    IF doc IS NULL THEN
        RAISE EXCEPTION 'no KOSTRA CSV document (NULL)' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    SELECT f INTO header FROM @extschema@.csv_rows(doc) f LIMIT 1;
    IF header IS NULL THEN
        RAISE EXCEPTION 'empty KOSTRA CSV document' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF header IS DISTINCT FROM accounts_header THEN
        SELECT line, cardinality(f) AS fields INTO bad FROM @extschema@.csv_rows(doc) WITH ORDINALITY c(f, line)
        WHERE cardinality(f) <> cardinality(header) AND NOT (cardinality(f) = 1 AND f[1] = '') LIMIT 1;
        IF FOUND THEN
            RAISE EXCEPTION 'KOSTRA CSV line % has % fields, the header %', bad.line, bad.fields, cardinality(header)
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
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
        FROM (SELECT line, @extschema@.kostra_region(split_part(f[1], ' ', 1)) AS code, nullif(substr(f[1], length(split_part(f[1], ' ', 1)) + 2), '') AS name
              FROM @extschema@.csv_rows(doc) WITH ORDINALITY c(f, line)
              WHERE line > 1 AND NOT (cardinality(f) = 1 AND f[1] = '')) r;
        WITH cell AS (
            SELECT c.line, @extschema@.kostra_region(split_part(c.f[1], ' ', 1)) AS code, h.col, h.cell
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
    ELSIF header = accounts_header THEN
        -- a country's accounts are millions of lines: one reading of the
        -- document checks every line and gathers the columns. The arrays
        -- follow the document's order without a sort: a scan of the
        -- function's rows feeding one aggregate keeps their order.
        SELECT min(line) FILTER (WHERE fields <> cardinality(accounts_header)), min(line) FILTER (WHERE fields = cardinality(accounts_header) AND NOT ok),
               array_agg(@extschema@.kostra_region(f[2])), array_agg(CASE WHEN ok THEN f[1]::int END), array_agg(f[3]),
               array_agg(@extschema@.kostra_code(f[4])), array_agg(@extschema@.kostra_code(f[5])),
               array_agg(CASE WHEN ok THEN f[6]::numeric END)
        INTO bad_fields, bad_line, st.account_unit, st.account_year, st.account_class, st.account_function, st.account_type, st.account_amount
        FROM (SELECT line, f, cardinality(f) AS fields,
                     f[1] ~ '^[0-9]{4}$' AND f[2] <> '' AND f[3] IN ('D', 'I') AND f[6] ~ number_re AS ok
              FROM @extschema@.csv_rows(doc) WITH ORDINALITY c(f, line)
              WHERE line > 1 AND NOT (cardinality(f) = 1 AND f[1] = '')
              OFFSET 0) r;
        IF bad_fields IS NOT NULL THEN
            RAISE EXCEPTION 'KOSTRA CSV line % has % fields, the header %', bad_fields,
                (SELECT cardinality(f) FROM @extschema@.csv_rows(doc) WITH ORDINALITY c(f, line) WHERE line = bad_fields), cardinality(header)
                USING ERRCODE = 'invalid_parameter_value';
        ELSIF bad_line IS NOT NULL THEN
            RAISE EXCEPTION 'KOSTRA accounts CSV line %: % is not periode (a year), region, kontoklasse (D or I), funksjon, art, belop (a number)',
                bad_line, (SELECT @extschema@.doc_excerpt(array_to_string(f, ',')) FROM @extschema@.csv_rows(doc) WITH ORDINALITY c(f, line) WHERE line = bad_line)
                USING ERRCODE = 'invalid_text_representation';
        END IF;
        -- each region once: a country's accounts name 357 units in 3 million lines
        st.unit_code := ARRAY(SELECT DISTINCT u FROM unnest(st.account_unit) u);
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
        SELECT array_agg(f[1]::int ORDER BY line), array_agg(hierarchy ORDER BY line), array_agg(@extschema@.kostra_code(f[2]) ORDER BY line),
               array_agg(@extschema@.kostra_code(f[3]) ORDER BY line), array_agg(CASE f[4] WHEN '+' THEN 1 ELSE -1 END::smallint ORDER BY line)
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
