package readerpane

import (
	"sort"

	"github.com/brief-reader/brief/internal/ui/doc"
	"github.com/brief-reader/brief/internal/ui/theme"
)

// gutterWidth is the reader's left margin: the current-quote mark, the
// speaker bar and a space; rightMargin keeps text off the border.
const (
	gutterWidth = 3
	rightMargin = 1
	// Margins is the cells of a Reader line beside its text.
	Margins = gutterWidth + rightMargin
)

// Filter is what the reader shows. A nil field lets everything
// through. A quote passes when its speaker is selected and it is on one of
// the topics (briefing.Quote.OnTopic, the meaning export --topic has too);
// the reader shows the paragraphs such quotes cover, and sections stay
// navigation.
type Filter struct {
	// Speakers is indexed by doc speaker index.
	Speakers []bool
	// Topics are topic IDs.
	Topics []string
}

// passes reports whether quote qi of d passes the filter.
func (f Filter) passes(d *doc.Doc, qi int) bool {
	if f.Speakers != nil {
		s := d.QuoteSpeaker[qi]
		if s < 0 || !f.Speakers[s] {
			return false
		}
	}
	return d.B.Quotes[qi].OnTopic(f.Topics)
}

func (f Filter) empty() bool { return f.Speakers == nil && len(f.Topics) == 0 }

// Model is the Reader pane: a virtualised list of blocks. Only the blocks
// in the viewport are ever drawn; every block's height is known (from
// glamour's lines if they have arrived, else from the plain wrap), so
// scrolling and jumping are arithmetic over prefix sums. The scroll
// position is an anchor — a block and a line within it — so that heights
// changing when glamour's render arrives never move what the reader sees.
type Model struct {
	KeyMap
	d       *doc.Doc
	bid     int
	st      *theme.Styles
	store   *Store
	focused bool
	jumps   jumpList

	flt    Filter
	vis    []int // visible block indices, in order
	visPos []int // block index → position in vis, or -1

	w, h    int   // viewport size in cells
	tw      int   // text width of paragraphs; 0 before the first layout
	heights []int // per block, at tw
	prefix  []int // prefix sums of heights over vis; len(vis)+1
	plain   map[int][]string

	top, off int // anchor: vis position and line within that block
	cur      int // current quote, or -1
	// sec is a section } landed on whose heading cannot reach the top
	// line (the end of the text is on screen), or -1: it is the current
	// section until the reader scrolls.
	sec int

	search searchState
	// quotes are the quotes shown, in reading order.
	quotes []int
}

// New makes the Reader for d; owner tags its messages and renders. The
// store is shared by every briefing's Reader.
func New(st *theme.Styles, d *doc.Doc, owner int, store *Store) *Model {
	r := &Model{KeyMap: DefaultKeyMap(), d: d, bid: owner, st: st, store: store, cur: -1, sec: -1}
	r.search.cur = -1
	r.rebuildVis()
	r.quotes = r.visibleQuotes(nil)
	return r
}

// layout sizes the viewport. Heights are recomputed only when the text
// width changes.
func (r *Model) layout(w, h int) {
	r.w, r.h = max(w, 0), max(h, 0)
	tw := max(1, r.w-gutterWidth-rightMargin)
	if tw != r.tw || r.heights == nil {
		r.tw = tw
		r.plain = make(map[int][]string)
		r.heights = make([]int, len(r.d.Blocks))
		for i := range r.d.Blocks {
			r.heights[i] = r.blockHeight(i)
		}
		r.rebuildPrefix()
	}
	r.clamp()
}

func (r *Model) rebuildVis() {
	d := r.d
	r.vis = r.vis[:0]
	if r.visPos == nil || len(r.visPos) != len(d.Blocks) {
		r.visPos = make([]int, len(d.Blocks))
	}
	covered := r.coveredParagraphs()
	head := -1
	for i, blk := range d.Blocks {
		r.visPos[i] = -1
		if blk.Kind == doc.SectionHead {
			head = i
			continue
		}
		if !r.paraVisible(blk, covered) {
			continue
		}
		if head >= 0 && d.Blocks[head].Section == blk.Section {
			r.visPos[head] = len(r.vis)
			r.vis = append(r.vis, head)
			head = -1
		}
		r.visPos[i] = len(r.vis)
		r.vis = append(r.vis, i)
	}
	if r.heights != nil {
		r.rebuildPrefix()
	}
}

