#!/usr/bin/env bash
# The suite against an assert-enabled server (--enable-cassert), as pgvector's
# CI runs it: PostgreSQL 15 built from Debian's own source package
# (apt-get source postgresql-15) under /var/cache/styring/cassert, styring
# built against it with warnings as errors, then pg_regress and every pgTAP
# suite on a throwaway cluster of that server. An Assert that fails aborts the
# backend, so a run that passes here has executed every Assert on the way.
# Ends with "N passed, N failed". The server build is kept for the next run.
set -euo pipefail
cd "$(dirname "$0")/.."
root=${STYRING_CASSERT_ROOT:-/var/cache/styring/cassert}
prefix=$root/pg
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo

if [ ! -x "$prefix/bin/postgres" ]; then
    need=()
    command -v gcc >/dev/null 2>&1 || need+=(gcc)
    command -v make >/dev/null 2>&1 || need+=(make)
    command -v bison >/dev/null 2>&1 || need+=(bison)
    command -v flex >/dev/null 2>&1 || need+=(flex)
    [ -f /usr/share/postgresql/15/extension/pgtap.control ] || need+=(postgresql-15-pgtap)
    command -v pg_prove >/dev/null 2>&1 || need+=(libtap-parser-sourcehandler-pgtap-perl)
    # Debian's source packages: a deb-src line beside the binary one
    if ! grep -rqs '^deb-src\|^Types:.*deb-src' /etc/apt/sources.list /etc/apt/sources.list.d/; then
        if [ -f /etc/apt/sources.list.d/debian.sources ]; then
            $SUDO sed -i 's/^Types: deb$/Types: deb deb-src/' /etc/apt/sources.list.d/debian.sources
        else
            grep -h '^deb ' /etc/apt/sources.list | sed 's/^deb /deb-src /' | $SUDO tee /etc/apt/sources.list.d/styring-src.list >/dev/null
        fi
    fi
    $SUDO apt-get update -qq
    [ ${#need[@]} -eq 0 ] || DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
    $SUDO mkdir -p "$root/src"
    $SUDO chown "$(id -u)" "$root" "$root/src"
    # The newest source version the mirrors serve (a security update's source may not be
    # there). Only its upstream tarball is built: Debian's patches put the library
    # directory at /usr/lib/postgresql/15/lib whatever the prefix, and an install
    # would overwrite the system server's files.
    for v in $(apt-cache showsrc postgresql-15 | sed -n 's/^Version: //p' | sort -rV); do
        (cd "$root/src" && apt-get source -qq --download-only "postgresql-15=$v" >/dev/null 2>&1) && break
    done
    tar -xjf "$(ls "$root"/src/postgresql-15_*.orig.tar.bz2 | head -1)" -C "$root/src"
    srcdir=$(find "$root/src" -maxdepth 1 -type d -name 'postgresql-15*' | head -1)
    echo "== building $(basename "$srcdir") with --enable-cassert (a few minutes on 2 cores)"
    (cd "$srcdir" &&
     ./configure -q --prefix="$prefix" --enable-cassert --enable-debug --without-readline --without-zlib --without-icu >/dev/null &&
     make -s -j"$(nproc)" >/dev/null 2>&1 &&
     case "$(src/bin/pg_config/pg_config --pkglibdir)" in "$prefix"/*) ;; *) false ;; esac &&
     make -s install >/dev/null &&
     make -s -C contrib/postgres_fdw install >/dev/null)
fi
# pgTAP is SQL only: the system's copy serves the assert build too
ext_dir=$("$prefix/bin/pg_config" --sharedir)/extension
mkdir -p "$ext_dir"
cp /usr/share/postgresql/15/extension/pgtap* "$ext_dir/"
pg_config=$prefix/bin/pg_config
"$prefix/bin/postgres" -C debug_assertions -D /nonexistent 2>/dev/null | grep -q on ||
    $prefix/bin/pg_config --configure | grep -q enable-cassert

echo "== building styring against the assert-enabled server (in a copy of the tree)"
tree=$(mktemp -d)
git ls-files -z | xargs -0 cp --parents -t "$tree"
cd "$tree"
make -s PG_CONFIG="$pg_config" WERROR=1
make -s PG_CONFIG="$pg_config" install >/dev/null

data=$(mktemp -d)
chown postgres "$data" 2>/dev/null || true
as_pg() { if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }
port=55415
as_pg "$prefix/bin/initdb" -A trust -U postgres -D "$data/db" >/dev/null
as_pg "$prefix/bin/pg_ctl" -s -D "$data/db" -l "$data/log" -o "-p $port -k $data -c max_worker_processes=8" -w start
export PGHOST=$data PGPORT=$port PGUSER=postgres PATH=$prefix/bin:$PATH
trap 'as_pg "$prefix/bin/pg_ctl" -s -D "$data/db" -m immediate stop || true; rm -rf "$data" "$tree"' EXIT
psql -X -A -t -c 'SHOW debug_assertions' | grep -qx on

log=$(mktemp)
passed=0; failed=0
make -s PG_CONFIG="$pg_config" installcheck 2>&1 | tee "$log" || true
passed=$((passed + $(grep -cE '^(test |     )?[a-z_0-9]+ +\.\.\. ok|^ok [0-9]+ ' "$log" || true)))
failed=$((failed + $(grep -cE '\.\.\. FAILED|^not ok [0-9]+ ' "$log" || true)))
createdb styring_tap
psql -X -q -v ON_ERROR_STOP=1 -d styring_tap -f test/lib/helpers.sql
pg_prove -d styring_tap test/*.sql 2>&1 | tee "$log" || true
total=$(sed -nE 's/^Files=[0-9]+, Tests=([0-9]+),.*/\1/p' "$log" | tail -1)
bad=$(sed -nE 's/.* ([0-9]+)\/[0-9]+ subtests failed.*/\1/p' "$log" | awk '{s+=$1} END {print s+0}')
grep -q '^Result: PASS' "$log" || [ "$bad" -gt 0 ] || bad=1
passed=$((passed + ${total:-0} - bad)); failed=$((failed + bad))
# the concurrent loads and the csv_rows bounds, which reach code the suites do not
for script in test/scripts/concurrency.sh test/scripts/csv_limits.sh test/scripts/dump_restore.sh; do
    if bash "$script"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $script"; fi
done
# a failed Assert shows in the server log as TRAP and a backend killed by a signal
if grep -E 'TRAP:|terminated by signal' "$data/log"; then failed=$((failed + 1)); fi
rm -f "$log"
echo "cassert: PostgreSQL $(psql -X -A -t -c 'SHOW server_version') with assertions"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
