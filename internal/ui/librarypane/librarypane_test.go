package librarypane

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/muesli/termenv"

	"github.com/brief-reader/brief/internal/ui/pane"
	"github.com/brief-reader/brief/internal/ui/theme"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// entries are newest first, as the library gives them.
func entries() []Entry {
	return []Entry{
		{ID: 5, Path: "/b/wh-2025-07-29.txt", Title: "Vice President on steel and jobs in Ohio", Date: day("2025-07-29"), Quotes: 41, Unread: true, New: true},
		{ID: 4, Path: "/b/mea-2025-03-14.txt", Title: "Weekly media briefing by the official spokesperson", Date: day("2025-03-14"), Quotes: 7},
		{ID: 3, Path: "/b/mea-2025-01-09.txt", Title: "Special briefing on the visit to Japan", Date: day("2025-01-09"), Quotes: 12, Unread: true},
		{ID: 2, Path: "/b/jp-2024-12-02.txt", Title: "記者会見 東京 — 日本語の題", Date: day("2024-12-02"), Quotes: 3},
		{ID: 1, Path: "/b/undated-leavitt.txt", Title: "Press gaggle aboard Air Force One 🛫", DateText: "Tuesday, August 26", Quotes: 120},
	}
}

func newPane() *Model {
	m := New(theme.NewStyles(theme.Theme{NoColor: true}))
	m.SetEntries(entries())
	m.Focus()
	m.View(60, 10)
	return m
}

func keyMsg(s string) tea.KeyMsg {
	switch s {
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "down":
		return tea.KeyMsg{Type: tea.KeyDown}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}
}

func ids(es []Entry) []int64 {
	var out []int64
	for _, e := range es {
		out = append(out, e.ID)
	}
	return out
}

// TestOpen: j moves down, enter asks to open the briefing under the
// cursor; G goes to the last.
func TestOpen(t *testing.T) {
	m := newPane()
	m.Update(keyMsg("j"))
	m.Update(keyMsg("down"))
	cmd := m.Update(keyMsg("enter"))
	if cmd == nil {
		t.Fatal("enter asked for nothing")
	}
	if got := cmd(); got != (OpenMsg{ID: 3}) {
		t.Fatalf("enter asked for %#v, want the third briefing (id 3)", got)
	}
	m.Update(keyMsg("G"))
	if e := m.Current(); e == nil || e.ID != 1 {
		t.Fatalf("G: cursor on %+v, want the last (id 1)", e)
	}
	if m.Note() != "5/5" {
		t.Errorf("note %q, want 5/5", m.Note())
	}
}

// TestFilterRanks ranks by title and date before path, puts the cursor on
// the best match, and keeps the list's order (newest first) without a
// query.
func TestFilterRanks(t *testing.T) {
	m := newPane()
	if got := ids(m.Shown()); fmt.Sprint(got) != "[5 4 3 2 1]" {
		t.Fatalf("no filter: %v, want newest first", got)
	}
	m.Update(keyMsg("j"))
	m.SetQuery("japan")
	got := ids(m.Shown())
	if len(got) == 0 || got[0] != 3 {
		t.Fatalf("japan: %v, want the Japan briefing first", got)
	}
	if e := m.Current(); e == nil || e.ID != 3 {
		t.Fatalf("cursor on %+v, want the best match", e)
	}
	m.SetQuery("'mea !japan")
	if got := ids(m.Shown()); fmt.Sprint(got) != "[4]" {
		t.Fatalf("'mea !japan: %v, want [4] (path match, negation)", got)
	}
	if !strings.Contains(m.Title(), "1/5") || !strings.Contains(m.Title(), "~'mea !japan") {
		t.Errorf("title %q does not say 1/5 and the query", m.Title())
	}
}

