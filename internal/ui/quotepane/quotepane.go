// Package quotepane is the Quotes pane: every quote under the current
// filters, with its speaker and place, filtered further by its own query.
package quotepane

import (
	"sort"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/brief-reader/brief/internal/briefing"
	"github.com/brief-reader/brief/internal/ui/cell"
	"github.com/brief-reader/brief/internal/ui/doc"
	"github.com/brief-reader/brief/internal/ui/pane"
	"github.com/brief-reader/brief/internal/ui/query"
	"github.com/brief-reader/brief/internal/ui/theme"
)

// ItemHeight is the height of an item: who and where, then two lines of
// the quote.
const ItemHeight = 3

// KeyMap is the Quotes pane's keys. Filter is handled by the root, which
// owns the text input; it is here so the pane's help shows it.
type KeyMap struct {
	pane.ScrollKeys
	Show, Filter key.Binding
}

// DefaultKeyMap is the Quotes pane's default keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		ScrollKeys: pane.DefaultScrollKeys(),
		Show:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "show in reader")),
		Filter:     key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter list")),
	}
}

// ShortHelp implements help.KeyMap.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Show, k.Filter} }

// FullHelp implements help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Show, k.Filter}, k.ScrollKeys.Bindings()}
}

// ShowMsg asks for quote Quote to be shown in the Reader of the briefing
// the pane belongs to: as a preview while the cursor moves (focus stays in
// Quotes), or for good on enter.
type ShowMsg struct {
	Owner, Quote int
	Preview      bool
}

// Model is the Quotes pane.
type Model struct {
	pane.Base
	KeyMap
	st    *theme.Styles
	owner int
	d     *doc.Doc
	// base is the quotes the reader shows (before the pane's query);
	// filtered says whether the reader's filters are on.
	base     []int
	filtered bool
	query    string
	current  int
	// cache keeps results per query for the current base, whose
	// generation is gen; pending is a query being filtered in a command.
	cache   map[string][]int
	gen     int
	pending string
}

var (
	_ pane.Pane    = (*Model)(nil)
	_ pane.Pointer = (*Model)(nil)
)

// New makes the pane for d; owner tags its messages.
func New(st *theme.Styles, d *doc.Doc, owner int) *Model {
	return &Model{KeyMap: DefaultKeyMap(), st: st, owner: owner, d: d, current: -1}
}

// SetBase sets the quotes the reader shows and refilters now; filtered
// says whether the reader's filters are on (for the empty message).
func (m *Model) SetBase(quotes []int, filtered bool) {
	m.base, m.filtered = quotes, filtered
	m.cache = nil
	m.gen++
	m.pending = ""
	m.filterNow()
}

// Query is the pane's own filter (fzf syntax).
func (m *Model) Query() string { return m.query }

// SetQuery filters now.
func (m *Model) SetQuery(q string) {
	m.query = q
	m.filterNow()
}

// Type filters as the query is typed: in a command when the list is long.
func (m *Model) Type(q string) tea.Cmd {
	m.query = q
	return m.filterLater()
}

// Items lists the quotes shown.
func (m *Model) Items() []int { return m.List.Items }

// Pending is a query being filtered in a command, or "".
func (m *Model) Pending() string { return m.pending }

// Cursor is the quote under the cursor, or -1.
func (m *Model) Cursor() int { return m.List.Current() }

// Show puts the cursor on quote qi if it is listed.
func (m *Model) Show(qi int) {
	for i, x := range m.List.Items {
		if x == qi {
			m.List.Cursor = i
			return
		}
	}
}

// SetCurrent marks the Reader's current quote (-1 for none).
func (m *Model) SetCurrent(qi int) { m.current = qi }

// Update implements pane.Pane.
func (m *Model) Update(msg tea.KeyMsg) tea.Cmd {
	before := m.List.Current()
	if m.List.Move(m.ScrollKeys, msg, m.Rows(), ItemHeight) {
		if qi := m.List.Current(); qi >= 0 && qi != before {
			return m.show(qi, true)
		}
		return nil
	}
	if qi := m.List.Current(); qi >= 0 && key.Matches(msg, m.KeyMap.Show) {
		return m.show(qi, false)
	}
	return nil
}

func (m *Model) show(qi int, preview bool) tea.Cmd {
	msg := ShowMsg{Owner: m.owner, Quote: qi, Preview: preview}
	return func() tea.Msg { return msg }
}

