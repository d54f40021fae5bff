package ui

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"github.com/brief-reader/brief/internal/ui/doc"
)

// anchorRow makes a screen row robust to terminals that measure some text
// differently from brief. brief lays out by grapheme clusters (as
// lipgloss and Bubble Tea do); many terminals, tmux among them, add up
// code point widths instead, and disagree on emoji with variation
// selectors or skin tones and on Indic conjuncts (नमस्ते is 3 cells to
// brief, 4 to tmux). After each such cluster the row moves the cursor to
// the column brief expects (CHA, ESC [ n G), so a border or the next pane
// is never pushed out of place; at worst a glyph is clipped. Rows of plain
// text are returned as they are.
func anchorRow(row string) string {
	if !needsAnchor(row) {
		return row
	}
	var b strings.Builder
	b.Grow(len(row) + 16)
	col := 0
	for i := 0; i < len(row); {
		c := row[i]
		if c == 0x1b {
			j := doc.CSIEnd(row, i)
			if j < 0 {
				j = i + 1
			}
			b.WriteString(row[i:j])
			i = j
			continue
		}
		if c < utf8.RuneSelf {
			b.WriteByte(c)
			col++
			i++
			continue
		}
		cluster, w := ansi.FirstGraphemeCluster(row[i:], ansi.GraphemeWidth)
		if len(cluster) == 0 {
			cluster = row[i : i+1]
		}
		b.WriteString(cluster)
		col += w
		i += len(cluster)
		if disputed(cluster, w) {
			b.WriteString("\x1b[")
			b.WriteString(strconv.Itoa(col + 1))
			b.WriteByte('G')
		}
	}
	return b.String()
}

// needsAnchor reports whether a row holds anything but ASCII and the
// runes every terminal agrees are one cell.
func needsAnchor(row string) bool {
	for i := 0; i < len(row); {
		if row[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(row[i:])
		if !doc.NarrowRune(r) {
			return true
		}
		i += size
	}
	return false
}

// disputed reports whether terminals may draw a cluster at another width
// than w: code point widths disagree with the cluster's, or it is an
// emoji sequence (variation selector, joiner, skin tone, flag, keycap).
func disputed(cluster string, w int) bool {
	if ansi.StringWidthWc(cluster) != w {
		return true
	}
	for _, r := range cluster {
		switch {
		case r == 0xfe0e, r == 0xfe0f, r == 0x200d, r == 0x20e3,
			r >= 0x1f3fb && r <= 0x1f3ff, r >= 0x1f1e6 && r <= 0x1f1ff:
			return true
		}
	}
	return false
}
