package ui

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/brief-reader/brief/internal/textclean"
	"github.com/brief-reader/brief/internal/ui/hitpane"
	"github.com/brief-reader/brief/internal/ui/librarypane"
	"github.com/brief-reader/brief/internal/ui/pane"
	"github.com/brief-reader/brief/internal/ui/speakerpane"
	"github.com/brief-reader/brief/internal/ui/topicpane"
	"github.com/brief-reader/brief/internal/watch"
)

// Input kinds of the library: the Library's filter and a search across
// briefings.
const (
	inputLibFilter inputKind = iota + 100
	inputLibSearch
)

// libPage is the pane filling the body instead of the reader's panes: the
// Library, or a list across briefings opened from it; nil when the
// reader's panes show.
func (m *Model) libPage() pane.Pane {
	l := m.lib
	if l == nil || !l.shown {
		return nil
	}
	if l.full != nil {
		return l.full
	}
	return l.pane
}

// onLibraryKey takes the library's keys: every key (but a few global
// ones) while a library page fills the body; in the reader, L F S s, and
// esc on a list across briefings. ok is false for keys it leaves to the
// reader.
func (m *Model) onLibraryKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	l := m.lib
	if l == nil {
		return nil, false
	}
	k, lk := &m.keys, &l.keys
	if page := m.libPage(); page != nil {
		switch {
		case key.Matches(msg, k.Quit):
			return tea.Quit, true
		case key.Matches(msg, k.Help):
			m.help, m.helpOff = true, 0
		case key.Matches(msg, k.Mouse):
			return nil, false
		case key.Matches(msg, k.Clear):
			m.libEsc()
		case key.Matches(msg, k.Search) && l.full == nil:
			m.in = newInput(inputLibFilter, "filter library (since:2025-01): ", l.pane.Query())
		case key.Matches(msg, lk.Library):
			if m.tab() == nil {
				m.setNote("no briefing open yet: enter opens the one under the cursor")
				break
			}
			l.shown, l.full = false, nil
			m.relayout()
		case key.Matches(msg, lk.Search):
			m.startLibSearch()
		case key.Matches(msg, lk.Starred):
			return m.listStarred(), true
		case key.Matches(msg, lk.Star) && l.full != nil:
			return m.toggleStar(), true
		default:
			return page.Update(msg), true
		}
		return nil, true
	}
	t := m.tab()
	if t == nil {
		return nil, false
	}
	switch {
	case key.Matches(msg, lk.Library):
		l.shown = true
		if t.libID != 0 {
			l.pane.Show(t.libID)
		}
		return m.listLibrary(), true
	case key.Matches(msg, lk.Search):
		m.startLibSearch()
		return nil, true
	case key.Matches(msg, lk.Starred):
		return m.listStarred(), true
	case key.Matches(msg, lk.Star):
		return m.toggleStar(), true
	case key.Matches(msg, k.Clear) && m.stopHits():
		m.setNote("stopped")
		return nil, true
	case key.Matches(msg, k.Clear) && m.focus == paneQuotes && t.hits != nil:
		t.hits = nil
		m.setNote("back to this briefing's quotes")
		return nil, true
	}
	return nil, false
}

// libEsc is esc on a library page: close a list across briefings, else
// clear the filter, else go back to the briefing open.
func (m *Model) libEsc() {
	l := m.lib
	switch {
	case m.stopHits():
		m.setNote("stopped")
	case l.full != nil:
		l.full = nil
	case l.pane.Query() != "":
		l.pane.SetQuery("")
		m.setNote("library filter cleared")
	case m.tab() != nil:
		l.shown = false
		m.relayout()
	default:
		m.setNote("nothing to clear; q quits")
	}
}

// onLibraryMouse is the mouse over a library page: the wheel moves its
// cursor, a click puts it on a row.
func (m *Model) onLibraryMouse(msg tea.MouseMsg) {
	p, ok := m.libPage().(pane.Pointer)
	if !ok || m.in != nil || m.help {
		return
	}
	ev := tea.MouseEvent(msg)
	switch {
	case ev.Button == tea.MouseButtonWheelDown:
		p.Wheel(1)
	case ev.Button == tea.MouseButtonWheelUp:
		p.Wheel(-1)
	case ev.Action == tea.MouseActionPress && ev.Button == tea.MouseButtonLeft:
		// The page's body starts under the header and the frame's top.
		if row := msg.Y - m.lay.header - pane.Border; row >= 0 {
			p.Click(row)
		}
	}
}

