package ui

import (
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/brief-reader/brief/internal/briefing"
	"github.com/brief-reader/brief/internal/textclean"
	"github.com/brief-reader/brief/internal/ui/hitpane"
	"github.com/brief-reader/brief/internal/ui/pane"
)

// viewLines draws the whole screen as exactly m.h lines of m.w cells.
func (m *Model) viewLines() []string {
	w, h := m.w, m.h
	if w <= 0 || h <= 0 {
		return nil
	}
	if m.lay.tooSmall {
		return m.tooSmallView()
	}
	lines := make([]string, 0, h)
	lines = append(lines, m.headerLine())
	bodyH := h - m.lay.header - m.lay.footer
	body := m.bodyLines(bodyH)
	if m.picker != nil {
		if box, x, y := m.picker.view(m.st, w, bodyH); box != nil {
			body = overlay(body, box, x, y, w)
		}
	}
	if m.list != nil {
		if box, x, y := m.list.view(m, w, bodyH); box != nil {
			body = overlay(body, box, x, y, w)
		}
	}
	if m.help {
		groups, titles := m.helpGroups()
		if box, x, y := helpView(m.st, groups, titles, w, bodyH, m.helpOff); box != nil {
			// Help hides the panes: nothing of them shows beside it.
			body = overlay(blank(nil, bodyH, w), box, x, y, w)
		}
	}
	lines = append(lines, body...)
	lines = append(lines, m.footerLines()...)
	for i, l := range lines {
		lines[i] = anchorRow(l)
	}
	return lines
}

// tooSmallView says what size brief needs, centred, in whatever fits.
func (m *Model) tooSmallView() []string {
	w, h := m.w, m.h
	msg := []string{
		"Terminal too small",
		"brief needs " + strconv.Itoa(minWidth) + "×" + strconv.Itoa(minHeight),
		"(now " + strconv.Itoa(w) + "×" + strconv.Itoa(h) + ")",
		"q quits",
	}
	lines := make([]string, 0, h)
	top := max(0, (h-len(msg))/2)
	for i := 0; i < h; i++ {
		j := i - top
		if j < 0 || j >= len(msg) {
			lines = append(lines, spaces(w))
			continue
		}
		s := clip(msg[j], w)
		pad := max(0, (w-width(s))/2)
		lines = append(lines, fit(spaces(pad)+m.st.Muted.S(s), w))
	}
	return lines
}

func (m *Model) headerLine() string {
	st := m.st
	w := m.w
	t := m.tab()
	right := ""
	switch {
	case m.loading && len(m.files) > 0:
		right = " loading " + strconv.Itoa(m.loaded) + "/" + strconv.Itoa(len(m.files)) + " "
	case m.loading:
		right = " loading… "
	case len(m.tabs) > 1:
		right = " " + strconv.Itoa(m.cur+1) + "/" + strconv.Itoa(len(m.tabs)) + " "
	}
	brand := " brief "
	used := width(brand) + width(right)
	title, meta := "", ""
	if t != nil {
		title = t.d.Title
		if title == "" {
			title = textclean.Line(filepath.Base(t.path))
		}
		var parts []string
		src := shortSource(t.d.Source)
		// Where the briefing is published, by its host: the whole
		// address is what o opens and y cites.
		if host := shortSource(textclean.Line(t.d.B.SourceURL)); host != "" && host != src {
			if src != "" {
				src += " (" + host + ")"
			} else {
				src = host
			}
		}
		// The date in the one format the briefing list shows.
		date := parseDocDate(t.d.Date).String()
		if date == "" {
			date = t.d.Date
		}
		for _, s := range []string{date, src, t.d.B.Kind.String()} {
			if s != "" {
				parts = append(parts, s)
			}
		}
		meta = strings.Join(parts, " · ")
	}
	if lt, lm, ok := m.libraryHeader(); ok {
		title, meta = lt, lm
	}
	room := w - used - 2
	var b strings.Builder
	b.WriteString(st.HeaderIndex.S(clip(brand, w)))
	if room > 0 && title != "" {
		// The title gets what is left after a short meta; meta gives way
		// first.
		metaRoom := min(width(meta), max0(room/3))
		tw := clip(title, max0(room-metaRoom-2))
		b.WriteString(st.Header.S(" "))
		b.WriteString(st.HeaderTitle.S(tw))
		rest := room - width(tw)
		if rest > 4 && meta != "" {
			mm := clip(meta, rest-3)
			b.WriteString(st.HeaderMeta.S("  " + mm))
			rest -= 2 + width(mm)
		}
		b.WriteString(st.Header.S(spaces(max0(rest + 1))))
	} else {
		b.WriteString(st.Header.S(spaces(max0(room + 2))))
	}
	if right != "" {
		b.WriteString(st.HeaderIndex.S(clip(right, max0(w-width(brand)))))
	}
	return fit(b.String(), w)
}

