// Package parse turns the text of a briefing — a wire story, a transcript,
// a Markdown page — into a briefing.Briefing: paragraphs, speakers, quotes.
//
// Parse is a pure function of its input and is safe to call from many
// goroutines at once. A Parser does the same for one goroutine that parses
// many files, reusing what it built for one file for the next.
package parse

import (
	"path/filepath"
	"slices"
	"strings"

	"github.com/brief-reader/brief/internal/briefing"
	"github.com/brief-reader/brief/internal/textclean"
)

// Options tune Parse. The zero value detects everything.
type Options struct {
	// ForceKind reads every briefing as Kind instead of detecting it.
	ForceKind bool
	Kind      briefing.Kind
	// Markdown forces Markdown reading; otherwise it follows the file
	// extension and front matter.
	Markdown bool
}

// DefaultOptions detects everything.
func DefaultOptions() Options { return Options{} }

// Parse reads one briefing. path names it in the result (and its extension
// hints at Markdown); data is the raw file. Errors are for input that is not
// text at all (binary, invalid UTF-8); anything else parses, possibly with
// warnings.
func Parse(path string, data []byte, opts Options) (*briefing.Briefing, error) {
	return NewParser().Parse(path, data, opts)
}

// ParseText reads a briefing from text that is already decoded and clean.
func ParseText(path, text string, opts Options) *briefing.Briefing {
	return NewParser().ParseText(path, text, opts)
}

// A Parser parses briefings one after another and keeps, from one to the
// next, what is costly to build: the Markdown parser. Its results are the
// package functions' results. It is not safe for concurrent use: give each
// goroutine its own.
type Parser struct {
	md *mdReader // built when the first Markdown file comes
	// toks and outlines are the builder's buffers, handed from one file
	// to the next; blocks and paras are the layout's, emptied in between.
	toks     []token
	outlines []otok
	blocks   []block
	paras    []para
	// near and nearList are the registry's index of surnames with
	// letters left out, emptied in between.
	near     map[uint64]int32
	nearList []nearEntry
}

// maxKeptTokens bounds the buffers a Parser keeps between files, so that
// one huge file does not hold its memory for the rest of a run.
const maxKeptTokens = 1 << 16

// keepEmptied returns buf emptied and cleared, for the next file, or nil
// when it has grown past maxKeptTokens.
func keepEmptied[T any](buf []T) []T {
	if cap(buf) > maxKeptTokens {
		return nil
	}
	clear(buf[:cap(buf)])
	return buf[:0]
}

// NewParser returns a Parser.
func NewParser() *Parser { return &Parser{} }

// Parse reads one briefing, as the package function Parse does.
func (ps *Parser) Parse(path string, data []byte, opts Options) (*briefing.Briefing, error) {
	text, err := textclean.Decode(data)
	if err != nil {
		return nil, err
	}
	return ps.ParseText(path, text, opts), nil
}

// markdown returns the Parser's Markdown reader.
func (ps *Parser) markdown() *mdReader {
	if ps.md == nil {
		ps.md = &mdReader{md: newMarkdownParser()}
	}
	return ps.md
}

// ParseText reads a briefing from text that is already decoded and clean,
// as the package function ParseText does.
func (ps *Parser) ParseText(path, text string, opts Options) *briefing.Briefing {
	br := &briefing.Briefing{Path: path}
	var m meta
	body := text
	if fm, rest, ok := splitFrontMatter(body); ok {
		var err error
		m, err = parseFrontMatter(fm)
		if err != nil {
			br.Warnings = append(br.Warnings, err.Error())
		}
		body = rest
	}
	if sm, rest, ok := sourceLine(body); ok {
		m = mergeMeta(m, sm)
		body = rest
	}
	ext := strings.ToLower(filepath.Ext(path))
	markdown := opts.Markdown || ext == ".md" || ext == ".markdown" || m.hasFrontMatter
	var blocks []block
	if markdown {
		br.Markup = briefing.Markdown
		blocks = ps.markdown().blocks(body, ps.blocks[:0])
		ps.blocks = blocks
	} else {
		blocks = plainBlocks(body)
	}
	blocks = trimResidue(blocks)
	countWords(blocks)

	kind := opts.Kind
	if !opts.ForceKind {
		if k, err := briefing.ParseKind(m.kind); err == nil && m.kind != "" {
			kind = k
		} else {
			kind = detectKind(blocks)
		}
	}
	br.Kind = kind

	paras := layout(blocks, kind, &m, ps.paras[:0])
	b := newBuilder(paras)
	b.toks, b.outlines = ps.toks[:0], ps.outlines[:0]
	b.reg.near, b.reg.nearList = ps.near, ps.nearList
	b.registerMeta(m)
	if kind == briefing.Transcript {
		b.transcript()
	} else {
		newArticleParser(b).run()
	}
	if cap(b.toks) <= maxKeptTokens && cap(b.outlines) <= maxKeptTokens {
		ps.toks, ps.outlines = b.toks[:0], b.outlines[:0]
	}
	b.finish(br)
	ps.blocks, ps.paras = keepEmptied(ps.blocks), keepEmptied(b.paras)
	ps.nearList = keepEmptied(b.reg.nearList)
	if ps.near = b.reg.near; len(ps.near) > maxKeptTokens {
		ps.near = nil
	} else {
		clear(ps.near)
	}
	br.Title, br.Date, br.Source = m.title, m.date, m.source
	// Where the briefing is published: front matter's source_url, or a
	// source that is a web address ("# source: https://…").
	br.SourceURL = m.sourceURL
	if br.SourceURL == "" {
		br.SourceURL = webURL(m.source)
	}
	if br.Title == "" {
		br.Title = titleFromPath(path)
	}
	return br
}

