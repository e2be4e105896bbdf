------------------------------------------------------------------------------
-- Evaluations (utvärderingar, evalueringer): what they cost and whether they
-- are used (Resultatstyrning 2009, Kvalitetsnätverk Bergslagen)
------------------------------------------------------------------------------

CREATE TYPE @extschema@.eval_usage;

CREATE FUNCTION @extschema@.eval_usage_in(cstring) RETURNS @extschema@.eval_usage
    AS 'MODULE_PATHNAME', 'eval_usage_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.eval_usage_out(@extschema@.eval_usage) RETURNS cstring
    AS 'MODULE_PATHNAME', 'eval_usage_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.eval_usage_recv(internal) RETURNS @extschema@.eval_usage
    AS 'MODULE_PATHNAME', 'eval_usage_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.eval_usage_send(@extschema@.eval_usage) RETURNS bytea
    AS 'MODULE_PATHNAME', 'eval_usage_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.eval_usage (
    INPUT = @extschema@.eval_usage_in,
    OUTPUT = @extschema@.eval_usage_out,
    RECEIVE = @extschema@.eval_usage_recv,
    SEND = @extschema@.eval_usage_send,
    INTERNALLENGTH = 1,
    PASSEDBYVALUE,
    ALIGNMENT = char,
    STORAGE = plain
);
COMMENT ON TYPE @extschema@.eval_usage IS
    'what an evaluation''s result was used for: a set of political_decision, action_plan, budget_process, other; {} = not used at all';
COMMENT ON FUNCTION @extschema@.eval_usage_in(cstring) IS 'text input for styring.eval_usage (English, Swedish or Norwegian words)';
COMMENT ON FUNCTION @extschema@.eval_usage_out(@extschema@.eval_usage) IS 'canonical text output for styring.eval_usage';
COMMENT ON FUNCTION @extschema@.eval_usage_recv(internal) IS 'binary input for styring.eval_usage (validated)';
COMMENT ON FUNCTION @extschema@.eval_usage_send(@extschema@.eval_usage) IS 'binary output for styring.eval_usage';

CREATE FUNCTION @extschema@.eval_usage_cmp(@extschema@.eval_usage, @extschema@.eval_usage) RETURNS integer
    AS 'MODULE_PATHNAME', 'eval_usage_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.eval_usage_eq(@extschema@.eval_usage, @extschema@.eval_usage) RETURNS boolean
    AS 'MODULE_PATHNAME', 'eval_usage_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.eval_usage_ne(@extschema@.eval_usage, @extschema@.eval_usage) RETURNS boolean
    AS 'MODULE_PATHNAME', 'eval_usage_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.eval_usage_lt(@extschema@.eval_usage, @extschema@.eval_usage) RETURNS boolean
    AS 'MODULE_PATHNAME', 'eval_usage_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.eval_usage_le(@extschema@.eval_usage, @extschema@.eval_usage) RETURNS boolean
    AS 'MODULE_PATHNAME', 'eval_usage_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.eval_usage_gt(@extschema@.eval_usage, @extschema@.eval_usage) RETURNS boolean
    AS 'MODULE_PATHNAME', 'eval_usage_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.eval_usage_ge(@extschema@.eval_usage, @extschema@.eval_usage) RETURNS boolean
    AS 'MODULE_PATHNAME', 'eval_usage_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.eval_usage_hash(@extschema@.eval_usage) RETURNS integer
    AS 'MODULE_PATHNAME', 'eval_usage_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.eval_usage_contains(@extschema@.eval_usage, @extschema@.eval_usage) RETURNS boolean
    AS 'MODULE_PATHNAME', 'eval_usage_contains' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.eval_usage_contained(@extschema@.eval_usage, @extschema@.eval_usage) RETURNS boolean
    AS 'MODULE_PATHNAME', 'eval_usage_contained' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.eval_usage_overlaps(@extschema@.eval_usage, @extschema@.eval_usage) RETURNS boolean
    AS 'MODULE_PATHNAME', 'eval_usage_overlaps' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.eval_usage_cmp(@extschema@.eval_usage, @extschema@.eval_usage) IS 'btree comparison for styring.eval_usage';
