package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"

	"github.com/brief-reader/brief/internal/ui/theme"
)

// modeKeys are the keys of the modes that take every key for a while:
// the text input, the topic picker, the briefing list and help. They are
// what those modes handle; the hint line shows them.
type modeKeys struct {
	Enter, Cancel, Toggle, Open, Scroll, Close key.Binding
}

func defaultModeKeys() modeKeys {
	b := func(k, desc string) key.Binding { return key.NewBinding(key.WithKeys(k), key.WithHelp(k, desc)) }
	return modeKeys{
		Enter:  b("enter", "apply"),
		Cancel: b("esc", "cancel"),
		Toggle: key.NewBinding(key.WithKeys(" "), key.WithHelp("space", "toggle")),
		Open:   b("enter", "open"),
		Scroll: key.NewBinding(key.WithKeys("j", "k"), key.WithHelp("j/k", "scroll")),
		Close:  key.NewBinding(key.WithKeys("esc", "?", "q"), key.WithHelp("esc/?/q", "close")),
	}
}

// hints are the hint line's bindings for the focused pane and mode: what
// to do now, then what always works (tail), which is never cut.
func (m *Model) hints() (now, tail []key.Binding) {
	k := &m.keys
	mk := defaultModeKeys()
	always := []key.Binding{k.Help, k.Quit}
	switch {
	case m.in != nil:
		enter := mk.Enter
		if m.in.kind == inputSearch {
			enter.SetHelp("enter", "search (empty: the last again)")
			hist := key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "history"))
			return []key.Binding{enter, mk.Cancel, hist}, []key.Binding{k.ForceQ}
		}
		return []key.Binding{enter, mk.Cancel}, []key.Binding{k.ForceQ}
	case m.picker != nil:
		return []key.Binding{mk.Toggle, mk.Enter, mk.Cancel}, []key.Binding{k.ForceQ}
	case m.list != nil:
		typ := key.NewBinding(key.WithKeys(), key.WithHelp("type", "filter"))
		return []key.Binding{typ, mk.Open, mk.Cancel}, []key.Binding{k.ForceQ}
	case m.help:
		return []key.Binding{mk.Scroll, mk.Close}, []key.Binding{k.ForceQ}
	}
	if now, ok := m.libraryHints(); ok {
		return now, always
	}
	t := m.tab()
	if t != nil && m.focus != paneReader {
		if p := t.pane(m.focus); p != nil {
			now := p.ShortHelp()
			if m.w < narrowWidth {
				// The pane is over the Reader: say how to move on.
				now = append([]key.Binding{k.NextPane}, now...)
			}
			return now, always
		}
	}
	if t != nil && t.rd.search.active() {
		next, prev, clear := k.NextSame, k.PrevSame, k.Clear
		next.SetHelp("n", "next match")
		prev.SetHelp("N", "previous match")
		clear.SetHelp("esc", "clear search")
		return []key.Binding{next, prev, k.Search, clear}, always
	}
	return k.ShortHelp(), always
}

// helpGroups are the help screen's columns: the focused pane's own keys
// first, then the reader's.
func (m *Model) helpGroups() ([][]key.Binding, []string) {
	groups, titles := m.keys.FullHelp(), FullHelpTitles
	if g, ti, ok := m.libraryHelpGroups(); ok {
		return g, ti
	}
	var own []key.Binding
	if t := m.tab(); t != nil {
		if p := t.pane(m.focus); p != nil {
			own = p.FullHelp()[0]
		}
	}
	if lib, ok := m.libraryHelp(); ok {
		groups, titles = append(groups, lib), append(titles, "Library")
	}
	if own == nil {
		return groups, titles
	}
	return append([][]key.Binding{own}, groups...), append([]string{"In " + m.focus.String()}, titles...)
}

// hintLine draws the hint line: the bindings for now, as many as fit, then
// the tail, right-aligned and never cut.
func hintLine(st *theme.Styles, now, tail []key.Binding, w int) string {
	right, rw := joinHints(st, tail, w)
	if rw > w {
		return fit(right, w)
	}
	left, _ := joinHints(st, now, w-rw-hintSepW)
	return fit(left, max0(w-rw)) + right
}

const hintSepW = 3

// joinHints joins the enabled bindings as "key desc · key desc", as many
// whole ones as fit in room cells (the first always), and says how wide
// the result is.
func joinHints(st *theme.Styles, bindings []key.Binding, room int) (string, int) {
	var b strings.Builder
	used := 0
	for _, k := range bindings {
		if !k.Enabled() {
			continue
		}
		h := k.Help()
		n := width(h.Key) + 1 + width(h.Desc)
		if used > 0 {
			n += hintSepW
		}
		if used > 0 && used+n > room {
			break
		}
		if used > 0 {
			b.WriteString(st.Faint.S(" · "))
		}
		b.WriteString(st.Key.S(h.Key) + " " + st.KeyDesc.S(h.Desc))
		used += n
	}
	return b.String(), used
}
