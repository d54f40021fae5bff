package topics

import (
	"cmp"
	"slices"
	"strings"

	"github.com/brief-reader/brief/internal/briefing"
)

// Tuning of paragraph classification. Scores are sums of term weights, a
// repeated term counting 1, 1/2, 1/3... of its weight.
const (
	// minScore is the smoothed score a topic needs to be carried by a
	// paragraph: two ordinary indicators, or one strong one.
	minScore = 2.0
	// minRelative is the fraction of a paragraph's best topic score that
	// another topic needs to be carried too.
	minRelative = 0.35
	// A paragraph's best topic must reach a floor that grows with the
	// paragraph's length: minScore up to floorFreeWords words, then
	// floorPerWord more per word, up to floorCap. A long paragraph that
	// names a subject once in passing is not about it, and one that fits
	// no topic well gets none rather than the nearest. Any other topic
	// needs secondFloor of that floor.
	floorFreeWords = shortWords
	floorPerWord   = 0.04
	floorCap       = 5.0
	secondFloor    = 0.5
	// maxParagraphTopics bounds the topics one paragraph carries.
	maxParagraphTopics = 4
	// neighbourShare is how much of an adjacent paragraph's score counts
	// towards a paragraph in running prose.
	neighbourShare = 0.3
	// neighbourCap and exchangeCap bound what one other paragraph adds to
	// a topic of a paragraph that is not short.
	neighbourCap = 1.0
	exchangeCap  = 2.5
	// exchangeShare is how much of the score of another paragraph of the
	// same transcript exchange (a question and its answer) counts towards
	// a paragraph; it decays by exchangeDecay per paragraph of distance.
	exchangeShare = 0.6
	exchangeDecay = 0.7
	// shortWords is the length under which a paragraph has too little
	// text of its own and inherits its neighbours' topics more readily.
	shortWords = 25
)

// Classifier assigns topics to briefings. It is immutable after
// construction and safe for concurrent use.
type Classifier struct {
	tax    *Taxonomy
	m      *matcher
	ids    []string
	labels []string
	// pool keeps the scratch buffers of finished calls for the next.
	pool scratchPool
}

// NewClassifier compiles a taxonomy for classification. A nil taxonomy
// means Default().
func NewClassifier(t *Taxonomy) *Classifier {
	if t == nil {
		t = Default()
	}
	c := &Classifier{tax: t, m: compile(t)}
	for _, tp := range t.topics {
		c.ids = append(c.ids, tp.ID)
		c.labels = append(c.labels, tp.Label)
	}
	return c
}

// Taxonomy returns the taxonomy the classifier was built from.
func (c *Classifier) Taxonomy() *Taxonomy { return c.tax }

// Apply classifies a briefing in place. It fills Paragraph.Topics and
// Paragraph.Section, Quote.Topics and Quote.Section, Sections and Topics,
// replacing what was there. The result depends only on the briefing's
// paragraphs, quotes and speakers, and on the taxonomy.
func (c *Classifier) Apply(b *briefing.Briefing) {
	c.run(b).release()
}

// run classifies a briefing and returns its state, which tests inspect.
// The state's buffers go back to the pool only once it is released.
func (c *Classifier) run(b *briefing.Briefing) *state {
	st := newState(c, b)
	for i := range b.Paragraphs {
		p := &b.Paragraphs[i]
		p.Topics = nil
		p.Section = 0
		if p.Role == briefing.Body {
			st.scoreParagraph(i, bodyText(p))
		}
	}
	st.findUnits()
	st.smooth()
	st.assign()
	b.Topics = st.briefingTopics()
	b.Sections = st.sections()
	st.applyQuotes()
	return st
}

// bodyText returns a paragraph's text without its transcript label.
func bodyText(p *briefing.Paragraph) string {
	t := p.Text
	if p.Label != "" && strings.HasPrefix(t, p.Label) {
		t = t[len(p.Label):]
		t = strings.TrimLeft(t, ": \t")
	}
	return t
}

