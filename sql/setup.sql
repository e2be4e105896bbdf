-- Shared by the regression scripts that follow (they run in this database in order).
-- regress.try(sql): 'ok', or the SQLSTATE, message and detail of the error it raises.
CREATE SCHEMA regress;
CREATE FUNCTION regress.try(sql text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    detail text;
BEGIN
    EXECUTE sql;
    RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
    RETURN SQLSTATE || ': ' || SQLERRM || coalesce(' (' || nullif(detail, '') || ')', '');
END $$;
SELECT regress.try('SELECT 1') AS works, regress.try('SELECT 1/0') AS reports;
