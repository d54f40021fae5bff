package parse

import (
	"html"
	"reflect"
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
		i := strings.IndexAny(s, " \n")
		if i < 0 {
			i = len(s)
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

// markdownBlocks turns Markdown into paragraphs of plain text: markup is
// dropped, headings keep their level, links keep their text.
func markdownBlocks(md parser.Parser, s string) []block {
	src := dedent(s)
	doc := md.Parse(text.NewReader(src))
	var out []block
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Heading:
				if t := inlineText(c, src); t != "" {
					out = append(out, block{text: t, level: c.Level})
				}
			case *ast.Paragraph, *ast.TextBlock:
				for _, t := range splitLabelLines(inlineLines(c, src)) {
					out = append(out, block{text: t})
				}
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
	// text as a file's text is cleaned when it is read.
	kept := out[:0]
	for _, bl := range out {
		if bl.text = collapseSpaces(textclean.Normalize(bl.text)); bl.text != "" {
			kept = append(kept, bl)
		}
	}
	return kept
}

// dedent removes leading spaces from every line, into the one copy of the
// text the Markdown parser reads.
func dedent(s string) []byte {
	b := make([]byte, 0, len(s))
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

// inlineLines returns the text of a block's inline content, one string per
// source line.
func inlineLines(n ast.Node, src []byte) []string {
	var lines []string
	var b strings.Builder
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				v := c.Segment.Value(src)
				if c.IsRaw() {
					b.Write(v)
				} else {
					b.Write(resolveText(v))
				}
				if c.SoftLineBreak() || c.HardLineBreak() {
					lines = append(lines, b.String())
					b.Reset()
				}
			case *ast.String:
				b.Write(c.Value)
			case *ast.RawHTML:
				// Inline tags carry no text; <br> separates words.
				for i := 0; i < c.Segments.Len(); i++ {
					seg := c.Segments.At(i)
					if strings.HasPrefix(strings.ToLower(string(seg.Value(src))), "<br") {
						b.WriteByte(' ')
					}
				}
			case *ast.AutoLink:
				b.Write(c.Label(src))
			case *ast.Image:
			default:
				walk(c)
			}
		}
	}
	walk(n)
	lines = append(lines, b.String())
	return lines
}

func inlineText(n ast.Node, src []byte) string {
	return collapseSpaces(strings.Join(inlineLines(n, src), " "))
}

// splitLabelLines joins a paragraph's lines, starting a new paragraph where
// a line opens with a sure speaker label.
func splitLabelLines(lines []string) []string {
	var out []string
	var cur []string
	flush := func() {
		if t := collapseSpaces(strings.Join(cur, " ")); t != "" {
			out = append(out, t)
		}
		cur = cur[:0]
	}
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if len(cur) > 0 && endsClause(cur[len(cur)-1]) && opensTurn(l) {
			flush()
		}
		cur = append(cur, l)
	}
	flush()
	return out
}

func resolveText(v []byte) []byte {
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
