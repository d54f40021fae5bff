package web

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/brief-reader/brief/internal/textclean"
)

// skipped are elements whose text is never part of a briefing: scripts,
// media, forms and controls, and page furniture that go-readability may
// leave inside the content.
var skipped = map[atom.Atom]bool{
	atom.Head: true, atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Math: true, atom.Canvas: true, atom.Iframe: true, atom.Object: true,
	atom.Embed: true, atom.Img: true, atom.Picture: true, atom.Video: true, atom.Audio: true,
	atom.Source: true, atom.Figcaption: true, atom.Button: true, atom.Form: true, atom.Input: true,
	atom.Select: true, atom.Textarea: true, atom.Nav: true, atom.Aside: true, atom.Footer: true,
	atom.Dialog: true,
}

// blockTags end the paragraph before them and after them.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.Header: true, atom.Address: true, atom.Center: true, atom.Details: true, atom.Summary: true,
	atom.Figure: true, atom.Hr: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Table: true, atom.Thead: true, atom.Tbody: true, atom.Tfoot: true, atom.Tr: true,
	atom.Td: true, atom.Th: true, atom.Caption: true, atom.Fieldset: true,
}

var headingLevel = map[atom.Atom]int{atom.H1: 1, atom.H2: 2, atom.H3: 3, atom.H4: 4, atom.H5: 5, atom.H6: 6}

// mdWriter turns an article's DOM into Markdown, one block at a time.
type mdWriter struct {
	out strings.Builder
	// lines is the paragraph being gathered, one entry per line (a <br>
	// starts a new one).
	lines []string
	cur   strings.Builder
	// quote is the block-quote depth; heading the level of the heading
	// being gathered; item the marker waiting for a list item's first
	// paragraph.
	quote   int
	heading int
	item    string
	lists   []listState
}

type listState struct {
	ordered bool
	n       int
}

// toMarkdown renders the article under n as Markdown.
func toMarkdown(n *html.Node) string {
	w := &mdWriter{}
	w.node(n)
	w.flush()
	return w.out.String()
}

func (w *mdWriter) node(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.ElementNode:
	case html.DocumentNode:
		w.children(n)
		return
	default:
		return
	}
	a := tag(n)
	if skipped[a] || hidden(n) {
		return
	}
	if lvl := headingLevel[a]; lvl > 0 {
		w.flush()
		w.heading = lvl
		w.children(n)
		w.flush()
		w.heading = 0
		return
	}
	switch a {
	case atom.Br:
		w.newline()
	case atom.Blockquote:
		w.flush()
		w.quote++
		w.children(n)
		w.flush()
		w.quote--
		if w.quote == 0 {
			w.out.WriteByte('\n')
		}
	case atom.Ul, atom.Ol, atom.Menu:
		w.flush()
		w.lists = append(w.lists, listState{ordered: a == atom.Ol})
		w.children(n)
		w.flush()
		w.lists = w.lists[:len(w.lists)-1]
		w.item = ""
	case atom.Li:
		w.flush()
		w.item = "- "
		if len(w.lists) > 0 && w.lists[len(w.lists)-1].ordered {
			l := &w.lists[len(w.lists)-1]
			l.n++
			w.item = itoa(l.n) + ". "
		}
		w.children(n)
		w.flush()
		w.item = ""
	case atom.Pre:
		w.flush()
		w.pre(textContent(n))
	default:
		if blockTags[a] {
			w.flush()
			w.children(n)
			w.flush()
			return
		}
		w.children(n)
	}
}

func (w *mdWriter) children(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.node(c)
	}
}

// text adds inline text as a browser shows it: a run of white space,
// line breaks included, is one space, but a no-break space is kept
// (transcripts set "Q" apart from the question with them).
func (w *mdWriter) text(s string) {
	for _, r := range s {
		switch r {
		case ' ', '\t', '\n', '\r', '\f':
			w.space()
		case '\u00a0':
			w.cur.WriteByte(' ')
		default:
			w.cur.WriteRune(r)
		}
	}
}

func (w *mdWriter) space() {
	if w.cur.Len() > 0 && !strings.HasSuffix(w.cur.String(), " ") {
		w.cur.WriteByte(' ')
	}
}

func (w *mdWriter) newline() {
	w.lines = append(w.lines, w.cur.String())
	w.cur.Reset()
}

// pre writes preformatted text: blank lines separate paragraphs, other
// line breaks are kept.
func (w *mdWriter) pre(s string) {
	for _, line := range strings.Split(s, "\n") {
		if strings.TrimSpace(line) == "" {
			w.flush()
			continue
		}
		w.lines = append(w.lines, line)
	}
	w.flush()
}

// flush writes the gathered paragraph as one Markdown block.
func (w *mdWriter) flush() {
	w.newline()
	var lines []string
	for _, l := range w.lines {
		l = strings.TrimSpace(strings.ReplaceAll(textclean.Normalize(l), "\n", " "))
		if l != "" {
			lines = append(lines, escapeLine(l))
		}
	}
	w.lines = w.lines[:0]
	if len(lines) == 0 {
		return
	}
	prefix := strings.Repeat("> ", w.quote)
	if w.heading > 0 {
		lines = []string{strings.Repeat("#", w.heading) + " " + strings.Join(lines, " ")}
	} else if w.item != "" {
		lines[0] = w.item + lines[0]
		w.item = ""
	}
	for _, l := range lines {
		w.out.WriteString(prefix)
		w.out.WriteString(l)
		w.out.WriteByte('\n')
	}
	w.out.WriteString(strings.TrimRight(prefix, " "))
	w.out.WriteByte('\n')
}

// escapeLine keeps a line of page text from being read as Markdown or
// HTML: inline markup characters are escaped with a backslash, & and < as
// entities, and anything at the start of the line that could open a
// block (a heading, quote, list, fence, table or setext underline).
func escapeLine(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '#', '|', '~':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		default:
			b.WriteRune(r)
		}
	}
	t := b.String()
	switch t[0] {
	case '>', '-', '+', '=', ':':
		return `\` + t
	}
	// "1986. Then…" or "3) …" would open an ordered list.
	i := 0
	for i < len(t) && i < 10 && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	if i > 0 && i < len(t) && (t[i] == '.' || t[i] == ')') {
		return t[:i] + `\` + t[i:]
	}
	return t
}

// hidden reports whether an element is hidden from readers of the page.
func hidden(n *html.Node) bool {
	if attr(n, "aria-hidden") == "true" {
		return true
	}
	for _, a := range n.Attr {
		if a.Key == "hidden" {
			return true
		}
	}
	st := strings.ToLower(strings.ReplaceAll(attr(n, "style"), " ", ""))
	return strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden")
}

func textContent(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.Type == html.ElementNode && tag(n) == atom.Br:
			b.WriteByte('\n')
		case n.Type == html.ElementNode && skipped[tag(n)]:
		default:
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
	}
	walk(n)
	return b.String()
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// tag is an element's tag. go-readability creates and renames elements by
// name alone, leaving DataAtom stale, so the name is looked up.
func tag(n *html.Node) atom.Atom {
	if a := atom.Lookup([]byte(n.Data)); a != 0 {
		return a
	}
	return atom.Lookup([]byte(strings.ToLower(n.Data)))
}
