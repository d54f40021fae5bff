package parse

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/brief-reader/brief/internal/briefing"
	"github.com/brief-reader/brief/internal/lexicon"
)

// articleParser attributes the quotes of an article: direct quotes by their
// cues, continuations and pronouns; reported speech by its speech verb.
type articleParser struct {
	out *builder
	reg *registry
	sal salience

	// prevPara is the speaker of the last quote of the previous body
	// paragraph, for quote paragraphs with no cue of their own.
	prevPara *person
	// open is a direct quote still running on into the next paragraph.
	open *openQuote
	// intro is the speaker an introducer names for the bare quotes after
	// it (see introducer); narrative text ends its reach.
	intro *person
	// lastOrg is the institution that spoke last, for "the statement said".
	lastOrg *person
	// aside is the speaker of the last quote before a single narrative
	// paragraph that names no one else and makes no one else its
	// subject: a bare quote after it goes on with them.
	aside *person
}

// openQuote is a direct quote still running at the end of a paragraph,
// newswire style: the next paragraph reopens it with the same mark.
type openQuote struct {
	para, start int
	fam         family
	pre         cue
	region      *regionState
}

// paraCtx is one paragraph being read.
type paraCtx struct {
	index   int
	text    string
	toks    []token
	nextFam family
	// direct is the speaker of the paragraph's latest direct quote.
	direct *person
}

// regionState tracks a stretch of text at one nesting level: the paragraph
// itself, or the inside of a quoted excerpt.
type regionState struct {
	last       *person // speaker of the previous attributed quote in the region
	sinceQuote bool    // narrative has named someone else since that quote
}

func newArticleParser(out *builder) *articleParser {
	return &articleParser{out: out, reg: out.reg}
}

// run attributes quotes in all body paragraphs.
func (a *articleParser) run() {
	paras := a.out.paras
	for i := range paras {
		p := &paras[i]
		a.out.toks = appendTokens(a.out.toks[:0], p.text)
		if p.role != briefing.Body {
			a.registerMentions(i, a.out.toks, nil)
			if p.role == briefing.Heading {
				a.flushOpen(i - 1)
				a.prevPara = nil
				a.aside = nil
				a.intro = a.introducer(i, a.out.toks)
			}
			continue
		}
		next := noFamily
		if j := a.nextBody(i); j >= 0 {
			next = opensWith(paras[j].text)
		}
		ctx := &paraCtx{index: i, text: p.text, toks: a.out.toks, nextFam: next}
		others := a.registerMentions(i, ctx.toks, a.prevPara)
		top := a.sal.top()
		// A round-up's introducer reaches no further than its quotes.
		introduced := a.intro != nil
		spans := findSpans(p.text, next)
		if a.open != nil && (len(spans) == 0 || opensWith(p.text) != a.open.fam) {
			a.flushOpen(i - 1)
		}
		if len(spans) == 0 {
			// A paragraph without quotes either introduces the quotes
			// after it or is narrative, which ends an earlier
			// introducer's reach.
			a.intro = a.introducer(i, ctx.toks)
		}
		a.region(ctx, 0, len(p.text), spans, &regionState{}, 0)
		a.aside = nil
		if len(spans) == 0 && ctx.direct == nil && a.prevPara != nil && !introduced && !others && a.plainNarrative(ctx) && (a.sal.top() == top || a.sal.top() == a.prevPara.root()) {
			a.aside = a.prevPara
		}
		a.prevPara = ctx.direct
	}
	a.flushOpen(len(paras) - 1)
}

// minNarrativeWords is the shortest paragraph read as narrative between
// a speaker's quotes; shorter lines are captions, handles or residue.
const minNarrativeWords = 6

// plainNarrative reports whether a paragraph without quotes is a narrative
// aside: whole sentences of some length that report no speech ("Feed
// prices doubled over the same months.").
func (a *articleParser) plainNarrative(ctx *paraCtx) bool {
	if !endsSentence(ctx.text) || wordCount(ctx.text) < minNarrativeWords {
		return false
	}
	for _, t := range ctx.toks {
		if isReportingVerb(t) || isParticiple(t) {
			return false
		}
	}
	return true
}

func (a *articleParser) nextBody(i int) int {
	for j := i + 1; j < len(a.out.paras); j++ {
		switch a.out.paras[j].role {
		case briefing.Body:
			return j
		case briefing.Heading:
			return -1
		}
	}
	return -1
}

func pos(para, off int) int { return para<<24 | off }

// registerMentions records the people a paragraph names, so that later
// surnames and titles resolve to them. It reports whether it names anyone
// but the given person.
func (a *articleParser) registerMentions(para int, toks []token, but *person) bool {
	others := false
	a.out.mentions = appendNameMentions(a.out.mentions[:0], toks)
	for _, m := range a.out.mentions {
		p := a.reg.addName(m.ref, pos(para, m.start))
		if but == nil || p.root() != but.root() {
			others = true
		}
	}
	a.learnKinship(toks)
	return others
}

