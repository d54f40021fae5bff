package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"

	"github.com/brief-reader/brief/internal/library"
)

// indexTemp indexes the bundled briefings into a new library in a temp
// folder and returns its path.
func indexTemp(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "library.db")
	db, err := library.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	sum, err := db.Index(context.Background(), []string{briefingsDir}, library.IndexOptions{Workers: 2})
	if err != nil || len(sum.Failed) > 0 || sum.Added != 5 {
		t.Fatalf("index: %+v, %v", sum, err)
	}
	return path
}

// openLibrary opens the reader on the library at path; the returned func
// quits it as brief does (Close, then the database).
func openLibrary(t *testing.T, path string, w, h int) (*Model, func()) {
	t.Helper()
	db, err := library.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	m := newLibModel(t, w, h, LibraryDB(db, library.IndexOptions{Workers: 2}))
	return m, func() {
		if err := m.Close(context.Background()); err != nil {
			t.Error(err)
		}
		if err := db.Close(); err != nil {
			t.Error(err)
		}
	}
}

// TestLibraryEndToEnd indexes the bundled briefings into a real temp
// library, opens the reader on it, opens a briefing, moves on in it and
// stars a quote, quits, and opens the reader again: the briefing is read,
// the place and the star survive, and the starred list leads back to it.
func TestLibraryEndToEnd(t *testing.T) {
	path := indexTemp(t)

	m, quit := openLibrary(t, path, 120, 40)
	if view := plainView(m); !strings.Contains(view, "5 briefings · 5 unread") {
		t.Fatalf("a new library should list 5 unread briefings:\n%s", view)
	}
	press(t, m, "j", "enter")
	tb := m.tab()
	if tb == nil || tb.libID == 0 {
		t.Fatal("enter opened nothing from the library")
	}
	id, title := tb.libID, tb.d.Title
	press(t, m, "d", "d", "]")
	qi := tb.currentQuote()
	press(t, m, "s")
	p := tb.topParagraph()
	if qi < 0 || p == 0 {
		t.Fatalf("quote %d, paragraph %d: the reader did not move into the briefing", qi, p)
	}
	quit()

	m, quit = openLibrary(t, path, 120, 40)
	defer quit()
	if view := plainView(m); !strings.Contains(view, "5 briefings · 4 unread") {
		t.Fatalf("after reading one, 4 should be unread:\n%s", view)
	}
	m.lib.pane.Show(id)
	press(t, m, "enter")
	tb = m.tab()
	if tb.libID != id || tb.d.Title != title {
		t.Fatalf("opened %d %q, want %d %q", tb.libID, tb.d.Title, id, title)
	}
	if got := tb.topParagraph(); got != p {
		t.Fatalf("reopened at paragraph %d, want %d", got, p)
	}
	if !m.starred(tb, qi) {
		t.Fatalf("quote %d lost its star", qi)
	}
	press(t, m, "L", "S")
	hs := m.lib.full.Hits()
	if len(hs) != 1 || hs[0].BriefingID != id || hs[0].QuoteIndex != qi || !hs[0].Starred {
		t.Fatalf("starred list %+v, want quote %d of briefing %d", hs, qi, id)
	}
	press(t, m, "enter")
	if m.tab() != tb || tb.currentQuote() != qi {
		t.Fatalf("the starred quote did not lead back to quote %d", qi)
	}
}

