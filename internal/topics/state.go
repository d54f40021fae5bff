package topics

import (
	"sync"

	"github.com/brief-reader/brief/internal/briefing"
)

// state is the working space of one Apply call. Its buffers belong to a
// scratch taken from the classifier's pool.
type state struct {
	c  *Classifier
	b  *briefing.Briefing
	nt int
	*scratch
}

// scratch holds the buffers of a state. The classifier's pool hands it
// from one call to the next, so that a call allocates little beyond what
// it returns.
type scratch struct {
	// cache and runNames say what a word, and a run of capitalised words,
	// mean to the classifier; that depends only on their text and the
	// taxonomy, so they are kept across calls. A run's value is the
	// offset in it of the name it gives once titles and function words
	// are stripped, or -1 for none.
	cache wordCache[wordInfo]
	// oldCache holds the words cache held before it was last emptied
	// (see release): a word found there moves back to cache, cheaper
	// than analysing it again, so the words in common use survive.
	oldCache wordCache[wordInfo]
	runNames wordCache[int32]

	// The rest is per call, sized and cleared by newState.

	// raw and comb are per-paragraph topic scores, nt per paragraph:
	// the paragraph's own evidence and the smoothed evidence.
	raw, comb []float32
	// words counts the words of each paragraph's text without its
	// transcript label, which is what smoothing and sections weigh;
	// briefing topic shares use the parser's counts (paragraphWords).
	words []int
	// unit groups paragraphs that are classified together: an exchange
	// in a transcript, a run between headings in an article; pos is a
	// paragraph's body index inside the briefing, for distances.
	unit     []int
	exchange []bool
	pos      []int
	// evidence lists the topics each paragraph has a raw score for, from
	// evidenceAt[i] (listEvidence).
	evidence   []int32
	evidenceAt []int32
	// weights are how much each paragraph's names count (weighNames).
	weights []float64
	// Quotes: topic scores of a quote's paragraphs and of its own text,
	// the topics carried, and the topics picked (applyQuotes).
	quoteScores, quoteOwn   []float32
	quoteCarried            []bool
	quotePicked, quoteExtra []int32
	// topicWords and topicParas count, per topic, the words and
	// paragraphs carrying it (briefingTopics).
	topicWords, topicParas []int
	// topics are the chosen topic indices per paragraph, slices of
	// topicBuf.
	topics   [][]int32
	topicBuf []int32
	// names are the ids of the capitalised names of each paragraph,
	// slices of nameBuf. nameText holds the names by id (slices of the
	// briefing's text), nameIdx their ids by name.
	names    [][]int32
	nameBuf  []int32
	nameText []string
	nameIdx  wordCache[int32]
	// addressed marks, by name id, the names of people addressed or
	// called on to ask, and their words (addAddressed).
	addressed []bool

	// Sections: the blocks being merged, their topic vectors and names,
	// the number of blocks each name occurs in, candidate merges, and the
	// topics of the sections.
	blocks      []block
	vecBuf      []float64
	nameCounts  []nameCount
	mergedNames []nameCount
	df          []int32
	heap        pairHeap
	secTopics   [][]int32
	secTopicBuf []int32
	// Titles: candidate names, per section slices of cands, and where a
	// name's candidate is.
	cands  []titleCand
	perSec [][]titleCand
	candAt []int32
	// logs caches logarithms of name rarity (logRatios).
	logs    []float64
	logDone []bool

	// Scoring one text: its tokens' ids and shapes, the tokens some term
	// starts with (the only ones a term can start at), those in upper
	// case, and scan's working space.
	tz     tokenizer
	toks   []wordIDs
	shapes []wordShape
	hits   []int32
	uppers []int32
	scan   scanScratch
}

// maxCachedWords bounds the words and runs a scratch remembers across
// calls: the distinct words of several briefings (a long one has about
// 2,000), in a table of about a megabyte (two for words: cache and
// oldCache).
const maxCachedWords = 1 << 14

// newState prepares the state for classifying b.
func newState(c *Classifier, b *briefing.Briefing) *state {
	n := len(b.Paragraphs)
	nt := len(c.ids)
	s := c.getScratch()
	s.raw = zeroed(s.raw, n*nt)
	s.comb = zeroed(s.comb, n*nt)
	s.words = zeroed(s.words, n)
	s.unit = zeroed(s.unit, n)
	s.exchange = zeroed(s.exchange, n)
	s.pos = zeroed(s.pos, n)
	s.topics = zeroed(s.topics, n)
	s.names = zeroed(s.names, n)
	s.topicBuf = s.topicBuf[:0]
	s.nameBuf = s.nameBuf[:0]
	st := &state{c: c, b: b, nt: nt, scratch: s}
	st.weighNames()
	return st
}

// scratchPool keeps the scratches of finished calls for later ones. It is
// safe for concurrent use. Unlike a sync.Pool, which every garbage
// collection may empty, it keeps them: a scratch's word cache is most of
// what makes a call fast, since briefings share most of their words. It
// keeps no more scratches than there were calls at once, and at most
// maxFreeScratches.
type scratchPool struct {
	mu   sync.Mutex
	free []*scratch
}

// maxFreeScratches bounds the scratches a pool keeps.
const maxFreeScratches = 4

func (p *scratchPool) get() *scratch {
	p.mu.Lock()
	defer p.mu.Unlock()
	if n := len(p.free); n > 0 {
		s := p.free[n-1]
		p.free[n-1] = nil
		p.free = p.free[:n-1]
		return s
	}
	return nil
}

func (p *scratchPool) put(s *scratch) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.free) < maxFreeScratches {
		p.free = append(p.free, s)
	}
}

// getScratch takes a scratch from the classifier's pool, or makes one.
func (c *Classifier) getScratch() *scratch {
	if s := c.pool.get(); s != nil {
		return s
	}
	return &scratch{
		cache:    newWordCache[wordInfo](4096),
		runNames: newWordCache[int32](1024),
		nameIdx:  newWordCache[int32](512),
		scan:     c.m.newScanScratch(),
	}
}

// release returns the state's scratch to the pool. What the scratch keeps
// holds no reference to the briefing.
func (st *state) release() {
	s := st.scratch
	st.scratch = nil
	s.tz.reset("")
	clear(s.nameText)
	s.nameText = s.nameText[:0]
	s.nameIdx.reset()
	s.addressed = s.addressed[:0]
	if s.cache.n > maxCachedWords {
		s.cache, s.oldCache = s.oldCache, s.cache
		s.cache.reset()
	}
	if s.runNames.n > maxCachedWords {
		s.runNames.reset()
	}
	st.c.pool.put(s)
}

// zeroed returns s with length n and every element zero, reusing its
// array when it is large enough.
func zeroed[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// grow returns s with length n, reusing its array when it is large
// enough; the elements are not cleared.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

func (st *state) row(v []float32, i int) []float32 { return v[i*st.nt : (i+1)*st.nt] }