// maleKin and femaleKin are kinship words that give the gender of the
// person named right after them: "her son Karim", "his wife, Ruth Hale".
var (
	maleKin   = newShapeSet(wordSet(`son husband father brother boyfriend grandson grandfather nephew uncle stepson stepfather`))
	femaleKin = newShapeSet(wordSet(`daughter wife mother sister girlfriend granddaughter grandmother niece aunt stepdaughter stepmother`))
)

// learnKinship gives a known person of unknown gender the gender a
// kinship word before their name tells: "her son Karim" is a he, so that a
// later "she says" does not go to him.
func (a *articleParser) learnKinship(toks []token) {
	for i, t := range toks {
		if !t.word || t.capitalised() {
			continue
		}
		g := unknownGender
		switch l := t.lower(); {
		case maleKin.has(l):
			g = male
		case femaleKin.has(l):
			g = female
		default:
			continue
		}
		j := i + 1
		if j < len(toks) && toks[j].is(",") {
			j++
		}
		k := j
		for k < len(toks) && toks[k].word && toks[k].capitalised() && k-j < 3 {
			k++
		}
		if k == j {
			continue
		}
		var name []string
		for _, w := range toks[j:k] {
			name = append(name, w.s)
		}
		p := a.reg.findName(name)
		if p == nil && len(name) == 1 {
			p = a.reg.findNear(name[0])
		}
		if p != nil && p.root().gender == unknownGender {
			p.root().gender = g
		}
	}
}

// region reads one stretch of text: its sentences, in order, with the
// quoted spans inside them.
func (a *articleParser) region(ctx *paraCtx, start, end int, spans []*span, rs *regionState, depth int) {
	outline, pop := a.out.pushOutline(ctx.toks, start, end, spans)
	defer pop()
	for _, sb := range outlineSentences(outline, ctx.text) {
		a.sentence(ctx, outline[sb[0]:sb[1]], rs, depth)
	}
}

// Attribution reads each sentence in these stages, in this order:
//
//  1. subject: who the sentence is about (sentenceSubjectStage), pushed on
//     the salience list that later pronouns and epithets resolve against;
//     an institution or described voice opening the sentence stands in
//     when no person does (sentenceVoice).
//  2. cues: for each quoted span, the words around it name its speaker;
//     the cue stages (cueStages) are tried in order until one finds a cue.
//  3. span: the span is read as speech, an excerpt of others' speech, a
//     title or scare quote, or the continuation of a quote left open
//     (span), and its speaker resolved (speakerOf): the cue first, then
//     the speaker the quote continues.
//  4. reported speech: a sentence with no attributed quote may still
//     report speech with a speech verb (reported).
//
// Resolution (resolve) turns a reference into a person: a pronoun through
// salience, a name through the registry, an organisation or a document to
// the institution, a description to a title holder or an unnamed voice.

// sentence reads one sentence of an outline.
func (a *articleParser) sentence(ctx *paraCtx, sent []otok, rs *regionState, depth int) {
	if len(sent) == 0 {
		return
	}
	subj := a.sentenceSubjectStage(ctx, sent, rs)
	spoke := false
	places := placeholders(sent)
	for k, i := range places {
		from := 0
		if k > 0 {
			from = places[k-1] + 1
		}
		to := len(sent)
		if k+1 < len(places) {
			to = places[k+1]
		}
		s := slot{sent: sent, at: i, from: from, to: to, subj: subj, first: k == 0}
		q := a.cues(s)
		// "On reciprocal tariffs: “…”" opens its paragraph with the
		// quote's subject: the quote leads the paragraph all the same.
		labelled := k == 0 && i > 0 && depth == 0 && sent[0].start == firstNonSpace(ctx.text) && s.topical()
		if a.span(ctx, sent[i].sp, q, rs, depth, i == 0 && k == 0, labelled) {
			spoke = true
		}
	}
	if !spoke {
		a.reported(ctx, sent, rs)
	}
}

// placeholders returns the indexes of a sentence's quoted spans.
func placeholders(sent []otok) []int {
	var places []int
	for i, t := range sent {
		if t.isPlaceholder() {
			places = append(places, i)
		}
	}
	return places
}

// sentenceSubjectStage reads who a sentence is about, first: it is what a
// following "he" refers to. A person named as the subject goes on the
// salience list; when no person opens the sentence, an institution or a
// described voice may ("The diocese released a statement, saying an
// “outside-counsel review”…"). It returns the subject, or an invalid
// ref.
func (a *articleParser) sentenceSubjectStage(ctx *paraCtx, sent []otok, rs *regionState) ref {
	subj := sentenceSubject(sent)
	if !a.plausible(subj) {
		subj = ref{}
	}
	if subj.valid() {
		p := a.resolve(subj, pos(ctx.index, sent[0].start), false)
		if p != nil && (p.role != "" || a.out.hasSpeech(p) || subj.pronoun != "" || len(subj.name) >= 2 || len(p.root().name) >= 2) {
			a.sal.push(p)
			if rs.last != nil && p.root() != rs.last.root() {
				rs.sinceQuote = true
			}
		}
	}
	if !subj.valid() {
		subj = sentenceVoice(sent)
	}
	return subj
}

