package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// onKey routes a key: ctrl+c always quits and ctrl+z suspends; an input with focus takes every
// other key but esc and enter; then the topic picker or help if open; then
// global keys; then the focused pane.
func (m *Model) onKey(msg tea.KeyMsg) tea.Cmd {
	k := &m.keys
	if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste && m.in == nil {
		// Keys typed faster than the program reads arrive together
		// ("/japan"); take them one at a time, so the first can open an
		// input that the rest then go to.
		var cmds []tea.Cmd
		for i, r := range msg.Runes {
			if m.in != nil {
				rest := tea.KeyMsg{Type: tea.KeyRunes, Runes: msg.Runes[i:], Alt: msg.Alt}
				cmds = append(cmds, m.onKey(rest))
				break
			}
			cmds = append(cmds, m.onKey(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt}))
		}
		return tea.Batch(cmds...)
	}
	if key.Matches(msg, k.ForceQ) {
		return tea.Quit
	}
	if key.Matches(msg, k.Suspend) {
		// As in less: the shell's job control takes over until fg.
		return tea.Suspend
	}
	// Errors and notes stay until the next key.
	m.status, m.statusErr = "", false
	if m.in != nil {
		if m.in.kind == inputLibFilter || m.in.kind == inputLibSearch {
			return m.onLibraryInput(msg)
		}
		return m.onInputKey(msg)
	}
	if m.picker != nil {
		return m.onPickerKey(msg)
	}
	if m.list != nil {
		m.onListKey(msg)
		return nil
	}
	if m.help {
		switch {
		case key.Matches(msg, k.Help), key.Matches(msg, k.Clear), key.Matches(msg, k.Quit):
			m.help = false
		case key.Matches(msg, k.Down):
			m.helpOff++
		case key.Matches(msg, k.Up):
			m.helpOff = max(0, m.helpOff-1)
		}
		return nil
	}
	if cmd, ok := m.onLibraryKey(msg); ok {
		return cmd
	}
	t := m.tab()
	if t != nil && m.focus == paneReader && key.Matches(msg, k.SearchBack) {
		// ctrl+r searches backward in the Reader (the prompt shows ?, as
		// in less).
		return m.startInput(t, true)
	}
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Help):
		m.help, m.helpOff = true, 0
		return nil
	case key.Matches(msg, k.NextPane):
		m.cycleFocus(1)
		return nil
	case key.Matches(msg, k.PrevPane):
		m.cycleFocus(-1)
		return nil
	case key.Matches(msg, k.Quotes):
		m.toggleQuotes()
		return nil
	case key.Matches(msg, k.Mouse):
		m.mouse = !m.mouse
		if m.mouse {
			m.setNote("mouse on: the wheel scrolls; hold shift to select text")
			return tea.EnableMouseCellMotion
		}
		m.setNote("mouse off")
		return tea.DisableMouse
	case key.Matches(msg, k.Briefings):
		if len(m.tabs) < 2 {
			m.setNote("only one briefing is open")
			return nil
		}
		m.list = newDocList(m)
		return nil
	case key.Matches(msg, k.NextDoc):
		m.switchTab(1)
		return nil
	case key.Matches(msg, k.PrevDoc):
		m.switchTab(-1)
		return nil
	}
	if t == nil {
		if m.loading {
			m.setNote("still loading…")
		}
		return nil
	}
	switch {
	case key.Matches(msg, k.Topics):
		if len(t.d.B.Topics) == 0 {
			m.setNote("this briefing has no topics")
			return nil
		}
		m.picker = newPicker(t)
		m.updateKeys()
		return nil
	case key.Matches(msg, k.Clear):
		if what, ok := t.clearInnermost(); ok {
			m.setNote(what)
		} else if m.w < narrowWidth && m.focus != paneReader {
			// A side pane over the Reader: esc goes back to it.
			m.setFocus(paneReader)
		} else {
			m.setNote("no filter or search to clear")
		}
		return nil
	case key.Matches(msg, k.Copy):
		return m.copyQuote(t)
	case key.Matches(msg, k.Open):
		return m.openSource(t)
	case key.Matches(msg, k.Search):
		return m.startInput(t, false)
	}
	from := t.rd.Place()
	if cmd, ok := t.rd.Navigate(msg); ok {
		// The Reader's jump keys work from every pane. On a narrow
		// screen the Reader may be hidden behind a list: show where the
		// jump went (a jump that went nowhere leaves focus where it is).
		if !m.lay.reader.visible() && !m.lay.tooSmall && t.rd.Place() != from {
			m.focus = paneReader
			m.updateKeys()
			m.relayout()
		}
		return cmd
	}
	return t.pane(m.focus).Update(msg)
}

func indexOf(items []int, v, def int) int {
	for i, x := range items {
		if x == v {
			return i
		}
	}
	return def
}
