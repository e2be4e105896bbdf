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
