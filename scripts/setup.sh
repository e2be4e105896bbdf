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

if [ ${#need[@]} -gt 0 ]; then
    echo "== installing: ${need[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

echo "== building styring (warnings are errors)"
make -s PG_CONFIG="$PG_CONFIG" WERROR=1
$SUDO make -s PG_CONFIG="$PG_CONFIG" install >/dev/null
