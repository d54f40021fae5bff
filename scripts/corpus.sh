#!/usr/bin/env bash
# Loads every briefing of a large real corpus and fails on any error, panic
# or broken invariant; prints how long it took.
#
#   scripts/corpus.sh [FOLDER]    (default: ../shared/corpus/whitehouse)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus/whitehouse}
if [ ! -d "$corpus" ]; then
	echo "corpus.sh: no corpus at $corpus; skipping" >&2
	exit 0
fi
export BRIEF_CORPUS
BRIEF_CORPUS=$(cd "$corpus" && pwd)
go test -count=1 -run '^TestCorpus$' -v -timeout 20m ./internal/load/
