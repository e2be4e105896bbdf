/*
 * styring 0.2.0 - install script.
 *
 * Declarations only; the logic is in C. Every reference to an object of ours
 * is schema-qualified (@extschema@), operators included, so a hostile
 * search_path changes nothing. Objects are created, never replaced.
 */
\echo Use "CREATE EXTENSION styring" to load this file. \quit

-- Nothing may stand in the schema before the extension does: an object put
-- there by whoever made the schema could be picked up by this script, which a
-- trusted install runs as the bootstrap superuser. (Added in 0.3.0, which
-- installs through this script; styring--0.2.0--0.3.0.sql then takes the
-- schema from its creator. It creates nothing.)
DO $empty$
BEGIN
    IF EXISTS (SELECT FROM pg_catalog.pg_class WHERE relnamespace = pg_catalog.to_regnamespace('@extschema@'))
       OR EXISTS (SELECT FROM pg_catalog.pg_proc WHERE pronamespace = pg_catalog.to_regnamespace('@extschema@'))
       OR EXISTS (SELECT FROM pg_catalog.pg_type WHERE typnamespace = pg_catalog.to_regnamespace('@extschema@'))
       OR EXISTS (SELECT FROM pg_catalog.pg_operator WHERE oprnamespace = pg_catalog.to_regnamespace('@extschema@'))
       OR EXISTS (SELECT FROM pg_catalog.pg_opfamily WHERE opfnamespace = pg_catalog.to_regnamespace('@extschema@'))
       OR EXISTS (SELECT FROM pg_catalog.pg_collation WHERE collnamespace = pg_catalog.to_regnamespace('@extschema@'))
       OR EXISTS (SELECT FROM pg_catalog.pg_conversion WHERE connamespace = pg_catalog.to_regnamespace('@extschema@'))
       OR EXISTS (SELECT FROM pg_catalog.pg_ts_config WHERE cfgnamespace = pg_catalog.to_regnamespace('@extschema@'))
       OR EXISTS (SELECT FROM pg_catalog.pg_ts_dict WHERE dictnamespace = pg_catalog.to_regnamespace('@extschema@'))
       OR EXISTS (SELECT FROM pg_catalog.pg_statistic_ext WHERE stxnamespace = pg_catalog.to_regnamespace('@extschema@')) THEN
        RAISE EXCEPTION 'schema "@extschema@" is not empty; styring installs only into an empty schema of that name'
            USING ERRCODE = 'object_not_in_prerequisite_state',
                  HINT = 'Whoever can create objects in styring''s schema can run code as every role that uses styring: drop the schema (or what is in it), then install.';
    END IF;
END $empty$;

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

-- mean_attainment(target, actual [, weight]): weighted mean attainment of the rows with data.
-- The state is a bytea (a version byte and five little-endian float8 sums), exact as text on
-- every server and under every setting, so a partial state can travel between servers.

CREATE FUNCTION @extschema@.mean_attainment_state_trans(bytea, @extschema@.target, double precision)
    RETURNS bytea
    AS 'MODULE_PATHNAME', 'mean_attainment_state_trans' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.mean_attainment_state_trans(bytea, @extschema@.target, double precision, double precision)
    RETURNS bytea
    AS 'MODULE_PATHNAME', 'mean_attainment_state_trans' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
CREATE FUNCTION @extschema@.mean_attainment_state_combine(bytea, bytea) RETURNS bytea
    AS 'MODULE_PATHNAME', 'mean_attainment_state_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.mean_attainment_state_final(bytea) RETURNS double precision
    AS 'MODULE_PATHNAME', 'mean_attainment_state_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.mean_attainment_state_trans(bytea, @extschema@.target, double precision) IS
    'transition function of styring.mean_attainment(target, actual)';
COMMENT ON FUNCTION @extschema@.mean_attainment_state_trans(bytea, @extschema@.target, double precision, double precision) IS
    'transition function of styring.mean_attainment(target, actual, weight)';
COMMENT ON FUNCTION @extschema@.mean_attainment_state_combine(bytea, bytea) IS
    'combine function of styring.mean_attainment (parallel and distributed aggregation)';
COMMENT ON FUNCTION @extschema@.mean_attainment_state_final(bytea) IS
    'final function of styring.mean_attainment';

