package ui

import (
	"github.com/charmbracelet/bubbles/key"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/brief-reader/brief/internal/ui/doc"
	"github.com/brief-reader/brief/internal/ui/pane"
	"github.com/brief-reader/brief/internal/ui/theme"
)

// picker is the topic picker: a multi-select over the briefing's topics.
// Space toggles, enter applies, esc cancels.
type picker struct {
	ids    []string
	labels []string
	shares []float64
	counts []int
	sel    []bool
	cursor int
	offset int
}

func newPicker(t *tab) *picker {
	p := &picker{}
	for _, tp := range t.d.B.Topics {
		p.ids = append(p.ids, tp.ID)
		p.labels = append(p.labels, t.d.TopicLabel(tp.ID))
		p.shares = append(p.shares, tp.Share)
		p.counts = append(p.counts, t.topics.Count(tp.ID))
		p.sel = append(p.sel, t.topicSelected(tp.ID))
	}
	return p
}

func (p *picker) selected() []string {
	var out []string
	for i, on := range p.sel {
		if on {
			out = append(out, p.ids[i])
		}
	}
	return out
}

// Overlay box sizes, in cells. A box is centred over the panes.
const (
	// boxMarginW and boxMarginH are the columns and lines a box leaves
	// free of the screen (half on each side) when the screen is small.
	boxMarginW, boxMarginH = 4, 2
	// pickerMaxWidth caps the topic picker: a topic name, its bar and
	// count read best narrow.
	pickerMaxWidth = 46
	// pickerChrome is the picker's lines around its rows: the border
	// (2), the legend line and the line under the list.
	pickerChrome = 2*pane.Border + 2
	// docListMaxWidth caps the briefing list (B): date, title and file.
	docListMaxWidth = 100
	// docListChrome is the briefing list's lines around its rows: the
	// border (2), the filter line, a blank line, and two more for its
	// note and margin.
	docListChrome = 2*pane.Border + 4
	// helpMaxWidth caps the help box: up to four key columns side by side
	// (a column is about 38 cells with its gap).
	helpMaxWidth = 4*38 + 1 + 2*pane.Border
)

// view draws the picker box for a screen of w×h.
func (p *picker) view(st *theme.Styles, w, h int) ([]string, int, int) {
	bw := min(w-boxMarginW, pickerMaxWidth)
	rows := len(p.ids)
	if rows == 0 {
		rows = 1
	}
	bh := min(h-boxMarginH, rows+pickerChrome)
	if bw < 12 || bh < 5 {
		return nil, 0, 0
	}
	iw, ih := pane.Frame{W: bw, H: bh}.Inner()
	listH := ih - 2
	lines := make([]string, 0, ih)
	if len(p.ids) == 0 {
		lines = append(lines, fit(st.Muted.S(" This briefing has no topics."), iw))
	}
	p.cursor = clampInt(p.cursor, 0, max(len(p.ids)-1, 0))
	if p.cursor < p.offset {
		p.offset = p.cursor
	}
	if p.cursor >= p.offset+listH {
		p.offset = p.cursor - listH + 1
	}
	for i := p.offset; i < len(p.ids) && len(lines) < listH; i++ {
		var b strings.Builder
		b.WriteString(cursorGlyph(st, i == p.cursor, true))
		if p.sel[i] {
			b.WriteString(st.Checked.S("[x] "))
		} else {
			b.WriteString(st.Unchecked.S("[ ] "))
		}
		barW := 8
		// The same numbers as the Topics pane: the bar is the share of
		// words (topics overlap, so shares do not add up to 100%), the
		// number the quotes the filter keeps.
		count := strconv.Itoa(p.counts[i])
		const checkW, countW = 5, 4
		labelW := max0(iw - checkW - barW - 1 - countW - 1)
		lbl := clip(p.labels[i], labelW)
		lp := st.Text
		if i == p.cursor {
			lp = st.Bold
		}
		b.WriteString(lp.S(lbl))
		b.WriteString(spaces(labelW - width(lbl) + 1))
		b.WriteString(pane.ShareBar(st, p.shares[i], barW))
		b.WriteString(st.Muted.S(spaces(1+countW-len(count)) + count))
		lines = append(lines, fit(b.String(), iw))
	}
	lines = blank(lines, listH-len(lines), iw)
	lines = append(lines, spaces(iw))
	lines = append(lines, fit(st.Muted.S(clip(" bar: words · n: quotes (keys below)", iw)), iw))
	box := pane.Frame{W: bw, H: bh}.Draw(st, "Filter by topic", "", lines, true)
	return box, (w - bw) / 2, max(0, (h-bh)/2)
}

