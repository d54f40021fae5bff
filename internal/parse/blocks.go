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
	// Spaces and newlines are single bytes that no other character holds:
	// the words between them are copied whole.
	for len(s) > 0 {
		// Words are short: a loop beats strings.IndexAny's call per word.
		i := 0
		for i < len(s) && s[i] != ' ' && s[i] != '\n' {
			i++
		}
		if i > 0 {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(s[:i])
		}
		s = s[i:]
		for len(s) > 0 && (s[0] == ' ' || s[0] == '\n') {
			s = s[1:]
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
}

// maxKeptSource bounds the text buffer an mdReader keeps between files.
const maxKeptSource = 4 << 20

// blocks reads s as markdownBlocks does.
func (r *mdReader) blocks(s string, out []block) []block {
	src := dedent(r.src[:0], s)
	if cap(src) <= maxKeptSource {
		r.src = src
	}
	doc := r.md.Parse(text.NewReader(src))
	in := &r.in // one set of buffers for every block's text
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
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
				walk(c)
			}
		}
	}
	walk(doc)
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
