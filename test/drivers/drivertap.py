"""What the Python driver tests share: the manifest of calls (calls.tsv), the
literal form of each call, the setup's names, and TAP output."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
READER, READER_PASSWORD, DATABASE = 'styring_reader', 'styring_reader', 'styring_drivers'
SEARCH_PATH = 'public,styring'


class Call:
    def __init__(self, sql, args, literal, odbc):
        self.sql, self.args, self.odbc = sql, args, odbc
        self.literal = literal or self.fill(sql, [literal_of(a) for a in args])

    @staticmethod
    def fill(sql, parts):
        out, i = [], 0
        for ch in sql:
            if ch == '?':
                out.append(parts[i])
                i += 1
            else:
                out.append(ch)
        return ''.join(out)


def literal_of(arg):
    kind, value = arg
    if kind == 's':
        return "'" + value.replace("'", "''") + "'"
    if kind == 'f':
        return "'%s'::float8" % value
    if kind == 'i' or kind == 'b':
        return value
    if kind == 'a':
        return "'{" + ','.join(value) + "}'"
    raise ValueError(kind)


def calls():
    out = []
    with open(os.path.join(HERE, 'calls.tsv'), encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            cols = line.split('\t') + ['', '']
            args = []
            for a in cols[1].split('|'):
                kind, value = a.split(':', 1)
                args.append((kind, value.split(',') if kind == 'a' else value))
            out.append(Call(cols[0], args, cols[2], cols[3]))
    return out


def operator_checks():
    """operators.tsv: (what, query with operators, query with functions, params)."""
    out = []
    with open(os.path.join(HERE, 'operators.tsv'), encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if line and not line.startswith('#'):
                what, with_ops, with_functions, params = line.split('\t')
                out.append((what, with_ops, with_functions, tuple(params.split('|')) if params else ()))
    return out


def native(arg):
    """The Python value a script would pass for an argument."""
    kind, value = arg
    return {'s': lambda v: v, 'f': float, 'i': int, 'b': lambda v: v == 'true', 'a': list}[kind](value)


def wrap(expr):
    """Every row of the expression's value as text, in one string: scalars,
    sets, composites and arrays of composites alike."""
    return 'SELECT array_agg(r::text)::text FROM (SELECT %s AS r) s' % expr


class Tap:
    def __init__(self, name):
        self.name, self.n, self.failed = name, 0, 0

    def ok(self, cond, desc, detail=None):
        self.n += 1
        if not cond:
            self.failed += 1
        print('%s %d - %s: %s' % ('ok' if cond else 'not ok', self.n, self.name, desc))
        if not cond and detail:
            for line in str(detail).splitlines():
                print('#   ' + line)
        sys.stdout.flush()

    def run(self, desc, fn):
        try:
            res = fn()
            self.ok(res is None or res is True or (isinstance(res, tuple) and res[0]), desc,
                    None if not isinstance(res, tuple) else res[1])
        except Exception as e:  # a driver error is a failed check, with its text
            self.ok(False, desc, '%s: %s' % (type(e).__name__, e))

    def done(self):
        print('1..%d' % self.n)
        return 1 if self.failed else 0


# The checks both Python drivers run. `query(cur, sql, params)` runs sql with
# ? placeholders the driver's own way and returns the first column of the
# first row; `bind(call)` gives a call's parameters as the driver takes them.
ROW = ['t', 'p', 'g', 'u', 's', 'sc', 'cn', 'er']


def check_calls(tap, query, cur, bind, sql_of=lambda call: call.sql):
    for call in calls():
        def check(call=call):
            got = query(cur, wrap(sql_of(call)), bind(call))
            want = query(cur, wrap(call.literal), ())
            return got == want, 'bound: %s\nliteral: %s' % (got, want)
        tap.run(call.sql + ' as ' + call.literal, check)


def check_round_trip(tap, query, cur):
    """Fetch every type as the driver returns it and send it back."""
    cur.execute('SELECT %s FROM driver_data WHERE id = 1' % ', '.join(ROW))
    row = tuple(cur.fetchone())
    tap.ok(all(isinstance(v, str) for v in row), 'every styring type and composite arrives as a string')
    cur.execute('SELECT %s FROM driver_data WHERE id = 1' % ', '.join(c + '::text' for c in ROW))
    tap.ok(row == tuple(cur.fetchone()),
           'in full (a 400-value profile too), as the server\'s text output (composites and arrays of composites too)')
    cur.execute('CREATE TEMP TABLE rt (t styring.target, p styring.profile, g styring.goalpath, '
                'u styring.eval_usage, s styring.goal_status)')
    tap.run('the fetched values go back into styring columns as parameters',
            lambda: (lambda v: (v == 'stored', v))(
                query(cur, "INSERT INTO rt VALUES (?, ?, ?, ?, ?) RETURNING 'stored'", row[:5])))
    tap.ok(query(cur, "SELECT CASE WHEN styring.target_eq(rt.t, d.t) AND styring.profile_eq(rt.p, d.p) "
                      "AND styring.goalpath_eq(rt.g, d.g) AND styring.eval_usage_eq(rt.u, d.u) AND rt.s = d.s "
                      "THEN 'equal' END FROM rt, driver_data d WHERE d.id = 1", ()) == 'equal', 'and equal what was fetched')


def check_operators(tap, query, cur, sp, setting):
    """Function forms without the search path; operators on a connection
    `sp` made with the documented setting, compared with the function forms."""
    tap.run('function forms of the operators work without styring on the search path', lambda: query(cur,
        'SELECT count(*) FROM driver_data WHERE styring.target_eq(t, ?) AND styring.goalpath_descendant_of(g, ?) '
        'AND styring.eval_usage_contains(u, ?)', ('>= 90 by 2020 from 72 in 2015', 'bolig_for_velferd', '{action_plan}')) == 1)
    for desc, with_ops, with_functions, params in operator_checks():
        def check(a=with_ops, b=with_functions, p=params):
            x, y = query(sp, a, p), query(cur, b, p)
            return x == y and x is not None, 'operators: %s, functions: %s' % (x, y)
        tap.run('with %s: %s' % (setting, desc), check)
    tap.run('with ltree beside styring on the search path, the qualified styring.nlevel takes a string',
            lambda: query(sp, 'SELECT styring.nlevel(?)', ('a.b.c',)) == 3)


def check_read_only(tap, query, cur, error_type, sqlstate_of):
    def refused():
        try:
            query(cur, 'INSERT INTO driver_data (id) VALUES (99) RETURNING id', ())
        except error_type as e:
            return sqlstate_of(e) == '42501', str(e)
        return False, 'the insert went through'
    tap.run('the role is read-only (INSERT refused with 42501)', refused)
