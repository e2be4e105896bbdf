-- Helpers shared by the pgTAP suites (test/*.sql); scripts/run-tests.sh loads this file into
-- the test database before pg_prove runs them (each suite runs in a transaction
-- that it rolls back).
CREATE SCHEMA tap_helpers;

-- The plan of a query as text, to look for a Partial Aggregate.
CREATE FUNCTION tap_helpers.plan_of(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE line text; out text := '';
BEGIN
    FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP out := out || line || E'\n'; END LOOP;
    RETURN out;
END $$;

-- Parallel plans for every query, with 2 workers, until the transaction ends
-- or tap_helpers.serial() is called.
CREATE FUNCTION tap_helpers.force_parallel() RETURNS void LANGUAGE sql AS $$
    SELECT set_config('parallel_setup_cost', '0', true), set_config('parallel_tuple_cost', '0', true),
           set_config('min_parallel_table_scan_size', '0', true),
           set_config('max_parallel_workers_per_gather', '2', true),
           set_config('parallel_leader_participation', 'off', true) $$;
CREATE FUNCTION tap_helpers.serial() RETURNS void LANGUAGE sql AS $$
    SELECT set_config('parallel_setup_cost', '1000', true), set_config('parallel_tuple_cost', '0.1', true),
           set_config('min_parallel_table_scan_size', '8MB', true),
           set_config('max_parallel_workers_per_gather', '2', true),
           set_config('parallel_leader_participation', 'on', true) $$;

-- COPY the rows of a query out and into a table through the binary format,
-- which runs every column's send and recv.
CREATE FUNCTION tap_helpers.copy_binary(query text, target text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE f text := '/tmp/styring_copy_' || pg_backend_pid() || '.bin';
BEGIN
    EXECUTE format('COPY (%s) TO %L (FORMAT binary)', query, f);
    EXECUTE format('COPY %s FROM %L (FORMAT binary)', target, f);
END $$;

-- The error a statement raises, with its context lines, or NULL when it runs.
CREATE FUNCTION tap_helpers.error_of(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE msg text; ctx text;
BEGIN
    EXECUTE q;
    RETURN NULL;
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT, ctx = PG_EXCEPTION_CONTEXT;
    RETURN msg || E'\n' || ctx;
END $$;
