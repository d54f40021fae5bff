package topics

import "github.com/brief-reader/brief/internal/briefing"

// findUnits groups paragraphs into classification units.
func (st *state) findUnits() {
	b := st.b
	n := len(b.Paragraphs)
	questioner := make(map[string]bool)
	for _, s := range b.Speakers {
		if s.Kind == briefing.Questioner {
			questioner[s.ID] = true
		}
	}
	turn := make([]int, n)
	for i := range turn {
		turn[i] = -1
	}
	for qi, q := range b.Quotes {
		if q.Kind != briefing.Turn {
			continue
		}
		for p := max(q.Paragraph, 0); p <= q.EndParagraph && p < n; p++ {
			turn[p] = qi
		}
	}
	unit := 0
	body := 0
	lastTurn, lastQuestion := -1, false
	inExchange := false
	for i := range b.Paragraphs {
		p := &b.Paragraphs[i]
		st.pos[i] = body
		if p.Role == briefing.Heading {
			unit++
			inExchange = false
			lastTurn = -1
			st.unit[i] = unit
			continue
		}
		if p.Role == briefing.Body {
			body++
		}
		t := turn[i]
		if t >= 0 && t != lastTurn {
			isQ := questioner[b.Quotes[t].Speaker]
			switch {
			case isQ && !lastQuestion:
				unit++
				inExchange = true
			case !isQ && !inExchange:
				unit++
			}
			lastTurn, lastQuestion = t, isQ
		}
		st.unit[i] = unit
		st.exchange[i] = inExchange
	}
}

// smooth spreads each paragraph's evidence to the paragraphs of its unit:
// to direct neighbours in prose, to the whole exchange in transcripts. A
// paragraph with enough words of its own takes at most a little of each
// topic from others, so a strong neighbour tips it only where it already
// leans that way; a short one takes more, so that "What about the
// timeline?" is about what the question before it was about.
func (st *state) smooth() {
	copy(st.comb, st.raw)
	ps := st.b.Paragraphs
	n := len(ps)
	// Most scores are zero, and adding nothing changes nothing: list the
	// topics each paragraph has evidence for.
	st.listEvidence()
	for i := 0; i < n; i++ {
		if ps[i].Role != briefing.Body {
			continue
		}
		dst := st.row(st.comb, i)
		// A short paragraph without clear evidence of its own leans on
		// its neighbours.
		short := st.words[i] < shortWords && rowMax(st.row(st.raw, i)) < 2*minScore
		// A question opening an exchange often follows up on the answer
		// before it: it leans a little on that answer too.
		if st.exchange[i] && st.opensUnit(i) {
			if j := st.prevBody(i); j >= 0 && st.unit[j] != st.unit[i] && st.exchange[j] {
				src := st.row(st.comb, j)
				for t, v := range src {
					dst[t] += min(neighbourShare*v, neighbourCap)
				}
			}
		}
		for dir := -1; dir <= 1; dir += 2 {
			for j := i + dir; j >= 0 && j < n && st.unit[j] == st.unit[i]; j += dir {
				if ps[j].Role != briefing.Body {
					continue
				}
				d := st.pos[i] - st.pos[j]
				if d < 0 {
					d = -d
				}
				exchange := st.exchange[i] && st.exchange[j]
				var share, limit float32
				if exchange {
					share = exchangeShare * pow(exchangeDecay, d-1)
					limit = exchangeCap
				} else {
					if d > 1 {
						break
					}
					share = neighbourShare
					limit = neighbourCap
				}
				if short {
					share = min(2*share, 1)
					limit = 1e9
				}
				if share < 0.02 {
					break
				}
				src := st.row(st.raw, j)
				for _, t := range st.evidence[st.evidenceAt[j]:st.evidenceAt[j+1]] {
					dst[t] += min(share*src[t], limit)
				}
			}
		}
	}
}

// listEvidence lists, in evidence[evidenceAt[i]:evidenceAt[i+1]], the
// topics paragraph i has a raw score for.
func (st *state) listEvidence() {
	n := len(st.b.Paragraphs)
	ev := st.evidence[:0]
	at := zeroed(st.evidenceAt, n+1)
	for i := 0; i < n; i++ {
		at[i] = int32(len(ev))
		for t, v := range st.row(st.raw, i) {
			if v != 0 {
				ev = append(ev, int32(t))
			}
		}
	}
	at[n] = int32(len(ev))
	st.evidence, st.evidenceAt = ev, at
}

// opensUnit reports whether body paragraph i is the first body paragraph
// of its unit.
func (st *state) opensUnit(i int) bool {
	j := st.prevBody(i)
	return j < 0 || st.unit[j] != st.unit[i]
}

// prevBody returns the body paragraph before i, or -1.
func (st *state) prevBody(i int) int {
	for j := i - 1; j >= 0; j-- {
		if st.b.Paragraphs[j].Role == briefing.Body {
			return j
		}
	}
	return -1
}

func rowMax(v []float32) float32 {
	var m float32
	for _, x := range v {
		if x > m {
			m = x
		}
	}
	return m
}

func pow(x float32, n int) float32 {
	r := float32(1)
	for ; n > 0; n-- {
		r *= x
	}
	return r
}
