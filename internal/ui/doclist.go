package ui

import (
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/brief-reader/brief/internal/textclean"
	"github.com/brief-reader/brief/internal/ui/pane"
	"github.com/brief-reader/brief/internal/ui/query"
)

// docList is the list of open briefings (B): type to filter (fzf syntax),
// j/k or ↑/↓ to move, enter to open, esc to close. With a folder of a
// thousand briefings, J and K alone would not do.
type docList struct {
	filter lineEdit
	items  []int // tab indices passing the filter
	cursor int
	offset int
	// texts are what a briefing is found by first (date and title),
	// paths what it is found by after.
	texts []string
	paths []string
	// names are the file names shown after titles that two briefings
	// share, "" for the others.
	names []string
	dates []string
	dateW int
	// when are the parsed dates: with no filter, the list is newest first.
	when []docDate
}

func newDocList(m *Model) *docList {
	l := &docList{}
	l.filter.prompt = "filter: "
	seen := make(map[string]int, len(m.tabs))
	for _, t := range m.tabs {
		seen[docTitle(t)]++
	}
	for _, t := range m.tabs {
		name := ""
		if seen[docTitle(t)] > 1 {
			name = "(" + textclean.Line(filepath.Base(t.path)) + ")"
		}
		l.names = append(l.names, name)
		l.texts = append(l.texts, t.d.Date+" "+parseDocDate(t.d.Date).String()+" "+docTitle(t)+" "+name)
		l.paths = append(l.paths, textclean.Line(t.path))
		dd := parseDocDate(t.d.Date)
		l.when = append(l.when, dd)
		d := dd.String()
		if !dd.ok {
			d = t.d.Date // not a date brief reads: as written
		}
		d = clip(textclean.Line(d), 14)
		l.dates = append(l.dates, d)
		l.dateW = max(l.dateW, width(d))
	}
	l.refilter()
	l.cursor = indexOf(l.items, m.cur, 0)
	return l
}

func docTitle(t *tab) string {
	if t.d.Title != "" {
		return t.d.Title
	}
	return textclean.Line(filepath.Base(t.path))
}

// refilter ranks the briefings by the filter, title and date matches
// before path matches, and puts the cursor on the best; with no filter
// they are newest first, unknown dates last.
func (l *docList) refilter() {
	q := query.Parse(l.filter.Value())
	l.items = q.Rank(len(l.texts), func(i int) string { return l.texts[i] }, func(i int) string { return l.paths[i] })
	if q.Empty() {
		sort.SliceStable(l.items, func(a, b int) bool { return l.when[l.items[a]].newer(l.when[l.items[b]]) })
	}
	l.cursor, l.offset = 0, 0
}

func (m *Model) onListKey(msg tea.KeyMsg) {
	l := m.list
	k := &m.keys
	switch {
	case msg.Type == tea.KeyEsc:
		m.list = nil
	case msg.Type == tea.KeyEnter:
		if len(l.items) > 0 {
			m.cur = l.items[l.cursor]
			m.updateKeys()
			m.relayout()
		}
		m.list = nil
	case msg.Type == tea.KeyDown, msg.Type == tea.KeyCtrlN, msg.Type == tea.KeyTab:
		l.cursor = min(l.cursor+1, max(len(l.items)-1, 0))
	case msg.Type == tea.KeyUp, msg.Type == tea.KeyCtrlP, msg.Type == tea.KeyShiftTab:
		l.cursor = max(l.cursor-1, 0)
	case msg.Type == tea.KeyPgDown:
		l.cursor = min(l.cursor+10, max(len(l.items)-1, 0))
	case msg.Type == tea.KeyPgUp:
		l.cursor = max(l.cursor-10, 0)
	case key.Matches(msg, k.Briefings) && l.filter.Value() == "":
		m.list = nil
	default:
		if l.filter.Update(msg) {
			l.refilter()
		}
	}
}

// view draws the list box for a body of w×h.
func (l *docList) view(m *Model, w, h int) ([]string, int, int) {
	st := m.st
	bw := min(w-boxMarginW, docListMaxWidth)
	bh := min(h-boxMarginH, len(m.tabs)+docListChrome)
	if bw < 20 || bh < 6 {
		return nil, 0, 0
	}
	iw, ih := pane.Frame{W: bw, H: bh}.Inner()
	listH := ih - 2
	lines := make([]string, 0, ih)
	in := st.StatusKey.S(l.filter.prompt) + sanitizeInput(l.filter.Value()) + st.Match.S(" ")
	lines = append(lines, fit(" "+in, iw), spaces(iw))
	if l.cursor < l.offset {
		l.offset = l.cursor
	}
	if l.cursor >= l.offset+listH {
		l.offset = l.cursor - listH + 1
	}
	if len(l.items) == 0 {
		lines = append(lines, fit(st.Muted.S(" No briefing matches."), iw))
	}
	numW := len(strconv.Itoa(len(m.tabs)))
	for i := l.offset; i < len(l.items) && len(lines) < ih; i++ {
		ti := l.items[i]
		t := m.tabs[ti]
		var b strings.Builder
		b.WriteString(cursorGlyph(st, i == l.cursor, true))
		num := strconv.Itoa(ti + 1)
		b.WriteString(st.Muted.S(spaces(numW-len(num)) + num + " "))
		if ti == m.cur {
			b.WriteString(st.Selected.S("▶ "))
		} else {
			b.WriteString("  ")
		}
		kind := t.d.B.Kind.String()
		kind = " " + spaces(len("transcript")-len(kind)) + kind
		date := l.dates[ti]
		b.WriteString(st.Muted.S(date + spaces(l.dateW-width(date)+2)))
		room := iw - 1 - numW - 1 - 2 - (l.dateW + 2) - width(kind)
		// A shared title gives way to the file name that tells it apart.
		label := docTitle(t)
		if name := l.names[ti]; name != "" {
			name = clip(name, max0(room))
			label = clip(label, max0(room-width(name)-1)) + " " + name
		}
		label = clip(label, max0(room))
		p := st.Text
		if i == l.cursor {
			p = st.Bold
		}
		b.WriteString(p.S(label))
		b.WriteString(spaces(max0(room - width(label))))
		b.WriteString(st.Muted.S(kind))
		lines = append(lines, fit(b.String(), iw))
	}
	lines = blank(lines, ih-len(lines), iw)
	note := strconv.Itoa(len(l.items)) + "/" + strconv.Itoa(len(m.tabs)) + " · enter opens · esc closes"
	box := pane.Frame{W: bw, H: bh}.Draw(st, "Briefings", note, lines, true)
	return box, (w - bw) / 2, max(0, (h-bh)/2)
}
