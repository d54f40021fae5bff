package ui

// What the library needs of the Reader, in one place: the paragraph at
// the top, going back to one, and showing a quote as a jump.

// topParagraph is the paragraph at the top of a tab's reader.
func (t *tab) topParagraph() int {
	r := t.rd
	if len(r.vis) == 0 || r.top >= len(r.vis) {
		return 0
	}
	return max(t.d.Blocks[r.vis[r.top]].Para, 0)
}

// goToParagraph puts paragraph p at the top of the reader, or the nearest
// shown paragraph after it.
func (t *tab) goToParagraph(p int) {
	d := t.d
	if p <= 0 || p >= len(d.ParaBlock) {
		return
	}
	for b := d.ParaBlock[p]; b >= 0 && b < len(d.Blocks); b++ {
		if t.rd.reveal(b, 0) {
			return
		}
	}
}

// jumpToQuote shows quote qi as a jump (ctrl+o comes back) and puts the
// Quotes cursor on it; false if the reader's filters hide it.
func (t *tab) jumpToQuote(qi int) bool {
	before := t.rd.place()
	if !t.rd.revealQuote(qi) {
		return false
	}
	t.jumps.record(before)
	t.qp.Show(qi)
	return true
}

// currentQuote is the Reader's current quote, or -1.
func (t *tab) currentQuote() int { return t.rd.focusQuote() }
