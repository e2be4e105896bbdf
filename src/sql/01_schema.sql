------------------------------------------------------------------------------
-- The extension's schema: owned by the role that runs this script, open to
-- every role for USAGE and to nobody else for CREATE, and holding only the
-- extension's objects (at an install: nothing; at an update: nothing else). CREATE EXTENSION makes the schema of the control file
-- as the calling role, so without this a non-superuser who installs the
-- trusted extension would own the schema where superusers resolve styring's
-- functions, and could put look-alikes beside them.
------------------------------------------------------------------------------
DO $schema$
DECLARE
    s pg_catalog.oid := pg_catalog.to_regnamespace('@extschema@');
    ext pg_catalog.oid := (SELECT e.oid FROM pg_catalog.pg_extension e WHERE e.extname = 'styring');
    stranger pg_catalog.text;
    grantee pg_catalog.text;
BEGIN
    -- anything in the schema that is not the extension's, nor made with it
    -- (a composite type's relation, an array type)
    SELECT pg_catalog.pg_describe_object(o.classid, o.objid, 0) INTO stranger
    FROM (SELECT 'pg_catalog.pg_class'::pg_catalog.regclass AS classid, c.oid AS objid FROM pg_catalog.pg_class c WHERE c.relnamespace = s
          UNION ALL SELECT 'pg_catalog.pg_proc'::pg_catalog.regclass, p.oid FROM pg_catalog.pg_proc p WHERE p.pronamespace = s
          UNION ALL SELECT 'pg_catalog.pg_type'::pg_catalog.regclass, t.oid FROM pg_catalog.pg_type t WHERE t.typnamespace = s
          UNION ALL SELECT 'pg_catalog.pg_operator'::pg_catalog.regclass, o.oid FROM pg_catalog.pg_operator o WHERE o.oprnamespace = s
          UNION ALL SELECT 'pg_catalog.pg_opclass'::pg_catalog.regclass, o.oid FROM pg_catalog.pg_opclass o WHERE o.opcnamespace = s
          UNION ALL SELECT 'pg_catalog.pg_opfamily'::pg_catalog.regclass, o.oid FROM pg_catalog.pg_opfamily o WHERE o.opfnamespace = s
          UNION ALL SELECT 'pg_catalog.pg_collation'::pg_catalog.regclass, o.oid FROM pg_catalog.pg_collation o WHERE o.collnamespace = s
          UNION ALL SELECT 'pg_catalog.pg_conversion'::pg_catalog.regclass, o.oid FROM pg_catalog.pg_conversion o WHERE o.connamespace = s
          UNION ALL SELECT 'pg_catalog.pg_ts_config'::pg_catalog.regclass, o.oid FROM pg_catalog.pg_ts_config o WHERE o.cfgnamespace = s
          UNION ALL SELECT 'pg_catalog.pg_ts_dict'::pg_catalog.regclass, o.oid FROM pg_catalog.pg_ts_dict o WHERE o.dictnamespace = s
          UNION ALL SELECT 'pg_catalog.pg_ts_parser'::pg_catalog.regclass, o.oid FROM pg_catalog.pg_ts_parser o WHERE o.prsnamespace = s
          UNION ALL SELECT 'pg_catalog.pg_ts_template'::pg_catalog.regclass, o.oid FROM pg_catalog.pg_ts_template o WHERE o.tmplnamespace = s
          UNION ALL SELECT 'pg_catalog.pg_statistic_ext'::pg_catalog.regclass, o.oid FROM pg_catalog.pg_statistic_ext o WHERE o.stxnamespace = s) o
    WHERE NOT EXISTS (SELECT FROM pg_catalog.pg_depend d
                      WHERE d.classid = o.classid AND d.objid = o.objid AND d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass
                        AND d.refobjid = ext AND d.deptype = 'e')
      -- a composite type's relation and an array type go with a member type
      AND NOT EXISTS (SELECT FROM pg_catalog.pg_type t
                      JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND d.objid = t.oid
                       AND d.refobjid = ext AND d.deptype = 'e'
                      WHERE (o.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND t.typrelid = o.objid)
                         OR (o.classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND t.typarray = o.objid))
      -- and a member relation's row type (a view's, up to PostgreSQL 16) and its array type
      AND NOT EXISTS (SELECT FROM pg_catalog.pg_type t
                      JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = t.typrelid
                       AND d.refobjid = ext AND d.deptype = 'e'
                      WHERE o.classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND (t.oid = o.objid OR t.typarray = o.objid))
    ORDER BY 1 LIMIT 1;
    IF stranger IS NOT NULL THEN
        RAISE EXCEPTION 'schema "@extschema@" holds %, which is not part of the extension styring', stranger
            USING ERRCODE = 'object_not_in_prerequisite_state',
                  HINT = 'Whoever can create objects in styring''s schema can run code as every role that uses styring: drop what is not styring''s (or install into a database where no schema of that name exists), then try again.';
    END IF;
    EXECUTE pg_catalog.format('ALTER SCHEMA %I OWNER TO %I', '@extschema@', current_user);
    FOR grantee IN
        SELECT DISTINCT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.quote_ident(r.rolname) END
        FROM pg_catalog.pg_namespace n, pg_catalog.aclexplode(n.nspacl) a
        LEFT JOIN pg_catalog.pg_roles r ON r.oid = a.grantee
        WHERE n.oid = s AND a.grantee <> n.nspowner
    LOOP
        EXECUTE pg_catalog.format('REVOKE ALL ON SCHEMA %I FROM %s CASCADE', '@extschema@', grantee);
    END LOOP;
END $schema$;
GRANT USAGE ON SCHEMA @extschema@ TO PUBLIC;
COMMENT ON SCHEMA @extschema@ IS 'styring: steering information (targets and attainment, comparison groups, goal chains, evaluations, steering models); owned by the role that installed its objects, USAGE for every role, CREATE for nobody else';
