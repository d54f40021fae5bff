// Package export writes briefings and their quotes as JSON for scripts, and
// as Markdown or plain text for people.
package export

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/brief-reader/brief/internal/briefing"
	"github.com/brief-reader/brief/internal/textclean"
)

// Format is an output format.
type Format int

// Formats.
const (
	JSON Format = iota
	Markdown
	Text
)

var formatNames = [...]string{JSON: "json", Markdown: "md", Text: "text"}

func (f Format) String() string { return formatNames[f] }

// ParseFormat reads "json", "md" (or "markdown") or "text" (or "txt").
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(s) {
	case "json":
		return JSON, nil
	case "md", "markdown":
		return Markdown, nil
	case "text", "txt":
		return Text, nil
	}
	return 0, fmt.Errorf("unknown format %q (want json, md or text)", s)
}

// Version is the version of the JSON document layout.
const Version = 1

type filterJSON struct {
	Speakers []string `json:"speakers,omitempty"`
	Kinds    []string `json:"kinds,omitempty"`
	Topics   []string `json:"topics,omitempty"`
}

// Write writes briefings in format f, keeping only the quotes the filter
// selects: an Encoder's Begin, a Write for each briefing, and End.
func Write(w io.Writer, f Format, bs []*briefing.Briefing, flt briefing.Filter) error {
	e := NewEncoder(w, f, flt)
	if err := e.Begin(); err != nil {
		return err
	}
	for _, b := range bs {
		if err := e.Write(b); err != nil {
			return err
		}
	}
	return e.End()
}

// writeBuffer is how much output is gathered before a write: a quote
// comes in a handful of short pieces, and a write per piece made some
// 400,000 write calls over the corpus.
const writeBuffer = 64 << 10

// An Encoder writes briefings one at a time as they come, in format f, so
// that an export of thousands of briefings holds one of them, not all of
// them and the whole document: Begin once, Write each briefing in order,
// End once. The output is the same as Write's for the same briefings.
//
// The JSON document is
//
//	{"version": 1, "filter": {…}, "briefings": [{…}, …]}
//
// indented by one space, the filter only when it selects something. Its
// text is clean: titles and the filter's values pass through
// textclean.Line, and the path, which must stay exact for scripts to open
// the file, keeps every character, but those that textclean would change
// are written as \u escapes (see escapeWriter).
type Encoder struct {
	bw *bufio.Writer // keeps its first error: later writes do nothing
	// out is where briefings go: bw, through an escapeWriter for JSON
	// (above the buffer, which would split characters between writes).
	out io.Writer
	f   Format
	flt briefing.Filter
	st  style
	n   int // briefings written
	// indented is reused for each briefing's JSON.
	indented []byte
}

// NewEncoder returns an Encoder writing format f to w, keeping only the
// quotes flt selects.
func NewEncoder(w io.Writer, f Format, flt briefing.Filter) *Encoder {
	e := &Encoder{bw: bufio.NewWriterSize(w, writeBuffer), f: f, flt: flt, st: textStyle}
	e.out = e.bw
	if f == JSON {
		e.out = escapeWriter{e.bw}
	}
	if f == Markdown {
		e.st = markdownStyle
	}
	return e
}

// Begin writes what comes before the first briefing.
func (e *Encoder) Begin() error {
	if e.f != JSON {
		return nil
	}
	e.bw.WriteString("{\n \"version\": " + strconv.Itoa(Version) + ",\n")
	if !e.flt.Empty() {
		fj := filterJSON{Speakers: cleanAll(e.flt.Speakers), Topics: cleanAll(e.flt.Topics)}
		for _, k := range e.flt.Kinds {
			fj.Kinds = append(fj.Kinds, k.String())
		}
		var raw bytes.Buffer
		enc := json.NewEncoder(&raw)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(fj); err != nil {
			return err
		}
		e.indented = appendIndented(e.indented[:0], bytes.TrimSuffix(raw.Bytes(), []byte("\n")), " ", " ", nil)
		e.bw.WriteString(` "filter": `)
		e.out.Write(e.indented)
		e.bw.WriteString(",\n")
	}
	_, err := e.bw.WriteString(` "briefings": [`)
	return err
}

// Write writes one briefing with the quotes the filter selects.
func (e *Encoder) Write(b *briefing.Briefing) error {
	defer func() { e.n++ }()
	if e.f != JSON {
		return writePeople(e.bw, b, e.flt, e.st, e.n == 0)
	}
	c := *b
	c.Title = textclean.Line(b.Title)
	c.Quotes = e.flt.Quotes(b)
	raw, err := c.MarshalJSON()
	if err != nil {
		return err
	}
	if e.n == 0 {
		e.bw.WriteString("\n  ")
	} else {
		e.bw.WriteString(",\n  ")
	}
	// The indented JSON goes out in pieces of about writeBuffer bytes,
	// cut between values, never inside a string (escapeWriter needs whole
	// characters): a large briefing's is not held whole.
	err = nil
	flush := func(b []byte) []byte {
		if err == nil {
			_, err = e.out.Write(b)
		}
		return b[:0]
	}
	e.indented = flush(appendIndented(e.indented[:0], raw, "  ", " ", flush))
	return err
}