// mergeMeta fills what front matter left empty from a header line.
func mergeMeta(m, s meta) meta {
	if m.title == "" {
		m.title = s.title
	}
	if m.date == "" {
		m.date = s.date
	}
	if m.source == "" {
		m.source = s.source
	}
	return m
}

// registerMeta records the people the metadata names: front matter
// speakers first (they win over guesses), then the title.
func (b *builder) registerMeta(m meta) {
	for _, s := range m.speakers {
		r := parseRef(tokenize(s.name))
		if len(r.name) == 0 {
			r = ref{name: strings.Fields(s.name), surface: s.name}
		}
		p := b.reg.addName(r, 0)
		p.meta = true
		p.kind = briefing.Person
		if k := strings.ToLower(s.kind); k == "role" {
			p.kind = briefing.Role
		} else if k == "questioner" {
			p.kind = briefing.Questioner
		}
		if s.role != "" {
			p.role = s.role
		}
		b.reg.rename(p, strings.Fields(s.name))
		for _, a := range s.aliases {
			p.addAlias(a)
		}
	}
	b.mentions = appendNameMentions(b.mentions[:0], tokenize(casedText(m.title)))
	for _, mt := range b.mentions {
		b.reg.addName(mt.ref, 0)
	}
}

// titleFromPath makes a title from a file name: "05-wh-briefing.txt" →
// "05 wh briefing".
func titleFromPath(path string) string {
	if path == "" || path == "-" {
		return "stdin"
	}
	base := filepath.Base(path)
	base = strings.TrimSuffix(base, filepath.Ext(base))
	return strings.Join(strings.FieldsFunc(base, func(r rune) bool { return r == '-' || r == '_' }), " ")
}

// trimResidue drops page furniture a scraper left at the top and bottom:
// "HomeLatest…", breadcrumbs, a lone "Source" or "Latest".
func trimResidue(blocks []block) []block {
	for len(blocks) > 1 && blocks[0].level == 0 && (isNavBlock(blocks[0].text) || gluedNav(blocks[0].text)) {
		blocks = blocks[1:]
	}
	for len(blocks) > 1 && blocks[len(blocks)-1].level == 0 && isNavBlock(blocks[len(blocks)-1].text) {
		blocks = blocks[:len(blocks)-1]
	}
	return blocks
}

// detectKind decides whether blocks are a transcript: several paragraphs
// open with speaker labels, or one sure label opens most of the text (a
// speech: "THE PRESIDENT: …").
func detectKind(blocks []block) briefing.Kind {
	strong, weak := 0, map[string]int{}
	firstStrong := -1
	total := 0
	wordsAfter := 0
	for i, bl := range blocks {
		n := bl.words
		total += n
		if firstStrong >= 0 {
			wordsAfter += n
		}
		l, ok := readLabel(bl.text)
		if !ok || opensWith(bl.text[l.rest:]) != noFamily {
			continue
		}
		if l.strength == strongLabel {
			strong++
			if firstStrong < 0 {
				firstStrong = i
				wordsAfter = n
			}
		} else {
			weak[strings.ToLower(l.text)]++
		}
	}
	repeated := 0
	for _, n := range weak {
		if n >= 2 {
			repeated += n
		}
	}
	switch {
	case strong >= 2, strong+repeated >= 3 && strong >= 1, repeated >= 4:
		return briefing.Transcript
	case strong == 1 && total > 0 && float64(wordsAfter) >= 0.6*float64(total):
		return briefing.Transcript
	}
	return briefing.Article
}

