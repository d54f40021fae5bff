// Command brief is a terminal reader for briefings: press briefings,
// transcripts and quote-heavy news.
package main

import (
	"os"

	"github.com/brief-reader/brief/internal/cli"
	// Settles the terminal background before Bubble Tea's init would ask
	// the terminal for it (see the package doc).
	_ "github.com/brief-reader/brief/internal/noquery"
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
