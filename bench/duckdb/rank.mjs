// DuckDB's rank() OVER on the rows of bench/ranking.sql, for comparison only
// (not part of the test suite): node bench/duckdb/rank.mjs [threads]
// (bash bench/duckdb.sh installs @duckdb/node-api from npm and runs this).
// The rows come from the same formulas as in bench/ranking.sql, so the
// answers (count / sum of ranks) must equal PostgreSQL's; best of three runs.
import { DuckDBInstance } from '@duckdb/node-api';

const threads = process.argv[2] ?? '2';
const instance = await DuckDBInstance.create(':memory:', { threads });
const db = await instance.connect();

async function one(sql) {
  const t0 = performance.now();
  const reader = await db.runAndReadAll(sql);
  return { ms: performance.now() - t0, answer: reader.getRows().map(r => r.map(String).join(' / ')).join() };
}

async function best(label, sql) {
  let result = null;
  for (let i = 0; i < 3; i++) {
    const r = await one(sql);
    if (result === null || r.ms < result.ms) result = r;
  }
  console.log(`${label.padEnd(44)} ${result.ms.toFixed(1).padStart(9)} ms   ${result.answer}`);
}

await db.run(`CREATE TABLE wide AS
  SELECT (i % 1000)::INTEGER AS g, 'u' || (i // 1000) AS unit, ((i * 7919) % 100003) / 10.0 AS v
  FROM range(0, 10000000) t(i)`);
await db.run(`CREATE TABLE nation AS
  SELECT ind, yr, kjonn, lpad(u::VARCHAR, 4, '0') AS unit,
         ((ind * 1000003 + yr * 7919 + kjonn * 104729 + u * 15485863) % 99991) / 10.0 AS v
  FROM range(1, 1001) a(ind), range(2015, 2025) b(yr), range(1, 4) c(kjonn), range(1, 291) d(u)`);
console.log(`DuckDB ${(await one('SELECT version()')).answer}, ${threads} threads`);
await best('rank 1 000 groups of 10 000: rank() OVER',
  `SELECT count(*) || ' / ' || sum(r) FROM (SELECT rank() OVER (PARTITION BY g ORDER BY v DESC) AS r FROM wide)`);
await best('rank 30 000 groups of 290: rank() OVER',
  `SELECT count(*) || ' / ' || sum(r) FROM (SELECT rank() OVER (PARTITION BY ind, yr, kjonn ORDER BY v DESC) AS r FROM nation)`);
