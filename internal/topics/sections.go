package topics

import (
	"cmp"
	"math"
	"slices"

	"github.com/brief-reader/brief/internal/briefing"
)

// Tuning of sections.
const (
	// sectionsPerRootWord sets the number of sections to aim for: the
	// square root of the words divided by it, so a 1,500-word story gets
	// about 6 and a 9,000-word press briefing about 16.
	sectionsPerRootWord = 6
	// maxSectionSize is how many times the average section size a section
	// may grow to before further merges are a last resort.
	maxSectionSize = 2.5
	// minSectionWords is the size under which a block is a blip and is
	// merged into a neighbour first.
	minSectionWords = 60
	// sameTopic is the similarity above which neighbouring blocks merge
	// whatever the number of sections.
	sameTopic = 0.8
	// sectionTopicShare is the fraction of a section's words a topic must
	// cover to be one of the section's topics.
	sectionTopicShare = 0.3
	// maxSectionTopics bounds the topics of one section.
	maxSectionTopics = 3
	// nameShare is the weight of shared names, against shared topics, in
	// deciding whether neighbouring blocks belong together.
	nameShare = 0.3
	// maxTitleNames bounds the names in a generated title.
	maxTitleNames = 3
	// maxBlockNames bounds the names a block keeps, its heaviest: so that
	// merging two blocks and rating a pair costs a bounded time, and
	// sections cost time linear in the briefing even when it names
	// thousands of people (a block on its way to a section of ordinary
	// length names a few dozen).
	maxBlockNames = 128
)

// block is a run of paragraphs on its way to becoming a section.
type block struct {
	first, last int
	words       int
	// vec holds, per topic, the words of the block's paragraphs carrying
	// it, and sq the sum of their squares.
	vec []float64
	sq  float64
	// names counts the block's names, at most maxBlockNames of them, and
	// norm is the length of that count vector. The block owns the array
	// up to the capacity of names.
	names []nameCount
	norm  float64
	// hard marks a block that starts at a heading: nothing merges into it
	// from the left.
	hard bool
	// prev and next link live blocks; dead marks merged ones.
	prev, next int
	dead       bool
	version    int
}

// sections splits the briefing into contiguous topic sections and fills
// each paragraph's Section.
func (st *state) sections() []briefing.Section {
	ps := st.b.Paragraphs
	if len(ps) == 0 {
		return nil
	}
	blocks := st.atoms()
	total := 0
	for i := range blocks {
		total += blocks[i].words
	}
	target := max(1, int(math.Round(math.Sqrt(float64(total))/sectionsPerRootWord)))
	st.merge(blocks, target, maxSectionSize*float64(total)/float64(target))

	var out []briefing.Section
	secTopics := st.secTopics[:0]
	buf := st.secTopicBuf[:0]
	for i := 0; i >= 0 && i < len(blocks); i = blocks[i].next {
		bl := &blocks[i]
		sec := len(out)
		for p := bl.first; p <= bl.last; p++ {
			ps[p].Section = sec
		}
		start := len(buf)
		buf = sectionTopics(bl, buf)
		secTopics = append(secTopics, buf[start:len(buf):len(buf)])
		out = append(out, briefing.Section{FirstParagraph: bl.first, LastParagraph: bl.last})
	}
	st.secTopics, st.secTopicBuf = secTopics, buf
	ids := make([]string, 0, len(buf))
	for si := range out {
		if len(secTopics[si]) > 0 {
			ids, out[si].Topics = st.appendIDs(ids, secTopics[si])
		}
	}
	st.titles(out, secTopics)
	// Headings carry their section's topics.
	for i := range ps {
		if ps[i].Role == briefing.Heading && len(out[ps[i].Section].Topics) > 0 {
			ps[i].Topics = slices.Clone(out[ps[i].Section].Topics)
		}
	}
	return out
}

