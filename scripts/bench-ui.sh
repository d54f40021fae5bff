#!/usr/bin/env bash
# Measures the reader's speed: the Go benchmarks of internal/ui (first
# frame, first content, key press, resize, search, filters, glamour) on a
# 1 MB transcript built from real White House press briefings, then the
# real binary in tmux: how long until the first frame and until the text
# of that transcript is on screen.
#
#   scripts/bench-ui.sh [CORPUS]   (default ../shared/corpus/whitehouse)
#
# Without the corpus the benchmarks build their megabyte from the samples
# and the tmux timing is skipped. BENCHTIME (default 2s) is passed to
# go test -benchtime.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus/whitehouse}
if [ -d "$corpus" ]; then
	BRIEF_CORPUS=$(cd "$corpus" && pwd)
	export BRIEF_CORPUS
fi

echo "=== go benchmarks (internal/ui)"
go test -run '^$' -bench "${BENCH:-.}" -benchtime "${BENCHTIME:-2s}" ./internal/ui/ | grep -E '^(Benchmark|ok|PASS|goos|cpu)'

if ! command -v tmux >/dev/null || [ -z "${BRIEF_CORPUS:-}" ]; then
	echo "(no tmux or no corpus: skipping the timing of the real binary)"
	exit 0
fi

work=$(mktemp -d)
S=brief-bench-$$
trap 'tmux kill-session -t "$S" 2>/dev/null || true; rm -rf "$work"' EXIT
go build -o "$work/brief" ./cmd/brief

# The same megabyte as the benchmarks: press briefings in name order,
# front matter stripped.
big=$work/big-transcript.md
: >"$big"
find "$BRIEF_CORPUS/press-briefings" -name '*.md' | LC_ALL=C sort >"$work/list"
while read -r f; do
	if [ "$(stat -c %s "$big")" -ge 1048576 ]; then break; fi
	awk 'NR==1 && $0=="---" {fm=1; next} fm && $0=="---" {fm=0; next} !fm' "$f" >>"$big"
	printf '\n\n' >>"$big"
done <"$work/list"
echo
echo "=== real binary in tmux, $(stat -c %s "$big") byte transcript, 120x40"
for run in 1 2 3; do
	tmux kill-session -t "$S" 2>/dev/null || true
	t0=$(date +%s%N)
	tmux new-session -d -s "$S" -x 120 -y 40 "TERM=xterm-256color $work/brief --kind transcript $big; sleep 30"
	first="" content=""
	deadline=$((SECONDS + 20))
	while [ -z "$content" ] && [ $SECONDS -lt $deadline ]; do
		scr=$(tmux capture-pane -p -t "$S")
		now=$(date +%s%N)
		if [ -z "$first" ] && echo "$scr" | grep -qF "brief"; then first=$(((now - t0) / 1000000)); fi
		if echo "$scr" | grep -qE "[0-9]+%"; then content=$(((now - t0) / 1000000)); fi
		sleep 0.005
	done
	echo "run $run: first frame ${first:-?} ms, text on screen ${content:-?} ms (process start and tmux included)"
	t1=$(date +%s%N)
	tmux send-keys -t "$S" G
	until tmux capture-pane -p -t "$S" | grep -qF "100%"; do sleep 0.005; done
	t2=$(date +%s%N)
	echo "        G to the end of the megabyte: $(((t2 - t1) / 1000000)) ms to screen"
done
