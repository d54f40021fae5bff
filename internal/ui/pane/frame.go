package pane

import (
	"strings"

	"github.com/brief-reader/brief/internal/ui/cell"
	"github.com/brief-reader/brief/internal/ui/theme"
)

// Border is a frame's border on each side, in cells.
const Border = 1

// labelMinInner is the inner width from which an edge carries its label.
const labelMinInner = 5

// Frame is a bordered box of W×H cells on screen.
type Frame struct{ W, H int }

// Inner is the size inside the border.
func (f Frame) Inner() (w, h int) { return max(f.W-2*Border, 0), max(f.H-2*Border, 0) }

// Draw draws body inside the border, with title set into the top edge and
// note into the bottom edge: exactly H lines of W cells. A focused frame
// gets a thick border in the accent colour, so focus shows without colour
// too. body should hold the inner size; it is fitted if not.
func (f Frame) Draw(st *theme.Styles, title, note string, body []string, focused bool) []string {
	w, h := f.W, f.H
	if w <= 0 || h <= 0 {
		return nil
	}
	out := make([]string, 0, h)
	if w < 2*Border || h < 2*Border {
		for i := 0; i < h; i++ {
			l := ""
			if i < len(body) {
				l = body[i]
			}
			out = append(out, cell.Fit(l, w))
		}
		return out
	}
	bd, paint, tpaint := st.BorderNormal, st.Border, st.Title
	if focused {
		bd, paint, tpaint = st.BorderFocused, st.BorderFocus, st.TitleFocused
	}
	iw, ih := f.Inner()
	out = append(out, edge(bd.TopLeft, bd.Top, bd.TopRight, title, iw, false, paint, tpaint))
	left, right := paint.S(bd.Left), paint.S(bd.Right)
	var b strings.Builder
	for i := 0; i < ih; i++ {
		l := ""
		if i < len(body) {
			l = body[i]
		}
		b.Reset()
		b.WriteString(left)
		b.WriteString(cell.Fit(l, iw))
		b.WriteString(right)
		out = append(out, b.String())
	}
	out = append(out, edge(bd.BottomLeft, bd.Bottom, bd.BottomRight, note, iw, true, paint, st.Title))
	return out
}

// edge draws a top or bottom border with a label near its left end (top)
// or right end (bottom, for notes).
func edge(l, fill, r, label string, iw int, bottom bool, paint, lpaint theme.Paint) string {
	if label == "" || iw < labelMinInner {
		return paint.S(l + cell.Repeat(fill, iw) + r)
	}
	// A label sits between "fill space" and "space fill".
	const pad = 4
	label = cell.Clip(label, iw-pad)
	rest := iw - cell.Width(label) - (pad - 1)
	if bottom {
		return paint.S(l+cell.Repeat(fill, rest)+" ") + lpaint.S(label) + paint.S(" "+fill+r)
	}
	return paint.S(l+fill+" ") + lpaint.S(label) + paint.S(" "+cell.Repeat(fill, rest)+r)
}
