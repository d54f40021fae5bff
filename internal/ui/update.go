package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"strconv"
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
	case key.Matches(msg, k.JumpBack):
		if p, ok := t.jumps.back(t.rd.place()); ok {
			t.rd.goTo(p)
		} else {
			m.setNote("no earlier jump")
		}
		return nil
	case key.Matches(msg, k.JumpFwd):
		if p, ok := t.jumps.forward(); ok {
			t.rd.goTo(p)
		} else {
			m.setNote("no later jump")
		}
		return nil
	case key.Matches(msg, k.Search):
		return m.startInput(t)
	case key.Matches(msg, k.NextQuote), key.Matches(msg, k.PrevQuote),
		key.Matches(msg, k.NextSect), key.Matches(msg, k.PrevSect),
		key.Matches(msg, k.NextSame), key.Matches(msg, k.PrevSame),
		key.Matches(msg, k.Speaker):
		from := t.rd.place()
		m.navigate(t, msg)
		if t.rd.place() != from {
			t.jumps.record(from)
		}
		// On a narrow screen the reader may be hidden behind a list:
		// show where the jump went.
		if !m.lay.reader.visible() && !m.lay.tooSmall {
			m.focus = paneReader
			m.updateKeys()
			m.relayout()
		}
		return nil
	}
	if p := t.pane(m.focus); p != nil {
		return p.Update(msg)
	}
	m.onReaderKey(t, msg)
	return nil
}

// navigate runs the reader's jump keys: ] [ } { n N 1–9.
func (m *Model) navigate(t *tab, msg tea.KeyMsg) {
	k := &m.keys
	switch {
	case key.Matches(msg, k.NextQuote):
		m.stepQuote(t, 1, nil, "quote")
	case key.Matches(msg, k.PrevQuote):
		m.stepQuote(t, -1, nil, "quote")
	case key.Matches(msg, k.NextSect):
		if !t.rd.sectionStep(1) {
			m.setNote("no next section")
		}
	case key.Matches(msg, k.PrevSect):
		if !t.rd.sectionStep(-1) {
			m.setNote("no previous section")
		}
	case key.Matches(msg, k.NextSame):
		m.stepSame(t, 1)
	case key.Matches(msg, k.PrevSame):
		m.stepSame(t, -1)
	case key.Matches(msg, k.Speaker):
		m.jumpSpeaker(t, int(msg.String()[0]-'0'))
	}
}

// scrollAmount maps the scrolling keys to a number of lines for a
// viewport of h: ok is false for other keys.
func (m *Model) scrollAmount(msg tea.KeyMsg, h int) (delta int, toTop, toBottom, ok bool) {
	return m.keys.Amount(msg, h)
}

// stepQuote moves to the next or previous quote that matches.
func (m *Model) stepQuote(t *tab, dir int, match func(int) bool, what string) bool {
	qi, wrapped := t.rd.step(dir, match)
	if qi < 0 {
		m.setNote("no " + what + " here")
		return false
	}
	t.rd.revealQuote(qi)
	t.qp.Show(qi)
	if wrapped {
		if dir > 0 {
			m.setNote("wrapped to the first " + what)
		} else {
			m.setNote("wrapped to the last " + what)
		}
	}
	return true
}

// currentSpeaker is the speaker n/N follow: the current quote's, else the
// first speaker on screen.
func (m *Model) currentSpeaker(t *tab) int {
	if fq := t.rd.focusQuote(); fq >= 0 {
		return t.d.QuoteSpeaker[fq]
	}
	return t.rd.topSpeaker()
}

// stepSame is n/N: the next search match while a search is active, else
// the next quote of the current speaker.
func (m *Model) stepSame(t *tab, dir int) {
	if t.rd.search.active() {
		wrapped, found := t.rd.stepHit(dir)
		switch {
		case !found:
			m.setNote("no match for " + t.rd.search.query)
		case wrapped && dir > 0:
			m.setNote("search hit BOTTOM, continuing at TOP")
		case wrapped:
			m.setNote("search hit TOP, continuing at BOTTOM")
		}
		return
	}
	s := m.currentSpeaker(t)
	if s < 0 {
		switch {
		case len(t.quotes) == 0 && (t.spkSel != nil || len(t.topicSel) > 0):
			m.setNote("no quote under the filters; esc clears the last filter")
		case len(t.quotes) == 0:
			m.setNote("this briefing has no quotes")
		default:
			m.setNote("no speaker here; press ] for the next quote or 1–9 for a speaker")
		}
		return
	}
	name := t.d.Speakers[s].Name
	m.stepQuote(t, dir, func(qi int) bool { return t.d.QuoteSpeaker[qi] == s }, "quote by "+name)
}

// jumpSpeaker is 1–9: the next quote of the Nth speaker in the list.
func (m *Model) jumpSpeaker(t *tab, n int) {
	if n < 1 || n > len(t.d.Speakers) {
		m.setNote("no speaker " + strconv.Itoa(n))
		return
	}
	s := n - 1
	if t.spkSel != nil && !t.spkSel[s] {
		m.setNote(t.d.Speakers[s].Name + " is filtered out; esc clears the filter")
		return
	}
	// Land on the speaker's first quote after the current one: if the
	// current quote is theirs, that is the next.
	m.stepQuote(t, 1, func(qi int) bool { return t.d.QuoteSpeaker[qi] == s }, "quote by "+t.d.Speakers[s].Name)
	t.speakers.Show(s)
}

func indexOf(items []int, v, def int) int {
	for i, x := range items {
		if x == v {
			return i
		}
	}
	return def
}