// slot is one quoted span of a sentence with the words that belong to it:
// sent[from:at] before it and sent[at+1:to] after it, up to the next span.
type slot struct {
	sent         []otok
	at, from, to int
	subj         ref  // the sentence's subject or voice
	first        bool // the sentence's first span
}

// lead returns the sentence's words before the span.
func (s slot) lead() []otok { return trimEmphasis(s.sent[:s.at]) }

// topical reports whether the words before the span are a topic label:
// "On reciprocal tariffs:".
func (s slot) topical() bool { return topicLabel(s.lead()) }

// quoteCues are the cues around a quoted span: before it and after it.
type quoteCues struct {
	pre, post cue
}

func (q quoteCues) found() bool { return q.pre.found || q.post.found }

// cueStage is one way to find a quote's cue.
type cueStage struct {
	name string
	find func(a *articleParser, s slot) quoteCues
}

// cueStages are tried in order for each quoted span; the first that finds
// a cue decides.
var cueStages = []cueStage{
	{"adjacent", adjacentCues},
	{"lead-in colon", leadInCue},
	{"partial", partialStage},
}

// cues finds the cue of a quoted span through the cue stages.
func (a *articleParser) cues(s slot) quoteCues {
	var q quoteCues
	for _, st := range cueStages {
		q = st.find(a, s)
		if q.found() {
			return q
		}
	}
	return q
}

// adjacentCues reads the attribution right before a quote ("Misri said:",
// "…, saying") and right after it ("…,” he said"). A participle before the
// quote hangs from the sentence's subject.
func adjacentCues(_ *articleParser, s slot) quoteCues {
	pre := preCue(s.sent[s.from:s.at])
	if pre.participle {
		pre = cue{}
		if s.subj.valid() {
			pre = cue{who: s.subj, found: true}
		}
	}
	return quoteCues{pre: pre, post: postCue(s.sent[s.at+1 : s.to])}
}

// leadInCue gives a quote after a colon to the subject of the lead-in:
// "President Trump highlighted America’s negotiating position with Iran:
// “…”". A topic label ("On tariffs:") is no lead-in.
func leadInCue(_ *articleParser, s slot) quoteCues {
	lead := s.lead()
	if s.subj.valid() && s.subj.pronoun == "" && s.first && len(lead) > 0 && lead[len(lead)-1].is(":") && !s.topical() {
		return quoteCues{pre: cue{who: s.subj, found: true, label: true}}
	}
	return quoteCues{}
}

// partialStage reads words quoted inside reported speech as the reporting
// subject's own, however few: "Ortiz called the ruling “a disgrace”", "She
// said she was “deeply troubled”".
func partialStage(a *articleParser, s slot) quoteCues {
	return quoteCues{pre: a.partialCue(s.sent, s.at, s.subj)}
}

// sentenceVoice reads an organisation or a described voice that opens a
// sentence: "The Maritime Cheese Association said…", "The diocese
// issued…", "Researchers found…". It returns an invalid ref otherwise.
func sentenceVoice(sent []otok) ref {
	j := 0
	for j < len(sent) && sent[j].word && (sent[j].capitalised() || j == 0 && isDeterminer(sent[j].token) || j > 0 && smallTitleWords[sent[j].lower()]) {
		j++
	}
	if j >= len(sent) || !sent[j].word {
		return ref{}
	}
	if j > 0 {
		if r, ok := orgRef(sent[:j]); ok {
			return r
		}
	}
	if r, s := describedVoice(sent, j+1); r.valid() && s == 0 && j+1 < len(sent) && sent[j+1].word {
		return r
	}
	return ref{}
}

// partialCue finds the reported speech a quote sits inside: a person and
// a reporting verb in the same sentence, before the quote ("Minnesota
// Attorney General Keith Ellison warns law enforcement of “…”", "Feld
// called Ruskin a “reckless gambler”") or closing the sentence after it
// ("The drummer was “very committed” to the tour, Quinn said."). The cue is
// marked partial: the quote is the speaker's words inside the writer's.
func (a *articleParser) partialCue(sent []otok, at int, subj ref) cue {
	// The main clause's verb first, then one in a clause fronted before
	// it ("Despite what Smyth said, Moss said she “never liked…”", "Though
	// Judge Dunn said he was reluctant…, he believed… “…”").
	// "has been called “…” by X": the passive's agent, not its subject.
	if c := passiveNaming(sent, at); c.found {
		return c
	}
	fe := frontedClauseEnd(sent, at)
	for _, r := range [][2]int{{fe, at}, {0, fe}} {
		if c := a.reportingCue(sent, r[0], r[1], subj); c.found {
			return c
		}
	}
	for v := at + 1; v < len(sent); v++ {
		t := sent[v]
		if !isSpeechVerb(t.token) {
			continue
		}
		if r := verbSubject(sent, v); r.valid() && a.plausible(r) && closesSentence(sent[v+1:]) {
			return cue{who: r, found: true, partial: true}
		}
		break
	}
	return cue{}
}

