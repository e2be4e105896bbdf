#!/usr/bin/env bash
# Concurrent sessions on one model (runs inside pg_virtualenv):
#  1. two sessions load documents that name the same units and indicators in
#     opposite orders, many times over: no deadlock (40P01), no unique
#     violation (23505), every row there once;
#  2. a unit deleted while another session writes a measurement for it, in
#     both orders: no orphaned measurement survives;
#  3. two sessions change values of different members of the same groups,
#     under READ COMMITTED and under REPEATABLE READ: the stored group
#     profiles equal a fresh computation afterwards (under REPEATABLE READ a
#     writer may get 40001, and nothing else).
# STYRING_VERSION=0.2.0 runs the same against that version (its failures are
# the findings this script was written for). Exits non-zero on a failure.
set -uo pipefail
db=styring_concurrency
version=${STYRING_VERSION:-}
dropdb --if-exists "$db" >/dev/null 2>&1
createdb "$db"
psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c "CREATE EXTENSION styring ${version:+VERSION '$version'}" -c "SELECT styring.create_model('c')" >/dev/null
failed=0
check() { if [ "$2" = "$3" ]; then echo "ok - $1"; else echo "not ok - $1: got '$2', wanted '$3'"; failed=$((failed + 1)); fi; }

# 1. 200 regions x 20 indicators, one document in order and one reversed (other labels, so rows change)
doc() {
    psql -X -q -d "$db" -c "
      INSERT INTO docs SELECT '$2', jsonb_build_object('class', 'dataset', 'id', jsonb_build_array('R', 'C', 'T'), 'size', jsonb_build_array(200, 20, 1),
        'role', '{\"geo\": [\"R\"], \"time\": [\"T\"], \"metric\": [\"C\"]}'::jsonb,
        'dimension', jsonb_build_object(
            'R', jsonb_build_object('category', jsonb_build_object(
                 'index', (SELECT jsonb_agg(lpad(i::text, 4, '0') ORDER BY i * $1) FROM generate_series(1, 200) i),
                 'label', (SELECT jsonb_object_agg(lpad(i::text, 4, '0'), '$2 ' || i) FROM generate_series(1, 200) i))),
            'C', jsonb_build_object('category', jsonb_build_object(
                 'index', (SELECT jsonb_agg('K' || i ORDER BY i * $1) FROM generate_series(1, 20) i),
                 'label', (SELECT jsonb_object_agg('K' || i, '$2 ' || i) FROM generate_series(1, 20) i))),
            'T', '{\"category\": {\"index\": [\"2024\"]}}'::jsonb),
        'value', (SELECT jsonb_agg(i % 97 + $1) FROM generate_series(1, 4000) i))"
}
psql -X -q -d "$db" -c "CREATE TABLE docs (k text PRIMARY KEY, d jsonb)"
doc 1 forward
doc -1 backward
# each round first names units and indicators by their codes again, so that every load renames
# them (taking its own locks in key order, as the loaders do)
reset_sql="SELECT FROM c.unit ORDER BY code FOR UPDATE; SELECT FROM c.indicator ORDER BY code FOR UPDATE;
           UPDATE c.unit SET name = code; UPDATE c.indicator SET name = code;"
loop() {
    local k=$1 log=$2
    for i in $(seq 1 25); do
        psql -X -q -d "$db" -c "BEGIN" -c "$reset_sql" -c "COMMIT" -c "SELECT styring.load_jsonstat2('c', (SELECT d FROM docs WHERE k = '$k'))" >/dev/null 2>>"$log"
    done
}
: > /tmp/styring_conc_a.log; : > /tmp/styring_conc_b.log
loop forward /tmp/styring_conc_a.log & pa=$!
loop backward /tmp/styring_conc_b.log & pb=$!
wait $pa $pb
errors=$(cat /tmp/styring_conc_a.log /tmp/styring_conc_b.log | grep -E '^ERROR' | sort | uniq -c | sed 's/^ *//' | tr '\n' ';')
check "two sessions loading opposite orders: no deadlock, no unique violation" "${errors:-none}" "none"
check "every measurement once" "$(psql -X -A -t -d "$db" -c "SELECT count(*) || '/' || count(DISTINCT (unit, indicator, year, gender)) FROM c.measurement")" "4000/4000"
check "every unit once" "$(psql -X -A -t -d "$db" -c "SELECT count(*) FROM c.unit")" "200"

# 2. delete a unit while a measurement for it is written, in both orders
psql -X -q -d "$db" -c "INSERT INTO c.unit (code, name) VALUES ('9001', 'a'), ('9002', 'b')" \
     -c "INSERT INTO c.indicator (code, name) VALUES ('Z', 'z')" >/dev/null
