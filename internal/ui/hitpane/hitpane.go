// Package hitpane shows quotes from across the library in the Quotes
// pane's place: a speaker's or a topic's quotes in every briefing, search
// results, the starred quotes. Each item names its briefing and date;
// enter opens the briefing at the quote.
package hitpane

import (
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/brief-reader/brief/internal/briefing"
	"github.com/brief-reader/brief/internal/textclean"
	"github.com/brief-reader/brief/internal/ui/cell"
	"github.com/brief-reader/brief/internal/ui/doc"
	"github.com/brief-reader/brief/internal/ui/pane"
	"github.com/brief-reader/brief/internal/ui/theme"
)

// ItemHeight is an item's height: who, when and where, then two lines of
// the quote.
const ItemHeight = 3

// Hit is a quote in some briefing of the library.
type Hit struct {
	BriefingID int64
	Title      string
	Date       time.Time // zero if unknown
	Speaker    string
	Kind       briefing.QuoteKind
	Text       string
	// QuoteIndex is the quote's index in its briefing's quotes;
	// Paragraph the paragraph it starts in.
	QuoteIndex, Paragraph int
	Starred               bool
}

// KeyMap is the pane's keys. Close is handled by the root (esc); it is
// here so the pane's help shows it.
type KeyMap struct {
	pane.ScrollKeys
	Open, Close key.Binding
}

// DefaultKeyMap is the pane's default keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		ScrollKeys: pane.DefaultScrollKeys(),
		Open:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open at this quote")),
		Close:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close list")),
	}
}

// ShortHelp implements help.KeyMap.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Open, k.Close} }

// FullHelp implements help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Open, k.Close}, k.ScrollKeys.Bindings()}
}

// OpenMsg asks for a briefing to be opened at one of its quotes.
type OpenMsg struct {
	BriefingID int64
	QuoteIndex int
	Paragraph  int
}

// PreviewMsg says the cursor moved onto a quote: the Reader shows it if
// its briefing is the one open, and focus stays in the list.
type PreviewMsg struct {
	BriefingID int64
	QuoteIndex int
}

// StarMark marks a starred quote.
const StarMark = "★"

// Model is the pane.
type Model struct {
	pane.Base
	KeyMap
	st    *theme.Styles
	what  string
	hits  []Hit
	empty string
}

var (
	_ pane.Pane    = (*Model)(nil)
	_ pane.Pointer = (*Model)(nil)
)

// New makes the pane for hits; what names them in the title ("Misri in
// all briefings"), empty is said when there are none.
func New(st *theme.Styles, what, empty string, hits []Hit) *Model {
	m := &Model{st: st, KeyMap: DefaultKeyMap(), what: what, hits: hits, empty: empty}
	for i := range hits {
		m.List.Items = append(m.List.Items, i)
	}
	return m
}

// What names the list.
func (m *Model) What() string { return m.what }

// Hits is the list.
func (m *Model) Hits() []Hit { return m.hits }

// Current is the hit under the cursor, or nil.
func (m *Model) Current() *Hit {
	if i := m.List.Current(); i >= 0 {
		return &m.hits[i]
	}
	return nil
}

// SetStarred marks or unmarks the hits of one quote.
func (m *Model) SetStarred(id int64, qi int, on bool) {
	for i := range m.hits {
		if m.hits[i].BriefingID == id && m.hits[i].QuoteIndex == qi {
			m.hits[i].Starred = on
		}
	}
}

// Update implements pane.Pane.
func (m *Model) Update(msg tea.KeyMsg) tea.Cmd {
	before := m.List.Cursor
	if m.List.Move(m.ScrollKeys, msg, m.Rows(), ItemHeight) {
		if h := m.Current(); h != nil && m.List.Cursor != before {
			p := PreviewMsg{BriefingID: h.BriefingID, QuoteIndex: h.QuoteIndex}
			return func() tea.Msg { return p }
		}
		return nil
	}
	if h := m.Current(); h != nil && key.Matches(msg, m.KeyMap.Open) {
		open := OpenMsg{BriefingID: h.BriefingID, QuoteIndex: h.QuoteIndex, Paragraph: h.Paragraph}
		return func() tea.Msg { return open }
	}
	return nil
}

// Click implements pane.Pointer: items are ItemHeight rows tall.
func (m *Model) Click(row int) { m.List.Cursor = m.List.Offset + row/ItemHeight }

// Wheel implements pane.Pointer.
func (m *Model) Wheel(delta int) { m.List.Cursor += delta; m.List.Clamp(m.Rows(), ItemHeight) }

// Title implements pane.Pane.
func (m *Model) Title() string { return m.what + " " + strconv.Itoa(len(m.hits)) }

// View implements pane.Pane: per quote, the speaker, date and briefing,
// then two lines of it.
func (m *Model) View(w, h int) []string {
	st := m.st
	lines := make([]string, 0, h)
	if len(m.hits) == 0 {
		lines = append(lines, cell.Fit(st.Muted.S(cell.Clip(m.empty, w)), w))
		return cell.Blank(lines, h-1, w)
	}
	m.SetRows(0, h)
	m.List.Clamp(h, ItemHeight)
	for i := m.List.Offset; i < len(m.hits) && len(lines)+ItemHeight <= h; i++ {
		lines = append(lines, m.item(&m.hits[i], w, i == m.List.Cursor)...)
	}
	return cell.Blank(lines, h-len(lines), w)
}

func (m *Model) item(hit *Hit, w int, isCursor bool) []string {
	st := m.st
	out := make([]string, 0, ItemHeight)
	var b strings.Builder
	b.WriteString(pane.CursorGlyph(st, isCursor, m.Focused()))
	if hit.Starred {
		b.WriteString(st.Selected.S(StarMark))
	} else {
		b.WriteString(st.Muted.S("▌"))
	}
	name := textclean.Line(hit.Speaker)
	if name == "" {
		name = "(no speaker)"
	}
	name = cell.Clip(name, max(w-2, 0))
	b.WriteString(st.Bold.S(name))
	rest := w - 2 - cell.Width(name)
	where := textclean.Line(hit.Title)
	if !hit.Date.IsZero() {
		where = hit.Date.Format("2006-01-02") + " " + where
	}
	if rest > 4 && where != "" {
		b.WriteString(st.Muted.S(" " + cell.Clip(where, rest-1)))
	}
	out = append(out, cell.Fit(b.String(), w))
	// Two lines of the quote; only the start of a long one is wrapped.
	text := hit.Text
	if len(text) > 4*w+16 {
		text = strings.ToValidUTF8(text[:4*w+16], "")
	}
	text = textclean.Line(text)
	tw := max(1, w-3)
	p := st.Text
	if hit.Kind == briefing.Direct {
		p = st.Quote
		text = "“" + text
	} else if hit.Kind == briefing.Reported {
		p = st.Reported
	}
	ranges := doc.Wrap(text, tw)
	for k := 0; k < 2; k++ {
		line := ""
		if k < len(ranges) {
			line = text[ranges[k].Start:ranges[k].End]
			if k == 1 && len(ranges) > 2 {
				line = cell.Clip(line+" …", tw)
			}
		}
		out = append(out, cell.Fit("  "+p.S(cell.Clip(line, tw))+" ", w))
	}
	return out
}
