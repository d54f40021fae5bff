package parse

import (
	"unicode"
	"unicode/utf8"
)

// maxQuoteDepth bounds quote nesting. Real text nests two or three deep;
// deeper marks are treated as plain characters, so hostile input cannot make
// the parser recurse without limit.
const maxQuoteDepth = 16

// family groups quotation marks that pair with each other.
type family uint8

const (
	noFamily family = iota
	doubleMarks
	singleMarks
)

// span is a quoted stretch of a paragraph. open is the byte offset of the
// opening mark and close that of the closing mark (len(text) when the quote
// runs to the end of the paragraph unclosed).
type span struct {
	open, close       int
	openLen, closeLen int
	fam               family
	mark              rune
	unclosed          bool
	children          []*span
}

// inner returns the byte range of the quoted text, between the marks.
func (s *span) inner() (int, int) { return s.open + s.openLen, s.close }

// end returns the offset just past the closing mark.
func (s *span) end() int { return s.close + s.closeLen }

// markInfo classifies one quotation-mark rune in context.
type markInfo struct {
	pos, size int
	r         rune
	fam       family
	canOpen   bool
	canClose  bool
	strong    bool // a closer that surely closes: after punctuation or before the end
}

// findSpans finds the quoted spans of a paragraph, nested. continues reports
// whether the next paragraph opens with a mark of the same family as an
// unclosed quote here (newswire style), which tells an apostrophe-like
// closer not to close it.
func findSpans(text string, nextOpens family) []*span {
	marks := scanMarks(text)
	if len(marks) == 0 {
		return nil
	}
	// nextStrong[i][f] is the index of the first strong closer of family f
	// at or after mark i; nextOpen likewise for openers.
	n := len(marks)
	nextStrong := make([][3]int, n+1)
	nextOpen := make([][3]int, n+1)
	for f := 0; f < 3; f++ {
		nextStrong[n][f], nextOpen[n][f] = n, n
	}
	for i := n - 1; i >= 0; i-- {
		nextStrong[i], nextOpen[i] = nextStrong[i+1], nextOpen[i+1]
		m := marks[i]
		if m.canClose && m.strong {
			nextStrong[i][m.fam] = i
		}
		if m.canOpen {
			nextOpen[i][m.fam] = i
		}
	}

	var roots []*span
	var stack []*span
	attach := func(s *span) {
		if len(stack) > 0 {
			p := stack[len(stack)-1]
			p.children = append(p.children, s)
		} else {
			roots = append(roots, s)
		}
	}
	for i, m := range marks {
		if m.canClose {
			top := -1
			for j := len(stack) - 1; j >= 0; j-- {
				if stack[j].fam == m.fam {
					top = j
					break
				}
			}
			if top >= 0 && closes(m, i, stack, top, marks, nextStrong, nextOpen, nextOpens) {
				// Close everything above the match too: marks of another
				// family left open inside are unbalanced.
				for len(stack) > top {
					s := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					if len(stack) == top {
						s.close, s.closeLen = m.pos, m.size
					} else {
						s.close, s.closeLen, s.unclosed = m.pos, 0, true
					}
					attach(s)
				}
				continue
			}
			if !m.canOpen {
				continue
			}
		}
		if m.canOpen && len(stack) < maxQuoteDepth {
			stack = append(stack, &span{open: m.pos, openLen: m.size, fam: m.fam, mark: m.r})
		}
	}
	for len(stack) > 0 {
		s := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		s.close, s.closeLen, s.unclosed = len(text), 0, true
		attach(s)
	}
	return roots
}

