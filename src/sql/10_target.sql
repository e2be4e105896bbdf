------------------------------------------------------------------------------
-- styring.target: a target (resultatmål) such as '>= 90 by 2020 from 72 in 2015'
------------------------------------------------------------------------------

CREATE TYPE @extschema@.target;

CREATE FUNCTION @extschema@.target_in(cstring) RETURNS @extschema@.target
    AS 'MODULE_PATHNAME', 'target_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.target_out(@extschema@.target) RETURNS cstring
    AS 'MODULE_PATHNAME', 'target_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.target_recv(internal) RETURNS @extschema@.target
    AS 'MODULE_PATHNAME', 'target_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.target_send(@extschema@.target) RETURNS bytea
    AS 'MODULE_PATHNAME', 'target_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.target (
    INPUT = @extschema@.target_in,
    OUTPUT = @extschema@.target_out,
    RECEIVE = @extschema@.target_recv,
    SEND = @extschema@.target_send,
    INTERNALLENGTH = 40,
    ALIGNMENT = double,
    STORAGE = plain
);

COMMENT ON TYPE @extschema@.target IS
    'a target (resultatmål, målvärde): op value [±tol] [by year] [from baseline [in year]], e.g. ''>= 90 by 2020 from 72 in 2015''';
COMMENT ON FUNCTION @extschema@.target_in(cstring) IS 'text input for styring.target';
COMMENT ON FUNCTION @extschema@.target_out(@extschema@.target) IS 'canonical text output for styring.target';
COMMENT ON FUNCTION @extschema@.target_recv(internal) IS 'binary input for styring.target (validated like text)';
COMMENT ON FUNCTION @extschema@.target_send(@extschema@.target) IS 'binary output for styring.target';

-- comparison: a total order (op, value, tolerance, year, baseline, baseline year)
CREATE FUNCTION @extschema@.target_cmp(@extschema@.target, @extschema@.target) RETURNS integer
    AS 'MODULE_PATHNAME', 'target_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.target_eq(@extschema@.target, @extschema@.target) RETURNS boolean
    AS 'MODULE_PATHNAME', 'target_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.target_ne(@extschema@.target, @extschema@.target) RETURNS boolean
    AS 'MODULE_PATHNAME', 'target_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.target_lt(@extschema@.target, @extschema@.target) RETURNS boolean
    AS 'MODULE_PATHNAME', 'target_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.target_le(@extschema@.target, @extschema@.target) RETURNS boolean
    AS 'MODULE_PATHNAME', 'target_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.target_gt(@extschema@.target, @extschema@.target) RETURNS boolean
    AS 'MODULE_PATHNAME', 'target_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.target_ge(@extschema@.target, @extschema@.target) RETURNS boolean
    AS 'MODULE_PATHNAME', 'target_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.target_hash(@extschema@.target) RETURNS integer
    AS 'MODULE_PATHNAME', 'target_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.target_hash_extended(@extschema@.target, bigint) RETURNS bigint
    AS 'MODULE_PATHNAME', 'target_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.target_cmp(@extschema@.target, @extschema@.target) IS 'btree comparison for styring.target';
COMMENT ON FUNCTION @extschema@.target_eq(@extschema@.target, @extschema@.target) IS 'implementation of = for styring.target';
COMMENT ON FUNCTION @extschema@.target_ne(@extschema@.target, @extschema@.target) IS 'implementation of <> for styring.target';
COMMENT ON FUNCTION @extschema@.target_lt(@extschema@.target, @extschema@.target) IS 'implementation of < for styring.target';
COMMENT ON FUNCTION @extschema@.target_le(@extschema@.target, @extschema@.target) IS 'implementation of <= for styring.target';
COMMENT ON FUNCTION @extschema@.target_gt(@extschema@.target, @extschema@.target) IS 'implementation of > for styring.target';
COMMENT ON FUNCTION @extschema@.target_ge(@extschema@.target, @extschema@.target) IS 'implementation of >= for styring.target';
COMMENT ON FUNCTION @extschema@.target_hash(@extschema@.target) IS 'hash support for styring.target';
COMMENT ON FUNCTION @extschema@.target_hash_extended(@extschema@.target, bigint) IS 'extended (seeded) hash support for styring.target';

