#!/usr/bin/env bash
# Runs the dashboard mix (dashboard.sql) with pgbench against the database of
# the environment (PGHOST, PGPORT, ... : run inside pg_virtualenv, after
# setup.sql), for CLIENTS clients and SECONDS seconds, and prints one line:
#   clients N: TPS tps, p95 P ms, F failed, peak backend RSS R MB
#   bash bench/load/run.sh CLIENTS SECONDS
set -euo pipefail
cd "$(dirname "$0")"
clients=${1:-8}
seconds=${2:-10}
pgbench=$(ls /usr/lib/postgresql/*/bin/pgbench | sort -V | tail -1)
[ -n "${PGVER:-}" ] && [ -x "/usr/lib/postgresql/$PGVER/bin/pgbench" ] && pgbench=/usr/lib/postgresql/$PGVER/bin/pgbench
work=$(mktemp -d)
trap 'kill $watch 2>/dev/null || true; rm -rf "$work"' EXIT
# the peak RSS of every backend, from /proc, while the run lasts
( while true; do
      for pid in $(pgrep -f 'postgres: .*(idle|SELECT|BIND|authentication|\[local\]|127\.0\.0\.1)' || true); do
          sed -nE 's/^VmHWM:\s+([0-9]+) kB/\1/p' /proc/$pid/status 2>/dev/null
      done | sort -n | tail -1 >> "$work/hwm"
      sleep 0.5
  done ) &
watch=$!
(cd "$work" && "$pgbench" -n -f "$OLDPWD/dashboard.sql" -c "$clients" -j "$clients" -T "$seconds" -l --log-prefix=lat >"$work/out" 2>&1) ||
    { cat "$work/out"; exit 1; }
kill $watch 2>/dev/null || true
tps=$(sed -nE 's/^tps = ([0-9.]+).*/\1/p' "$work/out" | tail -1)
failed=$(sed -nE 's/^number of failed transactions: ([0-9]+).*/\1/p' "$work/out" | tail -1)
p95=$(cat "$work"/lat* | awk '{print $3}' | sort -n | awk '{a[NR]=$1} END {i=int(NR*0.95); if (i<1) i=1; printf "%.1f", a[i]/1000}')
hwm=$(sort -n "$work/hwm" 2>/dev/null | tail -1)
printf 'clients %s: %s tps, p95 %s ms, %s failed, peak backend RSS %s MB\n' "$clients" "${tps:-?}" "${p95:-?}" "${failed:-0}" "$(( ${hwm:-0} / 1024 ))"
