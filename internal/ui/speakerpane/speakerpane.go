// Package speakerpane is the Speakers pane: who speaks in the briefing,
// with their colour, role, and how many quotes and reported statements
// they have.
package speakerpane

import (
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

// KeyMap is the Speakers pane's keys. Filter is handled by the root,
// which owns the text input; it is here so the pane's help shows it.
type KeyMap struct {
	pane.ScrollKeys
	Only, Add, Filter key.Binding
	// All lists the speaker's quotes in every briefing of the library;
	// the root enables it when there is a library.
	All key.Binding
}

// DefaultKeyMap is the Speakers pane's default keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		ScrollKeys: pane.DefaultScrollKeys(),
		Only:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "only this speaker")),
		Add:        key.NewBinding(key.WithKeys(" "), key.WithHelp("space", "add to selection")),
		Filter:     key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter list")),
		All:        key.NewBinding(key.WithKeys("A"), key.WithHelp("A", "in all briefings"), key.WithDisabled()),
	}
}

// ShortHelp implements help.KeyMap.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Only, k.Add, k.Filter, k.All} }

// FullHelp implements help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Only, k.Add, k.Filter, k.All}, k.ScrollKeys.Bindings()}
}

// AllMsg asks for the quotes of the speaker named Name in every briefing
// of the library.
type AllMsg struct{ Name string }

// SelectMsg asks for speaker Index (a doc speaker index) to be the only
// one in the speaker filter (Only) or added to it or dropped from it, in
// the briefing the pane belongs to.
type SelectMsg struct {
	Owner, Index int
	Only         bool
}

// legend says what the numbers are.
const legend = "quotes +reported"

// Model is the Speakers pane.
type Model struct {
	pane.Base
	KeyMap
	st       *theme.Styles
	owner    int
	speakers []doc.Speaker
	// quotes and reported count each speaker's direct quotes and turns,
	// and their reported speech: what export's quotes and reported say.
	quotes, reported []int
	query            string
	sel              []bool
	current          int
}

var (
	_ pane.Pane    = (*Model)(nil)
	_ pane.Pointer = (*Model)(nil)
)

// New makes the pane for d; owner tags its messages.
func New(st *theme.Styles, d *doc.Doc, owner int) *Model {
	m := &Model{st: st, KeyMap: DefaultKeyMap(), owner: owner, speakers: d.Speakers, current: -1}
	m.quotes = make([]int, len(d.Speakers))
	m.reported = make([]int, len(d.Speakers))
	for qi, q := range d.B.Quotes {
		s := d.QuoteSpeaker[qi]
		if s < 0 {
			continue
		}
		if q.Kind == briefing.Reported {
			m.reported[s]++
		} else {
			m.quotes[s]++
		}
	}
	m.refilter()
	return m
}

// Query is the list's filter (fzf syntax).
func (m *Model) Query() string { return m.query }

// SetQuery filters the list.
func (m *Model) SetQuery(q string) {
	m.query = q
	m.refilter()
}

func (m *Model) refilter() {
	// Ranked: name matches before role matches, the best first, and the
	// cursor on it.
	q := query.Parse(m.query)
	idx := q.Rank(len(m.speakers), func(i int) string { return m.speakers[i].Name }, func(i int) string { return m.speakers[i].Role })
	m.List.Items = append(m.List.Items[:0], idx...)
	if !q.Empty() {
		m.List.Cursor, m.List.Offset = 0, 0
	}
}

// Items lists the doc speaker indices the list shows.
func (m *Model) Items() []int { return m.List.Items }

// SetSelected shows the speaker filter (by doc speaker index; nil for
// none).
func (m *Model) SetSelected(sel []bool) { m.sel = sel }

// SetCurrent marks the current speaker (-1 for none).
func (m *Model) SetCurrent(s int) { m.current = s }

// Show puts the cursor on speaker s if it is listed.
func (m *Model) Show(s int) {
	for i, x := range m.List.Items {
		if x == s {
			m.List.Cursor = i
			return
		}
	}
}

