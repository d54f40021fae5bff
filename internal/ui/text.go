package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/brief-reader/brief/internal/ui/doc"
)

// width is a string's width in cells, styling ignored: doc.Width.
func width(s string) int { return doc.Width(s) }

// fit makes s exactly w cells wide: cut (between grapheme clusters, never
// inside an escape sequence) and padded with spaces.
func fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	n := width(s)
	if n > w {
		s = ansi.Truncate(s, w, "")
		if strings.Contains(s, "\x1b[") {
			s += "\x1b[0m"
		}
		n = width(s)
	}
	if n < w {
		s += spaces(w - n)
	}
	return s
}

// clip cuts s to at most w cells with an ellipsis.
func clip(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if width(s) <= w {
		return s
	}
	if w == 1 {
		return "…"
	}
	return ansi.Truncate(s, w, "…")
}

var spaceRun = strings.Repeat(" ", 512)

func spaces(n int) string {
	if n <= 0 {
		return ""
	}
	if n <= len(spaceRun) {
		return spaceRun[:n]
	}
	return strings.Repeat(" ", n)
}

// repeat repeats a glyph to fill n cells.
func repeat(glyph string, n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat(glyph, n)
}

// stripSGR removes styling from a line the reader built (which holds only
// SGR sequences).
func stripSGR(s string) string {
	if !strings.Contains(s, "\x1b") {
		return s
	}
	return ansi.Strip(s)
}

// blank returns n lines of w spaces.
func blank(lines []string, n, w int) []string {
	sp := spaces(w)
	for i := 0; i < n; i++ {
		lines = append(lines, sp)
	}
	return lines
}

// joinCols places blocks of lines side by side. Every block must have the
// same number of lines, each exactly as wide as the block.
func joinCols(cols ...[]string) []string {
	if len(cols) == 0 {
		return nil
	}
	n := len(cols[0])
	out := make([]string, n)
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.Reset()
		for _, c := range cols {
			if i < len(c) {
				b.WriteString(c[i])
			}
		}
		out[i] = b.String()
	}
	return out
}
