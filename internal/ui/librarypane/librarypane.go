// Package librarypane is the Library pane: every briefing in the library,
// newest first, with what is unread or new and how many quotes each has,
// filtered by a ranked fuzzy query that may hold date bounds
// (since:2025-01 until:2025-03-15).
package librarypane

import (
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/brief-reader/brief/internal/textclean"
	"github.com/brief-reader/brief/internal/ui/cell"
	"github.com/brief-reader/brief/internal/ui/pane"
	"github.com/brief-reader/brief/internal/ui/query"
	"github.com/brief-reader/brief/internal/ui/theme"
)

// Entry is a briefing as the Library lists it.
type Entry struct {
	ID                  int64
	Path, Title, Source string
	Date                time.Time // zero if unknown
	// DateText is the date as the briefing gives it, shown when Date is
	// unknown ("August 26", with no year).
	DateText string
	Quotes   int
	// Position is the paragraph the reader was left at.
	Position int
	// Unread: never opened; New: added or changed since the library was
	// last opened.
	Unread, New bool
}

// KeyMap is the Library pane's keys. Filter is handled by the root, which
// owns the text input; it is here so the pane's help shows it.
type KeyMap struct {
	pane.ScrollKeys
	Open, Filter key.Binding
}

// DefaultKeyMap is the Library pane's default keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		ScrollKeys: pane.DefaultScrollKeys(),
		Open:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Filter:     key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter, since:2025-01")),
	}
}

// ShortHelp implements help.KeyMap.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Open, k.Filter} }

// FullHelp implements help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Open, k.Filter}, k.ScrollKeys.Bindings()}
}

// OpenMsg asks for briefing ID to be opened in the reader.
type OpenMsg struct{ ID int64 }

// Marks, and the legend that says what they and the number are.
const (
	UnreadMark = "●"
	NewMark    = "new"
	Legend     = UnreadMark + " unread · " + NewMark + ": since last time · n: quotes"
	// shortLegend is the legend for a narrow list.
	shortLegend = UnreadMark + " unread · " + NewMark + " · n: quotes"
)

// dateLayout is how a date is shown.
const dateLayout = "2006-01-02"

// Model is the Library pane.
type Model struct {
	pane.Base
	KeyMap
	st      *theme.Styles
	entries []Entry
	// titles and places are what an entry is found by: date and title
	// first, then path and source; made once per list, not per key.
	titles, places []string
	dates          []time.Time
	query          string
	// bad is a date bound that could not be read.
	bad string
	// gen counts the lists and queries, to drop a filter result computed
	// in a command for an older one; pending is the query being filtered
	// there, "" when none is.
	gen     int
	pending string
	// keep is the briefing the cursor goes back to when a new list's
	// filter result comes; 0 puts it on the best match.
	keep int64
	// head is the count of the whole list while only its first page is
	// here (see NewPage), nil once the whole list is; toEnd: the last
	// key on the page went to its end.
	head  *Head
	toEnd bool
}

var (
	_ pane.Pane    = (*Model)(nil)
	_ pane.Pointer = (*Model)(nil)
)

// New makes the pane.
func New(st *theme.Styles) *Model {
	return &Model{st: st, KeyMap: DefaultKeyMap()}
}

// List is a library's briefings made ready for the pane: what each is
// found by, worked out once (in a command, for a long list) rather than
// in Update.
type List struct {
	entries        []Entry
	titles, places []string
	dates          []time.Time
	head           *Head
}

// Head is what the whole list tells while only its first page is listed:
// how many briefings, how many unread. (The count column is as wide as
// the page needs: it may widen when the whole list comes.)
type Head struct{ Total, Unread int }

// NewPage prepares the first entries of a longer list, newest first as
// given, for the first screen: the pane counts and lays them out as the
// whole list (h), and a filter waits for it (the next SetList).
func NewPage(entries []Entry, h Head) *List {
	l := NewList(entries)
	l.head = &h
	return l
}

// Partial reports whether the list is only the first page of one.
func (l *List) Partial() bool { return l.head != nil }

// NewList prepares entries, newest first as given.
func NewList(entries []Entry) *List {
	l := &List{entries: entries, titles: make([]string, len(entries)), places: make([]string, len(entries)), dates: make([]time.Time, len(entries))}
	for i := range entries {
		e := &entries[i]
		l.titles[i] = shownDate(e) + " " + textclean.Line(e.Title)
		l.places[i] = textclean.Line(e.Path) + " " + textclean.Line(e.Source)
		l.dates[i] = e.Date
	}
	return l
}

// Entries is the list's briefings.
func (l *List) Entries() []Entry { return l.entries }

// Total is how many briefings the whole list has.
func (l *List) Total() int {
	if l.head != nil {
		return l.head.Total
	}
	return len(l.entries)
}

