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

COMMENT ON OPERATOR CLASS @extschema@.goalpath_ops USING btree IS 'tree order of goal paths; a btree index serves <@ descendant queries';
COMMENT ON OPERATOR CLASS @extschema@.goalpath_hash_ops USING hash IS 'hashing of goal paths';