// TestDateBounds: since: and until: take YYYY, YYYY-MM or YYYY-MM-DD;
// until includes the period it names; undated briefings drop out under a
// bound; a bound not yet a date says so and filters nothing by date.
func TestDateBounds(t *testing.T) {
	cases := []struct {
		q    string
		want string
	}{
		{"since:2025", "[5 4 3]"},
		{"since:2025-03", "[5 4]"},
		{"until:2025-01", "[3 2]"},
		{"since:2025-01-09 until:2025-03-14", "[4 3]"},
		{"until:2024", "[2]"},
		{"since:2025 steel", "[5]"},
		{"SINCE:2025-07", "[5]"},
	}
	for _, c := range cases {
		m := newPane()
		m.SetQuery(c.q)
		if got := fmt.Sprint(ids(m.Shown())); got != c.want {
			t.Errorf("%q: %s, want %s", c.q, got, c.want)
		}
		if m.BadDate() != "" {
			t.Errorf("%q: bad date %q", c.q, m.BadDate())
		}
	}
	m := newPane()
	m.SetQuery("since:2025-0")
	if m.BadDate() != "since:2025-0" || len(m.Shown()) != 5 {
		t.Fatalf("since:2025-0: bad %q, %d shown; want it reported and all 5 shown", m.BadDate(), len(m.Shown()))
	}
	m.SetQuery("since:2025-0 zzzz")
	view := ansi.Strip(strings.Join(m.View(60, 6), "\n"))
	if !strings.Contains(view, "since:2025-0") {
		t.Errorf("the empty list does not name the bad date:\n%s", view)
	}
}

// TestMarks: unread briefings carry the mark and new ones the word, a
// legend says what they are, and opening one clears both; SetEntries
// keeps the cursor on its briefing when the list changes under it.
func TestMarks(t *testing.T) {
	m := newPane()
	lines := m.View(60, 7)
	view := ansi.Strip(strings.Join(lines, "\n"))
	if !strings.Contains(lines[0], "unread") || !strings.Contains(lines[0], "quotes") {
		t.Fatalf("no legend on the first row:\n%s", view)
	}
	row := ansi.Strip(lines[1])
	if !strings.Contains(row, UnreadMark) || !strings.Contains(row, " "+NewMark) || !strings.HasSuffix(row, "41") {
		t.Fatalf("first row %q lacks the unread mark, new or its count", row)
	}
	if m.Unread() != 2 {
		t.Fatalf("Unread = %d, want 2", m.Unread())
	}
	m.MarkOpened(5)
	row = ansi.Strip(m.View(60, 7)[1])
	if strings.Contains(row, UnreadMark) || strings.Contains(row, " "+NewMark) {
		t.Fatalf("opened, still marked: %q", row)
	}
	m.Update(keyMsg("j"))
	m.Update(keyMsg("j")) // on id 3
	es := append([]Entry{{ID: 9, Title: "Just in", Date: day("2025-08-01"), New: true}}, entries()...)
	m.SetEntries(es)
	if e := m.Current(); e == nil || e.ID != 3 {
		t.Fatalf("after a new briefing came in, cursor on %+v; want it still on id 3", e)
	}
}

// TestViewSize: every size gives exactly h rows of w cells, CJK and emoji
// titles included.
func TestViewSize(t *testing.T) {
	m := newPane()
	for w := 1; w <= 90; w += 7 {
		for h := 1; h <= 12; h++ {
			lines := m.View(w, h)
			if len(lines) != h {
				t.Fatalf("%d×%d: %d rows", w, h, len(lines))
			}
			for i, l := range lines {
				if n := ansi.StringWidth(l); n != w {
					t.Fatalf("%d×%d: row %d is %d cells: %q", w, h, i, n, l)
				}
			}
		}
	}
}