// appendIndented appends compact JSON, as encoding/json writes it, to dst
// indented as json.Indent indents it: a value of an object or array on a
// line of its own after prefix and one indent per level, an empty object
// or array kept as {} or [], a space after each colon. Unlike json.Indent
// it does not check the document, which encoding/json wrote, and it runs
// through strings at once: it took an export of large briefings a tenth
// of its time. When flush is not nil, it is given dst whenever dst holds
// writeBuffer bytes or more at a line break, and returns what to go on
// appending to.
func appendIndented(dst, src []byte, prefix, indent string, flush func([]byte) []byte) []byte {
	depth := 0
	newline := func() {
		if flush != nil && len(dst) >= writeBuffer {
			dst = flush(dst)
		}
		dst = append(dst, '\n')
		dst = append(dst, prefix...)
		for range depth {
			dst = append(dst, indent...)
		}
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch c {
		case '"':
			// Copy the string through its closing quote, passing over
			// escaped characters.
			j := i + 1
			for j < len(src) {
				k := bytes.IndexAny(src[j:], `"\`)
				if k < 0 {
					j = len(src)
					break
				}
				j += k
				if src[j] == '\\' {
					j += 2
					continue
				}
				break
			}
			end := min(j+1, len(src))
			dst = append(dst, src[i:end]...)
			i = end - 1
		case '{', '[':
			dst = append(dst, c)
			if i+1 < len(src) && (src[i+1] == '}' || src[i+1] == ']') {
				dst = append(dst, src[i+1])
				i++
				continue
			}
			depth++
			newline()
		case '}', ']':
			depth--
			newline()
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			newline()
		case ':':
			dst = append(dst, ':', ' ')
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// End writes what comes after the last briefing and flushes the output;
// it returns the first write error.
func (e *Encoder) End() error {
	if e.f == JSON {
		if e.n > 0 {
			e.bw.WriteString("\n ")
		}
		e.bw.WriteString("]\n}\n")
	}
	return e.bw.Flush()
}

// cleanAll returns the values cleaned by textclean.Line.
func cleanAll(values []string) []string {
	var out []string
	for _, v := range values {
		out = append(out, textclean.Line(v))
	}
	return out
}

// escapeWriter passes an encoded JSON document on with each character that
// textclean would change (C0 controls and DEL, C1 controls, bidi controls,
// zero-width characters, the soft hyphen, tags, unusual spaces and line
// separators) written as a \u escape, so that printing the document cannot
// drive a terminal or hide text, while decoding it gives back the exact
// strings. encoding/json escapes C0 controls in strings already, but not the
// others; outside strings a document holds only ASCII, so every such
// character is in a string, where an escape means the same. The Encoder
// writes whole strings in each call, so no character is split between
// calls.
type escapeWriter struct{ w io.Writer }

func (e escapeWriter) Write(doc []byte) (int, error) {
	start := 0
	var esc []byte
	for i := 0; i < len(doc); {
		if !textclean.MayStartChange(doc[i]) {
			i++
			continue
		}
		r, size := utf8.DecodeRune(doc[i:])
		if !textclean.Changes(r) {
			i += size
			continue
		}
		esc = esc[:0]
		if r > 0xFFFF {
			r1, r2 := utf16.EncodeRune(r)
			esc = fmt.Appendf(esc, "\\u%04x\\u%04x", r1, r2)
		} else {
			esc = fmt.Appendf(esc, "\\u%04x", r)
		}
		if n, err := e.w.Write(doc[start:i]); err != nil {
			return start + n, err
		}
		if _, err := e.w.Write(esc); err != nil {
			return i, err
		}
		i += size
		start = i
	}
	n, err := e.w.Write(doc[start:])
	return start + n, err
}

// style is how the human-readable formats dress their parts.
type style struct {
	title   func(string) string
	meta    func(string) string
	speaker func(string) string
	// quote and citation write their part to w: quotes are most of
	// what the formats write.
	quote    func(w *bufio.Writer, s string)
	citation func(w *bufio.Writer, s string)
	empty    string
}

var markdownStyle = style{
	title:   func(s string) string { return "# " + mdEscape(s) + "\n" },
	meta:    func(s string) string { return "_" + mdEscape(s) + "_\n" },
	speaker: func(s string) string { return "## " + mdEscape(s) + "\n" },
	quote: func(w *bufio.Writer, s string) {
		for i, p := range parts(s) {
			if i > 0 {
				w.WriteString(">\n")
			}
			w.WriteString("> ")
			w.WriteString(mdEscape(p))
			w.WriteString("\n")
		}
	},
	citation: func(w *bufio.Writer, s string) {
		w.WriteString(">\n> — ")
		w.WriteString(mdEscape(s))
		w.WriteString("\n")
	},
	empty: "_No quotes match._\n",
}

var textStyle = style{
	title: func(s string) string { return s + "\n" + strings.Repeat("=", min(len([]rune(s)), 78)) + "\n" },
	meta:  func(s string) string { return s + "\n" },
	speaker: func(s string) string {
		return s + "\n" + strings.Repeat("-", min(len([]rune(s)), 78)) + "\n"
	},
	quote: func(w *bufio.Writer, s string) {
		for i, p := range parts(s) {
			if i > 0 {
				w.WriteString("\n")
			}
			w.WriteString("  ")
			w.WriteString(p)
			w.WriteString("\n")
		}
	},
	citation: func(w *bufio.Writer, s string) {
		w.WriteString("    — ")
		w.WriteString(s)
		w.WriteString("\n")
	},
	empty: "No quotes match.\n",
}

// parts yields the paragraphs of a quote's text, which a blank line
// separates, numbered from 0: strings.Split without its slice, for every
// quote written.
func parts(s string) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		for i := 0; ; i++ {
			p, rest, more := strings.Cut(s, "\n\n")
			if !yield(i, p) || !more {
				return
			}
			s = rest
		}
	}
}

// writePeople writes a briefing's quotes grouped by speaker, each quote
// followed by its citation; a blank line comes before every briefing but
// the first. It returns the first write error.
func writePeople(bw *bufio.Writer, b *briefing.Briefing, flt briefing.Filter, st style, first bool) error {
	if !first {
		bw.WriteString("\n")
	}
	bw.WriteString(st.title(textclean.Line(b.Title)))
	var metaParts []string
	for _, s := range []string{textclean.Line(b.Date), textclean.Line(b.Source), b.Kind.String(), textclean.Path(b.Path), textclean.Line(sourceURL(b))} {
		if s != "" {
			metaParts = append(metaParts, s)
		}
	}
	bw.WriteString(st.meta(strings.Join(metaParts, " · ")))
	quotes := flt.Quotes(b)
	if len(quotes) == 0 {
		_, err := bw.WriteString("\n" + st.empty)
		return err
	}
	bySpeaker := make(map[string][]briefing.Quote)
	for _, q := range quotes {
		bySpeaker[q.Speaker] = append(bySpeaker[q.Speaker], q)
	}
	for _, s := range b.Speakers {
		qs := bySpeaker[s.ID]
		if len(qs) == 0 {
			continue
		}
		head := s.Name
		if s.Role != "" {
			head += " — " + s.Role
		}
		if k := kindNote(s.Kind); k != "" {
			head += " (" + k + ")"
		}
		bw.WriteString("\n" + st.speaker(textclean.Line(head)))
		for _, q := range qs {
			bw.WriteString("\n")
			st.quote(bw, quoteText(q))
			st.citation(bw, Citation(b, &s, q))
			// The writer keeps its first error, which an empty write
			// returns.
			if _, err := bw.WriteString(""); err != nil {
				return err
			}
		}
	}
	return nil
}

// kindNote names the voices that are not a named person or a transcript
// role, so a reader can tell an institution or an unnamed source.
func kindNote(k briefing.SpeakerKind) string {
	switch k {
	case briefing.Organization:
		return "organization"
	case briefing.Unnamed:
		return "unnamed source"
	}
	return ""
}

// quoteText dresses a quote for reading: direct quotes in quotation marks,
// reported speech as it stands.
func quoteText(q briefing.Quote) string {
	t := textclean.Normalize(q.Text)
	if q.Kind == briefing.Direct {
		return "“" + t + "”"
	}
	return t
}

// sourceURL is the briefing's URL when the path does not already show it.
func sourceURL(b *briefing.Briefing) string {
	if b.SourceURL == b.Path {
		return ""
	}
	return b.SourceURL
}

// Citation says where a quote comes from: speaker, role, briefing title,
// date, paragraph and, for a page from the web, its URL.
func Citation(b *briefing.Briefing, s *briefing.Speaker, q briefing.Quote) string {
	parts := []string{s.Name}
	if s.Role != "" {
		parts[0] += ", " + s.Role
	}
	if b.Title != "" {
		parts = append(parts, b.Title)
	}
	if b.Date != "" {
		parts = append(parts, b.Date)
	}
	p := "¶" + strconv.Itoa(q.Paragraph+1)
	if q.EndParagraph > q.Paragraph {
		p += "–" + strconv.Itoa(q.EndParagraph+1)
	}
	switch {
	case q.Kind == briefing.Reported:
		p += " (reported)"
	case q.Partial:
		p += " (partial)"
	}
	parts = append(parts, p)
	if b.SourceURL != "" {
		parts = append(parts, b.SourceURL)
	}
	return textclean.Line(strings.Join(parts, " · "))
}

// mdEscape keeps text from being read as Markdown markup.
func mdEscape(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '|':
			b.WriteByte('\\')
		case '#', '-', '+':
			if i == 0 {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}