# the insert first, the delete while it is open
psql -X -q -d "$db" -c "BEGIN" -c "INSERT INTO c.measurement (unit, indicator, year, value) VALUES ('9001', 'Z', 2024, 1)" \
     -c "SELECT pg_sleep(1.5)" -c "COMMIT" >/dev/null 2>&1 & p1=$!
sleep 0.5
psql -X -q -d "$db" -c "DELETE FROM c.unit WHERE code = '9001'" >/dev/null 2>&1
wait $p1
# the delete first, the insert while it is open
psql -X -q -d "$db" -c "BEGIN" -c "DELETE FROM c.unit WHERE code = '9002'" -c "SELECT pg_sleep(1.5)" -c "COMMIT" >/dev/null 2>&1 & p2=$!
sleep 0.5
psql -X -q -d "$db" -c "INSERT INTO c.measurement (unit, indicator, year, value) VALUES ('9002', 'Z', 2024, 1)" >/dev/null 2>&1
wait $p2
check "a unit deleted while its measurement is written leaves no orphan" \
      "$(psql -X -A -t -d "$db" -c "SELECT count(*) FROM c.measurement m WHERE NOT EXISTS (SELECT FROM c.unit u WHERE u.code = m.unit)")" "0"

# 3. stored profiles under concurrent writers of one group
if [ -z "$version" ]; then
    psql -X -q -d "$db" -c "INSERT INTO c.comparison_group (code, name) VALUES ('G', 'all')" \
         -c "INSERT INTO c.group_member (group_code, unit, year) SELECT 'G', code, 2024 FROM c.unit" >/dev/null
    stale_sql="WITH fresh AS (SELECT gm.group_code, m.indicator, m.year, m.gender, styring.profile(m.value)::text AS p
                 FROM c.group_member gm JOIN c.measurement m ON m.unit = gm.unit AND m.year = gm.year AND m.value IS NOT NULL
                 GROUP BY 1, 2, 3, 4)
               SELECT count(*) FROM fresh f
               FULL JOIN (SELECT group_code, indicator, year, gender, profile::text AS p FROM c.group_profile) s USING (group_code, indicator, year, gender)
               WHERE f.p IS DISTINCT FROM s.p"
    writer() {
        local lo=$1 hi=$2 iso=$3 log=$4
        for i in $(seq 1 25); do
            psql -X -q -d "$db" -c "BEGIN ISOLATION LEVEL $iso" \
                 -c "UPDATE c.measurement SET value = value + 1 WHERE unit BETWEEN '$lo' AND '$hi'" \
                 -c "SELECT pg_sleep(0.02)" -c "COMMIT" >/dev/null 2>>"$log"
        done
    }
    for iso in "READ COMMITTED" "REPEATABLE READ"; do
        : > /tmp/styring_conc_a.log; : > /tmp/styring_conc_b.log
        writer 0001 0100 "$iso" /tmp/styring_conc_a.log & pa=$!
        writer 0101 0200 "$iso" /tmp/styring_conc_b.log & pb=$!
        wait $pa $pb
        errors=$(cat /tmp/styring_conc_a.log /tmp/styring_conc_b.log | grep -E '^ERROR' | grep -v -e 'could not serialize access' -e 'current transaction is aborted' | sort | uniq -c | tr '\n' ';')
        check "two writers of one group's members under $iso: no error but 40001" "${errors:-none}" "none"
        check "and the stored profiles equal fresh ones" "$(psql -X -A -t -d "$db" -c "$stale_sql")" "0"
        # the race itself: the second writer's statement ends while the first is still open;
        # its profiles must hold the first one's values once both have committed
        : > /tmp/styring_conc_b.log
        psql -X -q -d "$db" -c "BEGIN ISOLATION LEVEL $iso" -c "UPDATE c.measurement SET value = value + 1 WHERE unit BETWEEN '0001' AND '0100'" \
             -c "SELECT pg_sleep(1.5)" -c "COMMIT" >/dev/null 2>&1 & p1=$!
        sleep 0.5
        psql -X -q -d "$db" -c "BEGIN ISOLATION LEVEL $iso" -c "UPDATE c.measurement SET value = value + 1 WHERE unit BETWEEN '0101' AND '0200'" \
             -c "COMMIT" >/dev/null 2>>/tmp/styring_conc_b.log
        wait $p1
        errors=$(grep -E '^ERROR' /tmp/styring_conc_b.log | grep -v -e 'could not serialize access' -e 'current transaction is aborted' | tr '\n' ';')
        check "a writer of the same groups while another is open, $iso: no error but 40001" "${errors:-none}" "none"
        check "and the stored profiles hold both writers' values" "$(psql -X -A -t -d "$db" -c "$stale_sql")" "0"
    done
fi
dropdb "$db"
rm -f /tmp/styring_conc_a.log /tmp/styring_conc_b.log
total=$([ -z "$version" ] && echo 13 || echo 5)
echo "concurrency: $((total - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
