package pane

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/brief-reader/brief/internal/ui/cell"
	"github.com/brief-reader/brief/internal/ui/theme"
)

// ScrollKeys move a viewport or a list cursor: less and vim habits.
type ScrollKeys struct {
	Down, Up         key.Binding
	HalfDown, HalfUp key.Binding
	PageDown, PageUp key.Binding
	Top, Bottom      key.Binding
}

// DefaultScrollKeys is brief's scrolling keys.
func DefaultScrollKeys() ScrollKeys {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	return ScrollKeys{
		Down:     b([]string{"j", "down", "ctrl+n", "ctrl+e"}, "j/↓", "down"),
		Up:       b([]string{"k", "up", "ctrl+p", "ctrl+y"}, "k/↑", "up"),
		HalfDown: b([]string{"d", "ctrl+d"}, "d/ctrl+d", "half page down"),
		HalfUp:   b([]string{"u", "ctrl+u"}, "u/ctrl+u", "half page up"),
		PageDown: b([]string{" ", "f", "pgdown", "ctrl+f"}, "space/f/pgdn", "page down"),
		PageUp:   b([]string{"b", "pgup", "ctrl+b"}, "b/pgup", "page up"),
		Top:      b([]string{"g", "home", "<"}, "g/home", "top"),
		Bottom:   b([]string{"G", "end", ">"}, "G/end", "bottom"),
	}
}

// Bindings lists the keys in help order.
func (k ScrollKeys) Bindings() []key.Binding {
	return []key.Binding{k.Down, k.Up, k.HalfDown, k.HalfUp, k.PageDown, k.PageUp, k.Top, k.Bottom}
}

// Amount maps a scrolling key to a number of lines or items for a viewport
// of h: ok is false for other keys.
func (k ScrollKeys) Amount(msg tea.KeyMsg, h int) (delta int, toTop, toBottom, ok bool) {
	half := max(1, h/2)
	page := max(1, h-2)
	switch {
	case key.Matches(msg, k.Down):
		return 1, false, false, true
	case key.Matches(msg, k.Up):
		return -1, false, false, true
	case key.Matches(msg, k.HalfDown):
		return half, false, false, true
	case key.Matches(msg, k.HalfUp):
		return -half, false, false, true
	case key.Matches(msg, k.PageDown):
		return page, false, false, true
	case key.Matches(msg, k.PageUp):
		return -page, false, false, true
	case key.Matches(msg, k.Top):
		return 0, true, false, true
	case key.Matches(msg, k.Bottom):
		return 0, false, true, true
	}
	return 0, false, false, false
}

// List is a list's items (indices into what the pane lists), cursor and
// scroll offset.
type List struct {
	Cursor, Offset int
	Items          []int
}

// Clamp keeps the cursor on an item and in view, for items itemH lines
// tall in a viewport h lines tall.
func (l *List) Clamp(h, itemH int) {
	n := len(l.Items)
	if n == 0 {
		l.Cursor, l.Offset = 0, 0
		return
	}
	l.Cursor = cell.Clamp(l.Cursor, 0, n-1)
	rows := max(1, h/max(itemH, 1))
	if l.Cursor < l.Offset {
		l.Offset = l.Cursor
	}
	if l.Cursor >= l.Offset+rows {
		l.Offset = l.Cursor - rows + 1
	}
	l.Offset = cell.Clamp(l.Offset, 0, max(0, n-rows))
}

// Move moves the cursor by a scrolling key; it reports false for other
// keys. Pages move by whole items.
func (l *List) Move(k ScrollKeys, msg tea.KeyMsg, h, itemH int) bool {
	rows := max(1, h/max(itemH, 1))
	delta, top, bottom, ok := k.Amount(msg, rows)
	if !ok {
		return false
	}
	switch {
	case top:
		l.Cursor = 0
	case bottom:
		l.Cursor = len(l.Items) - 1
	default:
		if key.Matches(msg, k.PageDown) || key.Matches(msg, k.PageUp) {
			if delta < 0 {
				delta = -rows
			} else {
				delta = rows
			}
		}
		l.Cursor += delta
	}
	l.Clamp(h, itemH)
	return true
}

// Current is the item under the cursor, or -1 for an empty list.
func (l *List) Current() int {
	if len(l.Items) == 0 {
		return -1
	}
	return l.Items[cell.Clamp(l.Cursor, 0, len(l.Items)-1)]
}

// Position is "cursor/total" for a frame's note, or "" when empty.
func (l *List) Position() string {
	if len(l.Items) == 0 {
		return ""
	}
	return itoa(min(l.Cursor+1, len(l.Items))) + "/" + itoa(len(l.Items))
}

// CursorGlyph marks the cursor's row: the accent glyph in a focused pane,
// a muted › in another.
func CursorGlyph(st *theme.Styles, on, focused bool) string {
	if !on {
		return " "
	}
	if focused {
		return st.Selected.S(st.CursorGlyph)
	}
	return st.Muted.S("›")
}