// startLibSearch opens F's line, below the history of searches.
func (m *Model) startLibSearch() {
	m.in = newInput(inputLibSearch, "search all briefings: ", "")
	m.in.hist = len(m.lib.searches)
}

// onLibraryInput edits the Library's filter (live) or a search across
// briefings (run on enter).
func (m *Model) onLibraryInput(msg tea.KeyMsg) tea.Cmd {
	in := m.in
	l := m.lib
	switch msg.Type {
	case tea.KeyEsc:
		m.in = nil
		if in.kind == inputLibFilter {
			return l.pane.Type(in.prevQuery)
		}
		return nil
	case tea.KeyEnter:
		v := strings.TrimSpace(in.ti.Value())
		m.in = nil
		if in.kind == inputLibFilter {
			if bad := l.pane.BadDate(); bad != "" {
				m.setError("cannot read the date in " + bad + ": use YYYY, YYYY-MM or YYYY-MM-DD")
			}
			return nil
		}
		if v == "" {
			m.setNote("nothing to search for")
			return nil
		}
		l.searches = append(slices.DeleteFunc(l.searches, func(s string) bool { return s == v }), v)
		if len(l.searches) > maxHistory {
			l.searches = l.searches[1:]
		}
		return m.listHits("Search · "+v, "No quote in the library matches "+v+".",
			func(ctx context.Context, db Library) ([]hitpane.Hit, error) { return db.Search(ctx, v) })
	}
	if in.kind == inputLibSearch && (msg.Type == tea.KeyUp || msg.Type == tea.KeyDown) {
		// ↑/↓ walk the searches entered, as in the Reader's /.
		step := 1
		if msg.Type == tea.KeyUp {
			step = -1
		}
		in.hist = clampInt(in.hist+step, 0, len(l.searches))
		v := ""
		if in.hist < len(l.searches) {
			v = l.searches[in.hist]
		}
		in.ti.SetValue(v)
		return nil
	}
	if in.ti.Update(msg) && in.kind == inputLibFilter {
		return l.pane.Type(in.ti.Value())
	}
	return nil
}

// starredWhat names the starred list.
const starredWhat = "Starred"

func (m *Model) listStarred() tea.Cmd {
	return m.listHits(starredWhat, "No starred quotes yet: s stars the current quote.",
		func(ctx context.Context, db Library) ([]hitpane.Hit, error) { return db.Starred(ctx) })
}

// toggleStar is s: star the current quote (the Reader's, or the one under
// the cursor in Quotes or a list across briefings), or clear its star.
func (m *Model) toggleStar() tea.Cmd {
	l := m.lib
	t := m.tab()
	var id int64
	qi, on := -1, false
	hits := l.full
	if !l.shown && t != nil && m.focus == paneQuotes {
		hits = t.hits
	}
	switch {
	case hits != nil && (l.shown || m.focus == paneQuotes):
		if h := hits.Current(); h != nil {
			id, qi, on = h.BriefingID, h.QuoteIndex, !h.Starred
		}
	case t != nil && t.libID != 0:
		id, qi = t.libID, t.currentQuote()
		if c := t.qp.Cursor(); m.focus == paneQuotes && c >= 0 {
			qi = c
		}
		on = qi >= 0 && !l.stars[id][qi]
	}
	if id == 0 || qi < 0 {
		m.setNote("no quote here to star")
		return nil
	}
	if l.stars[id] == nil {
		l.stars[id] = map[int]bool{}
	}
	if on {
		l.stars[id][qi] = true
		m.setNote(hitpane.StarMark + " starred; S lists the starred quotes")
	} else {
		delete(l.stars[id], qi)
		m.setNote("star removed")
	}
	if l.full != nil {
		l.full.SetStarred(id, qi, on)
	}
	for _, tb := range m.tabs {
		if tb.hits != nil {
			tb.hits.SetStarred(id, qi, on)
		}
	}
	return m.write("the star", func(ctx context.Context, db Library) error { return db.Star(ctx, id, qi, on) })
}

