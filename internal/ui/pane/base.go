package pane

import (
	"github.com/brief-reader/brief/internal/ui/cell"
	"github.com/brief-reader/brief/internal/ui/theme"
)

// Base is what a list pane shares: focus, the list, and the rows its last
// View gave the list (under head rows of legend), for paging and clicks.
// Embed it; it implements Focus, Blur, Focused, Note, Click and Wheel.
type Base struct {
	List       List
	focused    bool
	rows, head int
}

// Focus implements Pane.
func (b *Base) Focus() { b.focused = true }

// Blur implements Pane.
func (b *Base) Blur() { b.focused = false }

// Focused implements Pane.
func (b *Base) Focused() bool { return b.focused }

// Note implements Pane: the cursor's place when focused.
func (b *Base) Note() string {
	if !b.focused {
		return ""
	}
	return b.List.Position()
}

// Click implements Pointer.
func (b *Base) Click(row int) { b.List.Cursor = b.List.Offset + row - b.head }

// Wheel implements Pointer.
func (b *Base) Wheel(delta int) { b.List.Cursor += delta; b.List.Clamp(b.Rows(), 1) }

// Rows is the list's height at the last View (at least 1).
func (b *Base) Rows() int { return max(b.rows, 1) }

// SetRows records the rows a View gave the list, under head rows.
func (b *Base) SetRows(head, rows int) { b.head, b.rows = head, rows }

// ViewList draws a list of one-line items in w×h: empty alone when there
// are no items, else the legend right-aligned on the first row when there
// is room for it and an item, then a row per item drawn by row.
func (b *Base) ViewList(st *theme.Styles, w, h int, empty, legend string, row func(item int, cursor bool) string) []string {
	lines := make([]string, 0, h)
	if len(b.List.Items) == 0 {
		lines = append(lines, cell.Fit(st.Muted.S(cell.Clip(empty, w)), w))
		return cell.Blank(lines, h-1, w)
	}
	if legend != "" && h > 2 {
		l := cell.Clip(legend, w)
		lines = append(lines, cell.Fit(cell.Spaces(w-cell.Width(l))+st.Muted.S(l), w))
	}
	head := len(lines)
	rows := max(h-head, 1)
	b.SetRows(head, rows)
	b.List.Clamp(rows, 1)
	for r := 0; r < rows && len(lines) < h; r++ {
		i := b.List.Offset + r
		if i >= len(b.List.Items) {
			lines = append(lines, cell.Spaces(w))
			continue
		}
		lines = append(lines, cell.Fit(row(b.List.Items[i], i == b.List.Cursor), w))
	}
	return lines
}
