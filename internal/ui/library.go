package ui

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/brief-reader/brief/internal/briefing"
	"github.com/brief-reader/brief/internal/load"
	"github.com/brief-reader/brief/internal/ui/doc"
	"github.com/brief-reader/brief/internal/ui/hitpane"
	"github.com/brief-reader/brief/internal/ui/librarypane"
	"github.com/brief-reader/brief/internal/watch"
)

// Library is what the reader needs of the library database (package
// library): the briefings indexed, each briefing as stored, quotes across
// briefings, and reading state. Every method is called from a command,
// never from Update.
type Library interface {
	// Briefings lists every briefing, newest first.
	Briefings(ctx context.Context) ([]librarypane.Entry, error)
	// Briefing is one briefing as stored: no file is read or parsed.
	Briefing(ctx context.Context, id int64) (*briefing.Briefing, error)
	// IsStarred is the starred quotes (indexes) of one briefing.
	IsStarred(ctx context.Context, id int64) (map[int]bool, error)
	// Search is full-text search over the quotes of every briefing.
	Search(ctx context.Context, text string) ([]hitpane.Hit, error)
	// SpeakerQuotes and TopicQuotes are a speaker's and a topic's
	// quotes across briefings, in date order.
	SpeakerQuotes(ctx context.Context, name string) ([]hitpane.Hit, error)
	TopicQuotes(ctx context.Context, topic string) ([]hitpane.Hit, error)
	// Starred is every starred quote.
	Starred(ctx context.Context) ([]hitpane.Hit, error)
	// Opened marks a briefing read; SetPosition keeps the paragraph at
	// the top of the reader; Star stars a quote or clears the star.
	Opened(ctx context.Context, id int64) error
	SetPosition(ctx context.Context, id int64, paragraph int) error
	Star(ctx context.Context, id int64, quoteIndex int, on bool) error
	// MarkSeen sets the baseline "new" is measured from, as of time
	// at: briefings indexed after it are new.
	MarkSeen(ctx context.Context, at time.Time) error
	// Roots are the files and folders the user indexed (for watching);
	// Reindex indexes again just the paths given.
	Roots(ctx context.Context) ([]string, error)
	Reindex(ctx context.Context, paths []string) error
}

// LibraryPager is a Library that can list its first briefings alone,
// with the counts of the whole list. The Library then shows its first
// screen without reading every row (fourteen thousand take a few hundred
// milliseconds and, through SQLite's memory map, some 90 MB of resident
// memory); the whole list is read when it is needed: for a filter, or
// when the cursor nears the end of the first page.
type LibraryPager interface {
	FirstBriefings(ctx context.Context, n int) ([]librarypane.Entry, librarypane.Head, error)
}

// firstPage is how many briefings the first listing reads: more than a
// tall terminal shows, so that paging down does not wait either.
const firstPage = 200

// LibKeys are the reader's library keys.
type LibKeys struct {
	Library, Search, Star, Starred key.Binding
}

// DefaultLibKeys is the library keys.
func DefaultLibKeys() LibKeys {
	b := func(k, desc string) key.Binding { return key.NewBinding(key.WithKeys(k), key.WithHelp(k, desc)) }
	return LibKeys{
		Library: b("L", "library"),
		Search:  b("F", "search all briefings"),
		Star:    b("s", "star/unstar quote"),
		Starred: b("S", "starred quotes"),
	}
}

// Bindings lists the keys in help order.
func (k LibKeys) Bindings() []key.Binding {
	return []key.Binding{k.Library, k.Search, k.Star, k.Starred}
}

