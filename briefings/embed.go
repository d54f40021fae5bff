// Package briefings holds the sample briefings that ship inside the brief
// binary, so that `brief` with no argument has something to show anywhere.
//
// The samples are real: the user's own wire story and White House
// transcripts and articles (U.S. government works, public domain; each
// keeps its source line or source_url).
package briefings

import "embed"

// FS holds the sample briefing files at its root.
//
//go:embed *.txt *.md
var FS embed.FS
