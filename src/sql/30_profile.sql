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

-- What the backend's cache of stored profiles holds in this transaction
-- (styring.profile_cache_size bounds it; every function of a query shares it).
CREATE FUNCTION @extschema@.profile_cache_stats(OUT entries bigint, OUT bytes bigint, OUT hits bigint, OUT misses bigint,
                                                OUT limit_bytes bigint)
    AS 'MODULE_PATHNAME', 'profile_cache_stats' LANGUAGE C VOLATILE STRICT PARALLEL RESTRICTED;
COMMENT ON FUNCTION @extschema@.profile_cache_stats() IS
    'this backend''s cache of stored (toasted) profiles in the current transaction: profiles held, bytes, hits, misses (reads from the toast table) and the bound, styring.profile_cache_size';
