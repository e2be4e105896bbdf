------------------------------------------------------------------------------
-- The controller's own numbers: accounts rolled up through the KOSTRA
-- hierarchies, and key figures made from them as measurements.
--
-- A hierarchy row says parent = sum of sign * child. Rolling up is linear:
-- an aggregate's amount is the sum over the codes without children below it
-- of (the sum over every path from it to the code of the product of the
-- signs on the path) * the code's amount. This is what Statistics Norway's
-- KostraRegnskap computes with matrices; here account_tree holds those
-- coefficients and account_rollup multiplies. A function aggregate crossed
-- with a type (art) aggregate is the sum over both, so the two dimensions are
-- expanded independently and the amounts summed once.
------------------------------------------------------------------------------

-- Raised from account_tree when a hierarchy leads back to a code it came
-- from: its sums would be infinite, and leaving the cycle out would give a
-- wrong amount without a word.
CREATE OR REPLACE FUNCTION @extschema@.account_cycle(year integer, dimension text, path text) RETURNS boolean
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    RAISE EXCEPTION 'the % hierarchy of % has a cycle: %', dimension, year, @extschema@.doc_excerpt(path)
        USING ERRCODE = 'invalid_parameter_value',
              HINT = 'A code may not be summed into itself; delete the row of account_hierarchy that closes the cycle.';
END $fn$;
COMMENT ON FUNCTION @extschema@.account_cycle(integer, text, text) IS
    'raises 22023 naming a cycle in an account hierarchy (account_tree calls it; it never returns)';

-- The accounts part of a model: the tables of denominators and key-figure
-- definitions, and the views that roll up. Made by create_model, added to an
-- older model by upgrade_model; CREATE ... IF NOT EXISTS and CREATE OR
-- REPLACE VIEW leave a model's data and the views built on these alone.
CREATE OR REPLACE FUNCTION @extschema@.model_accounts(model text) RETURNS void
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
    -- no NOTICE for each table an upgraded model already has
    SET client_min_messages = warning
AS $fn$
DECLARE
    stmt text;
