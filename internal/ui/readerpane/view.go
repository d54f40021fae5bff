package readerpane

import (
	"strconv"
	"strings"

	"github.com/brief-reader/brief/internal/ui/cell"
	"github.com/brief-reader/brief/internal/ui/doc"
)

// view draws the viewport: exactly r.h lines of r.w cells. Only the
// blocks on screen are touched.
func (r *Model) view() []string {
	lines := make([]string, 0, r.h)
	if r.w <= 0 || r.h <= 0 {
		return lines
	}
	if len(r.vis) == 0 {
		msg := "Nothing to show."
		if !r.flt.empty() {
			msg = "Nothing matches the filters (esc clears them)."
		} else if len(r.d.B.Paragraphs) == 0 {
			msg = "This briefing has no text."
		}
		lines = append(lines, cell.Fit(r.st.Muted.S(cell.Clip(msg, r.w)), r.w))
		return cell.Blank(lines, r.h-1, r.w)
	}
	curBlock := -1
	if fq := r.focusQuote(); fq >= 0 && fq == r.cur {
		curBlock = r.quoteBlock(fq)
	}
	skip := r.off
	for v := r.top; v < len(r.vis) && len(lines) < r.h; v++ {
		b := r.vis[v]
		lines = r.blockLines(lines, b, skip, r.h-len(lines), b == curBlock)
		skip = 0
	}
	return cell.Blank(lines, r.h-len(lines), r.w)
}

// blockLines appends at most max lines of block b, starting at its line
// from.
func (r *Model) blockLines(out []string, b, from, max int, current bool) []string {
	blk := r.d.Blocks[b]
	if blk.Kind == doc.SectionHead {
		return r.headLines(out, blk, from, max)
	}
	st := r.st
	end := len(out) + max
	line := 0
	mark := func(first bool) string {
		if !current {
			return " "
		}
		if first {
			return st.Selected.S("▶")
		}
		return st.Selected.S("▏")
	}
	if blk.Label {
		if line >= from && len(out) < end {
			out = append(out, cell.Fit(mark(true)+r.label(blk, r.w-1), r.w))
		}
		line++
	}
	text := r.textLines(b)
	bar := r.bar(blk)
	searching := r.search.active()
	curOrd := -1
	if searching && r.search.cur >= 0 && r.search.cur < len(r.search.hits) && r.search.hits[r.search.cur].block == b {
		curOrd = r.search.hits[r.search.cur].ord
	}
	ord := 0
	if searching && from > line {
		// Count the matches in the lines above the first one drawn, so
		// the current match is still told apart.
		for i := 0; i < min(from-line, len(text)); i++ {
			ord += len(findAll(stripSGR(text[i]), r.search.query, r.search.sensitive))
		}
	}
	for i, t := range text {
		if line >= from {
			if len(out) >= end {
				return out
			}
			if searching {
				t = r.highlight(t, curOrd, &ord)
			}
			var sb strings.Builder
			sb.WriteString(mark(!blk.Label && i == 0))
			sb.WriteString(bar)
			sb.WriteByte(' ')
			sb.WriteString(t)
			out = append(out, cell.Fit(sb.String(), r.w))
		}
		line++
	}
	if line >= from && len(out) < end {
		out = append(out, cell.Spaces(r.w))
	}
	return out
}

// bar is the gutter mark of a block: its shape says how it is spoken
// (┃ turn, ▌ direct quote, ┆ reported speech), its colour who speaks.
func (r *Model) bar(blk doc.Block) string {
	glyph := " "
	switch blk.Voice {
	case doc.Turn:
		glyph = "┃"
	case doc.Direct:
		glyph = "▌"
	case doc.Reported:
		glyph = "┆"
	}
	if glyph == " " || blk.Speaker < 0 {
		return glyph
	}
	return r.st.Speaker(r.d.Speakers[blk.Speaker].Colour).S(glyph)
}

// label is the speaker line above a run of speech, at most w cells.
func (r *Model) label(blk doc.Block, w int) string {
	s := r.d.Speakers[blk.Speaker]
	name := cell.Clip(s.Name, max0(w))
	out := r.st.SpeakerBold(s.Colour).S(name)
	rest := w - cell.Width(name)
	tail := ""
	if s.Role != "" {
		tail = " · " + s.Role
	}
	if blk.Voice == doc.Reported {
		tail += " (reported)"
	}
	if tail != "" && rest > 4 {
		out += r.st.LabelRole.S(cell.Clip(tail, rest))
	}
	return out
}

// headLines draws a section heading: "§2 Title ────" then its topics.
func (r *Model) headLines(out []string, blk doc.Block, from, max int) []string {
	st := r.st
	d := r.d
	si := blk.Section
	var lines [3]string
	n := 0
	title := "§" + strconv.Itoa(si+1) + " " + d.SectionTitle(si)
	title = cell.Clip(title, max0(r.w-2))
	rule := max0(r.w - cell.Width(title) - 1)
	lines[n] = st.SectionTitle.S(title) + " " + st.SectionRule.S(cell.Repeat("─", rule))
	n++
	if ts := d.Sections[si].Topics; len(ts) > 0 {
		labels := make([]string, 0, len(ts))
		for _, t := range ts {
			labels = append(labels, d.TopicLabel(t))
		}
		lines[n] = "   " + st.SectionTopics.S(cell.Clip(strings.Join(labels, " · "), max0(r.w-3)))
		n++
	}
	lines[n] = ""
	n++
	for i := from; i < n && max > 0; i++ {
		out = append(out, cell.Fit(lines[i], r.w))
		max--
	}
	return out
}

func max0(n int) int {
	if n < 0 {
		return 0
	}
	return n
}
