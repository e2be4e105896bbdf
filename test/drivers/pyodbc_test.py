"""styring through psqlODBC (the driver of Power BI and Excel), from pyodbc:
parameters bound the ODBC way (strings as SQL_WVARCHAR, numbers as
SQL_DOUBLE and SQL_INTEGER), as a read-only role."""
import os
import sys

import pyodbc

from drivertap import operator_checks, DATABASE, READER, READER_PASSWORD, SEARCH_PATH, Tap, calls, native, wrap

tap = Tap('psqlODBC')
BASE = ('Driver={PostgreSQL Unicode};Server=%s;Port=%s;Database=%s;Uid=%s;Pwd=%s;'
        % (os.environ['PGHOST'], os.environ['PGPORT'], DATABASE, READER, READER_PASSWORD))


def connect(extra=''):
    return pyodbc.connect(BASE + extra, autocommit=True)


def one(cur, sql, params=()):
    cur.execute(sql, *params)
    return cur.fetchone()[0]


cur = connect().cursor()
for call in calls():
    def check(call=call):
        got = one(cur, wrap(call.odbc or call.sql), [native(a) if a[0] != 'a' else '{' + ','.join(a[1]) + '}'
                                                     for a in call.args])
        want = one(cur, wrap(call.literal))
        return got == want, 'bound: %s\nliteral: %s' % (got, want)
    tap.run(call.sql + ' as ' + call.literal, check)

cur.execute('SELECT t, p, g, u, s, sc, cn, er FROM driver_data WHERE id = 1')
row = cur.fetchone()
tap.ok(all(isinstance(v, str) for v in row), 'every styring type and composite arrives as a string')
cur.execute('SELECT t::text, p::text, g::text, u::text, s::text, sc::text, cn::text, er::text FROM driver_data WHERE id = 1')
tap.ok(tuple(row) == tuple(cur.fetchone()), 'in full (a 400-value profile too), as the server\'s text output')
cur.execute('CREATE TEMP TABLE rt (t styring.target, p styring.profile, g styring.goalpath, u styring.eval_usage, s styring.goal_status)')
tap.run('the fetched values go back into styring columns as parameters',
        lambda: cur.execute('INSERT INTO rt VALUES (?, ?, ?, ?, ?)', *row[:5]) and None)
tap.ok(one(cur, 'SELECT styring.target_eq(rt.t, d.t) AND styring.profile_eq(rt.p, d.p) AND styring.goalpath_eq(rt.g, d.g) '
                'AND styring.eval_usage_eq(rt.u, d.u) AND rt.s = d.s FROM rt, driver_data d WHERE d.id = 1'),
       'and equal what was fetched')

tap.run('function forms of the operators work without styring on the search path', lambda: one(cur,
    'SELECT count(*) FROM driver_data WHERE styring.target_eq(t, ?) AND styring.goalpath_descendant_of(g, ?) '
    'AND styring.eval_usage_contains(u, ?)', ('>= 90 by 2020 from 72 in 2015', 'bolig_for_velferd', '{action_plan}')) == 1)
sp = connect('ConnSettings={SET search_path = %s};' % SEARCH_PATH).cursor()
for desc, with_ops, with_functions, params in operator_checks():
    tap.run('with ConnSettings={SET search_path = %s}: %s' % (SEARCH_PATH, desc),
            lambda a=with_ops, b=with_functions, p=params:
                (lambda x, y: (x == y and x is not None, 'operators: %s, functions: %s' % (x, y)))(
                    one(sp, a, p), one(cur, b, p)))

# column sizes: psqlODBC does not know styring's types and reports them as
# varchar(255) unless told to treat unknown types as text
def described(extra):
    c = connect(extra).cursor()
    c.execute('SELECT t, p, g FROM driver_data')
    return [(d[1], d[3]) for d in c.description]
tap.run('with UnknownsAsLongVarchar=1, styring columns are described as long text, as text is',
        lambda: (lambda d: (all(size >= 8190 for _, size in d), d))(described('UnknownsAsLongVarchar=1;')))

# doubles bound by a cursor-based connection (UseDeclareFetch=1), as Excel does
dc = connect('UseDeclareFetch=1;').cursor()
tap.run('evaluation_cost with amounts bound as doubles (UseDeclareFetch=1) is exact to the øre',
        lambda: (lambda v: (str(v) == '4174.86', v))(one(dc, 'SELECT styring.evaluation_cost(?, ?, ?, ?, ?)',
                                                          (10.5, 280.0, 1234.56, 0.1, 0.2))))
tap.run('evaluation_summary with doubles (UseDeclareFetch=1) sums exactly',
        lambda: (lambda v: (v == '2800.02', v))(one(dc, "SELECT (styring.evaluation_summary(CAST('{}' AS styring.eval_usage), x, 280, 0.01, 0, 0, NULL)).total_cost::text "
                                                      'FROM (VALUES (?), (?)) v(x)', (5.0, 5.0))))


def refused():
    try:
        cur.execute('INSERT INTO driver_data (id) VALUES (99)')
    except pyodbc.Error as e:
        return '42501' in str(e), str(e)
    return False, 'the insert went through'
tap.run('the role is read-only (INSERT refused with 42501)', refused)
sys.exit(tap.done())
