# Shared by the bench scripts; sourced, not run.

# brief_binary DIR: prints the absolute path of the brief to time: $BRIEF
# when set, else a build of this tree into DIR.
brief_binary() {
	if [ -n "${BRIEF:-}" ]; then
		echo "$(cd "$(dirname "$BRIEF")" && pwd)/$(basename "$BRIEF")"
	else
		go build -o "$1/brief" ./cmd/brief
		echo "$1/brief"
	fi
}
