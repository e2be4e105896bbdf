#!/usr/bin/env bash
# The demo's HTML report: built from the demo data in a throwaway database,
# self-contained (no address to fetch anything from), rendered in headless
# Chromium (Debian's chromium) with every host name unresolvable: the page
# loads without a script error or a failed request, and the screenshot is not
# blank. Runs inside pg_virtualenv.
set -euo pipefail
cd "$(dirname "$0")/../.."
db=styring_report
work=$(mktemp -d)
trap 'rm -rf "$work"; dropdb --if-exists "$db" >/dev/null 2>&1' EXIT
dropdb --if-exists "$db" >/dev/null 2>&1; createdb "$db"
psql -X -q -v ON_ERROR_STOP=1 -d "$db" -v html="$work/report.html" -c "CREATE EXTENSION styring" \
     -f demo/bolig_for_velferd.sql -f demo/bergslagen.sql -f demo/model.sql -f demo/report_html.sql >/dev/null 2>"$work/psql.log" ||
    { cat "$work/psql.log"; exit 1; }
page=$work/report.html
fail=0
[ -s "$page" ] || { echo "report: no page written"; exit 1; }
rows=$(grep -c '<span class="light' "$page" || true)
[ "$rows" -eq 18 ] || { echo "report: $rows goals with a traffic light, not the 18 of the demo"; fail=1; }
grep -q '<svg' "$page" || { echo "report: no rank chart"; fail=1; }
if grep -Eiq '(src|href|url)[=(]|<script|<link|@import' "$page"; then
    echo "report: the page refers to something outside itself"; fail=1
fi
browser=$(command -v chromium || true)
[ -n "$browser" ] || { echo "report: chromium is not installed (scripts/setup.sh installs it for the test suite)"; exit 1; }
"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$work/profile" --host-resolver-rules='MAP * ~NOTFOUND' \
    --enable-logging=stderr --v=0 --window-size=1100,2600 --screenshot="$work/report.png" "file://$page" \
    >"$work/chromium.log" 2>&1 || { tail -20 "$work/chromium.log"; exit 1; }
if grep -E 'Uncaught|CONSOLE.*(Error|error)|net::ERR_' "$work/chromium.log"; then
    echo "report: the browser reported a script error or a failed request"; fail=1
fi
/usr/bin/python3 - "$work/report.png" <<'PY' || fail=1
import sys
from PIL import Image, ImageStat
img = Image.open(sys.argv[1]).convert('RGB')
colours = len(img.getcolors(1 << 24) or [])
spread = sum(ImageStat.Stat(img).stddev) / 3
# a blank or one-colour page has a handful of colours and no spread
if colours < 50 or spread < 10:
    sys.exit('report: the screenshot is blank (%d colours, spread %.1f)' % (colours, spread))
print('report: screenshot %dx%d, %d colours, spread %.1f' % (img.size[0], img.size[1], colours, spread))
PY
[ "$fail" -eq 0 ] && echo "report: the HTML report renders in headless Chromium: 18 traffic lights, rank charts, no script error, no request"
exit "$fail"
