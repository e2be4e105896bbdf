#!/usr/bin/env bash
# scripts/styring-fetch against recorded responses: the SSB json-stat2 and
# Klass responses in demo/data and a Kolada response of two pages, served by
# a web server on the loopback interface (never the network), loaded into a
# model; a second run changes nothing. Runs inside pg_virtualenv.
set -euo pipefail
cd "$(dirname "$0")/../.."
db=styring_fetch
www=$(mktemp -d)
port=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
trap 'kill $server 2>/dev/null; rm -rf "$www"; dropdb --if-exists "$db" >/dev/null 2>&1' EXIT

# the APIs' paths (the server ignores the query strings)
mkdir -p "$www/api/pxwebapi/v2/tables/12134" "$www/api/klass/v1/classifications/131" "$www/v2/data/kpi/N15428/year/2023"
cp demo/data/ssb_12134_jsonstat2_sample.json "$www/api/pxwebapi/v2/tables/12134/data"
cp demo/data/ssb_klass_131_municipalities.json "$www/api/klass/v1/classifications/131/codesAt"
# a Kolada data response in the shape its API documents, in two pages
cat > "$www/v2/data/kpi/N15428/year/2023/index.html" <<JSON
{"count": 2, "values": [{"kpi": "N15428", "municipality": "0301", "period": 2023,
  "values": [{"count": 1, "gender": "T", "status": "", "value": 74.1}, {"count": 1, "gender": "K", "status": "", "value": 76.0},
             {"count": 0, "gender": "M", "status": "Saknas", "value": null}]}],
 "next_page": "http://127.0.0.1:$port/v2/data/kpi/N15428/year/2023/page2"}
JSON
mkdir -p "$www/v2/data/kpi/N15428/year/2023/page2"
cat > "$www/v2/data/kpi/N15428/year/2023/page2/index.html" <<'JSON'
{"count": 2, "values": [{"kpi": "N15428", "municipality": "4601", "period": 2023,
  "values": [{"count": 1, "gender": "T", "status": "", "value": 70.5}]}]}
JSON
(cd "$www" && exec /usr/bin/python3 -m http.server "$port" --bind 127.0.0.1 >/dev/null 2>&1) &
server=$!
for _ in $(seq 50); do /usr/bin/python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/')" 2>/dev/null && break; sleep 0.1; done

export STYRING_SSB_URL=http://127.0.0.1:$port STYRING_KLASS_URL=http://127.0.0.1:$port STYRING_KOLADA_URL=http://127.0.0.1:$port
dropdb --if-exists "$db" >/dev/null 2>&1; createdb "$db"
psql -X -q -d "$db" -c "CREATE EXTENSION styring" -c "SELECT styring.create_model('kommune')" >/dev/null
fetch() { /usr/bin/python3 scripts/styring-fetch "$@" -d "$db" -m kommune; }
run() {
    fetch ssb-table 12134 'valuecodes[ContentsCode]=KOSAG110000&valuecodes[Tid]=2024'
    fetch klass 131 2026-01-01
    fetch kolada N15428 2023
    fetch kostra-csv demo/data/regnskap_artshierarki.csv --hierarchy type
}
first=$(run)
second=$(run)
echo "$first" | sed 's/^/  first run: /'
got=$(psql -X -A -t -d "$db" -c "
    SELECT string_agg(unit || ':' || gender || ':' || coalesce(value::text, status), ' ' ORDER BY indicator, unit, gender)
    FROM kommune.measurement")
want="0301:T:81240 4601:T:66605 5001:T:62853 0301:K:76 0301:M:Saknas 0301:T:74.1 4601:T:70.5"
units=$(psql -X -A -t -d "$db" -c "SELECT count(*) FROM kommune.unit")
fail=0
[ "$got" = "$want" ] || { echo "fetch: measurements are $got, not $want"; fail=1; }
[ "$units" -eq 358 ] || { echo "fetch: $units units, not the 358 of Klass 131"; fail=1; }
if echo "$second" | grep -qv ': 0 rows added or changed'; then echo "fetch: the second run changed rows:"; echo "$second"; fail=1; fi
/usr/bin/python3 scripts/styring-fetch kolada N15428 2023 --print | /usr/bin/python3 -c 'import json, sys; d = json.load(sys.stdin); assert len(d["values"]) == 2' ||
    { echo "fetch: --print did not write both Kolada pages"; fail=1; }
[ "$fail" -eq 0 ] && echo "fetch: styring-fetch loaded SSB, Klass, Kolada (2 pages) and KOSTRA CSV from recorded responses; a second run changed nothing"
exit "$fail"