// passiveNaming reads a partial quote named in the passive with its agent
// after it: "has been called “polite paralysis” by Ilka Sorensen, a
// professor…". The naming verb must follow an auxiliary right before the
// quote, and "by" and a name right after it.
func passiveNaming(sent []otok, at int) cue {
	v := at - 1
	if v < 1 || !sent[v].word || !namingVerbs.has(sent[v].lower()) || !sent[v-1].word || !auxiliaries[sent[v-1].lower()] {
		return cue{}
	}
	if at+2 >= len(sent) || !sent[at+1].word || sent[at+1].lower() != "by" {
		return cue{}
	}
	if r := subjectAfter(sent, at+2); len(r.name) > 0 && !r.org {
		return cue{who: r, found: true, partial: true}
	}
	return cue{}
}

// reportingCue finds the first reporting verb in sent[from:to] with a
// plausible subject, or a participle hanging from the sentence's subject
// ("Gov. Alma Ruskin endorsed him, citing his “steady temper”").
func (a *articleParser) reportingCue(sent []otok, from, to int, subj ref) cue {
	for v := from; v < to; v++ {
		if isParticiple(sent[v].token) && subj.valid() {
			return cue{who: subj, found: true, partial: true}
		}
		if !isReportingVerb(sent[v].token) && !putIt(sent, v) {
			continue
		}
		if r := verbSubject(sent, v); r.valid() && a.plausible(r) {
			return cue{who: r, found: true, partial: true}
		}
	}
	return cue{}
}

// frontedOpeners open a subordinate clause fronted before a sentence's
// subject: "Despite what Smyth said, Moss said…".
var frontedOpeners = wordSet(`despite although though because after before while when since if as unlike`)

// frontedClauseEnd returns where a sentence's main clause starts before
// toks[limit]: after the comma that closes a fronted subordinate clause, or
// 0.
func frontedClauseEnd(toks []otok, limit int) int {
	if len(toks) == 0 || !toks[0].word || !frontedOpeners[toks[0].lower()] {
		return 0
	}
	for i := 1; i < limit; i++ {
		if toks[i].is(",") {
			return i + 1
		}
	}
	return 0
}

// verbSubject reads who a speech verb's sentence gives as the speaker: the
// subject before it, or the name after it when a comma precedes the verb
// (", said Smith.", "The puzzle of Edith, says Lars Moberg, archivist…, is
// that she was “…”").
//
// After a comma the name before the verb is only its subject when it opens
// its clause: in "…unless Halden can persuade Moreau, said Dale Pruitt"
// Moreau is an object, and the subject is inverted after the verb.
func verbSubject(sent []otok, v int) ref {
	r, start := subjectBefore(sent, v)
	if v > 0 && sent[v-1].is(",") && (!r.valid() || objectPosition(sent, start)) {
		if after := subjectAfter(sent, v+1); after.valid() || !r.valid() {
			return after
		}
	}
	return r
}

// objectPosition reports whether the phrase starting at toks[start]
// follows a lower-case word of its clause ("persuade Moreau", "Halden and
// Moreau"): an object or a conjunct, not a subject opening its clause.
func objectPosition(toks []otok, start int) bool {
	if start == 0 || start >= len(toks) {
		return false
	}
	p := toks[start-1]
	return p.word && !p.capitalised() && !isDeterminer(p.token)
}

// closesSentence reports whether what follows a speech verb holds no other
// quote: the verb and its subject close the sentence's quotes ("…, said
// Fiona Bright, a pollster at the Harbour Survey Group.").
func closesSentence(toks []otok) bool {
	for _, t := range toks {
		if t.isPlaceholder() {
			return false
		}
	}
	return true
}

// Thresholds of span reading, in words.
const (
	// minBareQuoteWords is the shortest quote with no cue that continues
	// the previous speaker ("“It wasn’t over yet.”" needs to stand as
	// a sentence of its own to be shorter).
	minBareQuoteWords = 4
	// maxTitleWords is the longest capitalised quote read as a title
	// rather than speech (‘One Big, Beautiful Bill’).
	maxTitleWords = 8
	// maxScareQuoteWords is the longest quote with no cue read as a scare
	// quote or a phrase rather than speech.
	maxScareQuoteWords = 5
	// maxSpeakerNameWords is the longest name a cue may give a speaker.
	maxSpeakerNameWords = 4
)

