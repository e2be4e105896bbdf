#!/usr/bin/env bash
# Runs every libFuzzer harness for SECONDS seconds (default 20) on its seed corpus
# (fuzz/corpus/<harness>) plus a working corpus (fuzz/corpus-work/<harness>, not
# committed), and prints the executions of each. Exits non-zero on any finding;
# the input that failed is in fuzz/build/crash-* (add it to the seed corpus once fixed).
#   bash fuzz/run.sh [SECONDS] [harness ...]
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-20}
shift || true
probe=$(mktemp -d)
echo 'int LLVMFuzzerTestOneInput(const char *d, long n) { return 0; }' > "$probe/p.c"
if ! command -v clang >/dev/null 2>&1 || ! clang -fsanitize=fuzzer "$probe/p.c" -o "$probe/p" 2>/dev/null; then
    echo "== installing clang and its fuzzer runtime"
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends clang libclang-rt-dev >/dev/null
fi
rm -rf "$probe"
make -s
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=($(ls build | grep -v -e '^crash-' -e '^leak-' -e '^timeout-'))
failed=0
for h in "${harnesses[@]}"; do
    mkdir -p "corpus-work/$h"
    log=$(mktemp)
    if build/"$h" -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix=build/ \
           -max_len=4096 "corpus-work/$h" "corpus/$h" >"$log" 2>&1; then
        status=ok
    else
        status=FAILED; failed=$((failed + 1)); tail -30 "$log"
    fi
    execs=$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+)/\1/p' "$log" | tail -1)
    printf 'fuzz %-18s %10s executions in %ss: %s\n' "$h" "${execs:-?}" "$seconds" "$status"
    rm -f "$log"
done
echo "fuzz: $(( ${#harnesses[@]} - failed )) passed, $failed failed"
[ "$failed" -eq 0 ]
