#!/usr/bin/env bash
# web-score.sh: score the dev briefings read as web pages against the same
# briefings read as plain text, with ../shared/tools/score.
#
# Each dev briefing (internal/parse/testdata/dev) is wrapped in the chrome of
# the three fixture pages (internal/web/testdata: a ministry transcript page,
# a press office, a news site) by TestWrappedDevBriefings, which also writes
# gold files pointing at the pages. Both sets are scored; the per-briefing
# attribution of each page must be within 0.02 of its text's.
set -euo pipefail
cd "$(dirname "$0")/.."
score=../shared/tools/score
if [[ ! -x $score ]]; then
	echo "web-score: $score not found (needs ../shared)" >&2
	exit 2
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/brief" ./cmd/brief
mkdir "$tmp/pages"
BRIEF_WEB_OUT="$tmp/pages" go test ./internal/load -run '^TestWrappedDevBriefings$' -count=1 >/dev/null
"$score" --brief "$tmp/brief" --json internal/parse/testdata/dev >"$tmp/text.json"
"$score" --brief "$tmp/brief" --json "$tmp/pages" >"$tmp/pages.json"
python3 - "$tmp/text.json" "$tmp/pages.json" <<'PY'
import json, sys
text = {r["doc"]: r for r in json.load(open(sys.argv[1]))}
pages = json.load(open(sys.argv[2]))
def f(x):
    return "-" if x is None else "%.2f" % x
bad = 0
print("%-52s %7s %7s %8s %7s" % ("page", "attrib", "(text)", "speakers", "topics"))
for r in pages:
    t = text[r["doc"].split(".")[0]]
    if "error" in r:
        print("%-52s ERROR %s" % (r["doc"], r["error"]))
        bad += 1
        continue
    off = abs(r["attrib"] - t["attrib"]) > 0.02
    bad += off
    print("%-52s %7.2f %7.2f %8s %7s%s" % (r["doc"], r["attrib"], t["attrib"], f(r["speakers_f1"]), f(r["topics_f1"]),
                                          "  <-- more than 0.02 from the text" if off else ""))
print("%d of %d pages within 0.02 of their text's attribution" % (len(pages) - bad, len(pages)))
sys.exit(1 if bad else 0)
PY