// SetEntries is SetList(NewList(entries)).
func (m *Model) SetEntries(entries []Entry) tea.Cmd { return m.SetList(NewList(entries)) }

// SetList replaces the list, keeping the cursor on the briefing it was
// on. Under a query, a long list is filtered in a command (returned),
// the old list showing until the result comes.
func (m *Model) SetList(l *List) tea.Cmd {
	was := m.Current()
	m.keep = 0
	if was != nil {
		m.keep = was.ID
	}
	// The slices are never written again: a filter command may hold
	// them.
	m.entries, m.titles, m.places, m.dates = l.entries, l.titles, l.places, l.dates
	m.head = nil
	if l.head != nil {
		h := *l.head
		m.head = &h
	}
	if m.query != "" && len(m.entries) >= asyncEntries {
		m.gen++
		m.List.Items = nil
		m.pending = m.query
		return m.Filtered(DueMsg{gen: m.gen})
	}
	m.refilter(false)
	m.Show(m.keep)
	if m.toEnd && m.head == nil {
		m.List.Cursor = len(m.List.Items) - 1
		m.List.Clamp(m.Rows(), 1)
	}
	m.toEnd = m.toEnd && m.head != nil
	return nil
}

// Entries is every briefing listed, filtered or not.
func (m *Model) Entries() []Entry { return m.entries }

// Total is how many briefings the library holds: while only the first
// page is listed, more than Entries.
func (m *Model) Total() int {
	if m.head != nil {
		return m.head.Total
	}
	return len(m.entries)
}

// Partial reports whether only the first page of the list is here.
func (m *Model) Partial() bool { return m.head != nil }

// WantsAll reports whether the pane, listing only a first page, needs
// the whole list: for a filter, or for a cursor within two screens of
// the page's end.
func (m *Model) WantsAll() bool {
	return m.head != nil && (m.query != "" || m.List.Cursor >= len(m.List.Items)-2*m.Rows())
}

// Note implements pane.Pane: the cursor's place, of every briefing while
// only the first page is listed.
func (m *Model) Note() string {
	if m.head == nil || m.query != "" || !m.Focused() || len(m.List.Items) == 0 {
		return m.Base.Note()
	}
	return strconv.Itoa(min(m.List.Cursor+1, len(m.List.Items))) + "/" + strconv.Itoa(m.head.Total)
}

// Shown is the briefings the list shows, in order.
func (m *Model) Shown() []Entry {
	out := make([]Entry, 0, len(m.List.Items))
	for _, i := range m.List.Items {
		out = append(out, m.entries[i])
	}
	return out
}

// Current is the briefing under the cursor, or nil.
func (m *Model) Current() *Entry {
	if i := m.List.Current(); i >= 0 && i < len(m.entries) {
		return &m.entries[i]
	}
	return nil
}

// Entry is briefing id, or nil if the list does not have it.
func (m *Model) Entry(id int64) *Entry {
	for i := range m.entries {
		if m.entries[i].ID == id {
			return &m.entries[i]
		}
	}
	return nil
}

// Show puts the cursor on briefing id if it is listed.
func (m *Model) Show(id int64) {
	for r, i := range m.List.Items {
		if m.entries[i].ID == id {
			m.List.Cursor = r
			return
		}
	}
}

// MarkOpened clears the unread and new marks of briefing id.
func (m *Model) MarkOpened(id int64) {
	for i := range m.entries {
		if m.entries[i].ID == id {
			if m.head != nil && m.entries[i].Unread {
				m.head.Unread--
			}
			m.entries[i].Unread, m.entries[i].New = false, false
		}
	}
}

// Query is the list's filter.
func (m *Model) Query() string { return m.query }

// SetQuery filters the list: fzf terms over date and title (then path and
// source), and since:/until: date bounds.
func (m *Model) SetQuery(q string) {
	m.query = q
	m.refilter(true)
}

// asyncEntries is the list length from which typing filters in a command
// (after a pause in the typing), not in Update: ranking fourteen thousand
// titles takes longer than a key may.
const asyncEntries = 2000

// typePause is how long typing must pause before a long list is
// filtered.
const typePause = 120 * time.Millisecond

// DueMsg says a pause in typing has passed; FilteredMsg brings a filter
// result computed in a command. Both are for the pane's Filtered.
type (
	DueMsg      struct{ gen int }
	FilteredMsg struct {
		gen   int
		query string
		items []int
		bad   string
	}
)

