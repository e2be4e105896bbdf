#!/usr/bin/env bash
# A short load run: the dashboard mix of bench/load/ from 8 pgbench clients for
# 10 seconds. No transaction may fail, and no backend may grow past 512 MB
# (the profiles it reads are 16 MB; styring.profile_cache_size is 128 MB).
# Runs inside pg_virtualenv.
set -euo pipefail
cd "$(dirname "$0")/../.."
psql -X -q -v ON_ERROR_STOP=1 -f bench/load/setup.sql >/dev/null 2>&1
line=$(bash bench/load/run.sh 8 10)
echo "load: $line"
failed=$(echo "$line" | sed -nE 's/.*, ([0-9]+) failed,.*/\1/p')
rss=$(echo "$line" | sed -nE 's/.*peak backend RSS ([0-9]+) MB.*/\1/p')
psql -X -q -c "DROP TABLE load_obs, load_stored, load_goals, load_evals" >/dev/null
[ -n "$failed" ] && [ "$failed" -eq 0 ] || { echo "load: failed transactions"; exit 1; }
[ -n "$rss" ] && [ "$rss" -gt 0 ] && [ "$rss" -lt 512 ] || { echo "load: a backend's peak RSS is ${rss:-unknown} MB, over 512 MB"; exit 1; }
echo "load: 8 clients for 10 s, no failed transaction, every backend under 512 MB"
