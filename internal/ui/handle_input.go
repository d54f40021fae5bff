package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/brief-reader/brief/internal/ui/pane"
)

// startInput is /: a search in the Reader (? backward), a list filter in
// Speakers or Quotes.
func (m *Model) startInput(t *tab, backward bool) tea.Cmd {
	switch m.focus {
	case paneSpeakers:
		m.in = newInput(inputSpeakers, "filter speakers: ", t.speakers.Query())
	case paneQuotes:
		m.in = newInput(inputQuotes, "filter quotes: ", t.qp.Query())
	case paneTopics:
		m.setNote("t opens the topic picker")
		return nil
	default:
		prompt := "/"
		if backward {
			prompt = "?"
		}
		m.in = newInput(inputSearch, prompt, "")
		m.in.hist = len(m.history)
		t.rd.BeginSearch(backward)
	}
	return nil
}

func (m *Model) onInputKey(msg tea.KeyMsg) tea.Cmd {
	t := m.tab()
	in := m.in
	if t == nil {
		m.in = nil
		return nil
	}
	switch msg.Type {
	case tea.KeyEsc:
		// Cancel: put back what was there before.
		switch in.kind {
		case inputSearch:
			t.rd.CancelSearch()
			if !t.rd.Searching() {
				t.drop(filterSearch)
			}
		case inputSpeakers:
			t.speakers.SetQuery(in.prevQuery)
		case inputQuotes:
			t.qp.SetQuery(in.prevQuery)
		}
		m.in = nil
		return nil
	case tea.KeyEnter:
		v := in.ti.Value()
		m.in = nil
		switch in.kind {
		case inputSearch:
			if v == "" {
				// As in less and vim, / and enter repeat the last search.
				if len(m.history) == 0 {
					t.rd.ClearSearch()
					t.drop(filterSearch)
					return nil
				}
				t.push(filterSearch)
				return t.rd.RepeatSearch(m.history[len(m.history)-1])
			}
			m.remember(v)
			t.push(filterSearch)
			return t.rd.CommitSearch(v)
		case inputSpeakers:
			m.setListQuery(t, filterSpeakersQuery, v)
		case inputQuotes:
			m.setListQuery(t, filterQuotesQuery, v)
		}
		return nil
	}
	if in.kind == inputSearch && (msg.Type == tea.KeyUp || msg.Type == tea.KeyDown) {
		// ↑/↓ walk the search history, as in less.
		if v, ok := m.recall(in, msg.Type == tea.KeyUp); ok {
			in.ti.SetValue(v)
			t.rd.TypeSearch(v)
		}
		return nil
	}
	if !in.ti.Update(msg) {
		return nil
	}
	v := in.ti.Value()
	switch in.kind {
	case inputSearch:
		// Incremental: show the first match from where the search began.
		t.rd.TypeSearch(v)
	case inputSpeakers:
		t.speakers.SetQuery(v)
	case inputQuotes:
		return t.qp.Type(v)
	}
	return nil
}

// maxHistory bounds the search history.
const maxHistory = 50

// remember adds a search to the history, newest last, once.
func (m *Model) remember(q string) {
	for i, h := range m.history {
		if h == q {
			m.history = append(m.history[:i], m.history[i+1:]...)
			break
		}
	}
	m.history = append(m.history, q)
	if len(m.history) > maxHistory {
		m.history = m.history[1:]
	}
}

// recall steps the input's place in the history: older with up, newer
// with down; below the newest is the empty line.
func (m *Model) recall(in *input, older bool) (string, bool) {
	switch {
	case older && in.hist > 0:
		in.hist--
	case !older && in.hist < len(m.history):
		in.hist++
	default:
		return "", false
	}
	if in.hist == len(m.history) {
		return "", true
	}
	return m.history[in.hist], true
}

func (m *Model) setListQuery(t *tab, k filterKind, v string) {
	if v == "" {
		t.drop(k)
	} else {
		t.push(k)
	}
}

func (m *Model) onPickerKey(msg tea.KeyMsg) tea.Cmd {
	p := m.picker
	k := &m.keys
	t := m.tab()
	defer m.updateKeys()
	switch {
	case key.Matches(msg, k.Clear), key.Matches(msg, k.Topics), key.Matches(msg, k.Quit):
		m.picker = nil
	case key.Matches(msg, k.Select):
		if t != nil {
			t.setTopics(p.selected())
			m.afterFilter(t)
		}
		m.picker = nil
	case key.Matches(msg, k.Toggle):
		if p.cursor < len(p.sel) {
			p.sel[p.cursor] = !p.sel[p.cursor]
		}
	case key.Matches(msg, k.Down):
		p.cursor = min(p.cursor+1, max(len(p.ids)-1, 0))
	case key.Matches(msg, k.Up):
		p.cursor = max(p.cursor-1, 0)
	case key.Matches(msg, k.Top):
		p.cursor = 0
	case key.Matches(msg, k.Bottom):
		p.cursor = max(len(p.ids)-1, 0)
	default:
		// A letter jumps to the next topic starting with it.
		if msg.Type == tea.KeyRunes && len(msg.Runes) == 1 {
			m.pickerJump(msg.Runes[0])
		}
	}
	return nil
}

func (m *Model) pickerJump(r rune) {
	p := m.picker
	n := len(p.ids)
	for i := 1; i <= n; i++ {
		j := (p.cursor + i) % n
		if l := p.labels[j]; l != "" && strings.EqualFold(string([]rune(l)[0]), string(r)) {
			p.cursor = j
			return
		}
	}
}

// onMouse scrolls the pane under the pointer with the wheel and focuses a
// pane on click.
func (m *Model) onMouse(msg tea.MouseMsg) tea.Cmd {
	if m.libPage() != nil {
		m.onLibraryMouse(msg)
		return nil
	}
	t := m.tab()
	if t == nil || m.in != nil || m.picker != nil || m.list != nil || m.help {
		return nil
	}
	var target paneID = -1
	for p := paneReader; p < paneCount; p++ {
		if m.lay.rect(p).contains(msg.X, msg.Y) {
			target = p
		}
	}
	if target < 0 {
		return nil
	}
	ev := tea.MouseEvent(msg)
	wheel := 0
	switch ev.Button {
	case tea.MouseButtonWheelDown:
		wheel = 1
	case tea.MouseButtonWheelUp:
		wheel = -1
	}
	p, _ := t.pane(target).(pane.Pointer)
	if wheel != 0 {
		if p != nil {
			p.Wheel(wheel)
		}
		return nil
	}
	if ev.Action != tea.MouseActionPress || ev.Button != tea.MouseButtonLeft {
		return nil
	}
	m.focus = target
	m.updateKeys()
	if p != nil {
		p.Click(msg.Y - m.lay.rect(target).y - pane.Border)
	}
	return nil
}
