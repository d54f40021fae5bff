package ui

import (
	"context"
	"math/rand/v2"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/brief-reader/brief/internal/briefing"
	"github.com/brief-reader/brief/internal/load"
	"github.com/brief-reader/brief/internal/ui/hitpane"
	"github.com/brief-reader/brief/internal/ui/librarypane"
)

// memLibrary is a plain in-memory Library over briefings parsed once,
// for the reader's own tests (the real database is tested end to end in
// library_e2e_test.go). It records what the reader asks of it.
type memLibrary struct {
	mu        sync.Mutex
	bs        map[int64]*briefing.Briefing
	order     []int64
	pos       map[int64]int
	opened    map[int64]bool
	isNew     map[int64]bool
	stars     map[int64]map[int]bool
	reads     int // Briefing calls
	seen      int // MarkSeen calls
	reindexed [][]string
}

// parsedBriefings keeps the briefings of a folder parsed once for all
// tests; the reader only reads them.
var parsedBriefings sync.Map

func newMemLibrary(t testing.TB, dir string) *memLibrary {
	t.Helper()
	v, ok := parsedBriefings.Load(dir)
	if !ok {
		files, _, missing := load.Expand([]string{dir})
		if len(missing) > 0 {
			t.Fatal(missing)
		}
		var bs []*briefing.Briefing
		for _, r := range load.Load(context.Background(), files, testLoadOptions()) {
			if r.Err != nil {
				t.Fatal(r.Err)
			}
			bs = append(bs, r.Briefing)
		}
		v, _ = parsedBriefings.LoadOrStore(dir, bs)
	}
	l := &memLibrary{bs: map[int64]*briefing.Briefing{}, pos: map[int64]int{}, opened: map[int64]bool{}, isNew: map[int64]bool{}, stars: map[int64]map[int]bool{}}
	for i, b := range v.([]*briefing.Briefing) {
		id := int64(i + 1)
		l.bs[id] = b
		l.order = append(l.order, id)
	}
	sort.SliceStable(l.order, func(a, b int) bool {
		return parseDocDate(l.bs[l.order[a]].Date).newer(parseDocDate(l.bs[l.order[b]].Date))
	})
	return l
}

func (l *memLibrary) Briefings(context.Context) ([]librarypane.Entry, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []librarypane.Entry
	for _, id := range l.order {
		b := l.bs[id]
		out = append(out, librarypane.Entry{ID: id, Path: b.Path, Title: b.Title, Date: yearDate(b.Date), DateText: b.Date, Source: b.Source,
			Quotes: len(b.Quotes), Position: l.pos[id], Unread: !l.opened[id], New: l.isNew[id]})
	}
	return out, nil
}

func (l *memLibrary) Briefing(_ context.Context, id int64) (*briefing.Briefing, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.reads++
	b, ok := l.bs[id]
	if !ok {
		return nil, os.ErrNotExist
	}
	return b, nil
}

func (l *memLibrary) IsStarred(_ context.Context, id int64) (map[int]bool, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := map[int]bool{}
	for qi := range l.stars[id] {
		out[qi] = true
	}
	return out, nil
}

// hits lists the quotes that match, in date order (oldest first).
func (l *memLibrary) hits(match func(b *briefing.Briefing, q briefing.Quote) bool) []hitpane.Hit {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []hitpane.Hit
	for i := len(l.order) - 1; i >= 0; i-- {
		id := l.order[i]
		b := l.bs[id]
		for qi, q := range b.Quotes {
			if !match(b, q) {
				continue
			}
			out = append(out, hitpane.Hit{BriefingID: id, Title: b.Title, Date: yearDate(b.Date), Speaker: speakerName(b, q.Speaker),
				Kind: q.Kind, Text: q.Text, QuoteIndex: qi, Paragraph: q.Paragraph, Starred: l.stars[id][qi]})
		}
	}
	return out
}

// yearDate is a briefing's date if it has a year, else zero.
func yearDate(s string) time.Time {
	if d := parseDocDate(s); d.hasYear {
		return d.t
	}
	return time.Time{}
}

