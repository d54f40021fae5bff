package ui

// What the library needs of the Reader, in one place: the paragraph at
// the top, going back to one, and showing a quote as a jump.

// topParagraph is the paragraph at the top of a tab's reader.
func (t *tab) topParagraph() int { return t.rd.TopParagraph() }

// goToParagraph puts paragraph p at the top of the reader, or the nearest
// shown paragraph after it.
func (t *tab) goToParagraph(p int) { t.rd.GoToParagraph(p) }

// jumpToQuote shows quote qi as a jump (ctrl+o comes back) and puts the
// Quotes cursor on it; false if the reader's filters hide it.
func (t *tab) jumpToQuote(qi int) bool {
	if !t.rd.ShowQuote(qi) {
		return false
	}
	t.qp.Show(qi)
	return true
}

// currentQuote is the Reader's current quote, or -1.
func (t *tab) currentQuote() int { return t.rd.FocusQuote() }