BEGIN
    PERFORM @extschema@.model_check(model);
    FOREACH stmt IN ARRAY ARRAY[
$ddl$CREATE TABLE IF NOT EXISTS %1$I.unit_base (
    unit text NOT NULL REFERENCES %1$I.unit (code) ON UPDATE CASCADE ON DELETE CASCADE,
    year integer NOT NULL,
    base text NOT NULL CHECK (base <> '' AND base <> 'population'),
    value numeric NOT NULL CHECK (value >= 0),
    PRIMARY KEY (unit, year, base))$ddl$,
$ddl$COMMENT ON TABLE %1$I.unit_base IS 'denominators of key figures beyond the total population (unit_population): population by age band (''age 1-5'', ''age 67-''), users of a service, FTEs; per unit and year'$ddl$,
$ddl$CREATE TABLE IF NOT EXISTS %1$I.key_figure (
    code text PRIMARY KEY CHECK (code <> ''),
    name text NOT NULL,
    class text NOT NULL DEFAULT 'D' CHECK (class IN ('D', 'I')),
    function text NOT NULL,
    type text NOT NULL,
    base text,
    share_of text,
    CHECK (base IS NULL OR share_of IS NULL))$ddl$,
$ddl$COMMENT ON TABLE %1$I.key_figure IS 'key figures made from the accounts (styring.compute_key_figures writes them as measurements): the amount of a function and a type (leaf codes or hierarchy aggregates) in a class, in 1 000 NOK; per inhabitant (base ''population'') or per unit_base value in NOK; or as a percentage of another function''s amount of the same type (share_of)'$ddl$,
$ddl$CREATE OR REPLACE VIEW %1$I.account_tree AS
WITH RECURSIVE walk (year, dimension, node, leaf, sign) AS (
    SELECT h.year, h.dimension, h.parent, h.child, h.sign::integer
    FROM %1$I.account_hierarchy h
    UNION ALL
    SELECT w.year, w.dimension, w.node, h.child, w.sign * h.sign
    FROM walk w
    JOIN %1$I.account_hierarchy h ON h.year = w.year AND h.dimension = w.dimension AND h.parent = w.leaf
) CYCLE leaf SET cyclic USING path
SELECT w.year, w.dimension, w.node, w.leaf, sum(w.sign)::integer AS sign
FROM walk w
WHERE CASE WHEN w.cyclic THEN @extschema@.account_cycle(w.year, w.dimension, w.node || ' -> ' || replace(translate(w.path::text, '{}()"', ''), ',', ' -> ')) ELSE true END
  AND NOT EXISTS (SELECT FROM %1$I.account_hierarchy c
                  WHERE c.year = w.year AND c.dimension = w.dimension AND c.parent = w.leaf)
GROUP BY w.year, w.dimension, w.node, w.leaf
HAVING sum(w.sign) <> 0$ddl$,
$ddl$COMMENT ON VIEW %1$I.account_tree IS 'each aggregate of an account hierarchy with the codes without children below it and their coefficient: the sum over every path of the product of its signs (an aggregate = sum of coefficient * code); a cycle raises 22023'$ddl$,
$ddl$CREATE OR REPLACE VIEW %1$I.account_rollup AS
WITH tree AS (SELECT year, dimension, node, leaf, sign FROM %1$I.account_tree),
-- the arts first (each line to its art and the art nodes above it, summed
-- per function code), then the functions: linear, so the same sums as
-- crossing both at once, over far fewer rows
by_type AS (
    SELECT a.unit, a.year, a.class, a.function, t.node AS type, sum(a.amount * t.sign) AS amount
    FROM %1$I.account a
    JOIN (SELECT year, node, leaf, sign FROM tree WHERE dimension = 'type'
          UNION ALL
          SELECT DISTINCT year, type, type, 1 FROM %1$I.account) t ON t.year = a.year AND t.leaf = a.type
    GROUP BY a.unit, a.year, a.class, a.function, t.node)
SELECT b.unit, b.year, b.class, f.node AS function, b.type, sum(b.amount * f.sign) AS amount
FROM by_type b
JOIN (SELECT year, node, leaf, sign FROM tree WHERE dimension = 'function'
      UNION ALL
      SELECT DISTINCT year, function, function, 1 FROM %1$I.account) f ON f.year = b.year AND f.leaf = b.function
GROUP BY b.unit, b.year, b.class, f.node, b.type$ddl$,
$ddl$COMMENT ON VIEW %1$I.account_rollup IS 'the accounts summed through the function and type hierarchies of their year, with the signs: every function (code or aggregate) crossed with every type, per unit, year and class, in 1 000 NOK (a code that has children in the hierarchy counts only as itself)'$ddl$,
$ddl$CREATE OR REPLACE VIEW %1$I.account_consolidated AS
-- a special entity (særbedrift) is a unit named by its organisation number
-- under the municipality or county it belongs to
WITH part AS (
    SELECT coalesce(e.parent, a.unit) AS unit, a.unit AS part, a.year, a.class, a.function, a.type, a.amount
    FROM %1$I.account a
    LEFT JOIN %1$I.unit e ON e.code = a.unit AND e.code ~ '^[0-9]{9}$' AND e.parent IS NOT NULL),
grp AS (SELECT DISTINCT unit, year FROM part WHERE part <> unit)
SELECT p.unit, p.year, p.class, p.function, p.type, sum(p.amount) AS amount, array_agg(DISTINCT p.part) AS parts
FROM part p
JOIN grp g ON g.unit = p.unit AND g.year = p.year
-- what the group's members buy from, sell to and transfer to one another
-- (the control program's konserninterne arts) is no money in or out of it
WHERE p.type NOT IN ('380', '480', '780', '880')
GROUP BY p.unit, p.year, p.class, p.function, p.type$ddl$,
$ddl$COMMENT ON VIEW %1$I.account_consolidated IS 'the consolidated accounts (konsern) of every municipality or county that has special entities (særbedrifter: units of nine digits whose parent it is) in a year: its own accounts and theirs summed, without the transactions within the group (arts 380, 480, 780, 880); parts names the units summed'$ddl$,
$ddl$CREATE OR REPLACE VIEW %1$I.key_figure_value AS
WITH tree AS (SELECT year, dimension, node, leaf, sign FROM %1$I.account_tree),
-- what each key figure sums: its own function, and for a share the function
-- it is a share of ('whole')
part AS (
    SELECT code, 'amount' AS part, class, function, type FROM %1$I.key_figure
    UNION ALL
    SELECT code, 'whole', class, share_of, type FROM %1$I.key_figure WHERE share_of IS NOT NULL),
-- the arts first: each account line to the few art nodes the key figures
-- name (the node itself included), summed per function code
tx AS (
    SELECT n.type AS node, t.year, t.leaf, t.sign FROM (SELECT DISTINCT type FROM part) n
    JOIN tree t ON t.dimension = 'type' AND t.node = n.type
    UNION ALL
    SELECT type, NULL, type, 1 FROM (SELECT DISTINCT type FROM part) n),
by_type AS (
    SELECT a.unit, a.year, a.class, a.function, tx.node AS type, sum(a.amount * tx.sign) AS amount
    FROM %1$I.account a
    JOIN tx ON tx.leaf = a.type AND (tx.year IS NULL OR tx.year = a.year)
    GROUP BY a.unit, a.year, a.class, a.function, tx.node),
-- then the functions: each function code to the function nodes named
fx AS (
    SELECT n.function AS node, t.year, t.leaf, t.sign FROM (SELECT DISTINCT function FROM part) n
    JOIN tree t ON t.dimension = 'function' AND t.node = n.function
    UNION ALL
    SELECT function, NULL, function, 1 FROM (SELECT DISTINCT function FROM part) n),
by_node AS (
    SELECT b.unit, b.year, b.class, fx.node AS function, b.type, sum(b.amount * fx.sign) AS amount
    FROM by_type b
    JOIN fx ON fx.leaf = b.function AND (fx.year IS NULL OR fx.year = b.year)
    GROUP BY b.unit, b.year, b.class, fx.node, b.type),
-- each key figure's amount and, for a share, the whole, side by side (one
-- grouping, not a join of the sums with themselves)
figure AS (
    SELECT p.code, n.unit, n.year, sum(n.amount) FILTER (WHERE p.part = 'amount') AS amount,
           sum(n.amount) FILTER (WHERE p.part = 'whole') AS whole
    FROM part p JOIN by_node n ON n.class = p.class AND n.function = p.function AND n.type = p.type
    GROUP BY p.code, n.unit, n.year
    HAVING count(*) FILTER (WHERE p.part = 'amount') > 0)
SELECT m.code AS indicator, m.unit, m.year, m.amount,
       CASE WHEN k.share_of IS NOT NULL THEN m.whole
            WHEN k.base = 'population' THEN p.population
            WHEN k.base IS NOT NULL THEN b.value END AS denominator,
       (CASE WHEN k.share_of IS NOT NULL THEN 100 * m.amount / nullif(m.whole, 0)
             WHEN k.base = 'population' THEN 1000 * m.amount / nullif(p.population, 0)
             WHEN k.base IS NOT NULL THEN 1000 * m.amount / nullif(b.value, 0)
             ELSE m.amount END)::double precision AS value
FROM figure m
JOIN %1$I.key_figure k ON k.code = m.code
LEFT JOIN %1$I.unit_population p ON k.base = 'population' AND p.unit = m.unit AND p.year = m.year
LEFT JOIN %1$I.unit_base b ON b.base = k.base AND b.unit = m.unit AND b.year = m.year$ddl$,
$ddl$COMMENT ON VIEW %1$I.key_figure_value IS 'each key figure of key_figure computed from the accounts, per unit and year: the amount (1 000 NOK), the denominator (inhabitants, the unit_base value, or the amount of share_of) and the value (NULL where the denominator is missing or 0); styring.compute_key_figures writes the values as measurements'$ddl$]
    LOOP
        EXECUTE format(stmt, model);
    END LOOP;
