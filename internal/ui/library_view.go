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
	n := l.pane.Total()
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
	case l.pending != "":
		out += st.Note.S(clip(textclean.Line(pendingNote(l.pending)), room))
	case !l.listed:
		out += st.Status.S(clip("reading the library…", room))
	case l.watchNote != "":
		out += st.Status.S(clip(l.watchNote+": new briefings appear marked new", room))
	}
	return fit(out, w), true
}

// libKeys are the library keys with what applies now enabled: L back
// to the briefing from a page, s on a quote, S unless the starred list
// is what shows.
func (m *Model) libKeys() LibKeys {
	l := m.lib
	lk := l.keys
	page := m.libPage()
	t := m.tab()
	if page != nil {
		lk.Library.SetHelp("L", "back to briefing")
		lk.Library.SetEnabled(t != nil)
	}
	lk.Star.SetEnabled(l.full != nil && l.shown || page == nil && t != nil && (t.libID != 0 || t.hits != nil))
	onStarred := l.full != nil && l.shown && l.full.What() == starredWhat
	if t != nil && !l.shown && m.focus == paneQuotes && t.hits != nil {
		onStarred = t.hits.What() == starredWhat
	}
	lk.Starred.SetEnabled(!onStarred)
	return lk
}

// libraryHints are the hint line's keys while a library page shows.
func (m *Model) libraryHints() ([]key.Binding, bool) {
	p := m.libPage()
	if p == nil {
		return nil, false
	}
	lk := m.libKeys()
	return append(p.ShortHelp(), lk.Search, lk.Starred, lk.Library), true
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
	return append(m.libKeys().Bindings(),
		mark(librarypane.UnreadMark, "unread briefing"),
		mark(librarypane.NewMark, "new since last run"),
		mark(hitpane.StarMark, "starred quote"),
	), true
}

// libraryHelpGroups are the help's columns while a library page shows:
// the page's keys, the library's, and the program's; the reader's keys do
// not apply there.
func (m *Model) libraryHelpGroups() ([][]key.Binding, []string, bool) {
	p := m.libPage()
	if p == nil {
		return nil, nil, false
	}
	k := &m.keys
	own := p.FullHelp()
	lib, _ := m.libraryHelp()
	where := "In the Library"
	if m.lib.full != nil {
		where = "In the list"
	}
	groups := [][]key.Binding{own[0], lib, {k.Mouse, k.Help, k.Quit, k.ForceQ, k.Suspend}}
	titles := []string{where, "Library", "Program"}
	if len(own) > 1 {
		groups = append(groups, own[1])
		titles = append(titles, "Scroll")
	}
	return groups, titles, true
}
