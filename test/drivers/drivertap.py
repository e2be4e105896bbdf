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
