package parse

import (
	"bytes"
	"html"
	"reflect"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/brief-reader/brief/internal/textclean"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// block is a paragraph of source text before it is classified.
type block struct {
	text  string
	level int // Markdown heading level; 0 for other blocks
	words int // wordCount(text), counted once by countWords
}

// countWords counts the words of each block, once for all that ask.
func countWords(blocks []block) {
	for i := range blocks {
		blocks[i].words = wordCount(blocks[i].text)
	}
}

// plainBlocks splits plain text into paragraphs at blank lines and at lines
// holding a lone full stop (a scraping residue). Lines inside
// a paragraph are joined with spaces, except that a line opening with a
// sure speaker label ("MS. LEAVITT:", "Q") starts a new paragraph, since
// some transcripts put each turn on its own line.
func plainBlocks(s string) []block {
	var out []block
	var cur []string
	flush := func() {
		if len(cur) == 0 {
			return
		}
		t := collapseSpaces(strings.Join(cur, " "))
		if t != "" {
			out = append(out, block{text: t})
		}
		cur = cur[:0]
	}
	for len(s) > 0 {
		line := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		line = strings.TrimSpace(line)
		// A line holding only a full stop is a paragraph break left by
		// scraping ("…first sentence\n .\n Next paragraph").
		if line == "" || line == "." {
			flush()
			continue
		}
		if len(cur) > 0 && endsClause(cur[len(cur)-1]) && opensTurn(line) {
			flush()
		}
		cur = append(cur, line)
	}
	flush()
	return out
}

// opensTurn reports whether a line inside a paragraph surely opens a new
// transcript turn: a strong label, or Q followed by a colon or a wide gap
// (a wrapped line of prose may start with a lone "Q").
func opensTurn(line string) bool {
	l, ok := readLabel(line)
	if !ok || l.strength != strongLabel {
		return false
	}
	if l.text == "Q" {
		return strings.HasPrefix(line, "Q:") || strings.HasPrefix(line, "Q  ")
	}
	return true
}

// endsClause reports whether a line ends where a new turn may begin: after
// closing punctuation, not in the middle of a phrase ("[Associated" /
// "Press:").
func endsClause(line string) bool {
	line = strings.TrimRight(line, " ")
	if line == "" {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(line)
	return strings.ContainsRune(".?!:;\"”’)]—–-…", r) || unicode.IsDigit(r)
}

// collapseSpaces trims s and turns every run of spaces into one space.
func collapseSpaces(s string) string {
	s = strings.TrimSpace(s)
	if !strings.Contains(s, "  ") && !strings.ContainsAny(s, "\n") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	if !utf8.ValidString(s) {
		// Rune by rune, each invalid byte becoming U+FFFD.
		space := false
		for _, r := range s {
			if r == ' ' || r == '\n' {
				space = true
				continue
			}
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		}
		return b.String()
	}
	// Spaces and newlines are single bytes that no other character holds.
	// s is trimmed, so each run of them lies between words and becomes
	// one space: the text between runs that are not a single space (a
	// newline, or two spaces) is copied whole, found by IndexByte and
	// Index. nl and dbl are where the next newline and double space start
	// (len(s) for none), from the start of s.
	nl, dbl := -1, -1
	for len(s) > 0 {
		if nl < 0 {
			if nl = strings.IndexByte(s, '\n'); nl < 0 {
				nl = len(s)
			}
		}
		if dbl < 0 {
			if dbl = strings.Index(s, "  "); dbl < 0 {
				dbl = len(s)
			}
		}
		i := min(nl, dbl)
		if i > 0 && s[i-1] == ' ' {
			i-- // the space before a newline
		}
		b.WriteString(s[:i])
		j := i
		for j < len(s) && (s[j] == ' ' || s[j] == '\n') {
			j++
		}
		if j == len(s) {
			break
		}
		b.WriteByte(' ')
		s = s[j:]
		// The next newline and double space, when past the run just
		// passed, are still the next: searched again only when not.
		if nl -= j; nl < 0 {
			nl = -1
		}
		if dbl -= j; dbl < 0 {
			dbl = -1
		}
	}
	return b.String()
}

// newMarkdownParser builds the Markdown parser a Parser keeps: building
// one cost more than many a parse.
func newMarkdownParser() parser.Parser {
	// Scraped Markdown indents ordinary paragraphs; lines are dedented
	// before parsing, so indented code blocks never occur.
	codeBlock := reflect.TypeOf(parser.NewCodeBlockParser())
	var blocks []util.PrioritizedValue
	for _, v := range parser.DefaultBlockParsers() {
		if reflect.TypeOf(v.Value) != codeBlock {
			blocks = append(blocks, v)
		}
	}
	return parser.NewParser(
		parser.WithBlockParsers(blocks...),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
	)
}

// markdownBlocks turns Markdown into paragraphs of plain text, appended to
// out: markup is dropped, headings keep their level, links keep their text.
func markdownBlocks(md parser.Parser, s string, out []block) []block {
	return (&mdReader{md: md}).blocks(s, out)
}

// mdReader reads Markdown files one after another with one Markdown
// parser, keeping its buffers from one file to the next: the dedented
// copy of the text and the inline text's. No block's text points into
// them.
type mdReader struct {
	md  parser.Parser
	src []byte
	in  inlines
	// paras and marked are the fast path's (see paragraphs): the
	// paragraphs in order, nil for those with markup, and the text of
	// those.
	paras  [][]byte
	marked []byte
}

// maxKeptSource bounds the text buffer an mdReader keeps between files.
const maxKeptSource = 4 << 20

// blocks reads s as markdownBlocks does.
func (r *mdReader) blocks(s string, out []block) []block {
	return r.read(s, out, true)
}

// read reads s into blocks appended to out. With fast, a text whose
// blocks are all paragraphs (onlyParagraphs) is split into them here, and
// only the paragraphs holding inline markup go to the Markdown parser;
// without, the parser reads it all. Both give the same blocks.
func (r *mdReader) read(s string, out []block, fast bool) []block {
	src := dedent(r.src[:0], s)
	if cap(src) <= maxKeptSource {
		r.src = src
	}
	fastOut, ok := out, false
	if fast && onlyParagraphs(src) {
		fastOut, ok = r.paragraphs(src, out)
	}
	if ok {
		out = fastOut
	} else {
		out = r.walk(r.md.Parse(text.NewReader(src)), src, out)
	}
	// Entities decode to any character ("&#1;", "&#27;[2J"): clean the
	// text as a file's text is cleaned when it is read. Every block's text
	// is collapsed already; only a change by Normalize needs it again.
	kept := out[:0]
	for _, bl := range out {
		if t := textclean.Normalize(bl.text); t != bl.text {
			bl.text = collapseSpaces(t)
		}
		if bl.text != "" {
			kept = append(kept, bl)
		}
	}
	return kept
}

// walk appends the blocks under n, parsed from src, to out.
func (r *mdReader) walk(n ast.Node, src []byte, out []block) []block {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		out = r.walkNode(c, src, out)
	}
	return out
}

// walkNode appends the blocks of c, parsed from src, to out.
func (r *mdReader) walkNode(c ast.Node, src []byte, out []block) []block {
	in := &r.in // one set of buffers for every block's text
	switch c := c.(type) {
	case *ast.Heading:
		in.read(c, src)
		// in.text is its lines joined by spaces.
		if t := collapseSpaces(in.text); t != "" {
			out = append(out, block{text: t, level: c.Level})
		}
	case *ast.Paragraph, *ast.TextBlock:
		in.read(c, src)
		out = in.splitLabelLines(out)
	case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock:
		t := linesText(c, src)
		if _, ok := c.(*ast.HTMLBlock); ok {
			t = stripTags(t)
		}
		if t = collapseSpaces(t); t != "" {
			out = append(out, block{text: t})
		}
	case *ast.ThematicBreak:
	default:
		out = r.walk(c, src, out)
	}
	return out
}

// inlineMarks are the bytes that open inline markup: the triggers of the
// inline parsers newMarkdownParser uses (TestInlineMarks checks them) and
// the backslash, which escapes and breaks lines.
const inlineMarks = "`[]!<*_\\"

// onlyParagraphs reports whether the Markdown parser would read dedented
// src as paragraphs alone: no line opens another block (a heading, list,
// quote, fence, HTML, thematic break or setext underline) and no link
// reference definition can occur. It errs on the side of no: "*" opens a
// list only before a space, but "** * *" and "*  x" are refused alike.
func onlyParagraphs(src []byte) bool {
	if bytes.Contains(src, []byte("]:")) {
		return false // a link reference definition, maybe
	}
	for len(src) > 0 {
		line := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		if util.IsBlank(line) {
			continue
		}
		switch c := line[0]; {
		case util.IsSpace(c), c == '#', c == '>', c == '<', c == '=':
			return false
		case c == '`' || c == '~':
			if len(line) > 1 && line[1] == c {
				return false // a fence, maybe
			}
		case c == '*' || c == '+' || c == '-' || c == '_':
			if len(line) == 1 || util.IsSpace(line[1]) {
				return false // a list item
			}
			if len(bytes.Trim(line, string(c)+" \t\v\f\r")) == 0 {
				return false // a thematic break or setext underline
			}
		case c >= '0' && c <= '9':
			i := 1
			for i < len(line) && line[i] >= '0' && line[i] <= '9' {
				i++
			}
			if i < len(line) && (line[i] == '.' || line[i] == ')') && (i+1 == len(line) || util.IsSpace(line[i+1])) {
				return false // an ordered list item
			}
		}
	}
	return true
}

// paragraphs appends the paragraphs of src, which onlyParagraphs
// accepted, to out: runs of lines that are not blank. A paragraph with no
// inline markup is read here, each line trimmed as the parser trims it.
// Those with markup are copied one after another, a blank line between,
// into one text for the parser, which reads each as it would in the whole
// text since no line opens a block or defines a link; their blocks take
// their places among the others'.
//
// ok is false, and out untouched, if the parser did not find one
// paragraph for each one with markup, which onlyParagraphs should make
// impossible.
func (r *mdReader) paragraphs(src []byte, out []block) (_ []block, ok bool) {
	r.marked = r.marked[:0]
	r.paras = r.paras[:0]
	for len(src) > 0 {
		var line []byte
		line, src = cutLine(src)
		if util.IsBlank(line) {
			continue
		}
		para := line
		for len(src) > 0 {
			next, rest := cutLine(src)
			if util.IsBlank(next) {
				break
			}
			para = para[:len(para)+len(next)] // the next line follows in src
			src = rest
		}
		if bytes.ContainsAny(para, inlineMarks) {
			r.marked = append(r.marked, para...)
			r.marked = append(r.marked, "\n\n"...)
			para = nil // its blocks come from the parsed document
		}
		r.paras = append(r.paras, para)
	}
	var next ast.Node // the parsed paragraph of the next marked one
	if len(r.marked) > 0 {
		doc := r.md.Parse(text.NewReader(r.marked))
		n := 0
		for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
			if _, ok := c.(*ast.Paragraph); !ok {
				return out, false
			}
			n++
		}
		if n != len(r.paras)-countNonNil(r.paras) {
			return out, false
		}
		next = doc.FirstChild()
	}
	in := &r.in
	for _, para := range r.paras {
		if para == nil {
			out = r.walkNode(next, r.marked, out)
			next = next.NextSibling()
			continue
		}
		in.buf, in.ends = in.buf[:0], in.ends[:0]
		for len(para) > 0 {
			var line []byte
			line, para = cutLine(para)
			in.buf = append(in.buf, resolveText(util.TrimRightSpace(util.TrimLeftSpace(line)))...)
			if len(para) > 0 {
				in.ends = append(in.ends, len(in.buf))
				in.buf = append(in.buf, ' ')
			}
		}
		in.split()
		out = in.splitLabelLines(out)
	}
	clear(r.paras) // no pointers into src kept
	if cap(r.marked) > maxKeptSource {
		r.marked = nil
	}
	return out, true
}

