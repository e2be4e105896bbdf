#!/usr/bin/env bash
# Usage: clear-regress.sh VERSION
# pg_virtualenv refuses to start when a cluster "regress" of this version is
# left over from a run that was killed (as root it makes its cluster there,
# and a Debian root in /var/cache/styring/roots keeps it for the next run).
# One that pg_virtualenv made and whose server is not running is dropped; one
# that is running belongs to another run, and this one stops with that reason.
set -euo pipefail
v=$1
[ -f "/etc/postgresql/$v/regress/.by_pg_virtualenv" ] || exit 0
if pg_lsclusters -h "$v" regress 2>/dev/null | grep -q ' online'; then
    echo "clear-regress: a throwaway cluster $v/regress is running (another test run?); stop it or wait" >&2
    exit 1
fi
echo "== dropping the throwaway cluster $v/regress that a killed run left behind"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
# as pg_virtualenv's own cleanup does: the marker first, then the cluster
$SUDO rm -f "/etc/postgresql/$v/regress/.by_pg_virtualenv"
$SUDO pg_dropcluster "$v" regress 2>/dev/null || true
$SUDO rm -rf "/etc/postgresql/$v/regress" "/var/lib/postgresql/$v/regress"
