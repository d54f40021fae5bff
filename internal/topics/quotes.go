package topics

import (
	"cmp"
	"slices"

	"github.com/brief-reader/brief/internal/briefing"
)

// quoteIsPart reports whether a quote is a clearly smaller part of its
// paragraphs, so that its own words may point at topics its paragraphs do
// not carry. A quote that is most of its paragraphs has their evidence.
func (st *state) quoteIsPart(q *briefing.Quote, last int) bool {
	n := 0
	for p := q.Paragraph; p <= last; p++ {
		n += len(st.b.Paragraphs[p].Text)
	}
	return len(q.Text)*5 < n*4
}

// applyQuotes gives each quote its paragraphs' topics, best first, then
// the topics its own text carries beyond those, and its section.
func (st *state) applyQuotes() {
	b := st.b
	n := len(b.Paragraphs)
	scores := zeroed(st.quoteScores, st.nt)
	own := zeroed(st.quoteOwn, st.nt)
	carried := zeroed(st.quoteCarried, st.nt)
	picked, extra := st.quotePicked[:0], st.quoteExtra[:0]
	defer func() {
		st.quoteScores, st.quoteOwn, st.quoteCarried = scores, own, carried
		st.quotePicked, st.quoteExtra = picked, extra
	}()
	var ids []string
	for qi := range b.Quotes {
		q := &b.Quotes[qi]
		q.Topics = nil
		q.Section = 0
		if q.Paragraph < 0 || q.Paragraph >= n {
			continue
		}
		q.Section = b.Paragraphs[q.Paragraph].Section
		clear(scores)
		clear(carried)
		picked = picked[:0]
		last := min(max(q.EndParagraph, q.Paragraph), n-1)
		if last == q.Paragraph {
			picked = append(picked, st.topics[last]...)
		} else {
			for p := q.Paragraph; p <= last; p++ {
				comb := st.row(st.comb, p)
				for _, t := range st.topics[p] {
					scores[t] += comb[t]
					if !carried[t] {
						carried[t] = true
						picked = append(picked, t)
					}
				}
			}
			slices.SortStableFunc(picked, func(a, b int32) int {
				return cmp.Compare(scores[b], scores[a])
			})
		}
		for _, t := range picked {
			carried[t] = true
		}
		if q.Kind != briefing.Turn && st.quoteIsPart(q, last) {
			clear(own)
			words, _ := st.scoreText(q.Text, own, nil, false)
			extra = pickTopics(own, words, extra[:0])
			for _, t := range extra {
				if !carried[t] {
					carried[t] = true
					picked = append(picked, t)
				}
			}
		}
		if len(picked) > 0 {
			ids, q.Topics = st.appendIDs(ids, picked)
		}
	}
}
