#!/usr/bin/env bash
# Measures how `brief export` grows with its input: each scaling shape of
# internal/hostile (speaker-rich transcript, name-rich article, one giant
# paragraph, deep front matter) at 64 KiB, 256 KiB, 1 MiB and 4 MiB, exported
# as JSON to /dev/null, with wall time, CPU time (user + system) and peak
# memory (maximum resident set size) from /usr/bin/time. Prints a table with
# each step's growth against the size before it, measured in the same run,
# and fails when a 4x step costs more than 5x the CPU time or memory, or when
# the 1 MiB name-rich article takes 1 s of CPU or 200 MB or more.
#
#   scripts/scale.sh [SIZE...]   (bytes; default 65536 262144 1048576 4194304)
#
# CPU time, not wall time, is compared: on a shared machine wall time mostly
# measures the other processes. Small steps are dominated by the start of
# the process (about 30 ms of CPU), so their growth reads low.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(65536 262144 1048576 4194304)
[ -x /usr/bin/time ] || { echo "scale.sh: needs /usr/bin/time (Debian package time)" >&2; exit 2; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
go build -o "$dir/brief" ./cmd/brief
go run ./internal/hostile/scalegen "$dir" "${sizes[@]}"
mkdir "$dir/config"

# measure FILE...: prints "wall-seconds cpu-seconds peak-KiB" for one export
# of the files.
measure() {
	XDG_CONFIG_HOME="$dir/config" /usr/bin/time -f '%e %U %S %M' -o "$dir/time" \
		"$dir/brief" export "$@" >/dev/null 2>"$dir/stderr" || true
	awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$dir/time"
}

fail=0
printf "%-20s %9s %8s %8s %9s %7s %7s\n" shape size wall cpu "peak MB" "cpu x" "mem x"
for shape in speaker-transcript name-article giant-paragraph deep-front-matter; do
	prev_t="" prev_m=""
	for size in "${sizes[@]}"; do
		file=$(ls "$dir/$shape-$size".*)
		read -r w t m < <(measure "$file")
		mb=$(awk -v m="$m" 'BEGIN { printf "%.0f", m / 1024 }')
		gt="" gm=""
		if [ -n "$prev_t" ]; then
			gt=$(awk -v a="$t" -v b="$prev_t" 'BEGIN { printf "%.1f", a / (b > 0.01 ? b : 0.01) }')
			gm=$(awk -v a="$m" -v b="$prev_m" 'BEGIN { printf "%.1f", a / b }')
			if awk -v g="$gt" -v h="$gm" 'BEGIN { exit !(g > 5 || h > 5) }'; then
				echo "FAIL: $shape $prev_size -> $size grew ${gt}x in CPU time, ${gm}x in memory" >&2
				fail=1
			fi
		fi
		printf "%-20s %9s %8s %8s %9s %7s %7s\n" "$shape" "$size" "$w" "$t" "$mb" "$gt" "$gm"
		if [ "$shape" = name-article ] && [ "$size" = 1048576 ] &&
			awk -v t="$t" -v m="$m" 'BEGIN { exit !(t >= 1 || m >= 200 * 1024) }'; then
			echo "FAIL: the 1 MiB name-rich article took ${t} s of CPU and ${mb} MB (want under 1 s and 200 MB)" >&2
			fail=1
		fi
		prev_t=$t prev_m=$m prev_size=$size
	done
done

exit $fail
