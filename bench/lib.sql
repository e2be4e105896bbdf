-- Timing helpers for the benchmarks.
--   bench.time(label, query, workers): best of three runs, in ms, with
--   max_parallel_workers_per_gather = workers (0 = serial). Parallel runs
--   are forced (zero parallel costs) so that the worker count is what it says.
CREATE SCHEMA bench;
CREATE TABLE bench.result (bench text, label text, workers int, ms numeric, answer text);

CREATE FUNCTION bench.time(bench_name text, label text, query text, workers int DEFAULT 0)
RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE
    t0 timestamptz; best numeric; ms numeric; answer text;
BEGIN
    PERFORM set_config('max_parallel_workers_per_gather', workers::text, true);
    PERFORM set_config('parallel_setup_cost', CASE WHEN workers > 0 THEN '0' ELSE '1000' END, true);
    PERFORM set_config('parallel_tuple_cost', CASE WHEN workers > 0 THEN '0' ELSE '0.1' END, true);
    PERFORM set_config('min_parallel_table_scan_size', CASE WHEN workers > 0 THEN '0' ELSE '8MB' END, true);
    FOR i IN 1..3 LOOP
        t0 := clock_timestamp();
        EXECUTE query INTO answer;
        ms := extract(epoch FROM clock_timestamp() - t0) * 1000;
        best := least(best, ms);
        IF best IS NULL THEN best := ms; END IF;
    END LOOP;
    INSERT INTO bench.result VALUES (bench_name, label, workers, round(best, 1), answer);
    RETURN best;
END $$;

-- ratios against a baseline label of the same bench and worker count
CREATE VIEW bench.report AS
SELECT r.bench, r.label, r.workers, r.ms,
       round(r.ms / b.ms, 2) AS ratio_to_baseline, b.label AS baseline, r.answer
FROM bench.result r
LEFT JOIN LATERAL (SELECT * FROM bench.result b WHERE b.bench = r.bench AND b.workers = r.workers
                   ORDER BY b.ctid LIMIT 1) b ON true;

-- bench.memory(query): the memory the plan's nodes report (sorts and hash
-- aggregates, in kB, summed over nodes) and what spilled to disk, from
-- EXPLAIN (ANALYZE, FORMAT JSON).
CREATE FUNCTION bench.memory(query text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE plan jsonb; mem numeric; disk numeric;
BEGIN
    EXECUTE 'EXPLAIN (ANALYZE, FORMAT JSON) ' || query INTO plan;
    SELECT coalesce(sum(x::text::numeric), 0) INTO mem
    FROM jsonb_path_query(plan, 'strict $.**."Peak Memory Usage"') x;
    mem := mem + coalesce((SELECT sum(x::text::numeric) FROM jsonb_path_query(plan, 'strict $.** ? (@."Sort Space Type" == "Memory")."Sort Space Used"') x), 0);
    SELECT coalesce(sum(x::text::numeric), 0) INTO disk
    FROM jsonb_path_query(plan, 'strict $.**."Disk Usage"') x;
    disk := disk + coalesce((SELECT sum(x::text::numeric) FROM jsonb_path_query(plan, 'strict $.** ? (@."Sort Space Type" == "Disk")."Sort Space Used"') x), 0);
    RETURN round(mem / 1024, 1) || ' MB in memory, ' || round(disk / 1024, 1) || ' MB on disk';
END $$;

-- bench.phases(query): where a parallel aggregate's time goes, from
-- EXPLAIN (ANALYZE, FORMAT JSON): the scan, the transition (partial
-- aggregate beyond its scan), shipping the partial states (gather beyond the
-- partial aggregate), combining them (finalize until its first row) and the
-- final functions (finalize after its first row), in ms. Node times of
-- parallel nodes are per process, as EXPLAIN reports them.
CREATE FUNCTION bench.phases(query text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE plan jsonb; scan numeric; part numeric; gath numeric; fin_first numeric; fin_last numeric;
BEGIN
    EXECUTE 'EXPLAIN (ANALYZE, FORMAT JSON) ' || query INTO plan;
    SELECT (x->>'Actual Total Time')::numeric INTO scan
    FROM jsonb_path_query(plan, 'strict $.** ? (@."Node Type" == "Seq Scan")') x LIMIT 1;
    SELECT (x->>'Actual Total Time')::numeric INTO part
    FROM jsonb_path_query(plan, 'strict $.** ? (@."Partial Mode" == "Partial")') x LIMIT 1;
    SELECT (x->>'Actual Total Time')::numeric INTO gath
    FROM jsonb_path_query(plan, 'strict $.** ? (@."Node Type" == "Gather")') x LIMIT 1;
    SELECT (x->>'Actual Startup Time')::numeric, (x->>'Actual Total Time')::numeric INTO fin_first, fin_last
    FROM jsonb_path_query(plan, 'strict $.** ? (@."Partial Mode" == "Finalize")') x LIMIT 1;
    RETURN format('scan %s, transition %s, partial states %s, combine %s, final %s',
                  round(scan), round(part - scan), round(gath - part), round(fin_first - gath),
                  round(fin_last - fin_first));
END $$;
