package readerpane

import (
	"sort"

	"github.com/brief-reader/brief/internal/ui/doc"
)

// Where the quotes and sections are, and the steps between them: what the
// jump keys and the status line ask of the Reader.

func (r *Model) quoteBlock(qi int) int {
	q := r.d.B.Quotes[qi]
	if q.Paragraph < 0 || q.Paragraph >= len(r.d.ParaBlock) {
		return -1
	}
	return r.d.ParaBlock[q.Paragraph]
}

func (r *Model) quoteVisible(qi int) bool {
	b := r.quoteBlock(qi)
	if b < 0 || r.visPos[b] < 0 {
		return false
	}
	return r.flt.passes(r.d, qi)
}

// ScrollOff is how many lines a jump keeps above its target, like vim's
// scrolloff, so the speaker label and the line before stay in view.
const ScrollOff = 2

func (r *Model) revealQuote(qi int) bool {
	r.cur = qi
	return r.reveal(r.quoteBlock(qi), -ScrollOff)
}

// navFrom is where quote navigation starts: the quote marked current on
// screen (focusQuote: the current quote, else the first on screen), so
// that the first ] or n moves off it; else the first quote at or after the
// top of the viewport.
func (r *Model) navFrom() (pos int, onCur bool) {
	d := r.d
	if fq := r.focusQuote(); fq >= 0 && fq < len(d.OrderPos) && d.OrderPos[fq] >= 0 {
		return d.OrderPos[fq], true
	}
	if len(r.vis) == 0 {
		return 0, false
	}
	p0 := d.Blocks[r.vis[r.top]].Para
	return sort.Search(len(d.Order), func(i int) bool { return d.B.Quotes[d.Order[i]].Paragraph >= p0 }), false
}

// step finds the next (dir > 0) or previous visible quote that matches,
// wrapping around the ends. It returns -1 if there is none.
func (r *Model) step(dir int, match func(qi int) bool) (qi int, wrapped bool) {
	d := r.d
	n := len(d.Order)
	if n == 0 {
		return -1, false
	}
	pos, onCur := r.navFrom()
	ok := func(i int) bool {
		q := d.Order[i]
		return r.quoteVisible(q) && (match == nil || match(q))
	}
	if dir > 0 {
		start := pos
		if onCur {
			start++
		}
		for i := start; i < n; i++ {
			if ok(i) {
				return d.Order[i], false
			}
		}
		for i := 0; i < min(start, n); i++ {
			if ok(i) {
				return d.Order[i], true
			}
		}
		return -1, false
	}
	start := pos - 1
	for i := start; i >= 0; i-- {
		if ok(i) {
			return d.Order[i], false
		}
	}
	for i := n - 1; i > start; i-- {
		if ok(i) {
			return d.Order[i], true
		}
	}
	return -1, false
}

// focusQuote is the quote the footer and y refer to: the current quote if
// it is on screen, else the first quote starting on screen, else -1.
func (r *Model) focusQuote() int {
	if r.cur >= 0 && r.quoteVisible(r.cur) && r.inViewport(r.quoteBlock(r.cur)) {
		return r.cur
	}
	if len(r.vis) == 0 {
		return -1
	}
	last := r.bottomVis()
	for v := r.top; v <= last && v < len(r.vis); v++ {
		blk := r.d.Blocks[r.vis[v]]
		if blk.Kind != doc.Para {
			continue
		}
		for _, qi := range r.d.ParaQuotes[blk.Para] {
			if r.quoteVisible(qi) {
				return qi
			}
		}
	}
	return -1
}

// section is the current section: one } landed on at the end of the
// text, else the section at the top of the viewport.
func (r *Model) section() int {
	if v := r.headVis(r.sec); v >= 0 && v <= r.bottomVis() {
		return r.sec
	}
	return r.topSection()
}

// headTitleShown reports whether section s's heading has its title line
// (the heading's first) on screen.
func (r *Model) headTitleShown(s int) bool {
	v := r.headVis(s)
	return v >= 0 && (v > r.top || (v == r.top && r.off == 0)) && v <= r.bottomVis()
}

