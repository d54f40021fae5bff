// Package cell measures, cuts and pads styled text in terminal cells: the
// primitives every pane draws with.
package cell

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/brief-reader/brief/internal/ui/doc"
)

// Width is a string's width in cells, styling ignored: doc.Width.
func Width(s string) int { return doc.Width(s) }

// Fit makes s exactly w cells wide: cut (between grapheme clusters, never
// inside an escape sequence) and padded with spaces.
func Fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	n := Width(s)
	if n > w {
		s = ansi.Truncate(s, w, "")
		if strings.Contains(s, "\x1b[") {
			s += "\x1b[0m"
		}
		n = Width(s)
	}
	if n < w {
		s += Spaces(w - n)
	}
	return s
}

// Clip cuts s to at most w cells with an ellipsis.
func Clip(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if Width(s) <= w {
		return s
	}
	if w == 1 {
		return "…"
	}
	return ansi.Truncate(s, w, "…")
}

var spaceRun = strings.Repeat(" ", 512)

// Spaces is n spaces.
func Spaces(n int) string {
	if n <= 0 {
		return ""
	}
	if n <= len(spaceRun) {
		return spaceRun[:n]
	}
	return strings.Repeat(" ", n)
}

// Repeat repeats a glyph to fill n cells.
func Repeat(glyph string, n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat(glyph, n)
}

// Blank appends n lines of w spaces.
func Blank(lines []string, n, w int) []string {
	sp := Spaces(w)
	for i := 0; i < n; i++ {
		lines = append(lines, sp)
	}
	return lines
}

// Clamp keeps v within lo and hi.
func Clamp(v, lo, hi int) int { return min(max(v, lo), hi) }