// TestGolden pins the pane in its frame at 80×24 and 120×40, cursor on
// the second briefing. Regenerate with -update.
func TestGolden(t *testing.T) {
	st := theme.NewStyles(theme.Resolve(theme.Dark, func(string) string { return "" }, termenv.Ascii))
	for _, sz := range [][2]int{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			m := New(st)
			m.SetEntries(entries())
			m.Focus()
			f := pane.Frame{W: sz[0], H: sz[1]}
			iw, ih := f.Inner()
			m.View(iw, ih)
			m.Update(keyMsg("j"))
			out := strings.Join(f.Draw(st, m.Title(), m.Note(), m.View(iw, ih), m.Focused()), "\n")
			golden.RequireEqual(t, []byte(out))
		})
	}
}

// TestTypeLongList: a long list filters in a command once typing pauses,
// the title saying so meanwhile; a pause or result for an older query is
// dropped; the result is what SetQuery gives.
func TestTypeLongList(t *testing.T) {
	var es []Entry
	for i := 0; i < asyncEntries+10; i++ {
		es = append(es, Entry{ID: int64(i + 1), Title: fmt.Sprintf("Briefing number %d on trade", i), Date: day("2025-01-01").AddDate(0, 0, -i)})
	}
	m := New(theme.NewStyles(theme.Theme{NoColor: true}))
	m.SetEntries(es)
	m.View(60, 10)
	old := m.Type("number 1")
	cmd := m.Type("number 12 since:2024-12")
	if old == nil || cmd == nil {
		t.Fatal("typing in a long list filtered in Update")
	}
	if m.Title() != "Library … ~number 12 since:2024-12" || len(m.Shown()) != len(es) {
		t.Fatalf("pending: title %q, %d shown", m.Title(), len(m.Shown()))
	}
	if m.Filtered(old()) != nil {
		t.Fatal("the pause of an older query started a filter")
	}
	run := m.Filtered(cmd())
	if run == nil {
		t.Fatal("the pause started no filter")
	}
	res := run()
	m.Type("zzz")
	if m.Filtered(res); m.Pending() != "zzz" {
		t.Fatal("a result for an older query was shown")
	}
	m.Type("number 12 since:2024-12")
	m.Filtered(m.Filtered(DueMsg{gen: m.gen})())
	got := ids(m.Shown())
	m.SetQuery("number 12 since:2024-12")
	if want := ids(m.Shown()); len(got) == 0 || fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("command gave %v, SetQuery %v", got, want)
	}
	if m.Pending() != "" || !strings.Contains(m.Title(), "~number 12") {
		t.Fatalf("after the result: pending %q, title %q", m.Pending(), m.Title())
	}
}

// TestSetListLongFiltered: a new long list under a query is filtered in a
// command, and the cursor comes back to the briefing it was on.
func TestSetListLongFiltered(t *testing.T) {
	var es []Entry
	for i := 0; i < asyncEntries+10; i++ {
		es = append(es, Entry{ID: int64(i + 1), Title: fmt.Sprintf("Briefing %d", i)})
	}
	m := New(theme.NewStyles(theme.Theme{NoColor: true}))
	m.SetEntries(es)
	m.View(60, 10)
	m.SetQuery("'briefing 1")
	m.Update(keyMsg("j"))
	was := m.Current().ID
	cmd := m.SetEntries(append([]Entry{{ID: 99999, Title: "Briefing 1 again"}}, es...))
	if cmd == nil || m.Pending() == "" {
		t.Fatal("a long list under a query was filtered in Update")
	}
	m.Filtered(cmd())
	if e := m.Current(); e == nil || e.ID != was {
		t.Fatalf("cursor on %+v, want it back on %d", e, was)
	}
}

