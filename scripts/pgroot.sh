#!/usr/bin/env bash
# Runs a command for a PostgreSQL version that the host's Debian does not ship,
# inside a Debian root made with debootstrap: 17 from trixie, 18 from sid.
#
#   bash scripts/pgroot.sh 17 bash scripts/test.sh
#
# The root is made once (about a minute) under $STYRING_ROOTS
# (default /var/cache/styring/roots) and reused; the packages the suite needs
# are installed into it when missing. The repository is bind-mounted at /src
# and the command runs there, with PGVER set, as root. Mounts are made inside
# a private mount namespace (unshare), so nothing leaks over the host's /dev/shm.
set -euo pipefail
cd "$(dirname "$0")/.."

ver=${1:?usage: pgroot.sh VERSION COMMAND...}
shift
case "$ver" in
    17) suite=trixie ;;
    18) suite=sid ;;
    *) echo "pgroot.sh: no Debian root is known for PostgreSQL $ver (17: trixie, 18: sid)" >&2; exit 2 ;;
esac
[ "$(id -u)" -eq 0 ] || { echo "pgroot.sh: needs root (debootstrap, chroot)" >&2; exit 2; }

roots=${STYRING_ROOTS:-/var/cache/styring/roots}
root=$roots/$suite
# The Debian mirror this machine's apt already uses (or $DEBIAN_MIRROR).
host_mirror() {
    { sed -nE 's/^URIs: *([^ ]+).*/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null
      sed -nE 's/^deb +(\[[^]]*\] +)?([^ ]+) +[a-z]+ .*/\2/p' /etc/apt/sources.list 2>/dev/null; } |
        grep -v -e security -e updates | head -1 || true
}
mirror=${DEBIAN_MIRROR:-$(host_mirror)}
[ -n "$mirror" ] || { echo "pgroot.sh: no Debian mirror in /etc/apt; set DEBIAN_MIRROR" >&2; exit 2; }
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:$PATH

if [ ! -x /usr/sbin/debootstrap ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
fi

# The host's keyring knows trixie's keys; sid's Release may be signed by a newer
# archive key, which trixie's keyring carries: make trixie first and use its keyring.
if [ ! -f "$root/.styring-ready" ]; then
    keyring=/usr/share/keyrings/debian-archive-keyring.gpg
    if [ "$suite" = sid ]; then
        bash "$0" 17 true
        keyring=$roots/trixie/usr/share/keyrings/debian-archive-keyring.gpg
    fi
    echo "== making a Debian $suite root in $root (debootstrap)"
    rm -rf "$root"
    mkdir -p "$roots"
    debootstrap --variant=minbase --keyring="$keyring" "$suite" "$root" "$mirror" >"$roots/$suite.debootstrap.log" 2>&1 ||
        { tail -20 "$roots/$suite.debootstrap.log"; exit 1; }
    cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
    touch "$root/.styring-ready"
fi

# Everything the suite installs for itself is installed by scripts/setup.sh
# inside the root; here only what a minbase root lacks to run it.
inside() {
    unshare --mount --propagation private bash -c '
        set -e
        root=$1; shift
        mount -t proc proc "$root/proc"
        mount --rbind /dev "$root/dev"
        mount -t tmpfs -o mode=1777 shm "$root/dev/shm"
        mkdir -p "$root/src"
        mount --bind "$PWD" "$root/src"
        exec chroot "$root" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
            HOME=/root LANG=C.UTF-8 PGVER="$PGVER" STYRING_IN_ROOT=1 CI="${CI:-}" FUZZ_SECONDS="${FUZZ_SECONDS:-}" \
            STYRING_DRIVERS="${STYRING_DRIVERS:-}" bash -c "cd /src && \"\$@\"" bash "$@"
    ' bash "$root" "$@"
}

export PGVER=$ver
# node-postgres for the driver tests comes from npm, fetched on the host (the
# root has Node.js from Debian but no npm).
if [ ! -d test/drivers/node/node_modules ] && command -v npm >/dev/null 2>&1; then
    (cd test/drivers/node && npm ci --silent --no-audit --no-fund) || true
fi
if [ ! -f "$root/.styring-base" ]; then
    echo "== preparing the $suite root (apt sources, sudo-free setup)"
    inside bash -c '
        set -e
        echo "Acquire::Check-Valid-Until \"false\";" > /etc/apt/apt.conf.d/99styring-no-valid-until
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ca-certificates locales-all >/dev/null'
    touch "$root/.styring-base"
fi
inside "$@"