CREATE OPERATOR @extschema@.= (
    LEFTARG = @extschema@.target, RIGHTARG = @extschema@.target,
    FUNCTION = @extschema@.target_eq,
    COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
    RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES
);
CREATE OPERATOR @extschema@.<> (
    LEFTARG = @extschema@.target, RIGHTARG = @extschema@.target,
    FUNCTION = @extschema@.target_ne,
    COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
    RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
CREATE OPERATOR @extschema@.< (
    LEFTARG = @extschema@.target, RIGHTARG = @extschema@.target,
    FUNCTION = @extschema@.target_lt,
    COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
    RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
    LEFTARG = @extschema@.target, RIGHTARG = @extschema@.target,
    FUNCTION = @extschema@.target_le,
    COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
    RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
CREATE OPERATOR @extschema@.> (
    LEFTARG = @extschema@.target, RIGHTARG = @extschema@.target,
    FUNCTION = @extschema@.target_gt,
    COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
    RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
CREATE OPERATOR @extschema@.>= (
    LEFTARG = @extschema@.target, RIGHTARG = @extschema@.target,
    FUNCTION = @extschema@.target_ge,
    COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
    RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);

COMMENT ON OPERATOR @extschema@.= (@extschema@.target, @extschema@.target) IS 'targets are equal (same op, numbers and years)';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.target, @extschema@.target) IS 'targets differ';
COMMENT ON OPERATOR @extschema@.< (@extschema@.target, @extschema@.target) IS 'sorts before, in the total order of targets';
COMMENT ON OPERATOR @extschema@.<= (@extschema@.target, @extschema@.target) IS 'sorts before or equal, in the total order of targets';
COMMENT ON OPERATOR @extschema@.> (@extschema@.target, @extschema@.target) IS 'sorts after, in the total order of targets';
COMMENT ON OPERATOR @extschema@.>= (@extschema@.target, @extschema@.target) IS 'sorts after or equal, in the total order of targets';

CREATE OPERATOR CLASS @extschema@.target_ops
    DEFAULT FOR TYPE @extschema@.target USING btree AS
        OPERATOR 1 @extschema@.< ,
        OPERATOR 2 @extschema@.<= ,
        OPERATOR 3 @extschema@.= ,
        OPERATOR 4 @extschema@.>= ,
        OPERATOR 5 @extschema@.> ,
        FUNCTION 1 @extschema@.target_cmp(@extschema@.target, @extschema@.target);

CREATE OPERATOR CLASS @extschema@.target_hash_ops
    DEFAULT FOR TYPE @extschema@.target USING hash AS
        OPERATOR 1 @extschema@.= ,
        FUNCTION 1 @extschema@.target_hash(@extschema@.target),
        FUNCTION 2 @extschema@.target_hash_extended(@extschema@.target, bigint);

-- constructor and accessors

CREATE FUNCTION @extschema@.make_target(
    op text, value double precision,
    by_year integer DEFAULT NULL, baseline double precision DEFAULT NULL,
    baseline_year integer DEFAULT NULL, tolerance double precision DEFAULT NULL)
    RETURNS @extschema@.target
    AS 'MODULE_PATHNAME', 'make_target' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.make_target(text, double precision, integer, double precision, integer, double precision) IS
    'builds a target from its parts (for BI tools and loaders); NULL op or value gives NULL, other NULLs mean "not given"';

CREATE FUNCTION @extschema@.target_op(@extschema@.target) RETURNS text
    AS 'MODULE_PATHNAME', 'target_op' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.target_value(@extschema@.target) RETURNS double precision
    AS 'MODULE_PATHNAME', 'target_value' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.target_tolerance(@extschema@.target) RETURNS double precision
    AS 'MODULE_PATHNAME', 'target_tolerance' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.target_year(@extschema@.target) RETURNS integer
    AS 'MODULE_PATHNAME', 'target_year' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.target_baseline(@extschema@.target) RETURNS double precision
    AS 'MODULE_PATHNAME', 'target_baseline' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.target_baseline_year(@extschema@.target) RETURNS integer
    AS 'MODULE_PATHNAME', 'target_baseline_year' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.higher_is_better(@extschema@.target) RETURNS boolean
    AS 'MODULE_PATHNAME', 'target_higher_is_better' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.target_op(@extschema@.target) IS 'the operator: >=, <= or =';
COMMENT ON FUNCTION @extschema@.target_value(@extschema@.target) IS 'the target value T';
COMMENT ON FUNCTION @extschema@.target_tolerance(@extschema@.target) IS 'the tolerance of an = target (0 when not given); NULL for >= and <=';
COMMENT ON FUNCTION @extschema@.target_year(@extschema@.target) IS 'the year the target should be reached by, or NULL';
COMMENT ON FUNCTION @extschema@.target_baseline(@extschema@.target) IS 'the baseline value B (utgangspunkt, utgångsläge), or NULL';
COMMENT ON FUNCTION @extschema@.target_baseline_year(@extschema@.target) IS 'the year of the baseline, or NULL';
COMMENT ON FUNCTION @extschema@.higher_is_better(@extschema@.target) IS 'true for >=, false for <=, NULL for = (the direction to rank in)';

COMMENT ON OPERATOR CLASS @extschema@.target_ops USING btree IS 'total order of targets, for sorting, grouping and btree indexes';
COMMENT ON OPERATOR CLASS @extschema@.target_hash_ops USING hash IS 'hashing of targets, for hash joins, hash aggregation and hash indexes';
