/*
 * styring 0.1.0 - install script.
 *
 * Declarations only; the logic is in C. Every reference to an object of ours
 * is schema-qualified (@extschema@), operators included, so a hostile
 * search_path changes nothing. Objects are created, never replaced.
 */
\echo Use "CREATE EXTENSION styring" to load this file. \quit

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

------------------------------------------------------------------------------
-- attainment (måloppnåelse) and status
------------------------------------------------------------------------------

CREATE TYPE @extschema@.goal_status AS ENUM ('no_data', 'achieved', 'on_track', 'at_risk', 'off_track');
COMMENT ON TYPE @extschema@.goal_status IS
    'status of a goal in a year: no_data, achieved, on_track (progress >= expected), at_risk (within the margin), off_track';

CREATE TYPE @extschema@.status_count AS (
    no_data bigint, achieved bigint, on_track bigint, at_risk bigint, off_track bigint, total bigint);
COMMENT ON TYPE @extschema@.status_count IS 'number of goals per status, as returned by styring.status_counts';

CREATE FUNCTION @extschema@.attainment(@extschema@.target, actual double precision) RETURNS double precision
    AS 'MODULE_PATHNAME', 'target_attainment_fn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.progress(@extschema@.target, actual double precision) RETURNS double precision
    AS 'MODULE_PATHNAME', 'target_progress_fn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.achieved(@extschema@.target, actual double precision) RETURNS boolean
    AS 'MODULE_PATHNAME', 'target_achieved_fn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.expected_progress(@extschema@.target, year integer) RETURNS double precision
    AS 'MODULE_PATHNAME', 'target_expected_progress_fn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.status(@extschema@.target, actual double precision,
    year integer DEFAULT NULL, margin double precision DEFAULT 0.10) RETURNS @extschema@.goal_status
    AS 'MODULE_PATHNAME', 'target_status_fn' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.traffic_light(@extschema@.goal_status) RETURNS text
    AS 'MODULE_PATHNAME', 'goal_status_traffic_light' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.attainment(@extschema@.target, double precision) IS
    'måloppnåelse: progress from baseline to target clamped to [0, 1]';
COMMENT ON FUNCTION @extschema@.progress(@extschema@.target, double precision) IS
    'progress from baseline to target, unclamped (below 0 behind the baseline, above 1 past the target)';
COMMENT ON FUNCTION @extschema@.achieved(@extschema@.target, double precision) IS
    'true when the actual value meets the target (>=, <=, or within the tolerance of =)';
COMMENT ON FUNCTION @extschema@.expected_progress(@extschema@.target, integer) IS
    'the progress expected by a year: linear from the baseline year to the target year, 1 when either is unknown';
COMMENT ON FUNCTION @extschema@.status(@extschema@.target, double precision, integer, double precision) IS
    'no_data, achieved, on_track, at_risk or off_track for an actual value in a year; NULL year judges against the whole target';
COMMENT ON FUNCTION @extschema@.traffic_light(@extschema@.goal_status) IS
    'green (achieved, on_track), yellow (at_risk), red (off_track) or grey (no_data)';

-- mean_attainment(target, actual [, weight]): weighted mean attainment of the rows with data

CREATE FUNCTION @extschema@.mean_attainment_trans(double precision[], @extschema@.target, double precision)
    RETURNS double precision[]
    AS 'MODULE_PATHNAME', 'mean_attainment_trans' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.mean_attainment_trans(double precision[], @extschema@.target, double precision, double precision)
    RETURNS double precision[]
    AS 'MODULE_PATHNAME', 'mean_attainment_trans' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.mean_attainment_combine(double precision[], double precision[])
    RETURNS double precision[]
    AS 'MODULE_PATHNAME', 'mean_attainment_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.mean_attainment_final(double precision[]) RETURNS double precision
    AS 'MODULE_PATHNAME', 'mean_attainment_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.mean_attainment_trans(double precision[], @extschema@.target, double precision) IS
    'transition function of styring.mean_attainment(target, actual)';
COMMENT ON FUNCTION @extschema@.mean_attainment_trans(double precision[], @extschema@.target, double precision, double precision) IS
    'transition function of styring.mean_attainment(target, actual, weight)';
COMMENT ON FUNCTION @extschema@.mean_attainment_combine(double precision[], double precision[]) IS
    'combine function of styring.mean_attainment (parallel and distributed aggregation)';
