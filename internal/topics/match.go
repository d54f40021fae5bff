package topics

import (
	"cmp"
	"slices"
)

// contextWindow is how many words either side of a term its context and
// not words are looked for.
const contextWindow = 12

// matcher is a taxonomy compiled for fast matching: every word of every
// term is an integer id, and terms are found by their first word.
type matcher struct {
	// vocab maps folded stems to ids; exact maps acronyms as written to
	// ids in the same id space.
	vocab map[string]int32
	exact map[string]int32
	// first holds, per word id, the phrases that start with the word,
	// longest first; multi holds those of several words, and single the
	// one-word phrase of the word, or -1.
	first   [][]int32
	multi   [][]int32
	single  []int32
	phrases []phrase
	// entries counts all term entries, for per-paragraph repeat counts.
	entries int
	// prefixes has a bit set for the first three letters of every stem
	// in vocab and of every spelling variant (see mayMatch).
	prefixes [27*27*27/64 + 1]uint64
}

// phrase is one distinct sequence of words with every topic term that
// spells it.
type phrase struct {
	words []int32
	// hyphened, when not nil, marks words that must follow the previous
	// word after a hyphen.
	hyphened []bool
	entries  []entry
}

// entry is one term of one topic.
type entry struct {
	topic  int32
	key    int32
	weight float32
	// context and not are word-id sets: an item holds when all its ids
	// occur within the window.
	context [][]int32
	not     [][]int32
}

func compile(t *Taxonomy) *matcher {
	m := &matcher{
		vocab: make(map[string]int32),
		exact: make(map[string]int32),
	}
	var next int32
	id := func(w termWord) int32 {
		if w.exact != "" {
			if v, ok := m.exact[w.exact]; ok {
				return v
			}
			m.exact[w.exact] = next
		} else {
			if v, ok := m.vocab[w.stem]; ok {
				return v
			}
			m.vocab[w.stem] = next
		}
		next++
		return next - 1
	}
	ids := func(s string) []int32 {
		ws := termWords(s)
		out := make([]int32, len(ws))
		for i, w := range ws {
			out[i] = id(w)
		}
		return out
	}
	hyphens := func(s string) []bool {
		ws := termWords(s)
		var out []bool
		for i, w := range ws {
			if i > 0 && w.hyphened {
				if out == nil {
					out = make([]bool, len(ws))
				}
				out[i] = true
			}
		}
		return out
	}
	idSets := func(list []string) [][]int32 {
		if len(list) == 0 {
			return nil
		}
		out := make([][]int32, 0, len(list))
		for _, s := range list {
			if v := ids(s); len(v) > 0 {
				out = append(out, v)
			}
		}
		return out
	}
	byWords := make(map[string]int32)
	add := func(topic int, term Term, sign float32) {
		words := ids(term.Text)
		if len(words) == 0 {
			return
		}
		hy := hyphens(term.Text)
		key := string(int32Bytes(words))
		if hy != nil {
			key += "-"
			for _, h := range hy {
				key += map[bool]string{true: "1", false: "0"}[h]
			}
		}
		pi, ok := byWords[key]
		if !ok {
			pi = int32(len(m.phrases))
			byWords[key] = pi
			m.phrases = append(m.phrases, phrase{words: words, hyphened: hy})
			for int(words[0]) >= len(m.first) {
				m.first = append(m.first, nil)
			}
			m.first[words[0]] = append(m.first[words[0]], pi)
		}
		e := entry{
			topic:   int32(topic),
			weight:  sign * float32(term.Weight),
			context: idSets(term.Context),
			not:     idSets(term.Not),
		}
		// Variants that stem alike ("tariff", "tariffs") are one term:
		// keep the strongest weight rather than adding them up.
		for k := range m.phrases[pi].entries {
			old := &m.phrases[pi].entries[k]
			if old.topic == e.topic && (old.weight > 0) == (e.weight > 0) &&
				sameSets(old.context, e.context) && sameSets(old.not, e.not) {
				if abs32(e.weight) > abs32(old.weight) {
					old.weight = e.weight
				}
				return
			}
		}
		e.key = int32(m.entries)
		m.phrases[pi].entries = append(m.phrases[pi].entries, e)
		m.entries++
	}
	for ti, tp := range t.topics {
		for _, term := range tp.Terms {
			add(ti, term, 1)
		}
		for _, term := range tp.Negative {
			add(ti, term, -1)
		}
	}
	for int(next) > len(m.first) {
		m.first = append(m.first, nil)
	}
	mark := func(w string) {
		if key, ok := prefixKey(w); ok {
			m.prefixes[key>>6] |= 1 << (key & 63)
		}
	}
	for s := range m.vocab {
		mark(s)
	}
	for s := range spelling {
		mark(s)
	}
	m.multi = make([][]int32, len(m.first))
	m.single = make([]int32, len(m.first))
	for id, list := range m.first {
		slices.SortStableFunc(list, func(a, b int32) int {
			return cmp.Compare(len(m.phrases[b].words), len(m.phrases[a].words))
		})
		m.single[id] = -1
		for i, pi := range list {
			// Phrases are distinct sequences of words: a word starts
			// at most one of one word, and it comes last.
			if len(m.phrases[pi].words) == 1 {
				m.single[id] = pi
				m.multi[id] = list[:i:i]
				break
			}
			m.multi[id] = list
		}
	}
	return m
}