// countNonNil counts the slices in s that are not nil.
func countNonNil(s [][]byte) int {
	n := 0
	for _, b := range s {
		if b != nil {
			n++
		}
	}
	return n
}

// cutLine returns the first line of s with its newline, and the rest.
func cutLine(s []byte) (line, rest []byte) {
	if i := bytes.IndexByte(s, '\n'); i >= 0 {
		return s[:i+1], s[i+1:]
	}
	return s, nil
}

// dedent removes leading spaces from every line, into the one copy of the
// text the Markdown parser reads, appended to b.
func dedent(b []byte, s string) []byte {
	b = slices.Grow(b, len(s))
	for len(s) > 0 {
		line := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line, s = s[:i+1], s[i+1:]
		} else {
			s = ""
		}
		b = append(b, strings.TrimLeft(line, " ")...)
	}
	return b
}

// inlines holds the text of a block's inline content, one line per soft or
// hard line break. The lines are parts of one string, text, one after
// another with a space between each two, so that a run of lines is often
// its own paragraph's text; the buffers are kept from one block to the next.
type inlines struct {
	buf    []byte
	ends   []int // where each line but the last ends in buf
	text   string
	lines  []string
	starts []int // where each line starts in text
	cur    []string
}

// read gathers the inline text of n.
func (in *inlines) read(n ast.Node, src []byte) {
	in.buf, in.ends = in.buf[:0], in.ends[:0]
	in.walk(n, src)
	in.split()
}

