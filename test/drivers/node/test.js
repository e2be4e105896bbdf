// styring through node-postgres, as a Node script uses it: parameters passed
// as JavaScript values (node-postgres sends them as untyped text), as a
// read-only role. Prints TAP.
'use strict';
const fs = require('fs');
const path = require('path');
const { Client } = require('pg');

const dir = path.join(__dirname, '..');
const READER = 'styring_reader', DATABASE = 'styring_drivers', SEARCH_PATH = 'public,styring';
let n = 0, failed = 0;

function ok(cond, desc, detail) {
  n++;
  if (!cond) failed++;
  console.log(`${cond ? 'ok' : 'not ok'} ${n} - node-postgres: ${desc}`);
  if (!cond && detail) for (const l of String(detail).split('\n')) console.log('#   ' + l);
}

async function check(desc, fn) {
  try {
    const r = await fn();
    if (typeof r === 'string') ok(false, desc, r); else ok(r === undefined || r === true, desc);
  } catch (e) {
    ok(false, desc, `${e.code || ''} ${e.message}`);
  }
}

function tsv(name) {
  return fs.readFileSync(path.join(dir, name), 'utf8').split('\n')
    .filter(l => l && !l.startsWith('#')).map(l => l.split('\t'));
}

function literalOf([kind, value]) {
  if (kind === 's') return `'${value.replace(/'/g, "''")}'`;
  if (kind === 'f') return `'${value}'::float8`;
  if (kind === 'a') return `'{${value.join(',')}}'`;
  return value;
}

function nativeOf([kind, value]) {
  return { s: v => v, f: Number, i: v => parseInt(v, 10), b: v => v === 'true', a: v => v }[kind](value);
}

function numbered(sql) {
  let i = 0;
  return sql.replace(/\?/g, () => '$' + (++i));
}

const wrap = expr => `SELECT array_agg(r::text)::text AS v FROM (SELECT ${expr} AS r) s`;

async function one(client, sql, params = []) {
  const res = await client.query(numbered(sql), params);
  return Object.values(res.rows[0])[0];
}

async function connect(extra = {}) {
  const c = new Client({ host: process.env.PGHOST, port: process.env.PGPORT, database: DATABASE,
                         user: READER, password: READER, ...extra });
  await c.connect();
  return c;
}

(async () => {
  const c = await connect();
  for (const [sql, argText, literalGiven] of tsv('calls.tsv')) {
    const args = argText.split('|').map(a => {
      const kind = a[0], value = a.slice(2);
      return [kind, kind === 'a' ? value.split(',') : value];
    });
    let i = 0;
    const literal = literalGiven || sql.replace(/\?/g, () => literalOf(args[i++]));
    await check(`${sql} as ${literal}`, async () => {
      const got = await one(c, wrap(sql), args.map(nativeOf));
      const want = await one(c, wrap(literal));
      return got === want ? true : `bound: ${got}\nliteral: ${want}`;
    });
  }

  const cols = ['t', 'p', 'g', 'u', 's', 'sc', 'cn', 'er'];
  const res = await c.query(`SELECT ${cols.join(', ')}, ${cols.map(x => x + '::text AS ' + x + '_text').join(', ')} FROM driver_data WHERE id = 1`);
  const row = res.rows[0];
  ok(cols.every(x => typeof row[x] === 'string' && row[x] === row[x + '_text']),
     'every styring type and composite arrives as a string equal to the server\'s text output');
  await check('the fetched values go back into styring columns as parameters, and equal what was fetched', async () => {
    await c.query('CREATE TEMP TABLE rt (t styring.target, p styring.profile, g styring.goalpath, u styring.eval_usage, s styring.goal_status)');
    await c.query('INSERT INTO rt VALUES ($1, $2, $3, $4, $5)', cols.slice(0, 5).map(x => row[x]));
    return one(c, 'SELECT styring.target_eq(rt.t, d.t) AND styring.profile_eq(rt.p, d.p) AND styring.goalpath_eq(rt.g, d.g) ' +
                  'AND styring.eval_usage_eq(rt.u, d.u) AND rt.s = d.s FROM rt, driver_data d WHERE d.id = 1');
  });
  await check('function forms of the operators work without styring on the search path', async () =>
    (await one(c, 'SELECT count(*)::int FROM driver_data WHERE styring.target_eq(t, ?) AND styring.goalpath_descendant_of(g, ?) ' +
                  'AND styring.eval_usage_contains(u, ?)', ['>= 90 by 2020 from 72 in 2015', 'bolig_for_velferd', '{action_plan}'])) === 1);
  await check('evaluation_cost with JavaScript numbers is exact to the øre', async () => {
    const v = await one(c, 'SELECT styring.evaluation_cost(?, ?, ?, ?, ?)', [10.5, 280, 1234.56, 0.1, 0.2]);
    return v === '4174.86' ? true : `got ${v}`;
  });
  await check('the role is read-only (INSERT refused with 42501)', async () => {
    try {
      await c.query('INSERT INTO driver_data (id) VALUES (99)');
      return 'the insert went through';
    } catch (e) {
      return e.code === '42501' ? true : e.code;
    }
  });

  const sp = await connect({ options: `-c search_path=${SEARCH_PATH}` });
  for (const [what, withOps, withFunctions, params] of tsv('operators.tsv')) {
    const p = params ? params.split('|') : [];
    await check(`with options=-c search_path=${SEARCH_PATH}: ${what}`, async () => {
      const a = await one(sp, withOps, p), b = await one(c, withFunctions, p);
      return a !== null && a === b ? true : `operators: ${a}, functions: ${b}`;
    });
  }
  await sp.end();
  await c.end();
  console.log(`1..${n}`);
  process.exit(failed ? 1 : 0);
})().catch(e => { console.log(`not ok ${n + 1} - node-postgres: ${e.message}`); console.log(`1..${n + 1}`); process.exit(1); });