// starred reports whether quote qi of tab t is starred.
func (m *Model) starred(t *tab, qi int) bool {
	return m.lib != nil && t != nil && t.libID != 0 && m.lib.stars[t.libID][qi]
}

// openAt opens briefing id from the library at quote qi (-1: where it was
// left), switching to it if it is open.
func (m *Model) openAt(id int64, qi int) tea.Cmd {
	from := m.tab()
	for i, t := range m.tabs {
		if t.libID != id {
			continue
		}
		m.cur = i
		m.showOpened(t, from, qi)
		return m.renderCmds()
	}
	return m.openBriefing(id, qi, false)
}

// showOpened shows tab t after an open: the reader's panes, focus on the
// Reader, the list across briefings it was opened from kept in its Quotes
// pane, and quote qi if one was asked for.
func (m *Model) showOpened(t *tab, from *tab, qi int) {
	l := m.lib
	switch {
	case l.full != nil:
		t.hits = l.full
	case from != nil && from != t && from.hits != nil:
		t.hits = from.hits
	}
	l.shown, l.full = false, nil
	if t.libID != 0 {
		l.pane.MarkOpened(t.libID)
	}
	m.focus = paneReader
	m.updateKeys()
	m.relayout()
	if qi >= 0 && qi < len(t.d.B.Quotes) {
		if !t.jumpToQuote(qi) {
			m.setError("that quote is filtered out of the reader; esc clears the last filter")
		}
	}
}

// onLibraryMsg takes the library's messages; ok is false for others.
func (m *Model) onLibraryMsg(msg tea.Msg) (tea.Cmd, bool) {
	l := m.lib
	if l == nil {
		return nil, false
	}
	switch msg := msg.(type) {
	case libListedMsg:
		return m.onListed(msg), true
	case libOpenedMsg:
		return m.onOpened(msg), true
	case libHitsMsg:
		m.onHits(msg)
		return nil, true
	case idleMsg:
		if msg.gen == l.idleGen && !l.shown {
			return m.savePlace(m.tab()), true
		}
		return nil, true
	case libWroteMsg:
		if msg.err != nil {
			m.setError("could not save " + msg.what + ": " + msg.err.Error())
		}
		return nil, true
	case librarypane.DueMsg, librarypane.FilteredMsg:
		return l.pane.Filtered(msg), true
	case librarypane.OpenMsg:
		return m.openAt(msg.ID, -1), true
	case hitpane.PreviewMsg:
		if t := m.tab(); t != nil && !l.shown && t.libID == msg.BriefingID && msg.QuoteIndex >= 0 && msg.QuoteIndex < len(t.d.B.Quotes) {
			t.rd.Preview(msg.QuoteIndex)
		}
		return nil, true
	case hitpane.OpenMsg:
		return m.openAt(msg.BriefingID, msg.QuoteIndex), true
	case speakerpane.AllMsg:
		name := msg.Name
		return m.listHits("All · "+name, "No quotes by "+name+" in the library.",
			func(ctx context.Context, db Library) ([]hitpane.Hit, error) { return db.SpeakerQuotes(ctx, name) }), true
	case topicpane.AllMsg:
		id, label := msg.ID, msg.Label
		return m.listHits("All · #"+label, "No quotes on "+label+" in the library.",
			func(ctx context.Context, db Library) ([]hitpane.Hit, error) { return db.TopicQuotes(ctx, id) }), true
	case watchStartedMsg:
		switch {
		case msg.err != nil:
			m.setNote("not watching for new briefings: " + msg.err.Error())
		case msg.w != nil:
			l.watcher = msg.w
			l.watchNote = "watching " + strconv.Itoa(msg.roots) + " folder" + plural(msg.roots)
			return m.nextBatch(msg.w), true
		}
		return nil, true
	case watchBatchMsg:
		if msg.err != nil {
			if errors.Is(msg.err, watch.ErrClosed) || m.ctx.Err() != nil {
				l.watchNote = ""
				return nil, true
			}
			m.setNote("watch: " + msg.err.Error())
			return m.nextBatch(msg.w), true
		}
		return tea.Batch(m.reindex(msg.paths), m.nextBatch(msg.w)), true
	case reindexedMsg:
		if msg.err != nil {
			m.setError("re-indexing changed files: " + msg.err.Error())
		} else {
			m.setNote("re-indexed " + strconv.Itoa(len(msg.paths)) + " file" + plural(len(msg.paths)) + " that changed on disk")
		}
		for _, p := range msg.paths {
			l.changed[filepath.Clean(p)] = true
		}
		for _, t := range m.tabs {
			if t.libID != 0 && l.changed[filepath.Clean(t.path)] && !l.whole {
				// An open briefing changed: its new id is found in the
				// whole list (onListed), not just a first page.
				l.listGen++
				l.fetching = true
				return m.listAll(l.listGen), true
			}
		}
		return m.listLibrary(), true
	}
	return nil, false
}