// Type filters as the query is typed: now for a short list; for a long
// one, once typing pauses, in a command, while the title says the filter
// is pending.
func (m *Model) Type(q string) tea.Cmd {
	m.query = q
	m.gen++
	m.keep = 0
	if m.head != nil && q != "" {
		// Only the first page is here: the whole list's SetList filters.
		m.pending = q
		_, _, _, m.bad = parseBounds(q)
		return nil
	}
	if len(m.entries) < asyncEntries {
		m.pending = ""
		m.refilter(true)
		return nil
	}
	m.pending = q
	gen := m.gen
	return tea.Tick(typePause, func(time.Time) tea.Msg { return DueMsg{gen: gen} })
}

// Filtered takes a pause or a result for the pane: a pause starts the
// filter command (nil if the query changed since), a result is shown if
// it is for the query now.
func (m *Model) Filtered(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case DueMsg:
		if msg.gen != m.gen {
			return nil
		}
		titles, places, dates, q, gen := m.titles, m.places, m.dates, m.query, m.gen
		return func() tea.Msg {
			items, bad := rank(titles, places, dates, q)
			return FilteredMsg{gen: gen, query: q, items: items, bad: bad}
		}
	case FilteredMsg:
		if msg.gen != m.gen {
			return nil
		}
		m.List.Items, m.bad, m.pending = msg.items, msg.bad, ""
		m.List.Cursor, m.List.Offset = 0, 0
		m.Show(m.keep)
		m.List.Clamp(m.Rows(), 1)
	}
	return nil
}

// Pending is the query being filtered in a command, or "".
func (m *Model) Pending() string { return m.pending }

// BadDate is a date bound in the query that could not be read, or "".
func (m *Model) BadDate() string { return m.bad }

// refilter applies the query; with fresh, the cursor goes to the best
// match.
func (m *Model) refilter(fresh bool) {
	m.gen++
	m.pending = ""
	if m.head != nil && m.query != "" {
		m.pending = m.query
		m.List.Items = nil
		_, _, _, m.bad = parseBounds(m.query)
		return
	}
	m.List.Items, m.bad = rank(m.titles, m.places, m.dates, m.query)
	if fresh {
		m.List.Cursor, m.List.Offset = 0, 0
	}
	m.List.Clamp(m.Rows(), 1)
}

// rank filters the entries (by their titles, places and dates) with a
// query: date bounds first, then fzf terms ranked, title and date matches
// before path and source ones. It reads only what it is given, so it can
// run in a command.
func rank(titles, places []string, dates []time.Time, qs string) (items []int, bad string) {
	text, since, until, bad := parseBounds(qs)
	in := make([]int, 0, len(dates))
	for i, d := range dates {
		if inBounds(d, since, until) {
			in = append(in, i)
		}
	}
	q := query.Parse(text)
	ranked := q.Rank(len(in), func(k int) string { return titles[in[k]] }, func(k int) string { return places[in[k]] })
	items = make([]int, len(ranked))
	for k, r := range ranked {
		items[k] = in[r]
	}
	return items, bad
}

func inBounds(d, since, until time.Time) bool {
	if since.IsZero() && until.IsZero() {
		return true
	}
	if d.IsZero() {
		return false
	}
	return (since.IsZero() || !d.Before(since)) && (until.IsZero() || d.Before(until))
}

// parseBounds takes since:DATE and until:DATE out of a query. DATE is
// YYYY, YYYY-MM or YYYY-MM-DD; until includes the whole year, month or
// day it names. The rest of the query comes back as text.
func parseBounds(q string) (text string, since, until time.Time, bad string) {
	var rest []string
	for _, f := range strings.Fields(q) {
		lower := strings.ToLower(f)
		switch {
		case strings.HasPrefix(lower, "since:"):
			t, _, ok := parseDate(f[len("since:"):])
			if !ok {
				bad = f
				continue
			}
			since = t
		case strings.HasPrefix(lower, "until:"):
			_, end, ok := parseDate(f[len("until:"):])
			if !ok {
				bad = f
				continue
			}
			until = end
		default:
			rest = append(rest, f)
		}
	}
	return strings.Join(rest, " "), since, until, bad
}

// parseDate reads YYYY, YYYY-MM or YYYY-MM-DD: the start of that period
// and the start of the next. A bound still being typed ("2025-0") is not
// a date.
func parseDate(s string) (start, end time.Time, ok bool) {
	for _, f := range []struct {
		layout string
		next   func(time.Time) time.Time
	}{
		{"2006-01-02", func(t time.Time) time.Time { return t.AddDate(0, 0, 1) }},
		{"2006-01", func(t time.Time) time.Time { return t.AddDate(0, 1, 0) }},
		{"2006", func(t time.Time) time.Time { return t.AddDate(1, 0, 0) }},
	} {
		if len(s) != len(f.layout) {
			continue
		}
		if t, err := time.Parse(f.layout, s); err == nil {
			return t, f.next(t), true
		}
	}
	return time.Time{}, time.Time{}, false
}