// layout turns blocks into paragraphs: labels split off, stage directions
// and headings marked, the title and date found.
func layout(blocks []block, kind briefing.Kind, m *meta, paras []para) []para {
	paras = slices.Grow(paras[:0], len(blocks))
	labels := make([]label, len(blocks))
	weak := map[string]int{}
	if kind == briefing.Transcript {
		for i, bl := range blocks {
			if bl.level > 0 {
				continue
			}
			if l, ok := readLabel(bl.text); ok {
				labels[i] = l
				if l.strength == weakLabel {
					weak[strings.ToLower(l.text)]++
				}
			}
		}
	}
	firstLabel := len(blocks)
	for i, l := range labels {
		if acceptLabel(l, weak) {
			firstLabel = i
			break
		}
	}
	titleIdx := -1
	if m.title == "" {
		titleIdx = findTitle(blocks, kind, firstLabel)
		if titleIdx >= 0 {
			m.title = blocks[titleIdx].text
		}
	}
	pendingLabel := ""
	for i, bl := range blocks {
		p := para{text: bl.text, level: bl.level, words: bl.words}
		switch {
		case bl.level > 0:
			p.role = briefing.Heading
		case i == titleIdx:
			p.role, p.level = briefing.Heading, 1
		case acceptLabel(labels[i], weak):
			p.label = labels[i].text
			p.text = strings.TrimSpace(bl.text[labels[i].rest:])
			p.words = wordCount(p.text)
			if p.text == "" && i+1 < len(blocks) && blocks[i+1].level == 0 && !acceptLabel(labels[i+1], weak) {
				// A label on its own line opens the next paragraph.
				pendingLabel = p.label
				continue
			}
		case pendingLabel != "":
			p.label = pendingLabel
		case isStage(bl.text):
			p.role = briefing.Stage
		case kind == briefing.Transcript && i < firstLabel && bl.words <= 8 && !strings.HasSuffix(bl.text, "."):
			p.role = briefing.Stage
		}
		pendingLabel = ""
		paras = append(paras, p)
	}
	if m.date == "" {
		m.date = findDocDate(paras, kind, m)
	}
	if m.source == "" {
		for i, p := range paras {
			if i > 4 {
				break
			}
			if _, agency, ok := dateline(p.text); ok {
				m.source = agency
				break
			}
		}
	}
	return paras
}

// acceptLabel decides whether a label opens a turn in a transcript.
func acceptLabel(l label, weak map[string]int) bool {
	switch l.strength {
	case strongLabel:
		return true
	case weakLabel:
		return l.person || weak[strings.ToLower(l.text)] >= 2
	}
	return false
}

// findTitle picks the headline of a plain-text briefing: the first
// headline-like block of an article, or the longest one before the first
// turn of a transcript.
func findTitle(blocks []block, kind briefing.Kind, firstLabel int) int {
	if len(blocks) < 2 {
		return -1
	}
	if blocks[0].level > 0 {
		return -1 // a Markdown heading titles itself
	}
	if kind == briefing.Article {
		if headlineLike(blocks[0].text) && blocks[0].words >= 3 && !isStage(blocks[0].text) {
			return 0
		}
		return -1
	}
	best, bestN := -1, 0
	for i := 0; i < firstLabel && i < len(blocks) && i < 12; i++ {
		t := blocks[i].text
		if isStage(t) || !headlineLike(t) {
			continue
		}
		if n := blocks[i].words; n >= 4 && n > bestN {
			best, bestN = i, n
		}
	}
	return best
}

// findDocDate looks for the briefing's date in its opening paragraphs: a
// "(February 13, 2025)" line or a wire dateline.
func findDocDate(paras []para, kind briefing.Kind, m *meta) string {
	partial := ""
	for i, p := range paras {
		if i > 8 {
			break
		}
		if p.role == briefing.Stage || p.role == briefing.Heading {
			if iso, _ := findDate(p.text); iso != "" {
				return iso
			}
		}
		if d, _, ok := dateline(p.text); ok && d != "" {
			if d[0] >= '0' && d[0] <= '9' {
				return d
			}
			if partial == "" {
				partial = d
			}
		}
	}
	if iso, _ := findDate(m.title); iso != "" {
		return iso
	}
	return partial
}
