"""styring through psqlODBC (the driver of Power BI and Excel), from pyodbc:
parameters bound the ODBC way (strings as SQL_WVARCHAR, numbers as
SQL_DOUBLE and SQL_INTEGER), as a read-only role."""
import os
import sys

import pyodbc

from drivertap import (DATABASE, READER, READER_PASSWORD, SEARCH_PATH, Tap, check_calls, check_operators,
                       check_read_only, check_round_trip, native)

tap = Tap('psqlODBC')
BASE = ('Driver={PostgreSQL Unicode};Server=%s;Port=%s;Database=%s;Uid=%s;Pwd=%s;'
        % (os.environ['PGHOST'], os.environ['PGPORT'], DATABASE, READER, READER_PASSWORD))


def connect(extra=''):
    return pyodbc.connect(BASE + extra, autocommit=True)


def query(cur, sql, params):
    cur.execute(sql, *params)
    return cur.fetchone()[0]


def bind(call):
    """ODBC has no arrays: an array goes as its text, cast in the SQL (calls.tsv's odbc column)."""
    return [native(a) if a[0] != 'a' else '{' + ','.join(a[1]) + '}' for a in call.args]


cur = connect().cursor()
check_calls(tap, query, cur, bind, lambda call: call.odbc or call.sql)
check_round_trip(tap, query, cur)
check_operators(tap, query, cur, connect('ConnSettings={SET search_path = %s};' % SEARCH_PATH).cursor(),
                'ConnSettings={SET search_path = %s}' % SEARCH_PATH)
check_read_only(tap, query, cur, pyodbc.Error, lambda e: '42501' if '42501' in str(e) else str(e))


# column sizes: psqlODBC does not know styring's types and describes them as
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
        lambda: (lambda v: (str(v) == '4174.86', v))(query(dc, 'SELECT styring.evaluation_cost(?, ?, ?, ?, ?)',
                                                            (10.5, 280.0, 1234.56, 0.1, 0.2))))
tap.run('evaluation_summary with doubles (UseDeclareFetch=1) sums exactly',
        lambda: (lambda v: (v == '2800.02', v))(query(
            dc, "SELECT (styring.evaluation_summary(CAST('{}' AS styring.eval_usage), x, 280, 0.01, 0, 0, NULL)).total_cost::text "
                'FROM (VALUES (?), (?)) v(x)', (5.0, 5.0))))

# every column of every view of a steering model, with a usable type: numbers
# arrive as numbers, truth values as booleans (with BoolsAsChar=0, as
# doc/clients.md says: psqlODBC's default sends them as the characters 1 and 0),
# dates as dates, the rest as strings
NUMERIC = {'integer', 'bigint', 'smallint', 'double precision', 'numeric', 'real'}
cur.execute("SELECT table_name, column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = 'kommune' AND table_name IN (SELECT table_name FROM information_schema.views "
            "WHERE table_schema = 'kommune') ORDER BY table_name, ordinal_position")
columns = {}
for view, column, data_type in cur.fetchall():
    columns.setdefault(view, []).append((column, data_type))
for view, cols in sorted(columns.items()):
    def check(view=view, cols=cols):
        c = connect('BoolsAsChar=0;').cursor()
        c.execute('SELECT * FROM kommune.%s LIMIT 50' % view)
        rows = c.fetchall()
        bad = []
        for (name, data_type), d in zip(cols, c.description):
            want = ((int, float, __import__('decimal').Decimal) if data_type in NUMERIC else bool if data_type == 'boolean'
                    else __import__('datetime').date if data_type == 'date' else str)
            if d[1] not in (want if isinstance(want, tuple) else (want,)):
                bad.append('%s %s arrives as %s' % (name, data_type, d[1].__name__))
        return bool(rows) and not bad, '; '.join(bad) or 'no rows'
    tap.run('view kommune.%s: every column (%d) with a usable type, and rows' % (view, len(cols)), check)
sys.exit(tap.done())
