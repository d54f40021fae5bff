package doc

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/brief-reader/brief/internal/briefing"
	"github.com/brief-reader/brief/internal/ui/theme"
)

// MaxGlamourBytes is the longest paragraph handed to glamour. Longer ones
// (a 1 MiB line, say) stay plain-wrapped: glamour's time grows with them
// and it cannot break a word wider than the line.
const MaxGlamourBytes = 32 << 10

// DirectSpans returns the byte ranges of paragraph p's text inside direct
// quotes, in order.
func (d *Doc) DirectSpans(p int) []Range {
	var out []Range
	text := d.B.Paragraphs[p].Text
	add := func(s, e int) {
		s, e = max(s, 0), min(e, len(text))
		for s < e && text[s] == ' ' {
			s++
		}
		for e > s && text[e-1] == ' ' {
			e--
		}
		if s < e {
			out = append(out, Range{s, e})
		}
	}
	// Quotes starting in p, and quotes running into p from before.
	for _, qi := range d.ParaQuotes[p] {
		q := d.B.Quotes[qi]
		if q.Kind != briefing.Direct {
			continue
		}
		e := len(text)
		if q.EndParagraph == p {
			e = q.End
		}
		add(q.Start, e)
	}
	if len(out) == 0 && d.direct(p) {
		for _, q := range d.B.Quotes {
			if q.Kind == briefing.Direct && q.Paragraph < p && q.EndParagraph >= p {
				e := len(text)
				if q.EndParagraph == p {
					e = q.End
				}
				add(reopenedAt(text), e)
			}
		}
	}
	return out
}

func (d *Doc) direct(p int) bool {
	blk := d.Blocks[d.ParaBlock[p]]
	return blk.Voice == Direct
}

func reopenedAt(t string) int {
	for _, m := range []string{"“", "‘", "«", "„", "‚", "‹", "\"", "'"} {
		if strings.HasPrefix(t, m) {
			return len(m)
		}
	}
	return 0
}

// Plain wraps a paragraph block's text to width and paints it: direct
// quotes in the quote style, stage directions and reported speech muted.
// It is the placeholder shown until glamour's render arrives, and what
// long paragraphs always get.
func (d *Doc) Plain(block, width int, st *theme.Styles) []string {
	if d.Blocks[block].Kind != Para {
		return nil
	}
	return d.Paint(block, Wrap(d.Text(block), width), st)
}

// Paint paints the lines of a paragraph block given as byte ranges of its
// text (from Wrap).
func (d *Doc) Paint(block int, lines []Range, st *theme.Styles) []string {
	blk := d.Blocks[block]
	if blk.Kind != Para {
		return nil
	}
	text := d.B.Paragraphs[blk.Para].Text
	out := make([]string, len(lines))
	base := st.Text
	switch blk.Voice {
	case Stage:
		base = st.Stage
	case Reported:
		base = st.Reported
	case Heading:
		base = st.Heading
	}
	var spans []Range
	if blk.Voice == Direct || blk.Voice == Turn || blk.Voice == Narration || blk.Voice == Reported {
		spans = d.DirectSpans(blk.Para)
	}
	for i, l := range lines {
		out[i] = paintRange(text, l, spans, base, st.Quote)
	}
	return out
}

// paintRange paints text[r] with base, and the parts inside spans with
// quote.
func paintRange(text string, r Range, spans []Range, base, quote theme.Paint) string {
	if len(spans) == 0 {
		return base.S(text[r.Start:r.End])
	}
	var b strings.Builder
	pos := r.Start
	for _, s := range spans {
		if s.End <= pos || s.Start >= r.End {
			continue
		}
		lo, hi := max(s.Start, pos), min(s.End, r.End)
		if lo > pos {
			b.WriteString(base.S(text[pos:lo]))
		}
		b.WriteString(quote.S(text[lo:hi]))
		pos = hi
	}
	if pos < r.End {
		b.WriteString(base.S(text[pos:r.End]))
	}
	return b.String()
}

// Glamourable reports whether a block goes through glamour.
func (d *Doc) Glamourable(block int) bool {
	blk := d.Blocks[block]
	if blk.Kind != Para || blk.Voice == Stage || blk.Voice == Heading {
		return false
	}
	text := d.B.Paragraphs[blk.Para].Text
	return len(text) > 0 && len(text) <= MaxGlamourBytes && !glamourAlters(text)
}

// glamourAlters reports whether glamour would change the words of text
// even with its punctuation escaped: it decodes HTML entities, strikes
// through ~text~ and turns web and mail addresses into links (adding
// "http://" or a "mailto:" copy). Escaping &, ~, : or @ leaves a visible
// backslash, so such paragraphs stay plain: a quote must read as said.
func glamourAlters(text string) bool {
	if strings.ContainsAny(text, "&~@") {
		return true
	}
	return strings.Contains(text, "://") || strings.Contains(strings.ToLower(text), "www.")
}

// Markdown is what glamour gets for a paragraph block: its text with every
// ASCII punctuation mark escaped (the parser has already turned any
// Markdown into plain text, so nothing in it is markup) and direct quotes
// in emphasis.
func (d *Doc) Markdown(block int) string {
	blk := d.Blocks[block]
	text := d.B.Paragraphs[blk.Para].Text
	spans := d.DirectSpans(blk.Para)
	var b strings.Builder
	b.Grow(len(text) + len(text)/8 + 4*len(spans))
	pos := 0
	for _, s := range spans {
		if s.Start < pos {
			continue
		}
		escapeMD(&b, text[pos:s.Start], pos == 0)
		b.WriteByte('*')
		escapeMD(&b, text[s.Start:s.End], false)
		b.WriteByte('*')
		pos = s.End
	}
	escapeMD(&b, text[pos:], pos == 0)
	return b.String()
}

