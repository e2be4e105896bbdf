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
