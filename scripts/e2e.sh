#!/usr/bin/env bash
# Drives the real brief binary in tmux through what a user does, and fails
# on the first screen that is not what it should be:
#
#   open the seed on Vikram Misri's first quote; 1 lands on his next, n on
#   the one after;
#   y copies it with its citation; t + the space topic leaves only the
#   section on the lunar mission; ? shows the help; a resize to 30x8 shows
#   the too-small note and back restores the screen; q quits with 0.
#   Then NO_COLOR=1 (no colour, focus and current speaker by shape), the
#   light theme, more sizes, and brief with stdout not a terminal.
#
#   scripts/e2e.sh            (needs tmux; KEEP=1 keeps the screens)
#
# Every wait polls the screen with a deadline; nothing sleeps blindly.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v tmux >/dev/null || { echo "e2e.sh: tmux is not installed" >&2; exit 1; }

work=$(mktemp -d)
S=brief-e2e-$$
cleanup() {
	tmux kill-session -t "$S" 2>/dev/null || true
	if [ -z "${KEEP:-}" ]; then rm -rf "$work"; else echo "screens kept in $work"; fi
}
trap cleanup EXIT

go build -o "$work/brief" ./cmd/brief
BRIEF=$work/brief
SEED=briefings/india-japan-defence-misri-ani.txt

step=start
n=0
fail() {
	echo "FAIL [$step]: $*" >&2
	echo "--- screen ---" >&2
	tmux capture-pane -p -t "$S" >&2 || true
	exit 1
}

screen() { tmux capture-pane -p -t "$S"; }

# save NAME: keep the current screen for looking at later.
save() {
	n=$((n + 1))
	screen >"$work/$(printf '%02d' $n)-$1.txt"
}

# wait_for PATTERN [SECONDS]: poll until the screen shows PATTERN (a
# fixed string).
wait_for() {
	local pat=$1 limit=${2:-5}
	local deadline=$((SECONDS + limit))
	while ! screen | grep -qF -- "$pat"; do
		[ $SECONDS -lt $deadline ] || fail "timed out after ${limit}s waiting for: $pat"
		sleep 0.02
	done
}

# wait_gone PATTERN: poll until PATTERN is off the screen.
wait_gone() {
	local pat=$1 deadline=$((SECONDS + 5))
	while screen | grep -qF -- "$pat"; do
		[ $SECONDS -lt $deadline ] || fail "timed out waiting for this to go: $pat"
		sleep 0.02
	done
}

absent() {
	if screen | grep -qF -- "$1"; then fail "should not be on screen: $1"; fi
}

# check_size W H: the screen is exactly W x H, and the frame is whole.
check_size() {
	local w=$1 h=$2 lines
	lines=$(screen | wc -l)
	[ "$lines" -eq "$h" ] || fail "screen has $lines lines, want $h"
	local widest
	widest=$(screen | LC_ALL=C.UTF-8 wc -L)
	[ "$widest" -le "$w" ] || fail "a line is $widest cells wide on a $w-wide screen"
}

keys() { tmux send-keys -t "$S" "$@"; }

start() { # start W H ENV... -- ARGS...
	local w=$1 h=$2
	shift 2
	tmux kill-session -t "$S" 2>/dev/null || true
	tmux new-session -d -s "$S" -x "$w" -y "$h" "env $* ; echo EXIT=\$?; sleep 60"
	tmux set-option -t "$S" set-clipboard on >/dev/null
}

step="open the seed"
t0=$(date +%s%N)
start 120 40 TERM=xterm-256color "$BRIEF" "$SEED"
wait_for "Tanmaya Lal"
t1=$(date +%s%N)
echo "first screen with the seed after $(((t1 - t0) / 1000000)) ms (tmux included)"
wait_for "Defence, security-related cooperation"
wait_for "┏━"
check_size 120 40
save open

step="open: Misri's first quote is current"
wait_for "quote 1/"
wait_for "▶ Vikram Misri"

step="1: Misri's next quote (his first is current at the start)"
keys 1
wait_for "quote 2/"
wait_for "This has certainly emerged"
save key-1