// headVis is the vis position of section s's heading, or -1 if it is not
// shown. Blocks are in section order, so it is a binary search.
func (r *Model) headVis(s int) int {
	if s < 0 {
		return -1
	}
	v := sort.Search(len(r.vis), func(i int) bool { return r.d.Blocks[r.vis[i]].Section >= s })
	if v < len(r.vis) && r.d.Blocks[r.vis[v]].Kind == doc.SectionHead && r.d.Blocks[r.vis[v]].Section == s {
		return v
	}
	return -1
}

// topSection is the section at the top of the viewport.
func (r *Model) topSection() int {
	if len(r.vis) == 0 {
		return -1
	}
	return r.d.Blocks[r.vis[r.top]].Section
}

// topSpeaker is the speaker of the first spoken block on screen, or -1.
func (r *Model) topSpeaker() int {
	if len(r.vis) == 0 {
		return -1
	}
	last := r.bottomVis()
	for v := r.top; v <= last && v < len(r.vis); v++ {
		if s := r.d.Blocks[r.vis[v]].Speaker; s >= 0 {
			return s
		}
	}
	return -1
}

// sectionStep moves to the next or previous visible section heading. For
// a briefing without sections it goes to the top or bottom.
func (r *Model) sectionStep(dir int) bool {
	if len(r.vis) == 0 {
		return false
	}
	if r.d.Implicit {
		if dir > 0 {
			if r.abs() >= r.maxAbs() {
				return false
			}
			r.setAbs(r.maxAbs())
		} else {
			if r.abs() == 0 {
				return false
			}
			r.setAbs(0)
		}
		return true
	}
	cur := r.section()
	if dir > 0 {
		for v := r.top + 1; v < len(r.vis); v++ {
			blk := r.d.Blocks[r.vis[v]]
			if blk.Kind != doc.SectionHead || blk.Section <= cur {
				continue
			}
			r.reveal(r.vis[v], 0)
			if r.top != v {
				// The end of the text is on screen: the heading stays
				// below the top, and its section is the current one.
				r.sec = blk.Section
			}
			return true
		}
		return false
	}
	if cur != r.topSection() {
		// Back from a section } could not bring to the top: to the
		// start of the section before it.
		for v := r.headVis(cur) - 1; v >= 0; v-- {
			if r.d.Blocks[r.vis[v]].Kind == doc.SectionHead {
				r.reveal(r.vis[v], 0)
				return true
			}
		}
		r.setAbs(0)
		return true
	}
	// Back to the start of this section if we are inside it, else to the
	// previous one.
	for v := r.top; v >= 0; v-- {
		if r.d.Blocks[r.vis[v]].Kind != doc.SectionHead {
			continue
		}
		if v == r.top && r.off == 0 {
			continue
		}
		r.reveal(r.vis[v], 0)
		return true
	}
	if r.abs() > 0 {
		r.setAbs(0)
		return true
	}
	return false
}

// visibleQuotes lists the quotes the reader shows, in reading order.
func (r *Model) visibleQuotes(dst []int) []int {
	dst = dst[:0]
	for _, qi := range r.d.Order {
		if r.quoteVisible(qi) {
			dst = append(dst, qi)
		}
	}
	return dst
}

// TopParagraph is the paragraph at the top of the viewport (a heading
// there counts as its section's first paragraph after it), 0 when nothing
// is shown: where a reading position is saved.
func (r *Model) TopParagraph() int {
	for v := r.top; v >= 0 && v < len(r.vis); v++ {
		if p := r.d.Blocks[r.vis[v]].Para; p >= 0 {
			return p
		}
	}
	return 0
}

// GoToParagraph puts paragraph p at the top, or the nearest shown
// paragraph after it: where a saved reading position is restored.
func (r *Model) GoToParagraph(p int) {
	if p < 0 || p >= len(r.d.ParaBlock) {
		return
	}
	for b := r.d.ParaBlock[p]; b >= 0 && b < len(r.d.Blocks); b++ {
		if r.reveal(b, 0) {
			return
		}
	}
}
