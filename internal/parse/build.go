package parse

import (
	"sort"
	"strconv"
	"strings"

	"github.com/brief-reader/brief/internal/briefing"
)

// para is a paragraph being built.
type para struct {
	text    string
	words   int // wordCount(text)
	role    briefing.ParagraphRole
	level   int
	label   string
	speaker *person
}

// pquote is a quote being built, pointing at its person.
type pquote struct {
	who           *person
	kind          briefing.QuoteKind
	para, endPara int
	start, end    int
	partial       bool // words quoted inside reported speech
}

// builder collects paragraphs, people and quotes, and turns them into a
// briefing.
type builder struct {
	reg    *registry
	paras  []para
	quotes []pquote
	speech map[*person]bool

	// toks holds the tokens of the paragraph the article parser reads,
	// and outlines the outlines of the regions it reads, innermost last:
	// both are reused from paragraph to paragraph (and, through a Parser,
	// from file to file), where new ones made most of a parse's garbage.
	toks     []token
	outlines []otok
	// mentions holds the people a paragraph names, reused from one
	// paragraph to the next.
	mentions []mention
}

// pushOutline builds the outline of a region (see buildOutline) on top of
// the outlines of the regions around it, and returns it with the function
// that drops it when the region is read.
func (b *builder) pushOutline(toks []token, start, end int, spans []*span) ([]otok, func()) {
	base := len(b.outlines)
	b.outlines = buildOutline(b.outlines, toks, start, end, spans)
	n := len(b.outlines)
	return b.outlines[base:n:n], func() { b.outlines = b.outlines[:base] }
}

func newBuilder(paras []para) *builder {
	return &builder{reg: &registry{}, paras: paras, speech: make(map[*person]bool)}
}

func (b *builder) addQuote(who *person, kind briefing.QuoteKind, para, endPara, start, end int) {
	b.quotes = append(b.quotes, pquote{who: who, kind: kind, para: para, endPara: endPara, start: start, end: end})
	b.speech[who.root()] = true
}

func (b *builder) hasSpeech(p *person) bool { return b.speech[p.root()] }

// mergePeople folds entries that turned out to be the same person: a
// surname or a title used before the full name appeared.
func (b *builder) mergePeople() {
	people := b.reg.people
	for _, p := range people {
		if p.merged != nil || p.kind != briefing.Person {
			continue
		}
		switch {
		case len(p.name) == 1:
			// The index holds everyone who had the surname, some more
			// than once; each is checked as a scan of everyone would.
			var match *person
			for _, q := range b.reg.bySur[p.surname()] {
				if q != p && q.merged == nil && q.kind == briefing.Person && len(q.name) >= 2 && q.surname() == p.surname() {
					if match != nil && match != q {
						match = nil // two people fit: merge with neither
						break
					}
					match = q
				}
			}
			if match != nil {
				p.merged = match
			}
		case len(p.name) == 0 && p.role != "":
			var match *person
			n := 0
			key := roleKey(p.role)
			for _, q := range people {
				if q != p && q.merged == nil && len(q.name) > 0 && q.role != "" && roleMatches(q.roleKey(), key) {
					match = q
					n++
				}
			}
			if n == 1 {
				p.merged = match
			}
		}
	}
	for _, p := range people {
		if p.merged == nil {
			continue
		}
		r := p.root()
		if r.role == "" {
			r.role = p.role
		}
		if r.gender == unknownGender {
			r.gender = p.gender
		}
		for _, a := range p.aliases {
			r.addAlias(a)
		}
		r.labels = append(r.labels, p.labels...)
	}
}