// scoreParagraph tokenises a paragraph, scores its terms and collects its
// capitalised names.
func (st *state) scoreParagraph(i int, text string) {
	// Moderators' lines name who asks next, which no title needs.
	withNames := st.nameWeight(i) > 0
	from := len(st.nameBuf)
	st.words[i], st.nameBuf = st.scoreText(text, st.row(st.raw, i), st.nameBuf, withNames)
	st.names[i] = st.nameBuf[from:len(st.nameBuf):len(st.nameBuf)]
}

// scoreText scores text into scores and returns its word count and, when
// withNames is set, the names it holds appended to names.
func (st *state) scoreText(text string, scores []float32, names []int32, withNames bool) (int, []int32) {
	st.tz.reset(text)
	toks := st.tz.toks
	n := len(toks)
	ids, shapes := grow(st.toks, n), grow(st.shapes, n)
	hits, uppers := grow(st.hits, n), grow(st.uppers, n)
	nhits, nuppers, words, caps := 0, 0, 0, 0
	slots := st.cache.slots
	// The loop makes no call for a short word already in the cache.
	for k := range toks {
		tok := &toks[k]
		if tok.spaced {
			words++
		}
		size := tok.end - tok.start
		var head uint64
		if size >= 8 {
			head = load64(text, tok.start)
		}
		info, ok := probe(slots, tok.hash, size, head)
		if !ok {
			info = st.wordInfo(tok)
			slots = st.cache.slots
		}
		if info.shape&shapeCaps != 0 {
			caps++
		}
		// Lists without branches: write, and keep what counts.
		hits[nhits] = int32(k)
		if info.starts {
			nhits++
		}
		uppers[nuppers] = int32(k)
		if info.shape&shapeUpper != 0 {
			nuppers++
		}
		ids[k] = wordIDs{stem: info.stem, exact: info.exact, hyphened: tok.hyphened}
		shapes[k] = info.shape
	}
	hits, uppers = hits[:nhits], uppers[:nuppers]
	st.toks, st.hits, st.shapes, st.uppers = ids, hits, shapes, uppers
	st.c.m.scan(ids, hits, scores, &st.scan)
	for t := range scores {
		if scores[t] < 0 {
			scores[t] = 0
		}
	}
	if !withNames {
		return words, names
	}
	from := len(names)
	names = st.collectNames(text, toks, shapes, uppers, names)
	// A paragraph mostly in capitals is a headline or a label: its
	// capitalised words are not names.
	if len(toks) >= 3 && caps*10 >= len(toks)*6 {
		return words, names[:from]
	}
	return words, names
}

// collectNames appends the names among a text's tokens to names. The
// tokens in upper case (uppers) may start or continue a name; those in
// lower case matter only right after one.
func (st *state) collectNames(text string, toks []token, shapes []wordShape, uppers []int32, names []int32) []int32 {
	nc := nameCollector{text: text, st: st, names: names, from: len(names)}
	add := func(k int) {
		prevStart, prevEnd := 0, 0
		if k > 0 {
			prevStart, prevEnd = toks[k-1].start, toks[k-1].end
		}
		nc.add(&toks[k], shapes[k], prevStart, prevEnd, text[prevEnd:toks[k].start])
	}
	for _, u := range uppers {
		add(int(u))
		for k := int(u) + 1; k < len(toks) && shapes[k]&shapeUpper == 0 && nc.n > 0; k++ {
			add(k)
		}
	}
	nc.flush()
	return nc.names
}

// wordInfo returns what the classifier knows of a token's word, from the
// word caches or, the first time, from the matcher.
func (st *state) wordInfo(tok *token) wordInfo {
	raw := st.tz.text[tok.start:tok.end]
	info, ok := st.cache.get(tok.hash, raw)
	if ok {
		return info
	}
	info, ok = st.oldCache.get(tok.hash, raw)
	if !ok {
		info = st.c.m.lookup(&st.tz, tok, raw)
		if info.shape&shapeUpper != 0 && isStopName(raw) {
			info.shape |= shapeNoName
		}
	}
	st.cache.put(tok.hash, raw, info)
	return info
}

