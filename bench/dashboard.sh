#!/usr/bin/env bash
# Dashboard questions at national scale, on a throwaway cluster with
# PostgreSQL's default settings (not part of CI; about ten minutes here):
#   bash bench/dashboard.sh            the national model: 357 municipalities x
#                                      1 000 indicators x 10 years (3.57 M
#                                      measurements), then ranks() on 456 000
#                                      groups of about 19 in a plain table
#   bash bench/dashboard.sh kolada     Kolada's size: 290 units x 5 600
#                                      indicators x 10 years (16.2 M)
# Prints each dashboard query against its hand-written equivalent (best of
# three), the loads against a plain INSERT ... SELECT, whether the answers
# and the stored profiles equal a fresh computation, and the plans' key lines.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh >&2
case "${1:-national}" in
    national) vars=(-v units=357 -v indicators=1000 -v years=10); extra=(-f bench/ranks_small.sql) ;;
    kolada) vars=(-v units=290 -v indicators=5600 -v years=10); extra=() ;;
    *) echo "usage: bash bench/dashboard.sh [national|kolada]" >&2; exit 2 ;;
esac
pg_virtualenv -v "$PGVER" \
    psql -X -q -v ON_ERROR_STOP=1 "${vars[@]}" -c "CREATE EXTENSION styring" -f bench/lib.sql \
         -f bench/dashboard.sql "${extra[@]}" 2>&1 |
    grep -v -e "^Creating new PostgreSQL cluster" -e "^Dropping cluster"