func speakerName(b *briefing.Briefing, id string) string {
	for _, s := range b.Speakers {
		if s.ID == id {
			return s.Name
		}
	}
	return id
}

func (l *memLibrary) Search(_ context.Context, text string) ([]hitpane.Hit, error) {
	text = strings.ToLower(text)
	return l.hits(func(_ *briefing.Briefing, q briefing.Quote) bool {
		return strings.Contains(strings.ToLower(q.Text), text)
	}), nil
}

func (l *memLibrary) SpeakerQuotes(_ context.Context, name string) ([]hitpane.Hit, error) {
	return l.hits(func(b *briefing.Briefing, q briefing.Quote) bool { return speakerName(b, q.Speaker) == name }), nil
}

func (l *memLibrary) TopicQuotes(_ context.Context, topic string) ([]hitpane.Hit, error) {
	return l.hits(func(_ *briefing.Briefing, q briefing.Quote) bool { return q.OnTopic([]string{topic}) }), nil
}

func (l *memLibrary) Starred(context.Context) ([]hitpane.Hit, error) {
	starred := func(id int64, qi int) bool {
		// Called under the lock hits takes.
		return l.stars[id][qi]
	}
	var out []hitpane.Hit
	for _, h := range l.hits(func(*briefing.Briefing, briefing.Quote) bool { return true }) {
		l.mu.Lock()
		on := starred(h.BriefingID, h.QuoteIndex)
		l.mu.Unlock()
		if on {
			out = append(out, h)
		}
	}
	return out, nil
}

func (l *memLibrary) Opened(_ context.Context, id int64) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.opened[id], l.isNew[id] = true, false
	return nil
}

func (l *memLibrary) SetPosition(_ context.Context, id int64, p int) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.pos[id] = p
	return nil
}

func (l *memLibrary) Star(_ context.Context, id int64, qi int, on bool) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.stars[id] == nil {
		l.stars[id] = map[int]bool{}
	}
	if on {
		l.stars[id][qi] = true
	} else {
		delete(l.stars[id], qi)
	}
	return nil
}

func (l *memLibrary) MarkSeen(context.Context, time.Time) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.seen++
	return nil
}

func (l *memLibrary) Roots(context.Context) ([]string, error) { return nil, nil }

func (l *memLibrary) Reindex(_ context.Context, paths []string) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.reindexed = append(l.reindexed, paths)
	return nil
}