// TestPage: the first page of a longer list counts as the whole list
// (title, unread, the cursor's place), waits for the whole list to
// filter, and asks for it near the page's end.
func TestPage(t *testing.T) {
	all := entries()
	m := New(theme.NewStyles(theme.Theme{NoColor: true}))
	m.Focus()
	m.SetList(NewPage(all[:2], Head{Total: 5, Unread: 2}))
	m.View(60, 30)
	if !m.Partial() || m.Total() != 5 || m.Unread() != 2 || len(m.Entries()) != 2 {
		t.Fatalf("page: partial %v total %d unread %d entries %d, want true 5 2 2", m.Partial(), m.Total(), m.Unread(), len(m.Entries()))
	}
	if got := m.Title(); got != "Library 5" {
		t.Errorf("title %q, want Library 5", got)
	}
	if got := m.Note(); got != "1/5" {
		t.Errorf("note %q, want 1/5", got)
	}
	if !m.WantsAll() {
		t.Error("a page shorter than two screens does not ask for the whole list")
	}
	m.MarkOpened(5)
	if m.Unread() != 1 {
		t.Errorf("unread %d after opening an unread briefing, want 1", m.Unread())
	}
	if cmd := m.Type("japan"); cmd != nil || m.Pending() != "japan" {
		t.Fatalf("typing on a page: cmd %v, pending %q; want no command, pending", cmd, m.Pending())
	}
	if got := m.Title(); got != "Library … ~japan" {
		t.Errorf("title while waiting %q", got)
	}
	m.SetList(NewPage(all[:2], Head{Total: 5, Unread: 2})) // listed again, under the query
	if view := ansi.Strip(strings.Join(m.View(60, 10), "\n")); !strings.Contains(view, "Filtering 5 briefings…") {
		t.Errorf("a page under a query, waiting for the whole list, shows\n%s", view)
	}
	m.SetList(NewList(all))
	if m.Partial() || m.Pending() != "" || len(m.Shown()) != 1 || m.Shown()[0].ID != 3 {
		t.Fatalf("whole list under a query: partial %v pending %q shown %v, want the Japan briefing", m.Partial(), m.Pending(), m.Shown())
	}
	if m.WantsAll() {
		t.Error("the whole list asks for the whole list")
	}
}

// TestPageEnd: the end key on a first page goes, once the whole list
// comes, to the end of the whole list.
func TestPageEnd(t *testing.T) {
	all := entries()
	m := New(theme.NewStyles(theme.Theme{NoColor: true}))
	m.Focus()
	m.SetList(NewPage(all[:2], Head{Total: 5, Unread: 2}))
	m.View(60, 30)
	m.Update(tea.KeyMsg{Type: tea.KeyEnd})
	m.SetList(NewList(all))
	if e := m.Current(); e == nil || e.ID != all[len(all)-1].ID {
		t.Fatalf("cursor on %+v after end and the whole list, want the last briefing", e)
	}
	// Any other key after it keeps the cursor on its briefing.
	m.SetList(NewPage(all[:3], Head{Total: 5}))
	m.Update(tea.KeyMsg{Type: tea.KeyEnd})
	m.Update(tea.KeyMsg{Type: tea.KeyUp})
	m.SetList(NewList(all))
	if e := m.Current(); e == nil || e.ID != all[1].ID {
		t.Fatalf("cursor on %+v, want the briefing it was on (%d)", e, all[1].ID)
	}
}

// TestPageKeepsColumns: the first page's rows keep their layout when the
// whole list comes, here with a three-digit count the page did not hold:
// the titles do not shift.
func TestPageKeepsColumns(t *testing.T) {
	all := entries() // the last, not on the page, has 120 quotes
	m := New(theme.NewStyles(theme.Theme{NoColor: true}))
	m.Focus()
	m.SetList(NewPage(all[:2], Head{Total: 5, Unread: 2}))
	row := func() string {
		for _, l := range m.View(60, 10) {
			if l := ansi.Strip(l); strings.Contains(l, "Vice President") {
				return l
			}
		}
		t.Fatal("no row for the first briefing")
		return ""
	}
	before := row()
	m.SetList(NewList(all))
	if after := row(); after != before {
		t.Errorf("the first row changed when the whole list came:\n%q\n%q", before, after)
	}
}
