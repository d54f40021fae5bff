package ui

import (
	"strconv"
	"strings"

	"github.com/brief-reader/brief/internal/briefing"
	"github.com/brief-reader/brief/internal/ui/doc"
	"github.com/brief-reader/brief/internal/ui/pane"
	"github.com/brief-reader/brief/internal/ui/theme"
)

// quoteItemHeight is the height of an item in the Quotes pane: who and
// where, then two lines of the quote.
const quoteItemHeight = 3

func cursorGlyph(st *theme.Styles, on, focused bool) string { return pane.CursorGlyph(st, on, focused) }

// quotesBody draws the Quotes pane: for each quote, the speaker and
// section, then two lines of it.
func quotesBody(st *theme.Styles, t *tab, w, h int, focused bool, current int) []string {
	lines := make([]string, 0, h)
	if t == nil {
		return blank(lines, h, w)
	}
	if len(t.qts.Items) == 0 {
		msg := "No quotes."
		if t.qts.query != "" || t.spkSel != nil || len(t.topicSel) > 0 {
			msg = "No quote matches the filters."
		}
		lines = append(lines, fit(st.Muted.S(clip(msg, w)), w))
		return blank(lines, h-1, w)
	}
	t.qts.Clamp(h, quoteItemHeight)
	d := t.d
	for i := t.qts.Offset; i < len(t.qts.Items) && len(lines)+quoteItemHeight <= h; i++ {
		qi := t.qts.Items[i]
		lines = append(lines, quoteItem(st, d, qi, w, i == t.qts.Cursor, focused, qi == current)...)
	}
	return blank(lines, h-len(lines), w)
}

func quoteItem(st *theme.Styles, d *doc.Doc, qi, w int, isCursor, focused, current bool) []string {
	q := d.B.Quotes[qi]
	out := make([]string, 0, quoteItemHeight)
	colour := theme.NoSpeaker
	name := q.Speaker
	if s := d.QuoteSpeaker[qi]; s >= 0 {
		colour, name = d.Speakers[s].Colour, d.Speakers[s].Name
	}
	var b strings.Builder
	b.WriteString(cursorGlyph(st, isCursor, focused))
	if current {
		b.WriteString(st.Selected.S("▶"))
	} else {
		b.WriteString(st.Speaker(colour).S("▌"))
	}
	where := ""
	if !d.Implicit && q.Section >= 0 && q.Section < len(d.Sections) {
		where = "§" + strconv.Itoa(q.Section+1) + " " + d.SectionTitle(q.Section)
	} else {
		where = "¶" + strconv.Itoa(q.Paragraph+1)
	}
	nameC := clip(name, max0(w-2))
	b.WriteString(st.SpeakerBold(colour).S(nameC))
	rest := w - 2 - width(nameC)
	if rest > 4 {
		b.WriteString(st.Muted.S(" " + clip(where, rest-1)))
	}
	out = append(out, fit(b.String(), w))
	// Two lines of the quote; only the start of a long one is wrapped.
	text := q.Text
	if len(text) > 4*w+16 {
		text = strings.ToValidUTF8(text[:4*w+16], "")
	}
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\n\n", " "), "\n", " ")
	tw := max(1, w-3)
	p := st.Text
	open, closeQ := "", ""
	switch q.Kind {
	case briefing.Direct:
		p = st.Quote
		open, closeQ = "“", "”"
	case briefing.Reported:
		p = st.Reported
	}
	text = open + text
	ranges := doc.Wrap(text, tw)
	for k := 0; k < 2; k++ {
		line := ""
		if k < len(ranges) {
			line = text[ranges[k].Start:ranges[k].End]
			if k == 1 && len(ranges) > 2 {
				line = clip(line+" …", tw)
			} else if k == len(ranges)-1 && closeQ != "" && len(text) == len(open)+len(q.Text) {
				line += closeQ
			}
		}
		out = append(out, fit("  "+p.S(clip(line, tw))+" ", w))
	}
	return out
}