// libState is the reader on a library: the Library pane, the lists of
// quotes across briefings, the stars of the briefings open, and the
// watcher.
type libState struct {
	db   Library
	keys LibKeys
	pane *librarypane.Model
	// shown: the Library fills the body.
	shown bool
	// full is a list across briefings filling the body, when no briefing
	// is open to show it in its Quotes pane.
	full *hitpane.Model
	// pos is the paragraph each briefing opened was left at, as listed
	// or since saved; saved what the database holds, so that unchanged
	// places are not written again.
	pos, saved map[int64]int
	stars      map[int64]map[int]bool
	// listed: the first listing has come; listedAt is when, the
	// baseline of "new" for the next visit, written (seenSaved) once
	// the whole list has been read, or on leaving.
	listed    bool
	listedAt  time.Time
	seenSaved bool
	// page is how many briefings a first page lists (with a
	// LibraryPager); whole: the whole list has been read; fetching: it
	// is being read.
	page            int
	whole, fetching bool
	listGen         int
	hitGen          int
	nextTab         int
	// lastTab is the briefing current after the last update, whose place
	// is saved when the reader leaves it.
	lastTab *tab
	// changed are paths re-indexed by the watcher whose briefings, if
	// open, reload once the new listing arrives.
	changed map[string]bool
	watcher *watch.Watcher
	// watchNote says what the watcher does, for the status line.
	watchNote string
	// idle is how long the reader must rest on a new place before it is
	// saved (so a kill -9 loses at most that); 0 saves only on leaving.
	// idleGen drops the timers of places since left.
	idle    time.Duration
	idleGen int
	// maxTabs is how many briefings opened from the library stay open;
	// used orders them by when they were last current, for closing the
	// one longest unused.
	maxTabs int
	used    map[*tab]int
	useSeq  int
	// searches are the searches across briefings entered, newest last,
	// for ↑/↓ in F's line.
	searches []string
	// pending names a list across briefings being read, stop stops it.
	pending string
	stop    context.CancelFunc
}

// maxLibTabs is how many briefings from the library stay open at once: a
// session that opens hundreds keeps memory to the most recent, each
// closed one's place saved as it goes.
const maxLibTabs = 12

// idleSave is how long the reader rests on a place before it is saved.
const idleSave = 2 * time.Second

// idleMsg says the reader rested on a place for idleSave.
type idleMsg struct{ gen int }

func newLibState(m *Model) *libState {
	l := &libState{
		db: m.opts.Library, keys: DefaultLibKeys(), pane: librarypane.New(m.st), shown: true,
		pos: map[int64]int{}, saved: map[int64]int{}, stars: map[int64]map[int]bool{}, changed: map[string]bool{},
		idle: idleSave, maxTabs: maxLibTabs, used: map[*tab]int{}, page: firstPage,
	}
	l.pane.Focus()
	return l
}

// Messages of the library's commands.
type (
	libListedMsg struct {
		gen  int
		list *librarypane.List
		err  error
	}
	// libOpenedMsg brings a briefing from the database, laid out; at is
	// the quote to show (-1: the place it was left at); reload replaces
	// the open tab of the briefing, keeping its place.
	libOpenedMsg struct {
		id     int64
		d      *doc.Doc
		stars  map[int]bool
		at     int
		reload bool
		err    error
		took   time.Duration
	}
	libHitsMsg struct {
		gen         int
		what, empty string
		hits        []hitpane.Hit
		err         error
	}
	// libWroteMsg reports a write of reading state; only failures show.
	libWroteMsg struct {
		what string
		err  error
	}
	watchStartedMsg struct {
		w     *watch.Watcher
		roots int
		err   error
	}
	watchBatchMsg struct {
		w     *watch.Watcher
		paths []string
		err   error
	}
	reindexedMsg struct {
		paths []string
		err   error
	}
)

// LibraryListing is a library's first listing read before the program
// (see PreloadLibrary), so that the first frame shows the Library's first
// screen.
type LibraryListing struct{ list *librarypane.List }

