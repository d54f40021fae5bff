#!/usr/bin/env bash
# Measures what topic classification adds to parsing: each briefing of the
# dev set (and the Markdown Leavitt briefing) parsed and classified in turn,
# in one loop, then the whole White House corpus the same way. Prints, per
# briefing, classification time as a percentage of parse time and both
# throughputs; then the least that classifying word by word costs: only
# tokenizing and looking every word up, as a percentage of parse time.
#
#   scripts/bench-topics.sh [CORPUS]   (default ../shared/corpus/whitehouse)
#
# COUNT (default 3) repeats each briefing's measurement; the corpus runs
# once and is skipped when the folder is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus/whitehouse}
count=${COUNT:-3}
report() {
	awk '/^Benchmark/ {
		name = $1; sub(/^BenchmarkParseThenClassify/, "", name); sub(/-[0-9]+$/, "", name); sub(/^\//, "", name)
		if (name == "Corpus") name = "corpus (all pages)"
		for (i = 2; i < NF; i++) {
			if ($(i+1) == "classify%parse") pct = $i
			if ($(i+1) == "classify-MB/s") cl = $i
			if ($(i+1) == "parse-MB/s") pa = $i
		}
		printf "%-20s %14s %14s %16s\n", name, pct "%", pa, cl
	}'
}
printf "%-20s %14s %14s %16s\n" briefing classify/parse "parse MB/s" "classify MB/s"
go test -run '^$' -bench '^BenchmarkParseThenClassify$' -benchtime 300x -count "$count" ./internal/topics/ | report
if [ -d "$corpus" ]; then
	BRIEF_CORPUS=$(cd "$corpus" && pwd) go test -run '^$' -bench '^BenchmarkParseThenClassifyCorpus$' -benchtime 1x -timeout 30m ./internal/topics/ | report
fi
echo
printf "%-20s %14s\n" briefing lookup/parse
go test -run '^$' -bench '^BenchmarkParseThenLookup$' -benchtime 300x -count "$count" ./internal/topics/ |
	awk '/^Benchmark/ {
		name = $1; sub(/^BenchmarkParseThenLookup\//, "", name); sub(/-[0-9]+$/, "", name)
		for (i = 2; i < NF; i++) if ($(i+1) == "lookup%parse") printf "%-20s %14s\n", name, $i "%"
	}'