END $fn$;
COMMENT ON FUNCTION @extschema@.model_accounts(text) IS
    'gives a model the tables unit_base and key_figure and the views account_tree, account_rollup, account_consolidated and key_figure_value (create_model and upgrade_model call it; data and users'' views stay)';

-- The key figures Statistics Norway publishes for every municipality, as
-- definitions over its 2015 hierarchies: art aggregates AGD9 (gross operating
-- expenditure: arts 010-480 and depreciation 590, less allocated expenses 690
-- and internal transfers 790), AGD10 (AGD9 less sick-pay refunds 710 and VAT
-- compensation 729) and AGD2 (net operating expenditure: expenditure and
-- depreciation less operating income); function groups FGK1 ... FGK17, FG4
-- (every service function) and FG2 (every function). Target groups as KOSTRA
-- uses them; their populations go into unit_base ('age 1-5', ...).
CREATE OR REPLACE FUNCTION @extschema@.kostra_key_figures(model text) RETURNS bigint
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    n bigint;
BEGIN
    PERFORM @extschema@.model_check(model);
    EXECUTE format($q$
        WITH sector (function, name, target, target_name) AS (VALUES
            ('FGK1', 'administrasjon, styring og fellesutgifter', NULL, NULL),
            ('FGK2', 'kultur og idrett', NULL, NULL),
            ('FGK3', 'plan, kulturminner, natur og nærmiljø', NULL, NULL),
            ('FGK4', 'næringsforvaltning og konsesjonskraft', NULL, NULL),
            ('FGK5', 'samferdsel', NULL, NULL),
            ('FGK6', 'eiendomsforvaltning', NULL, NULL),
            ('FGK7', 'barnehage', 'age 1-5', 'innbygger 1-5 år'),
            ('FGK8', 'grunnskoleopplæring', 'age 6-15', 'innbygger 6-15 år'),
            ('FGK9', 'helse og omsorg', NULL, NULL),
            ('FGK10', 'kommunehelse', NULL, NULL),
            ('FGK11', 'pleie og omsorg', 'age 67-', 'innbygger 67 år og over'),
            ('FGK12', 'sosialtjenesten', 'age 20-66', 'innbygger 20-66 år'),
            ('FGK13', 'barnevern', 'age 0-17', 'innbygger 0-17 år'),
            ('FGK14', 'vann, avløp, renovasjon/avfall', NULL, NULL),
            ('FGK15', 'kirke', NULL, NULL),
            ('FGK16', 'bolig', NULL, NULL),
            ('FGK17', 'brann og ulykkesvern', NULL, NULL),
            ('FG4', 'alle tjenester', NULL, NULL),
            ('FG2', 'alle funksjoner', NULL, NULL)),
        def (code, name, function, type, base, share_of) AS (
            SELECT 'kostra.brutto.' || function, 'Brutto driftsutgifter, ' || name || ' (1 000 kr)', function, 'AGD9', NULL, NULL FROM sector
            UNION ALL
            SELECT 'kostra.korr_brutto.' || function, 'Korrigerte brutto driftsutgifter, ' || name || ' (1 000 kr)', function, 'AGD10', NULL, NULL FROM sector
            UNION ALL
            SELECT 'kostra.netto.' || function, 'Netto driftsutgifter, ' || name || ' (1 000 kr)', function, 'AGD2', NULL, NULL FROM sector
            UNION ALL
            SELECT 'kostra.netto_per_innb.' || function, 'Netto driftsutgifter per innbygger, ' || name || ' (kr)', function, 'AGD2', 'population', NULL FROM sector
            UNION ALL
            SELECT 'kostra.netto_per_mg.' || function, 'Netto driftsutgifter per ' || target_name || ', ' || name || ' (kr)', function, 'AGD2', target, NULL
            FROM sector WHERE target IS NOT NULL
            UNION ALL
            SELECT 'kostra.prioritet.' || function, 'Netto driftsutgifter, ' || name || ', i prosent av netto driftsutgifter til alle tjenester', function, 'AGD2', NULL, 'FG4'
            FROM sector WHERE function LIKE 'FGK%%')
        INSERT INTO %1$I.key_figure (code, name, class, function, type, base, share_of)
        SELECT code, name, 'D', function, type, base, share_of FROM def
        ON CONFLICT (code) DO NOTHING$q$, model);
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END $fn$;
COMMENT ON FUNCTION @extschema@.kostra_key_figures(text) IS
    'adds KOSTRA''s standard key figures to a model''s key_figure table (gross, corrected gross and net operating expenditure per function group; net per inhabitant and per inhabitant of the target group; each sector''s share of net expenditure on all services); keeps definitions already there; returns how many it added';

