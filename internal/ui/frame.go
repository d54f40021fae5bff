package ui

import (
	"strings"

	"github.com/brief-reader/brief/internal/ui/theme"
)

// frame draws body inside a border of exactly w×h cells, with title set
// into the top edge and note into the bottom edge. A focused pane gets a
// thick border in the accent colour, so focus shows without colour too.
// body should hold h-2 lines of w-2 cells; it is fitted if not.
func frame(st *theme.Styles, title, note string, body []string, w, h int, focused bool) []string {
	if w <= 0 || h <= 0 {
		return nil
	}
	out := make([]string, 0, h)
	if w < 2 || h < 2 {
		for i := 0; i < h; i++ {
			l := ""
			if i < len(body) {
				l = body[i]
			}
			out = append(out, fit(l, w))
		}
		return out
	}
	bd, paint, tpaint := st.BorderNormal, st.Border, st.Title
	if focused {
		bd, paint, tpaint = st.BorderFocused, st.BorderFocus, st.TitleFocused
	}
	iw := w - 2
	out = append(out, edge(bd.TopLeft, bd.Top, bd.TopRight, title, iw, paint, tpaint))
	left, right := paint.S(bd.Left), paint.S(bd.Right)
	var b strings.Builder
	for i := 0; i < h-2; i++ {
		l := ""
		if i < len(body) {
			l = body[i]
		}
		b.Reset()
		b.WriteString(left)
		b.WriteString(fit(l, iw))
		b.WriteString(right)
		out = append(out, b.String())
	}
	out = append(out, edge(bd.BottomLeft, bd.Bottom, bd.BottomRight, note, iw, paint, st.Title))
	return out
}

// edge draws a top or bottom border with a label near its left end (top)
// or right end (bottom, for notes).
func edge(l, fill, r, label string, iw int, paint, lpaint theme.Paint) string {
	if label == "" || iw < 5 {
		return paint.S(l + repeat(fill, iw) + r)
	}
	label = clip(label, iw-4)
	lw := width(label)
	rest := iw - lw - 3
	if l == "╰" || l == "┗" {
		// Notes sit at the right of the bottom edge.
		return paint.S(l+repeat(fill, rest)+" ") + lpaint.S(label) + paint.S(" "+fill+r)
	}
	return paint.S(l+fill+" ") + lpaint.S(label) + paint.S(" "+repeat(fill, rest)+r)
}
