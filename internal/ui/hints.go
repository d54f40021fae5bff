package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"

	"github.com/brief-reader/brief/internal/ui/readerpane"
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
		Close:  key.NewBinding(key.WithKeys("esc", "h", "f1", "?", "q"), key.WithHelp("esc/?/q", "close")),
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
			if m.in.ti.prompt == "?" {
				enter.SetHelp("enter", "search backward (empty: the last again)")
			}
			hist := key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "history"))
			return []key.Binding{enter, mk.Cancel, hist}, []key.Binding{k.ForceQ}
		}
		if m.in.kind == inputLibSearch {
			enter.SetHelp("enter", "search all briefings")
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
	if t == nil {
		return k.ShortHelp(), always
	}
	p := t.pane(m.focus)
	now = p.ShortHelp()
	switch {
	case m.focus == paneReader:
		// The Reader's keys, then what works everywhere.
		now = append(now, k.ShortHelp()...)
	case m.w < narrowWidth:
		// The pane is over the Reader: say how to move on.
		now = append([]key.Binding{k.NextPane}, now...)
	}
	return now, always
}

// helpGroups are the help screen's columns: a side pane's own keys
// first, then the Reader's (its jump keys work from every pane), then the
// root's.
func (m *Model) helpGroups() ([][]key.Binding, []string) {
	if g, ti, ok := m.libraryHelpGroups(); ok {
		return g, ti
	}
	var groups [][]key.Binding
	var titles []string
	rk := readerpane.DefaultKeyMap()
	if t := m.tab(); t != nil {
		rk = t.rd.KeyMap
		if m.focus != paneReader {
			groups = append(groups, t.pane(m.focus).FullHelp()[0])
			titles = append(titles, "In "+m.focus.String())
			// The Reader's jump keys work from here; its search does
			// not (/ is the pane's own, ? is help).
			rk.Search.SetEnabled(false)
			rk.SearchBack.SetEnabled(false)
		}
	}
	groups = append(append(groups, rk.FullHelp()...), m.keys.FullHelp()...)
	titles = append(append(titles, readerpane.FullHelpTitles...), FullHelpTitles...)
	if lib, ok := m.libraryHelp(); ok {
		groups, titles = append(groups, lib), append(titles, "Library")
	}
	return groups, titles
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
