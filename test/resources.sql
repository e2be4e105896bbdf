-- Huge inputs give an error or a result, never a crash; long computations answer
-- statement_timeout.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION IF NOT EXISTS styring;
SELECT plan(8);

CREATE FUNCTION pg_temp.outcome(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE r text;
BEGIN
    EXECUTE q INTO r;
    RETURN 'ok ' || coalesce(r, 'NULL');
EXCEPTION
    WHEN query_canceled THEN RETURN SQLSTATE;   -- not caught by OTHERS
    WHEN OTHERS THEN RETURN SQLSTATE;
END $$;

-- A text value of 1 000 000 000 bytes to every input function.
SELECT is(pg_temp.outcome($$SELECT (repeat('1,', 500000000))::styring.target::text$$), '22P02',
          'a 1 GB text is refused by the target parser (22P02)');
SELECT is(pg_temp.outcome($$SELECT styring.group_size(('{' || repeat('1,', 499999999) || '1}')::styring.profile)::text$$), '54000',
          'a 1 GB profile text is refused for its size (54000), not a crash');
SELECT is(pg_temp.outcome($$SELECT (repeat('a.', 500000000))::styring.goalpath::text$$), '54000',
          'a 1 GB goal path is refused (54000)');
SELECT is(pg_temp.outcome($$SELECT (repeat('{', 1000000000))::styring.eval_usage::text$$), '22P02',
          'a 1 GB usage text is refused (22P02)');

-- A profile of 50 million values.
SELECT is(pg_temp.outcome($$SELECT styring.group_size(styring.profile(x::float8))::text FROM generate_series(1, 50000000) x$$),
          'ok 50000000', 'a profile of 50 million values is built');
-- A goal path at the depth limit, and one label at the length limit at every level.
SELECT is(pg_temp.outcome($$SELECT styring.nlevel((repeat(repeat('x', 255) || '.', 254) || repeat('x', 255))::styring.goalpath)::text$$),
          'ok 255', 'a goal path of 255 labels of 255 bytes is accepted');

-- Long computations stop at statement_timeout (57014).
SET LOCAL statement_timeout = '300ms';
SELECT is(pg_temp.outcome($$SELECT styring.group_size(styring.profile(x::float8))::text FROM generate_series(1, 50000000) x$$),
          '57014', 'building a huge profile stops at statement_timeout');
SELECT is(pg_temp.outcome($$SELECT count(*)::text FROM unnest((SELECT styring.chain_rollup(('a.b' || (x % 100000))::styring.goalpath, x) FROM generate_series(1, 3000000) x))$$),
          '57014', 'a long chain roll-up stops at statement_timeout');
RESET statement_timeout;

SELECT * FROM finish();
ROLLBACK;