// span decides what a quoted span is and records it. It reports whether the
// span was attributed speech.
func (a *articleParser) span(ctx *paraCtx, sp *span, q quoteCues, rs *regionState, depth int, leads, labelled bool) bool {
	pre, post := q.pre, q.post
	if a.open != nil && depth == 0 && leads && sp.open == firstNonSpace(ctx.text) && sp.fam == a.open.fam {
		return a.continueOpen(ctx, sp, post, rs)
	}
	is, ie := sp.inner()
	// An excerpt holding other people's quotes is read from the inside,
	// unless a label names a person as its speaker ("Laura Wilkerson,
	// whose son…: “… he said, ‘…’”): then the quotes inside are theirs
	// to quote.
	if len(sp.children) > 0 && depth < maxQuoteDepth && !a.quotesOthers(sp, q, rs) && a.holdsCues(ctx, sp) {
		a.region(ctx, is, ie, sp.children, &regionState{}, depth+1)
		return false
	}
	inner := ctx.text[is:ie]
	hasCue := q.found()
	// A short quote standing as a sentence of its own right after another
	// speaker's quote continues them: "“…,” Mabon said. “It wasn’t over
	// yet.”"
	continues := !hasCue && leads && endsSentence(inner) && rs.last != nil && !rs.sinceQuote
	qtoks := tokensIn(ctx.toks, is, ie)
	if !speechLike(qtoks, hasCue || continues) {
		return false
	}
	// Inside reported speech a name in title case is a title, not words
	// said: He told WXRT’s “Morning Desk” show…, the “Fresh Start” plan.
	if pre.partial && !post.found && inTitleCase(qtoks) {
		return false
	}
	// A quote that runs on into the next paragraph waits for its end.
	if depth == 0 && sp.unclosed && ctx.nextFam == sp.fam && !post.found {
		a.open = &openQuote{para: ctx.index, start: is, fam: sp.fam, pre: pre, region: rs}
		return true
	}
	who := a.speakerOf(ctx, sp, q, rs, continues, labelled || leads && depth == 0 && sp.open == firstNonSpace(ctx.text), labelled)
	if who == nil {
		a.unattributed(ctx, sp, depth)
		return false
	}
	qs, qe := quoteBounds(ctx.text, is, ie)
	if qe <= qs {
		return false
	}
	a.out.addQuote(who, briefing.Direct, ctx.index, ctx.index, qs, qe)
	if pre.partial && !post.found && !leads {
		a.out.quotes[len(a.out.quotes)-1].partial = true
	}
	a.after(ctx, who, rs)
	return true
}

// continueOpen reads a paragraph that reopens a quote left open in the
// previous one, newswire style. It reports whether the quote was given a
// speaker (or still runs on).
func (a *articleParser) continueOpen(ctx *paraCtx, sp *span, post cue, rs *regionState) bool {
	is, ie := sp.inner()
	if sp.unclosed && ctx.nextFam == sp.fam {
		return true // still running
	}
	c := post
	if !c.found {
		c = a.open.pre
	}
	who := a.attribute(c, ctx, sp.open)
	if who == nil {
		who = a.open.region.last
	}
	o := a.open
	a.open = nil
	if who == nil {
		return false
	}
	qs, _ := quoteBounds(a.out.paras[o.para].text, o.start, len(a.out.paras[o.para].text))
	_, qe := quoteBounds(ctx.text, is, ie)
	a.out.addQuote(who, briefing.Direct, o.para, ctx.index, qs, qe)
	a.after(ctx, who, rs)
	return true
}

// speakerOf resolves who said a quote: the person its cue names, or, for
// a quote with no cue (or a topic label) long enough to be speech or
// continuing a sentence before it, the speaker it continues.
func (a *articleParser) speakerOf(ctx *paraCtx, sp *span, q quoteCues, rs *regionState, continues, leadsParagraph, labelled bool) *person {
	var who *person
	if q.found() {
		c := q.post
		if !c.found {
			c = q.pre
		}
		who = a.attribute(c, ctx, sp.open)
	}
	is, ie := sp.inner()
	if who == nil && (!q.found() || labelled) && (wordCount(ctx.text[is:ie]) >= minBareQuoteWords || continues) {
		who = a.continuation(rs, leadsParagraph)
	}
	return who
}

// unattributed reads a quote nobody can be given: not speech we can
// attribute, so what it reports is read instead.
func (a *articleParser) unattributed(ctx *paraCtx, sp *span, depth int) {
	if depth >= maxQuoteDepth {
		return
	}
	is, ie := sp.inner()
	if len(sp.children) > 0 {
		a.region(ctx, is, ie, sp.children, &regionState{}, depth+1)
	} else {
		a.region(ctx, is, ie, nil, &regionState{}, depth+1)
	}
}

// endsSentence reports whether quoted text closes with a sentence's end
// mark inside its quotation marks.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, " ")
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == '…'
}

// quotesOthers reports whether a quote holding other quotes is its
// speaker's own words quoting others ("“She said, ‘I will sign it tonight,’”
// recalled Gus Talbot"), rather than an excerpt to be read from the
// inside: its attribution follows it or names a person before it, or it
// continues the quote before it in the same stretch of text. A colon label
// naming an outlet ("Cleveland Plain Dealer: “…”") introduces an excerpt.
func (a *articleParser) quotesOthers(sp *span, q quoteCues, rs *regionState) bool {
	// Quoting inside a quote uses the other marks: a double quote
	// inside a double quote is a mismatched span, read from the inside.
	for _, c := range sp.children {
		if c.fam == sp.fam {
			return false
		}
	}
	switch {
	case q.post.found, personLabel(q.pre):
		return true
	case q.pre.found:
		return !q.pre.label && !q.pre.who.org
	}
	return rs.last != nil && !rs.sinceQuote
}

// personLabel reports whether a cue is a label naming a person with a
// title or a description: "Laura Wilkerson, whose son…:", "Uber CEO Dara
// Khosrowshahi:". An outlet's name ("Cleveland Plain Dealer:") is not one.
func personLabel(c cue) bool {
	return c.found && c.label && !c.who.org && len(c.who.name) > 0
}