CREATE AGGREGATE @extschema@.mean_attainment(@extschema@.target, double precision) (
    SFUNC = @extschema@.mean_attainment_state_trans,
    STYPE = bytea,
    INITCOND = '\x0100000000000000000000000000000000000000000000000000000000000000000000000000000000',
    COMBINEFUNC = @extschema@.mean_attainment_state_combine,
    FINALFUNC = @extschema@.mean_attainment_state_final,
    PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.mean_attainment(@extschema@.target, double precision, double precision) (
    SFUNC = @extschema@.mean_attainment_state_trans,
    STYPE = bytea,
    INITCOND = '\x0100000000000000000000000000000000000000000000000000000000000000000000000000000000',
    COMBINEFUNC = @extschema@.mean_attainment_state_combine,
    FINALFUNC = @extschema@.mean_attainment_state_final,
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

-- every member of a group ranked in one pass

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

-- x <@ b tests b <= x < subtree_end(b); a support function hands that range
-- to a btree index on x, and two estimators give the planner its selectivity
-- (see src/goalpath_planner.c). The operators themselves stay in every plan,
-- so a plan sent to another server reads "x <@ 'a.b'".
CREATE FUNCTION @extschema@.goalpath_subtree_support(internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'goalpath_subtree_support' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.goalpath_subtree_restrict(internal, oid, internal, integer) RETURNS double precision
    AS 'MODULE_PATHNAME', 'goalpath_subtree_restrict' LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.goalpath_subtree_join(internal, oid, internal, smallint, internal) RETURNS double precision
    AS 'MODULE_PATHNAME', 'goalpath_subtree_join' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.goalpath_subtree_support(internal) IS
    'planner support of <@ and @> for styring.goalpath: the btree index range of a subtree';
COMMENT ON FUNCTION @extschema@.goalpath_subtree_restrict(internal, oid, internal, integer) IS
    'selectivity estimator of <@ and @> for styring.goalpath';
COMMENT ON FUNCTION @extschema@.goalpath_subtree_join(internal, oid, internal, smallint, internal) IS
    'join selectivity estimator of <@ and @> for styring.goalpath';

CREATE FUNCTION @extschema@.is_ancestor(@extschema@.goalpath, @extschema@.goalpath) RETURNS boolean
    AS 'MODULE_PATHNAME', 'goalpath_is_ancestor' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
    SUPPORT @extschema@.goalpath_subtree_support;
COMMENT ON FUNCTION @extschema@.is_ancestor(@extschema@.goalpath, @extschema@.goalpath) IS
    'true when the first path is the second or one of its ancestors';
CREATE FUNCTION @extschema@.goalpath_descendant_of(@extschema@.goalpath, @extschema@.goalpath) RETURNS boolean
    AS 'MODULE_PATHNAME', 'goalpath_is_descendant' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
    SUPPORT @extschema@.goalpath_subtree_support;
CREATE FUNCTION @extschema@.goalpath_ancestor_of(@extschema@.goalpath, @extschema@.goalpath) RETURNS boolean
    AS 'MODULE_PATHNAME', 'goalpath_is_ancestor' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
    SUPPORT @extschema@.goalpath_subtree_support;
COMMENT ON FUNCTION @extschema@.goalpath_descendant_of(@extschema@.goalpath, @extschema@.goalpath) IS 'implementation of <@ for styring.goalpath';
COMMENT ON FUNCTION @extschema@.goalpath_ancestor_of(@extschema@.goalpath, @extschema@.goalpath) IS 'implementation of @> for styring.goalpath';

CREATE OPERATOR @extschema@.<@ (
    LEFTARG = @extschema@.goalpath, RIGHTARG = @extschema@.goalpath,
    FUNCTION = @extschema@.goalpath_descendant_of, COMMUTATOR = OPERATOR(@extschema@.@>),
    RESTRICT = @extschema@.goalpath_subtree_restrict, JOIN = @extschema@.goalpath_subtree_join
);
CREATE OPERATOR @extschema@.@> (
    LEFTARG = @extschema@.goalpath, RIGHTARG = @extschema@.goalpath,
    FUNCTION = @extschema@.goalpath_ancestor_of, COMMUTATOR = OPERATOR(@extschema@.<@),
    RESTRICT = @extschema@.goalpath_subtree_restrict, JOIN = @extschema@.goalpath_subtree_join
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

------------------------------------------------------------------------------
-- operator classes
------------------------------------------------------------------------------
COMMENT ON OPERATOR CLASS @extschema@.target_ops USING btree IS 'total order of targets, for sorting, grouping and btree indexes';
COMMENT ON OPERATOR CLASS @extschema@.target_hash_ops USING hash IS 'hashing of targets, for hash joins, hash aggregation and hash indexes';
COMMENT ON OPERATOR CLASS @extschema@.goalpath_ops USING btree IS 'tree order of goal paths; a btree index serves <@ descendant queries';
COMMENT ON OPERATOR CLASS @extschema@.goalpath_hash_ops USING hash IS 'hashing of goal paths';
COMMENT ON OPERATOR CLASS @extschema@.eval_usage_ops USING btree IS 'an order of sets of uses, for sorting and grouping';
COMMENT ON OPERATOR CLASS @extschema@.eval_usage_hash_ops USING hash IS 'hashing of sets of uses';
------------------------------------------------------------------------------
-- reaching clients (0.2.0): BI tools, drivers and read-only roles
------------------------------------------------------------------------------

-- Every function is a pure computation on its arguments, so the schema is
-- open to every role: a reporting role with SELECT on its tables and nothing
-- else can call the functions and casts. (Functions and types are usable by
-- PUBLIC by default; only the schema's USAGE was missing.)
GRANT USAGE ON SCHEMA @extschema@ TO PUBLIC;

-- Strings to styring values. Drivers bind strings as text or varchar (pgJDBC
-- by default, ODBC's SQL_VARCHAR), never as unknown; implicit casts let such a
-- string stand wherever a styring value is expected, in a function call or an
-- INSERT, as PostGIS does for geometry. They are I/O casts: the string goes
-- through the type's input function, what a literal accepts and nothing else.
-- The *_from_text functions are the same cast in function form (not named
-- after their types: profile(float8) is the aggregate, and an untyped
-- parameter must keep finding it).
CREATE FUNCTION @extschema@.target_from_text(text) RETURNS @extschema@.target
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN $1::@extschema@.target;
CREATE FUNCTION @extschema@.profile_from_text(text) RETURNS @extschema@.profile
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN $1::@extschema@.profile;
CREATE FUNCTION @extschema@.goalpath_from_text(text) RETURNS @extschema@.goalpath
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN $1::@extschema@.goalpath;
CREATE FUNCTION @extschema@.eval_usage_from_text(text) RETURNS @extschema@.eval_usage
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN $1::@extschema@.eval_usage;
COMMENT ON FUNCTION @extschema@.target_from_text(text) IS 'a target from its text, e.g. styring.target_from_text(''>= 90 by 2020''); the cast from text and varchar';
COMMENT ON FUNCTION @extschema@.profile_from_text(text) IS 'a profile from its text, e.g. styring.profile_from_text(''{1,2,3}''); the cast from text and varchar';
COMMENT ON FUNCTION @extschema@.goalpath_from_text(text) IS 'a goal path from its text, e.g. styring.goalpath_from_text(''a.b''); the cast from text and varchar';
COMMENT ON FUNCTION @extschema@.eval_usage_from_text(text) IS 'a set of uses from its text, e.g. styring.eval_usage_from_text(''{action_plan}''); the cast from text and varchar';

CREATE CAST (text AS @extschema@.target) WITH INOUT AS IMPLICIT;
CREATE CAST (varchar AS @extschema@.target) WITH INOUT AS IMPLICIT;
CREATE CAST (text AS @extschema@.profile) WITH INOUT AS IMPLICIT;
CREATE CAST (varchar AS @extschema@.profile) WITH INOUT AS IMPLICIT;
CREATE CAST (text AS @extschema@.goalpath) WITH INOUT AS IMPLICIT;
CREATE CAST (varchar AS @extschema@.goalpath) WITH INOUT AS IMPLICIT;
CREATE CAST (text AS @extschema@.eval_usage) WITH INOUT AS IMPLICIT;
CREATE CAST (varchar AS @extschema@.eval_usage) WITH INOUT AS IMPLICIT;
COMMENT ON CAST (text AS @extschema@.target) IS 'a string where a target is expected (drivers bind strings as text)';
COMMENT ON CAST (varchar AS @extschema@.target) IS 'a string where a target is expected (pgJDBC binds strings as varchar)';
COMMENT ON CAST (text AS @extschema@.profile) IS 'a string where a profile is expected (drivers bind strings as text)';
COMMENT ON CAST (varchar AS @extschema@.profile) IS 'a string where a profile is expected (pgJDBC binds strings as varchar)';
COMMENT ON CAST (text AS @extschema@.goalpath) IS 'a string where a goal path is expected (drivers bind strings as text)';
COMMENT ON CAST (varchar AS @extschema@.goalpath) IS 'a string where a goal path is expected (pgJDBC binds strings as varchar)';
COMMENT ON CAST (text AS @extschema@.eval_usage) IS 'a string where a set of uses is expected (drivers bind strings as text)';
COMMENT ON CAST (varchar AS @extschema@.eval_usage) IS 'a string where a set of uses is expected (pgJDBC binds strings as varchar)';

CREATE CAST (text AS @extschema@.goal_status) WITH INOUT AS IMPLICIT;
CREATE CAST (varchar AS @extschema@.goal_status) WITH INOUT AS IMPLICIT;
COMMENT ON CAST (text AS @extschema@.goal_status) IS 'a string where a goal status is expected (drivers bind strings as text)';
COMMENT ON CAST (varchar AS @extschema@.goal_status) IS 'a string where a goal status is expected (pgJDBC binds strings as varchar)';

-- min() and max() of the two types with a total order; SORTOP lets an index
-- answer them.
CREATE FUNCTION @extschema@.target_smaller(@extschema@.target, @extschema@.target) RETURNS @extschema@.target
    AS 'MODULE_PATHNAME', 'target_smaller' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.target_larger(@extschema@.target, @extschema@.target) RETURNS @extschema@.target
    AS 'MODULE_PATHNAME', 'target_larger' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.goalpath_smaller(@extschema@.goalpath, @extschema@.goalpath) RETURNS @extschema@.goalpath
    AS 'MODULE_PATHNAME', 'goalpath_smaller' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.goalpath_larger(@extschema@.goalpath, @extschema@.goalpath) RETURNS @extschema@.goalpath
    AS 'MODULE_PATHNAME', 'goalpath_larger' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.target_smaller(@extschema@.target, @extschema@.target) IS 'the smaller of two targets in their total order';
COMMENT ON FUNCTION @extschema@.target_larger(@extschema@.target, @extschema@.target) IS 'the larger of two targets in their total order';
COMMENT ON FUNCTION @extschema@.goalpath_smaller(@extschema@.goalpath, @extschema@.goalpath) IS 'the first of two goal paths in tree order';
COMMENT ON FUNCTION @extschema@.goalpath_larger(@extschema@.goalpath, @extschema@.goalpath) IS 'the last of two goal paths in tree order';

CREATE AGGREGATE @extschema@.min(@extschema@.target) (
    SFUNC = @extschema@.target_smaller, STYPE = @extschema@.target,
    COMBINEFUNC = @extschema@.target_smaller, SORTOP = OPERATOR(@extschema@.<), PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.max(@extschema@.target) (
    SFUNC = @extschema@.target_larger, STYPE = @extschema@.target,
    COMBINEFUNC = @extschema@.target_larger, SORTOP = OPERATOR(@extschema@.>), PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.min(@extschema@.goalpath) (
    SFUNC = @extschema@.goalpath_smaller, STYPE = @extschema@.goalpath,
    COMBINEFUNC = @extschema@.goalpath_smaller, SORTOP = OPERATOR(@extschema@.<), PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.max(@extschema@.goalpath) (
    SFUNC = @extschema@.goalpath_larger, STYPE = @extschema@.goalpath,
    COMBINEFUNC = @extschema@.goalpath_larger, SORTOP = OPERATOR(@extschema@.>), PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.min(@extschema@.target) IS 'the smallest target in the total order (NULLs skipped)';
COMMENT ON AGGREGATE @extschema@.max(@extschema@.target) IS 'the largest target in the total order (NULLs skipped)';
COMMENT ON AGGREGATE @extschema@.min(@extschema@.goalpath) IS 'the first goal path in tree order (NULLs skipped)';
COMMENT ON AGGREGATE @extschema@.max(@extschema@.goalpath) IS 'the last goal path in tree order (NULLs skipped)';

-- Amounts bound as double precision (psqlODBC, pgJDBC setDouble, Excel):
-- read as PostgreSQL's float8-to-numeric cast reads them, 15 significant
-- digits, exact to the øre below 10^13 and refused above (22003).
CREATE FUNCTION @extschema@.evaluation_cost(hours double precision, rate double precision,
        consultant double precision DEFAULT 0, material double precision DEFAULT 0, other double precision DEFAULT 0)
    RETURNS numeric
    AS 'MODULE_PATHNAME', 'evaluation_cost_float8' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.evaluation_cost(double precision, double precision, double precision, double precision, double precision) IS
    'evaluation_cost for amounts in double precision, read to 15 significant digits (exact to the øre below 10^13)';

CREATE FUNCTION @extschema@.evaluation_summary_trans(internal, @extschema@.eval_usage, double precision, double precision,
        double precision, double precision, double precision, boolean)
    RETURNS internal
    AS 'MODULE_PATHNAME', 'evaluation_summary_trans_float8' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.evaluation_summary_trans(internal, @extschema@.eval_usage, double precision, double precision, double precision, double precision, double precision, boolean) IS
    'transition function of evaluation_summary for amounts in double precision';
CREATE AGGREGATE @extschema@.evaluation_summary(usage @extschema@.eval_usage, hours double precision, rate double precision,
        consultant double precision, material double precision, other double precision, survey boolean) (
    SFUNC = @extschema@.evaluation_summary_trans, STYPE = internal, SSPACE = 256,
    COMBINEFUNC = @extschema@.evaluation_summary_combine,
    SERIALFUNC = @extschema@.evaluation_summary_serial, DESERIALFUNC = @extschema@.evaluation_summary_deserial,
    FINALFUNC = @extschema@.evaluation_summary_final, PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.evaluation_summary(@extschema@.eval_usage, double precision, double precision, double precision, double precision, double precision, boolean) IS
    'evaluation_summary for amounts in double precision, read to 15 significant digits (exact to the øre below 10^13)';

-- What the backend's cache of stored profiles holds in this transaction
-- (styring.profile_cache_size bounds it; every function of a query shares it).
CREATE FUNCTION @extschema@.profile_cache_stats(OUT entries bigint, OUT bytes bigint, OUT hits bigint, OUT misses bigint,
                                                OUT limit_bytes bigint)
    AS 'MODULE_PATHNAME', 'profile_cache_stats' LANGUAGE C VOLATILE STRICT PARALLEL RESTRICTED;
COMMENT ON FUNCTION @extschema@.profile_cache_stats() IS
    'this backend''s cache of stored (toasted) profiles in the current transaction: profiles held, bytes, hits, misses (reads from the toast table) and the bound, styring.profile_cache_size';

------------------------------------------------------------------------------
-- the steering model: a home for a municipality's units, groups, indicators,
-- goals, targets, measurements, accounts and evaluations, and the loaders for
-- what Statistics Norway (SSB) and Kolada publish
------------------------------------------------------------------------------

-- A CSV document as rows of text[] (RFC 4180: quoted fields may hold commas,
-- newlines and doubled quotes; LF or CRLF; a byte order mark is skipped).
CREATE FUNCTION @extschema@.csv_rows(doc text) RETURNS SETOF text[]
    AS 'MODULE_PATHNAME', 'csv_rows' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 1000;
COMMENT ON FUNCTION @extschema@.csv_rows(text) IS
    'the records of a CSV document (RFC 4180) as text arrays, header included; 22P02 names the line of a malformed one';

-- measurement's references to unit and indicator are checked per statement,
-- on the rows the statement wrote (a set-based check), not per row: a loader
-- writes 100 000 measurements in one statement, and 200 000 row-by-row
-- foreign-key lookups would take most of its time. Deleting a unit or an
-- indicator deletes its measurements; changing the code of one that has
-- measurements is refused, as a foreign key without ON UPDATE CASCADE would.
CREATE FUNCTION @extschema@.model_measurement_refs() RETURNS trigger
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    bad record;
BEGIN
    -- the distinct codes first: a few hundred lookups, not one per row
    EXECUTE format($q$
        SELECT 'unit' AS what, w.code FROM (SELECT DISTINCT unit AS code FROM written) w
        WHERE NOT EXISTS (SELECT FROM %1$I.unit u WHERE u.code = w.code)
        UNION ALL
        SELECT 'indicator', w.code FROM (SELECT DISTINCT indicator AS code FROM written) w
        WHERE NOT EXISTS (SELECT FROM %1$I.indicator i WHERE i.code = w.code)
        LIMIT 1$q$, TG_TABLE_SCHEMA) INTO bad;
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'insert or update on table "%.measurement" names % "%", which is not in table "%"',
            TG_TABLE_SCHEMA, bad.what, bad.code, bad.what
            USING ERRCODE = 'foreign_key_violation', HINT = 'Add the unit or indicator first; the loaders add the ones a document names.';
    END IF;
    RETURN NULL;
END $fn$;
COMMENT ON FUNCTION @extschema@.model_measurement_refs() IS
    'trigger of a model''s measurement table: every unit and indicator a statement wrote exists (checked per statement)';

CREATE FUNCTION @extschema@.model_measurement_cascade() RETURNS trigger
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    col text := CASE TG_TABLE_NAME WHEN 'unit' THEN 'unit' ELSE 'indicator' END;
    gone text;
BEGIN
    IF TG_OP = 'DELETE' THEN
        EXECUTE format('DELETE FROM %1$I.measurement m USING removed r WHERE m.%2$I = r.code', TG_TABLE_SCHEMA, col);
    ELSE
        EXECUTE format($q$
            SELECT r.code FROM removed r
            WHERE NOT EXISTS (SELECT FROM written w WHERE w.code = r.code)
              AND EXISTS (SELECT FROM %1$I.measurement m WHERE m.%2$I = r.code) LIMIT 1$q$, TG_TABLE_SCHEMA, col) INTO gone;
        IF gone IS NOT NULL THEN
            RAISE EXCEPTION 'the % "%" has measurements; its code cannot change', col, gone
                USING ERRCODE = 'foreign_key_violation';
        END IF;
    END IF;
    RETURN NULL;
END $fn$;
COMMENT ON FUNCTION @extschema@.model_measurement_cascade() IS
    'trigger of a model''s unit and indicator tables: deleting one deletes its measurements; a code with measurements cannot change';

-- The model's tables are created in a schema of the user's (one model per
-- schema) and belong to the user, not to the extension: pg_dump dumps them
-- with their data, and DROP EXTENSION without CASCADE is refused while a model
-- uses styring's types.
CREATE FUNCTION @extschema@.create_model(model name) RETURNS void
    LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    IF to_regclass(format('%I.measurement', model)) IS NOT NULL THEN
        RAISE EXCEPTION 'schema "%" already holds a steering model', model
            USING ERRCODE = 'duplicate_schema', HINT = 'A model lives in a schema of its own; choose another name.';
    END IF;
    EXECUTE format('CREATE SCHEMA IF NOT EXISTS %I', model);
    EXECUTE format($ddl$
CREATE TABLE %1$I.unit (
    code text PRIMARY KEY CHECK (code <> ''),
    name text NOT NULL,
    kind text NOT NULL DEFAULT 'unit'
        CHECK (kind IN ('country', 'county', 'region', 'municipality', 'directorate', 'ministry', 'committee', 'unit')),
    parent text REFERENCES %1$I.unit (code) ON UPDATE CASCADE ON DELETE SET NULL,
    notes text);
CREATE TABLE %1$I.unit_population (
    unit text NOT NULL REFERENCES %1$I.unit (code) ON UPDATE CASCADE ON DELETE CASCADE,
    year integer NOT NULL,
    population bigint NOT NULL CHECK (population >= 0),
    PRIMARY KEY (unit, year));
CREATE TABLE %1$I.comparison_group (
    code text PRIMARY KEY CHECK (code <> ''),
    name text NOT NULL,
    kind text NOT NULL DEFAULT 'user_defined'
        CHECK (kind IN ('kostra_group', 'county', 'country', 'kolada_similar', 'user_defined')));
CREATE TABLE %1$I.group_member (
    group_code text NOT NULL REFERENCES %1$I.comparison_group (code) ON UPDATE CASCADE ON DELETE CASCADE,
    unit text NOT NULL REFERENCES %1$I.unit (code) ON UPDATE CASCADE ON DELETE CASCADE,
    year integer NOT NULL,
    PRIMARY KEY (group_code, unit, year));
CREATE TABLE %1$I.indicator (
    code text PRIMARY KEY CHECK (code <> ''),
    name text NOT NULL,
    measure text,
    source text NOT NULL DEFAULT 'own' CHECK (source IN ('ssb', 'kolada', 'own', 'other')),
    higher_is_better boolean);
CREATE TABLE %1$I.goal (
    path @extschema@.goalpath PRIMARY KEY,
    name text NOT NULL,
    level text NOT NULL CHECK (level IN ('vision', 'direction_goal', 'effect_goal', 'output_goal')),
    owner text,
    perspective text);
CREATE TABLE %1$I.goal_indicator (
    goal @extschema@.goalpath NOT NULL REFERENCES %1$I.goal (path) ON UPDATE CASCADE ON DELETE CASCADE,
    indicator text NOT NULL REFERENCES %1$I.indicator (code) ON UPDATE CASCADE ON DELETE CASCADE,
    unit text REFERENCES %1$I.unit (code) ON UPDATE CASCADE ON DELETE CASCADE,
    target @extschema@.target,
    UNIQUE NULLS NOT DISTINCT (goal, indicator, unit));
CREATE TABLE %1$I.measurement (
    unit text NOT NULL,          -- in unit: see the triggers below
    indicator text NOT NULL,     -- in indicator
    year integer NOT NULL,
    gender text NOT NULL DEFAULT 'T' CHECK (gender IN ('T', 'K', 'M')),
    value double precision CHECK (value IS NULL OR value NOT IN ('NaN', 'Infinity', '-Infinity')),
    status text,
    CHECK (value IS NOT NULL OR status IS NOT NULL),
    PRIMARY KEY (unit, indicator, year, gender));
CREATE TRIGGER measurement_refs_insert AFTER INSERT ON %1$I.measurement REFERENCING NEW TABLE AS written
    FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.model_measurement_refs();
CREATE TRIGGER measurement_refs_update AFTER UPDATE ON %1$I.measurement REFERENCING NEW TABLE AS written
    FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.model_measurement_refs();
CREATE TRIGGER unit_measurements_delete AFTER DELETE ON %1$I.unit REFERENCING OLD TABLE AS removed
    FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.model_measurement_cascade();
CREATE TRIGGER unit_measurements_update AFTER UPDATE ON %1$I.unit REFERENCING OLD TABLE AS removed NEW TABLE AS written
    FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.model_measurement_cascade();
CREATE TRIGGER indicator_measurements_delete AFTER DELETE ON %1$I.indicator REFERENCING OLD TABLE AS removed
    FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.model_measurement_cascade();
CREATE TRIGGER indicator_measurements_update AFTER UPDATE ON %1$I.indicator REFERENCING OLD TABLE AS removed NEW TABLE AS written
    FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.model_measurement_cascade();
CREATE TABLE %1$I.account (
    unit text NOT NULL REFERENCES %1$I.unit (code) ON UPDATE CASCADE ON DELETE CASCADE,
    year integer NOT NULL,
    class text NOT NULL CHECK (class IN ('D', 'I')),
    function text NOT NULL,
    type text NOT NULL,
    amount numeric NOT NULL,
    PRIMARY KEY (unit, year, class, function, type));
CREATE TABLE %1$I.account_hierarchy (
    year integer NOT NULL,
    dimension text NOT NULL CHECK (dimension IN ('function', 'type')),
    parent text NOT NULL,
    child text NOT NULL,
    sign smallint NOT NULL CHECK (sign IN (1, -1)),
    PRIMARY KEY (year, dimension, parent, child));
CREATE TABLE %1$I.evaluation (
    id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    unit text NOT NULL REFERENCES %1$I.unit (code) ON UPDATE CASCADE ON DELETE CASCADE,
    name text NOT NULL,
    year integer,
    commissioner text CHECK (commissioner IN ('external', 'council', 'service')),
    owner_levels text[],
    usage @extschema@.eval_usage,
    hours numeric CHECK (hours >= 0),
    rate numeric CHECK (rate >= 0),
    consultant numeric CHECK (consultant >= 0),
    material numeric CHECK (material >= 0),
    other numeric CHECK (other >= 0),
    survey boolean,
    UNIQUE NULLS NOT DISTINCT (unit, name, year));
CREATE TABLE %1$I.index_weight (
    index_name text NOT NULL,
    indicator text NOT NULL REFERENCES %1$I.indicator (code) ON UPDATE CASCADE ON DELETE CASCADE,
    weight double precision NOT NULL CHECK (weight > 0 AND weight < 'Infinity'),
    PRIMARY KEY (index_name, indicator));
CREATE TABLE %1$I.cost_quality_pair (
    cost_indicator text NOT NULL REFERENCES %1$I.indicator (code) ON UPDATE CASCADE ON DELETE CASCADE,
    quality_indicator text NOT NULL REFERENCES %1$I.indicator (code) ON UPDATE CASCADE ON DELETE CASCADE,
    PRIMARY KEY (cost_indicator, quality_indicator));
COMMENT ON TABLE %1$I.index_weight IS 'the indicators of a composite index and their weights (the view composite_index)';
COMMENT ON TABLE %1$I.cost_quality_pair IS 'a cost indicator (spend) and a quality indicator (satisfaction, coverage) to set against each other (the view cost_quality)';

-- The views: plain SQL types only, styring values also as text, for BI tools.
CREATE VIEW %1$I.goal_attainment AS
WITH applies AS (
    SELECT gi.goal, gi.indicator, m.unit, m.year, m.value, gi.target, gi.unit IS NOT NULL AS own_target
    FROM %1$I.goal_indicator gi
    JOIN %1$I.measurement m ON m.indicator = gi.indicator AND m.gender = 'T'
     AND (m.unit = gi.unit
          OR (gi.unit IS NULL AND NOT EXISTS (SELECT FROM %1$I.goal_indicator o
                                              WHERE o.goal OPERATOR(@extschema@.=) gi.goal AND o.indicator = gi.indicator AND o.unit = m.unit)))
    WHERE gi.target IS NOT NULL)
SELECT a.goal::text AS goal, g.name AS goal_name, g.level, @extschema@.nlevel(a.goal) AS depth,
       a.indicator, i.name AS indicator_name, a.unit, u.name AS unit_name, a.year,
       a.target::text AS target, a.own_target,
       @extschema@.target_value(a.target) AS target_value, @extschema@.target_year(a.target) AS target_year,
       @extschema@.target_baseline(a.target) AS baseline, a.value AS actual,
       @extschema@.progress(a.target, a.value) AS progress, @extschema@.attainment(a.target, a.value) AS attainment,
       @extschema@.achieved(a.target, a.value) AS achieved, @extschema@.expected_progress(a.target, a.year) AS expected_progress,
       @extschema@.status(a.target, a.value, a.year)::text AS status,
       @extschema@.traffic_light(@extschema@.status(a.target, a.value, a.year)) AS traffic_light
FROM applies a
JOIN %1$I.goal g ON g.path OPERATOR(@extschema@.=) a.goal
JOIN %1$I.indicator i ON i.code = a.indicator
JOIN %1$I.unit u ON u.code = a.unit;

CREATE VIEW %1$I.goal_rollup AS
SELECT r.unit, u.name AS unit_name, r.year, n.path::text AS path, g.name AS goal_name, n.level AS depth,
       n.n AS measured, n.flat_mean AS mean_attainment, n.chain_mean AS chain_attainment
FROM (SELECT unit, year, @extschema@.chain_rollup(goal::@extschema@.goalpath, attainment) AS nodes
      FROM %1$I.goal_attainment GROUP BY unit, year) r
CROSS JOIN LATERAL unnest(r.nodes) AS n(path, level, n, flat_mean, chain_mean)
JOIN %1$I.unit u ON u.code = r.unit
LEFT JOIN %1$I.goal g ON g.path OPERATOR(@extschema@.=) n.path;

CREATE VIEW %1$I.ranking AS
WITH member_value AS (
    SELECT gm.group_code, m.indicator, m.year, m.gender, m.unit, m.value,
           coalesce(i.higher_is_better, true) AS higher_is_better
    FROM %1$I.group_member gm
    JOIN %1$I.measurement m ON m.unit = gm.unit AND m.year = gm.year AND m.value IS NOT NULL
    JOIN %1$I.indicator i ON i.code = m.indicator),
grp AS (
    SELECT group_code, indicator, year, gender, @extschema@.profile(value) AS p
    FROM member_value GROUP BY group_code, indicator, year, gender)
SELECT v.group_code, cg.name AS group_name, cg.kind AS group_kind, v.indicator, v.year, v.gender,
       v.unit, u.name AS unit_name, v.value, v.higher_is_better,
       @extschema@.rank_in(g.p, v.value, v.higher_is_better) AS rank,
       @extschema@.group_size(g.p) AS group_size,
       format('nr %%s av %%s', @extschema@.rank_in(g.p, v.value, v.higher_is_better), @extschema@.group_size(g.p)) AS place,
       @extschema@.percent_rank_in(g.p, v.value, v.higher_is_better) AS percent_rank,
       @extschema@.quartile_band(g.p, v.value, v.higher_is_better) AS quartile_band,
       @extschema@.grade(g.p, v.value, v.higher_is_better) AS grade,
       @extschema@.group_mean(g.p) AS group_mean, @extschema@.group_median(g.p) AS group_median,
       @extschema@.deviation_from_mean(g.p, v.value) AS deviation_from_mean,
       @extschema@.deviation_from_mean_pct(g.p, v.value) AS deviation_from_mean_pct,
       @extschema@.deviation_from_median(g.p, v.value) AS deviation_from_median,
       @extschema@.deviation_from_median_pct(g.p, v.value) AS deviation_from_median_pct
FROM member_value v
JOIN grp g USING (group_code, indicator, year, gender)
JOIN %1$I.comparison_group cg ON cg.code = v.group_code
JOIN %1$I.unit u ON u.code = v.unit;

CREATE VIEW %1$I.group_figures AS
SELECT gm.group_code, cg.name AS group_name, m.indicator, m.year, m.gender,
       count(*) AS members, count(m.value) AS members_reporting,
       sum(m.value) AS total,
       sum(p.population) FILTER (WHERE m.value IS NOT NULL) AS population,
       sum(m.value) FILTER (WHERE p.population > 0)
           / nullif(sum(p.population) FILTER (WHERE m.value IS NOT NULL AND p.population > 0), 0) AS kostra_per_inhabitant,
       avg(m.value / nullif(p.population, 0)) AS kolada_per_inhabitant,
       avg(m.value) AS kolada_mean,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY m.value) AS median
FROM %1$I.group_member gm
JOIN %1$I.measurement m ON m.unit = gm.unit AND m.year = gm.year
JOIN %1$I.comparison_group cg ON cg.code = gm.group_code
LEFT JOIN %1$I.unit_population p ON p.unit = m.unit AND p.year = m.year
GROUP BY gm.group_code, cg.name, m.indicator, m.year, m.gender;

CREATE VIEW %1$I.trend AS
WITH series AS (
    SELECT unit, indicator, gender, count(*) AS years, min(year) AS first_year, max(year) AS last_year,
           regr_slope(value, year) AS slope
    FROM %1$I.measurement WHERE value IS NOT NULL GROUP BY unit, indicator, gender),
latest AS (
    SELECT DISTINCT ON (unit, indicator, gender) unit, indicator, gender, year, value
    FROM %1$I.measurement WHERE value IS NOT NULL ORDER BY unit, indicator, gender, year DESC),
previous AS (
    SELECT l.unit, l.indicator, l.gender, avg(m.value) AS mean3, count(*) AS n
    FROM latest l JOIN %1$I.measurement m ON m.unit = l.unit AND m.indicator = l.indicator AND m.gender = l.gender
     AND m.year BETWEEN l.year - 3 AND l.year - 1 AND m.value IS NOT NULL
    GROUP BY l.unit, l.indicator, l.gender),
unit_target AS (
    SELECT DISTINCT ON (u.code, gi.indicator) u.code AS unit, gi.indicator, gi.target
    FROM %1$I.goal_indicator gi JOIN %1$I.unit u ON gi.unit = u.code OR gi.unit IS NULL
    WHERE gi.target IS NOT NULL
    ORDER BY u.code, gi.indicator, gi.unit IS NULL, gi.goal),
t AS (
    SELECT s.*, l.value AS last_value, p.mean3, ut.target,
           coalesce(@extschema@.higher_is_better(ut.target), i.higher_is_better) AS higher_is_better
    FROM series s
    JOIN latest l USING (unit, indicator, gender)
    JOIN %1$I.indicator i ON i.code = s.indicator
    LEFT JOIN previous p USING (unit, indicator, gender)
    LEFT JOIN unit_target ut ON ut.unit = s.unit AND ut.indicator = s.indicator AND s.gender = 'T')
SELECT t.unit, u.name AS unit_name, t.indicator, t.gender, t.years, t.first_year, t.last_year,
       t.slope, t.last_value, t.mean3 AS mean_previous_3_years,
       CASE WHEN t.mean3 IS NULL OR t.higher_is_better IS NULL THEN NULL
            WHEN t.last_value = t.mean3 THEN 'same'
            WHEN (t.last_value > t.mean3) = t.higher_is_better THEN 'better' ELSE 'worse' END AS versus_previous_3_years,
       t.target::text AS target, @extschema@.target_value(t.target) AS target_value,
       CASE WHEN t.target IS NULL THEN NULL
            WHEN @extschema@.achieved(t.target, t.last_value) THEN t.last_year
            WHEN t.slope IS NULL OR t.slope = 0 THEN NULL
            WHEN (@extschema@.target_value(t.target) - t.last_value) / t.slope <= 0 THEN NULL
            WHEN (@extschema@.target_value(t.target) - t.last_value) / t.slope > 1000 THEN NULL
            -- (a slope from binary fractions: 5.0000000001 years is 5)
            ELSE t.last_year + ceil((@extschema@.target_value(t.target) - t.last_value) / t.slope - 1e-9)::integer END AS year_reached
FROM t JOIN %1$I.unit u ON u.code = t.unit;

CREATE VIEW %1$I.cost_quality AS
WITH pair AS (
    SELECT cq.cost_indicator, cq.quality_indicator, gm.group_code, c.year, c.unit,
           c.value / p.population AS cost_per_inhabitant, q.value AS quality,
           coalesce(qi.higher_is_better, true) AS quality_higher_is_better
    FROM %1$I.cost_quality_pair cq
    JOIN %1$I.indicator qi ON qi.code = cq.quality_indicator
    JOIN %1$I.measurement c ON c.indicator = cq.cost_indicator AND c.gender = 'T' AND c.value IS NOT NULL
    JOIN %1$I.measurement q ON q.indicator = cq.quality_indicator AND q.unit = c.unit AND q.year = c.year
     AND q.gender = 'T' AND q.value IS NOT NULL
    JOIN %1$I.unit_population p ON p.unit = c.unit AND p.year = c.year AND p.population > 0
    JOIN %1$I.group_member gm ON gm.unit = c.unit AND gm.year = c.year),
stats AS (
    SELECT cost_indicator, quality_indicator, group_code, year, count(*) AS units,
           corr(cost_per_inhabitant, quality) AS correlation,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY cost_per_inhabitant) AS median_cost,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY quality) AS median_quality
    FROM pair GROUP BY cost_indicator, quality_indicator, group_code, year)
SELECT p.cost_indicator, p.quality_indicator, p.group_code, p.year, p.unit, u.name AS unit_name,
       p.cost_per_inhabitant, p.quality, s.units, s.correlation, s.median_cost, s.median_quality,
       CASE WHEN p.cost_per_inhabitant > s.median_cost THEN 'high cost' ELSE 'low cost' END || ', ' ||
       CASE WHEN p.quality = s.median_quality THEN 'median quality'
            WHEN (p.quality > s.median_quality) = p.quality_higher_is_better THEN 'high quality' ELSE 'low quality' END AS quadrant
FROM pair p
JOIN stats s USING (cost_indicator, quality_indicator, group_code, year)
JOIN %1$I.unit u ON u.code = p.unit;

CREATE VIEW %1$I.composite_index AS
WITH nation AS (
    SELECT m.indicator, m.year, @extschema@.profile(m.value) AS p
    FROM %1$I.measurement m JOIN %1$I.unit u ON u.code = m.unit AND u.kind = 'municipality'
    WHERE m.gender = 'T' AND m.value IS NOT NULL AND m.indicator IN (SELECT indicator FROM %1$I.index_weight)
    GROUP BY m.indicator, m.year),
graded AS (
    SELECT w.index_name, m.unit, m.year, w.weight,
           @extschema@.grade(n.p, m.value, coalesce(i.higher_is_better, true)) AS grade
    FROM %1$I.index_weight w
    JOIN %1$I.indicator i ON i.code = w.indicator
    JOIN %1$I.measurement m ON m.indicator = w.indicator AND m.gender = 'T' AND m.value IS NOT NULL
    JOIN %1$I.unit u ON u.code = m.unit AND u.kind = 'municipality'
    JOIN nation n ON n.indicator = m.indicator AND n.year = m.year),
indexed AS (
    SELECT g.index_name, g.unit, g.year, count(*) AS indicators, sum(g.weight * g.grade) / sum(g.weight) AS index_grade,
           count(*) = (SELECT count(*) FROM %1$I.index_weight w WHERE w.index_name = g.index_name) AS complete
    FROM graded g GROUP BY g.index_name, g.unit, g.year)
-- ranked among the units with every indicator of the index; the others get a grade but no rank
SELECT x.index_name, x.unit, u.name AS unit_name, x.year, x.indicators, x.complete, x.index_grade,
       CASE WHEN x.complete THEN rank() OVER (PARTITION BY x.index_name, x.year, x.complete ORDER BY x.index_grade DESC) END AS rank,
       count(*) FILTER (WHERE x.complete) OVER (PARTITION BY x.index_name, x.year) AS units
FROM indexed x JOIN %1$I.unit u ON u.code = x.unit;

CREATE VIEW %1$I.evaluation_report AS
SELECT CASE WHEN grouping(e.unit) = 1 THEN 'all' ELSE e.unit END AS unit,
       CASE WHEN grouping(e.commissioner) = 1 THEN 'all' ELSE coalesce(e.commissioner, 'not reported') END AS commissioner,
       (@extschema@.evaluation_summary(e.usage, e.hours, e.rate, e.consultant, e.material, e.other, e.survey)).*
FROM %1$I.evaluation e
GROUP BY CUBE (e.unit, e.commissioner);

CREATE VIEW %1$I.goal_clarity AS
WITH c AS (
    SELECT g.path, g.name, g.level,
           EXISTS (SELECT FROM %1$I.goal_indicator gi WHERE gi.goal OPERATOR(@extschema@.=) g.path) AS measured_by_indicator,
           EXISTS (SELECT FROM %1$I.goal_indicator gi
                   WHERE gi.goal OPERATOR(@extschema@.=) g.path
                     AND (SELECT count(DISTINCT m.unit) FROM %1$I.measurement m
                          JOIN %1$I.unit u ON u.code = m.unit AND u.kind = 'municipality'
                          WHERE m.indicator = gi.indicator AND m.value IS NOT NULL) > 11) AS comparable_with_more_than_ten,
           EXISTS (SELECT FROM %1$I.goal_indicator gi JOIN %1$I.indicator i ON i.code = gi.indicator
                   WHERE gi.goal OPERATOR(@extschema@.=) g.path AND (gi.target IS NOT NULL OR i.higher_is_better IS NOT NULL)) AS target_or_direction_stated,
           EXISTS (SELECT FROM %1$I.goal_indicator gi
                   JOIN %1$I.measurement m ON m.indicator = gi.indicator AND (gi.unit IS NULL OR m.unit = gi.unit)
                   WHERE gi.goal OPERATOR(@extschema@.=) g.path AND m.value IS NOT NULL) AS results_reported,
           EXISTS (SELECT FROM %1$I.goal_indicator gi
                   JOIN %1$I.measurement m ON m.indicator = gi.indicator AND (gi.unit IS NULL OR m.unit = gi.unit) AND m.value IS NOT NULL
                   JOIN %1$I.group_member gm ON gm.unit = m.unit AND gm.year = m.year
                   WHERE gi.goal OPERATOR(@extschema@.=) g.path
                     AND EXISTS (SELECT FROM %1$I.group_member o JOIN %1$I.measurement om ON om.unit = o.unit AND om.year = o.year
                                 WHERE o.group_code = gm.group_code AND o.year = gm.year AND o.unit <> m.unit
                                   AND om.indicator = gi.indicator AND om.value IS NOT NULL)) AS compared_with_others
    FROM %1$I.goal g)
SELECT path::text AS goal, name AS goal_name, level,
       measured_by_indicator, comparable_with_more_than_ten, target_or_direction_stated, results_reported, compared_with_others,
       measured_by_indicator::int + comparable_with_more_than_ten::int + target_or_direction_stated::int
           + results_reported::int + compared_with_others::int AS score,
       5 AS criteria
FROM c;

COMMENT ON VIEW %1$I.goal_attainment IS 'attainment, expected progress, status and traffic light per goal, indicator, unit and year (the unit''s own target, else the one for every unit)';
COMMENT ON VIEW %1$I.goal_rollup IS 'attainment rolled up the goal chain, level by level, per unit and year (styring.chain_rollup)';
COMMENT ON VIEW %1$I.ranking IS 'where every unit stands in every comparison group it belongs to, per indicator, year and gender: nr X av N, percent rank, quartile band, grade, deviation from the group mean and median';
COMMENT ON VIEW %1$I.group_figures IS 'group figures the KOSTRA way (ratio of sums: total / population) next to the Kolada way (unweighted mean of the members), with the median';
COMMENT ON VIEW %1$I.trend IS 'per unit, indicator and gender: slope over the years (regr_slope), latest value against the mean of the previous three years, and the year the target is reached at the current trend';
COMMENT ON VIEW %1$I.cost_quality IS 'spend per inhabitant against a quality indicator within each comparison group: correlation, medians and each unit''s quadrant';
COMMENT ON VIEW %1$I.composite_index IS 'weighted composite index per unit and year: the weighted mean of its grades (1-6) among all municipalities, as Kommunebarometeret ranks them; ranked among the units with every indicator of the index';
COMMENT ON VIEW %1$I.evaluation_report IS 'the evaluation inventory''s report per unit and commissioner, with totals per unit, per commissioner and overall (''all'') (styring.evaluation_summary)';
COMMENT ON VIEW %1$I.goal_clarity IS 'how clear each goal is (Kommunens kvalitet i korthet, övning 1): the five criteria the data can decide, and the score';
COMMENT ON SCHEMA %1$I IS 'a styring steering model (styring.create_model)';
COMMENT ON TABLE %1$I.unit IS 'units that steer or are steered: municipalities, counties, regions, directorates, committees; parent is the unit above';
COMMENT ON TABLE %1$I.unit_population IS 'population of a unit per year (the denominator of per-inhabitant figures)';
COMMENT ON TABLE %1$I.comparison_group IS 'comparison groups: KOSTRA groups, counties, the country, Kolada''s similar municipalities, own sets such as neighbours';
COMMENT ON TABLE %1$I.group_member IS 'which units belong to a comparison group, per year';
COMMENT ON TABLE %1$I.indicator IS 'indicators (styringsparametere, nyckeltal): code, name, unit of measure, source, direction (NULL: neither or unknown)';
COMMENT ON TABLE %1$I.goal IS 'goals in the goal chain (målkjede, målkedja), by their goalpath';
COMMENT ON TABLE %1$I.goal_indicator IS 'the indicators that measure a goal, with a target per unit (unit NULL: the target for every unit without its own)';
COMMENT ON TABLE %1$I.measurement IS 'measured values per unit, indicator, year and gender (T total, K women, M men), with the agency''s status marker';
COMMENT ON TABLE %1$I.account IS 'municipal accounts by KOSTRA function and type (art), class D operating or I investment, in 1 000 NOK';
COMMENT ON TABLE %1$I.account_hierarchy IS 'how KOSTRA functions and types sum up into aggregates (parent = sum of sign * child)';
COMMENT ON TABLE %1$I.evaluation IS 'the inventory of evaluations that styring.evaluation_summary reads';
$ddl$, model);
END $fn$;
COMMENT ON FUNCTION @extschema@.create_model(name) IS
    'creates a steering model (units, groups, indicators, goals, targets, measurements, accounts, evaluations) in a new schema of that name, owned by the caller';

-- What the loaders share: a unit or indicator a document names but the model
-- does not have yet is added, its name the document's label or, failing one,
-- its code; a name that is still just the code is replaced by a real one.
CREATE FUNCTION @extschema@.model_check(model name) RETURNS void
    LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    IF to_regclass(format('%I.measurement', model)) IS NULL THEN
        RAISE EXCEPTION 'no steering model in schema "%"', model
            USING ERRCODE = 'undefined_table', HINT = format('Make one with SELECT styring.create_model(%L).', model);
    END IF;
END $fn$;
COMMENT ON FUNCTION @extschema@.model_check(name) IS
    'raises 42P01 unless the schema holds a steering model (used by every loader)';

CREATE FUNCTION @extschema@.unit_kind(code text) RETURNS text
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
-- arrays in row-major order or objects keyed by the flat index.
CREATE FUNCTION @extschema@.load_jsonstat2(model name, doc jsonb, source text DEFAULT 'ssb') RETURNS bigint
    LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    ids text[];
    sizes bigint[];
    strides bigint[];
    ncells bigint := 1;
    geo text := doc #>> '{role,geo,0}';
    tim text := doc #>> '{role,time,0}';
    metric text := doc #>> '{role,metric,0}';
    gender_dim text;
    codes text[][];
    dim_codes jsonb := '{}';
    cat jsonb;
    arr text[];
    bad text;
    pos bigint;
    changed bigint := 0;
    n bigint;
BEGIN
    PERFORM @extschema@.model_check(model);
    IF jsonb_typeof(doc) IS DISTINCT FROM 'object' OR doc ->> 'class' IS DISTINCT FROM 'dataset' THEN
        RAISE EXCEPTION 'not a json-stat2 dataset: "class" is %', coalesce(doc ->> 'class', 'missing')
            USING ERRCODE = 'invalid_parameter_value', HINT = 'Ask PxWebApi for format=json-stat2.';
    END IF;
    IF jsonb_typeof(doc -> 'id') IS DISTINCT FROM 'array' OR jsonb_typeof(doc -> 'size') IS DISTINCT FROM 'array'
       OR jsonb_typeof(doc -> 'dimension') IS DISTINCT FROM 'object' THEN
        RAISE EXCEPTION 'json-stat2 dataset without "id", "size" or "dimension"' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    ids := ARRAY(SELECT jsonb_array_elements_text(doc -> 'id'));
    SELECT e INTO bad FROM jsonb_array_elements(doc -> 'size') e
    WHERE jsonb_typeof(e) <> 'number' OR e::text !~ '^[0-9]+$' LIMIT 1;
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'json-stat2 "size" holds %, not a count', bad USING ERRCODE = 'invalid_parameter_value';
    END IF;
    sizes := ARRAY(SELECT e::bigint FROM jsonb_array_elements_text(doc -> 'size') e);
    IF cardinality(ids) IS DISTINCT FROM cardinality(sizes) OR cardinality(ids) = 0 THEN
        RAISE EXCEPTION 'json-stat2 "id" names % dimensions, "size" gives %', cardinality(ids), cardinality(sizes)
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF geo IS NULL OR tim IS NULL OR metric IS NULL THEN
        RAISE EXCEPTION 'json-stat2 dataset without a % role', CASE WHEN geo IS NULL THEN 'geo' WHEN tim IS NULL THEN 'time' ELSE 'metric' END
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = '"role" must name the region (geo), year (time) and contents (metric) dimensions, as SSB''s tables do.';
    END IF;
    IF 'Kjonn' = ANY (ids) THEN gender_dim := 'Kjonn'; END IF;

    -- the categories of each dimension, in index order
    strides := array_fill(1::bigint, ARRAY[cardinality(ids)]);
    FOR k IN REVERSE cardinality(ids)..1 LOOP
        IF k < cardinality(ids) THEN strides[k] := strides[k + 1] * sizes[k + 1]; END IF;
        ncells := ncells * sizes[k];
        cat := doc -> 'dimension' -> ids[k] -> 'category';
        IF jsonb_typeof(cat -> 'index') = 'array' THEN
            arr := ARRAY(SELECT jsonb_array_elements_text(cat -> 'index'));
        ELSIF jsonb_typeof(cat -> 'index') = 'object' THEN
            arr := ARRAY(SELECT key FROM jsonb_each(cat -> 'index') ORDER BY value::text::bigint);
        ELSIF jsonb_typeof(cat -> 'label') = 'object' THEN
            arr := ARRAY(SELECT jsonb_object_keys(cat -> 'label'));
        ELSE
            RAISE EXCEPTION 'json-stat2 dimension "%" has no categories', ids[k] USING ERRCODE = 'invalid_parameter_value';
        END IF;
        IF cardinality(arr) IS DISTINCT FROM sizes[k] THEN
            RAISE EXCEPTION 'json-stat2 dimension "%" has % categories, "size" says %', ids[k], cardinality(arr), sizes[k]
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
        IF ids[k] NOT IN (geo, tim, metric, coalesce(gender_dim, '')) AND sizes[k] <> 1 THEN
            RAISE EXCEPTION 'json-stat2 dimension "%" has % categories; only region, year, contents and gender may vary', ids[k], sizes[k]
                USING ERRCODE = 'invalid_parameter_value', HINT = 'Ask the API for one category of it at a time.';
        END IF;
        dim_codes := dim_codes || jsonb_build_object(ids[k], to_jsonb(arr));
    END LOOP;
    SELECT c INTO bad FROM jsonb_array_elements_text(dim_codes -> tim) c WHERE c !~ '^[0-9]{4}$' LIMIT 1;
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'json-stat2 time category "%" is not a year', bad USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF gender_dim IS NOT NULL THEN
        SELECT c INTO bad FROM jsonb_array_elements_text(dim_codes -> gender_dim) c WHERE c NOT IN ('0', '1', '2') LIMIT 1;
        IF bad IS NOT NULL THEN
            RAISE EXCEPTION 'json-stat2 gender category "%" is not 0, 1 or 2', bad USING ERRCODE = 'invalid_parameter_value';
        END IF;
    END IF;

    -- the cells: value and status as arrays or as objects keyed by the flat index
    IF jsonb_typeof(doc -> 'value') = 'array' THEN
        IF jsonb_array_length(doc -> 'value') <> ncells THEN
            RAISE EXCEPTION 'json-stat2 "value" holds % cells, the dimensions make %', jsonb_array_length(doc -> 'value'), ncells
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
        SELECT ord - 1, v::text INTO pos, bad FROM jsonb_array_elements(doc -> 'value') WITH ORDINALITY e(v, ord)
        WHERE jsonb_typeof(v) NOT IN ('number', 'null') LIMIT 1;
    ELSIF jsonb_typeof(doc -> 'value') = 'object' THEN
        SELECT key INTO bad FROM jsonb_each(doc -> 'value') WHERE key !~ '^[0-9]{1,18}$' OR key::bigint >= ncells LIMIT 1;
        IF bad IS NOT NULL THEN
            RAISE EXCEPTION 'json-stat2 "value" has a cell "%" outside the % the dimensions make', bad, ncells
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
        SELECT key::bigint, value::text INTO pos, bad FROM jsonb_each(doc -> 'value') WHERE jsonb_typeof(value) NOT IN ('number', 'null') LIMIT 1;
    ELSE
        RAISE EXCEPTION 'json-stat2 dataset without a "value" array or object' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'json-stat2 value % in cell % is not a number', bad, pos USING ERRCODE = 'invalid_text_representation';
    END IF;
    IF jsonb_typeof(doc -> 'status') NOT IN ('array', 'object', 'string', 'null') THEN
        RAISE EXCEPTION 'json-stat2 "status" is a %, not an array, object or string', jsonb_typeof(doc -> 'status')
            USING ERRCODE = 'invalid_parameter_value';
    END IF;

    -- units and indicators the document names
    EXECUTE format($q$
        INSERT INTO %I.unit AS u (code, name, kind)
        SELECT c, coalesce($1 ->> c, c), @extschema@.unit_kind(c) FROM jsonb_array_elements_text($2) c
        ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name WHERE u.name = u.code AND EXCLUDED.name <> u.code$q$, model)
        USING doc -> 'dimension' -> geo -> 'category' -> 'label', dim_codes -> geo;
    GET DIAGNOSTICS n = ROW_COUNT; changed := changed + n;
    EXECUTE format($q$
        INSERT INTO %I.indicator AS x (code, name, measure, source)
        SELECT c, coalesce($1 -> 'label' ->> c, c), $1 -> 'unit' -> c ->> 'base', $3 FROM jsonb_array_elements_text($2) c
        ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, measure = coalesce(EXCLUDED.measure, x.measure)
        WHERE x.name = x.code AND EXCLUDED.name <> x.code$q$, model)
        USING doc -> 'dimension' -> metric -> 'category', dim_codes -> metric, source;
    GET DIAGNOSTICS n = ROW_COUNT; changed := changed + n;

    -- the measurements: cell i lies at (i / stride) % size along each dimension
    EXECUTE format($q$
        WITH cell AS (
            SELECT ord - 1 AS i, v FROM jsonb_array_elements(CASE jsonb_typeof($13) WHEN 'array' THEN $13 ELSE '[]' END) WITH ORDINALITY a(v, ord)
            UNION ALL
            SELECT key::bigint, value FROM jsonb_each(CASE jsonb_typeof($13) WHEN 'object' THEN $13 ELSE '{}' END)
        ), marker AS (
            SELECT ord - 1 AS i, s FROM jsonb_array_elements_text(CASE jsonb_typeof($14) WHEN 'array' THEN $14 ELSE '[]' END) WITH ORDINALITY a(s, ord)
            WHERE s <> '' AND ord <= $15
            UNION ALL
            SELECT key::bigint, value FROM jsonb_each_text(CASE jsonb_typeof($14) WHEN 'object' THEN $14 ELSE '{}' END)
            WHERE value <> '' AND key ~ '^[0-9]{1,18}$' AND key::bigint < $15
        )
        MERGE INTO %I.measurement AS m
        USING (SELECT $1[(i / $2) %% $3 + 1] AS unit, $4[(i / $5) %% $6 + 1] AS indicator, $7[(i / $8) %% $9 + 1] AS year,
                      coalesce($10[(i / $11) %% $12 + 1], 'T') AS gender,
                      CASE WHEN jsonb_typeof(v) = 'number' THEN v::float8 END AS value,
                      coalesce(s, CASE WHEN jsonb_typeof($14) = 'string' THEN nullif($14 #>> '{}', '') END) AS status
               FROM cell FULL JOIN marker USING (i)
               WHERE jsonb_typeof(v) = 'number' OR s IS NOT NULL OR (jsonb_typeof($14) = 'string' AND $14 #>> '{}' <> '')) AS d
        ON m.unit = d.unit AND m.indicator = d.indicator AND m.year = d.year AND m.gender = d.gender
        WHEN MATCHED AND (m.value, m.status) IS DISTINCT FROM (d.value, d.status) THEN
            UPDATE SET value = d.value, status = d.status
        WHEN NOT MATCHED THEN
            INSERT (unit, indicator, year, gender, value, status) VALUES (d.unit, d.indicator, d.year, d.gender, d.value, d.status)$q$, model)
        USING ARRAY(SELECT jsonb_array_elements_text(dim_codes -> geo)),
              strides[array_position(ids, geo)], sizes[array_position(ids, geo)],
              ARRAY(SELECT jsonb_array_elements_text(dim_codes -> metric)),
              strides[array_position(ids, metric)], sizes[array_position(ids, metric)],
              ARRAY(SELECT c::int FROM jsonb_array_elements_text(dim_codes -> tim) c),
              strides[array_position(ids, tim)], sizes[array_position(ids, tim)],
              CASE WHEN gender_dim IS NOT NULL
                   THEN ARRAY(SELECT (ARRAY['T', 'M', 'K'])[c::int + 1] FROM jsonb_array_elements_text(dim_codes -> gender_dim) c) END,
              coalesce(strides[array_position(ids, gender_dim)], 1), coalesce(sizes[array_position(ids, gender_dim)], 1),
              doc -> 'value', doc -> 'status', ncells;
    GET DIAGNOSTICS n = ROW_COUNT; changed := changed + n;
    RETURN changed;
END $fn$;
COMMENT ON FUNCTION @extschema@.load_jsonstat2(name, jsonb, text) IS
    'loads an SSB PxWebApi json-stat2 dataset (region x contents x year [x Kjonn]) into a model''s units, indicators and measurements; returns the rows it added or changed (0 when loaded before)';

-- Kolada's data responses: {"values": [{"kpi", "municipality", "period",
-- "values": [{"gender": "T|K|M", "value", "status"}]}]}; every gender kept.
CREATE FUNCTION @extschema@.load_kolada(model name, doc jsonb) RETURNS bigint
    LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    bad record;
    changed bigint := 0;
    n bigint;
BEGIN
    PERFORM @extschema@.model_check(model);
    IF jsonb_typeof(doc -> 'values') IS DISTINCT FROM 'array' THEN
        RAISE EXCEPTION 'not a Kolada data response: no "values" array' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF to_regclass('pg_temp.styring_kolada_row') IS NULL THEN
        CREATE TEMP TABLE styring_kolada_row (seq bigint, at text, kpi text, unit text, year text, gender text, value jsonb, status text) ON COMMIT DROP;
    END IF;
    TRUNCATE styring_kolada_row;
    INSERT INTO styring_kolada_row
    SELECT o.ord * 1000000 + coalesce(g.ord, 0), format('values[%s]%s', o.ord - 1, coalesce(format('.values[%s]', g.ord - 1), '')),
           CASE WHEN jsonb_typeof(o.e -> 'kpi') = 'string' THEN o.e ->> 'kpi' END,
           CASE WHEN jsonb_typeof(o.e -> 'municipality') = 'string' THEN o.e ->> 'municipality' END,
           o.e ->> 'period', coalesce(g.e ->> 'gender', 'T'), g.e -> 'value', nullif(g.e ->> 'status', '')
    FROM jsonb_array_elements(doc -> 'values') WITH ORDINALITY o(e, ord)
    LEFT JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(o.e -> 'values') = 'array' THEN o.e -> 'values' END)
        WITH ORDINALITY g(e, ord) ON true;
    SELECT * INTO bad FROM styring_kolada_row
    WHERE kpi IS NULL OR kpi = '' OR unit IS NULL OR unit = '' OR year IS NULL OR year !~ '^[0-9]{4}$'
       OR gender NOT IN ('T', 'K', 'M') OR jsonb_typeof(value) NOT IN ('number', 'null')
       OR (value IS NULL AND status IS NULL AND at !~ '\.values\[')
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'Kolada response: % is not a measurement: %', bad.at,
            CASE WHEN bad.kpi IS NULL OR bad.kpi = '' THEN 'no "kpi"'
                 WHEN bad.unit IS NULL OR bad.unit = '' THEN 'no "municipality"'
                 WHEN bad.year IS NULL OR bad.year !~ '^[0-9]{4}$' THEN format('period %s is not a year', coalesce(bad.year, 'missing'))
                 WHEN bad.gender NOT IN ('T', 'K', 'M') THEN format('gender %s is not T, K or M', bad.gender)
                 WHEN jsonb_typeof(bad.value) NOT IN ('number', 'null') THEN format('value %s is not a number', bad.value)
                 ELSE 'no "values" array' END
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    EXECUTE format($q$
        INSERT INTO %I.unit (code, name, kind)
        SELECT DISTINCT unit, unit, @extschema@.unit_kind(unit) FROM styring_kolada_row
        ON CONFLICT (code) DO NOTHING$q$, model);
    GET DIAGNOSTICS n = ROW_COUNT; changed := changed + n;
    EXECUTE format($q$
        INSERT INTO %I.indicator (code, name, source)
        SELECT DISTINCT kpi, kpi, 'kolada' FROM styring_kolada_row
        ON CONFLICT (code) DO NOTHING$q$, model);
    GET DIAGNOSTICS n = ROW_COUNT; changed := changed + n;
    EXECUTE format($q$
        INSERT INTO %I.measurement AS m (unit, indicator, year, gender, value, status)
        SELECT DISTINCT ON (unit, kpi, year::int, gender)
               unit, kpi, year::int, gender, CASE WHEN jsonb_typeof(value) = 'number' THEN value::float8 END, status
        FROM styring_kolada_row
        WHERE jsonb_typeof(value) = 'number' OR status IS NOT NULL
        ORDER BY unit, kpi, year::int, gender, seq DESC
        ON CONFLICT (unit, indicator, year, gender) DO UPDATE SET value = EXCLUDED.value, status = EXCLUDED.status
        WHERE (m.value, m.status) IS DISTINCT FROM (EXCLUDED.value, EXCLUDED.status)$q$, model);
    GET DIAGNOSTICS n = ROW_COUNT; changed := changed + n;
    TRUNCATE styring_kolada_row;
    RETURN changed;
END $fn$;
COMMENT ON FUNCTION @extschema@.load_kolada(name, jsonb) IS
    'loads a Kolada API data response (every KPI, municipality, period and gender T, K, M) into a model; returns the rows it added or changed';

-- SSB's Klass code lists: {"codes": [{"code", "name", "parentCode", "notes"}]}.
CREATE FUNCTION @extschema@.load_klass(model name, doc jsonb, kind text DEFAULT NULL) RETURNS bigint
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    bad record;
    changed bigint := 0;
    n bigint;
BEGIN
    PERFORM @extschema@.model_check(model);
    IF jsonb_typeof(doc -> 'codes') IS DISTINCT FROM 'array' THEN
        RAISE EXCEPTION 'not a Klass code list: no "codes" array' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT ord - 1 AS at, e INTO bad FROM jsonb_array_elements(doc -> 'codes') WITH ORDINALITY c(e, ord)
    WHERE jsonb_typeof(e -> 'code') IS DISTINCT FROM 'string' OR e ->> 'code' = ''
       OR jsonb_typeof(e -> 'name') IS DISTINCT FROM 'string' LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'Klass code list: codes[%] has no "code" and "name"', bad.at USING ERRCODE = 'invalid_parameter_value';
    END IF;
    EXECUTE format($q$
        INSERT INTO %I.unit AS u (code, name, kind, notes)
        SELECT DISTINCT ON (e ->> 'code') e ->> 'code', e ->> 'name', coalesce($1, @extschema@.unit_kind(e ->> 'code')), nullif(e ->> 'notes', '')
        FROM jsonb_array_elements($2) e
        ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, notes = EXCLUDED.notes
        WHERE (u.name, u.kind, u.notes) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.kind, EXCLUDED.notes)$q$, model)
        USING kind, doc -> 'codes';
    GET DIAGNOSTICS n = ROW_COUNT; changed := changed + n;
    EXECUTE format($q$
        UPDATE %1$I.unit u SET parent = e ->> 'parentCode'
        FROM jsonb_array_elements($1) e
        WHERE u.code = e ->> 'code' AND e ->> 'parentCode' IN (SELECT code FROM %1$I.unit)
          AND u.parent IS DISTINCT FROM e ->> 'parentCode'$q$, model)
        USING doc -> 'codes';
    GET DIAGNOSTICS n = ROW_COUNT; changed := changed + n;
    RETURN changed;
END $fn$;
COMMENT ON FUNCTION @extschema@.load_klass(name, jsonb, text) IS
    'loads an SSB Klass code list (e.g. classification 131, municipalities) into a model''s units: names, notes and parents; kind NULL guesses it from the code';

-- The KOSTRA CSV files SSB's own KOSTRA tools work with, recognised by their
-- header: key-figure base data per municipality ("region" and the variables,
-- with population and KOSTRA group; one year, given as year), the same per
-- KOSTRA group ("group"), accounts (periode, region, kontoklasse, funksjon,
-- art, belop) and the hierarchies of functions or types (periode, to, from,
-- sign; which of the two, given as hierarchy).
CREATE FUNCTION @extschema@.load_kostra_csv(model name, doc text, year integer DEFAULT NULL, hierarchy text DEFAULT NULL)
    RETURNS bigint
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    header text[];
    bad record;
    changed bigint := 0;
    n bigint;
    number_re constant text := '^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$';
BEGIN
    PERFORM @extschema@.model_check(model);
    IF doc IS NULL THEN
        RAISE EXCEPTION 'no KOSTRA CSV document (NULL)' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    IF to_regclass('pg_temp.styring_csv_row') IS NULL THEN
        CREATE TEMP TABLE styring_csv_row (line bigint PRIMARY KEY, f text[]) ON COMMIT DROP;
    END IF;
    TRUNCATE styring_csv_row;
    INSERT INTO styring_csv_row SELECT ord, r FROM @extschema@.csv_rows(doc) WITH ORDINALITY c(r, ord);
    SELECT f INTO header FROM styring_csv_row WHERE line = 1;
    IF header IS NULL THEN
        RAISE EXCEPTION 'empty KOSTRA CSV document' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT line, cardinality(f) AS fields INTO bad FROM styring_csv_row
    WHERE cardinality(f) <> cardinality(header) AND NOT (cardinality(f) = 1 AND f[1] = '') LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'KOSTRA CSV line % has % fields, the header %', bad.line, bad.fields, cardinality(header)
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    DELETE FROM styring_csv_row WHERE cardinality(f) = 1 AND f[1] = '';

    IF header[1] IN ('region', 'group') AND 'Folkemengde.i.alt' = ANY (header) THEN
        -- base data, wide: one row per municipality (or KOSTRA group), one column per variable
        IF year IS NULL THEN
            RAISE EXCEPTION 'a KOSTRA base-data file has no year column' USING ERRCODE = 'null_value_not_allowed',
                HINT = 'Pass the year the figures are for: load_kostra_csv(model, doc, year => 2015).';
        END IF;
        IF to_regclass('pg_temp.styring_csv_cell') IS NULL THEN
        CREATE TEMP TABLE styring_csv_cell (line bigint, code text, name text, col text, cell text) ON COMMIT DROP;
    END IF;
        TRUNCATE styring_csv_cell;
        INSERT INTO styring_csv_cell
        SELECT r.line, split_part(r.f[1], ' ', 1), nullif(substr(r.f[1], length(split_part(r.f[1], ' ', 1)) + 2), ''), h.col, r.f[h.i]
        FROM styring_csv_row r, unnest(header) WITH ORDINALITY h(col, i)
        WHERE r.line > 1 AND h.i > 1 AND h.col NOT IN ('X', 'X.1') AND r.f[h.i] NOT IN ('', 'NA');
        SELECT * INTO bad FROM styring_csv_cell WHERE cell !~ number_re OR code = '' LIMIT 1;
        IF FOUND THEN
            RAISE EXCEPTION 'KOSTRA CSV line %: % in column "%" is not a number', bad.line, quote_literal(bad.cell), bad.col
                USING ERRCODE = 'invalid_text_representation';
        END IF;
        EXECUTE format($q$
            INSERT INTO %I.unit AS u (code, name, kind)
            SELECT DISTINCT ON (r.code) r.code, coalesce(r.name, r.code), CASE WHEN $1 = 'group' THEN 'region' ELSE @extschema@.unit_kind(r.code) END
            FROM (SELECT split_part(f[1], ' ', 1) AS code, nullif(substr(f[1], length(split_part(f[1], ' ', 1)) + 2), '') AS name
                  FROM styring_csv_row WHERE line > 1) r
            ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name WHERE u.name = u.code AND EXCLUDED.name <> u.code$q$, model)
            USING header[1];
        GET DIAGNOSTICS n = ROW_COUNT; changed := changed + n;
        EXECUTE format($q$
            INSERT INTO %I.indicator (code, name, measure, source)
            SELECT DISTINCT col, replace(col, '.', ' '), CASE WHEN col LIKE 'Areal%%' THEN 'm2' WHEN col = 'Folkemengde.i.alt' THEN 'persons' ELSE '1000 NOK' END, 'ssb'
            FROM styring_csv_cell WHERE col NOT IN ('Ny.kostragruppe', 'Gammel.kostragruppe')
            ON CONFLICT (code) DO NOTHING$q$, model);
        GET DIAGNOSTICS n = ROW_COUNT; changed := changed + n;
        EXECUTE format($q$
            INSERT INTO %I.measurement AS m (unit, indicator, year, value)
            SELECT DISTINCT ON (code, col) code, col, $1, cell::float8 FROM styring_csv_cell
            WHERE col NOT IN ('Ny.kostragruppe', 'Gammel.kostragruppe') ORDER BY code, col, line DESC
            ON CONFLICT (unit, indicator, year, gender) DO UPDATE SET value = EXCLUDED.value, status = NULL
            WHERE (m.value, m.status) IS DISTINCT FROM (EXCLUDED.value, NULL)$q$, model)
            USING year;
        GET DIAGNOSTICS n = ROW_COUNT; changed := changed + n;
        EXECUTE format($q$
            INSERT INTO %I.unit_population AS p (unit, year, population)
            SELECT DISTINCT ON (code) code, $1, cell::numeric::bigint FROM styring_csv_cell
            WHERE col = 'Folkemengde.i.alt' ORDER BY code, line DESC
            ON CONFLICT (unit, year) DO UPDATE SET population = EXCLUDED.population WHERE p.population <> EXCLUDED.population$q$, model)
            USING year;
        GET DIAGNOSTICS n = ROW_COUNT; changed := changed + n;
        -- KOSTRA groups: EKGnn as SSB names them; the old grouping as EKGnn-gammel
        EXECUTE format($q$
            INSERT INTO %I.comparison_group (code, name, kind)
            SELECT DISTINCT g.code, g.name, 'kostra_group'
            FROM styring_csv_cell c,
                 LATERAL (SELECT format('EKG%%s%%s', lpad(c.cell::numeric::int::text, 2, '0'), CASE c.col WHEN 'Gammel.kostragruppe' THEN '-gammel' ELSE '' END) AS code,
                                 format('KOSTRA-gruppe %%s%%s', c.cell::numeric::int, CASE c.col WHEN 'Gammel.kostragruppe' THEN ' (gammel inndeling)' ELSE '' END) AS name) g
            WHERE c.col IN ('Ny.kostragruppe', 'Gammel.kostragruppe')
            ON CONFLICT (code) DO NOTHING$q$, model);
        GET DIAGNOSTICS n = ROW_COUNT; changed := changed + n;
        EXECUTE format($q$
            INSERT INTO %I.group_member (group_code, unit, year)
            SELECT format('EKG%%s%%s', lpad(cell::numeric::int::text, 2, '0'), CASE col WHEN 'Gammel.kostragruppe' THEN '-gammel' ELSE '' END), code, $1
            FROM styring_csv_cell WHERE col IN ('Ny.kostragruppe', 'Gammel.kostragruppe')
            ON CONFLICT DO NOTHING$q$, model)
            USING year;
        GET DIAGNOSTICS n = ROW_COUNT; changed := changed + n;
        TRUNCATE styring_csv_cell;
    ELSIF header = ARRAY['periode', 'region', 'kontoklasse', 'funksjon', 'art', 'belop'] THEN
        SELECT line, f INTO bad FROM styring_csv_row
        WHERE line > 1 AND (f[1] !~ '^[0-9]{4}$' OR f[2] = '' OR f[3] NOT IN ('D', 'I') OR f[6] !~ number_re) LIMIT 1;
        IF FOUND THEN
            RAISE EXCEPTION 'KOSTRA accounts CSV line %: % is not periode (a year), region, kontoklasse (D or I), funksjon, art, belop (a number)',
                bad.line, array_to_string(bad.f, ',') USING ERRCODE = 'invalid_text_representation';
        END IF;
        EXECUTE format($q$
            INSERT INTO %I.unit (code, name, kind)
            SELECT DISTINCT f[2], f[2], @extschema@.unit_kind(f[2]) FROM styring_csv_row WHERE line > 1
            ON CONFLICT (code) DO NOTHING$q$, model);
        GET DIAGNOSTICS n = ROW_COUNT; changed := changed + n;
        EXECUTE format($q$
            INSERT INTO %I.account AS a (unit, year, class, function, type, amount)
            SELECT DISTINCT ON (f[2], f[1]::int, f[3], f[4], f[5]) f[2], f[1]::int, f[3], f[4], f[5], f[6]::numeric
            FROM styring_csv_row WHERE line > 1 ORDER BY f[2], f[1]::int, f[3], f[4], f[5], line DESC
            ON CONFLICT (unit, year, class, function, type) DO UPDATE SET amount = EXCLUDED.amount
            WHERE a.amount IS DISTINCT FROM EXCLUDED.amount$q$, model);
        GET DIAGNOSTICS n = ROW_COUNT; changed := changed + n;
    ELSIF header = ARRAY['periode', 'to', 'from', 'sign'] THEN
        IF hierarchy IS NULL OR hierarchy NOT IN ('function', 'type') THEN
            RAISE EXCEPTION 'a KOSTRA hierarchy file does not say what it sums up%',
                CASE WHEN hierarchy IS NULL THEN '' ELSE format(' ("%s" is neither)', hierarchy) END
                USING ERRCODE = 'invalid_parameter_value',
                      HINT = 'Pass hierarchy => ''function'' (funksjonshierarki) or ''type'' (artshierarki).';
        END IF;
        SELECT line, f INTO bad FROM styring_csv_row
        WHERE line > 1 AND (f[1] !~ '^[0-9]{4}$' OR f[2] = '' OR f[3] = '' OR f[4] NOT IN ('+', '-')) LIMIT 1;
        IF FOUND THEN
            RAISE EXCEPTION 'KOSTRA hierarchy CSV line %: % is not periode (a year), to, from, sign (+ or -)',
                bad.line, array_to_string(bad.f, ',') USING ERRCODE = 'invalid_text_representation';
        END IF;
        EXECUTE format($q$
            INSERT INTO %I.account_hierarchy AS h (year, dimension, parent, child, sign)
            SELECT DISTINCT ON (f[1]::int, f[2], f[3]) f[1]::int, $1, f[2], f[3], CASE f[4] WHEN '+' THEN 1 ELSE -1 END
            FROM styring_csv_row WHERE line > 1 ORDER BY f[1]::int, f[2], f[3], line DESC
            ON CONFLICT (year, dimension, parent, child) DO UPDATE SET sign = EXCLUDED.sign WHERE h.sign <> EXCLUDED.sign$q$, model)
            USING hierarchy;
        GET DIAGNOSTICS n = ROW_COUNT; changed := changed + n;
    ELSE
        RAISE EXCEPTION 'not a KOSTRA CSV file this loader knows: the header is %', array_to_string(header[1:6], ',')
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'It reads base data ("region" or "group", the variables, Folkemengde.i.alt), accounts (periode,region,kontoklasse,funksjon,art,belop) and hierarchies (periode,to,from,sign).';
    END IF;
    TRUNCATE styring_csv_row;
    RETURN changed;
END $fn$;
COMMENT ON FUNCTION @extschema@.load_kostra_csv(name, text, integer, text) IS
    'loads a KOSTRA CSV file (base data per municipality or KOSTRA group, accounts by function and type, or a function or type hierarchy) into a model; returns the rows it added or changed';

-- ---------------------------------------------------------------------------
-- The array types of styring's types belong to the extension, as PostgreSQL 17
-- and later make them by themselves. On 15 and 16 they are added here: a
-- postgres_fdw server with extensions 'styring' ships an expression only when
-- every type in it belongs to a listed extension, and chain_rollup returns
-- chain_node[].
-- ---------------------------------------------------------------------------
DO $arrays$
DECLARE
    a pg_catalog.regtype;
BEGIN
    FOR a IN
        SELECT t.typarray::pg_catalog.regtype
        FROM pg_catalog.pg_type t
        JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND d.objid = t.oid
             AND d.deptype = 'e'
        JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid AND e.extname = 'styring'
        WHERE t.typarray <> 0
          AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend m
                          WHERE m.classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND m.objid = t.typarray
                            AND m.deptype = 'e')
        ORDER BY 1
    LOOP
        EXECUTE pg_catalog.format('ALTER EXTENSION styring ADD TYPE %s', a);
    END LOOP;
END $arrays$;