// assign picks each body paragraph's topics from its smoothed scores.
func (st *state) assign() {
	// One backing array for all paragraphs' topics; each paragraph gets a
	// slice capped at its length, so appending to one never touches
	// another.
	all := st.topicBuf[:0]
	n := 0
	for i := range st.b.Paragraphs {
		if st.b.Paragraphs[i].Role != briefing.Body {
			continue
		}
		start := len(all)
		all = pickTopics(st.row(st.comb, i), st.words[i], all)
		st.topics[i] = all[start:len(all):len(all)]
		n += len(all) - start
	}
	st.topicBuf = all
	ids := make([]string, 0, n)
	for i := range st.b.Paragraphs {
		if len(st.topics[i]) > 0 {
			ids, st.b.Paragraphs[i].Topics = st.appendIDs(ids, st.topics[i])
		}
	}
}

// scoreFloor is the score the best topic of a text of words words needs
// for the text to carry any topic.
func scoreFloor(words int) float32 {
	return min(minScore+floorPerWord*float32(max(words-floorFreeWords, 0)), floorCap)
}

// pickTopics returns the topics whose scores, in a text of words words,
// pass the thresholds, best first, appended to dst.
func pickTopics(scores []float32, words int, dst []int32) []int32 {
	var best float32
	for _, v := range scores {
		if v > best {
			best = v
		}
	}
	floor := scoreFloor(words)
	if best < floor {
		return dst
	}
	floor = max(minScore, secondFloor*floor, minRelative*best)
	start := len(dst)
	for t, v := range scores {
		if v >= floor {
			dst = append(dst, int32(t))
		}
	}
	// Best first, ties in topic order: an insertion sort, since a
	// paragraph carries few topics.
	picked := dst[start:]
	for i := 1; i < len(picked); i++ {
		for j := i; j > 0 && scores[picked[j]] > scores[picked[j-1]]; j-- {
			picked[j], picked[j-1] = picked[j-1], picked[j]
		}
	}
	if len(picked) > maxParagraphTopics {
		dst = dst[:start+maxParagraphTopics]
	}
	return dst
}

// appendIDs appends the ids of topics ts to ids. It returns the longer
// array and the slice of it holding them, capped so that appending to
// that slice cannot write over what follows.
func (st *state) appendIDs(ids []string, ts []int32) (all, added []string) {
	start := len(ids)
	for _, t := range ts {
		ids = append(ids, st.c.ids[t])
	}
	return ids, ids[start:len(ids):len(ids)]
}

// paragraphWords returns the words of paragraph i as the parser counted
// them (Paragraph.Words, which add up to Briefing.Words), or as the
// classifier did when the paragraph has no count.
func (st *state) paragraphWords(i int) int {
	if w := st.b.Paragraphs[i].Words; w > 0 {
		return w
	}
	return st.words[i]
}

// briefingTopics sums the words of the paragraphs carrying each topic.
func (st *state) briefingTopics() []briefing.TopicShare {
	total := 0
	words := zeroed(st.topicWords, st.nt)
	paras := zeroed(st.topicParas, st.nt)
	st.topicWords, st.topicParas = words, paras
	for i, p := range st.b.Paragraphs {
		if p.Role != briefing.Body {
			continue
		}
		w := st.paragraphWords(i)
		total += w
		for _, t := range st.topics[i] {
			words[t] += w
			paras[t]++
		}
	}
	n := 0
	for _, c := range paras {
		if c > 0 {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]briefing.TopicShare, 0, n)
	for t := range words {
		if paras[t] == 0 {
			continue
		}
		share := 0.0
		if total > 0 {
			share = float64(words[t]) / float64(total)
		}
		out = append(out, briefing.TopicShare{
			ID: st.c.ids[t], Label: st.c.labels[t], Share: share,
			Paragraphs: paras[t], Words: words[t],
		})
	}
	slices.SortStableFunc(out, func(a, b briefing.TopicShare) int {
		if c := cmp.Compare(b.Words, a.Words); c != 0 {
			return c
		}
		return cmp.Compare(b.Paragraphs, a.Paragraphs)
	})
	return out
}
