------------------------------------------------------------------------------
-- roll-up through the chain
------------------------------------------------------------------------------

CREATE TYPE @extschema@.chain_node AS (
    path @extschema@.goalpath, level integer, n bigint, flat_mean double precision, chain_mean double precision);
COMMENT ON TYPE @extschema@.chain_node IS
    'one node of a rolled-up goal chain: values in the subtree (n), their weighted mean (flat_mean), and the mean over the node''s children (chain_mean)';

CREATE FUNCTION @extschema@.chain_rollup_trans(internal, @extschema@.goalpath, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'chain_rollup_trans' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.chain_rollup_trans(internal, @extschema@.goalpath, double precision, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'chain_rollup_trans' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.chain_rollup_combine(internal, internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'chain_rollup_combine' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.chain_rollup_serial(internal) RETURNS bytea
    AS 'MODULE_PATHNAME', 'chain_rollup_serial' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.chain_rollup_deserial(bytea, internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'chain_rollup_deserial' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.chain_rollup_final(internal) RETURNS @extschema@.chain_node[]
    AS 'MODULE_PATHNAME', 'chain_rollup_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.chain_rollup_trans(internal, @extschema@.goalpath, double precision) IS 'transition function of styring.chain_rollup(path, value)';
COMMENT ON FUNCTION @extschema@.chain_rollup_trans(internal, @extschema@.goalpath, double precision, double precision) IS 'transition function of styring.chain_rollup(path, value, weight)';
COMMENT ON FUNCTION @extschema@.chain_rollup_combine(internal, internal) IS 'combine function of styring.chain_rollup';
COMMENT ON FUNCTION @extschema@.chain_rollup_serial(internal) IS 'serialises a partial chain roll-up';
COMMENT ON FUNCTION @extschema@.chain_rollup_deserial(bytea, internal) IS 'deserialises (and validates) a partial chain roll-up';
COMMENT ON FUNCTION @extschema@.chain_rollup_final(internal) IS 'final function of styring.chain_rollup: folds the chain bottom up';

CREATE AGGREGATE @extschema@.chain_rollup(@extschema@.goalpath, double precision) (
    SFUNC = @extschema@.chain_rollup_trans, STYPE = internal, SSPACE = 1024,
    COMBINEFUNC = @extschema@.chain_rollup_combine,
    SERIALFUNC = @extschema@.chain_rollup_serial, DESERIALFUNC = @extschema@.chain_rollup_deserial,
    FINALFUNC = @extschema@.chain_rollup_final, PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.chain_rollup(@extschema@.goalpath, double precision, double precision) (
    SFUNC = @extschema@.chain_rollup_trans, STYPE = internal, SSPACE = 1024,
    COMBINEFUNC = @extschema@.chain_rollup_combine,
    SERIALFUNC = @extschema@.chain_rollup_serial, DESERIALFUNC = @extschema@.chain_rollup_deserial,
    FINALFUNC = @extschema@.chain_rollup_final, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.chain_rollup(@extschema@.goalpath, double precision) IS
    'rolls values up the goal chain: one styring.chain_node per path and ancestor, in tree order; use with unnest()';
COMMENT ON AGGREGATE @extschema@.chain_rollup(@extschema@.goalpath, double precision, double precision) IS
    'rolls weighted values up the goal chain (NULL weight counts as 1; negative is an error)';

-- checks of a chain

CREATE FUNCTION @extschema@.chain_problems(paths @extschema@.goalpath[], measured @extschema@.goalpath[] DEFAULT NULL)
    RETURNS TABLE (path @extschema@.goalpath, problem text)
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
    WITH goal AS (SELECT DISTINCT g FROM pg_catalog.unnest(paths) AS g WHERE g IS NOT NULL),
         covered AS (SELECT DISTINCT a FROM pg_catalog.unnest(measured) AS m, @extschema@.ancestors(m) AS a)
    SELECT g, 'missing_parent' FROM goal
    WHERE @extschema@.nlevel(g) OPERATOR(pg_catalog.>) 1
      AND NOT EXISTS (SELECT 1 FROM goal p WHERE p.g OPERATOR(@extschema@.=) @extschema@.parent(goal.g))
    UNION ALL
    SELECT g, 'unmeasured' FROM goal
    WHERE measured IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM covered c WHERE c.a OPERATOR(@extschema@.=) goal.g)
    ORDER BY 1, 2
    $$;
COMMENT ON FUNCTION @extschema@.chain_problems(@extschema@.goalpath[], @extschema@.goalpath[]) IS
    'problems of a goal chain: missing_parent (a broken thread) and, given the paths that carry indicators, unmeasured (no indicator on the goal or below it)';