// PreloadLibrary reads the first page of lib when it can list one (a
// LibraryPager), as the reader's first listing would: a few milliseconds
// on the library's indexes. It returns nil when lib cannot, or on an
// error (the reader then lists in a command, and reports it).
func PreloadLibrary(ctx context.Context, lib Library) *LibraryListing {
	p, ok := lib.(LibraryPager)
	if !ok {
		return nil
	}
	msg := firstListing(ctx, p, firstPage, 0)
	if msg.err != nil {
		return nil
	}
	return &LibraryListing{list: msg.list}
}

// firstListing reads the first n briefings of p for listing gen: as a
// page of a longer list, or the whole list if that is all.
func firstListing(ctx context.Context, p LibraryPager, n, gen int) libListedMsg {
	es, head, err := p.FirstBriefings(ctx, n)
	if err == nil && head.Total <= len(es) {
		return libListedMsg{gen: gen, list: librarypane.NewList(es)}
	}
	return libListedMsg{gen: gen, list: librarypane.NewPage(es, head), err: err}
}

// listLibrary lists the library's briefings in a command: until the
// whole list is needed, and when the library can, its first page alone.
func (m *Model) listLibrary() tea.Cmd {
	l := m.lib
	l.listGen++
	db, ctx, gen, n := l.db, m.ctx, l.listGen, l.page
	if p, ok := db.(LibraryPager); ok && !l.whole {
		l.fetching = false
		return guard(func() tea.Msg { return firstListing(ctx, p, n, gen) })
	}
	l.fetching = true
	return m.listAll(gen)
}

// listAll lists every briefing of the library, for listing gen.
func (m *Model) listAll(gen int) tea.Cmd {
	db, ctx := m.lib.db, m.ctx
	return guard(func() tea.Msg {
		es, err := db.Briefings(ctx)
		return libListedMsg{gen: gen, list: librarypane.NewList(es), err: err}
	})
}

// listRest reads the whole list when the Library, showing its first
// page, needs it: the filter line is open or holds a query, or the
// cursor nears the page's end.
func (m *Model) listRest() tea.Cmd {
	l := m.lib
	if l == nil || l.whole || l.fetching || !l.pane.Partial() {
		return nil
	}
	if !l.pane.WantsAll() && (m.in == nil || m.in.kind != inputLibFilter) {
		return nil
	}
	l.fetching = true
	m.dbg.printf("library: reading the whole list")
	return m.listAll(l.listGen)
}

// markSeen writes the baseline of "new" for the next visit (the time of
// the first listing of this one), once.
func (m *Model) markSeen() tea.Cmd {
	l := m.lib
	if l.seenSaved || !l.listed {
		return nil
	}
	l.seenSaved = true
	at := l.listedAt
	return m.write("the time of this visit", func(ctx context.Context, db Library) error { return db.MarkSeen(ctx, at) })
}

// openBriefing loads briefing id from the database and lays it out.
func (m *Model) openBriefing(id int64, at int, reload bool) tea.Cmd {
	db, ctx := m.lib.db, m.ctx
	return guard(func() tea.Msg {
		t0 := time.Now()
		msg := readBriefing(ctx, db, id, !reload)
		msg.at, msg.reload, msg.took = at, reload, time.Since(t0)
		return msg
	})
}

// readBriefing reads briefing id and its stars and lays it out; opened
// marks it read too.
func readBriefing(ctx context.Context, db Library, id int64, opened bool) libOpenedMsg {
	msg := libOpenedMsg{id: id}
	b, err := db.Briefing(ctx, id)
	if err != nil {
		msg.err = err
		return msg
	}
	if msg.d, msg.err = layoutDoc(b); msg.err != nil {
		return msg
	}
	if msg.stars, msg.err = db.IsStarred(ctx, id); msg.err != nil {
		return msg
	}
	if opened {
		msg.err = db.Opened(ctx, id)
	}
	return msg
}