// atoms returns the smallest blocks sections are made of: a transcript
// exchange (a question with its answers) is never split, nor is a heading
// separated from what follows it; other paragraphs stand alone. Paragraphs
// that are not body text join the block before them.
func (st *state) atoms() []block {
	ps := st.b.Paragraphs
	weight := st.nameWeight
	blocks := st.blocks[:0]
	vecs := zeroed(st.vecBuf, len(ps)*st.nt)
	st.vecBuf = vecs
	// The names of all blocks share one array: each block's are appended
	// while it is the last block.
	names := st.nameCounts[:0]
	from := 0
	closeLast := func() {
		if len(blocks) > 0 {
			bl := &blocks[len(blocks)-1]
			sum := sumNames(names[from:])
			bl.names = sum[:len(sum):len(sum)]
			names = names[:from+len(sum)]
			from = len(names)
		}
	}
	open := func(i int, hard bool) {
		closeLast()
		k := len(blocks) * st.nt
		blocks = append(blocks, block{first: i, last: i, vec: vecs[k : k+st.nt : k+st.nt], hard: hard})
	}
	for i := range ps {
		p := &ps[i]
		switch {
		case i == 0:
			open(i, p.Role == briefing.Heading)
		case p.Role == briefing.Heading:
			if ps[i-1].Role != briefing.Heading {
				open(i, true)
			}
		case p.Role != briefing.Body, ps[i-1].Role == briefing.Heading:
			// Notes join the block before them; a heading keeps its
			// first paragraph.
		case st.exchange[i] && st.unit[i] == st.unit[i-1]:
			// The same exchange.
		default:
			open(i, false)
		}
		bl := &blocks[len(blocks)-1]
		bl.last = i
		if p.Role == briefing.Body {
			bl.words += st.words[i]
			for _, t := range st.topics[i] {
				bl.vec[t] += float64(st.words[i])
			}
			if w := weight(i); w > 0 {
				for _, id := range st.names[i] {
					names = append(names, nameCount{id, w})
				}
			}
		}
	}
	closeLast()
	st.blocks, st.nameCounts = blocks, names
	// Names found all over the briefing say nothing about where one
	// subject ends: weight names by their rarity across blocks.
	df := zeroed(st.df, len(st.nameText))
	st.df = df
	for i := range blocks {
		for _, nc := range blocks[i].names {
			df[nc.id]++
		}
	}
	n := float64(len(blocks))
	idf := st.logRatios(n, len(blocks))
	for i := range blocks {
		names := blocks[i].names[:0]
		for _, nc := range blocks[i].names {
			if df[nc.id] > 1 && float64(df[nc.id]) > n/2 {
				continue
			}
			nc.n *= idf(df[nc.id])
			if nc.n > 0 {
				names = append(names, nc)
			}
		}
		blocks[i].names = heaviestNames(names, maxBlockNames)
		blocks[i].norm = nameNorm(names)
	}
	for i := range blocks {
		blocks[i].prev, blocks[i].next = i-1, i+1
		blocks[i].sq = sumSquares(blocks[i].vec)
	}
	blocks[len(blocks)-1].next = -1
	return blocks
}

// pair is a candidate merge of block left with the block after it.
type pair struct {
	left, version, nextVersion int
	score                      float64
}

// pairHeap is a priority queue of pairs, best score first and, among
// equal scores, leftmost first.
type pairHeap []pair

func (h pairHeap) less(i, j int) bool {
	if h[i].score != h[j].score {
		return h[i].score > h[j].score
	}
	return h[i].left < h[j].left
}

func (h *pairHeap) push(p pair) {
	*h = append(*h, p)
	q := *h
	for i := len(q) - 1; i > 0; {
		parent := (i - 1) / 2
		if !q.less(i, parent) {
			break
		}
		q[i], q[parent] = q[parent], q[i]
		i = parent
	}
}

