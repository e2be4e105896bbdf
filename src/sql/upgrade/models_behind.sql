
------------------------------------------------------------------------------
-- The models this update leaves behind: an update cannot rebuild a user's
-- model (whatever an extension script creates becomes part of the extension,
-- and it may not replace what is not), so each owner runs upgrade_model. A
-- WARNING, since an extension script shows nothing below that level.
------------------------------------------------------------------------------
DO $models$
DECLARE
    m record;
BEGIN
    FOR m IN SELECT model, owner, version FROM @extschema@.models WHERE NOT current ORDER BY model LOOP
        RAISE WARNING '%', pg_catalog.format('steering model %I (owner %I) has the tables of styring %s; its owner brings it up with SELECT styring.upgrade_model(%L)',
                                            m.model, m.owner, coalesce(m.version, 'unknown'), m.model);
    END LOOP;
END $models$;