step="n: his next quote"
keys n
wait_for "quote 3/"
wait_for "I believe there was some curiosity"
save key-n

step="y: copy with citation"
keys y
wait_for "copied quote by Vikram Misri"
deadline=$((SECONDS + 5))
until tmux show-buffer 2>/dev/null | grep -qF "— Vikram Misri, Foreign Secretary"; do
	[ $SECONDS -lt $deadline ] || fail "the clipboard (tmux buffer) does not hold the quote and citation"
	sleep 0.02
done
tmux show-buffer | grep -qF "I believe there was some curiosity" || fail "the copied quote is not the current one"

step="t: space topic"
keys t
wait_for "Filter by topic"
save picker
# Letters jump between topics: s to Security, then Space.
keys s
for _ in 1 2 3 4 5 6 7 8 9; do
	screen | grep -qF "▸[ ] Space" && break
	keys s
	sleep 0.05
done
wait_for "▸[ ] Space"
keys Space
wait_for "▸[x] Space"
keys Enter
wait_for "#Space"
wait_for "Lunar Polar Exploration Mission"
absent "UNICORN"
absent "Filter by topic"
save topic-space

step="?: help"
keys '?'
wait_for "quote of speaker N"
wait_for "half page down"
save help
keys '?'
wait_gone "half page down"

step="resize to 30x8 and back"
tmux resize-window -t "$S" -x 30 -y 8
wait_for "Terminal too small"
wait_for "(now 30×8)"
check_size 30 8
save small
tmux resize-window -t "$S" -x 120 -y 40
wait_gone "Terminal too small"
wait_for "Lunar Polar Exploration Mission"
check_size 120 40
save back

step="esc clears the filter"
keys Escape
wait_for "topic filter cleared"
keys g
wait_for "Defence, security-related cooperation"

step="q quits with 0"
keys q
wait_for "EXIT=0"

step="NO_COLOR=1"
start 120 40 NO_COLOR=1 TERM=xterm-256color "$BRIEF" "$SEED"
wait_for "Tanmaya Lal"
keys 1
wait_for "▶ Vikram Misri"
colours=$(tmux capture-pane -e -p -t "$S" | grep -oE $'\e\\[[0-9;]*m' | grep -cE '\[(3[0-7]|4[0-7]|9[0-7]|10[0-7]|38|48)[;m]' || true)
[ "$colours" -eq 0 ] || fail "NO_COLOR screen has $colours colour sequences"
wait_for "┏━" # focus by the thick border
wait_for "▶"  # the current quote and speaker by a marker
keys Tab
wait_for "┏━ Speakers"
save nocolor
keys q
wait_for "EXIT=0"

step="light theme, wide and narrow"
for size in "200 60" "80 24" "61 20" "45 12"; do
	set -- $size
	start "$1" "$2" TERM=xterm-256color "$BRIEF" --theme light briefings
	wait_for "1/5"
	wait_gone "loading"
	keys J
	wait_for "2/5"
	keys ']'
	wait_for "turn 2/" # a transcript, opened on its first turn: ] moves off it
	check_size "$1" "$2"
	save "light-$1x$2"
	keys q
	wait_for "EXIT=0"
done

step="a burst of keys and a missing file"
start 100 30 TERM=xterm-256color "$BRIEF" "$SEED"
wait_for "Tanmaya Lal"
keys '/Japan' Enter
wait_for "/Japan 1/"
keys n
wait_for "/Japan 2/"
keys q
wait_for "EXIT=0"
start 100 30 "$BRIEF" no-such-file.txt
wait_for "no-such-file.txt: no such file or folder"
wait_for "EXIT=2"

step="stdout not a terminal"
# The pointer is a note on stderr: stdout, a pipe here, stays empty.
out=$("$BRIEF" "$SEED" 2>&1 | cat)
echo "$out" | grep -qF "brief export" || fail "no pointer to brief export: $out"
[ -z "$("$BRIEF" "$SEED" 2>/dev/null | cat)" ] || fail "the reader wrote to stdout, which is not a terminal"
[ "$(echo "$out" | wc -l)" -le 2 ] || fail "the message is longer than two lines"

echo "e2e: all steps passed ($n screens checked)"
