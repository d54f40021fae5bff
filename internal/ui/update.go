package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// onKey routes a key: ctrl+c always quits; an input with focus takes every
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
	// Errors and notes stay until the next key.
	m.status, m.statusErr = "", false
	if m.in != nil {
		return m.onInputKey(msg)
	}
	if m.picker != nil {
		return m.onPickerKey(msg)
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
		}
		return nil
	case key.Matches(msg, k.Copy):
		return m.copyQuote(t)
	case key.Matches(msg, k.Search):
		return m.startInput(t)
	case key.Matches(msg, k.NextQuote):
		m.stepQuote(t, 1, nil, "quote")
		return nil
	case key.Matches(msg, k.PrevQuote):
		m.stepQuote(t, -1, nil, "quote")
		return nil
	case key.Matches(msg, k.NextSect):
		if !t.rd.sectionStep(1) {
			m.setNote("no next section")
		}
		return nil
	case key.Matches(msg, k.PrevSect):
		if !t.rd.sectionStep(-1) {
			m.setNote("no previous section")
		}
		return nil
	case key.Matches(msg, k.NextSame), key.Matches(msg, k.PrevSame):
		dir := 1
		if key.Matches(msg, k.PrevSame) {
			dir = -1
		}
		m.stepSame(t, dir)
		return nil
	case key.Matches(msg, k.Speaker):
		m.jumpSpeaker(t, int(msg.String()[0]-'0'))
		return nil
	}
	switch m.focus {
	case paneSpeakers:
		m.onSpeakersKey(t, msg)
	case paneTopics:
		m.onTopicsKey(t, msg)
	case paneQuotes:
		m.onQuotesKey(t, msg)
	default:
		m.onReaderKey(t, msg)
	}
	return nil
}

// scrollAmount maps the scrolling keys to a number of lines or items for a
// viewport of h: ok is false for other keys.
func (m *Model) scrollAmount(msg tea.KeyMsg, h int) (delta int, toTop, toBottom, ok bool) {
	k := &m.keys
	half := max(1, h/2)
	page := max(1, h-2)
	switch {
	case key.Matches(msg, k.Down):
		return 1, false, false, true
	case key.Matches(msg, k.Up):
		return -1, false, false, true
	case key.Matches(msg, k.HalfDown):
		return half, false, false, true
	case key.Matches(msg, k.HalfUp):
		return -half, false, false, true
	case key.Matches(msg, k.PageDown):
		return page, false, false, true
	case key.Matches(msg, k.PageUp):
		return -page, false, false, true
	case key.Matches(msg, k.Top):
		return 0, true, false, true
	case key.Matches(msg, k.Bottom):
		return 0, false, true, true
	}
	return 0, false, false, false
}

func (m *Model) onReaderKey(t *tab, msg tea.KeyMsg) {
	delta, top, bottom, ok := m.scrollAmount(msg, t.rd.h)
	if !ok {
		return
	}
	switch {
	case top:
		t.rd.setAbs(0)
	case bottom:
		t.rd.setAbs(t.rd.maxAbs())
	default:
		t.rd.scroll(delta)
	}
}

// moveList moves a list cursor by the scrolling keys; items are itemH
// lines tall in a pane h lines tall.
func (m *Model) moveList(l *listState, msg tea.KeyMsg, h, itemH int) bool {
	rows := max(1, h/itemH)
	delta, top, bottom, ok := m.scrollAmount(msg, rows)
	if !ok {
		return false
	}
	switch {
	case top:
		l.cursor = 0
	case bottom:
		l.cursor = len(l.items) - 1
	default:
		if key.Matches(msg, m.keys.PageDown) || key.Matches(msg, m.keys.PageUp) {
			delta = sign(delta) * rows
		}
		l.cursor += delta
	}
	l.clamp(h, itemH)
	return true
}

func sign(n int) int {
	if n < 0 {
		return -1
	}
	return 1
}

func (m *Model) innerH(p pane) int { return max(1, m.lay.rect(p).h-2) }