COMMENT ON FUNCTION @extschema@.eval_usage_eq(@extschema@.eval_usage, @extschema@.eval_usage) IS 'implementation of = for styring.eval_usage';
COMMENT ON FUNCTION @extschema@.eval_usage_ne(@extschema@.eval_usage, @extschema@.eval_usage) IS 'implementation of <> for styring.eval_usage';
COMMENT ON FUNCTION @extschema@.eval_usage_lt(@extschema@.eval_usage, @extschema@.eval_usage) IS 'implementation of < for styring.eval_usage';
COMMENT ON FUNCTION @extschema@.eval_usage_le(@extschema@.eval_usage, @extschema@.eval_usage) IS 'implementation of <= for styring.eval_usage';
COMMENT ON FUNCTION @extschema@.eval_usage_gt(@extschema@.eval_usage, @extschema@.eval_usage) IS 'implementation of > for styring.eval_usage';
COMMENT ON FUNCTION @extschema@.eval_usage_ge(@extschema@.eval_usage, @extschema@.eval_usage) IS 'implementation of >= for styring.eval_usage';
COMMENT ON FUNCTION @extschema@.eval_usage_hash(@extschema@.eval_usage) IS 'hash support for styring.eval_usage';
COMMENT ON FUNCTION @extschema@.eval_usage_contains(@extschema@.eval_usage, @extschema@.eval_usage) IS 'implementation of @> for styring.eval_usage';
COMMENT ON FUNCTION @extschema@.eval_usage_contained(@extschema@.eval_usage, @extschema@.eval_usage) IS 'implementation of <@ for styring.eval_usage';
COMMENT ON FUNCTION @extschema@.eval_usage_overlaps(@extschema@.eval_usage, @extschema@.eval_usage) IS 'implementation of && for styring.eval_usage';