// TestLibraryEndToEndWatch: a briefing written into an indexed folder
// while the reader runs is re-indexed (through the watcher's message)
// and listed marked new.
func TestLibraryEndToEndWatch(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile(filepath.Join(briefingsDir, "india-japan-defence-misri-ani.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "library.db")
	db, err := library.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Index(context.Background(), []string{dir}, library.IndexOptions{Workers: 1}); err != nil {
		t.Fatal(err)
	}
	m := newLibModel(t, 120, 40, LibraryDB(db, library.IndexOptions{Workers: 1}))
	defer m.Close(context.Background())
	vance, err := os.ReadFile(filepath.Join(briefingsDir, "wh-vance-ohio-steelworkers-2025-07-29.txt"))
	if err != nil {
		t.Fatal(err)
	}
	added := filepath.Join(dir, "b.txt")
	if err := os.WriteFile(added, vance, 0o644); err != nil {
		t.Fatal(err)
	}
	send(t, m, watchBatchMsg{paths: []string{added}})
	checkNew(t, m, added)

	// A file removed from the folder leaves the library.
	if err := os.Remove(added); err != nil {
		t.Fatal(err)
	}
	send(t, m, watchBatchMsg{paths: []string{added}})
	if es := m.lib.pane.Entries(); len(es) != 1 || es[0].Path == added {
		t.Fatalf("after the removal the library lists %+v, want only the first file", es)
	}
}

// checkNew checks that the library lists two briefings, only added new.
func checkNew(t *testing.T, m *Model, added string) {
	t.Helper()
	es := m.lib.pane.Entries()
	if len(es) != 2 {
		t.Fatalf("%d briefings listed after the watcher's batch, want 2", len(es))
	}
	for _, e := range es {
		if (e.Path == added) != e.New {
			t.Errorf("%s: new = %v", e.Path, e.New)
		}
	}
	if view := plainView(m); !strings.Contains(view, "re-indexed 1 file that changed on disk") || !strings.Contains(view, " new ") {
		t.Fatalf("no note or new mark:\n%s", view)
	}
}

// TestLibraryEndToEndWatcher runs the real watcher: the folder comes from
// the library's roots, a file written into it comes back as a batch, is
// re-indexed and listed new.
func TestLibraryEndToEndWatcher(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile(filepath.Join(briefingsDir, "india-japan-defence-misri-ani.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	db, err := library.Open(context.Background(), filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Index(context.Background(), []string{dir}, library.IndexOptions{Workers: 1}); err != nil {
		t.Fatal(err)
	}
	// The deadline only keeps a broken watcher from hanging the test.
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	m := New(Options{Library: LibraryDB(db, library.IndexOptions{Workers: 1}), Theme: asciiTheme(), NoGlamour: true, Context: ctx})
	m.lib.idle = 0
	drain(t, m, m.listLibrary())
	send(t, m, tea.WindowSizeMsg{Width: 120, Height: 40})
	_, wait := m.Update(m.startWatch()())
	defer m.Close(context.Background())
	if m.lib.watcher == nil || wait == nil {
		t.Fatalf("no watcher started (%s)", m.status)
	}
	if !strings.Contains(plainView(m), "watching 1 folder") {
		t.Errorf("the status line does not say it watches:\n%s", plainView(m))
	}
	vance, err := os.ReadFile(filepath.Join(briefingsDir, "wh-vance-ohio-steelworkers-2025-07-29.txt"))
	if err != nil {
		t.Fatal(err)
	}
	added := filepath.Join(dir, "b.txt")
	if err := os.WriteFile(added, vance, 0o644); err != nil {
		t.Fatal(err)
	}
	batch := wait()
	b, ok := batch.(watchBatchMsg)
	if !ok || b.err != nil || len(b.paths) != 1 || b.paths[0] != added {
		t.Fatalf("watcher gave %#v", batch)
	}
	// The batch re-indexes, lists again, and waits for the next batch:
	// run all but the wait, which the watcher closed ends at once.
	_, cmd := m.Update(b)
	m.lib.watcher.Close()
	for _, c := range cmd().(tea.BatchMsg) {
		if msg := c(); msg != nil {
			if _, isWait := msg.(watchBatchMsg); !isWait {
				send(t, m, msg)
			}
		}
	}
	checkNew(t, m, added)
}

// TestLibraryTeaFlow drives the real program loop on a real library, as
// a person would: the Library comes up, enter opens the newest briefing,
// ] and s star a quote, q quits; then Close (what brief runs after the
// program) keeps the place, and the star was written while it ran.
func TestLibraryTeaFlow(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	path := indexTemp(t)
	db, err := library.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	m := New(Options{Library: LibraryDB(db, library.IndexOptions{Workers: 1}), Theme: asciiTheme(), NoGlamour: true, Context: t.Context()})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(120, 40))
	waitFor := outputWaiter(t, tm)
	waitFor("5 briefings · 5 unread")
	tm.Send(keyMsg("enter"))
	waitFor("Speakers")
	tm.Send(keyMsg("d"))
	tm.Send(keyMsg("d"))
	tm.Send(keyMsg("]"))
	tm.Send(keyMsg("s"))
	waitFor("starred; S lists")
	tm.Send(keyMsg("q"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(30*time.Second)).(*Model)
	tb := final.tab()
	qi, p := tb.currentQuote(), tb.topParagraph()
	if qi < 0 || p == 0 {
		t.Fatalf("quote %d, paragraph %d: the reader did not move", qi, p)
	}
	if err := final.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	stars, err := db.IsStarred(context.Background(), tb.libID)
	if err != nil || !stars[qi] {
		t.Fatalf("stars %v (%v), want quote %d", stars, err, qi)
	}
	es, err := db.Briefings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		if e.ID == tb.libID && (e.Position != p || e.Unread) {
			t.Fatalf("%s: position %d unread %v, want %d and read", e.Path, e.Position, e.Unread, p)
		}
	}
}