// coveredParagraphs marks, under a filter, the paragraphs that a passing
// quote starts in, ends in or runs through; nil without a filter. The work
// is the quotes' total span in paragraphs: linear in the briefing.
func (r *Model) coveredParagraphs() []bool {
	if r.flt.empty() {
		return nil
	}
	d := r.d
	covered := make([]bool, len(d.B.Paragraphs))
	for qi, q := range d.B.Quotes {
		if !r.flt.passes(d, qi) {
			continue
		}
		last := max(q.Paragraph, q.EndParagraph)
		for p := max(q.Paragraph, 0); p <= last && p < len(covered); p++ {
			covered[p] = true
		}
	}
	return covered
}

// paraVisible reports whether a paragraph block shows: always without a
// filter; under one, when a passing quote covers it, or (with no topic
// filter) when a selected speaker's label heads it.
func (r *Model) paraVisible(blk doc.Block, covered []bool) bool {
	if covered == nil {
		return true
	}
	if blk.Para >= 0 && blk.Para < len(covered) && covered[blk.Para] {
		return true
	}
	return len(r.flt.Topics) == 0 && r.flt.Speakers != nil && blk.Speaker >= 0 && r.flt.Speakers[blk.Speaker]
}

// setFilter changes what is shown and keeps the reader where it was: on
// the current quote if it is still shown, else on the nearest block at or
// after the old top.
func (r *Model) setFilter(f Filter) {
	if len(r.prefix) > 0 && r.h > 0 {
		// The quote marked current stays current: clearing a speaker
		// filter keeps that speaker's quote, not whoever comes first.
		r.cur = r.focusQuote()
	}
	anchor := -1
	if len(r.vis) > 0 && r.top < len(r.vis) {
		anchor = r.vis[r.top]
	}
	r.flt = f
	r.rebuildVis()
	if r.cur >= 0 && r.quoteVisible(r.cur) {
		r.revealQuote(r.cur)
		return
	}
	r.top, r.off = 0, 0
	if anchor >= 0 {
		i := sort.Search(len(r.vis), func(i int) bool { return r.vis[i] >= anchor })
		r.top = min(i, max(len(r.vis)-1, 0))
	}
	r.clamp()
}

func (r *Model) rebuildPrefix() {
	if cap(r.prefix) >= len(r.vis)+1 {
		r.prefix = r.prefix[:len(r.vis)+1]
	} else {
		r.prefix = make([]int, len(r.vis)+1)
	}
	r.prefix[0] = 0
	for i, b := range r.vis {
		r.prefix[i+1] = r.prefix[i] + r.heights[b]
	}
}

// headHeight is a section heading's height: title rule, topics, blank.
func (r *Model) headHeight(si int) int {
	if len(r.d.Sections[si].Topics) > 0 {
		return 3
	}
	return 2
}

func (r *Model) blockHeight(i int) int {
	blk := r.d.Blocks[i]
	if blk.Kind == doc.SectionHead {
		return r.headHeight(blk.Section)
	}
	n := r.textLineCount(i)
	if blk.Label {
		n++
	}
	return n + 1
}

// textLineCount is the number of lines of a paragraph block: the plain
// wrap's, which glamour's styling never changes.
func (r *Model) textLineCount(i int) int {
	if p, ok := r.plain[i]; ok {
		return len(p)
	}
	return r.d.LineCount(i, r.tw)
}

// glam returns glamour's styled line for block i, or "" if it has not
// arrived or the block stays plain.
func (r *Model) glam(i int) string {
	blk := r.d.Blocks[i]
	if blk.Chunk < 0 || r.store == nil {
		return ""
	}
	styled := r.store.get(r.renderKey(blk.Chunk))
	k := i - r.d.Chunks[blk.Chunk].First
	if k < 0 || k >= len(styled) {
		return ""
	}
	return styled[k]
}

