#!/usr/bin/env bash
# scripts/fuzz.sh: run every fuzz target of the module, one after another.
#
#   scripts/fuzz.sh [DURATION] [PATTERN]
#
#   DURATION  how long each target runs, as `go test -fuzztime` takes it:
#             5m (the default), 30s, 1h, or a count of inputs such as 100000x.
#             CI's smoke run is `scripts/fuzz.sh 10s`.
#   PATTERN   run only the targets whose "package FuzzName" matches this
#             extended regexp, e.g. 'parse' or 'FuzzDecode$'. Default: all.
#
#   FUZZ_FAIL_FAST=1  stop at the first failing target (CI sets it).
#   FUZZ_MINIMIZE=1s  time spent minimising each new input (go test
#                     -fuzzminimizetime). Go's default, 60s, lets the large
#                     seed briefings stall FuzzParse for most of a short run;
#                     set 60s when you want a failing input cut down further.
#
# Targets are found with `go test -list '^Fuzz' ./...`, so a new Fuzz
# function is picked up with no change here. `go test -fuzz` takes one
# target per run, hence one run per target.
#
# When a target fails, Go writes the failing input to
# <package>/testdata/fuzz/<FuzzName>/<hash> and this script prints the command
# that replays it. Fix the bug, then commit that file: plain `go test` runs
# it every time from then on, as a regression test. Inputs that merely widened
# coverage stay in Go's cache ($(go env GOCACHE)/fuzz), so a later long run
# starts from where the last one stopped.
#
# Go 1.26 can fail a clean run at the very end with a bare "context deadline
# exceeded" and no failing input (golang/go#75804, fixed in Go 1.27): such a
# target runs once more (the first log kept as .log.flake), and only a
# second failure counts.
#
# Each target's output goes to testdata/fuzz-long/<package>.<FuzzName>.log
# (gitignored). The summary at the end says how long each target ran clean,
# how many inputs it tried and how many new interesting inputs it found.
# Exit status: 0 if every target ran clean, 1 if any failed, 2 if the
# targets could not be listed (a build error, say).
set -uo pipefail
cd "$(dirname "$0")/.."

duration=${1:-5m}
pattern=${2:-.}
minimize=${FUZZ_MINIMIZE:-1s}
logdir=testdata/fuzz-long
mkdir -p "$logdir"

list=$(go test -list '^Fuzz' ./... 2>&1)
if [ $? -ne 0 ]; then
	echo "fuzz: cannot list the fuzz targets:" >&2
	echo "$list" >&2
	exit 2
