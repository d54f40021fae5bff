package doc

import (
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Range is a half-open byte range of a text.
type Range struct{ Start, End int }

// Wrap breaks text into lines of at most width cells, at spaces, and
// returns each line as a byte range of text without its surrounding
// spaces. A word wider than the line is cut between grapheme clusters.
// Line breaks in text are kept. Widths are measured as x/ansi measures
// them, so lines fit exactly where lipgloss.Width says they do.
func Wrap(text string, width int) []Range {
	var out []Range
	wrap(text, width, func(s, e int) { out = append(out, Range{s, e}) })
	return out
}

// Count returns len(Wrap(text, width)) without building the lines.
func Count(text string, width int) int {
	n := 0
	wrap(text, width, func(int, int) { n++ })
	return n
}

// wrap is the single wrapping algorithm behind Wrap and Count: greedy, one
// pass, with an ASCII fast path. It calls emit for each line.
func wrap(text string, width int, emit func(start, end int)) {
	if width < 1 {
		width = 1
	}
	lineStart := 0
	for {
		nl := indexNL(text, lineStart)
		wrapLine(text, lineStart, nl, width, emit)
		if nl >= len(text) {
			return
		}
		lineStart = nl + 1
	}
}

func indexNL(s string, from int) int {
	for i := from; i < len(s); i++ {
		if s[i] == '\n' {
			return i
		}
	}
	return len(s)
}

// wrapLine wraps text[from:to], which holds no line break.
func wrapLine(text string, from, to, width int, emit func(start, end int)) {
	start, end, col := -1, -1, 0
	i := from
	for i < to {
		if text[i] == ' ' {
			i++
			continue
		}
		ws := i
		w := 0
		ascii := true
		for i < to && text[i] != ' ' {
			if text[i] >= utf8.RuneSelf {
				ascii = false
			}
			i++
		}
		we := i
		if ascii {
			w = we - ws
		} else {
			w = ansi.StringWidth(text[ws:we])
		}
		if start >= 0 && col+1+w <= width {
			end, col = we, col+1+w
			continue
		}
		if start >= 0 {
			emit(start, end)
		}
		if w <= width {
			start, end, col = ws, we, w
			continue
		}
		// A word wider than the line: cut it into full lines; what is
		// left starts the next line.
		start, end, col = breakWord(text, ws, we, width, emit)
	}
	if start < 0 {
		emit(from, from)
		return
	}
	emit(start, end)
}

// breakWord emits full-width pieces of text[ws:we] and returns the last,
// partial piece as the current line.
func breakWord(text string, ws, we, width int, emit func(start, end int)) (int, int, int) {
	pieceStart, col := ws, 0
	j := ws
	for j < we {
		var cw, size int
		if c := text[j]; c < utf8.RuneSelf && (j+1 >= we || text[j+1] < utf8.RuneSelf) {
			// ASCII followed by ASCII is a cluster of its own.
			cw, size = 1, 1
			if c < 0x20 || c == 0x7f {
				cw = 0
			}
		} else {
			cluster, w := ansi.FirstGraphemeCluster(text[j:we], ansi.GraphemeWidth)
			cw, size = w, len(cluster)
			if size == 0 {
				size = 1
			}
		}
		if col+cw > width && col > 0 {
			emit(pieceStart, j)
			pieceStart, col = j, 0
		}
		col += cw
		j += size
	}
	return pieceStart, we, col
}