func abs32(x float32) float32 {
	if x < 0 {
		return -x
	}
	return x
}

func sameSets(a, b [][]int32) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !slices.Equal(a[i], b[i]) {
			return false
		}
	}
	return true
}

func int32Bytes(v []int32) []byte {
	b := make([]byte, 0, 4*len(v))
	for _, x := range v {
		b = append(b, byte(x), byte(x>>8), byte(x>>16), byte(x>>24))
	}
	return b
}

// wordIDs are the ids of one token of text: by stem and by exact spelling.
type wordIDs struct {
	stem, exact int32
	hyphened    bool
}

func (w wordIDs) is(id int32) bool { return w.stem == id || w.exact == id }

// wordInfo is what the classifier knows of a distinct word of text.
type wordInfo struct {
	stem, exact int32
	shape       wordShape
	// starts reports that a term starts with the word: only there does
	// the matcher look for one.
	starts bool
}

// lookup finds the ids of a token of text.
func (m *matcher) lookup(tz *tokenizer, tok *token, raw string) wordInfo {
	info := wordInfo{stem: -1, exact: -1, shape: shapeOf(raw)}
	if m.mayMatch(raw) {
		if v, ok := m.vocab[string(tz.stemOf(tok))]; ok {
			info.stem = v
		}
	}
	switch {
	case info.shape&shapeCaps != 0:
		if v, ok := m.exact[raw]; ok {
			info.exact = v
		}
	case info.shape&shapePluralCaps != 0:
		if v, ok := m.exact[raw[:len(raw)-1]]; ok {
			info.exact = v
		}
	}
	info.starts = m.startsTerm(info.stem) || m.startsTerm(info.exact)
	return info
}

// startsTerm reports whether some term starts with word id.
func (m *matcher) startsTerm(id int32) bool {
	return id >= 0 && len(m.first[id]) > 0
}

