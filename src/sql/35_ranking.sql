------------------------------------------------------------------------------
-- every member of a group ranked in one pass
------------------------------------------------------------------------------

CREATE TYPE @extschema@.ranked AS (
    member text,
    value double precision,
    rank bigint,
    percent_rank double precision,
    cume_dist double precision,
    quartile_band text,
    grade double precision,
    group_size bigint
);
COMMENT ON TYPE @extschema@.ranked IS
    'one member of a comparison group and where it stands, as ranks() reports it';

CREATE FUNCTION @extschema@.ranking_trans(internal, text, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'ranking_trans' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.ranking_trans(internal, text, double precision, boolean) RETURNS internal
    AS 'MODULE_PATHNAME', 'ranking_trans' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.ranking_combine(internal, internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'ranking_combine' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.ranking_serial(internal) RETURNS bytea
    AS 'MODULE_PATHNAME', 'ranking_serial' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.ranking_deserial(bytea, internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'ranking_deserial' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.ranking_final(internal) RETURNS @extschema@.ranked[]
    AS 'MODULE_PATHNAME', 'ranking_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.ranking_trans(internal, text, double precision) IS 'transition function of styring.ranks(text, float8)';
COMMENT ON FUNCTION @extschema@.ranking_trans(internal, text, double precision, boolean) IS 'transition function of styring.ranks(text, float8, boolean)';
COMMENT ON FUNCTION @extschema@.ranking_combine(internal, internal) IS 'combine function of ranks(): merges two sorted parts of a group';
COMMENT ON FUNCTION @extschema@.ranking_serial(internal) IS 'serialises (sorted) part of a group for parallel workers';
COMMENT ON FUNCTION @extschema@.ranking_deserial(bytea, internal) IS 'deserialises (and validates) part of a group';
COMMENT ON FUNCTION @extschema@.ranking_final(internal) IS 'final function of ranks(): every member with its rank and figures';

CREATE AGGREGATE @extschema@.ranks(member text, value double precision) (
    SFUNC = @extschema@.ranking_trans,
    STYPE = internal,
    SSPACE = 8192,
    COMBINEFUNC = @extschema@.ranking_combine,
    SERIALFUNC = @extschema@.ranking_serial,
    DESERIALFUNC = @extschema@.ranking_deserial,
    FINALFUNC = @extschema@.ranking_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ranks(text, double precision) IS
    'every member of the group with its rank, percent rank, cume_dist, quartile band and grade (higher is better), best first; unnest() it';

CREATE AGGREGATE @extschema@.ranks(member text, value double precision, higher_is_better boolean) (
    SFUNC = @extschema@.ranking_trans,
    STYPE = internal,
    SSPACE = 8192,
    COMBINEFUNC = @extschema@.ranking_combine,
    SERIALFUNC = @extschema@.ranking_serial,
    DESERIALFUNC = @extschema@.ranking_deserial,
    FINALFUNC = @extschema@.ranking_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ranks(text, double precision, boolean) IS
    'every member of the group with its rank, percent rank, cume_dist, quartile band and grade, best first; unnest() it';