func dateText(d time.Time) string {
	if d.IsZero() {
		return ""
	}
	return d.Format(dateLayout)
}

// shownDate is an entry's date as the list shows it: YYYY-MM-DD, else as
// the briefing writes it.
func shownDate(e *Entry) string {
	if d := dateText(e.Date); d != "" {
		return d
	}
	return textclean.Line(e.DateText)
}

// Update implements pane.Pane.
func (m *Model) Update(msg tea.KeyMsg) tea.Cmd {
	if m.List.Move(m.ScrollKeys, msg, m.Rows(), 1) {
		if m.head != nil {
			// On a first page, the end is the whole list's: the cursor
			// goes there when it comes.
			_, _, bottom, _ := m.ScrollKeys.Amount(msg, m.Rows())
			m.toEnd = bottom
		}
		return nil
	}
	if e := m.Current(); e != nil && key.Matches(msg, m.KeyMap.Open) {
		id := e.ID
		return func() tea.Msg { return OpenMsg{ID: id} }
	}
	return nil
}

// Title implements pane.Pane: how many are listed, of how many, and the
// filter.
func (m *Model) Title() string {
	s := "Library " + strconv.Itoa(m.Total())
	if m.pending != "" {
		return "Library … ~" + m.pending
	}
	if m.query != "" {
		s = "Library " + strconv.Itoa(len(m.List.Items)) + "/" + strconv.Itoa(len(m.entries)) + " ~" + m.query
	}
	return s
}

// Unread counts the briefings never opened.
func (m *Model) Unread() int {
	if m.head != nil {
		return m.head.Unread
	}
	n := 0
	for _, e := range m.entries {
		if e.Unread {
			n++
		}
	}
	return n
}

// View implements pane.Pane: the legend, then a row per briefing.
func (m *Model) View(w, h int) []string {
	empty := "The library is empty: brief index FOLDER adds briefings."
	switch {
	case m.bad != "":
		empty = "Cannot read the date in " + m.bad + " (YYYY, YYYY-MM or YYYY-MM-DD)."
	case m.pending != "":
		empty = "Filtering " + strconv.Itoa(m.Total()) + " briefings…"
	case len(m.entries) > 0:
		empty = "No briefing matches; esc clears the filter."
	}
	c := m.columns(w)
	legend := Legend
	if cell.Width(legend) > w {
		legend = shortLegend
	}
	return m.ViewList(m.st, w, h, empty, legend, func(i int, isCursor bool) string {
		return m.row(&m.entries[i], isCursor, c)
	})
}

// cols are a row's widths: cursor and mark (3), the date and a gap, the
// title, the new mark and the count.
type cols struct{ date, title, count int }

// dateMinWidth is the body width from which rows show the date.
const dateMinWidth = 40

// partialCountDigits is the count column's least width while only the
// first page is listed: wide enough for every briefing of the White House
// corpus (at most 783 quotes), so that the column seldom widens, and the
// titles shift, when the whole list arrives.
const partialCountDigits = 3

func (m *Model) columns(w int) cols {
	c := cols{count: 1}
	if m.Partial() {
		c.count = partialCountDigits
	}
	for _, e := range m.entries {
		c.count = max(c.count, len(strconv.Itoa(e.Quotes)))
	}
	if w >= dateMinWidth {
		c.date = len(dateLayout)
	}
	used := 3 + c.count + 1
	if c.date > 0 {
		used += c.date + 2
	}
	c.title = max(w-used, 0)
	return c
}

func (m *Model) row(e *Entry, isCursor bool, c cols) string {
	st := m.st
	var b strings.Builder
	b.WriteString(pane.CursorGlyph(st, isCursor, m.Focused()))
	if e.Unread {
		b.WriteString(st.Selected.S(UnreadMark))
	} else {
		b.WriteByte(' ')
	}
	b.WriteByte(' ')
	if c.date > 0 {
		d := cell.Clip(shownDate(e), c.date)
		b.WriteString(st.Muted.S(d) + cell.Spaces(c.date-cell.Width(d)+2))
	}
	title := textclean.Line(e.Title)
	if title == "" {
		title = textclean.Line(e.Path)
	}
	room := c.title
	mark := ""
	if e.New && room > 2*len(NewMark) {
		mark = " " + NewMark
		room -= len(mark)
	}
	title = cell.Clip(title, room)
	p := st.Text
	if isCursor || e.Unread {
		p = st.Bold
	}
	b.WriteString(p.S(title))
	if mark != "" {
		b.WriteString(st.Checked.S(mark))
	}
	b.WriteString(cell.Spaces(room - cell.Width(title)))
	count := strconv.Itoa(e.Quotes)
	b.WriteString(cell.Spaces(1 + c.count - len(count)))
	b.WriteString(st.Muted.S(count))
	return b.String()
}
