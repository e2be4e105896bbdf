------------------------------------------------------------------------------
-- reaching clients (0.2.0): BI tools, drivers and read-only roles
------------------------------------------------------------------------------

-- Every function is a pure computation on its arguments, so the schema is
-- open to every role (01_schema.sql grants USAGE): a reporting role with
-- SELECT on its tables and nothing else can call the functions and casts.

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