func (m *Model) onSpeakersKey(t *tab, msg tea.KeyMsg) {
	k := &m.keys
	if !key.Matches(msg, k.Toggle) && m.moveList(&t.spk, msg, m.innerH(paneSpeakers), 1) {
		return
	}
	if len(t.spk.items) == 0 {
		return
	}
	si := t.spk.items[clampInt(t.spk.cursor, 0, len(t.spk.items)-1)]
	switch {
	case key.Matches(msg, k.Select):
		t.toggleSpeaker(si, true)
		m.afterFilter(t)
	case key.Matches(msg, k.Toggle):
		t.toggleSpeaker(si, false)
		m.afterFilter(t)
	}
}

func (m *Model) onTopicsKey(t *tab, msg tea.KeyMsg) {
	k := &m.keys
	if !key.Matches(msg, k.Toggle) && m.moveList(&t.tpc, msg, m.innerH(paneTopics), 1) {
		return
	}
	if len(t.tpc.items) == 0 {
		return
	}
	if key.Matches(msg, k.Select) || key.Matches(msg, k.Toggle) {
		tp := t.d.B.Topics[t.tpc.items[clampInt(t.tpc.cursor, 0, len(t.tpc.items)-1)]]
		t.toggleTopic(tp.ID)
		m.afterFilter(t)
	}
}

func (m *Model) onQuotesKey(t *tab, msg tea.KeyMsg) {
	if m.moveList(&t.qts, msg, m.innerH(paneQuotes), quoteItemHeight) {
		return
	}
	if key.Matches(msg, m.keys.Select) && len(t.qts.items) > 0 {
		qi := t.qts.items[clampInt(t.qts.cursor, 0, len(t.qts.items)-1)]
		if !t.rd.revealQuote(qi) {
			m.setError("that quote is filtered out of the reader")
			return
		}
		if !m.lay.reader.visible() {
			m.focus = paneReader
			m.relayout()
		}
	}
}

// afterFilter reports what a filter change left.
func (m *Model) afterFilter(t *tab) {
	if len(t.rd.vis) == 0 {
		m.setNote("nothing matches; esc clears the last filter")
	}
}

// stepQuote moves to the next or previous quote that matches.
func (m *Model) stepQuote(t *tab, dir int, match func(int) bool, what string) bool {
	qi, wrapped := t.rd.step(dir, match)
	if qi < 0 {
		m.setNote("no " + what + " here")
		return false
	}
	t.rd.revealQuote(qi)
	t.syncQuoteCursor(qi)
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
		m.setNote("no speaker here; press ] for the next quote or 1–9 for a speaker")
		return
	}
	name := t.d.Speakers[s].Name
	m.stepQuote(t, dir, func(qi int) bool { return t.d.QuoteSpeaker[qi] == s }, "quote by "+name)
}

