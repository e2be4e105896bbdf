#!/usr/bin/env bash
# The steering report as a page, styring.report_html(model, unit, year): built
# from the demo model for two units (Hole, with its KOSTRA figures under its
# code before the merger, and Drammen) and from a model with no goals; each
# page self-contained (no address to fetch anything from), in one language,
# rendered in headless Chromium (Debian's chromium) with every host name
# unresolvable: no script error, no failed request, a screenshot that is not
# blank. Runs inside pg_virtualenv.
set -euo pipefail
cd "$(dirname "$0")/../.."
db=styring_report
work=$(mktemp -d)
trap 'rm -rf "$work"; dropdb --if-exists "$db" >/dev/null 2>&1' EXIT
dropdb --if-exists "$db" >/dev/null 2>&1; createdb "$db"
psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c "CREATE EXTENSION styring" \
     -f demo/bolig_for_velferd.sql -f demo/bergslagen.sql -f demo/model.sql >/dev/null 2>"$work/psql.log" ||
    { cat "$work/psql.log"; exit 1; }
psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c "SELECT styring.create_model('tom')" \
     -c "SELECT styring.load_klass('tom', '{\"codes\": [{\"code\": \"3301\", \"name\": \"Drammen\"}]}')" >/dev/null
page() { psql -X -A -t -v ON_ERROR_STOP=1 -d "$db" -c "$1" > "$2"; }
page "SELECT styring.report_html('kommune', '3310', 2018, ranked_as => '0612')" "$work/hole.html"
page "SELECT styring.report_html('kommune', '3301', 2018)" "$work/drammen.html"
page "SELECT styring.report_html('tom', '3301', 2024)" "$work/empty.html"

fail=0
# name, page, goals with a traffic light, rank charts, sections saying "no data"
expect() {
    local name=$1 file=$2 lights=$3 charts=$4 empty=$5 n
    [ -s "$file" ] || { echo "report $name: no page"; fail=1; return; }
    n=$(grep -c '<span class="light' "$file" || true)
    [ "$n" -eq "$lights" ] || { echo "report $name: $n goals with a traffic light, not $lights"; fail=1; }
    n=$(grep -c '<svg' "$file" || true)
    [ "$n" -eq "$charts" ] || { echo "report $name: $n rank charts, not $charts"; fail=1; }
    n=$(grep -c 'Ingen data' "$file" || true)
    [ "$n" -eq "$empty" ] || { echo "report $name: $n sections without data, not $empty"; fail=1; }
    if grep -Eiq '(src|href|url)[=(]|<script|<link|@import' "$file"; then echo "report $name: refers to something outside itself"; fail=1; fi
    # one language: the statuses in Norwegian, never the API's words
    if grep -Eq '>(achieved|on_track|at_risk|off_track|no_data)<' "$file"; then echo "report $name: an English status word"; fail=1; fi
}
# the goals' lights, then the scorecard's (one per goal); no target versions,
# budget, periods, evaluations tied to goals or checklists in this model, so
# those sections have no data
expect hole "$work/hole.html" 6 3 7
expect drammen "$work/drammen.html" 7 0 8
expect empty "$work/empty.html" 0 0 12

browser=$(command -v chromium || true)
[ -n "$browser" ] || { echo "report: chromium is not installed (scripts/setup.sh installs it for the test suite)"; exit 1; }
for name in hole drammen empty; do
    "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
        --disable-component-update --disable-sync --user-data-dir="$work/profile-$name" --host-resolver-rules='MAP * ~NOTFOUND' \
        --enable-logging=stderr --v=0 --window-size=1100,2600 --screenshot="$work/$name.png" "file://$work/$name.html" \
        >"$work/chromium-$name.log" 2>&1 || { tail -20 "$work/chromium-$name.log"; exit 1; }
    if grep -E 'Uncaught|CONSOLE.*(Error|error)|net::ERR_' "$work/chromium-$name.log"; then
        echo "report $name: the browser reported a script error or a failed request"; fail=1
    fi
    /usr/bin/python3 - "$work/$name.png" "$name" <<'PY' || fail=1
import sys
from PIL import Image, ImageStat
img = Image.open(sys.argv[1]).convert('RGB')
colours = len(img.getcolors(1 << 24) or [])
spread = sum(ImageStat.Stat(img).stddev) / 3
# a blank page has a handful of colours and no spread; text alone has some of both
if colours < 20 or spread < 2:
    sys.exit('report %s: the screenshot is blank (%d colours, spread %.1f)' % (sys.argv[2], colours, spread))
print('report %s: screenshot %dx%d, %d colours, spread %.1f' % (sys.argv[2], img.size[0], img.size[1], colours, spread))
PY
done
[ "$fail" -eq 0 ] && echo "report: styring.report_html renders in headless Chromium for Hole (3 goals and their scorecard, 3 rank charts, no evaluations), Drammen (4 goals and their scorecard, no comparison figures) and a model without goals; no script error, no request, one language"
exit "$fail"