// Click implements pane.Pointer: items are ItemHeight rows tall.
func (m *Model) Click(row int) { m.List.Cursor = m.List.Offset + row/ItemHeight }

// Wheel implements pane.Pointer.
func (m *Model) Wheel(delta int) { m.List.Cursor += delta; m.List.Clamp(m.Rows(), ItemHeight) }

// Title implements pane.Pane: the count and the query.
func (m *Model) Title() string {
	s := "Quotes " + strconv.Itoa(len(m.List.Items))
	if m.pending != "" {
		s = "Quotes … ~" + m.pending
	} else if m.query != "" {
		s += " ~" + m.query
	}
	return s
}

// View implements pane.Pane: per quote, the speaker and section, then two
// lines of it.
func (m *Model) View(w, h int) []string {
	st := m.st
	lines := make([]string, 0, h)
	if len(m.List.Items) == 0 {
		msg := "No quotes."
		if m.query != "" || m.filtered {
			msg = "No quote matches the filters."
		}
		lines = append(lines, cell.Fit(st.Muted.S(cell.Clip(msg, w)), w))
		return cell.Blank(lines, h-1, w)
	}
	m.SetRows(0, h)
	m.List.Clamp(h, ItemHeight)
	for i := m.List.Offset; i < len(m.List.Items) && len(lines)+ItemHeight <= h; i++ {
		qi := m.List.Items[i]
		// The section title is shown where the section changes (and on
		// the first row), not repeated on every quote under it.
		full := i == m.List.Offset || m.d.B.Quotes[m.List.Items[i-1]].Section != m.d.B.Quotes[qi].Section
		lines = append(lines, item(st, m.d, qi, w, i == m.List.Cursor, m.Focused(), qi == m.current, full)...)
	}
	return cell.Blank(lines, h-len(lines), w)
}

// filterNow applies the query, now. Results are kept per query while the
// base list stays the same, and a query that only adds to a kept one
// (without negations, which do not narrow) filters that one's result:
// typing narrows instead of starting over at each letter.
func (m *Model) filterNow() {
	if items, ok := m.cached(); ok {
		m.setItems(items)
		return
	}
	qs, base := m.query, m.narrowest()
	m.keep(qs, FilterList(m.d, base, qs))
	m.setItems(m.cache[qs])
}

// setItems lists a filter's result: under a query, ranked, with the
// cursor on the best match.
func (m *Model) setItems(items []int) {
	m.List.Items = append(m.List.Items[:0], items...)
	if m.query != "" {
		m.List.Cursor, m.List.Offset = 0, 0
	}
}

// asyncFilterBytes is how much quote text a filter goes through in
// Update; more (a long transcript's first letters) goes to a command.
const asyncFilterBytes = 256 << 10

// FilteredMsg brings a Quotes filter result computed in a command.
type FilteredMsg struct {
	Owner, gen int
	query      string
	items      []int
}

// filterLater is filterNow for typing: when the list is long
// it filters in a command and the pane keeps its items until the result
// arrives (tagged with the tab, the base list's generation and the query;
// a result for a query since changed is kept for narrowing, not shown).
func (m *Model) filterLater() tea.Cmd {
	if items, ok := m.cached(); ok {
		m.setItems(items)
		m.pending = ""
		return nil
	}
	qs, base := m.query, m.narrowest()
	n := 0
	for _, qi := range base {
		n += len(m.d.B.Quotes[qi].Text)
	}
	if n <= asyncFilterBytes {
		m.filterNow()
		m.pending = ""
		return nil
	}
	m.pending = qs
	d, id, gen := m.d, m.owner, m.gen
	base = append([]int(nil), base...)
	return func() tea.Msg {
		return FilteredMsg{Owner: id, gen: gen, query: qs, items: FilterList(d, base, qs)}
	}
}

// Filtered takes in a filter result from a command.
func (m *Model) Filtered(msg FilteredMsg) {
	if msg.gen != m.gen {
		return
	}
	m.keep(msg.query, msg.items)
	if msg.query == m.query {
		m.setItems(msg.items)
		m.pending = ""
	}
}

func (m *Model) cached() ([]int, bool) {
	items, ok := m.cache[m.query]
	return items, ok
}