// shortSource shows a source URL by its host: the header has no room
// for the path.
func shortSource(s string) string {
	for _, p := range []string{"https://", "http://"} {
		if rest, ok := strings.CutPrefix(s, p); ok {
			host, _, _ := strings.Cut(rest, "/")
			return strings.TrimPrefix(host, "www.")
		}
	}
	return s
}

// bodyLines draws the panes side by side.
func (m *Model) bodyLines(h int) []string {
	if body := m.libraryBody(h); body != nil {
		return body
	}
	t := m.tab()
	st := m.st
	l := m.lay
	var cols [][]string
	if l.speakers.visible() {
		r := l.speakers
		col := m.drawPane(t, paneSpeakers, r)
		if l.topics.visible() {
			tr := l.topics
			col = append(col, m.drawPane(t, paneTopics, tr)...)
		}
		cols = append(cols, col)
	}
	if l.reader.visible() {
		r := l.reader
		if t == nil {
			in := r.inner()
			cols = append(cols, r.frame().Draw(st, "Reader", "", m.emptyReader(in.w, in.h), m.focus == paneReader))
		} else {
			cols = append(cols, m.drawPane(t, paneReader, r))
		}
	}
	if l.quotes.visible() {
		cols = append(cols, m.drawPane(t, paneQuotes, l.quotes))
	}
	out := joinCols(cols...)
	for len(out) < h {
		out = append(out, spaces(m.w))
	}
	return out[:h]
}

func (m *Model) drawPane(t *tab, id paneID, r rect) []string {
	var p pane.Pane
	if t != nil {
		p = t.pane(id)
	}
	if p == nil {
		in := r.inner()
		return r.frame().Draw(m.st, id.String(), "", blank(nil, in.h, in.w), m.focus == id)
	}
	in := r.inner()
	return r.frame().Draw(m.st, p.Title(), p.Note(), p.View(in.w, in.h), p.Focused())
}