func (h *pairHeap) pop() pair {
	q := *h
	top := q[0]
	last := len(q) - 1
	q[0] = q[last]
	q = q[:last]
	for i := 0; ; {
		best, l, r := i, 2*i+1, 2*i+2
		if l < len(q) && q.less(l, best) {
			best = l
		}
		if r < len(q) && q.less(r, best) {
			best = r
		}
		if best == i {
			break
		}
		q[i], q[best] = q[best], q[i]
		i = best
	}
	*h = q
	return top
}

// merge joins neighbouring blocks, most alike first, until there are no
// more than target blocks and no neighbours left that are alike. Blocks
// never merge across a heading.
func (st *state) merge(blocks []block, target int, maxWords float64) {
	live := len(blocks)
	h := &st.heap
	*h = (*h)[:0]
	push := func(l int) {
		r := blocks[l].next
		if r < 0 || blocks[r].hard {
			return
		}
		a, b := &blocks[l], &blocks[r]
		score := mergeScore(a, b)
		if float64(a.words+b.words) > maxWords && min(a.words, b.words) >= minSectionWords {
			// Already long enough: merge only what nothing else will take.
			score -= 1
		}
		h.push(pair{left: l, version: a.version, nextVersion: b.version, score: score})
	}
	for i := range blocks {
		push(i)
	}
	for len(*h) > 0 {
		top := h.pop()
		l := &blocks[top.left]
		if l.dead || l.version != top.version || l.next < 0 {
			continue
		}
		r := &blocks[l.next]
		if r.version != top.nextVersion {
			continue
		}
		if live <= target && top.score < sameTopic {
			// Everything left in the heap scores lower still.
			break
		}
		// Merge r into l.
		l.last = r.last
		l.words += r.words
		for t := range l.vec {
			l.vec[t] += r.vec[t]
		}
		l.sq = sumSquares(l.vec)
		if len(r.names) > 0 {
			st.mergedNames = mergeNames(st.mergedNames[:0], l.names, r.names)
			l.names = st.storeNames(l.names, heaviestNames(st.mergedNames, maxBlockNames))
			l.norm = nameNorm(l.names)
		}
		l.next = r.next
		if r.next >= 0 {
			blocks[r.next].prev = top.left
		}
		r.dead = true
		l.version++
		live--
		// l's new version invalidates both its old pairs: queue the new ones.
		if l.prev >= 0 {
			push(l.prev)
		}
		push(top.left)
	}
}

// mergeScore rates how well two neighbouring blocks go together: the
// cosine of their topic vectors, blended with the cosine of the names they
// mention (so that two diplomatic passages on different countries stay
// apart), plus a bonus that makes blips (blocks too small to stand alone)
// merge first.
func mergeScore(a, b *block) float64 {
	var dot float64
	for t := range a.vec {
		dot += a.vec[t] * b.vec[t]
	}
	na, nb := a.sq, b.sq
	sim := 0.5
	if na > 0 && nb > 0 {
		sim = dot / math.Sqrt(na*nb)
	}
	if a.norm > 0 && b.norm > 0 {
		var nd float64
		x, y := a.names, b.names
		for len(x) > 0 && len(y) > 0 {
			switch {
			case x[0].id < y[0].id:
				x = x[1:]
			case x[0].id > y[0].id:
				y = y[1:]
			default:
				nd += x[0].n * y[0].n
				x, y = x[1:], y[1:]
			}
		}
		sim = (1-nameShare)*sim + nameShare*nd/(a.norm*b.norm)
	}
	if min(a.words, b.words) < minSectionWords {
		sim += 1
	}
	return sim
}

// sumSquares returns the sum of the squares of v, in order.
func sumSquares(v []float64) float64 {
	var s float64
	for _, x := range v {
		s += x * x
	}
	return s
}

// nameCount is a name and its weight in a block; blocks keep them sorted
// by id.
type nameCount struct {
	id int32
	n  float64
}