// quoteBase is the smallest kept result the current query narrows.
func (m *Model) narrowest() []int {
	qs := m.query
	base := m.base
	if strings.Contains(qs, "!") {
		return base
	}
	best := -1
	for prev, items := range m.cache {
		if len(prev) > best && strings.HasPrefix(qs, prev) && !strings.Contains(prev, "!") {
			best, base = len(prev), items
		}
	}
	return base
}

func (m *Model) keep(qs string, items []int) {
	if m.cache == nil || len(m.cache) > 64 {
		m.cache = make(map[string][]int)
	}
	m.cache[qs] = items
}

// FilterList filters quotes (indices into d's quotes) by an fzf-style
// query over speaker and text, ranked as fzf ranks: quotes whose speaker
// matches first, then those that match only with their text; within each,
// the best fuzzy score first (a term typed as it stands in the text beats
// scattered letters), and ties in reading order. It reads only the
// immutable doc.
func FilterList(d *doc.Doc, base []int, qs string) []int {
	q := query.Parse(qs)
	if !sort.SliceIsSorted(base, func(a, b int) bool { return d.OrderPos[base[a]] < d.OrderPos[base[b]] }) {
		// A kept result being narrowed is in rank order: ties go back
		// to reading order.
		base = append([]int(nil), base...)
		sort.Slice(base, func(a, b int) bool { return d.OrderPos[base[a]] < d.OrderPos[base[b]] })
	}
	name := func(i int) string {
		if s := d.QuoteSpeaker[base[i]]; s >= 0 {
			return d.Speakers[s].Name + ":"
		}
		return ":"
	}
	idx := q.Rank(len(base), name, func(i int) string { return d.B.Quotes[base[i]].Text })
	items := make([]int, 0, len(idx))
	for _, i := range idx {
		items = append(items, base[i])
	}
	return items
}

// item draws a quote: who and where (the section's number, and its title
// when titled), then two lines of it.
func item(st *theme.Styles, d *doc.Doc, qi, w int, isCursor, focused, current, titled bool) []string {
	q := d.B.Quotes[qi]
	out := make([]string, 0, ItemHeight)
	colour := theme.NoSpeaker
	name := q.Speaker
	if s := d.QuoteSpeaker[qi]; s >= 0 {
		colour, name = d.Speakers[s].Colour, d.Speakers[s].Name
	}
	var b strings.Builder
	b.WriteString(pane.CursorGlyph(st, isCursor, focused))
	if current {
		b.WriteString(st.Selected.S("▶"))
	} else {
		b.WriteString(st.Speaker(colour).S("▌"))
	}
	where := ""
	if !d.Implicit && q.Section >= 0 && q.Section < len(d.Sections) {
		where = "§" + strconv.Itoa(q.Section+1)
		if titled {
			where += " " + d.SectionTitle(q.Section)
		}
	} else {
		where = "¶" + strconv.Itoa(q.Paragraph+1)
	}
	nameC := cell.Clip(name, max(w-2, 0))
	b.WriteString(st.SpeakerBold(colour).S(nameC))
	rest := w - 2 - cell.Width(nameC)
	if rest > 4 {
		b.WriteString(st.Muted.S(" " + cell.Clip(where, rest-1)))
	}
	out = append(out, cell.Fit(b.String(), w))
	// Two lines of the quote; only the start of a long one is wrapped.
	text := q.Text
	if len(text) > 4*w+16 {
		text = strings.ToValidUTF8(text[:4*w+16], "")
	}
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\n\n", " "), "\n", " ")
	tw := max(1, w-3)
	p := st.Text
	open, closeQ := "", ""
	switch q.Kind {
	case briefing.Direct:
		p = st.Quote
		open, closeQ = "“", "”"
	case briefing.Reported:
		p = st.Reported
	}
	text = open + text
	ranges := doc.Wrap(text, tw)
	for k := 0; k < 2; k++ {
		line := ""
		if k < len(ranges) {
			line = text[ranges[k].Start:ranges[k].End]
			if k == 1 && len(ranges) > 2 {
				line = cell.Clip(line+" …", tw)
			} else if k == len(ranges)-1 && closeQ != "" && len(text) == len(open)+len(q.Text) {
				line += closeQ
			}
		}
		out = append(out, cell.Fit("  "+p.S(cell.Clip(line, tw))+" ", w))
	}
	return out
}