// split makes text and lines from buf and ends.
func (in *inlines) split() {
	in.text = string(in.buf)
	in.lines, in.starts = in.lines[:0], in.starts[:0]
	start := 0
	for _, end := range in.ends {
		in.lines = append(in.lines, in.text[start:end])
		in.starts = append(in.starts, start)
		start = end + 1
	}
	in.lines = append(in.lines, in.text[start:])
	in.starts = append(in.starts, start)
}

// walk appends the text under n to buf, noting where lines end.
func (in *inlines) walk(n ast.Node, src []byte) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			v := c.Segment.Value(src)
			if c.IsRaw() {
				in.buf = append(in.buf, v...)
			} else {
				in.buf = append(in.buf, resolveText(v)...)
			}
			if c.SoftLineBreak() || c.HardLineBreak() {
				in.ends = append(in.ends, len(in.buf))
				in.buf = append(in.buf, ' ')
			}
		case *ast.String:
			in.buf = append(in.buf, c.Value...)
		case *ast.RawHTML:
			// Inline tags carry no text; <br> separates words.
			for i := 0; i < c.Segments.Len(); i++ {
				seg := c.Segments.At(i)
				if v := seg.Value(src); len(v) >= 3 && v[0] == '<' && v[1]|0x20 == 'b' && v[2]|0x20 == 'r' {
					in.buf = append(in.buf, ' ')
				}
			}
		case *ast.AutoLink:
			in.buf = append(in.buf, c.Label(src)...)
		case *ast.Image:
		default:
			in.walk(c, src)
		}
	}
}

