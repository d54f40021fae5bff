package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/brief-reader/brief/internal/briefing"
	"github.com/brief-reader/brief/internal/ui/librarypane"
)

// pagedLibrary is a Library of n made-up entries (each opens as one of
// the bundled briefings) that lists a first page too, and counts the
// listings asked of it.
type pagedLibrary struct {
	*memLibrary
	n          int
	all, pages int
	seenAt     []time.Time
}

func newPagedLibrary(t *testing.T, n int) *pagedLibrary {
	return &pagedLibrary{memLibrary: newMemLibrary(t, briefingsDir), n: n}
}

func (l *pagedLibrary) entries() []librarypane.Entry {
	out := make([]librarypane.Entry, l.n)
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range out {
		id := int64(i + 1)
		out[i] = librarypane.Entry{ID: id, Path: fmt.Sprintf("/lib/b%04d.txt", id), Title: fmt.Sprintf("Briefing number %d", id),
			Date: start.AddDate(0, 0, -i), Quotes: i % 50, Unread: !l.opened[id]}
	}
	return out
}

func (l *pagedLibrary) Briefings(context.Context) ([]librarypane.Entry, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.all++
	return l.entries(), nil
}

func (l *pagedLibrary) FirstBriefings(_ context.Context, n int) ([]librarypane.Entry, librarypane.Head, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.pages++
	es := l.entries()
	h := librarypane.Head{Total: len(es)}
	for _, e := range es {
		if e.Unread {
			h.Unread++
		}
	}
	return es[:min(n, len(es))], h, nil
}

func (l *pagedLibrary) Briefing(ctx context.Context, id int64) (*briefing.Briefing, error) {
	return l.memLibrary.Briefing(ctx, (id-1)%int64(len(l.order))+1)
}

func (l *pagedLibrary) MarkSeen(_ context.Context, at time.Time) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.seenAt = append(l.seenAt, at)
	return nil
}

// newPagedModel opens the reader at w×h on lib, listing pages of n.
func newPagedModel(t *testing.T, w, h, n int, lib Library) *Model {
	t.Helper()
	m := New(Options{Library: lib, Theme: asciiTheme(), NoGlamour: true, Context: context.Background()})
	m.lib.idle, m.lib.page = 0, n
	send(t, m, tea.WindowSizeMsg{Width: w, Height: h})
	drain(t, m, m.Init())
	return m
}

// TestLibraryFirstPage: a long library shows its first page without
// reading the whole list, counted as the whole list; the whole list is
// read once the cursor nears the page's end, the cursor staying on its
// briefing, and only then is the time of the visit written (what was
// new before it has been read).
func TestLibraryFirstPage(t *testing.T) {
	lib := newPagedLibrary(t, 300)
	m := newPagedModel(t, 100, 20, 60, lib)
	view := plainView(m)
	for _, want := range []string{"300 briefings · 300 unread", "Library 300", "1/300", "Briefing number 1 "} {
		if !strings.Contains(view, want) {
			t.Fatalf("first page lacks %q:\n%s", want, view)
		}
	}
	if lib.pages != 1 || lib.all != 0 || len(lib.seenAt) != 0 {
		t.Fatalf("%d pages, %d whole lists read, %d visits written; want 1, 0, 0", lib.pages, lib.all, len(lib.seenAt))
	}
	// Opening one from the page and coming back lists the page again.
	press(t, m, "j", "enter", "L")
	if lib.all != 0 || lib.pages != 2 || m.lib.pane.Unread() != 299 {
		t.Fatalf("after opening one: %d whole lists, %d pages, %d unread; want 0, 2, 299", lib.all, lib.pages, m.lib.pane.Unread())
	}
	press(t, m, "pgdown", "pgdown")
	if lib.all != 0 {
		t.Fatalf("the whole list was read with the cursor at %d of a page of 60", m.lib.pane.List.Cursor)
	}
	press(t, m, "pgdown")
	cur := m.lib.pane.Current()
	if lib.all != 1 || m.lib.pane.Partial() || len(m.lib.pane.Entries()) != 300 {
		t.Fatalf("near the page's end: %d whole lists read, partial %v, %d entries; want 1, false, 300", lib.all, m.lib.pane.Partial(), len(m.lib.pane.Entries()))
	}
	if cur == nil || m.lib.pane.List.Cursor < 30 {
		t.Fatalf("the cursor left its briefing: %+v at %d", cur, m.lib.pane.List.Cursor)
	}
	if len(lib.seenAt) != 1 || !lib.seenAt[0].Before(time.Now()) {
		t.Fatalf("visits written %v, want one, at the first listing", lib.seenAt)
	}
	// The whole list is read from now on; the visit is not written again.
	press(t, m, "enter", "L")
	if lib.all != 2 || lib.pages != 2 || len(lib.seenAt) != 1 {
		t.Fatalf("after L: %d whole lists, %d pages, %d visits; want 2, 2, 1", lib.all, lib.pages, len(lib.seenAt))
	}
	if err := m.Close(context.Background()); err != nil || len(lib.seenAt) != 1 {
		t.Fatalf("Close: %v, %d visits written, want 1", err, len(lib.seenAt))
	}
}

// TestLibraryFirstPageFilter: the filter line reads the whole list, and
// what is typed filters it; a visit that reads only the first page
// writes its time on leaving.
func TestLibraryFirstPageFilter(t *testing.T) {
	lib := newPagedLibrary(t, 300)
	m := newPagedModel(t, 100, 20, 60, lib)
	press(t, m, "/")
	if lib.all != 1 {
		t.Fatalf("the filter line read %d whole lists, want 1", lib.all)
	}
	press(t, m, "type:number 250", "enter")
	shown := m.lib.pane.Shown()
	if len(shown) == 0 || shown[0].ID != 250 {
		t.Fatalf("filter on the whole list shows %v first, want briefing 250", shown)
	}

	lib = newPagedLibrary(t, 300)
	m = newPagedModel(t, 100, 20, 60, lib)
	if err := m.Close(context.Background()); err != nil || len(lib.seenAt) != 1 || lib.all != 0 {
		t.Fatalf("Close after a first page: %v, %d visits written, %d whole lists read; want 1 visit, no list", err, len(lib.seenAt), lib.all)
	}
}

// TestLibraryPreloaded: a first page read before the program is in the
// first frame (drawn after Init, before any command runs), and Init
// does not list the library again.
func TestLibraryPreloaded(t *testing.T) {
	lib := newPagedLibrary(t, firstPage+100)
	ll := PreloadLibrary(context.Background(), lib)
	if ll == nil {
		t.Fatal("no first page read")
	}
	m := New(Options{Library: lib, LibraryListing: ll, Width: 100, Height: 30, Theme: asciiTheme(), NoGlamour: true, Context: context.Background()})
	m.lib.idle = 0
	cmd := m.Init()
	view := plainView(m)
	checkFrame(t, view, 100, 30)
	for _, want := range []string{"300 briefings · 300 unread", "Briefing number 1 "} {
		if !strings.Contains(view, want) {
			t.Fatalf("first frame lacks %q:\n%s", want, view)
		}
	}
	drain(t, m, cmd)
	if lib.pages != 1 || lib.all != 0 {
		t.Fatalf("%d pages and %d whole lists read; want the one page read before", lib.pages, lib.all)
	}
	if PreloadLibrary(context.Background(), lib.memLibrary) != nil {
		t.Error("a library that cannot list a page was preloaded")
	}
}