// finish writes the built paragraphs, speakers and quotes into br.
func (b *builder) finish(br *briefing.Briefing) {
	b.mergePeople()
	// Speakers in order of their first speech.
	order := make(map[*person]int)
	var speakers []*person
	for _, q := range b.quotes {
		p := q.who.root()
		if _, ok := order[p]; !ok {
			order[p] = len(speakers)
			speakers = append(speakers, p)
		}
	}
	for i := range b.paras {
		if s := b.paras[i].speaker; s != nil {
			p := s.root()
			if _, ok := order[p]; !ok {
				order[p] = len(speakers)
				speakers = append(speakers, p)
			}
		}
	}
	ids := make(map[*person]string, len(speakers))
	used := make(map[string]int)
	br.Speakers = make([]briefing.Speaker, 0, len(speakers))
	for _, p := range speakers {
		s := speakerOf(p)
		id := slug(s.Name)
		if n := used[id]; n > 0 {
			used[id] = n + 1
			id += "-" + strconv.Itoa(n+1)
		} else {
			used[id] = 1
		}
		s.ID = id
		ids[p] = id
		br.Speakers = append(br.Speakers, s)
	}
	br.Paragraphs = make([]briefing.Paragraph, len(b.paras))
	words := 0
	for i, p := range b.paras {
		bp := briefing.Paragraph{Index: i, Text: p.text, Role: p.role, Label: p.label, Level: p.level, Words: p.words}
		if p.speaker != nil {
			bp.Speaker = ids[p.speaker.root()]
		}
		if p.role == briefing.Body {
			words += bp.Words
		}
		br.Paragraphs[i] = bp
	}
	br.Words = words
	sort.SliceStable(b.quotes, func(i, j int) bool {
		qi, qj := b.quotes[i], b.quotes[j]
		if qi.para != qj.para {
			return qi.para < qj.para
		}
		return qi.start < qj.start
	})
	br.Quotes = make([]briefing.Quote, 0, len(b.quotes))
	idx := make(map[string]int, len(br.Speakers))
	for i, s := range br.Speakers {
		idx[s.ID] = i
	}
	for _, q := range b.quotes {
		id := ids[q.who.root()]
		text := b.span(q)
		bq := briefing.Quote{Speaker: id, Kind: q.kind, Partial: q.partial, Text: text, Paragraph: q.para, EndParagraph: q.endPara, Start: q.start, End: q.end}
		br.Quotes = append(br.Quotes, bq)
		s := &br.Speakers[idx[id]]
		switch q.kind {
		case briefing.Reported:
			s.Reported++
		default:
			s.Quotes++
			s.Words += b.speechWords(q, br.Paragraphs)
		}
		if q.kind != briefing.Turn && br.Paragraphs[q.para].Speaker == "" {
			br.Paragraphs[q.para].Speaker = id
		}
	}
}

// span returns the text a quote covers.
func (b *builder) span(q pquote) string {
	if q.para == q.endPara {
		return b.paras[q.para].text[q.start:q.end]
	}
	parts := make([]string, 0, q.endPara-q.para+1)
	for i := q.para; i <= q.endPara; i++ {
		t := b.paras[i].text
		s, e := 0, len(t)
		if i == q.para {
			s = q.start
		} else if q.kind == briefing.Direct {
			s = briefing.Reopened(t)
		}
		if i == q.endPara {
			e = q.end
		}
		parts = append(parts, t[s:e])
	}
	return strings.Join(parts, "\n\n")
}

// speechWords counts a quote's words, leaving out stage paragraphs inside a
// turn.
func (b *builder) speechWords(q pquote, paras []briefing.Paragraph) int {
	n := 0
	for i := q.para; i <= q.endPara; i++ {
		if b.paras[i].role != briefing.Body {
			continue
		}
		t := b.paras[i].text
		s, e := 0, len(t)
		if i == q.para {
			s = q.start
		}
		if i == q.endPara {
			e = q.end
		}
		if s == 0 && e == len(t) {
			n += paras[i].Words // counted once already
		} else {
			n += wordCount(t[s:e])
		}
	}
	return n
}

// speakerOf turns a person into an exported speaker without counts.
func speakerOf(p *person) briefing.Speaker {
	s := briefing.Speaker{Kind: p.kind, Role: p.role}
	switch {
	case p.kind == briefing.Questioner:
		s.Name = "Reporter"
		s.Role = "unnamed reporters"
	case len(p.name) > 0:
		s.Name = p.fullName()
	default:
		s.Name = p.role
		s.Role = ""
	}
	seen := map[string]bool{strings.ToLower(s.Name): true}
	add := func(a string) {
		a = strings.TrimSpace(a)
		if a == "" || seen[strings.ToLower(a)] {
			return
		}
		seen[strings.ToLower(a)] = true
		s.Aliases = append(s.Aliases, a)
	}
	for _, l := range p.labels {
		add(l)
	}
	for _, a := range p.aliases {
		add(a)
	}
	if len(p.name) >= 2 {
		add(p.name[len(p.name)-1])
		if p.role != "" && !strings.ContainsAny(p.role, ",(") {
			add(p.role + " " + s.Name)
		}
	}
	return s
}