fi
# `go test -list` prints a package's test names, then "ok  <package> <time>".
targets=$(awk '
	/^Fuzz[A-Za-z0-9_]*$/ { names[n++] = $1; next }
	/^ok / { for (i = 0; i < n; i++) print $2, names[i]; n = 0 }
' <<<"$list" | grep -E -- "$pattern" || true)
if [ -z "$targets" ]; then
	echo "fuzz: no fuzz target matches ${pattern@Q}" >&2
	exit 2
fi
count=$(wc -l <<<"$targets")
echo "fuzz: $count targets, $duration each, minimising new inputs for at most $minimize (logs in $logdir/)"

# deadline_flake LOG NEW reports whether a failed run is Go's own race at
# the -fuzztime deadline (golang/go#75804, fixed in Go 1.27): the only
# failure is a bare "context deadline exceeded", with no panic, no failing
# input written and no new file NEW in the corpus.
deadline_flake() {
	[ -z "$2" ] || return 1
	grep -qE 'Failing input written|panic:' "$1" && return 1
	awk '
		/^--- FAIL: / { fail = 1; next }
		fail && /^    / { if ($0 != "    context deadline exceeded") other = 1; else deadline = 1; next }
		{ fail = 0 }
		END { exit !(deadline && !other) }
	' "$1"
}

summary=()
failed=0
while read -r pkg name; do
	rel=./${pkg#github.com/brief-reader/brief/}
	log="$logdir/$(basename "$pkg").$name.log"
	corpus="$rel/testdata/fuzz/$name"
	before=$(ls "$corpus" 2>/dev/null | sort)
	printf 'fuzz: %-20s %-22s ' "$name" "$rel"
	start=$SECONDS
	go test -run='^$' -fuzz="^$name\$" -fuzztime="$duration" -fuzzminimizetime="$minimize" "$rel" >"$log" 2>&1
	rc=$?
	# A run that failed only by Go's deadline race runs once more; a second
	# failure of any kind counts.
	if [ $rc -ne 0 ] && deadline_flake "$log" "$(comm -13 <(echo "$before") <(ls "$corpus" 2>/dev/null | sort))"; then
		printf 'deadline flake (golang/go#75804), once more: '
		mv "$log" "$log.flake"
		go test -run='^$' -fuzz="^$name\$" -fuzztime="$duration" -fuzzminimizetime="$minimize" "$rel" >"$log" 2>&1
		rc=$?
	fi
	took=$((SECONDS - start))
	# The last progress line: "fuzz: elapsed: 10s, execs: 123456 (12345/sec), new interesting: 3 (total: 40)".
	progress=$(grep -E '^fuzz: elapsed: ' "$log" | tail -n 1)
	fuzzed=$(sed -nE 's/^fuzz: elapsed: ([0-9hms]+),.*/\1/p' <<<"$progress")
	execs=$(sed -nE 's/.*execs: ([0-9]+).*/\1/p' <<<"$progress")
	found=$(sed -nE 's/.*new interesting: ([0-9]+).*/\1/p' <<<"$progress")
	# Go reports progress every 3s; a long stretch with no new execs means a
	# very slow input, a hang or a long minimisation. Go does not flag it.
	stall=$(grep -E '^fuzz: elapsed: .*execs: ' "$log" | sed -nE 's/.*execs: ([0-9]+).*/\1/p' |
		awk '$1 == last { run++; if (run > max) max = run; next } { last = $1; run = 0 } END { print max * 3 }')
	if [ "${stall:-0}" -ge 15 ]; then
		echo "fuzz: warning: $name tried no new input for about ${stall}s (slow input, hang or minimisation: see $log)"
	fi
	if [ $rc -eq 0 ]; then
		echo "ok (${took}s)"
		summary+=("$(printf '%-4s %-22s %-20s clean for %6s %11s execs %5s new' ok "$rel" "$name" "${fuzzed:-?}" "${execs:-?}" "${found:-?}")")
		continue
	fi
	failed=$((failed + 1))
	echo "FAIL (${took}s)"
	summary+=("$(printf '%-4s %-22s %-20s failed after %3s %11s execs' FAIL "$rel" "$name" "${fuzzed:-?}" "${execs:-?}")")
	echo "---- $log (last 40 lines)"
	tail -n 40 "$log"
	new=$(comm -13 <(echo "$before") <(ls "$corpus" 2>/dev/null | sort))
	for f in $new; do
		echo "---- failing input kept in $corpus/$f; replay it with:"
		echo "       go test -run='^$name/$f\$' $rel"
		echo "---- $corpus/$f (first 4 KiB; CI's clone is thrown away, so copy it from here)"
		head -c 4096 "$corpus/$f"
		echo
	done
	if [ "${FUZZ_FAIL_FAST:-}" = 1 ]; then
		echo "fuzz: $name failed; stopping (FUZZ_FAIL_FAST=1)" >&2
		break
	fi
done <<<"$targets"

echo
echo "fuzz summary ($duration per target):"
printf '  %s\n' "${summary[@]}"
if [ $failed -gt 0 ]; then
	echo "fuzz: $failed of $count targets FAILED" >&2
	exit 1
fi
echo "fuzz: all $count targets ran clean"
