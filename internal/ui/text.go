package ui

import (
	"strings"

	"github.com/brief-reader/brief/internal/ui/cell"
)

// The cell primitives under their short names, for the root's drawing.
func width(s string) int          { return cell.Width(s) }
func fit(s string, w int) string  { return cell.Fit(s, w) }
func clip(s string, w int) string { return cell.Clip(s, w) }
func spaces(n int) string         { return cell.Spaces(n) }

func max0(n int) int { return max(n, 0) }

func blank(lines []string, n, w int) []string { return cell.Blank(lines, n, w) }

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
