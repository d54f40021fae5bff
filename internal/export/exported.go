package export

import "io"

// EscapeWriter passes encoded JSON on with every character that textclean
// would change written as a \u escape, as the JSON export does (see
// escapeWriter): for other commands that print JSON, such as brief search.
func EscapeWriter(w io.Writer) io.Writer { return escapeWriter{w} }

// MarkdownEscape keeps text from being read as Markdown markup, as the
// Markdown export does.
func MarkdownEscape(s string) string { return mdEscape(s) }