func escapeMD(b *strings.Builder, s string, lineStart bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\n' {
			// A line break inside a paragraph stays one.
			b.WriteString("\\\n")
			for i+1 < len(s) && s[i+1] == ' ' {
				i++
			}
			lineStart = true
			continue
		}
		if lineStart && c != ' ' {
			lineStart = false
			if strings.IndexByte("#+-=", c) >= 0 {
				b.WriteByte('\\')
			} else if c >= '0' && c <= '9' {
				// "1." or "1)" would start an ordered list.
				j := i
				for j < len(s) && s[j] >= '0' && s[j] <= '9' {
					j++
				}
				if j < len(s) && (s[j] == '.' || s[j] == ')') {
					b.WriteString(s[i:j])
					b.WriteByte('\\')
					i = j - 1
					continue
				}
			}
		}
		if isMarkup(c) {
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
}

// isMarkup reports whether c is Markdown markup anywhere in a line.
// Escapes are kept to these: glamour measures the backslashes when it
// wraps, and prints the backslash of escapes it does not know (such as
// \, or \:).
func isMarkup(c byte) bool {
	return strings.IndexByte("\\`*_[]<>", c) >= 0
}

// Styled checks glamour's output for a paragraph and returns it as one
// styled line: only SGR sequences kept (glamour emits nothing else, but
// the reader never trusts a renderer with the terminal), padding and line
// ends trimmed. It returns ok=false unless the text without styling is
// exactly the paragraph's text: glamour may style a quote, never change
// a word of it.
func Styled(out, text string) (string, bool) {
	out = keepSGR(strings.TrimRight(out, "\n"))
	if ansi.Strip(out) != text {
		return "", false
	}
	return out, true
}

// CutStyled cuts a styled line into the lines Wrap gave for its plain
// text: ranges are byte ranges of the text without styling. The styling
// active where a line is cut carries over to the next line, and every
// styled line ends with a reset, so each line stands alone.
func CutStyled(styled string, ranges []Range) []string {
	out := make([]string, 0, len(ranges))
	var active, cur strings.Builder
	li, plain := 0, 0
	inLine, styledLine := false, false
	emptyLines := func() {
		for li < len(ranges) && !inLine && ranges[li].Start == ranges[li].End && plain >= ranges[li].Start {
			out = append(out, "")
			li++
		}
	}
	for i := 0; i < len(styled) && li < len(ranges); {
		if styled[i] == 0x1b {
			n := sgrLen(styled, i)
			if n == 0 {
				i++
				continue
			}
			seq := styled[i : i+n]
			if seq == "\x1b[0m" || seq == "\x1b[m" {
				active.Reset()
			} else {
				active.WriteString(seq)
			}
			if inLine {
				cur.WriteString(seq)
				styledLine = true
			}
			i += n
			continue
		}
		emptyLines()
		if li >= len(ranges) {
			break
		}
		r := ranges[li]
		if !inLine && plain >= r.Start {
			inLine = true
			cur.Reset()
			styledLine = active.Len() > 0
			cur.WriteString(active.String())
		}
		if inLine && plain < r.End {
			cur.WriteByte(styled[i])
		}
		plain++
		i++
		if inLine && plain >= r.End {
			if styledLine {
				cur.WriteString("\x1b[0m")
			}
			out = append(out, cur.String())
			inLine = false
			li++
		}
	}
	if inLine {
		if styledLine {
			cur.WriteString("\x1b[0m")
		}
		out = append(out, cur.String())
		li++
	}
	for ; li < len(ranges); li++ {
		out = append(out, "")
	}
	return out
}

// keepSGR drops every escape sequence except SGR (ESC [ params m), whole,
// and every other control character.
func keepSGR(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == 0x7f || c == 0xc2 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9f {
			if c != 0x1b || !isSGRAt(s, i) {
				clean = false
				break
			}
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == 0x1b:
			if n := sgrLen(s, i); n > 0 {
				b.WriteString(s[i : i+n])
				i += n
				continue
			}
			i = skipEscape(s, i)
		case c == 0xc2 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9f:
			// A C1 control: treat as the escape it stands for.
			i += 2
		case c < 0x20 || c == 0x7f:
			i++
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String()
}

// skipEscape returns the index after the escape sequence at s[i]: CSI up
// to its final byte, OSC, DCS, SOS, PM and APC up to BEL or ST, anything
// else two bytes.
func skipEscape(s string, i int) int {
	if i+1 >= len(s) {
		return len(s)
	}
	switch s[i+1] {
	case '[':
		for j := i + 2; j < len(s); j++ {
			if c := s[j]; c >= 0x40 && c <= 0x7e {
				return j + 1
			}
		}
		return len(s)
	case ']', 'P', 'X', '^', '_':
		for j := i + 2; j < len(s); j++ {
			if s[j] == 0x07 {
				return j + 1
			}
			if s[j] == 0x1b && j+1 < len(s) && s[j+1] == '\\' {
				return j + 2
			}
		}
		return len(s)
	}
	return i + 2
}

func isSGRAt(s string, i int) bool { return sgrLen(s, i) > 0 }

// sgrLen returns the length of the SGR sequence at s[i], or 0.
func sgrLen(s string, i int) int {
	if i+1 >= len(s) || s[i] != 0x1b || s[i+1] != '[' {
		return 0
	}
	for j := i + 2; j < len(s); j++ {
		c := s[j]
		switch {
		case c >= '0' && c <= '9', c == ';', c == ':':
			continue
		case c == 'm':
			return j - i + 1
		default:
			return 0
		}
	}
	return 0
}
