#!/usr/bin/env bash
# The regression suites under Valgrind (memcheck): a throwaway cluster whose
# postmaster and every backend run under valgrind --trace-children=yes, then
# `make installcheck` against it. Debian's server is not built with USE_VALGRIND,
# so Valgrind cannot see palloc's chunks and PostgreSQL itself reports some
# uninitialised-byte noise (padding written to files and sockets); the verdict is
# the number of errors whose stack passes through styring.so: it must be 0.
#   bash test/scripts/valgrind.sh        (as root or as a user that can run postgres)
set -euo pipefail
cd "$(dirname "$0")/../.."
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
command -v valgrind >/dev/null || { apt-get update -qq && apt-get install -y -qq valgrind >/dev/null; }
work=$(mktemp -d /tmp/styring-valgrind.XXXXXX)
chmod 777 "$work"
run_as() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
run_as "$PGBIN/initdb -D $work/data -U postgres --no-sync >/dev/null"
run_as "valgrind --quiet --trace-children=yes --track-origins=no --num-callers=30 \
        --suppressions=$PWD/test/scripts/valgrind.supp \
        --log-file=$work/vg.%p.log $PGBIN/postgres -D $work/data -p 5499 -k $work \
        -c max_parallel_workers_per_gather=0 >$work/server.log 2>&1 &"
for i in $(seq 1 120); do
    if "$PGBIN/pg_isready" -h "$work" -p 5499 -q; then break; fi
    sleep 1
done
set +e
PGHOST=$work PGPORT=5499 PGUSER=postgres make -s installcheck
rc=$?
set -e
run_as "$PGBIN/pg_ctl -D $work/data -m fast stop -w -t 300 >/dev/null" || true
sleep 2
total=$(cat "$work"/vg.*.log | grep -cE '^==[0-9]+== (Invalid|Conditional|Use of uninitialised|Syscall param|Mismatched|Source and destination)' || true)
ours=$(awk '/^==[0-9]+== [A-Z]/{if (blk ~ /styring\.so/) n++; blk=""} {blk = blk $0 "\n"} END {if (blk ~ /styring\.so/) n++; print n+0}' "$work"/vg.*.log)
echo "valgrind: $(ls "$work"/vg.*.log | wc -l) processes, $total error reports in all, $ours with styring.so on the stack; regression suites exit $rc"
if [ "$ours" -ne 0 ]; then grep -l 'styring\.so' "$work"/vg.*.log | head -3 | xargs -r cat | head -80; fi
echo "logs: $work"
[ "$ours" -eq 0 ] && [ "$rc" -eq 0 ]
