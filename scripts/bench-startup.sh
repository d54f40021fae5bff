#!/usr/bin/env bash
# Measures how fast brief starts, against references timed in the same run
# on the same machine, and prints each goal as a ratio:
#
#   brief --version            wall time, and / cat of the seed   (goal: ≤ 40 ms)
#   brief export SEED          / brief --version                 (goal: ≤ 1.5)
#   brief --version on a pseudo-terminal that never answers (script(1),
#     TERM=xterm-256color): no query sent                        (goal: < 0.5 s)
#   first frame in tmux, launch → brief's panes, and → the briefing's
#     text on screen, / less on the same file: the seed, the Leavitt
#     transcript and a 1 MB transcript made from it              (goal: ≤ 1.5)
#   package initialisation (GODEBUG=inittrace=1): the ten costliest
#
#   scripts/bench-startup.sh [RUNS]     (default 21 runs a timing, median)
#   BRIEF=path/to/brief scripts/bench-startup.sh   (time that binary instead
#                                                  of building the tree)
#
# Needs bash 5 (EPOCHREALTIME). Times are medians of RUNS runs; on a shared
# machine expect ±20% between runs of the script, so compare the ratios.
# hyperfine is not needed; tmux and script(1) are (a part is skipped, and
# says so, when one is missing).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-21}
[ -n "${EPOCHREALTIME:-}" ] || { echo "bench-startup.sh: needs bash 5 (EPOCHREALTIME)" >&2; exit 1; }

work=$(mktemp -d)
sock=brief-bench-startup-$$
cleanup() {
	tmux -L "$sock" kill-server 2>/dev/null || true
	rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$sock"
	rm -rf "$work"
}
trap cleanup EXIT

if [ -n "${BRIEF:-}" ]; then
	brief=$(cd "$(dirname "$BRIEF")" && pwd)/$(basename "$BRIEF")
else
	go build -o "$work/brief" ./cmd/brief
	brief=$work/brief
fi
seed=briefings/india-japan-defence-misri-ani.txt
leavitt=briefings/wh-press-briefing-leavitt-2025-01-29.md

# A 1 MB transcript: the Leavitt briefing without its front matter, over
# and over.
big=$work/big-transcript.md
awk 'NR==1 && $0=="---" {fm=1; next} fm && $0=="---" {fm=0; next} !fm' "$leavitt" >"$work/body"
while [ "$(stat -c %s "$big" 2>/dev/null || echo 0)" -lt 1048576 ]; do
	cat "$work/body" >>"$big"
	printf '\n\n' >>"$big"
done

# median_ms CMD...: the median wall time of RUNS runs of CMD, in ms.
median_ms() {
	local i t0 t1
	for ((i = 0; i < runs; i++)); do
		t0=${EPOCHREALTIME/./}
		"$@" >/dev/null 2>&1 </dev/null || true
		t1=${EPOCHREALTIME/./}
		echo $((t1 - t0))
	done | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]/1000}'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a/b}'; }

"$brief" --version >/dev/null # warm the page cache
echo "=== process start ($runs runs each, median wall time)"
cat_ms=$(median_ms cat "$seed")
ver_ms=$(median_ms "$brief" --version)
exp_ms=$(median_ms "$brief" export "$seed")
printf '%-34s %8s ms\n' "cat SEED" "$cat_ms"
printf '%-34s %8s ms   %6s × cat           (goal ≤ 40 ms)\n' "brief --version" "$ver_ms" "$(ratio "$ver_ms" "$cat_ms")"
printf '%-34s %8s ms   %6s × brief --version (goal ≤ 1.5)\n' "brief export SEED" "$exp_ms" "$(ratio "$exp_ms" "$ver_ms")"

echo
echo "=== a terminal that never answers (script, TERM=xterm-256color)"
if command -v script >/dev/null; then
	t0=${EPOCHREALTIME/./}
	TERM=xterm-256color script -qec "$brief --version" /dev/null </dev/null >"$work/pty.out"
	t1=${EPOCHREALTIME/./}
	ms=$(awk -v d=$((t1 - t0)) 'BEGIN {printf "%.0f", d/1000}')
	if grep -qF $'\e]11;?' "$work/pty.out" || grep -qF $'\e[6n' "$work/pty.out"; then
		verdict="QUERIED THE TERMINAL"
	else
		verdict="no query"
	fi
	printf 'brief --version: %s ms, %s   (goal < 500 ms, no query)\n' "$ms" "$verdict"
else
	echo "(script(1) is not installed: skipped)"
fi

echo
echo "=== first frame in tmux, 120x40, ms from launch ($(((runs + 1) / 2)) runs, median)"
if command -v tmux >/dev/null && command -v less >/dev/null; then
	# A session that keeps the server up, so no timing pays its start.
	tmux -L "$sock" new-session -d -s keep -x 120 -y 40 "sleep 600"
	# frame_ms MARKER CMD: ms from starting CMD in a new tmux window until
	# the pane shows MARKER.
	frame_ms() {
		local marker=$1 cmd=$2 i t0 t1
		for ((i = 0; i < (runs + 1) / 2; i++)); do
			tmux -L "$sock" kill-session -t f 2>/dev/null || true
			t0=${EPOCHREALTIME/./}
			tmux -L "$sock" new-session -d -s f -x 120 -y 40 "$cmd; sleep 600"
			until tmux -L "$sock" capture-pane -p -t f 2>/dev/null | grep -qF -- "$marker"; do
				if (((${EPOCHREALTIME/./} - t0) > 20000000)); then
					echo "timed out waiting for $marker" >&2
					break
				fi
			done
			t1=${EPOCHREALTIME/./}
			echo $((t1 - t0))
		done | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]/1000}'
		tmux -L "$sock" kill-session -t f 2>/dev/null || true
	}
	# brief's first frame is its pane layout ("Speakers"), drawn before the
	# briefing is loaded; "text" is the briefing's text on screen, what
	# less shows in its first frame.
	printf '%-20s %8s %12s %7s %10s %7s\n' file "less ms" "brief frame" ratio "brief text" ratio
	for spec in "seed|$seed|Defence, security-related" "Leavitt transcript|$leavitt|Good afternoon" "1 MB transcript|$big|Good afternoon"; do
		IFS='|' read -r name file marker <<<"$spec"
		l=$(frame_ms "$marker" "less $file")
		f=$(frame_ms "Speakers" "$brief $file")
		b=$(frame_ms "$marker" "$brief $file")
		printf '%-20s %8s %12s %7s %10s %7s   (goal ≤ 1.5)\n' "$name" "$l" "$f" "$(ratio "$f" "$l")" "$b" "$(ratio "$b" "$l")"
	done
else
	echo "(tmux or less is not installed: skipped)"
fi

echo
echo "=== package initialisation of brief --version (GODEBUG=inittrace=1), costliest ten"
GODEBUG=inittrace=1 "$brief" --version 2>&1 >/dev/null | awk '$1 == "init" {print $5, $2; total += $5} END {printf "%.1f total ms\n", total}' | sort -rn | head -11