func (m *Model) emptyReader(w, h int) []string {
	st := m.st
	var msg []string
	switch {
	case m.loading && len(m.files) > 0:
		msg = append(msg, "Loading "+strconv.Itoa(len(m.files))+" briefing"+plural(len(m.files))+"…", "", textclean.Line(m.files[0]))
	case m.loading:
		msg = append(msg, "Loading briefings…")
	default:
		msg = append(msg, "No briefings could be read.")
		for i, f := range m.failed {
			if i == 8 {
				msg = append(msg, "…")
				break
			}
			msg = append(msg, textclean.Line(f.Path)+": "+textclean.Line(errString(f.Err)))
		}
	}
	lines := make([]string, 0, h)
	for _, s := range msg {
		if len(lines) == h {
			break
		}
		lines = append(lines, fit(" "+st.Muted.S(clip(s, max0(w-1))), w))
	}
	return blank(lines, h-len(lines), w)
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// footerLines draws the status line and, on tall enough screens, the help
// line.
func (m *Model) footerLines() []string {
	out := []string{m.statusLine()}
	if m.lay.footer > 1 {
		now, tail := m.hints()
		out = append(out, hintLine(m.st, now, tail, m.w))
	}
	return out
}

// statusLine draws the status line: the active filters first, never
// pushed off (with "esc clears"), then a note or error if there is one,
// else the current speaker and section; quote and search position at the
// right when there is room.
func (m *Model) statusLine() string {
	st := m.st
	w := m.w
	if m.in != nil {
		return m.inputLine()
	}
	if s, ok := m.libraryStatus(); ok {
		return s
	}
	t := m.tab()
	var b strings.Builder
	used := 0
	if t != nil {
		if f := t.filterSummary(); f != "" {
			room := w
			if m.status != "" {
				// A note shares the line: the filters keep "esc
				// clears" and give the note the rest.
				room = max(w/2, noteBadgeWidth)
			}
			badge := filterBadge(f, room)
			b.WriteString(st.StatusKey.S(badge) + " ")
			used += width(badge) + 1
		}
	}
	room := max0(w - used)
	if m.status != "" {
		p := st.Note
		prefix := ""
		if m.statusErr {
			p = st.Error
			prefix = "! "
		}
		b.WriteString(p.S(clip(prefix+textclean.Line(m.status), room)))
		return fit(b.String(), w)
	}
	if t == nil {
		return fit(b.String(), w)
	}
	rs := m.statusRight(t)
	if width(rs)+1 > room {
		rs = ""
	}
	left := m.statusWhere(t, room-width(rs)-1)
	b.WriteString(left)
	used += width(left)
	return fit(b.String()+spaces(w-used-width(rs))+st.Status.S(rs), w)
}

// noteBadgeWidth is the least the filters keep of the status line beside
// a note: room for "⧩ ", some of the filters and " · esc clears".
const noteBadgeWidth = 26

// filterBadge is the filters as the status line shows them, cut to fit w
// but keeping "esc clears".
func filterBadge(summary string, w int) string {
	const tail = " · esc clears"
	room := w - width("⧩ ") - width(tail)
	if room < 8 {
		return clip("⧩ "+summary, max0(w))
	}
	return "⧩ " + clip(summary, room) + tail
}

// statusRight is the search and quote position and how far through the
// text the reader is.
func (m *Model) statusRight(t *tab) string {
	var right []string
	if t.rd.Searching() {
		pos, total, capped := t.rd.SearchPlace()
		dir := "/"
		if t.rd.Backward() {
			dir = "?"
		}
		s := dir + t.rd.SearchQuery() + " " + strconv.Itoa(pos) + "/" + strconv.Itoa(total)
		if capped {
			s += "+"
		}
		right = append(right, s)
	}
	if fq := t.rd.FocusQuote(); fq >= 0 {
		quotes := t.rd.Quotes()
		if pos := indexOf(quotes, fq, -1); pos >= 0 {
			what := "quote "
			if t.d.B.Quotes[fq].Kind == briefing.Turn {
				what = "turn "
			}
			if m.starred(t, fq) {
				what = hitpane.StarMark + " " + what
			}
			right = append(right, what+strconv.Itoa(pos+1)+"/"+strconv.Itoa(len(quotes)))
		}
	}
	right = append(right, strconv.Itoa(t.rd.Percent())+"%")
	return strings.Join(right, " · ")
}

// statusWhere is the current speaker and section, cut to room cells.
func (m *Model) statusWhere(t *tab, room int) string {
	st := m.st
	var b strings.Builder
	used := 0
	if s := t.rd.CurrentSpeaker(); s >= 0 {
		sp := t.d.Speakers[s]
		name := "▶ " + sp.Name
		b.WriteString(st.SpeakerBold(sp.Colour).S(name))
		used += width(name)
	}
	if si := t.rd.Section(); si >= 0 && !t.d.Implicit {
		sec := "§" + strconv.Itoa(si+1) + " " + t.d.SectionTitle(si)
		if used > 0 {
			sec = " · " + sec
		}
		b.WriteString(st.Status.S(sec))
	}
	return clip(b.String(), max0(room))
}

// inputLine draws the text input with a block cursor.
func (m *Model) inputLine() string {
	st := m.st
	in := m.in
	v := in.ti.Value()
	pos := min(in.ti.pos, len([]rune(v)))
	runes := []rune(v)
	before := string(runes[:pos])
	at, after := " ", ""
	if pos < len(runes) {
		at = string(runes[pos])
		after = string(runes[pos+1:])
	}
	prompt := st.StatusKey.S(in.ti.prompt)
	var info string
	if t := m.tab(); t != nil && in.kind == inputSearch && v != "" {
		p, total, _ := t.rd.SearchPlace()
		info = strconv.Itoa(p) + "/" + strconv.Itoa(total)
		if total == 0 {
			info = "no match"
		}
	}
	line := prompt + sanitizeInput(before) + st.Match.S(sanitizeInput(at)) + sanitizeInput(after)
	room := m.w - width(info) - 1
	if width(line) > room {
		// Keep the cursor end in view.
		line = prompt + "…" + sanitizeInput(lastCells(before, max0(room-width(in.ti.prompt)-3))) + st.Match.S(sanitizeInput(at))
	}
	return fit(fit(line, max0(room))+" "+st.Muted.S(info), m.w)
}

// sanitizeInput shows typed text safely: controls (pasted escapes) become
// U+FFFD.
func sanitizeInput(s string) string {
	ok := true
	for _, r := range s {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			ok = false
			break
		}
	}
	if ok {
		return textclean.Line(s)
	}
	var b strings.Builder
	for _, r := range s {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			r = utf8.RuneError
		}
		b.WriteRune(r)
	}
	return textclean.Line(b.String())
}

func lastCells(s string, n int) string {
	r := []rune(s)
	for i := 0; i < len(r); i++ {
		if width(string(r[i:])) <= n {
			return string(r[i:])
		}
	}
	return ""
}
