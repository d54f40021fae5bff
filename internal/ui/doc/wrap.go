package doc

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Range is a half-open byte range of a text.
type Range struct{ Start, End int }

// Width is a string's width in cells, styling ignored. It agrees with
// ansi.StringWidth (and so lipgloss.Width), which segments graphemes and
// is slow; this counts one cell per rune while every rune is one that is
// always a narrow cluster of its own (ASCII, Latin, punctuation, the box
// and block glyphs brief draws with) and falls back to ansi.StringWidth at
// the first other rune. TestWidthAgrees holds the two together.
func Width(s string) int {
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == 0x1b:
				j := CSIEnd(s, i)
				if j < 0 {
					return ansi.StringWidth(s)
				}
				i = j
				continue
			case c < 0x20 || c == 0x7f:
				return ansi.StringWidth(s)
			}
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !NarrowRune(r) {
			return ansi.StringWidth(s)
		}
		n++
		i += size
	}
	return n
}

// CSIEnd returns the index after the CSI sequence at s[i], or -1.
func CSIEnd(s string, i int) int {
	if i+1 >= len(s) || s[i+1] != '[' {
		return -1
	}
	for j := i + 2; j < len(s); j++ {
		c := s[j]
		switch {
		case c >= 0x30 && c <= 0x3f, c >= 0x20 && c <= 0x2f:
			continue
		case c >= 0x40 && c <= 0x7e:
			return j + 1
		default:
			return -1
		}
	}
	return -1
}

// NarrowRune reports whether r is always one cell and never joins a
// neighbour into a grapheme cluster.
func NarrowRune(r rune) bool {
	switch {
	case r >= 0xa0 && r <= 0x2ff:
		return r != 0xad // soft hyphen
	case r >= 0x2010 && r <= 0x2027, r >= 0x2030 && r <= 0x205e:
		return true
	case r >= 0x2190 && r <= 0x21ff: // arrows
		return true
	case r >= 0x2500 && r <= 0x25ff: // box drawing, blocks, shapes
		return !emojiShape(r)
	case r == 0x2713, r == 0x29e9:
		return true
	}
	return false
}

// emojiShape lists the geometric shapes with an emoji presentation.
func emojiShape(r rune) bool {
	switch r {
	case 0x25aa, 0x25ab, 0x25b6, 0x25c0, 0x25fb, 0x25fc, 0x25fd, 0x25fe:
		return true
	}
	return false
}

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

// Words are a paragraph's words with their widths, measured once so that
// counting its lines at any width is a loop over numbers. A nil Words
// means the text needs the full algorithm (it has line breaks).
type Words []int32

// MeasureWords measures text's words, or returns nil if it has a line
// break.
func MeasureWords(text string) Words {
	if strings.IndexByte(text, '\n') >= 0 {
		return nil
	}
	ws := make(Words, 0, len(text)/6+1)
	for i := 0; i < len(text); {
		if text[i] == ' ' {
			i++
			continue
		}
		j := strings.IndexByte(text[i:], ' ')
		if j < 0 {
			j = len(text)
		} else {
			j += i
		}
		ws = append(ws, int32(Width(text[i:j])))
		i = j
	}
	return ws
}

// CountWords returns Count(text, width) from the text's measured words;
// ok is false when a word is wider than the line, which only the full
// algorithm can cut.
func (ws Words) CountWords(width int) (n int, ok bool) {
	if width < 1 {
		width = 1
	}
	w32 := int32(width)
	lines, col := 1, int32(-1)
	for _, w := range ws {
		switch {
		case w > w32:
			return 0, false
		case col < 0:
			col = w
		case col+1+w <= w32:
			col += 1 + w
		default:
			lines++
			col = w
		}
	}
	return lines, true
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
	if i := strings.IndexByte(s[from:], '\n'); i >= 0 {
		return from + i
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
			w = Width(text[ws:we])
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