// after updates the reading state once a quote is attributed.
func (a *articleParser) after(ctx *paraCtx, who *person, rs *regionState) {
	rs.last = who
	rs.sinceQuote = false
	ctx.direct = who
	a.sal.push(who)
}

// continuation returns the speaker a quote without a cue continues: the
// previous quote's speaker in the same stretch of text, or, for a paragraph
// that opens with a quote, the previous paragraph's, or the speaker an
// introducer named.
func (a *articleParser) continuation(rs *regionState, leadsParagraph bool) *person {
	if rs.last != nil {
		if rs.sinceQuote {
			return nil
		}
		return rs.last
	}
	if !leadsParagraph {
		return nil
	}
	if a.prevPara != nil {
		return a.prevPara
	}
	if a.intro != nil {
		return a.intro
	}
	return a.aside
}

// attribute resolves a cue to a person.
func (a *articleParser) attribute(c cue, ctx *paraCtx, off int) *person {
	if !c.found {
		return nil
	}
	return a.resolve(c.who, pos(ctx.index, off), true)
}

// resolve turns a reference into a person: a pronoun into the most recent
// compatible person, a name into the registry entry, a title into the
// person who holds it.
func (a *articleParser) resolve(r ref, at int, speech bool) *person {
	switch {
	case r.pronoun != "":
		return a.sal.resolve(r.gender, speech)
	case r.org:
		if !speech {
			return nil
		}
		// "the statement said", "the report said": a document speaks for
		// the institution that last spoke.
		if documentVoice(r.surface) && a.lastOrg != nil {
			return a.lastOrg
		}
		p := a.reg.addName(r, at)
		p.kind = briefing.Organization
		a.lastOrg = p
		return p
	case len(r.name) > 0:
		if len(r.name) > maxSpeakerNameWords {
			return nil
		}
		// "the Iowa Democrat said", "the Republican said": a name
		// never takes "the"; a capitalised description the text has not
		// named before is an epithet for the person it is about.
		if speech && r.role == "" && definite(r.surface) && a.newName(r.name, at) {
			if p := a.sal.resolve(unknownGender, false); p != nil {
				p.addAlias(r.surface)
				return p
			}
		}
		return a.reg.addName(r, at)
	case r.role != "":
		if p := a.reg.findRole(r.role); p != nil {
			a.reg.touch(p, r, at)
			return p
		}
		// A new unnamed voice needs more than one bare word: "a senior
		// official", "the spokesperson", not "Justice".
		if !speech || !strings.Contains(strings.TrimSpace(r.surface), " ") {
			return nil
		}
		// "the 31-year-old midfielder said", "the Vermont Republican
		// said": a definite description with no title to match is an
		// epithet for the person the text is about.
		if definite(r.surface) {
			if p := a.sal.resolve(unknownGender, false); p != nil {
				p.addAlias(r.surface)
				return p
			}
		}
		p := a.reg.addRole(titleRole(r.role), briefing.Unnamed, at)
		p.addAlias(r.surface)
		return p
	}
	return nil
}

// newName reports whether a name is new to the text at position at: no
// one by that name spoke or was named in an earlier paragraph.
func (a *articleParser) newName(name []string, at int) bool {
	p := a.reg.findName(name)
	return p == nil || !a.out.hasSpeech(p) && p.first>>24 >= at>>24
}

// documentVoice reports whether a description names a document rather than
// its author: "the statement", "the release".
func documentVoice(surface string) bool {
	f := strings.Fields(strings.ToLower(surface))
	if len(f) == 0 {
		return false
	}
	switch f[len(f)-1] {
	case "statement", "release", "report", "letter", "study":
		return true
	}
	return false
}

// definite reports whether a description opens with "the".
func definite(surface string) bool {
	s := strings.TrimSpace(surface)
	return strings.HasPrefix(s, "the ") || strings.HasPrefix(s, "The ")
}

// plausible reports whether a sentence subject can be a person: a pronoun,
// a full name, or a single name the text already knows or gives a title
// ("Shortly after…" is not Mr. Shortly).
func (a *articleParser) plausible(r ref) bool {
	switch {
	case !r.valid():
		return false
	case r.pronoun != "" || len(r.name) != 1 || r.org:
		return true
	case r.role != "" || r.gender != unknownGender:
		return true
	}
	return a.reg.findName(r.name) != nil || a.reg.findNear(r.name[0]) != nil
}

