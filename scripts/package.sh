#!/usr/bin/env bash
# Builds the Debian package postgresql-NN-styring (debian/, the Debian way:
# pg_buildext, debian/pgversions) for every installed PostgreSQL version that
# debian/pgversions allows, installs it, checks that the installed files are
# the package's, and runs the regression suite against the installed package
# in a throwaway cluster. The .deb files are left in $STYRING_DEB_DIR
# (default: a temporary directory, printed). Ends with "package: N passed, N failed".
#   bash scripts/package.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:$PATH

need=()
command -v dpkg-buildpackage >/dev/null 2>&1 || need+=(dpkg-dev)
dpkg -s build-essential >/dev/null 2>&1 || need+=(build-essential)
command -v dh >/dev/null 2>&1 || need+=(debhelper)
dpkg -s postgresql-server-dev-all >/dev/null 2>&1 || need+=(postgresql-server-dev-all)
command -v pg_virtualenv >/dev/null 2>&1 || need+=(postgresql-common)
command -v make >/dev/null 2>&1 || need+=(make)
command -v gcc >/dev/null 2>&1 || need+=(gcc)
if [ ${#need[@]} -gt 0 ]; then
    echo "== installing: ${need[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

passed=0
failed=0
check() {
    local what=$1; shift
    if "$@"; then passed=$((passed + 1)); echo "package: ok - $what"
    else failed=$((failed + 1)); echo "package: FAILED - $what"; fi
}

# Build from a copy of the tree, so that the source tree keeps no build files.
version=$(sed -nE '1s/^styring \(([^)]+)\).*/\1/p' debian/changelog)
work=$(mktemp -d)
debs=${STYRING_DEB_DIR:-$work}
src=$work/styring-$version
mkdir -p "$src" "$debs"
tar --exclude=.git --exclude=node_modules --exclude='*.o' --exclude='*.so' --exclude=results \
    --exclude=fuzz/build --exclude=fuzz/corpus-work -cf - . | tar -C "$src" -xf -

build() {
    (cd "$src" && pg_buildext updatecontrol && dpkg-buildpackage -us -uc -b) >"$work/build.log" 2>&1 ||
        { tail -40 "$work/build.log"; return 1; }
    [ "$debs" = "$work" ] || cp "$work"/*.deb "$debs"/
}
check "dpkg-buildpackage builds $(cd "$src" && pg_buildext supported-versions | sed 's/^/postgresql-/; s/$/-styring/' | tr '\n' ' ')" build
versions=$(cd "$src" && pg_buildext supported-versions)

for v in $versions; do
    deb=$(ls "$work"/postgresql-"$v"-styring_"$version"_*.deb 2>/dev/null | head -1)
    check "postgresql-$v-styring installs" bash -c "[ -n '$deb' ] && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --reinstall '$deb' >/dev/null"
    check "the installed files are the package's (dpkg --verify)" bash -c "[ -z \"\$(dpkg --verify postgresql-$v-styring)\" ]"
    check "the package holds the library, the control file and every install script" bash -c "
        files=\$(dpkg -L postgresql-$v-styring)
        grep -q '/usr/lib/postgresql/$v/lib/styring.so$' <<<\"\$files\" &&
        grep -q '/usr/share/postgresql/$v/extension/styring.control$' <<<\"\$files\" &&
        for f in styring--*.sql; do grep -q \"/usr/share/postgresql/$v/extension/\$f\$\" <<<\"\$files\" || exit 1; done"
    # the regression suite, run against what the package installed
    log=$work/installcheck-$v.log
    rc=0
    bash "$src/scripts/clear-regress.sh" "$v"
    (cd "$src" && pg_virtualenv -v "$v" make installcheck PG_CONFIG="/usr/lib/postgresql/$v/bin/pg_config") >"$log" 2>&1 || rc=$?
    ok=$(grep -cE '^(test |     )?[a-z_0-9]+ +\.\.\. ok|^ok [0-9]+ ' "$log" || true)
    bad=$(grep -cE '\.\.\. FAILED|^not ok [0-9]+ ' "$log" || true)
    [ "$rc" -eq 0 ] || [ "$bad" -gt 0 ] || bad=1
    [ "$bad" -eq 0 ] || { cat "$src/regression.diffs" 2>/dev/null | head -60; tail -20 "$log"; }
    echo "package: installcheck against postgresql-$v-styring: $ok passed, $bad failed"
    passed=$((passed + ok))
    failed=$((failed + bad))
done

echo "package: the .deb files are in $debs"
echo "package: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
