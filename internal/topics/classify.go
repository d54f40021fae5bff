package topics

import (
	"cmp"
	"slices"
	"strings"
	"sync"

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
	minRelative = 0.2
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
	// pool recycles scratch buffers between calls; sync.Pool is safe for
	// concurrent use.
	pool sync.Pool
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
	c.run(b)
}

// run classifies a briefing and returns the scratch state, which tests
// inspect.
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
	st.release()
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

// state is the scratch space of one Apply call.
type state struct {
	c  *Classifier
	b  *briefing.Briefing
	nt int
	// raw and comb are per-paragraph topic scores, nt per paragraph:
	// the paragraph's own evidence and the smoothed evidence.
	raw, comb []float32
	words     []int
	// unit groups paragraphs that are classified together: an exchange
	// in a transcript, a run between headings in an article; pos is a
	// paragraph's body index inside the briefing, for distances.
	unit     []int
	exchange []bool
	pos      []int
	// topics are the chosen topic indices per paragraph.
	topics [][]int32
	// names are interned capitalised names per paragraph.
	names    [][]int32
	nameText []string
	nameIdx  map[string]int32
	// rawNames caches the name id (or -1) of each capitalised run as
	// written, keyed by the run's text.
	rawNames wordCache[int32]
	// speakerKind maps speaker IDs to their kinds.
	speakerKind map[string]briefing.SpeakerKind
	// scratch holds buffers reused across calls.
	*scratch
}

// scratch is the reusable part of a state: buffers whose contents do not
// outlive one Apply call.
type scratch struct {
	cache wordCache[wordInfo]
	// names remembers, per capitalised run as written, the name it
	// gives once titles and function words are stripped ("" for none).
	names   wordCache[string]
	tz      tokenizer
	toks    []wordIDs
	counts  []uint16
	touched []int32
}

func newState(c *Classifier, b *briefing.Briefing) *state {
	n := len(b.Paragraphs)
	nt := len(c.ids)
	return &state{
		c:        c,
		b:        b,
		nt:       nt,
		raw:      make([]float32, n*nt),
		comb:     make([]float32, n*nt),
		words:    make([]int, n),
		unit:     make([]int, n),
		exchange: make([]bool, n),
		pos:      make([]int, n),
		topics:   make([][]int32, n),
		names:    make([][]int32, n),
		nameIdx:  make(map[string]int32, textLen(b)/64),
		rawNames: newWordCache[int32](nameCacheSize(b)),
		scratch:  c.getScratch(cacheSize(b)),
	}
}

// maxCachedWords bounds the words a scratch remembers across calls.
const maxCachedWords = 1 << 15

// getScratch takes a scratch from the classifier's pool, or makes one.
// A pooled scratch keeps its word cache: what a word means to the
// classifier depends only on the word and the taxonomy, and briefings
// share most of their words.
func (c *Classifier) getScratch(cacheSize int) *scratch {
	if s, ok := c.pool.Get().(*scratch); ok {
		if s.cache.n > maxCachedWords {
			s.cache.reset()
		}
		if s.names.n > maxCachedWords {
			s.names.reset()
		}
		return s
	}
	return &scratch{
		counts: make([]uint16, c.m.entries),
		cache:  newWordCache[wordInfo](cacheSize),
		names:  newWordCache[string](cacheSize / 4),
	}
}

// release returns the state's scratch to the pool. The word cache holds its
// own copies of words, not the briefing's text.
func (st *state) release() {
	s := st.scratch
	st.scratch = nil
	s.tz.reset("")
	s.toks = s.toks[:0]
	st.c.pool.Put(s)
}

func (st *state) row(v []float32, i int) []float32 { return v[i*st.nt : (i+1)*st.nt] }

// scoreParagraph tokenises a paragraph, scores its terms and collects its
// capitalised names.
func (st *state) scoreParagraph(i int, text string) {
	// Moderators' lines name who asks next, which no title needs.
	withNames := st.nameWeight(i) > 0
	st.words[i], st.names[i] = st.scoreText(text, st.row(st.raw, i), st.names[i][:0], withNames)
}