CREATE OPERATOR @extschema@.= (
    LEFTARG = @extschema@.eval_usage, RIGHTARG = @extschema@.eval_usage, FUNCTION = @extschema@.eval_usage_eq,
    COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
    RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES
);
CREATE OPERATOR @extschema@.<> (
    LEFTARG = @extschema@.eval_usage, RIGHTARG = @extschema@.eval_usage, FUNCTION = @extschema@.eval_usage_ne,
    COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
    RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
CREATE OPERATOR @extschema@.< (
    LEFTARG = @extschema@.eval_usage, RIGHTARG = @extschema@.eval_usage, FUNCTION = @extschema@.eval_usage_lt,
    COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
    RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
    LEFTARG = @extschema@.eval_usage, RIGHTARG = @extschema@.eval_usage, FUNCTION = @extschema@.eval_usage_le,
    COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
    RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
CREATE OPERATOR @extschema@.> (
    LEFTARG = @extschema@.eval_usage, RIGHTARG = @extschema@.eval_usage, FUNCTION = @extschema@.eval_usage_gt,
    COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
    RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
CREATE OPERATOR @extschema@.>= (
    LEFTARG = @extschema@.eval_usage, RIGHTARG = @extschema@.eval_usage, FUNCTION = @extschema@.eval_usage_ge,
    COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
    RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);
CREATE OPERATOR @extschema@.@> (
    LEFTARG = @extschema@.eval_usage, RIGHTARG = @extschema@.eval_usage, FUNCTION = @extschema@.eval_usage_contains,
    COMMUTATOR = OPERATOR(@extschema@.<@), RESTRICT = pg_catalog.contsel, JOIN = pg_catalog.contjoinsel
);
CREATE OPERATOR @extschema@.<@ (
    LEFTARG = @extschema@.eval_usage, RIGHTARG = @extschema@.eval_usage, FUNCTION = @extschema@.eval_usage_contained,
    COMMUTATOR = OPERATOR(@extschema@.@>), RESTRICT = pg_catalog.contsel, JOIN = pg_catalog.contjoinsel
);
CREATE OPERATOR @extschema@.&& (
    LEFTARG = @extschema@.eval_usage, RIGHTARG = @extschema@.eval_usage, FUNCTION = @extschema@.eval_usage_overlaps,
    COMMUTATOR = OPERATOR(@extschema@.&&), RESTRICT = pg_catalog.areasel, JOIN = pg_catalog.areajoinsel
);
COMMENT ON OPERATOR @extschema@.= (@extschema@.eval_usage, @extschema@.eval_usage) IS 'the same uses';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.eval_usage, @extschema@.eval_usage) IS 'different uses';
COMMENT ON OPERATOR @extschema@.< (@extschema@.eval_usage, @extschema@.eval_usage) IS 'sorts before (an arbitrary total order, for sorting and grouping)';
COMMENT ON OPERATOR @extschema@.<= (@extschema@.eval_usage, @extschema@.eval_usage) IS 'sorts before or equal';
COMMENT ON OPERATOR @extschema@.> (@extschema@.eval_usage, @extschema@.eval_usage) IS 'sorts after';
COMMENT ON OPERATOR @extschema@.>= (@extschema@.eval_usage, @extschema@.eval_usage) IS 'sorts after or equal';
COMMENT ON OPERATOR @extschema@.@> (@extschema@.eval_usage, @extschema@.eval_usage) IS 'contains every use of';
COMMENT ON OPERATOR @extschema@.<@ (@extschema@.eval_usage, @extschema@.eval_usage) IS 'every use is also in';
COMMENT ON OPERATOR @extschema@.&& (@extschema@.eval_usage, @extschema@.eval_usage) IS 'has a use in common with';

CREATE OPERATOR CLASS @extschema@.eval_usage_ops
    DEFAULT FOR TYPE @extschema@.eval_usage USING btree AS
        OPERATOR 1 @extschema@.< , OPERATOR 2 @extschema@.<= , OPERATOR 3 @extschema@.= ,
        OPERATOR 4 @extschema@.>= , OPERATOR 5 @extschema@.> ,
        FUNCTION 1 @extschema@.eval_usage_cmp(@extschema@.eval_usage, @extschema@.eval_usage);
CREATE FUNCTION @extschema@.eval_usage_hash_extended(@extschema@.eval_usage, bigint) RETURNS bigint
    AS 'MODULE_PATHNAME', 'eval_usage_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.eval_usage_hash_extended(@extschema@.eval_usage, bigint) IS 'seeded hash support for styring.eval_usage (hash partitioning)';
CREATE OPERATOR CLASS @extschema@.eval_usage_hash_ops
    DEFAULT FOR TYPE @extschema@.eval_usage USING hash AS
        OPERATOR 1 @extschema@.= ,
        FUNCTION 1 @extschema@.eval_usage_hash(@extschema@.eval_usage),
        FUNCTION 2 @extschema@.eval_usage_hash_extended(@extschema@.eval_usage, bigint);

CREATE FUNCTION @extschema@.unused(@extschema@.eval_usage) RETURNS boolean
    AS 'MODULE_PATHNAME', 'eval_usage_unused' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.unused(@extschema@.eval_usage) IS 'true when the result was used for nothing at all ({})';

CREATE FUNCTION @extschema@.eval_usage(text[]) RETURNS @extschema@.eval_usage
    AS 'MODULE_PATHNAME', 'eval_usage_from_array' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.eval_usage_to_array(@extschema@.eval_usage) RETURNS text[]
    AS 'MODULE_PATHNAME', 'eval_usage_to_array' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.eval_usage(text[]) IS 'a set of uses from an array of words (English, Swedish or Norwegian)';
COMMENT ON FUNCTION @extschema@.eval_usage_to_array(@extschema@.eval_usage) IS 'the uses as an array of canonical words';
CREATE CAST (text[] AS @extschema@.eval_usage) WITH FUNCTION @extschema@.eval_usage(text[]);
CREATE CAST (@extschema@.eval_usage AS text[]) WITH FUNCTION @extschema@.eval_usage_to_array(@extschema@.eval_usage);
COMMENT ON CAST (text[] AS @extschema@.eval_usage) IS 'words to a set of uses';
COMMENT ON CAST (@extschema@.eval_usage AS text[]) IS 'a set of uses to canonical words';

-- cost

CREATE FUNCTION @extschema@.evaluation_cost(hours numeric, rate numeric, consultant numeric DEFAULT 0,
                                           material numeric DEFAULT 0, other numeric DEFAULT 0) RETURNS numeric
    AS 'MODULE_PATHNAME', 'evaluation_cost' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.evaluation_cost(numeric, numeric, numeric, numeric, numeric) IS
    'exact cost of an evaluation: own hours at the hourly rate plus consultant, material and other costs; NULL parts count as 0';

-- the inventory's tables in one aggregate

CREATE TYPE @extschema@.evaluation_report AS (
    evaluations bigint, costed bigint, hours numeric, staff_cost numeric, consultant_cost numeric,
    material_cost numeric, other_cost numeric, total_cost numeric,
    usage_reported bigint, unused bigint, unused_cost numeric,
    political_decision bigint, action_plan bigint, budget_process bigint, other_use bigint, surveys bigint,
    share_unused double precision, share_political_decision double precision, share_action_plan double precision,
    share_budget_process double precision, share_other_use double precision, share_surveys double precision);
COMMENT ON TYPE @extschema@.evaluation_report IS
    'counts, exact costs and shares of use of an inventory of evaluations, as returned by styring.evaluation_summary';

CREATE FUNCTION @extschema@.evaluation_summary_trans(internal, @extschema@.eval_usage, numeric, numeric, numeric, numeric, numeric, boolean)
    RETURNS internal
    AS 'MODULE_PATHNAME', 'evaluation_summary_trans' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.evaluation_summary_combine(internal, internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'evaluation_summary_combine' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.evaluation_summary_serial(internal) RETURNS bytea
    AS 'MODULE_PATHNAME', 'evaluation_summary_serial' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.evaluation_summary_deserial(bytea, internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'evaluation_summary_deserial' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.evaluation_summary_final(internal) RETURNS @extschema@.evaluation_report
    AS 'MODULE_PATHNAME', 'evaluation_summary_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.evaluation_summary_trans(internal, @extschema@.eval_usage, numeric, numeric, numeric, numeric, numeric, boolean) IS
    'transition function of styring.evaluation_summary';
COMMENT ON FUNCTION @extschema@.evaluation_summary_combine(internal, internal) IS 'combine function of styring.evaluation_summary';
COMMENT ON FUNCTION @extschema@.evaluation_summary_serial(internal) IS 'serialises a partial evaluation summary (exact numerics)';
COMMENT ON FUNCTION @extschema@.evaluation_summary_deserial(bytea, internal) IS 'deserialises (and validates) a partial evaluation summary';
COMMENT ON FUNCTION @extschema@.evaluation_summary_final(internal) IS 'final function of styring.evaluation_summary';

CREATE AGGREGATE @extschema@.evaluation_summary(usage @extschema@.eval_usage, hours numeric, rate numeric,
        consultant numeric, material numeric, other numeric, survey boolean) (
    SFUNC = @extschema@.evaluation_summary_trans, STYPE = internal, SSPACE = 256,
    COMBINEFUNC = @extschema@.evaluation_summary_combine,
    SERIALFUNC = @extschema@.evaluation_summary_serial, DESERIALFUNC = @extschema@.evaluation_summary_deserial,
    FINALFUNC = @extschema@.evaluation_summary_final, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.evaluation_summary(@extschema@.eval_usage, numeric, numeric, numeric, numeric, numeric, boolean) IS
    'the inventory''s report in one row: counts, exact costs by kind, unused evaluations and their cost, uses and surveys, with shares';

CREATE FUNCTION @extschema@.ownership_problem(owner_levels text[]) RETURNS text
    AS 'MODULE_PATHNAME', 'ownership_problem' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ownership_problem(text[]) IS
    'no_owner or several_levels when a result "falls between the chairs", NULL when one level owns it';

COMMENT ON OPERATOR CLASS @extschema@.eval_usage_ops USING btree IS 'an order of sets of uses, for sorting and grouping';
COMMENT ON OPERATOR CLASS @extschema@.eval_usage_hash_ops USING hash IS 'hashing of sets of uses';
