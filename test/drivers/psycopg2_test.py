"""styring through psycopg2, as a Python script uses it: parameters passed
the default way (psycopg2 writes them into the statement as literals), as a
read-only role."""
import os
import sys

import psycopg2

from drivertap import (DATABASE, READER, READER_PASSWORD, SEARCH_PATH, Tap, check_calls, check_operators,
                       check_read_only, check_round_trip, native)

tap = Tap('psycopg2')


def connect(**extra):
    c = psycopg2.connect(host=os.environ['PGHOST'], port=os.environ['PGPORT'], dbname=DATABASE,
                         user=READER, password=READER_PASSWORD, **extra)
    c.autocommit = True
    return c


def query(cur, sql, params):
    cur.execute(sql.replace('?', '%s'), tuple(params))
    return cur.fetchone()[0]


cur = connect().cursor()
check_calls(tap, query, cur, lambda call: [native(a) for a in call.args])
check_round_trip(tap, query, cur)
check_operators(tap, query, cur, connect(options='-c search_path=' + SEARCH_PATH).cursor(),
                'options=-c search_path=' + SEARCH_PATH)
check_read_only(tap, query, cur, psycopg2.Error, lambda e: e.pgcode)
sys.exit(tap.done())