// logRatios returns a function giving math.Log(n/df) for df from 1 to
// most, which computes each value once: many names share a df.
func (st *state) logRatios(n float64, most int) func(df int32) float64 {
	logs := zeroed(st.logs, most+1)
	done := zeroed(st.logDone, most+1)
	st.logs, st.logDone = logs, done
	return func(df int32) float64 {
		if !done[df] {
			logs[df] = math.Log(n / float64(df))
			done[df] = true
		}
		return logs[df]
	}
}

// sumNames sorts names by id and adds up repeats, in place.
func sumNames(names []nameCount) []nameCount {
	sortNames(names)
	out := names[:0]
	for _, nc := range names {
		if len(out) > 0 && out[len(out)-1].id == nc.id {
			out[len(out)-1].n += nc.n
			continue
		}
		out = append(out, nc)
	}
	return out
}

// sortNames sorts names by id: by insertion while they are few, as they
// mostly are.
func sortNames(names []nameCount) {
	if len(names) > 16 {
		slices.SortFunc(names, func(a, b nameCount) int { return cmp.Compare(a.id, b.id) })
		return
	}
	for i := 1; i < len(names); i++ {
		for j := i; j > 0 && names[j].id < names[j-1].id; j-- {
			names[j], names[j-1] = names[j-1], names[j]
		}
	}
}

// mergeNames appends the sum of two sorted name lists to dst.
func mergeNames(dst, a, b []nameCount) []nameCount {
	for len(a) > 0 && len(b) > 0 {
		switch {
		case a[0].id < b[0].id:
			dst, a = append(dst, a[0]), a[1:]
		case a[0].id > b[0].id:
			dst, b = append(dst, b[0]), b[1:]
		default:
			dst = append(dst, nameCount{a[0].id, a[0].n + b[0].n})
			a, b = a[1:], b[1:]
		}
	}
	dst = append(dst, a...)
	return append(dst, b...)
}

// heaviestNames keeps the most names of the heaviest, in place: names
// stay sorted by id, and among equal weights the lower ids stay.
func heaviestNames(names []nameCount, most int) []nameCount {
	if len(names) <= most {
		return names
	}
	slices.SortFunc(names, func(a, b nameCount) int {
		if c := cmp.Compare(b.n, a.n); c != 0 {
			return c
		}
		return cmp.Compare(a.id, b.id)
	})
	names = names[:most]
	sortNames(names)
	return names
}

// storeNames returns names copied into the array of own, a block's names,
// when it has room, and otherwise into new room at the end of the
// nameCounts arena: twice what it needs, up to maxBlockNames, so that a
// block growing by merges moves a few times at most and the arena grows
// linearly with the blocks.
func (st *state) storeNames(own, names []nameCount) []nameCount {
	if len(names) <= cap(own) {
		return append(own[:0], names...)
	}
	room := max(len(names), min(2*len(names), maxBlockNames))
	start := len(st.nameCounts)
	st.nameCounts = slices.Grow(st.nameCounts, room)[:start+room]
	return append(st.nameCounts[start:start:start+room], names...)
}

func nameNorm(names []nameCount) float64 {
	var s float64
	for _, nc := range names {
		s += nc.n * nc.n
	}
	return math.Sqrt(s)
}

// sectionTopics appends to dst the topics covering enough of a block's
// words, most first.
func sectionTopics(bl *block, dst []int32) []int32 {
	if bl.words == 0 {
		return dst
	}
	start := len(dst)
	best := -1
	for t, v := range bl.vec {
		if v >= sectionTopicShare*float64(bl.words) {
			dst = append(dst, int32(t))
		}
		if v > 0 && (best < 0 || v > bl.vec[best]) {
			best = t
		}
	}
	if len(dst) == start && best >= 0 {
		dst = append(dst, int32(best))
	}
	out := dst[start:]
	slices.SortStableFunc(out, func(a, b int32) int { return cmp.Compare(bl.vec[b], bl.vec[a]) })
	if len(out) > maxSectionTopics {
		dst = dst[:start+maxSectionTopics]
	}
	return dst
}
