# Throwaway PostgreSQL clusters on loopback for the multi-server tests (sourced by sharded.sh and
# citus.sh): start_cluster NAME [postgres -c options...] starts one and prints its port;
# every cluster started is stopped and removed when the script exits.
# Needs PG_CONFIG (pg_virtualenv sets it); runs as root (clusters owned by postgres) or as their owner.
bindir=$("${PG_CONFIG:-pg_config}" --bindir)
clusters_dir=$(mktemp -d /tmp/styring-clusters.XXXXXX)
[ "$(id -u)" = 0 ] && chown postgres "$clusters_dir"
next_port=$((${PGPORT:-5432} + 100))

as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

stop_clusters() {
    local d
    for d in "$clusters_dir"/*/; do
        [ -f "$d/PG_VERSION" ] && as_owner "$bindir/pg_ctl" -D "$d" -m immediate stop >/dev/null 2>&1
    done
    rm -rf "$clusters_dir"
}

start_cluster() {
    local name=$1; shift
    local opts="-c listen_addresses=127.0.0.1 -k $clusters_dir -c fsync=off" o
    for o in "$@"; do opts="$opts -c $o"; done
    while ! port_is_free "$next_port"; do next_port=$((next_port + 1)); done
    as_owner "$bindir/initdb" -D "$clusters_dir/$name" -A trust -U postgres --no-sync >/dev/null
    as_owner "$bindir/pg_ctl" -D "$clusters_dir/$name" -l "$clusters_dir/$name.log" -w start \
        -o "-p $next_port $opts" >/dev/null
    echo "$next_port"
    next_port=$((next_port + 1))
}
