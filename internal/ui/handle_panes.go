package ui

import (
	tea "github.com/charmbracelet/bubbletea"
)

// showQuote is enter in Quotes: the quote in the Reader, which takes
// focus (moving in Quotes already previews it there).
func (m *Model) showQuote(t *tab, qi int) {
	if !t.rd.ShowQuote(qi) {
		m.setError("that quote is filtered out of the reader")
		return
	}
	m.focus = paneReader
	m.updateKeys()
	m.relayout()
}

// afterFilter reports what a filter change left.
func (m *Model) afterFilter(t *tab) {
	if t.rd.Empty() {
		m.setNote("nothing matches; esc clears the last filter")
	}
}

// visiblePanes lists the panes tab cycles through: the ones on screen,
// so tab moves focus and never changes the layout. At narrowWidth or
// less the Reader is alone and every side pane is in the cycle: the
// focused one comes in over the Reader.
func (m *Model) visiblePanes() []paneID {
	t := m.tab()
	hasTopics := t != nil && len(t.d.B.Topics) > 0
	left := m.w >= wideWidth || m.w < narrowWidth || m.side != paneQuotes
	quotes := (m.w >= wideWidth && !m.hideQuotes) || (m.w < wideWidth && (m.w < narrowWidth || m.side == paneQuotes))
	ps := []paneID{paneReader}
	if left {
		ps = append(ps, paneSpeakers)
		if hasTopics {
			ps = append(ps, paneTopics)
		}
	}
	if quotes {
		ps = append(ps, paneQuotes)
	}
	return ps
}

// cycleFocus moves focus through the panes on screen (tab, shift+tab).
func (m *Model) cycleFocus(dir int) {
	ps := m.visiblePanes()
	i := 0
	for j, p := range ps {
		if p == m.focus {
			i = j
		}
	}
	m.setFocus(ps[(i+dir+len(ps))%len(ps)])
}

// setFocus focuses p; Quotes starts on the Reader's current quote.
func (m *Model) setFocus(p paneID) {
	m.focus = p
	if t := m.tab(); t != nil && m.focus == paneQuotes {
		if fq := t.rd.FocusQuote(); fq >= 0 {
			t.qp.Show(fq)
		}
	}
	m.updateKeys()
	m.relayout()
}

// toggleQuotes is Q: show or hide Quotes on wide screens; swap the side
// pane beside the Reader on narrower ones; at narrowWidth or less, bring
// Quotes in over the Reader or go back to the Reader.
func (m *Model) toggleQuotes() {
	switch {
	case m.w >= wideWidth:
		m.hideQuotes = !m.hideQuotes
		if m.hideQuotes && m.focus == paneQuotes {
			m.focus = paneReader
		}
		if !m.hideQuotes {
			m.setFocus(paneQuotes)
			return
		}
	case m.w < narrowWidth:
		if m.focus == paneQuotes {
			m.focus = paneReader
		} else {
			m.setFocus(paneQuotes)
			return
		}
	case m.side == paneQuotes:
		m.side = paneSpeakers
		if m.focus == paneQuotes {
			m.focus = paneReader
		}
	default:
		m.side = paneQuotes
		if m.focus == paneSpeakers || m.focus == paneTopics {
			m.setFocus(paneQuotes)
			return
		}
	}
	m.updateKeys()
	m.relayout()
}

// switchTab is J/K.
func (m *Model) switchTab(dir int) {
	if len(m.tabs) < 2 {
		m.setNote("only one briefing is open")
		return
	}
	m.cur = (m.cur + dir + len(m.tabs)) % len(m.tabs)
	m.picker = nil
	m.updateKeys()
	m.relayout()
}

// copyQuote is y: the current quote and its citation, via OSC 52.
func (m *Model) copyQuote(t *tab) tea.Cmd {
	qi := t.rd.FocusQuote()
	if c := t.qp.Cursor(); m.focus == paneQuotes && c >= 0 {
		// In the Quotes pane, the quote under the cursor.
		qi = c
	}
	if qi < 0 {
		m.setNote("no quote on screen to copy")
		return nil
	}
	if m.opts.Clipboard == nil {
		m.setError("copy is not available here")
		return nil
	}
	q := t.d.B.Quotes[qi]
	who := q.Speaker
	if s := t.d.QuoteSpeaker[qi]; s >= 0 {
		who = t.d.Speakers[s].Name
	}
	return copyText(m.opts.Clipboard, m.opts.Tmux, quoteClip(t.d.B, q), "quote by "+who)
}