// scoreText scores text into scores and returns its word count and, when
// withNames is set, the names it holds appended to names.
func (st *state) scoreText(text string, scores []float32, names []int32, withNames bool) (int, []int32) {
	m := st.c.m
	st.toks = st.toks[:0]
	st.tz.reset(text)
	var tok token
	words, caps := 0, 0
	prevStart, prevEnd := 0, 0
	nc := nameCollector{text: text, st: st, names: names, from: len(names)}
	for st.tz.next(&tok) {
		gap := text[prevEnd:tok.start]
		if prevEnd == 0 || hasSpace(gap) {
			words++
		}
		raw := text[tok.start:tok.end]
		h := hashWord(raw)
		info, ok := st.cache.get(h, raw)
		if !ok {
			info = m.lookup(&st.tz, &tok, raw)
			st.cache.put(h, strings.Clone(raw), info)
		}
		if info.shape&shapeCaps != 0 {
			caps++
		}
		st.toks = append(st.toks, wordIDs{stem: info.stem, exact: info.exact, hyphened: tok.hyphened})
		if withNames {
			nc.add(&tok, info.shape&shapeUpper != 0, h, prevStart, prevEnd, gap)
		}
		prevStart, prevEnd = tok.start, tok.end
	}
	m.scan(st.toks, scores, st.counts, &st.touched)
	for t := range scores {
		if scores[t] < 0 {
			scores[t] = 0
		}
	}
	if !withNames {
		return words, names
	}
	nc.flush()
	// A paragraph mostly in capitals is a headline or a label: its
	// capitalised words are not names.
	if len(st.toks) >= 3 && caps*10 >= len(st.toks)*6 {
		return words, nc.names[:nc.from]
	}
	return words, nc.names
}

// textLen returns the bytes of a briefing's paragraphs.
func textLen(b *briefing.Briefing) int {
	n := 0
	for i := range b.Paragraphs {
		n += len(b.Paragraphs[i].Text)
	}
	return n
}

// nameCacheSize sizes the per-call cache of capitalised runs, of which
// briefings have about one distinct per 60 bytes.
func nameCacheSize(b *briefing.Briefing) int {
	n := textLen(b)
	size := 64
	for size < n/30 && size < 1<<15 {
		size *= 2
	}
	return size
}

// cacheSize sizes the word cache for a briefing: a power of two above
// twice the distinct words its length suggests (about one per 17 bytes in
// short texts, fewer in long ones), so that it rarely grows.
func cacheSize(b *briefing.Briefing) int {
	n := textLen(b)
	size := 256
	for size < n/8 && size < 1<<16 {
		size *= 2
	}
	return size
}

// hasSpace reports whether gap holds white space, which separates words
// (a hyphen or an apostrophe alone does not).
func hasSpace(gap string) bool {
	for i := 0; i < len(gap); i++ {
		switch gap[i] {
		case ' ', '\t', '\n', '\r':
			return true
		case 0xc2: // U+00A0 no-break space
			if i+1 < len(gap) && gap[i+1] == 0xa0 {
				return true
			}
		}
	}
	return false
}

// assign picks each body paragraph's topics from its smoothed scores.
func (st *state) assign() {
	// One backing array for all paragraphs' topics; each paragraph gets a
	// slice capped at its length, so appending to one never touches
	// another.
	all := make([]int32, 0, len(st.b.Paragraphs))
	n := 0
	for i := range st.b.Paragraphs {
		if st.b.Paragraphs[i].Role != briefing.Body {
			continue
		}
		start := len(all)
		all = pickTopics(st.row(st.comb, i), all)
		st.topics[i] = all[start:len(all):len(all)]
		n += len(all) - start
	}
	ids := make([]string, 0, n)
	for i := range st.b.Paragraphs {
		if len(st.topics[i]) == 0 {
			continue
		}
		start := len(ids)
		for _, t := range st.topics[i] {
			ids = append(ids, st.c.ids[t])
		}
		st.b.Paragraphs[i].Topics = ids[start:len(ids):len(ids)]
	}
}

// pickTopics returns the topics whose scores pass the thresholds, best
// first, appended to dst.
func pickTopics(scores []float32, dst []int32) []int32 {
	var best float32
	for _, v := range scores {
		best = max(best, v)
	}
	if best < minScore {
		return dst
	}
	start := len(dst)
	for t, v := range scores {
		if v >= minScore && v >= minRelative*best {
			dst = append(dst, int32(t))
		}
	}
	picked := dst[start:]
	slices.SortStableFunc(picked, func(a, b int32) int {
		return cmp.Compare(scores[b], scores[a])
	})
	if len(picked) > maxParagraphTopics {
		dst = dst[:start+maxParagraphTopics]
	}
	return dst
}

func (st *state) idsOf(ts []int32) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = st.c.ids[t]
	}
	return out
}

// briefingTopics sums the words of the paragraphs carrying each topic.
func (st *state) briefingTopics() []briefing.TopicShare {
	total := 0
	words := make([]int, st.nt)
	paras := make([]int, st.nt)
	for i, p := range st.b.Paragraphs {
		if p.Role != briefing.Body {
			continue
		}
		total += st.words[i]
		for _, t := range st.topics[i] {
			words[t] += st.words[i]
			paras[t]++
		}
	}
	var out []briefing.TopicShare
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
