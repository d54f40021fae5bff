#!/usr/bin/env bash
# Measures the library (brief index, brief search) over the White House
# corpus, against floors timed in the same run on the same machine, and
# prints each goal as a ratio:
#
#   cold index of CORPUS, wall      / find CORPUS -name '*.md' -exec cat {} + | wc -w   (goal: ≤ 6×)
#     and the store's floor (scripts/floor-fts): the corpus's text split
#     at blank lines, written to SQLite with its full-text index as the
#     library writes it, and nothing else; timed after the files are read
#     and given over the same floor; and a lower bound for the cold index
#     on this machine: the CPU of parsing and classifying the corpus
#     (brief topics) plus the store floor's, spread over every core, over
#     the same floor
#   re-index with nothing changed, wall                                                (goal: ≤ 0.5 s)
#   brief search WORD --speaker NAME, median wall                                      (goal: ≤ 50 ms)
#                                   / grep -ri WORD CORPUS, median wall                (goal: ≤ 0.1×)
#
#   scripts/bench-library.sh [CORPUS]   (default ../shared/corpus/whitehouse)
#   WORD=tariffs SPEAKER=Leavitt RUNS=11 scripts/bench-library.sh
#   BRIEF=path/to/brief scripts/bench-library.sh   (time that binary)
#
# The library is a temp file (never the user's). Skips, saying so, when
# the corpus is absent. Needs bash 5 (EPOCHREALTIME) and GNU time for the
# peak RSS of the index runs.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus/whitehouse}
word=${WORD:-tariffs}
speaker=${SPEAKER:-Leavitt}
runs=${RUNS:-11}
[ -n "${EPOCHREALTIME:-}" ] || { echo "bench-library.sh: needs bash 5 (EPOCHREALTIME)" >&2; exit 1; }
if [ ! -d "$corpus" ]; then
	echo "bench-library.sh: skipped: no corpus at $corpus"
	exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# shellcheck source=scripts/lib.sh
. scripts/lib.sh
brief=$(brief_binary "$work")
lib=$work/library.db
unset BRIEF_LIBRARY

# secs CMD...: runs CMD with its output thrown away and prints its wall
# time in seconds.
secs() {
	local t0=$EPOCHREALTIME
	"$@" >/dev/null 2>&1
	awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.4f", b - a }'
}

# median CMD...: the median wall time of $runs runs.
median() {
	local i times=()
	for ((i = 0; i < runs; i++)); do
		times+=("$(secs "$@")")
	done
	printf '%s\n' "${times[@]}" | sort -g | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'
}

# cpu_median CMD...: the median CPU time (user + system) of $runs runs: on
# a shared machine, less at the mercy of the other processes than wall time.
cpu_median() {
	local i times=()
	for ((i = 0; i < runs; i++)); do
		/usr/bin/time -f '%U %S' -o "$work/cpu" "$@" >/dev/null 2>&1
		times+=("$(awk '{ printf "%.3f", $1 + $2 }' "$work/cpu")")
	done
	printf '%s\n' "${times[@]}" | sort -g | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'
}

# wall, peak RSS (MB) and CPU (user + system) of one run, via GNU time.
timed() {
	/usr/bin/time -f '%e %M %U %S' -o "$work/time" "$@" >"$work/out" 2>"$work/err" || { cat "$work/err" >&2; return 1; }
	read -r wall rss user sys <"$work/time"
	echo "$wall $((rss / 1024)) $(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.1f", u + s }')"
}

files=$(find "$corpus" -name '*.md' | wc -l)
mb=$(du -sm "$corpus" | cut -f1)
echo "corpus: $corpus ($files .md files, ${mb} MB on disk); $(nproc) cores; $(go version 2>/dev/null | cut -d' ' -f3)"

floor_cmd() { find "$corpus" -name '*.md' -exec cat {} + | wc -w; }
floor_cmd >/dev/null # warm the page cache
floor=$(median floor_cmd)

go build -o "$work/floor-fts" ./scripts/floor-fts
fts=$("$work/floor-fts" "$corpus")
fts_wall=$(sed -n 's/.*wall \([0-9.]*\) s.*/\1/p' <<<"$fts")
fts_cpu=$(sed -n 's/.*CPU \([0-9.]*\) s.*/\1/p' <<<"$fts")
rows=$("$work/floor-fts" -fts=false "$corpus")
read -r _ _ parse_cpu < <(timed "$brief" topics "$corpus")

read -r cold cold_rss cold_cpu < <(timed "$brief" index --library "$lib" "$corpus")
summary=$(cat "$work/out")
read -r re re_rss _ < <(timed "$brief" index --library "$lib" "$corpus")
re_summary=$(cat "$work/out")
db_mb=$(du -sm "$lib" | cut -f1)

hits=$("$brief" search --library "$lib" "$word" --speaker "$speaker" --limit 0 --format json | grep -c '"briefing_id"' || true)
search=$(median "$brief" search --library "$lib" "$word" --speaker "$speaker")
search_cpu=$(cpu_median "$brief" search --library "$lib" "$word" --speaker "$speaker")
version=$(median "$brief" --version)
version_cpu=$(cpu_median "$brief" --version)
grep_t=$(median grep -ri "$word" "$corpus")

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
ms() { awk -v a="$1" 'BEGIN { printf "%.0f ms", a * 1000 }'; }
verdict() { awk -v v="$1" -v g="$2" 'BEGIN { print (v <= g) ? "ok" : "MISSED" }'; }

echo
echo "cold index:        $cold s wall, $cold_cpu s CPU (user + sys), peak RSS ${cold_rss} MB, library ${db_mb} MB; load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
echo "                   $summary"
echo "floor (cat|wc -w): $floor s (median of $runs)"
echo "  ratio:           $(ratio "$cold" "$floor")×   (goal ≤ 6×: $(verdict "$(ratio "$cold" "$floor")" 6))"
echo "store floor:       $fts"
echo "  ratio:           $(ratio "$fts_wall" "$floor")×   (the text and its full-text index alone, before any parsing)"
echo "                   $rows"
bound=$(awk -v a="$parse_cpu" -v b="$fts_cpu" -v n="$(nproc)" 'BEGIN { printf "%.2f", (a + b) / n }')
echo "lower bound:       (parse and classify $parse_cpu s CPU + store floor $fts_cpu s CPU) / $(nproc) cores = $bound s: $(ratio "$bound" "$floor")× the floor"
echo "re-index:          $re s, peak RSS ${re_rss} MB   (goal ≤ 0.5 s: $(verdict "$re" 0.5))"
echo "                   $re_summary"
echo "search:            brief search $word --speaker $speaker: $(ms "$search") median of $runs ($hits hits in all)   (goal ≤ 50 ms: $(verdict "$search" 0.05))"
echo "                   CPU (user+sys) $(ms "$search_cpu") median; brief --version alone: $(ms "$version") wall, $(ms "$version_cpu") CPU"
echo "grep -ri $word:    $(ms "$grep_t") median of $runs"
echo "  ratio:           $(ratio "$search" "$grep_t")×   (goal ≤ 0.1×: $(verdict "$(ratio "$search" "$grep_t")" 0.1))"
