#!/usr/bin/env bash
# A database whose encoding is not UTF-8 (LATIN1): text in and out of every type is
# converted, "±" prints as "+-", and Norwegian and Swedish letters survive.
# Runs inside pg_virtualenv; exits non-zero on a difference.
set -euo pipefail
db=styring_latin1
dropdb --if-exists "$db" >/dev/null 2>&1
createdb -E LATIN1 -T template0 --locale=C "$db"
trap 'dropdb --if-exists "$db" >/dev/null 2>&1' EXIT
got=$(PGCLIENTENCODING=UTF8 psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$db" <<'SQL'
CREATE EXTENSION styring;
SELECT '= 100 ±2'::styring.target::text;
SELECT '>=0.75 BY 2020'::styring.target::text;
SELECT 'bolig_for_velferd.mål_2.tromsø.säter'::styring.goalpath::text;
SELECT styring.label('vision.inriktningsmål', -1);
SELECT '{budget_och_målprocess,budsjett_og_målprosess,annat}'::styring.eval_usage::text;
SELECT styring.status('= 100 +-2', 101)::text;
SELECT 'a.b.mål'::styring.goalpath OPERATOR(styring.<@) 'a.b';
SQL
)
want='= 100 +-2
>= 0.75 by 2020
bolig_for_velferd.mål_2.tromsø.säter
inriktningsmål
{budget_process,other}
achieved
t'
if [ "$got" != "$want" ]; then
    echo "encodings: a LATIN1 database gave"; echo "$got"; echo "instead of"; echo "$want"
    exit 1
fi
echo "encodings: a LATIN1 database converts text in and out of every type"
