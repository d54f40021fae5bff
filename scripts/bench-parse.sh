#!/usr/bin/env bash
# Measures the parser and the export over the White House corpus against
# floors timed in the same run on the same machine, and prints each goal as
# a ratio or a bound (issue 14's targets):
#
#   brief export --format text CORPUS, wall / find CORPUS -name '*.md' -exec cat {} + | wc -w   (goal: ≤ 3×)
#   parsing every page with one Parser (BenchmarkParseCorpus, BRIEF_CORPUS_STEP=1):
#     bytes allocated over the corpus                                                (goal: ≤ 1.5 GB)
#     CPU seconds per MB of input                                                    (goal: ≤ 0.1 s/MB)
#
#   scripts/bench-parse.sh [CORPUS]     (default ../shared/corpus/whitehouse)
#   RUNS=3 BRIEF=path/to/brief scripts/bench-parse.sh
#
# Times are medians of RUNS (default 3) runs; the floor and the export run
# alternately so that both see the same load. Skips, saying so, when the
# corpus is absent. Needs bash 5 (EPOCHREALTIME).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus/whitehouse}
runs=${RUNS:-3}
[ -n "${EPOCHREALTIME:-}" ] || { echo "bench-parse.sh: needs bash 5 (EPOCHREALTIME)" >&2; exit 1; }
if [ ! -d "$corpus" ]; then
	echo "bench-parse.sh: skipped: no corpus at $corpus"
	exit 0
fi
corpus=$(cd "$corpus" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# shellcheck source=scripts/lib.sh
. scripts/lib.sh
brief=$(brief_binary "$work")

secs() { # secs CMD...: wall seconds of one run of CMD, output discarded
	local t0 t1
	t0=${EPOCHREALTIME/./}
	"$@" >/dev/null
	t1=${EPOCHREALTIME/./}
	awk -v d=$((t1 - t0)) 'BEGIN {printf "%.3f", d/1e6}'
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
floor_cmd() { find "$corpus" -name '*.md' -exec cat {} + | wc -w; }

floor_cmd >/dev/null # warm the page cache
: >"$work/floor"
: >"$work/export"
for ((i = 0; i < runs; i++)); do
	secs floor_cmd >>"$work/floor"
	echo >>"$work/floor"
	secs "$brief" export --format text "$corpus" >>"$work/export"
	echo >>"$work/export"
done
floor=$(median <"$work/floor")
export_s=$(median <"$work/export")
echo "=== export over the corpus (median of $runs, load $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%-44s %8s s\n' "floor: find … -exec cat {} + | wc -w" "$floor"
printf '%-44s %8s s   %5s × floor   (goal ≤ 3×)\n' "brief export --format text CORPUS" "$export_s" "$(awk -v a="$export_s" -v b="$floor" 'BEGIN {printf "%.2f", a/b}')"

echo
echo "=== parsing every page with one Parser (BenchmarkParseCorpus, BRIEF_CORPUS_STEP=1)"
BRIEF_CORPUS="$corpus" BRIEF_CORPUS_STEP=1 go test -run '^$' -bench '^BenchmarkParseCorpus$' -benchtime 1x -benchmem ./internal/parse/ |
	awk '/^BenchmarkParseCorpus/ {
		for (i = 2; i <= NF; i++) {
			if ($(i+1) == "ns/op") ns = $i
			if ($(i+1) == "MB/s") mbs = $i
			if ($(i+1) == "B/op") bytes = $i
			if ($(i+1) == "allocs/op") allocs = $i
		}
		mb = ns / 1e9 * mbs
		printf "%-44s %8.2f GB   (goal ≤ 1.5 GB)\n", "allocated over the corpus", bytes / 1e9
		printf "%-44s %8.1f M\n", "allocations", allocs / 1e6
		printf "%-44s %8.3f s/MB (goal ≤ 0.1; %.0f MB in %.1f s, one core)\n", "parse time", 1 / mbs, mb, ns / 1e9
	}'