-- Writes the key figures as measurements, through the loader pipeline (the
-- same locks in the same order as every load, stored profiles kept current),
-- so ranking, trend and cost_quality read them like any indicator. For the
-- years given (NULL: every year with accounts), a key figure that no longer
-- has a value (its accounts or its denominator gone) loses its measurement.
CREATE OR REPLACE FUNCTION @extschema@.compute_key_figures(model text, years integer[] DEFAULT NULL) RETURNS bigint
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    st @extschema@.staged_rows;
    written bigint;
    removed bigint;
    ys integer[];
BEGIN
    PERFORM @extschema@.model_check(model);
    IF years IS NULL THEN
        EXECUTE format('SELECT coalesce(array_agg(DISTINCT year), ''{}'') FROM %I.account', model) INTO ys;
    ELSE
        ys := years;
    END IF;
    EXECUTE format($q$SELECT coalesce(array_agg(code ORDER BY code), '{}'), coalesce(array_agg(name ORDER BY code), '{}'),
                             coalesce(array_agg(CASE WHEN share_of IS NOT NULL THEN 'percent'
                                                     WHEN base IS NULL THEN '1000 NOK'
                                                     WHEN base = 'population' THEN 'NOK per inhabitant'
                                                     ELSE 'NOK per ' || base END ORDER BY code), '{}')
                      FROM %I.key_figure$q$, model)
        INTO st.indicator_code, st.indicator_name, st.indicator_measure;
    st.indicator_source := array_fill('own'::text, ARRAY[cardinality(st.indicator_code)]);
    EXECUTE format($q$SELECT coalesce(array_agg(unit ORDER BY indicator, unit, year), '{}'), coalesce(array_agg(indicator ORDER BY indicator, unit, year), '{}'),
                             coalesce(array_agg(year ORDER BY indicator, unit, year), '{}'), coalesce(array_agg(value ORDER BY indicator, unit, year), '{}')
                      FROM %I.key_figure_value WHERE year = ANY ($1) AND value IS NOT NULL$q$, model)
        INTO st.m_unit, st.m_indicator, st.m_year, st.m_value USING ys;
    st.m_gender := array_fill('T'::text, ARRAY[cardinality(st.m_unit)]);
    st.m_status := array_fill(NULL::text, ARRAY[cardinality(st.m_unit)]);
    written := @extschema@.apply_staged(model, st);
    EXECUTE format($q$DELETE FROM %1$I.measurement m
                      WHERE m.indicator IN (SELECT code FROM %1$I.key_figure) AND m.year = ANY ($1) AND m.gender = 'T'
                        AND NOT EXISTS (SELECT FROM unnest($2, $3, $4) s(unit, indicator, year)
                                        WHERE s.unit = m.unit AND s.indicator = m.indicator AND s.year = m.year)$q$, model)
        USING ys, st.m_unit, st.m_indicator, st.m_year;
    GET DIAGNOSTICS removed = ROW_COUNT;
    RETURN written + removed;
END $fn$;
COMMENT ON FUNCTION @extschema@.compute_key_figures(text, integer[]) IS
    'writes a model''s key figures (key_figure, computed by the view key_figure_value) as measurements of gender T for the years given (NULL: every year with accounts), removing those that no longer have a value; returns the rows added, changed or removed';