func (m *Model) onListed(msg libListedMsg) tea.Cmd {
	l := m.lib
	if msg.gen != l.listGen {
		return nil
	}
	m.loading = false
	partial := msg.list != nil && msg.list.Partial()
	if !partial {
		l.fetching = false
	}
	if msg.err != nil {
		m.setError("reading the library: " + msg.err.Error())
		return nil
	}
	if partial && l.whole {
		// The whole list came first.
		return nil
	}
	var cmds []tea.Cmd
	if !l.listed {
		l.listed, l.listedAt = true, time.Now()
		if m.opts.Watch {
			cmds = append(cmds, m.startWatch())
		}
	}
	if partial {
		// The first screen; the rest is read when needed (listRest).
		m.dbg.printf("library: first %d of %d briefings listed", len(msg.list.Entries()), msg.list.Total())
		return tea.Batch(append(cmds, l.pane.SetList(msg.list))...)
	}
	l.whole = true
	cmds = append(cmds, l.pane.SetList(msg.list))
	entries := msg.list.Entries()
	m.dbg.printf("library: %d briefings listed", len(entries))
	byPath := make(map[string]int64, len(l.changed))
	for i := 0; len(l.changed) > 0 && i < len(entries); i++ {
		if p := filepath.Clean(entries[i].Path); l.changed[p] {
			byPath[p] = entries[i].ID
		}
	}
	// Open briefings whose file changed reload in place.
	for _, t := range m.tabs {
		if id, ok := byPath[filepath.Clean(t.path)]; ok && t.libID != 0 {
			t.libID = id
			cmds = append(cmds, m.openBriefing(id, -1, true))
		}
	}
	clear(l.changed)
	// "New" next time is what comes in after this visit's first listing,
	// written now that what was new before has been read.
	cmds = append(cmds, m.markSeen())
	return tea.Batch(cmds...)
}

func (m *Model) onOpened(msg libOpenedMsg) tea.Cmd {
	l := m.lib
	m.dbg.printf("library: briefing %d read and laid out in %.1f ms", msg.id, float64(msg.took.Microseconds())/1000)
	if msg.err != nil {
		if msg.d == nil {
			m.setError("could not open the briefing: " + msg.err.Error())
			return nil
		}
		// Opened, but its stars or its read mark failed: say so, and
		// show it anyway.
		m.setError("reading state of the briefing: " + msg.err.Error())
	}
	if msg.stars != nil {
		l.stars[msg.id] = msg.stars
	}
	path := msg.d.B.Path
	if e := l.pane.Entry(msg.id); e != nil {
		path = e.Path
		if _, ok := l.pos[msg.id]; !ok {
			// Where the library says the reader left it.
			l.pos[msg.id], l.saved[msg.id] = e.Position, e.Position
		}
	}
	if msg.reload {
		for i, old := range m.tabs {
			if old.libID != msg.id {
				continue
			}
			t := m.newLibTab(msg.id, path, msg)
			t.hits = old.hits
			t.keepFilters(old)
			m.tabs[i] = t
			l.used[t] = l.used[old]
			delete(l.used, old)
			if l.lastTab == old {
				l.lastTab = t
			}
			if i == m.cur {
				m.relayout()
			}
			t.goToParagraph(old.topParagraph())
			m.setNote("reloaded " + textclean.Line(docTitle(t)) + ": it changed on disk")
			return m.renderCmds()
		}
		return nil
	}
	from := m.tab()
	for i, t := range m.tabs {
		if t.libID == msg.id {
			// Opened twice before the first arrived.
			m.cur = i
			m.showOpened(t, from, msg.at)
			return m.renderCmds()
		}
	}
	t := m.newLibTab(msg.id, path, msg)
	m.tabs = append(m.tabs, t)
	m.cur = len(m.tabs) - 1
	if msg.at < 0 {
		t.goToParagraph(l.pos[msg.id])
	}
	m.showOpened(t, from, msg.at)
	if msg.at < 0 {
		// The layout is known now: put the place back at the top.
		t.goToParagraph(l.pos[msg.id])
	}
	return m.renderCmds()
}