COMMENT ON FUNCTION @extschema@.mean_attainment_final(double precision[]) IS
    'final function of styring.mean_attainment';

CREATE AGGREGATE @extschema@.mean_attainment(@extschema@.target, double precision) (
    SFUNC = @extschema@.mean_attainment_trans,
    STYPE = double precision[],
    INITCOND = '{0,0,0,0,0}',
    COMBINEFUNC = @extschema@.mean_attainment_combine,
    FINALFUNC = @extschema@.mean_attainment_final,
    PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.mean_attainment(@extschema@.target, double precision, double precision) (
    SFUNC = @extschema@.mean_attainment_trans,
    STYPE = double precision[],
    INITCOND = '{0,0,0,0,0}',
    COMBINEFUNC = @extschema@.mean_attainment_combine,
    FINALFUNC = @extschema@.mean_attainment_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.mean_attainment(@extschema@.target, double precision) IS
    'mean attainment of the rows that have an actual value (NULL actual is skipped)';
COMMENT ON AGGREGATE @extschema@.mean_attainment(@extschema@.target, double precision, double precision) IS
    'weighted mean attainment of the rows that have an actual value (NULL weight counts as 1; negative weight is an error)';

-- status_counts(target, actual, year [, margin]): goals per status in one row

CREATE FUNCTION @extschema@.status_counts_trans(bigint[], @extschema@.target, double precision, integer)
    RETURNS bigint[]
    AS 'MODULE_PATHNAME', 'status_counts_trans' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.status_counts_trans(bigint[], @extschema@.target, double precision, integer, double precision)
    RETURNS bigint[]
    AS 'MODULE_PATHNAME', 'status_counts_trans' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.status_counts_combine(bigint[], bigint[]) RETURNS bigint[]
    AS 'MODULE_PATHNAME', 'status_counts_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.status_counts_final(bigint[]) RETURNS @extschema@.status_count
    AS 'MODULE_PATHNAME', 'status_counts_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.status_counts_trans(bigint[], @extschema@.target, double precision, integer) IS
    'transition function of styring.status_counts(target, actual, year)';
COMMENT ON FUNCTION @extschema@.status_counts_trans(bigint[], @extschema@.target, double precision, integer, double precision) IS
    'transition function of styring.status_counts(target, actual, year, margin)';
COMMENT ON FUNCTION @extschema@.status_counts_combine(bigint[], bigint[]) IS
    'combine function of styring.status_counts';
COMMENT ON FUNCTION @extschema@.status_counts_final(bigint[]) IS
    'final function of styring.status_counts';

CREATE AGGREGATE @extschema@.status_counts(@extschema@.target, double precision, integer) (
    SFUNC = @extschema@.status_counts_trans,
    STYPE = bigint[],
    INITCOND = '{0,0,0,0,0}',
    COMBINEFUNC = @extschema@.status_counts_combine,
    FINALFUNC = @extschema@.status_counts_final,
    PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.status_counts(@extschema@.target, double precision, integer, double precision) (
    SFUNC = @extschema@.status_counts_trans,
    STYPE = bigint[],
    INITCOND = '{0,0,0,0,0}',
    COMBINEFUNC = @extschema@.status_counts_combine,
    FINALFUNC = @extschema@.status_counts_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.status_counts(@extschema@.target, double precision, integer) IS
    'number of goals per status (no_data, achieved, on_track, at_risk, off_track, total); rows without a target are skipped';
COMMENT ON AGGREGATE @extschema@.status_counts(@extschema@.target, double precision, integer, double precision) IS
    'number of goals per status with a given at-risk margin';

------------------------------------------------------------------------------
-- styring.profile: a comparison group's values (sammenligningsgruppe,
-- jämförelsegrupp), collected once and then asked where a value stands
------------------------------------------------------------------------------

CREATE TYPE @extschema@.profile;

CREATE FUNCTION @extschema@.profile_in(cstring) RETURNS @extschema@.profile
    AS 'MODULE_PATHNAME', 'profile_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.profile_out(@extschema@.profile) RETURNS cstring
    AS 'MODULE_PATHNAME', 'profile_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.profile_recv(internal) RETURNS @extschema@.profile
    AS 'MODULE_PATHNAME', 'profile_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.profile_send(@extschema@.profile) RETURNS bytea
    AS 'MODULE_PATHNAME', 'profile_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.profile (
    INPUT = @extschema@.profile_in,
    OUTPUT = @extschema@.profile_out,
    RECEIVE = @extschema@.profile_recv,
    SEND = @extschema@.profile_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = extended
);

COMMENT ON TYPE @extschema@.profile IS
    'the values of one comparison group, sorted; text form {v1,v2,...}; build with the styring.profile(float8) aggregate';
COMMENT ON FUNCTION @extschema@.profile_in(cstring) IS 'text input for styring.profile';
COMMENT ON FUNCTION @extschema@.profile_out(@extschema@.profile) IS 'text output for styring.profile (values ascending, shortest exact form)';
COMMENT ON FUNCTION @extschema@.profile_recv(internal) IS 'binary input for styring.profile (validated)';
COMMENT ON FUNCTION @extschema@.profile_send(@extschema@.profile) IS 'binary output for styring.profile';

CREATE FUNCTION @extschema@.profile_eq(@extschema@.profile, @extschema@.profile) RETURNS boolean
    AS 'MODULE_PATHNAME', 'profile_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.profile_ne(@extschema@.profile, @extschema@.profile) RETURNS boolean
    AS 'MODULE_PATHNAME', 'profile_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.profile_eq(@extschema@.profile, @extschema@.profile) IS 'implementation of = for styring.profile';
COMMENT ON FUNCTION @extschema@.profile_ne(@extschema@.profile, @extschema@.profile) IS 'implementation of <> for styring.profile';

CREATE OPERATOR @extschema@.= (
    LEFTARG = @extschema@.profile, RIGHTARG = @extschema@.profile,
    FUNCTION = @extschema@.profile_eq,
    COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
    RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel
);
CREATE OPERATOR @extschema@.<> (
    LEFTARG = @extschema@.profile, RIGHTARG = @extschema@.profile,
    FUNCTION = @extschema@.profile_ne,
    COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
    RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
COMMENT ON OPERATOR @extschema@.= (@extschema@.profile, @extschema@.profile) IS 'profiles hold the same values';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.profile, @extschema@.profile) IS 'profiles hold different values';

-- the aggregates

CREATE FUNCTION @extschema@.profile_trans(internal, double precision) RETURNS internal
    AS 'MODULE_PATHNAME', 'profile_trans' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.profile_union_trans(internal, @extschema@.profile) RETURNS internal
    AS 'MODULE_PATHNAME', 'profile_union_trans' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.profile_combine(internal, internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'profile_combine' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.profile_serial(internal) RETURNS bytea
    AS 'MODULE_PATHNAME', 'profile_serial' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.profile_deserial(bytea, internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'profile_deserial' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.profile_final(internal) RETURNS @extschema@.profile
    AS 'MODULE_PATHNAME', 'profile_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.profile_trans(internal, double precision) IS 'transition function of styring.profile(float8)';
COMMENT ON FUNCTION @extschema@.profile_union_trans(internal, @extschema@.profile) IS 'transition function of styring.profile_union(profile)';
COMMENT ON FUNCTION @extschema@.profile_combine(internal, internal) IS 'combine function of the profile aggregates';
COMMENT ON FUNCTION @extschema@.profile_serial(internal) IS 'serialises a partial profile for parallel workers and distributed nodes';
COMMENT ON FUNCTION @extschema@.profile_deserial(bytea, internal) IS 'deserialises (and validates) a partial profile';
COMMENT ON FUNCTION @extschema@.profile_final(internal) IS 'final function of the profile aggregates: sorts and summarises';

CREATE AGGREGATE @extschema@.profile(double precision) (
    SFUNC = @extschema@.profile_trans,
    STYPE = internal,
    SSPACE = 4096,
    COMBINEFUNC = @extschema@.profile_combine,
    SERIALFUNC = @extschema@.profile_serial,
    DESERIALFUNC = @extschema@.profile_deserial,
    FINALFUNC = @extschema@.profile_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.profile(double precision) IS
    'collects a comparison group''s values (NULLs left out; NaN and infinity refused); NULL for an empty group';

CREATE AGGREGATE @extschema@.profile_union(@extschema@.profile) (
    SFUNC = @extschema@.profile_union_trans,
    STYPE = internal,
    SSPACE = 4096,
    COMBINEFUNC = @extschema@.profile_combine,
    SERIALFUNC = @extschema@.profile_serial,
    DESERIALFUNC = @extschema@.profile_deserial,
    FINALFUNC = @extschema@.profile_final,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.profile_union(@extschema@.profile) IS
    'the profile of all values of the given profiles (groups built on partitions or servers, as one)';

CREATE FUNCTION @extschema@.profile_merge(@extschema@.profile, @extschema@.profile) RETURNS @extschema@.profile
    AS 'MODULE_PATHNAME', 'profile_merge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.profile_merge(@extschema@.profile, @extschema@.profile) IS
    'the profile of both groups'' values together';

-- where a value stands

CREATE FUNCTION @extschema@.rank_in(@extschema@.profile, value double precision, higher_is_better boolean DEFAULT true)
    RETURNS bigint
    AS 'MODULE_PATHNAME', 'profile_rank_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.percent_rank_in(@extschema@.profile, value double precision, higher_is_better boolean DEFAULT true)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'profile_percent_rank_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.cume_dist_in(@extschema@.profile, value double precision, higher_is_better boolean DEFAULT true)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'profile_cume_dist_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.quantile_of(@extschema@.profile, q double precision) RETURNS double precision
    AS 'MODULE_PATHNAME', 'profile_quantile_of' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.quartile_band(@extschema@.profile, value double precision, higher_is_better boolean DEFAULT true)
    RETURNS text
    AS 'MODULE_PATHNAME', 'profile_quartile_band_fn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.grade(@extschema@.profile, value double precision, higher_is_better boolean DEFAULT true)
    RETURNS double precision
    AS 'MODULE_PATHNAME', 'profile_grade_fn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.rank_in(@extschema@.profile, double precision, boolean) IS
    'competition rank in the group, best = 1, as rank() OVER (ORDER BY value DESC, or ASC when lower is better); a value outside the group as if added ("nr X av N")';
COMMENT ON FUNCTION @extschema@.percent_rank_in(@extschema@.profile, double precision, boolean) IS
    'percent_rank() of the value in the group (as if added when it is not a member)';
COMMENT ON FUNCTION @extschema@.cume_dist_in(@extschema@.profile, double precision, boolean) IS
    'cume_dist() of the value in the group (as if added when it is not a member)';
COMMENT ON FUNCTION @extschema@.quantile_of(@extschema@.profile, double precision) IS
    'percentile_cont(q) WITHIN GROUP (ORDER BY value) of the group';
COMMENT ON FUNCTION @extschema@.quartile_band(@extschema@.profile, double precision, boolean) IS
    'top (green), middle (yellow) or bottom (red) quarter of the group, as Kolada and Öppna jämförelser colour it';
COMMENT ON FUNCTION @extschema@.grade(@extschema@.profile, double precision, boolean) IS
    'grade 1.0-6.0 in the style of Kommunebarometeret: best 5 % get 6, worst 5 % get 1, linear in between';

-- the group's own figures

CREATE FUNCTION @extschema@.group_size(@extschema@.profile) RETURNS bigint
    AS 'MODULE_PATHNAME', 'profile_group_size' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.group_min(@extschema@.profile) RETURNS double precision
    AS 'MODULE_PATHNAME', 'profile_group_min' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.group_max(@extschema@.profile) RETURNS double precision
    AS 'MODULE_PATHNAME', 'profile_group_max' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.group_mean(@extschema@.profile) RETURNS double precision
    AS 'MODULE_PATHNAME', 'profile_group_mean' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.group_median(@extschema@.profile) RETURNS double precision
    AS 'MODULE_PATHNAME', 'profile_group_median' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.group_stddev(@extschema@.profile) RETURNS double precision
    AS 'MODULE_PATHNAME', 'profile_group_stddev' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.deviation_from_mean(@extschema@.profile, value double precision) RETURNS double precision
    AS 'MODULE_PATHNAME', 'profile_deviation_from_mean' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.deviation_from_mean_pct(@extschema@.profile, value double precision) RETURNS double precision
    AS 'MODULE_PATHNAME', 'profile_deviation_from_mean_pct' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.deviation_from_median(@extschema@.profile, value double precision) RETURNS double precision
    AS 'MODULE_PATHNAME', 'profile_deviation_from_median' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.deviation_from_median_pct(@extschema@.profile, value double precision) RETURNS double precision
    AS 'MODULE_PATHNAME', 'profile_deviation_from_median_pct' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.z_score(@extschema@.profile, value double precision) RETURNS double precision
    AS 'MODULE_PATHNAME', 'profile_z_score' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.profile_summary(@extschema@.profile) RETURNS jsonb
    AS 'MODULE_PATHNAME', 'profile_summary' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.profile_values(@extschema@.profile) RETURNS double precision[]
    AS 'MODULE_PATHNAME', 'profile_values' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.group_size(@extschema@.profile) IS 'number of values in the group (N in "nr X av N")';
COMMENT ON FUNCTION @extschema@.group_min(@extschema@.profile) IS 'smallest value in the group';
COMMENT ON FUNCTION @extschema@.group_max(@extschema@.profile) IS 'largest value in the group';
COMMENT ON FUNCTION @extschema@.group_mean(@extschema@.profile) IS 'unweighted mean of the group (Kolada''s group figure)';
COMMENT ON FUNCTION @extschema@.group_median(@extschema@.profile) IS 'median of the group, as percentile_cont(0.5)';
COMMENT ON FUNCTION @extschema@.group_stddev(@extschema@.profile) IS 'sample standard deviation of the group, as stddev(); NULL for one value';
COMMENT ON FUNCTION @extschema@.deviation_from_mean(@extschema@.profile, double precision) IS 'value minus the group mean';
COMMENT ON FUNCTION @extschema@.deviation_from_mean_pct(@extschema@.profile, double precision) IS '100 (value - mean) / |mean|; NULL when the mean is 0';
COMMENT ON FUNCTION @extschema@.deviation_from_median(@extschema@.profile, double precision) IS 'value minus the group median';
COMMENT ON FUNCTION @extschema@.deviation_from_median_pct(@extschema@.profile, double precision) IS '100 (value - median) / |median|; NULL when the median is 0';
COMMENT ON FUNCTION @extschema@.z_score(@extschema@.profile, double precision) IS '(value - mean) / stddev; NULL when the group has no spread';
COMMENT ON FUNCTION @extschema@.profile_summary(@extschema@.profile) IS 'n, min, q1, median, q3, max, mean and stddev as JSON, for BI tools';
COMMENT ON FUNCTION @extschema@.profile_values(@extschema@.profile) IS 'the group''s values, ascending';

------------------------------------------------------------------------------
-- styring.goalpath: a goal's place in the goal chain (målkjede, målkedja),
-- e.g. 'bolig_for_velferd.barnefamilier.mål_2.drammen'
------------------------------------------------------------------------------

CREATE TYPE @extschema@.goalpath;

CREATE FUNCTION @extschema@.goalpath_in(cstring) RETURNS @extschema@.goalpath
    AS 'MODULE_PATHNAME', 'goalpath_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.goalpath_out(@extschema@.goalpath) RETURNS cstring
    AS 'MODULE_PATHNAME', 'goalpath_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.goalpath_recv(internal) RETURNS @extschema@.goalpath
    AS 'MODULE_PATHNAME', 'goalpath_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.goalpath_send(@extschema@.goalpath) RETURNS bytea
    AS 'MODULE_PATHNAME', 'goalpath_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.goalpath (
    INPUT = @extschema@.goalpath_in,
    OUTPUT = @extschema@.goalpath_out,
    RECEIVE = @extschema@.goalpath_recv,
    SEND = @extschema@.goalpath_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = int4,
    STORAGE = extended
);

COMMENT ON TYPE @extschema@.goalpath IS
    'a goal''s place in the goal chain: labels (letters and digits of any script, _ and -) separated by ".", sorted as a tree';
COMMENT ON FUNCTION @extschema@.goalpath_in(cstring) IS 'text input for styring.goalpath';
COMMENT ON FUNCTION @extschema@.goalpath_out(@extschema@.goalpath) IS 'text output for styring.goalpath';
COMMENT ON FUNCTION @extschema@.goalpath_recv(internal) IS 'binary input for styring.goalpath (validated like text)';
COMMENT ON FUNCTION @extschema@.goalpath_send(@extschema@.goalpath) IS 'binary output for styring.goalpath';

CREATE FUNCTION @extschema@.goalpath_cmp(@extschema@.goalpath, @extschema@.goalpath) RETURNS integer
    AS 'MODULE_PATHNAME', 'goalpath_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.goalpath_eq(@extschema@.goalpath, @extschema@.goalpath) RETURNS boolean
    AS 'MODULE_PATHNAME', 'goalpath_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.goalpath_ne(@extschema@.goalpath, @extschema@.goalpath) RETURNS boolean
    AS 'MODULE_PATHNAME', 'goalpath_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.goalpath_lt(@extschema@.goalpath, @extschema@.goalpath) RETURNS boolean
    AS 'MODULE_PATHNAME', 'goalpath_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.goalpath_le(@extschema@.goalpath, @extschema@.goalpath) RETURNS boolean
    AS 'MODULE_PATHNAME', 'goalpath_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.goalpath_gt(@extschema@.goalpath, @extschema@.goalpath) RETURNS boolean
    AS 'MODULE_PATHNAME', 'goalpath_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.goalpath_ge(@extschema@.goalpath, @extschema@.goalpath) RETURNS boolean
    AS 'MODULE_PATHNAME', 'goalpath_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.goalpath_hash(@extschema@.goalpath) RETURNS integer
    AS 'MODULE_PATHNAME', 'goalpath_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.goalpath_hash_extended(@extschema@.goalpath, bigint) RETURNS bigint
    AS 'MODULE_PATHNAME', 'goalpath_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.goalpath_cmp(@extschema@.goalpath, @extschema@.goalpath) IS 'btree comparison for styring.goalpath (tree order)';
COMMENT ON FUNCTION @extschema@.goalpath_eq(@extschema@.goalpath, @extschema@.goalpath) IS 'implementation of = for styring.goalpath';
COMMENT ON FUNCTION @extschema@.goalpath_ne(@extschema@.goalpath, @extschema@.goalpath) IS 'implementation of <> for styring.goalpath';
COMMENT ON FUNCTION @extschema@.goalpath_lt(@extschema@.goalpath, @extschema@.goalpath) IS 'implementation of < for styring.goalpath';
COMMENT ON FUNCTION @extschema@.goalpath_le(@extschema@.goalpath, @extschema@.goalpath) IS 'implementation of <= for styring.goalpath';
COMMENT ON FUNCTION @extschema@.goalpath_gt(@extschema@.goalpath, @extschema@.goalpath) IS 'implementation of > for styring.goalpath';
COMMENT ON FUNCTION @extschema@.goalpath_ge(@extschema@.goalpath, @extschema@.goalpath) IS 'implementation of >= for styring.goalpath';
COMMENT ON FUNCTION @extschema@.goalpath_hash(@extschema@.goalpath) IS 'hash support for styring.goalpath';
COMMENT ON FUNCTION @extschema@.goalpath_hash_extended(@extschema@.goalpath, bigint) IS 'extended (seeded) hash support for styring.goalpath';

CREATE OPERATOR @extschema@.= (
    LEFTARG = @extschema@.goalpath, RIGHTARG = @extschema@.goalpath, FUNCTION = @extschema@.goalpath_eq,
    COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
    RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES
);
CREATE OPERATOR @extschema@.<> (
    LEFTARG = @extschema@.goalpath, RIGHTARG = @extschema@.goalpath, FUNCTION = @extschema@.goalpath_ne,
    COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
    RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
CREATE OPERATOR @extschema@.< (
    LEFTARG = @extschema@.goalpath, RIGHTARG = @extschema@.goalpath, FUNCTION = @extschema@.goalpath_lt,
    COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
    RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
    LEFTARG = @extschema@.goalpath, RIGHTARG = @extschema@.goalpath, FUNCTION = @extschema@.goalpath_le,
    COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
    RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
CREATE OPERATOR @extschema@.> (
    LEFTARG = @extschema@.goalpath, RIGHTARG = @extschema@.goalpath, FUNCTION = @extschema@.goalpath_gt,
    COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
    RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
CREATE OPERATOR @extschema@.>= (
    LEFTARG = @extschema@.goalpath, RIGHTARG = @extschema@.goalpath, FUNCTION = @extschema@.goalpath_ge,
    COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
    RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);
COMMENT ON OPERATOR @extschema@.= (@extschema@.goalpath, @extschema@.goalpath) IS 'the same goal path';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.goalpath, @extschema@.goalpath) IS 'different goal paths';
COMMENT ON OPERATOR @extschema@.< (@extschema@.goalpath, @extschema@.goalpath) IS 'sorts before, in tree order';
COMMENT ON OPERATOR @extschema@.<= (@extschema@.goalpath, @extschema@.goalpath) IS 'sorts before or equal, in tree order';
COMMENT ON OPERATOR @extschema@.> (@extschema@.goalpath, @extschema@.goalpath) IS 'sorts after, in tree order';
COMMENT ON OPERATOR @extschema@.>= (@extschema@.goalpath, @extschema@.goalpath) IS 'sorts after or equal, in tree order';

CREATE OPERATOR CLASS @extschema@.goalpath_ops
    DEFAULT FOR TYPE @extschema@.goalpath USING btree AS
        OPERATOR 1 @extschema@.< ,
        OPERATOR 2 @extschema@.<= ,
        OPERATOR 3 @extschema@.= ,
        OPERATOR 4 @extschema@.>= ,
        OPERATOR 5 @extschema@.> ,
        FUNCTION 1 @extschema@.goalpath_cmp(@extschema@.goalpath, @extschema@.goalpath);
CREATE OPERATOR CLASS @extschema@.goalpath_hash_ops
    DEFAULT FOR TYPE @extschema@.goalpath USING hash AS
        OPERATOR 1 @extschema@.= ,
        FUNCTION 1 @extschema@.goalpath_hash(@extschema@.goalpath),
        FUNCTION 2 @extschema@.goalpath_hash_extended(@extschema@.goalpath, bigint);

-- ancestors and descendants

CREATE FUNCTION @extschema@.goalpath_subtree_end(@extschema@.goalpath) RETURNS @extschema@.goalpath
    AS 'MODULE_PATHNAME', 'goalpath_subtree_end' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.goalpath_subtree_end(@extschema@.goalpath) IS
    'internal: the bound after every descendant of a path (not a valid path); makes <@ a btree range';
CREATE FUNCTION @extschema@.is_ancestor(@extschema@.goalpath, @extschema@.goalpath) RETURNS boolean
    AS 'MODULE_PATHNAME', 'goalpath_is_ancestor' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.is_ancestor(@extschema@.goalpath, @extschema@.goalpath) IS
    'true when the first path is the second or one of its ancestors';

-- a <@ b is the range b <= a < subtree_end(b): written in SQL so the planner
-- inlines it and a btree index on a answers descendant queries.
CREATE FUNCTION @extschema@.goalpath_descendant_of(@extschema@.goalpath, @extschema@.goalpath) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS 'SELECT $1 OPERATOR(@extschema@.>=) $2 AND $1 OPERATOR(@extschema@.<) @extschema@.goalpath_subtree_end($2)';
CREATE FUNCTION @extschema@.goalpath_ancestor_of(@extschema@.goalpath, @extschema@.goalpath) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS 'SELECT $2 OPERATOR(@extschema@.>=) $1 AND $2 OPERATOR(@extschema@.<) @extschema@.goalpath_subtree_end($1)';
COMMENT ON FUNCTION @extschema@.goalpath_descendant_of(@extschema@.goalpath, @extschema@.goalpath) IS 'implementation of <@ for styring.goalpath';
COMMENT ON FUNCTION @extschema@.goalpath_ancestor_of(@extschema@.goalpath, @extschema@.goalpath) IS 'implementation of @> for styring.goalpath';

CREATE OPERATOR @extschema@.<@ (
    LEFTARG = @extschema@.goalpath, RIGHTARG = @extschema@.goalpath,
    FUNCTION = @extschema@.goalpath_descendant_of, COMMUTATOR = OPERATOR(@extschema@.@>),
    RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
CREATE OPERATOR @extschema@.@> (
    LEFTARG = @extschema@.goalpath, RIGHTARG = @extschema@.goalpath,
    FUNCTION = @extschema@.goalpath_ancestor_of, COMMUTATOR = OPERATOR(@extschema@.<@),
    RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
COMMENT ON OPERATOR @extschema@.<@ (@extschema@.goalpath, @extschema@.goalpath) IS 'is the path or a descendant of it (index-friendly)';
COMMENT ON OPERATOR @extschema@.@> (@extschema@.goalpath, @extschema@.goalpath) IS 'is the path or an ancestor of it';

-- walking a path

CREATE FUNCTION @extschema@.nlevel(@extschema@.goalpath) RETURNS integer
    AS 'MODULE_PATHNAME', 'goalpath_nlevel' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.parent(@extschema@.goalpath) RETURNS @extschema@.goalpath
    AS 'MODULE_PATHNAME', 'goalpath_parent' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.subpath(@extschema@.goalpath, "offset" integer, len integer DEFAULT NULL)
    RETURNS @extschema@.goalpath
    AS 'MODULE_PATHNAME', 'goalpath_subpath' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.label(@extschema@.goalpath, level integer) RETURNS text
    AS 'MODULE_PATHNAME', 'goalpath_label' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.lca(@extschema@.goalpath, @extschema@.goalpath) RETURNS @extschema@.goalpath
    AS 'MODULE_PATHNAME', 'goalpath_lca' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.goalpath_concat(@extschema@.goalpath, @extschema@.goalpath) RETURNS @extschema@.goalpath
    AS 'MODULE_PATHNAME', 'goalpath_concat' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OPERATOR @extschema@.|| (
    LEFTARG = @extschema@.goalpath, RIGHTARG = @extschema@.goalpath, FUNCTION = @extschema@.goalpath_concat
);
CREATE FUNCTION @extschema@.ancestors(@extschema@.goalpath) RETURNS SETOF @extschema@.goalpath
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE ROWS 5
    AS 'SELECT @extschema@.subpath($1, 0, k) FROM pg_catalog.generate_series(1, @extschema@.nlevel($1)) AS k';

COMMENT ON FUNCTION @extschema@.nlevel(@extschema@.goalpath) IS 'number of labels: the goal''s level in the chain (1 = top)';
COMMENT ON FUNCTION @extschema@.parent(@extschema@.goalpath) IS 'the path one level up; NULL at the top';
COMMENT ON FUNCTION @extschema@.subpath(@extschema@.goalpath, integer, integer) IS
    'labels from offset (0-based, negative from the end), len of them (negative: leave that many off; NULL: to the end), as ltree''s subpath';
COMMENT ON FUNCTION @extschema@.label(@extschema@.goalpath, integer) IS 'the label at a level (1 = top, negative from the end), or NULL';
COMMENT ON FUNCTION @extschema@.lca(@extschema@.goalpath, @extschema@.goalpath) IS 'lowest common ancestor (or the path itself); NULL when the paths share no top label';
COMMENT ON FUNCTION @extschema@.goalpath_concat(@extschema@.goalpath, @extschema@.goalpath) IS 'implementation of || : the second path below the first';
COMMENT ON OPERATOR @extschema@.|| (@extschema@.goalpath, @extschema@.goalpath) IS 'extends a path with the labels of another';
COMMENT ON FUNCTION @extschema@.ancestors(@extschema@.goalpath) IS 'the path and its ancestors, root first, the path itself last';

-- roll-up through the chain

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
CREATE OPERATOR CLASS @extschema@.eval_usage_hash_ops
    DEFAULT FOR TYPE @extschema@.eval_usage USING hash AS
        OPERATOR 1 @extschema@.= ,
        FUNCTION 1 @extschema@.eval_usage_hash(@extschema@.eval_usage);

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

------------------------------------------------------------------------------
-- operator classes
------------------------------------------------------------------------------
COMMENT ON OPERATOR CLASS @extschema@.target_ops USING btree IS 'total order of targets, for sorting, grouping and btree indexes';
COMMENT ON OPERATOR CLASS @extschema@.target_hash_ops USING hash IS 'hashing of targets, for hash joins, hash aggregation and hash indexes';
COMMENT ON OPERATOR CLASS @extschema@.goalpath_ops USING btree IS 'tree order of goal paths; a btree index serves <@ descendant queries';
COMMENT ON OPERATOR CLASS @extschema@.goalpath_hash_ops USING hash IS 'hashing of goal paths';
COMMENT ON OPERATOR CLASS @extschema@.eval_usage_ops USING btree IS 'an order of sets of uses, for sorting and grouping';
COMMENT ON OPERATOR CLASS @extschema@.eval_usage_hash_ops USING hash IS 'hashing of sets of uses';
