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
	return collapseValid(s, false)
}

// collapseValid is collapseSpaces, told with valid that s is valid UTF-8
// (without, it checks).
func collapseValid(s string, valid bool) string {
	s = strings.TrimSpace(s)
	if !strings.Contains(s, "  ") && !strings.ContainsAny(s, "\n") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	if !valid && !utf8.ValidString(s) {
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
	return (&mdReader{md: md}).read(s, out, true, false)
}

// mdReader reads Markdown files one after another with one Markdown
// parser, keeping its buffers from one file to the next: the dedented
// copy of the text and the inline text's. No block's text points into
// them.
type mdReader struct {
	md  parser.Parser
	src []byte
	in  inlines
	// found and marked are the fast path's (see split): the blocks in
	// order, and the text of those with markup.
	found  []fastBlock
	marked []byte
	// unstarred is a line of a paragraph of found without its '*', or
	// its links' brackets and destinations.
	unstarred []byte
}

// maxKeptSource bounds the text buffer an mdReader keeps between files.
const maxKeptSource = 4 << 20

// blocks reads s as markdownBlocks does. s must be normal text, as
// textclean.Decode leaves it (textclean.Normalize would not change it),
// which ParseText's text is.
func (r *mdReader) blocks(s string, out []block) []block {
	return r.read(s, out, true, true)
}

// normalText reports whether the blocks read from s, a normal text, are
// normal too, so that read need not normalise them: whether s holds no
// '&'. Whether a code point is normal depends on it alone, and each
// block's text is made of code points of s (the parser's segments and
// the fast path's cuts fall on ASCII bytes), ASCII punctuation left by
// a backslash escape, and spaces. Only a character reference, which
// needs '&', brings in a code point not in s. (A reference resolves to
// valid UTF-8, so the inline text of a normal s is valid either way.)
func normalText(s string) bool {
	return strings.IndexByte(s, '&') < 0
}

// read reads s into blocks appended to out. With fast, a text whose
// blocks are all paragraphs, simple list items, headings and thematic
// breaks (split) is split into them here, and only the blocks holding
// inline markup go to the Markdown parser; without, the parser reads it
// all. Both give the same blocks.
//
// With normal, s is known to be normal text (as textclean.Normalize
// leaves it): the inline text is then valid UTF-8, and when normalText
// holds the blocks are not normalised again.
func (r *mdReader) read(s string, out []block, fast, normal bool) []block {
	r.in.valid = normal
	if normal {
		normal = normalText(s)
	}
	src := dedent(r.src[:0], s)
	if cap(src) <= maxKeptSource {
		r.src = src
	}
	fastOut, ok := out, false
	if fast && r.split(src) {
		fastOut, ok = r.fastBlocks(out)
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
		if !normal {
			if t := textclean.Normalize(bl.text); t != bl.text {
				bl.text = collapseSpaces(t)
			}
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
// inline parsers newMarkdownParser uses (TestInlineMarks checks them) but
// '!', which opens an image only before '[', and the backslash, which
// escapes and breaks lines.
const inlineMarks = "`[]<*_\\"

// markTable holds the bytes of inlineMarks.
var markTable = func() (t [256]bool) {
	for _, c := range []byte(inlineMarks) {
		t[c] = true
	}
	return t
}()

// hasMarkup reports whether p, a paragraph's lines or a heading's text,
// may hold inline markup: a byte of inlineMarks, but for a backslash
// escaping a byte (not a line's end, where it breaks the line), and the
// byte it escapes. The parser reads an escaped byte as text, and the
// backslash before it, which resolveText drops as in the parser's text.
func hasMarkup(p []byte) bool {
	// One IndexByte a mark, each faster than a loop over p's bytes.
	some := false
	for _, c := range []byte(inlineMarks) {
		if bytes.IndexByte(p, c) >= 0 {
			some = true
			break
		}
	}
	if !some {
		return false
	}
	for i := 0; i < len(p); i++ {
		if c := p[i]; markTable[c] {
			if c != '\\' || i+1 == len(p) || p[i+1] == '\n' || p[i+1] == '\r' {
				return true
			}
			i++ // the escaped byte
		}
	}
	return false
}

// fastBlock is a block the fast path found (see split): a paragraph,
// a list item's paragraph, or a heading.
type fastBlock struct {
	// text is a paragraph's lines, from its text on (a list item's marker
	// left out), or a heading's text without its #s; nil when it holds
	// inline markup, its block then coming from the parsed marked text.
	text  []byte
	level int  // heading level; 0 for paragraphs
	html  bool // an HTML block, text its lines
	stars bool // a paragraph whose every '*' is emphasis (simpleStars)
	links bool // a paragraph whose every '[' opens a link (simpleLinks)
}

// lineKind is what a line of dedented Markdown opens, as far as split
// can tell.
type lineKind int

const (
	refused     lineKind = iota // may open a block split does not read
	plainLine                   // opens no block: a paragraph's line
	headingLine                 // an ATX heading: #s, then a space or the end
	breakLine                   // a thematic break of * or _, or of - (a setext underline after a paragraph's line)
	commentLine                 // an HTML comment alone on its line, which holds no text
	htmlLine                    // an HTML block's first line, of type 6: it ends at a blank line
	bulletItem                  // a bullet list item holding a plain line
	orderedItem                 // an ordered list item holding a plain line
	emptyItem                   // an empty ordered list item ("2024."), which cannot interrupt a paragraph
)

// classify tells what line, a line of dedented src with its newline if
// any, opens. For a list item, content is its text (from the first byte
// after the spaces that follow the marker, a plain line), and start an
// ordered item's number. It errs on the side of refused: "*" opens a list
// only before a space, but "** * *" and "*\tx" are refused alike.
func classify(line []byte) (kind lineKind, content []byte, start int) {
	switch c := line[0]; {
	case util.IsSpace(c), c == '>', c == '=':
		return refused, nil, 0
	case c == '<':
		if htmlComment(line) {
			return commentLine, nil, 0
		}
		return tagLine(line), nil, 0
	case c == '#':
		n := 1
		for n < len(line) && line[n] == '#' {
			n++
		}
		switch {
		case n > 6:
			return plainLine, nil, 0 // "#######" opens no heading
		case n == len(line) || line[n] == ' ' || line[n] == '\n':
			return headingLine, nil, 0
		case util.IsSpace(line[n]):
			return refused, nil, 0
		}
		return plainLine, nil, 0 // "#hashtag"
	case c == '`' || c == '~':
		if len(line) > 1 && line[1] == c {
			return refused, nil, 0 // a fence, maybe
		}
	case c == '*' || c == '+' || c == '-' || c == '_':
		if len(bytes.Trim(line, string(c)+" \t\v\f\r\n")) == 0 {
			// A thematic break when it holds three marks and nothing but
			// spaces and tabs between them; a setext underline or an
			// empty list item maybe when fewer.
			n := 0
			for _, b := range line {
				switch b {
				case c:
					n++
				case ' ', '\t', '\n':
				default:
					return refused, nil, 0
				}
			}
			switch {
			case n >= 3 && c != '+':
				return breakLine, nil, 0
			case c != '-' && len(line) > 1 && !util.IsSpace(line[1]):
				return plainLine, nil, 0 // "**", "++"
			}
			return refused, nil, 0
		}
		if len(line) > 1 && !util.IsSpace(line[1]) {
			return plainLine, nil, 0
		}
		if c == '_' {
			return refused, nil, 0
		}
		if content = itemContent(line[1:]); content == nil {
			return refused, nil, 0
		}
		return bulletItem, content, 0
	case c >= '0' && c <= '9':
		i := 1
		for i < len(line) && line[i] >= '0' && line[i] <= '9' {
			i++
		}
		if i < len(line) && (line[i] == '.' || line[i] == ')') && (i+1 == len(line) || util.IsSpace(line[i+1])) {
			if i > 9 {
				return plainLine, nil, 0 // too long a number for a list item
			}
			if util.IsBlank(line[i+1:]) {
				return emptyItem, nil, 0
			}
			if content = itemContent(line[i+1:]); content == nil {
				return refused, nil, 0
			}
			for _, d := range line[:i] {
				start = start*10 + int(d-'0')
			}
			return orderedItem, content, start
		}
	}
	return plainLine, nil, 0
}

// htmlComment reports whether line is an HTML comment alone, which the
// parser reads as an HTML block of that line whose text is empty: "<!--",
// no '>' up to the first "-->", then spaces or tabs alone.
func htmlComment(line []byte) bool {
	rest, ok := bytes.CutPrefix(line, []byte("<!--"))
	if !ok {
		return false
	}
	i := bytes.Index(rest, []byte("-->"))
	if i < 0 || bytes.IndexByte(rest[:i], '>') >= 0 {
		return false
	}
	return len(bytes.Trim(rest[i+3:], " \t\n")) == 0
}

// tagLine tells what a line opening with '<' and a tag opens: an HTML
// block of type 6 (htmlLine) for a block tag's name followed by a space,
// '>', "/>" or the line's end; a paragraph (plainLine) for a name no HTML
// block of types 1 to 6 opens with, and refused for others (type 1's, a
// block tag's name followed by other bytes, no name).
//
// A tag alone on a line that opens a paragraph opens an HTML block of
// type 7 instead, but it then opens a paragraph in the text fastBlocks
// has the parser read too, which tells.
func tagLine(line []byte) lineKind {
	name := line[1:]
	if len(name) > 0 && name[0] == '/' {
		name = name[1:]
	}
	n := 0
	for n < len(name) && (name[n] >= 'a' && name[n] <= 'z' || name[n] >= 'A' && name[n] <= 'Z' ||
		n > 0 && (name[n] >= '0' && name[n] <= '9' || name[n] == '-')) {
		n++
	}
	if n == 0 {
		return refused
	}
	if n > len("blockquote") { // no block tag's name is longer
		return plainLine
	}
	var lower [len("blockquote")]byte
	for i := range n {
		lower[i] = name[i] | 0x20 // letters lowered; digits and '-' keep
	}
	kind, ok := blockTags[string(lower[:n])]
	if !ok {
		return plainLine
	}
	if kind == htmlLine {
		switch rest := name[n:]; {
		case len(rest) == 0, rest[0] == ' ', rest[0] == '>', rest[0] == '\n', rest[0] == '/' && len(rest) > 1 && rest[1] == '>':
			return htmlLine
		}
	}
	return refused
}

// blockTags are the names of the tags that open HTML blocks, lowered:
// of type 1, which split refuses, and of type 6.
var blockTags = map[string]lineKind{}

func init() {
	for _, t := range strings.Fields("script pre style textarea") {
		blockTags[t] = refused
	}
	for _, t := range strings.Fields(`address article aside base basefont blockquote body caption center col colgroup dd
		details dialog dir div dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header
		hr html iframe legend li link main menu menuitem meta nav noframes ol optgroup option p param search section
		summary table tbody td tfoot th thead title tr track ul`) {
		blockTags[t] = htmlLine
	}
}

// itemContent returns the text of a list item from what follows its
// marker: one to four spaces, then a plain line. It returns nil for any
// other: a tab, an empty item, an item holding another block, an
// indented one (five spaces).
func itemContent(rest []byte) []byte {
	n := 0
	for n < len(rest) && rest[n] == ' ' {
		n++
	}
	if n == 0 || n > 4 || n == len(rest) || util.IsSpace(rest[n]) {
		return nil
	}
	if kind, _, _ := classify(rest[n:]); kind != plainLine {
		return nil
	}
	return rest[n:]
}

// split reads dedented src into r.found when the Markdown parser would
// read it as paragraphs, list items holding one paragraph each, ATX
// headings and thematic breaks alone, and no link reference definition
// can occur; it reports whether it did. A block holding inline markup is
// copied into r.marked instead, a blank line after each: a paragraph or
// list item from its text on, as a paragraph, a heading whole. Each reads
// there as in the whole text, since a paragraph is read alone.
//
// A list item's paragraph holds its first line's text and the lines that
// follow it up to a blank line or a line opening a block: other lines are
// never indented enough to be the item's, so they continue its paragraph
// lazily. Every list item opens a new block: a bullet one always, an
// ordered one after a blank line, a heading, a break or in a list item, or
// when it is numbered 1; after a paragraph's line another ordered one
// continues the paragraph.
func (r *mdReader) split(src []byte) bool {
	r.found = r.found[:0]
	r.marked = r.marked[:0]
	if bytes.Contains(src, []byte("]:")) {
		return false // a link reference definition, maybe
	}
	var para []byte // the paragraph read so far, nil if none
	item := false   // whether para is a list item's
	end := func() {
		if para == nil {
			return
		}
		stars, links := false, false
		if hasMarkup(para) {
			stars = simpleStars(para)
			links = !stars && simpleLinks(para)
			if !stars && !links {
				r.marked = append(r.marked, para...)
				r.marked = append(r.marked, "\n\n"...)
				para = nil
			}
		}
		r.found = append(r.found, fastBlock{text: para, stars: stars, links: links})
		para = nil
	}
	for len(src) > 0 {
		var line []byte
		line, src = cutLine(src)
		if util.IsBlank(line) {
			end()
			continue
		}
		kind, content, start := classify(line)
		if (kind == orderedItem && start != 1 || kind == emptyItem) && para != nil && !item {
			kind = plainLine // no list item can open here
		}
		switch kind {
		case refused, emptyItem:
			return false
		case plainLine:
			if para == nil {
				para, item = line, false
			} else {
				para = para[:len(para)+len(line)] // the line follows in src
			}
		case bulletItem, orderedItem:
			end()
			para, item = content, true
		case breakLine, commentLine:
			if line[0] == '-' && para != nil {
				return false // a setext underline
			}
			end()
		case htmlLine:
			end()
			html := line
			for len(src) > 0 {
				next, rest := cutLine(src)
				if util.IsBlank(next) {
					break
				}
				html = html[:len(html)+len(next)] // the next line follows in src
				src = rest
			}
			r.found = append(r.found, fastBlock{text: html, html: true})
		case headingLine:
			end()
			level, text := atxHeading(line)
			if hasMarkup(text) {
				r.marked = append(r.marked, line...)
				r.marked = append(r.marked, "\n\n"...)
				text = nil
			} else if len(text) == 0 {
				continue // an empty heading gives no block
			}
			r.found = append(r.found, fastBlock{text: text, level: level})
		}
	}
	end()
	return true
}

// simpleStars reports whether the parser reads every '*' of p, a
// paragraph's lines holding no other inline markup than '*' (hasMarkup
// is false without them), as emphasis, so that dropping them all leaves
// its text. That holds when the runs of '*' are of one or two, and
// alternate: an opener after a space or a line's start and before an
// ASCII character that is no space, then a closer of as many after such a
// character and before a space or a line's end. An opener is then
// left-flanking and not right-flanking, a closer the other way round, and
// each closer pairs with the opener before it, whole.
func simpleStars(p []byte) bool {
	open := 0 // the open run's length; 0 when none is
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c == '\\' {
			if i+1 == len(p) || markTable[p[i+1]] || p[i+1] == '\n' || p[i+1] == '\r' {
				return false
			}
			i++ // the escaped byte, no mark
			continue
		}
		if c != '*' {
			if markTable[c] {
				return false
			}
			continue
		}
		j := i + 1
		for j < len(p) && p[j] == '*' {
			j++
		}
		before, after := byte(' '), byte(' ') // the paragraph's edges count as spaces
		if i > 0 {
			before = p[i-1]
		}
		if j < len(p) {
			after = p[j]
		}
		graphic := func(b byte) bool { return b > ' ' && b < 0x7f }
		switch n := j - i; {
		case n > 2:
			return false
		case open == 0:
			if before != ' ' && before != '\n' || !graphic(after) {
				return false
			}
			open = n
		default:
			if n != open || !graphic(before) || after != ' ' && after != '\n' {
				return false
			}
			open = 0
		}
		i = j - 1
	}
	return open == 0
}

// simpleLinks reports whether the only inline markup of p, a paragraph's
// lines, is links the parser surely reads as such, so that dropping their
// brackets and destinations leaves its text: "[label](destination)" with
// a label of one line holding no mark, a destination of ASCII characters
// that are no space, parenthesis, angle bracket or backslash, no '!',
// ']', letter, digit, '#' or '&' before (no image, nor a character
// reference made across the link's edges) and no letter, digit, '#' or
// ';' after. Backslash escapes are read as hasMarkup reads them.
func simpleLinks(p []byte) bool {
	word := func(b byte) bool {
		return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '#'
	}
	for i := 0; i < len(p); i++ {
		c := p[i]
		if !markTable[c] {
			continue
		}
		if c == '\\' {
			if i+1 == len(p) || p[i+1] == '\n' || p[i+1] == '\r' {
				return false
			}
			i++
			continue
		}
		if c != '[' {
			return false
		}
		if i > 0 && (p[i-1] == '!' || p[i-1] == ']' || p[i-1] == '&' || word(p[i-1])) {
			return false
		}
		j := i + 1 // the label
		for j < len(p) && !markTable[p[j]] && p[j] != '\n' && p[j] != '\r' {
			j++
		}
		if j == i+1 || j-i > 999 || j+1 >= len(p) || p[j] != ']' || p[j+1] != '(' {
			return false
		}
		k := j + 2 // the destination
		for k < len(p) && p[k] > ' ' && p[k] < 0x7f && p[k] != '(' && p[k] != ')' && p[k] != '<' && p[k] != '>' && p[k] != '\\' {
			k++
		}
		if k == j+2 || k == len(p) || p[k] != ')' {
			return false
		}
		if k+1 < len(p) && (word(p[k+1]) || p[k+1] == ';') {
			return false
		}
		i = k
	}
	return true
}

// appendUnlinked appends line, of a paragraph simpleLinks took, to b
// without its links' brackets and destinations.
func appendUnlinked(b, line []byte) []byte {
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\\':
			if i+1 < len(line) {
				b = append(b, line[i], line[i+1])
				i++
				continue
			}
		case '[':
			j := i + 1 + bytes.IndexByte(line[i+1:], ']')
			b = append(b, line[i+1:j]...)
			i = j + 1 + bytes.IndexByte(line[j+1:], ')')
			continue
		}
		b = append(b, line[i])
	}
	return b
}

// appendUnstarred appends line without its '*' to b.
func appendUnstarred(b, line []byte) []byte {
	for {
		i := bytes.IndexByte(line, '*')
		if i < 0 {
			return append(b, line...)
		}
		b = append(b, line[:i]...)
		line = line[i+1:]
	}
}

// atxHeading returns the level and text of a heading line, which
// classify found to be one, as the Markdown parser reads them: the text
// trimmed, a closing run of #s after a space left out.
func atxHeading(line []byte) (level int, text []byte) {
	for level < len(line) && line[level] == '#' {
		level++
	}
	// The parser trims util.IsSpace bytes here, which are not all that
	// util.TrimSpace trims.
	text = line[level:]
	text = text[util.TrimLeftSpaceLength(text):]
	text = text[:len(text)-util.TrimRightSpaceLength(text)]
	i := len(text) - 1
	for i > 0 && text[i] == '#' {
		i--
	}
	switch {
	case len(text) == 0:
	case i == 0 && text[0] == '#':
		text = text[:0] // "### ###"
	case i != len(text)-1 && util.IsSpace(text[i]):
		text = text[:i-util.TrimRightSpaceLength(text[:i])]
	}
	return level, text
}

// fastBlocks appends the blocks split found in src to out: a paragraph
// with no inline markup is read here, each line trimmed as the parser
// trims it, a heading's text as the parser reads it. Those with markup
// come from parsing r.marked, where each is one block of the document;
// their blocks take their places among the others'.
//
// ok is false, and out untouched, if the parser did not find one
// paragraph or heading for each one with markup, which split should make
// impossible.
func (r *mdReader) fastBlocks(out []block) (_ []block, ok bool) {
	var next ast.Node // the parsed block of the next marked one
	if len(r.marked) > 0 {
		doc := r.md.Parse(text.NewReader(r.marked))
		c := doc.FirstChild()
		for _, fb := range r.found {
			if fb.text != nil {
				continue
			}
			if c == nil {
				return out, false
			}
			switch c := c.(type) {
			case *ast.Paragraph:
				if fb.level != 0 {
					return out, false
				}
			case *ast.Heading:
				if fb.level != c.Level {
					return out, false
				}
			default:
				return out, false
			}
			c = c.NextSibling()
		}
		if c != nil {
			return out, false
		}
		next = doc.FirstChild()
	}
	in := &r.in
	for _, fb := range r.found {
		switch {
		case fb.text == nil:
			out = r.walkNode(next, r.marked, out)
			next = next.NextSibling()
		case fb.html:
			// As walkNode reads it: its lines, a space after each.
			var b strings.Builder
			b.Grow(len(fb.text) + bytes.Count(fb.text, []byte("\n")) + 1)
			for html := fb.text; len(html) > 0; {
				var line []byte
				line, html = cutLine(html)
				b.Write(line)
				b.WriteByte(' ')
			}
			if t := collapseSpaces(stripTags(b.String())); t != "" {
				out = append(out, block{text: t})
			}
		case fb.level > 0:
			if t := collapseSpaces(string(resolveText(fb.text))); t != "" {
				out = append(out, block{text: t, level: fb.level})
			}
		default:
			para := fb.text
			in.buf, in.ends = in.buf[:0], in.ends[:0]
			for len(para) > 0 {
				var line []byte
				line, para = cutLine(para)
				line = util.TrimRightSpace(util.TrimLeftSpace(line))
				switch {
				case fb.stars:
					r.unstarred = appendUnstarred(r.unstarred[:0], line)
					line = r.unstarred
				case fb.links:
					r.unstarred = appendUnlinked(r.unstarred[:0], line)
					line = r.unstarred
				}
				in.buf = append(in.buf, resolveText(line)...)
				if len(para) > 0 {
					in.ends = append(in.ends, len(in.buf))
					in.buf = append(in.buf, ' ')
				}
			}
			in.split()
			out = in.splitLabelLines(out)
		}
	}
	clear(r.found) // no pointers into src kept
	if cap(r.marked) > maxKeptSource {
		r.marked = nil
	}
	return out, true
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
	// valid says text is known to be valid UTF-8: the Markdown read is
	// normal text, whose pieces (cut at ASCII bytes) and resolved
	// references are valid.
	valid bool
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
	valid := in.valid || utf8.ValidString(in.text)
	whole, first := valid, 0
	flush := func(last int) {
		// Lines of a valid text trimmed and joined by spaces, or a run of
		// them cut at a line's start, are valid.
		var t string
		if whole {
			t = collapseValid(in.text[in.starts[first]:in.starts[last]+len(in.lines[last])], valid)
		} else {
			t = collapseValid(strings.Join(in.cur, " "), valid)
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