// jumpSpeaker is 1–9: the next quote of the Nth speaker in the list.
func (m *Model) jumpSpeaker(t *tab, n int) {
	if n < 1 || n > len(t.d.Speakers) {
		m.setNote("no speaker " + itoa(n))
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
	t.spk.cursor = indexOf(t.spk.items, s, t.spk.cursor)
}

func indexOf(items []int, v, def int) int {
	for i, x := range items {
		if x == v {
			return i
		}
	}
	return def
}

// visiblePanes lists the panes tab cycles through.
func (m *Model) visiblePanes() []pane {
	t := m.tab()
	ps := []pane{paneReader, paneSpeakers}
	if t != nil && len(t.d.B.Topics) > 0 {
		ps = append(ps, paneTopics)
	}
	return append(ps, paneQuotes)
}

// cycleFocus moves focus through the panes. Focusing a pane the layout
// hides brings it in: Quotes replaces Speakers/Topics on narrower
// screens, and under narrowWidth the focused pane fills the screen.
func (m *Model) cycleFocus(dir int) {
	ps := m.visiblePanes()
	i := 0
	for j, p := range ps {
		if p == m.focus {
			i = j
		}
	}
	i = (i + dir + len(ps)) % len(ps)
	m.focus = ps[i]
	switch m.focus {
	case paneQuotes:
		m.side = paneQuotes
		m.hideQuotes = false
	case paneSpeakers, paneTopics:
		m.side = paneSpeakers
	}
	if t := m.tab(); t != nil && m.focus == paneQuotes {
		if fq := t.rd.focusQuote(); fq >= 0 {
			t.syncQuoteCursor(fq)
		}
	}
	m.updateKeys()
	m.relayout()
}

// toggleQuotes is Q: show or hide Quotes on wide screens; swap the side
// pane on narrower ones.
func (m *Model) toggleQuotes() {
	if m.w >= wideWidth {
		m.hideQuotes = !m.hideQuotes
		if m.hideQuotes && m.focus == paneQuotes {
			m.focus = paneReader
		}
	} else if m.side == paneQuotes {
		m.side = paneSpeakers
		if m.focus == paneQuotes {
			m.focus = paneReader
		}
	} else {
		m.side = paneQuotes
		m.hideQuotes = false
		if m.focus == paneSpeakers || m.focus == paneTopics {
			m.focus = paneQuotes
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
	qi := t.rd.focusQuote()
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

// startInput is /: a search in the Reader, a list filter in Speakers or
// Quotes.
func (m *Model) startInput(t *tab) tea.Cmd {
	switch m.focus {
	case paneSpeakers:
		m.in = newInput(inputSpeakers, "filter speakers: ", t.spk.query)
	case paneQuotes:
		m.in = newInput(inputQuotes, "filter quotes: ", t.qts.query)
	case paneTopics:
		m.setNote("t opens the topic picker")
		return nil
	default:
		m.in = newInput(inputSearch, "/", "")
		m.in.originAbs = t.rd.abs()
		m.in.prevQuery = t.rd.search.query
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
			t.rd.setQuery(in.prevQuery)
			if in.prevQuery == "" {
				t.drop(filterSearch)
			}
			t.rd.setAbs(in.originAbs)
		case inputSpeakers:
			t.spk.query = in.prevQuery
			t.filterSpeakers()
		case inputQuotes:
			t.qts.query = in.prevQuery
			t.filterQuotes()
		}
		m.in = nil
		return nil
	case tea.KeyEnter:
		v := in.ti.Value()
		m.in = nil
		switch in.kind {
		case inputSearch:
			if v == "" {
				t.rd.setQuery("")
				t.drop(filterSearch)
				return nil
			}
			t.push(filterSearch)
			if _, total := t.rd.visibleHits(); total == 0 {
				m.setError("pattern not found: " + v)
			}
		case inputSpeakers:
			m.setListQuery(t, filterSpeakersQuery, v)
		case inputQuotes:
			m.setListQuery(t, filterQuotesQuery, v)
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
		t.rd.setAbs(in.originAbs)
		t.rd.setQuery(v)
		if v != "" {
			from := 0
			if len(t.rd.vis) > 0 {
				from = t.rd.vis[t.rd.top]
			}
			if !t.rd.firstHitFrom(from) {
				t.rd.setAbs(in.originAbs)
			}
		}
	case inputSpeakers:
		t.spk.query = v
		t.filterSpeakers()
	case inputQuotes:
		t.qts.query = v
		t.filterQuotes()
	}
	return nil
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
		if l := p.labels[j]; l != "" && foldEq([]rune(l)[0], r) {
			p.cursor = j
			return
		}
	}
}

// onMouse scrolls the pane under the pointer with the wheel and focuses a
// pane on click.
func (m *Model) onMouse(msg tea.MouseMsg) tea.Cmd {
	t := m.tab()
	if t == nil || m.in != nil || m.picker != nil || m.help {
		return nil
	}
	var target pane = -1
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
		wheel = 3
	case tea.MouseButtonWheelUp:
		wheel = -3
	}
	if wheel != 0 {
		switch target {
		case paneReader:
			t.rd.scroll(wheel)
		case paneSpeakers:
			t.spk.cursor += sign(wheel)
		case paneTopics:
			t.tpc.cursor += sign(wheel)
		case paneQuotes:
			t.qts.cursor += sign(wheel)
		}
		return nil
	}
	if ev.Action != tea.MouseActionPress || ev.Button != tea.MouseButtonLeft {
		return nil
	}
	m.focus = target
	m.updateKeys()
	r := m.lay.rect(target)
	row := msg.Y - r.y - 1
	switch target {
	case paneSpeakers:
		t.spk.cursor = t.spk.offset + row
	case paneTopics:
		t.tpc.cursor = t.tpc.offset + row
	case paneQuotes:
		t.qts.cursor = t.qts.offset + row/quoteItemHeight
	}
	return nil
}
