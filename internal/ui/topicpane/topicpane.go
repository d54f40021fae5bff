// Package topicpane is the Topics pane: the briefing's topics with their
// share of the words and the number of quotes a filter on each keeps.
package topicpane

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/brief-reader/brief/internal/briefing"
	"github.com/brief-reader/brief/internal/textclean"
	"github.com/brief-reader/brief/internal/ui/cell"
	"github.com/brief-reader/brief/internal/ui/pane"
	"github.com/brief-reader/brief/internal/ui/theme"
)

// KeyMap is the Topics pane's keys.
type KeyMap struct {
	pane.ScrollKeys
	Toggle key.Binding
	// All lists the topic's quotes in every briefing of the library; the
	// root enables it when there is a library.
	All key.Binding
}

// DefaultKeyMap is the Topics pane's default keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		ScrollKeys: pane.DefaultScrollKeys(),
		Toggle:     key.NewBinding(key.WithKeys("enter", " "), key.WithHelp("enter/space", "add or drop this topic")),
		All:        key.NewBinding(key.WithKeys("A"), key.WithHelp("A", "in all briefings"), key.WithDisabled()),
	}
}

// ShortHelp implements help.KeyMap.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.Toggle, k.All} }

// FullHelp implements help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Toggle, k.All}, k.ScrollKeys.Bindings()}
}

// AllMsg asks for the quotes on topic ID (labelled Label) in every
// briefing of the library.
type AllMsg struct{ ID, Label string }

// ToggledMsg asks for topic ID to be added to the topic filter or dropped
// from it, in the briefing the pane belongs to.
type ToggledMsg struct {
	Owner int
	ID    string
}

// legend says what the bar and the number are.
const legend = "bar: words · n: quotes"

// Model is the Topics pane.
type Model struct {
	pane.Base
	KeyMap
	st     *theme.Styles
	owner  int
	topics []briefing.TopicShare
	counts []int
	sel    map[string]bool
}

var (
	_ pane.Pane    = (*Model)(nil)
	_ pane.Pointer = (*Model)(nil)
)

// New makes the pane for briefing b; owner tags its messages.
func New(st *theme.Styles, b *briefing.Briefing, owner int) *Model {
	m := &Model{st: st, KeyMap: DefaultKeyMap(), owner: owner, topics: b.Topics}
	for i, tp := range b.Topics {
		m.counts = append(m.counts, briefing.CountOnTopic(b, tp.ID))
		m.List.Items = append(m.List.Items, i)
	}
	return m
}

// SetSelected shows which topics the filter holds.
func (m *Model) SetSelected(ids []string) {
	m.sel = make(map[string]bool, len(ids))
	for _, id := range ids {
		m.sel[id] = true
	}
}

// Count is the number of quotes on topic id, as the pane shows it.
func (m *Model) Count(id string) int {
	for i, tp := range m.topics {
		if tp.ID == id {
			return m.counts[i]
		}
	}
	return 0
}

// Update implements pane.Pane.
func (m *Model) Update(msg tea.KeyMsg) tea.Cmd {
	if !key.Matches(msg, m.KeyMap.Toggle) && m.List.Move(m.KeyMap.ScrollKeys, msg, m.Rows(), 1) {
		return nil
	}
	if i := m.List.Current(); i >= 0 && m.KeyMap.All.Enabled() && key.Matches(msg, m.KeyMap.All) {
		all := AllMsg{ID: m.topics[i].ID, Label: Label(m.topics[i])}
		return func() tea.Msg { return all }
	}
	if i := m.List.Current(); i >= 0 && key.Matches(msg, m.KeyMap.Toggle) {
		owner, id := m.owner, m.topics[i].ID
		return func() tea.Msg { return ToggledMsg{Owner: owner, ID: id} }
	}
	return nil
}

// Title implements pane.Pane.
func (m *Model) Title() string { return "Topics" }

// columns are the widths of a row's parts for a body w cells wide: the
// cursor and check (3), label, bar, a space and the count.
func (m *Model) columns(w int) (labelW, barW, countW int) {
	barW = cell.Clamp((w-10)/3, 3, 10)
	countW = 1
	for _, n := range m.counts {
		countW = max(countW, len(strconv.Itoa(n)))
	}
	labelW = max(w-3-barW-1-countW, 0)
	return labelW, barW, countW
}

// View implements pane.Pane: a legend (the bar is the topic's share of
// the words, the number the quotes a filter on it keeps), then a row per
// topic with a check for topics in the filter.
func (m *Model) View(w, h int) []string {
	labelW, barW, countW := m.columns(w)
	return m.ViewList(m.st, w, h, "No topics.", legend, func(ti int, isCursor bool) string {
		return m.row(ti, isCursor, labelW, barW, countW)
	})
}

func (m *Model) row(ti int, isCursor bool, labelW, barW, countW int) string {
	st := m.st
	tp := m.topics[ti]
	var b strings.Builder
	b.WriteString(pane.CursorGlyph(st, isCursor, m.Focused()))
	if m.sel[tp.ID] {
		b.WriteString(st.Checked.S("✓"))
	} else {
		b.WriteByte(' ')
	}
	b.WriteByte(' ')
	label := cell.Clip(Label(tp), labelW)
	lp := st.Text
	if isCursor {
		lp = st.Bold
	}
	b.WriteString(lp.S(label))
	b.WriteString(cell.Spaces(labelW - cell.Width(label)))
	b.WriteString(pane.ShareBar(st, tp.Share, barW))
	count := strconv.Itoa(m.counts[ti])
	b.WriteString(cell.Spaces(1 + countW - len(count)))
	b.WriteString(st.Muted.S(count))
	return b.String()
}

// Label is a topic's label, or its id when it has none.
func Label(tp briefing.TopicShare) string {
	if tp.Label != "" {
		return textclean.Line(tp.Label)
	}
	return textclean.Line(tp.ID)
}