// newLibModel opens the reader on lib and runs every command.
func newLibModel(t testing.TB, w, h int, lib Library) *Model {
	t.Helper()
	m := New(Options{Library: lib, Theme: asciiTheme(), NoGlamour: true, Clipboard: &strings.Builder{}, Context: context.Background()})
	// Places are saved on leaving only, unless a test says otherwise:
	// drain would wait out every idle timer.
	m.lib.idle = 0
	drain(t, m, m.Init())
	send(t, m, tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

const briefingsDir = "../../briefings"

// TestLibraryOpens: with a library the reader starts on the Library,
// newest first, all unread; enter opens the briefing under the cursor
// from the library (no file read), marks it read, and L comes back with
// the mark gone.
func TestLibraryOpens(t *testing.T) {
	lib := newMemLibrary(t, briefingsDir)
	m := newLibModel(t, 120, 40, lib)
	view := plainView(m)
	for _, want := range []string{"Library", "5 briefings · 5 unread", "2025-07-29", "● unread", "enter open"} {
		if !strings.Contains(view, want) {
			t.Fatalf("library screen lacks %q:\n%s", want, view)
		}
	}
	if lib.seen != 1 {
		t.Errorf("MarkSeen called %d times, want once after the first listing", lib.seen)
	}
	first := m.lib.pane.Current()
	if first == nil || !strings.Contains(first.Path, "vance") {
		t.Fatalf("cursor on %+v, want the newest (Vance, 2025-07-29)", first)
	}
	press(t, m, "enter")
	tb := m.tab()
	if tb == nil || tb.libID != first.ID || m.libPage() != nil {
		t.Fatalf("enter did not open briefing %d in the reader", first.ID)
	}
	if lib.reads != 1 || !lib.opened[first.ID] {
		t.Fatalf("reads %d, opened %v: want one read from the library and the briefing marked read", lib.reads, lib.opened[first.ID])
	}
	if view := plainView(m); !strings.Contains(view, "Speakers") || !strings.Contains(view, tb.d.Title) {
		t.Fatalf("the reader does not show the briefing:\n%s", view)
	}
	press(t, m, "L")
	if m.libPage() == nil {
		t.Fatal("L did not show the Library")
	}
	if m.lib.pane.Unread() != 4 {
		t.Errorf("unread %d after opening one of 5, want 4", m.lib.pane.Unread())
	}
	// Opening it again switches to the open tab: no second read.
	press(t, m, "enter")
	if lib.reads != 1 || len(m.tabs) != 1 {
		t.Fatalf("reopening read the library again (%d reads, %d tabs)", lib.reads, len(m.tabs))
	}
}

// TestLibraryTabsBounded: past maxTabs briefings open, the one longest
// unused closes, its place saved; the others and the current one stay.
func TestLibraryTabsBounded(t *testing.T) {
	lib := newMemLibrary(t, briefingsDir)
	m := newLibModel(t, 120, 40, lib)
	m.lib.maxTabs = 2
	press(t, m, "enter", "d", "d")
	first := m.tab()
	p := first.topParagraph()
	press(t, m, "L", "j", "enter", "L", "j", "enter")
	if len(m.tabs) != 2 {
		t.Fatalf("%d briefings open, want 2", len(m.tabs))
	}
	for _, tb := range m.tabs {
		if tb == first {
			t.Fatal("the briefing longest unused is still open")
		}
	}
	if m.tab() == nil || m.tab().libID != m.lib.pane.Current().ID {
		t.Fatal("the current briefing is not the one just opened")
	}
	if lib.pos[first.libID] != p || p == 0 {
		t.Fatalf("the closed briefing's place %d was not saved (%d)", p, lib.pos[first.libID])
	}
	// Opening it again reads it from the library, at its place.
	reads := lib.reads
	press(t, m, "L")
	m.lib.pane.Show(first.libID)
	press(t, m, "enter")
	if lib.reads != reads+1 || m.tab().topParagraph() != p {
		t.Fatalf("reopened with %d reads at paragraph %d, want a read and %d", lib.reads-reads, m.tab().topParagraph(), p)
	}
}

// TestLibraryPosition: the place in a briefing is saved when the reader
// leaves it (for the Library, and on Close) and restored when it is
// opened again, in a new reader too.
func TestLibraryPosition(t *testing.T) {
	lib := newMemLibrary(t, briefingsDir)
	m := newLibModel(t, 120, 40, lib)
	press(t, m, "enter", "d", "d", "d")
	tb := m.tab()
	p := tb.topParagraph()
	if p == 0 {
		t.Fatal("d d d did not move off the first paragraph")
	}
	press(t, m, "L")
	if got := lib.pos[tb.libID]; got != p {
		t.Fatalf("leaving for the Library saved paragraph %d, want %d", got, p)
	}
	press(t, m, "enter", "d")
	p2 := m.tab().topParagraph()
	if err := m.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := lib.pos[tb.libID]; got != p2 || p2 == p {
		t.Fatalf("Close saved paragraph %d, want %d (and not the old %d)", got, p2, p)
	}
	m2 := newLibModel(t, 120, 40, lib)
	m2.lib.pane.Show(tb.libID)
	press(t, m2, "enter")
	if got := m2.tab().topParagraph(); got != p2 {
		t.Fatalf("reopened at paragraph %d, want %d", got, p2)
	}
}

// TestLibraryStar: s stars the current quote (★ in the status line), S
// lists it across briefings, enter there opens its briefing at it, and s
// again removes the star.
func TestLibraryStar(t *testing.T) {
	lib := newMemLibrary(t, briefingsDir)
	m := newLibModel(t, 120, 40, lib)
	press(t, m, "enter", "]", "]")
	tb := m.tab()
	qi := tb.currentQuote()
	if qi < 0 {
		t.Fatal("] ] found no quote")
	}
	press(t, m, "s")
	if !lib.stars[tb.libID][qi] {
		t.Fatalf("s did not star quote %d", qi)
	}
	if !strings.Contains(plainView(m), "★ starred") {
		t.Errorf("no note that the quote is starred:\n%s", plainView(m))
	}
	if s := m.statusRight(tb); !strings.Contains(s, "★ quote") {
		t.Fatalf("status %q: no ★ for the starred current quote", s)
	}
	press(t, m, "L", "j", "enter", "S")
	if m.tab() == tb || m.tab().hits == nil || m.focus != paneQuotes {
		t.Fatal("S in another briefing did not list the starred quotes in its Quotes pane")
	}
	if hs := m.tab().hits.Hits(); len(hs) != 1 || hs[0].QuoteIndex != qi || !hs[0].Starred {
		t.Fatalf("starred list %+v, want the one quote, starred", hs)
	}
	if view := plainView(m); !strings.Contains(view, "Starred 1") {
		t.Fatalf("no Starred list on screen:\n%s", view)
	}
	press(t, m, "enter")
	if m.tab() != tb || tb.currentQuote() != qi || m.focus != paneReader {
		t.Fatalf("enter on the starred quote did not open its briefing at it (quote %d)", tb.currentQuote())
	}
	// The list came along: s on it removes the star.
	press(t, m, "tab", "tab", "tab")
	if m.focus != paneQuotes || tb.hits == nil {
		t.Fatalf("focus %v, hits %v: the starred list did not come along", m.focus, tb.hits != nil)
	}
	press(t, m, "s")
	if lib.stars[tb.libID][qi] {
		t.Fatal("s on the starred list did not remove the star")
	}
	press(t, m, "esc")
	if tb.hits != nil {
		t.Fatal("esc did not close the list")
	}
}

// TestLibraryPreview: moving in a list across briefings shows the quote
// in the Reader when it is in the briefing open, focus staying in the
// list.
func TestLibraryPreview(t *testing.T) {
	m := newLibModel(t, 200, 60, newMemLibrary(t, briefingsDir))
	press(t, m, "enter", "]", "s", "]", "]", "s", "S")
	hs := m.tab().hits.Hits()
	if len(hs) != 2 || m.focus != paneQuotes {
		t.Fatalf("%d starred, focus %v", len(hs), m.focus)
	}
	press(t, m, "g", "j")
	if got := m.tab().currentQuote(); got != hs[1].QuoteIndex {
		t.Fatalf("the Reader shows quote %d, want the second starred (%d)", got, hs[1].QuoteIndex)
	}
	press(t, m, "k")
	if got := m.tab().currentQuote(); got != hs[0].QuoteIndex || m.focus != paneQuotes {
		t.Fatalf("the Reader shows quote %d (focus %v), want %d with focus kept", got, m.focus, hs[0].QuoteIndex)
	}
}

// TestLibraryAcross: A in Speakers lists the speaker's quotes in every
// briefing, A in Topics the topic's, F searches; each opens at the quote.
func TestLibraryAcross(t *testing.T) {
	lib := newMemLibrary(t, briefingsDir)
	m := newLibModel(t, 200, 60, lib)
	press(t, m, "enter", "tab")
	if m.focus != paneSpeakers {
		t.Fatalf("focus %v", m.focus)
	}
	name := m.tab().d.Speakers[m.tab().speakers.Cursor()].Name
	press(t, m, "A")
	hp := m.tab().hits
	if hp == nil || hp.What() != "All · "+name || len(hp.Hits()) == 0 {
		t.Fatalf("A in Speakers gave %+v", hp)
	}
	for _, h := range hp.Hits() {
		if h.Speaker != name {
			t.Fatalf("hit by %q in %s's list", h.Speaker, name)
		}
	}
	press(t, m, "esc", "shift+tab")
	if m.focus != paneTopics {
		t.Fatalf("focus %v, want Topics", m.focus)
	}
	press(t, m, "A")
	if hp := m.tab().hits; hp == nil || !strings.HasPrefix(hp.What(), "All · #") || len(hp.Hits()) == 0 {
		t.Fatalf("A in Topics gave %+v", hp)
	}
	press(t, m, "F", "type:tariff")
	if view := plainView(m); !strings.Contains(view, "search all briefings: tariff") {
		t.Fatalf("no search line:\n%s", view)
	}
	press(t, m, "enter")
	hp = m.tab().hits
	if hp == nil || !strings.Contains(hp.What(), "tariff") || len(hp.Hits()) == 0 {
		t.Fatalf("F tariff gave %+v", hp)
	}
	h := hp.Hits()[0]
	// ↑ recalls the search, ↓ goes back to the empty line.
	press(t, m, "F", "up")
	if v := m.in.ti.Value(); v != "tariff" {
		t.Fatalf("↑ in F's line gave %q, want the last search", v)
	}
	press(t, m, "down")
	if v := m.in.ti.Value(); v != "" {
		t.Fatalf("↓ gave %q, want the empty line", v)
	}
	press(t, m, "esc")
	press(t, m, "enter")
	if tb := m.tab(); tb.libID != h.BriefingID || tb.currentQuote() != h.QuoteIndex {
		t.Fatalf("enter on a hit opened briefing %d at quote %d, want %d at %d", tb.libID, tb.currentQuote(), h.BriefingID, h.QuoteIndex)
	}
}

// TestLibraryFilter: / on the Library filters as typed, since: bounds the
// dates, enter keeps the filter (shown in the status line), esc clears
// it.
func TestLibraryFilter(t *testing.T) {
	lib := newMemLibrary(t, briefingsDir)
	m := newLibModel(t, 120, 40, lib)
	press(t, m, "/", "type:since:2025-02")
	shown := m.lib.pane.Shown()
	if len(shown) != 2 {
		t.Fatalf("since:2025-02 shows %d briefings, want 2 (Feb and Jul 2025)", len(shown))
	}
	press(t, m, "enter")
	if view := plainView(m); !strings.Contains(view, "library~since:2025-02 · esc clears") {
		t.Fatalf("the filter is not on the status line:\n%s", view)
	}
	press(t, m, "esc")
	if len(m.lib.pane.Shown()) != 5 {
		t.Fatal("esc did not clear the filter")
	}
}

// TestLibraryReindexReloads: files the watcher reports are re-indexed,
// the list comes again, and the briefing being read reloads in place at
// its place.
func TestLibraryReindexReloads(t *testing.T) {
	lib := newMemLibrary(t, briefingsDir)
	m := newLibModel(t, 120, 40, lib)
	press(t, m, "enter", "d", "d")
	tb := m.tab()
	p := tb.topParagraph()
	// The file changed: the library now has a new title for it.
	b := *lib.bs[tb.libID]
	b.Title = "Retitled on disk"
	lib.mu.Lock()
	lib.bs[tb.libID] = &b
	lib.isNew[tb.libID] = true
	lib.mu.Unlock()
	send(t, m, watchBatchMsg{paths: []string{tb.path}})
	if len(lib.reindexed) != 1 || lib.reindexed[0][0] != tb.path {
		t.Fatalf("re-indexed %v, want the changed file", lib.reindexed)
	}
	nt := m.tab()
	if nt == tb || nt.d.Title != "Retitled on disk" {
		t.Fatalf("the open briefing did not reload (title %q)", nt.d.Title)
	}
	if got := nt.topParagraph(); got != p {
		t.Fatalf("reloaded at paragraph %d, want %d", got, p)
	}
	if !strings.Contains(plainView(m), "reloaded") {
		t.Errorf("no note that it reloaded:\n%s", plainView(m))
	}
}

// TestLibraryShownKeysWork is TestShownKeysWork on a library: every key
// the hint line and help show on the Library page (with and without a
// briefing open), on a list across briefings, and in each pane of a
// briefing opened from the library does something.
func TestLibraryShownKeysWork(t *testing.T) {
	states := []struct {
		name  string
		setup []string
		focus paneID
	}{
		{"library", []string{"j"}, paneReader},
		{"library with a briefing open", []string{"enter", "L", "j"}, paneReader},
		{"starred page", []string{"enter", "]", "s", "]", "s", "]", "s", "L", "S", "j"}, paneReader},
		{"reader", []string{"enter", "d", "d", "]"}, paneReader},
		{"speakers", []string{"enter"}, paneSpeakers},
		{"topics", []string{"enter"}, paneTopics},
		{"quotes", []string{"enter"}, paneQuotes},
		{"speaker across briefings", []string{"enter", "tab", "A", "j"}, paneQuotes},
	}
	for _, s := range states {
		open := func() *Model {
			// A library of its own: what one press stars, the next
			// would unstar.
			m := newLibModel(t, 200, 60, newMemLibrary(t, briefingsDir))
			press(t, m, s.setup...)
			if s.focus != paneReader {
				m.setFocus(s.focus)
				m.syncPanes()
				press(t, m, "j")
			}
			return m
		}
		seen := map[string]bool{}
		for _, b := range shownKeys(open()) {
			if !b.Enabled() || len(b.Keys()) == 0 || seen[b.Help().Key] {
				continue
			}
			seen[b.Help().Key] = true
			m := open()
			k := b.Keys()[0]
			before := snapshot(m) + m.lib.pane.Title()
			_, cmd := m.Update(keyMsg(k))
			quit := false
			if cmd != nil {
				switch cmd().(type) {
				case tea.QuitMsg, tea.SuspendMsg:
					quit = true
				}
			}
			drain(t, m, cmd)
			if !quit && snapshot(m)+m.lib.pane.Title() == before {
				t.Errorf("%s: %q (%s) shown but did nothing", s.name, k, b.Help().Desc)
			}
		}
		for _, want := range []string{"L", "F", "S"} {
			if !seen[want] && s.name != "library" && (want != "S" || s.name != "starred page") {
				t.Errorf("%s: %s is not shown", s.name, want)
			}
		}
	}
}

// TestLibraryGolden pins the Library page at 80×24 and 120×40 (cursor on
// the second briefing, the first opened once), and a speaker's quotes
// across briefings in the Quotes pane. Regenerate with -update.
func TestLibraryGolden(t *testing.T) {
	cases := []struct {
		name string
		w, h int
		keys []string
	}{
		{"library-80x24", 80, 24, []string{"enter", "L", "j"}},
		{"library-120x40", 120, 40, []string{"enter", "L", "j"}},
		{"library-filter-80x24", 80, 24, []string{"/", "type:since:2025 wh"}},
		{"across-120x40", 120, 40, []string{"enter", "tab", "A"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := newLibModel(t, c.w, c.h, newMemLibrary(t, briefingsDir))
			press(t, m, c.keys...)
			view := m.View()
			checkFrame(t, view, c.w, c.h)
			golden.RequireEqual(t, view)
		})
	}
}

// TestLibraryLayout holds the Library page, its help and a list across
// briefings to exactly the screen's size, down to the smallest.
func TestLibraryLayout(t *testing.T) {
	m := newLibModel(t, 80, 24, newMemLibrary(t, briefingsDir))
	for _, keys := range [][]string{nil, {"?"}, {"?", "?", "enter", "tab", "A"}, {"L", "S"}} {
		press(t, m, keys...)
		for w := 1; w <= 200; w += 9 {
			for h := 1; h <= 60; h += 5 {
				send(t, m, tea.WindowSizeMsg{Width: w, Height: h})
				checkFrame(t, m.View(), w, h)
			}
		}
	}
}

// TestLibraryMouse: on the Library the wheel and a click move its cursor,
// not the panes hidden under it.
func TestLibraryMouse(t *testing.T) {
	m := newLibModel(t, 120, 40, newMemLibrary(t, briefingsDir))
	m.View()
	send(t, m, tea.MouseMsg{X: 10, Y: 10, Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
	if m.lib.pane.List.Cursor != 1 {
		t.Fatalf("wheel: cursor %d, want 1", m.lib.pane.List.Cursor)
	}
	// Header, top border, legend row: the fourth briefing is on line 6.
	m.View()
	send(t, m, tea.MouseMsg{X: 10, Y: 6, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
	if m.lib.pane.List.Cursor != 3 {
		t.Fatalf("click on line 6: cursor %d, want 3", m.lib.pane.List.Cursor)
	}
}

// TestLibraryIdleSave: a place the reader rests on is saved without
// leaving the briefing (what a kill -9 would lose is the last moments);
// a place left before the timer fires is not written by it.
func TestLibraryIdleSave(t *testing.T) {
	lib := newMemLibrary(t, briefingsDir)
	m := newLibModel(t, 120, 40, lib)
	m.lib.idle = time.Millisecond
	press(t, m, "enter", "d", "d")
	tb := m.tab()
	if got, want := lib.pos[tb.libID], tb.topParagraph(); got != want || want == 0 {
		t.Fatalf("rested at paragraph %d, saved %d", want, got)
	}
	// A timer for a place since left does nothing.
	m.lib.idle = time.Hour
	_, cmd := m.Update(keyMsg("d"))
	if cmd == nil {
		t.Fatal("moving on set no timer")
	}
	stale := idleMsg{gen: m.lib.idleGen - 1}
	before := lib.pos[tb.libID]
	send(t, m, stale)
	if lib.pos[tb.libID] != before {
		t.Fatal("a stale timer saved the place")
	}
}

// TestLibraryRandomKeys presses 1,500 keys drawn from every key the
// reader and the library know (and letters for the inputs), with resizes
// down to 1×1 now and then: no panic, and every frame exactly the
// screen's size.
func TestLibraryRandomKeys(t *testing.T) {
	keys := []string{"j", "k", "d", "u", "g", "G", "enter", "esc", "tab", "shift+tab", "/", "?", "h", "q", "L", "F", "s", "S", "A",
		"]", "[", "}", "{", "n", "N", "1", "2", "t", "space", "J", "K", "B", "Q", "ctrl+o", "ctrl+]", "backspace", "a", "e", "2", "0", ":"}
	rng := rand.New(rand.NewPCG(12, 2026))
	m := newLibModel(t, 100, 30, newMemLibrary(t, briefingsDir))
	w, h := 100, 30
	for i := 0; i < 1500; i++ {
		if rng.IntN(40) == 0 {
			w, h = 1+rng.IntN(160), 1+rng.IntN(50)
			send(t, m, tea.WindowSizeMsg{Width: w, Height: h})
		}
		k := keys[rng.IntN(len(keys))]
		_, cmd := m.Update(keyMsg(k))
		drain(t, m, cmd)
		if m.Fatal() != "" {
			t.Fatalf("key %d (%q): %s", i, k, m.Fatal())
		}
		checkFrame(t, m.View(), w, h)
	}
}

// TestLibraryListPending: while a list across briefings is being read
// (a common word over a large library takes seconds), the status line
// says so; when it comes, the note goes.
func TestLibraryListPending(t *testing.T) {
	m := newLibModel(t, 120, 40, newMemLibrary(t, briefingsDir))
	press(t, m, "enter")
	_, cmd := m.Update(keyMsg("S"))
	if !strings.Contains(plainView(m), "Starred… (esc stops)") {
		t.Fatalf("in the reader nothing says the list is coming:\n%s", plainView(m))
	}
	drain(t, m, cmd)
	press(t, m, "L")
	_, cmd = m.Update(keyMsg("S"))
	if !strings.Contains(plainView(m), "Starred… (esc stops)") {
		t.Fatalf("nothing says the list is coming:\n%s", plainView(m))
	}
	// esc stops it: its result, when it comes, is dropped.
	press(t, m, "esc")
	drain(t, m, cmd)
	if view := plainView(m); strings.Contains(view, "Starred") || !strings.Contains(view, "stopped") {
		t.Fatalf("esc did not stop the list:\n%s", view)
	}
	_, cmd = m.Update(keyMsg("S"))
	drain(t, m, cmd)
	if view := plainView(m); strings.Contains(view, "Starred…") || !strings.Contains(view, "Starred 0") {
		t.Fatalf("the list came but the note stayed, or no list:\n%s", view)
	}
}