// listHits runs a query across briefings in a command.
func (m *Model) listHits(what, empty string, run func(context.Context, Library) ([]hitpane.Hit, error)) tea.Cmd {
	l := m.lib
	m.stopHits()
	l.hitGen++
	// A search for a common word over a large library takes seconds:
	// the status line says so until it comes, and esc stops it.
	ctx, cancel := context.WithCancel(m.ctx)
	l.pending, l.stop = what, cancel
	m.setNote(pendingNote(what))
	db, gen := l.db, l.hitGen
	return guard(func() tea.Msg {
		hits, err := run(ctx, db)
		return libHitsMsg{gen: gen, what: what, empty: empty, hits: hits, err: err}
	})
}

// pendingNote says a list across briefings is coming.
func pendingNote(what string) string { return what + "… (esc stops)" }

// stopHits stops a list across briefings being read, if one is; its
// result, if it still comes, is dropped.
func (m *Model) stopHits() bool {
	l := m.lib
	if l.stop == nil {
		return false
	}
	l.stop()
	l.stop, l.pending = nil, ""
	l.hitGen++
	return true
}

// write runs a write of reading state in a command.
func (m *Model) write(what string, f func(context.Context, Library) error) tea.Cmd {
	db, ctx := m.lib.db, m.ctx
	return guard(func() tea.Msg { return libWroteMsg{what: what, err: f(ctx, db)} })
}

// startWatch watches the folders the library indexed.
func (m *Model) startWatch() tea.Cmd {
	db, ctx := m.lib.db, m.ctx
	return guard(func() tea.Msg {
		roots, err := db.Roots(ctx)
		if err != nil {
			return watchStartedMsg{err: err}
		}
		if len(roots) == 0 {
			return watchStartedMsg{}
		}
		w, err := watch.New(roots, 0, load.IsBriefingFile)
		return watchStartedMsg{w: w, roots: len(roots), err: err}
	})
}

// nextBatch waits for the watcher's next batch of changed files.
func (m *Model) nextBatch(w *watch.Watcher) tea.Cmd {
	if w == nil {
		return nil
	}
	ctx := m.ctx
	return func() tea.Msg {
		paths, err := w.Next(ctx)
		return watchBatchMsg{w: w, paths: paths, err: err}
	}
}

func (m *Model) reindex(paths []string) tea.Cmd {
	db, ctx := m.lib.db, m.ctx
	return guard(func() tea.Msg { return reindexedMsg{paths: paths, err: db.Reindex(ctx, paths)} })
}

// savePlace writes where the reader is in tab t, if it is a library
// briefing and the place changed since it was last written.
func (m *Model) savePlace(t *tab) tea.Cmd {
	l := m.lib
	if l == nil || t == nil || t.libID == 0 {
		return nil
	}
	p := t.topParagraph()
	l.pos[t.libID] = p
	if old, ok := l.saved[t.libID]; ok && old == p {
		return nil
	}
	l.saved[t.libID] = p
	id := t.libID
	return m.write("position", func(ctx context.Context, db Library) error { return db.SetPosition(ctx, id, p) })
}

// Close saves the place in every briefing open from the library and
// stops watching. The program calls it once the reader has quit (by q,
// ctrl+c or a signal), outside the program loop.
func (m *Model) Close(ctx context.Context) error {
	l := m.lib
	if l == nil {
		return nil
	}
	var errs []error
	if l.watcher != nil {
		l.watcher.Close()
	}
	if l.listed && !l.seenSaved {
		// Only a first page was read: "new" of this visit's baseline.
		l.seenSaved = true
		if err := l.db.MarkSeen(ctx, l.listedAt); err != nil {
			errs = append(errs, fmt.Errorf("saving the time of this visit: %w", err))
		}
	}
	for _, t := range m.tabs {
		if t.libID == 0 {
			continue
		}
		p := t.topParagraph()
		if old, ok := l.saved[t.libID]; ok && old == p {
			continue
		}
		if err := l.db.SetPosition(ctx, t.libID, p); err != nil {
			errs = append(errs, fmt.Errorf("saving the place in %s: %w", t.path, err))
			continue
		}
		l.saved[t.libID] = p
	}
	return errors.Join(errs...)
}