// titleRole turns "a senior official" into "Senior official".
func titleRole(s string) string {
	s = strings.TrimSpace(s)
	for _, d := range []string{"the ", "The ", "a ", "A ", "an ", "An "} {
		s = strings.TrimPrefix(s, d)
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// reported records reported speech: a sentence whose subject is a person
// and whose verb is a speech verb ("Misri said India and Japan share
// values").
func (a *articleParser) reported(ctx *paraCtx, sent []otok, rs *regionState) {
	for v, t := range sent {
		if t.isPlaceholder() {
			continue
		}
		if !isSpeechVerb(t.token) || !reportsSpeech(sent, v) {
			continue
		}
		r := verbSubject(sent, v)
		if !r.valid() {
			continue
		}
		// A lone unknown capitalised word ("United said") is more likely a
		// misreading than a new person.
		if len(r.name) == 1 && r.role == "" && a.reg.findName(r.name) == nil && a.reg.findNear(r.name[0]) == nil {
			return
		}
		who := a.resolve(r, pos(ctx.index, t.start), true)
		if who == nil {
			return
		}
		learnGender(sent, v, who)
		s, e := sentenceRange(ctx.text, sent)
		if e > s {
			a.out.addQuote(who, briefing.Reported, ctx.index, ctx.index, s, e)
			// A bare quote after reported speech goes on with the same
			// voice: "Dunmore said the losses were broad. “I think…”"
			a.after(ctx, who, rs)
		}
		return
	}
}

// reportsSpeech tells a speech verb that reports what was said from one
// used of deeds: "Kelso Vale replied 40 seconds later", "Thornbury responded
// with a goal", "the club posted a video". Those verbs report speech only
// when a clause, a quote or a colon follows them.
func reportsSpeech(sent []otok, v int) bool {
	if !lexicon.DeedVerbs[sent[v].lower()] {
		return true
	}
	if v+1 >= len(sent) {
		return true // ", Smith replied."
	}
	n := sent[v+1]
	if n.isPlaceholder() || n.is(",") || n.is(":") || n.is(".") || n.is("—") {
		return true
	}
	if !n.word {
		return false
	}
	switch n.lower() {
	case "that", "he", "she", "they", "it", "we", "i", "by", "to", "in":
		return true
	}
	return false
}

// learnGender reads "Roe said he agreed": a pronoun right after the speech
// verb usually refers back to the subject.
func learnGender(sent []otok, v int, who *person) {
	if who.gender != unknownGender {
		return
	}
	i := v + 1
	if i < len(sent) && sent[i].word && sent[i].lower() == "that" {
		i++
	}
	if i < len(sent) && sent[i].word {
		switch sent[i].lower() {
		case "he":
			who.gender = male
		case "she":
			who.gender = female
		}
	}
}

// flushOpen ends a quote left open at the end of paragraph last.
func (a *articleParser) flushOpen(last int) {
	o := a.open
	if o == nil {
		return
	}
	a.open = nil
	who := (*person)(nil)
	if o.pre.found {
		who = a.resolve(o.pre.who, pos(o.para, o.start), true)
	}
	if who == nil {
		who = o.region.last
	}
	if who == nil || last < o.para {
		return
	}
	end := len(a.out.paras[last].text)
	qs, _ := quoteBounds(a.out.paras[o.para].text, o.start, len(a.out.paras[o.para].text))
	_, qe := quoteBounds(a.out.paras[last].text, 0, end)
	if o.para == last && qe <= qs {
		return
	}
	a.out.addQuote(who, briefing.Direct, o.para, last, qs, qe)
}

// holdsCues reports whether a span is an excerpt that quotes people inside
// it: one of its children has an attribution cue within the span.
func (a *articleParser) holdsCues(ctx *paraCtx, sp *span) bool {
	is, ie := sp.inner()
	outline, pop := a.out.pushOutline(ctx.toks, is, ie, sp.children)
	defer pop()
	for _, sb := range outlineSentences(outline, ctx.text) {
		sent := outline[sb[0]:sb[1]]
		for i, t := range sent {
			if !t.isPlaceholder() {
				continue
			}
			from, to := i, i+1
			for from > 0 && !sent[from-1].isPlaceholder() {
				from--
			}
			for to < len(sent) && !sent[to].isPlaceholder() {
				to++
			}
			if postCue(sent[i+1:to]).found || preCue(sent[from:i]).found {
				return true
			}
		}
	}
	return false
}

// speechLike reports whether quoted text reads as speech rather than a
// title, slogan or scare quote.
func speechLike(toks []token, hasCue bool) bool {
	words, caps, small := titleWords(toks)
	if words == 0 {
		return false
	}
	// ‘SECURE’, ‘One Big, Beautiful Bill’: a title, not speech.
	if words <= maxTitleWords && caps > 0 && caps+small == words && (words > 1 || toks[0].allCaps() || !hasCue) {
		return false
	}
	if words <= maxScareQuoteWords && !hasCue {
		return false
	}
	return true
}

// inTitleCase reports whether every word of a quote is capitalised or a small
// word of titles: “Today”, “Saturday Night Live”.
func inTitleCase(toks []token) bool {
	words, caps, small := titleWords(toks)
	return words > 0 && caps > 0 && caps+small == words
}

// titleWords counts a quote's words, those capitalised, and the small
// words titles keep in lower case.
func titleWords(toks []token) (words, caps, small int) {
	for _, t := range toks {
		if !t.word {
			continue
		}
		words++
		switch {
		case t.capitalised():
			caps++
		case smallTitleWords[t.lower()]:
			small++
		}
	}
	return words, caps, small
}

// tokensIn returns the tokens that lie within text[start:end].
func tokensIn(toks []token, start, end int) []token {
	i := sort.Search(len(toks), func(i int) bool { return toks[i].start >= start })
	j := sort.Search(len(toks), func(j int) bool { return toks[j].start >= end })
	return toks[i:j]
}

// smallTitleWords stay lower case inside titles.
var smallTitleWords = wordSet(`a an the and or of on in for to at by with from as nor but vs`)

// quoteBounds trims a quote's byte range: spaces, and the comma that closes
// a quote before its attribution (‘…,’ he said).
func quoteBounds(text string, s, e int) (int, int) {
	s, e = trimSpan(text, s, e)
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if r == ',' || r == ' ' || r == '—' || r == '–' {
			e -= n
			continue
		}
		break
	}
	return s, e
}

func firstNonSpace(s string) int {
	for i, r := range s {
		if !unicode.IsSpace(r) {
			return i
		}
	}
	return len(s)
}

// sentenceRange returns the byte range of a sentence's text.
func sentenceRange(text string, sent []otok) (int, int) {
	first, last := sent[0], sent[len(sent)-1]
	s, e := first.start, last.end
	if first.sp != nil {
		s = first.sp.open
	}
	if last.sp != nil {
		e = last.sp.end()
	}
	return trimSpan(text, s, e)
}

// buildOutline appends to out the tokens of text[start:end] outside the given
// spans, with a placeholder token where each span stands.
func buildOutline(out []otok, toks []token, start, end int, spans []*span) []otok {
	i := sort.Search(len(toks), func(i int) bool { return toks[i].start >= start })
	si := 0
	for i < len(toks) && toks[i].start < end {
		t := toks[i]
		if si < len(spans) && t.start >= spans[si].open {
			sp := spans[si]
			out = append(out, otok{token: token{s: placeholder, start: sp.open, end: sp.end()}, sp: sp})
			for i < len(toks) && toks[i].start < sp.end() {
				i++
			}
			si++
			continue
		}
		out = append(out, otok{token: t})
		i++
	}
	for ; si < len(spans); si++ {
		sp := spans[si]
		out = append(out, otok{token: token{s: placeholder, start: sp.open, end: sp.end()}, sp: sp})
	}
	return out
}

// outlineSentences splits an outline into sentences. A quote that ends with
// a full stop inside its marks ends its sentence when a capital follows.
func outlineSentences(out []otok, text string) [][2]int {
	var res [][2]int
	from := 0
	for i, t := range out {
		end := false
		switch {
		case t.isPlaceholder():
			is, ie := t.sp.inner()
			end = endsSentence(text[is:ie])
		case !t.word && (t.s == "." || t.s == "!" || t.s == "?" || t.s == "…"):
			end = true
			if t.s == "." && i > 0 && out[i-1].word && out[i-1].end == t.start {
				prev := out[i-1]
				if abbreviations.has(prev.lower()) || (utf8.RuneCountInString(prev.s) == 1 && prev.capitalised()) {
					end = false
				}
				// "S.J. Quinney College", "J.D. Vance": initials before a
				// name. "…in the U.S. The…" still ends a sentence.
				if initialism(prev.s) && i+1 < len(out) && out[i+1].word && out[i+1].capitalised() && !nonNameWords.has(out[i+1].lower()) {
					end = false
				}
				// "I.W.A.-C.L.C.": a dot joined to what follows.
				if i+1 < len(out) && out[i+1].start == t.end && (out[i+1].word || out[i+1].is("-")) {
					end = false
				}
			}
		}
		if !end {
			continue
		}
		if i+1 < len(out) && !(out[i+1].isPlaceholder() || startsSentence(out[i+1].token)) {
			continue
		}
		// “Is it in our interest to act?” Dana Whitfield said: a quote
		// that ends in its own mark still belongs with the attribution
		// that follows it.
		if t.isPlaceholder() && i+1 < len(out) && !out[i+1].isPlaceholder() && !attributed(out[from:i]) && attributionFollows(out[i+1:]) {
			continue
		}
		res = append(res, [2]int{from, i + 1})
		from = i + 1
	}
	if from < len(out) {
		res = append(res, [2]int{from, len(out)})
	}
	return res
}

// attributed reports whether the words before a quote in its sentence
// attribute it already: a speech verb or a label's colon ("Doe said: “…”").
func attributed(toks []otok) bool {
	for _, t := range toks {
		if isSpeechVerb(t.token) || t.is(":") {
			return true
		}
	}
	return false
}

// attributionFollows reports whether the words after a quote open with its
// attribution: a name or pronoun and a speech verb ("Whitfield said",
// "she asked"), or a speech verb and its subject ("said Whitfield").
func attributionFollows(toks []otok) bool {
	if len(toks) > 8 {
		toks = toks[:8]
	}
	c := postCue(toks)
	return c.found
}

// initialism reports whether a word is letters joined by dots: "S.J",
// "U.S", "D.C" (the final dot is a token of its own).
func initialism(w string) bool {
	letters := 0
	for i, r := range w {
		if i%2 == 1 {
			if r != '.' {
				return false
			}
			continue
		}
		if !unicode.IsUpper(r) || r >= utf8.RuneSelf {
			return false
		}
		letters++
	}
	return letters >= 2 && len(w)%2 == 1
}
