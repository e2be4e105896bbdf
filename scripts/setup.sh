#!/usr/bin/env bash
# Installs what styring needs on Debian (PostgreSQL server and headers, pgTAP,
# pg_prove, a C compiler), then builds and installs the extension.
# Sourced by scripts/test.sh and scripts/demo.sh; safe to run again.
set -euo pipefail

PGVER=${PGVER:-15}
export PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/$PGVER/bin/pg_config}
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo

need=()
[ -x "/usr/lib/postgresql/$PGVER/bin/postgres" ] || need+=("postgresql-$PGVER")
[ -f "/usr/include/postgresql/$PGVER/server/postgres.h" ] && [ -f "/usr/lib/postgresql/$PGVER/lib/pgxs/src/makefiles/pgxs.mk" ] || need+=("postgresql-server-dev-$PGVER")
[ -f "/usr/share/postgresql/$PGVER/extension/pgtap.control" ] || need+=("postgresql-$PGVER-pgtap")
command -v pg_prove >/dev/null 2>&1 || need+=(libtap-parser-sourcehandler-pgtap-perl)
command -v pg_virtualenv >/dev/null 2>&1 || need+=(postgresql-common)
command -v make >/dev/null 2>&1 || need+=(make)
command -v gcc >/dev/null 2>&1 || need+=(gcc)
# The test suite also drives styring through the BI tools' drivers.
if [ -n "${STYRING_TEST_DRIVERS:-}" ]; then
    [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import psycopg2' 2>/dev/null || need+=(python3-psycopg2)
    /usr/bin/python3 -c 'import pyodbc' 2>/dev/null || need+=(python3-pyodbc)
    [ -n "$(find /usr/lib -name psqlodbcw.so 2>/dev/null | head -1)" ] || need+=(odbc-postgresql unixodbc)
    [ -f /usr/share/java/postgresql.jar ] || need+=(libpostgresql-jdbc-java)
    command -v javac >/dev/null 2>&1 || need+=(default-jdk-headless)
    command -v node >/dev/null 2>&1 || need+=(nodejs)
    # the demo's HTML report, rendered in a headless browser and its screenshot checked
    command -v chromium >/dev/null 2>&1 || need+=(chromium)
    /usr/bin/python3 -c 'import PIL' 2>/dev/null || need+=(python3-pil)
    # the short load run (pgbench comes with the server) reads backends' memory with pgrep
    command -v pgrep >/dev/null 2>&1 || need+=(procps)
    [ -d "$(dirname "${BASH_SOURCE[0]}")/../test/drivers/node/node_modules" ] || command -v npm >/dev/null 2>&1 || need+=(npm)
fi

if [ ${#need[@]} -gt 0 ]; then
    echo "== installing: ${need[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

echo "== building styring for PostgreSQL $PGVER (warnings are errors)"
# A clean build: the tree may hold objects built for another server version.
make -s PG_CONFIG="$PG_CONFIG" clean >/dev/null
make -s PG_CONFIG="$PG_CONFIG" WERROR=1
$SUDO make -s PG_CONFIG="$PG_CONFIG" install >/dev/null

bash "$(dirname "${BASH_SOURCE[0]}")/clear-regress.sh" "$PGVER"
