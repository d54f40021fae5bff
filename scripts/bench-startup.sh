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
#     and the stack's floor: the smallest Bubble Tea program showing the
#     same file with the reader's program options (scripts/floor-bt),
#     launch → the same text; brief's time is also given over it
#   the library in tmux: launch → the first rows of its list on screen
#     (goal ≤ 100 ms), and the reader's memory (VmRSS) at the list and
#     after opening three briefings (goal ≤ 150 MB): on a library of the
#     corpus ../shared/corpus/whitehouse, indexed first (~30 s) unless
#     LIBRARY=path/to/library.db names one (skipped, and says so, when
#     neither is there)
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

# shellcheck source=scripts/lib.sh
. scripts/lib.sh
brief=$(brief_binary "$work")
go build -o "$work/floor-bt" ./scripts/floor-bt
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
	# the pane shows MARKER (a fixed string; an extended regular
	# expression with grepf=-E).
	frame_ms() {
		local marker=$1 cmd=$2 i t0 t1
		for ((i = 0; i < (runs + 1) / 2; i++)); do
			tmux -L "$sock" kill-session -t f 2>/dev/null || true
			t0=${EPOCHREALTIME/./}
			tmux -L "$sock" new-session -d -s f -x 120 -y 40 "$cmd; sleep 600"
			until tmux -L "$sock" capture-pane -p -t f 2>/dev/null | grep -q "${grepf:--F}" -- "$marker"; do
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
	printf '%-20s %8s %12s %7s %10s %7s %11s %7s %11s\n' file "less ms" "brief frame" ratio "brief text" ratio "floor-bt ms" ratio "brief/floor"
	for spec in "seed|$seed|Defence, security-related" "Leavitt transcript|$leavitt|Good afternoon" "1 MB transcript|$big|Good afternoon"; do
		IFS='|' read -r name file marker <<<"$spec"
		l=$(frame_ms "$marker" "less $file")
		f=$(frame_ms "Speakers" "$brief $file")
		b=$(frame_ms "$marker" "$brief $file")
		t=$(frame_ms "$marker" "$work/floor-bt $file")
		printf '%-20s %8s %12s %7s %10s %7s %11s %7s %11s   (goal ≤ 1.5 × less)\n' "$name" "$l" "$f" "$(ratio "$f" "$l")" "$b" "$(ratio "$b" "$l")" "$t" "$(ratio "$t" "$l")" "$(ratio "$b" "$t")"
	done

	echo
	echo "=== the library in tmux, 120x40"
	corpus=../shared/corpus/whitehouse
	lib=${LIBRARY:-}
	if [ -z "$lib" ] && [ -d "$corpus" ]; then
		lib=$work/library.db
		echo "(indexing $corpus into a fresh library first; LIBRARY=FILE reuses one)"
		"$brief" index --library "$lib" "$corpus" >/dev/null
	fi
	if [ -n "$lib" ] && [ -f "$lib" ]; then
		# A row of the list: the cursor, the unread mark or a space, a date.
		row='▸. [0-9]{4}-[0-9]{2}-[0-9]{2} '
		l=$(grepf=-E frame_ms "$row" "$brief --library $lib")
		printf 'launch → list on screen: %s ms   (goal ≤ 100 ms)\n' "$l"
		# wait_for MARKER: until the pane shows MARKER (20 s at most).
		wait_for() {
			local t0=${EPOCHREALTIME/./}
			until tmux -L "$sock" capture-pane -p -t f 2>/dev/null | grep -qE -- "$1"; do
				(((${EPOCHREALTIME/./} - t0) < 20000000)) || { echo "timed out waiting for $1" >&2; return; }
				sleep 0.02
			done
		}
		# mem: the brief process's resident memory now, and its peak.
		mem() {
			local pid
			pid=$(pgrep -P "$(tmux -L "$sock" list-panes -t f -F '#{pane_pid}')" | head -1)
			awk '/^VmRSS|^VmHWM/ {printf "%s %.0f MB  ", $1, $2/1024}' "/proc/$pid/status"
		}
		tmux -L "$sock" kill-session -t f 2>/dev/null || true
		tmux -L "$sock" new-session -d -s f -x 120 -y 40 "$brief --library $lib; sleep 600"
		wait_for "$row"
		sleep 1 # the whole list read
		printf 'memory at the list:                %s (goal ≤ 150 MB)\n' "$(mem)"
		# The first briefing, then from the Library (L) two rows down
		# twice.
		for keys in "Enter" "L j j Enter" "L j j Enter"; do
			# shellcheck disable=SC2086 # the keys are words
			tmux -L "$sock" send-keys -t f $keys
			sleep 0.5
			wait_for 'Speakers'
		done
		sleep 1
		printf 'after opening three briefings:     %s (goal ≤ 150 MB)\n' "$(mem)"
		tmux -L "$sock" kill-session -t f 2>/dev/null || true
	else
		echo "(no corpus at $corpus and no LIBRARY=FILE: skipped)"
	fi
else
	echo "(tmux or less is not installed: skipped)"
fi

echo
echo "=== package initialisation of brief --version (GODEBUG=inittrace=1), costliest ten"
GODEBUG=inittrace=1 "$brief" --version 2>&1 >/dev/null | awk '$1 == "init" {print $5, $2; total += $5} END {printf "%.1f total ms\n", total}' | sort -rn | head -11