// closes decides whether closer m (mark index i) closes stack[top].
func closes(m markInfo, i int, stack []*span, top int, marks []markInfo, nextStrong, nextOpen [][3]int, nextOpens family) bool {
	if m.strong {
		return true
	}
	// A weak closer (letter before, space after: ‘SECURE’ SCO, leaders’
	// forum) closes a quote nested in another of its family, since the
	// outer one will take the later closer.
	for j := top - 1; j >= 0; j-- {
		if stack[j].fam == m.fam {
			return true
		}
	}
	// Otherwise it closes unless a strong closer of the family comes before
	// the next opener of the family: then it is an apostrophe (leaders’).
	ns, no := nextStrong[i+1][m.fam], nextOpen[i+1][m.fam]
	if ns < len(marks) && ns < no {
		return false
	}
	// No strong closer left: a quote continued in the next paragraph keeps
	// running; anything else closes here.
	if ns == len(marks) && no == len(marks) && nextOpens == m.fam {
		return false
	}
	return true
}

// scanMarks finds quotation marks and decides which may open or close.
func scanMarks(text string) []markInfo {
	var marks []markInfo
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf && c != '"' && c != '\'' {
			i++ // ASCII, and no mark: most of a text
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		fam := markFamily(r)
		if fam == noFamily {
			i += n
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(text[:i])
		if i == 0 {
			prev = ' '
		}
		next, _ := utf8.DecodeRuneInString(text[i+n:])
		if i+n >= len(text) {
			next = ' '
		}
		m := markInfo{pos: i, size: n, r: r, fam: fam}
		atEnd := i+n >= len(text)
		prevSpace := i == 0 || unicode.IsSpace(prev) || isOpenPunct(prev)
		nextSpace := atEnd || unicode.IsSpace(next)
		switch r {
		case '“', '„', '«', '‹', '‘', '‚':
			m.canOpen = !nextSpace
		case '”', '»', '›':
			m.canClose = !prevSpace || isClosePunct(prev)
			m.strong = true
		case '"':
			m.canOpen = prevSpace && !nextSpace
			m.canClose = !m.canOpen && (!prevSpace || isClosePunct(prev))
			m.strong = true
		case '’', '\'':
			if isWordRune(prev) && isWordRune(next) {
				break // Asia’s, don't
			}
			if r == '\'' && prevSpace && !nextSpace {
				m.canOpen = true
				break
			}
			if prevSpace {
				break // ’90s, ’tis
			}
			m.canClose = true
			m.strong = atEnd || isClosePunct(prev) || isAfterClosePunct(next)
		}
		if m.canOpen || m.canClose {
			marks = append(marks, m)
		}
		i += n
	}
	return marks
}

func markFamily(r rune) family {
	switch r {
	case '“', '”', '"', '„', '«', '»':
		return doubleMarks
	case '‘', '’', '\'', '‚', '‹', '›':
		return singleMarks
	}
	return noFamily
}

// isOpenPunct is punctuation after which a mark opens: (“ — [.
func isOpenPunct(r rune) bool {
	switch r {
	case '(', '[', '{', '—', '–', '/', '“', '‘', '«', '„', '"':
		return true
	}
	return false
}

// isClosePunct is punctuation before a mark that makes it a sure closer.
func isClosePunct(r rune) bool {
	switch r {
	case '.', ',', '!', '?', ';', '…', '—', '–', ':', ')', '”', '’':
		return true
	}
	return false
}

// isAfterClosePunct is punctuation after a mark that makes it a sure closer.
func isAfterClosePunct(r rune) bool {
	switch r {
	case '.', ',', ';', ':', '!', '?', ')', ']', '”', '…', '—', '–':
		return true
	}
	return false
}

// opensWith reports the family of a quotation mark that opens the text, if
// any, after leading spaces.
func opensWith(text string) family {
	for i, r := range text {
		if unicode.IsSpace(r) {
			continue
		}
		switch r {
		case '“', '„', '«', '‘', '‚', '‹', '"', '\'':
			if next, _ := utf8.DecodeRuneInString(text[i+utf8.RuneLen(r):]); !unicode.IsSpace(next) {
				return markFamily(r)
			}
		}
		return noFamily
	}
	return noFamily
}
