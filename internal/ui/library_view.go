package ui

import (
	"strconv"

	"github.com/charmbracelet/bubbles/key"

	"github.com/brief-reader/brief/internal/textclean"
	"github.com/brief-reader/brief/internal/ui/hitpane"
	"github.com/brief-reader/brief/internal/ui/librarypane"
	"github.com/brief-reader/brief/internal/ui/pane"
)

// libraryBody draws a library page over the whole body, or returns nil
// when the reader's panes show.
func (m *Model) libraryBody(h int) []string {
	p := m.libPage()
	if p == nil {
		return nil
	}
	f := pane.Frame{W: m.w, H: h}
	iw, ih := f.Inner()
	return f.Draw(m.st, p.Title(), p.Note(), p.View(iw, ih), true)
}

// libraryHeader is the header's title and meta while a library page
// shows.
func (m *Model) libraryHeader() (title, meta string, ok bool) {
	l := m.lib
	if m.libPage() == nil {
		return "", "", false
	}
	n := len(l.pane.Entries())
	meta = strconv.Itoa(n) + " briefing" + plural(n)
	if u := l.pane.Unread(); u > 0 {
		meta += " · " + strconv.Itoa(u) + " unread"
	}
	return "Library", meta, true
}

// libraryStatus is the status line while a library page shows: the
// filter, then a note or error, else what the watcher does.
func (m *Model) libraryStatus() (string, bool) {
	l := m.lib
	if m.libPage() == nil {
		return "", false
	}
	st := m.st
	w := m.w
	out, used := "", 0
	if q := l.pane.Query(); q != "" && l.full == nil {
		badge := filterBadge("library~"+textclean.Line(q), w)
		out, used = st.StatusKey.S(badge)+" ", width(badge)+1
	}
	room := max0(w - used)
	switch {
	case m.status != "" && m.statusErr:
		out += st.Error.S(clip("! "+textclean.Line(m.status), room))
	case m.status != "":
		out += st.Note.S(clip(textclean.Line(m.status), room))
	case !l.listed:
		out += st.Status.S(clip("reading the library…", room))
	case l.watchNote != "":
		out += st.Status.S(clip(l.watchNote+": new briefings appear marked new", room))
	}
	return fit(out, w), true
}

// libraryHints are the hint line's keys while a library page shows.
func (m *Model) libraryHints() ([]key.Binding, bool) {
	p := m.libPage()
	if p == nil {
		return nil, false
	}
	lk := m.lib.keys
	back := lk.Library
	back.SetHelp("L", "back to the briefing")
	back.SetEnabled(m.tab() != nil)
	return append(p.ShortHelp(), back, lk.Search, lk.Starred), true
}

// libraryHelp is the help's Library column: its keys, then what its marks
// mean. The marks are bindings with no key, which help shows and no key
// presses.
func (m *Model) libraryHelp() ([]key.Binding, bool) {
	if m.lib == nil {
		return nil, false
	}
	mark := func(glyph, desc string) key.Binding {
		b := key.NewBinding(key.WithHelp(glyph, desc))
		b.SetKeys([]string{}...)
		return b
	}
	return append(m.lib.keys.Bindings(),
		mark(librarypane.UnreadMark, "unread briefing"),
		mark(librarypane.NewMark, "indexed since last time"),
		mark(hitpane.StarMark, "starred quote"),
	), true
}
