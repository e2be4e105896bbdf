"""styring through psycopg2, as a Python script uses it: parameters passed
the default way (psycopg2 writes them into the statement as literals), as a
read-only role."""
import os
import sys

import psycopg2

from drivertap import operator_checks, DATABASE, READER, READER_PASSWORD, SEARCH_PATH, Tap, calls, native, wrap

tap = Tap('psycopg2')


def connect(**extra):
    c = psycopg2.connect(host=os.environ['PGHOST'], port=os.environ['PGPORT'], dbname=DATABASE,
                         user=READER, password=READER_PASSWORD, **extra)
    c.autocommit = True
    return c


def one(cur, sql, params=None):
    cur.execute(sql, params)
    return cur.fetchone()[0]


conn = connect()
cur = conn.cursor()

for call in calls():
    def check(call=call):
        got = one(cur, wrap(call.sql.replace('?', '%s')), [native(a) for a in call.args])
        want = one(cur, wrap(call.literal))
        return got == want, 'bound: %s\nliteral: %s' % (got, want)
    tap.run(call.sql + ' as ' + call.literal, check)

# typed round trip: fetch each type as the driver returns it, send it back
cur.execute('SELECT t, p, g, u, s, sc, cn, er FROM driver_data WHERE id = 1')
row = cur.fetchone()
tap.ok(all(isinstance(v, str) for v in row), 'every styring type and composite arrives as a string')
cur.execute('SELECT t::text, p::text, g::text, u::text, s::text, sc::text, cn::text, er::text FROM driver_data WHERE id = 1')
tap.ok(tuple(row) == cur.fetchone(), 'the strings are the server\'s text output (composites and arrays of composites too)')
cur.execute('CREATE TEMP TABLE rt (t styring.target, p styring.profile, g styring.goalpath, u styring.eval_usage, s styring.goal_status)')
tap.run('the fetched values go back into styring columns as parameters',
        lambda: cur.execute('INSERT INTO rt VALUES (%s, %s, %s, %s, %s)', row[:5]))
tap.ok(one(cur, 'SELECT styring.target_eq(rt.t, d.t) AND styring.profile_eq(rt.p, d.p) AND styring.goalpath_eq(rt.g, d.g) '
                'AND styring.eval_usage_eq(rt.u, d.u) AND rt.s = d.s FROM rt, driver_data d WHERE d.id = 1'),
       'and equal what was fetched')

# operators: function forms without the search path, operators with it
tap.run('function forms of the operators work without styring on the search path', lambda: one(cur,
    'SELECT count(*) FROM driver_data WHERE styring.target_eq(t, %s) AND styring.goalpath_descendant_of(g, %s) '
    'AND styring.eval_usage_contains(u, %s)', ('>= 90 by 2020 from 72 in 2015', 'bolig_for_velferd', '{action_plan}')) == 1)
sp = connect(options='-c search_path=' + SEARCH_PATH).cursor()
for desc, with_ops, with_functions, params in operator_checks():
    tap.run('with options=-c search_path=%s: %s' % (SEARCH_PATH, desc),
            lambda a=with_ops, b=with_functions, p=params:
                (lambda x, y: (x == y and x is not None, 'operators: %s, functions: %s' % (x, y)))(
                    one(sp, a.replace('?', '%s'), p), one(cur, b.replace('?', '%s'), p)))
tap.run('with ltree beside styring on the search path, the qualified styring.nlevel takes a string',
        lambda: one(sp, 'SELECT styring.nlevel(%s)', ('a.b.c',)) == 3)

# a read-only role: it reads and computes, and cannot write
def refused():
    try:
        cur.execute("INSERT INTO driver_data (id) VALUES (99)")
    except psycopg2.Error as e:
        return e.pgcode == '42501', e.pgcode
    return False, 'the insert went through'
tap.run('the role is read-only (INSERT refused with 42501)', refused)
sys.exit(tap.done())