// Cursor is the doc speaker index under the cursor, or -1.
func (m *Model) Cursor() int { return m.List.Current() }

// Counts are speaker s's quotes (direct and turns) and reported
// statements, as the pane shows them.
func (m *Model) Counts(s int) (quotes, reported int) { return m.quotes[s], m.reported[s] }

// Update implements pane.Pane.
func (m *Model) Update(msg tea.KeyMsg) tea.Cmd {
	k := &m.KeyMap
	if !key.Matches(msg, k.Add) && m.List.Move(k.ScrollKeys, msg, m.Rows(), 1) {
		return nil
	}
	s := m.List.Current()
	if s < 0 {
		return nil
	}
	if k.All.Enabled() && key.Matches(msg, k.All) {
		all := AllMsg{Name: m.speakers[s].Name}
		return func() tea.Msg { return all }
	}
	only := key.Matches(msg, k.Only)
	if !only && !key.Matches(msg, k.Add) {
		return nil
	}
	sel := SelectMsg{Owner: m.owner, Index: s, Only: only}
	return func() tea.Msg { return sel }
}

// Title implements pane.Pane.
func (m *Model) Title() string {
	if m.query != "" {
		return "Speakers ~" + m.query
	}
	return "Speakers"
}

// count is a speaker's numbers as shown: "11 +9", "11", "+9".
func (m *Model) count(s int) string {
	q, r := m.quotes[s], m.reported[s]
	switch {
	case r == 0:
		return strconv.Itoa(q)
	case q == 0:
		return "+" + strconv.Itoa(r)
	}
	return strconv.Itoa(q) + " +" + strconv.Itoa(r)
}

// View implements pane.Pane: a legend, then per speaker the cursor, rank
// (the 1–9 key), colour swatch, name, role (or, for a voice that is not a
// person, its kind) and numbers. The current speaker's swatch is ▶, a
// selected speaker's ◆, one left out of the selection ○.
func (m *Model) View(w, h int) []string {
	empty := "No speakers."
	if m.query != "" {
		empty = "No speaker matches."
	}
	return m.ViewList(m.st, w, h, empty, legend, func(si int, cursor bool) string { return m.row(si, cursor, w) })
}

// prefixW is the cells before a name: cursor, rank, space, swatch, space.
const prefixW = 5

func (m *Model) row(si int, isCursor bool, w int) string {
	st := m.st
	s := m.speakers[si]
	var b strings.Builder
	b.WriteString(pane.CursorGlyph(st, isCursor, m.Focused()))
	rank := " "
	if s.Rank <= 9 {
		rank = strconv.Itoa(s.Rank)
	}
	b.WriteString(st.Muted.S(rank))
	b.WriteByte(' ')
	b.WriteString(st.Speaker(s.Colour).S(m.swatch(si)))
	b.WriteByte(' ')
	count := m.count(si)
	room := w - prefixW - len(count) - 1
	name := cell.Clip(s.Name, max(room, 0))
	nameP := st.Text
	if isCursor {
		nameP = st.Bold
	}
	b.WriteString(nameP.S(name))
	used := prefixW + cell.Width(name)
	role := s.Role
	if s.Kind != briefing.Person {
		// Questioners, roles, organisations, unnamed voices: say so.
		role = strings.TrimSpace(s.Kind.String() + " " + role)
	}
	// A role cut to a stub says nothing: show it only with room.
	if role != "" && room-cell.Width(name)-1 >= min(cell.Width(role), 8) {
		role = cell.Clip(role, room-cell.Width(name)-1)
		b.WriteString(" " + st.Muted.S(role))
		used += 1 + cell.Width(role)
	}
	b.WriteString(cell.Spaces(w - used - len(count)))
	b.WriteString(st.Muted.S(count))
	return cell.Fit(b.String(), w)
}

func (m *Model) swatch(si int) string {
	switch {
	case si == m.current:
		return "▶"
	case m.sel != nil && si < len(m.sel) && m.sel[si]:
		return "◆"
	case m.sel != nil:
		return "○"
	}
	return "●"
}