// textLines returns block i's text lines at the current width: glamour's
// styled text cut at the plain wrap's breaks if it has arrived, else the
// plain wrap painted by brief. Lines are cached per width.
func (r *Model) textLines(i int) []string {
	if p, ok := r.plain[i]; ok {
		return p
	}
	ranges := doc.Wrap(r.d.Text(i), r.tw)
	var p []string
	if g := r.glam(i); g != "" {
		p = doc.CutStyled(g, ranges)
	} else {
		p = r.d.Paint(i, ranges, r.st)
	}
	if len(r.plain) > 4096 {
		clear(r.plain)
	}
	r.plain[i] = p
	return p
}

// chunkRendered drops the cached lines of a chunk whose glamour render
// has arrived; heights do not change.
func (r *Model) chunkRendered(chunk int) {
	if r.plain == nil || chunk < 0 || chunk >= len(r.d.Chunks) {
		return
	}
	c := r.d.Chunks[chunk]
	for i := c.First; i <= c.Last; i++ {
		delete(r.plain, i)
	}
}

func (r *Model) total() int {
	if len(r.prefix) == 0 {
		return 0
	}
	return r.prefix[len(r.vis)]
}

func (r *Model) maxAbs() int { return max(0, r.total()-r.h) }

// abs is the absolute line at the top of the viewport.
func (r *Model) abs() int {
	if len(r.vis) == 0 || len(r.prefix) == 0 {
		return 0
	}
	return r.prefix[r.top] + r.off
}

func (r *Model) setAbs(a int) {
	r.sec = -1
	if len(r.vis) == 0 || len(r.prefix) == 0 {
		r.top, r.off = 0, 0
		return
	}
	a = min(max(a, 0), r.maxAbs())
	// The last vis position whose block starts at or before a.
	k := sort.Search(len(r.vis), func(i int) bool { return r.prefix[i+1] > a })
	k = min(k, len(r.vis)-1)
	r.top, r.off = k, a-r.prefix[k]
}

func (r *Model) scroll(delta int) { r.setAbs(r.abs() + delta) }

// clamp keeps the anchor inside the text and the viewport full.
func (r *Model) clamp() {
	if len(r.vis) == 0 || len(r.prefix) == 0 {
		r.top, r.off = 0, 0
		return
	}
	r.top = min(max(r.top, 0), len(r.vis)-1)
	r.off = min(max(r.off, 0), max(r.heights[r.vis[r.top]]-1, 0))
	if r.abs() > r.maxAbs() {
		r.setAbs(r.maxAbs())
	}
}

// bottomVis is the last vis position with a line in the viewport.
func (r *Model) bottomVis() int {
	if len(r.vis) == 0 {
		return -1
	}
	end := r.abs() + max(r.h, 1)
	k := sort.Search(len(r.vis), func(i int) bool { return r.prefix[i] >= end })
	return max(k-1, r.top)
}

// inViewport reports whether block b has a line on screen.
func (r *Model) inViewport(b int) bool {
	v := r.visPos[b]
	return v >= 0 && v >= r.top && v <= r.bottomVis()
}

// percent is how far through the text the bottom of the viewport is.
func (r *Model) percent() int {
	t := r.total()
	if t <= r.h || t == 0 {
		return 100
	}
	return min(100, (r.abs()+r.h)*100/t)
}

// reveal scrolls so block b's line is at the top (or as near as the end
// of the text allows); a negative line keeps that many lines above the
// block in view. It reports false if b is filtered out.
func (r *Model) reveal(b, line int) bool {
	if b < 0 || b >= len(r.visPos) || r.visPos[b] < 0 {
		return false
	}
	v := r.visPos[b]
	if len(r.prefix) == 0 {
		r.top, r.off = v, 0
		return true
	}
	r.setAbs(r.prefix[v] + line)
	return true
}