// splitLabelLines appends the paragraphs of the lines read to out: the
// lines trimmed and joined by spaces, a new paragraph starting where a line
// opens with a sure speaker label.
func (in *inlines) splitLabelLines(out []block) []block {
	// A run of lines whose edges hold no other white space than spaces and
	// newlines is cut from text whole: trimming each line and joining them
	// by spaces would leave the same words once spaces are collapsed.
	// Other runs are trimmed line by line and joined.
	valid := utf8.ValidString(in.text)
	whole, first := valid, 0
	flush := func(last int) {
		var t string
		if whole {
			t = collapseSpaces(in.text[in.starts[first] : in.starts[last]+len(in.lines[last])])
		} else {
			t = collapseSpaces(strings.Join(in.cur, " "))
		}
		if t != "" {
			out = append(out, block{text: t})
		}
		in.cur = in.cur[:0]
	}
	in.cur = in.cur[:0]
	for i, l := range in.lines {
		t := strings.TrimSpace(l)
		if len(in.cur) > 0 && endsClause(in.cur[len(in.cur)-1]) && opensTurn(t) {
			flush(i - 1)
			whole, first = valid, i
		}
		if t != strings.Trim(l, " \n") {
			whole = false
		}
		in.cur = append(in.cur, t)
	}
	flush(len(in.lines) - 1)
	return out
}

// resolveText resolves backslash escapes and character references in v,
// returning v itself when it holds neither.
func resolveText(v []byte) []byte {
	if bytes.IndexByte(v, '\\') < 0 && bytes.IndexByte(v, '&') < 0 {
		return v
	}
	v = util.UnescapePunctuations(v)
	v = util.ResolveNumericReferences(v)
	return util.ResolveEntityNames(v)
}

func linesText(n ast.Node, src []byte) string {
	var b strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(src))
		b.WriteByte(' ')
	}
	return b.String()
}

// stripTags removes HTML tags and decodes entities.
func stripTags(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
		case r == '>' && in:
			in = false
			b.WriteByte(' ')
		case !in:
			b.WriteRune(r)
		}
	}
	return html.UnescapeString(b.String())
}