// prefixKey maps the first three letters of a word, folded, to a bit of
// matcher.prefixes; ok is false for words that start otherwise (digits,
// other scripts), which the filter lets through.
func prefixKey(w string) (key int, ok bool) {
	for i := 0; i < 3; i++ {
		var c byte = 'a' - 1 // short words pad with this
		if i < len(w) {
			c = w[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c < 'a' || c > 'z' {
				return 0, false
			}
		}
		key = key*27 + int(c-('a'-1))
	}
	return key, true
}

// mayMatch reports whether a word's stem could be in the vocabulary, from
// its first three letters: stemming changes only endings, so most words
// are ruled out without stemming them.
func (m *matcher) mayMatch(raw string) bool {
	key, ok := prefixKey(raw)
	return !ok || m.prefixes[key>>6]&(1<<(key&63)) != 0
}

// scanScratch is the working space of scan, kept from call to call:
// per-entry repeat counts with the entries they were set for, and which
// word ids occur in the text scanned (for context and not, see holds).
type scanScratch struct {
	counts  []uint16
	touched []int32
	// ids occur in the text when seen[id+1] == gen (seen[0] is for -1,
	// no id); marked is set once seen is filled for the text.
	seen   []uint32
	gen    uint32
	marked bool
}

// newScanScratch returns the scratch scan needs for m.
func (m *matcher) newScanScratch() scanScratch {
	return scanScratch{counts: make([]uint16, m.entries), seen: make([]uint32, len(m.first)+1)}
}

// mark records which ids occur in toks, the text being scanned.
func (sc *scanScratch) mark(toks []wordIDs) {
	sc.gen++
	if sc.gen == 0 {
		clear(sc.seen)
		sc.gen = 1
	}
	for _, w := range toks {
		sc.seen[w.stem+1] = sc.gen
		sc.seen[w.exact+1] = sc.gen
	}
	sc.marked = true
}

// occurs reports whether id occurs anywhere in toks, the text being
// scanned.
func (sc *scanScratch) occurs(toks []wordIDs, id int32) bool {
	if !sc.marked {
		sc.mark(toks)
	}
	return sc.seen[id+1] == sc.gen
}

// scan finds the terms in a run of token ids and adds their weights to
// scores. hits lists, in order, the tokens some term starts with: a term
// can start only at one of them. The repeat counts of sc are reset on
// return.
func (m *matcher) scan(toks []wordIDs, hits []int32, scores []float32, sc *scanScratch) {
	sc.marked = false
	next := 0
	for _, h := range hits {
		i := int(h)
		if i < next {
			// Inside a term already found.
			continue
		}
		// The longest phrase that matches here wins; a one-word phrase
		// of the word always matches.
		ids := [2]int32{toks[i].stem, toks[i].exact}
		best := 0
		for _, id := range ids {
			if id < 0 {
				continue
			}
			for _, pi := range m.multi[id] {
				ph := &m.phrases[pi]
				if len(ph.words) <= best {
					break
				}
				if m.matchAt(toks, i, ph) {
					best = len(ph.words)
					break
				}
			}
			if best == 0 && m.single[id] >= 0 {
				best = 1
			}
		}
		if best == 0 {
			continue
		}
		for _, id := range ids {
			if id < 0 {
				continue
			}
			if best == 1 {
				if pi := m.single[id]; pi >= 0 {
					m.apply(&m.phrases[pi], toks, i, scores, sc)
				}
				continue
			}
			for _, pi := range m.multi[id] {
				ph := &m.phrases[pi]
				if len(ph.words) < best {
					break
				}
				if len(ph.words) == best && m.matchAt(toks, i, ph) {
					m.apply(ph, toks, i, scores, sc)
				}
			}
		}
		next = i + best
	}
	for _, k := range sc.touched {
		sc.counts[k] = 0
	}
	sc.touched = sc.touched[:0]
}

func (m *matcher) matchAt(toks []wordIDs, i int, ph *phrase) bool {
	if i+len(ph.words) > len(toks) {
		return false
	}
	for k, w := range ph.words {
		if !toks[i+k].is(w) {
			return false
		}
		if ph.hyphened != nil && ph.hyphened[k] && !toks[i+k].hyphened {
			return false
		}
	}
	return true
}

func (m *matcher) apply(ph *phrase, toks []wordIDs, i int, scores []float32, sc *scanScratch) {
	lo, hi := i-contextWindow, i+len(ph.words)+contextWindow
	if lo < 0 {
		lo = 0
	}
	if hi > len(toks) {
		hi = len(toks)
	}
	for k := range ph.entries {
		e := &ph.entries[k]
		if len(e.context) > 0 && !sc.anyHolds(toks, lo, hi, e.context) {
			continue
		}
		if len(e.not) > 0 && sc.anyHolds(toks, lo, hi, e.not) {
			continue
		}
		n := sc.counts[e.key]
		if n == 0 {
			sc.touched = append(sc.touched, e.key)
		}
		if n < 1<<15 {
			sc.counts[e.key] = n + 1
		}
		scores[e.topic] += e.weight / float32(n+1)
	}
}

// anyHolds reports whether any item's ids all occur in toks[lo:hi], the
// window around a term. Most ids occur nowhere in the text, which rules
// their items out without a look at the window.
func (sc *scanScratch) anyHolds(toks []wordIDs, lo, hi int, items [][]int32) bool {
	win := toks[lo:hi]
	for _, item := range items {
		all := true
		for _, id := range item {
			if !sc.occurs(toks, id) {
				all = false
				break
			}
		}
		if !all {
			continue
		}
		for _, id := range item {
			found := false
			for _, w := range win {
				if w.is(id) {
					found = true
					break
				}
			}
			if !found {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}
