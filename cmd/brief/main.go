// Command brief is a terminal reader for briefings: press briefings,
// transcripts and quote-heavy news.
package main

import (
	"os"

	"github.com/brief-reader/brief/internal/cli"
)

// Set by the release build (see .goreleaser.yaml).
var (
	version = ""
	commit  = ""
	date    = ""
)

func main() {
	os.Exit(cli.Main(os.Args[1:], cli.BuildInfo{Version: version, Commit: commit, Date: date}))
}