// helpView draws the help screen from the live key map: only enabled
// bindings, in the key map's columns.
func helpView(st *theme.Styles, groups [][]key.Binding, titles []string, w, h, offset int) ([]string, int, int) {
	type entry struct{ key, desc string }
	var cols [][]entry
	keyW := 0
	for gi, g := range groups {
		var col []entry
		title := ""
		if gi < len(titles) {
			title = titles[gi]
		}
		col = append(col, entry{key: "", desc: title})
		for _, b := range g {
			if !b.Enabled() {
				continue
			}
			hk := b.Help()
			col = append(col, entry{hk.Key, hk.Desc})
			keyW = max(keyW, width(hk.Key))
		}
		cols = append(cols, col)
	}
	bw := min(w, helpMaxWidth)
	if bw < 20 || h < 6 {
		return nil, 0, 0
	}
	iw, _ := pane.Frame{W: bw, H: h}.Inner()
	// A column is a key and its description; on a narrow screen the
	// description gets what is left, cut with an ellipsis.
	colW := min(keyW+2+helpDescWidth, iw-1)
	perRow := max(1, min(len(cols), (iw-1)/(colW+2)))
	var body []string
	for start := 0; start < len(cols); start += perRow {
		end := min(start+perRow, len(cols))
		rows := 0
		for _, c := range cols[start:end] {
			rows = max(rows, len(c))
		}
		for r := 0; r < rows; r++ {
			var b strings.Builder
			b.WriteByte(' ')
			for _, c := range cols[start:end] {
				cell := ""
				if r < len(c) {
					e := c[r]
					if e.key == "" {
						cell = st.SectionTitle.S(e.desc)
					} else {
						cell = st.Key.S(e.key) + spaces(keyW-width(e.key)+2) + st.KeyDesc.S(clip(e.desc, colW-keyW-2))
					}
				}
				b.WriteString(fit(cell, colW))
				b.WriteString("  ")
			}
			body = append(body, fit(b.String(), iw))
		}
		body = append(body, spaces(iw))
	}
	body = append(body, fit(st.SectionTitle.S(" Marks"), iw))
	// The legend and notes wrap to the box: nothing of them is cut.
	note := func(s string) {
		for _, r := range doc.Wrap(s, max(iw-2, 1)) {
			body = append(body, fit(" "+st.Muted.S(s[r.Start:r.End]), iw))
		}
	}
	for _, l := range helpLegend {
		note(l)
	}
	body = append(body, spaces(iw))
	for _, l := range helpNotes {
		note(l)
	}
	bh := min(h, len(body)+2)
	ih := bh - 2
	offset = clampInt(offset, 0, max(0, len(body)-ih))
	visible := body[offset:min(len(body), offset+ih)]
	closes := "? or esc closes"
	if len(body) > ih {
		closes = "j/k scroll · " + closes
	}
	box := pane.Frame{W: bw, H: bh}.Draw(st, "Keys", closes, visible, true)
	return box, (w - bw) / 2, max(0, (h-bh)/2)
}

// helpDescWidth is the room for a key's description in a help column.
const helpDescWidth = 22

// helpLegend says what the reader's marks mean.
var helpLegend = []string{
	"▶ the current quote (Reader, Quotes) or speaker (Speakers) · ▏ the rest of the current quote",
	"┃ a transcript turn · ▌ a direct quote · ┆ reported speech — in the speaker's colour",
	"● a speaker · ◆ kept by the speaker filter · ○ left out by it · ✓ a topic in the filter",
	"▸ the cursor in the focused pane · › the cursor in another pane · ⧩ active filters",
	"Speakers: quotes (direct and turns) +reported. Topics: the bar is the share of words, the number the quotes a filter on the topic keeps. The thick border is the focused pane.",
}

// helpNotes are the help's closing notes.
var helpNotes = []string{
	"In Speakers and Quotes, / filters the list: words match fuzzily, best first; 'word exactly, !word excludes.",
	"In the Reader, / searches forward and ? backward (smart case, as in less): n goes on the same way, N the other; ↑/↓ recall earlier searches; an empty search repeats the last.",
}

// overlay draws box over lines at column x, line y. Lines are cut with
// x/ansi so styling around the box survives.
func overlay(lines, box []string, x, y, w int) []string {
	for i, b := range box {
		row := y + i
		if row < 0 || row >= len(lines) {
			continue
		}
		bw := width(b)
		left := ansi.Cut(lines[row], 0, x)
		if strings.Contains(left, "\x1b") {
			left += "\x1b[0m"
		}
		right := ansi.Cut(lines[row], x+bw, w)
		lines[row] = fit(left, x) + b + fit(right, w-x-bw)
	}
	return lines
}
