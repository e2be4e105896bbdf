/*
 * styring 0.1.0 - install script.
 *
 * Declarations only; the logic is in C. Every reference to an object of ours
 * is schema-qualified (@extschema@), operators included, so a hostile
 * search_path changes nothing. No CREATE OR REPLACE.
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