// newLibTab makes the tab of a briefing opened from the library.
func (m *Model) newLibTab(id int64, path string, msg libOpenedMsg) *tab {
	l := m.lib
	t := newTab(l.nextTab, path, msg.d, m.st, m.store)
	l.nextTab++
	t.libID = id
	t.speakers.All.SetEnabled(true)
	t.topics.All.SetEnabled(true)
	return t
}

func (m *Model) onHits(msg libHitsMsg) {
	l := m.lib
	if msg.gen != l.hitGen {
		return
	}
	if m.status == pendingNote(l.pending) {
		m.setNote("")
	}
	l.stop, l.pending = nil, ""
	if msg.err != nil {
		m.setError(msg.what + ": " + msg.err.Error())
		return
	}
	for i := range msg.hits {
		h := &msg.hits[i]
		h.Starred = h.Starred || l.stars[h.BriefingID][h.QuoteIndex]
	}
	hp := hitpane.New(m.st, msg.what, msg.empty, msg.hits)
	hp.Focus()
	t := m.tab()
	if l.shown || t == nil {
		l.full, l.shown = hp, true
		return
	}
	t.hits = hp
	// Bring the Quotes pane in, focused.
	if !m.lay.quotes.visible() {
		m.side, m.hideQuotes = paneQuotes, false
	}
	m.setFocus(paneQuotes)
}

// closeUnused closes the briefings from the library that have been
// current least recently, beyond maxTabs, saving their places.
func (m *Model) closeUnused() tea.Cmd {
	l := m.lib
	var cmds []tea.Cmd
	for {
		n, oldest := 0, -1
		for i, t := range m.tabs {
			if t.libID == 0 {
				continue
			}
			n++
			if i != m.cur && (oldest < 0 || l.used[t] < l.used[m.tabs[oldest]]) {
				oldest = i
			}
		}
		if n <= l.maxTabs || oldest < 0 {
			return tea.Batch(cmds...)
		}
		t := m.tabs[oldest]
		cmds = append(cmds, m.savePlace(t))
		delete(l.used, t)
		m.tabs = append(m.tabs[:oldest], m.tabs[oldest+1:]...)
		if oldest < m.cur {
			m.cur--
		}
		m.updateKeys()
	}
}

// libSync saves the place in the briefing the reader just left: for
// another briefing, or for the Library.
func (m *Model) libSync() tea.Cmd {
	l := m.lib
	if l == nil {
		return nil
	}
	var cur *tab
	if !l.shown {
		cur = m.tab()
	}
	if cur != l.lastTab {
		prev := l.lastTab
		l.lastTab = cur
		if cur != nil {
			l.useSeq++
			l.used[cur] = l.useSeq
		}
		return tea.Batch(m.savePlace(prev), m.closeUnused())
	}
	if cur == nil || cur.libID == 0 || l.idle <= 0 {
		return nil
	}
	// A new place: saved once the reader rests on it.
	if p := cur.topParagraph(); p != l.pos[cur.libID] {
		l.pos[cur.libID] = p
		l.idleGen++
		gen := l.idleGen
		return tea.Tick(l.idle, func(time.Time) tea.Msg { return idleMsg{gen: gen} })
	}
	return nil
}
