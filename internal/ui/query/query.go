// Package query filters lists the way fzf's extended search does: the
// query is split at spaces into terms that must all hold. A plain term
// matches fuzzily (its letters in order), 'term matches exactly, ^term at
// the start, term$ at the end, and !term excludes. Exact terms are case-
// insensitive unless they hold an upper-case letter (smart case).
package query

import (
	"sort"
	"strings"
	"unicode"

	"github.com/sahilm/fuzzy"
)

type kind uint8

const (
	fuzzyTerm kind = iota
	exactTerm
	prefixTerm
	suffixTerm
)

type term struct {
	kind      kind
	text      string
	neg       bool
	sensitive bool
}

// Query is a parsed filter.
type Query struct {
	terms []term
}

// Parse reads a query. An empty or all-space query matches everything.
func Parse(s string) Query {
	var q Query
	for _, f := range strings.Fields(s) {
		t := term{}
		if strings.HasPrefix(f, "!") {
			t.neg = true
			f = f[1:]
			// !term is an exact exclusion, as in fzf.
			t.kind = exactTerm
		}
		switch {
		case strings.HasPrefix(f, "'"):
			t.kind = exactTerm
			f = f[1:]
		case strings.HasPrefix(f, "^"):
			t.kind = prefixTerm
			f = f[1:]
		case len(f) > 1 && strings.HasSuffix(f, "$"):
			t.kind = suffixTerm
			f = f[:len(f)-1]
		}
		if f == "" {
			continue
		}
		t.sensitive = hasUpper(f)
		if !t.sensitive {
			f = strings.ToLower(f)
		}
		t.text = f
		q.terms = append(q.terms, t)
	}
	return q
}

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// Empty reports whether the query matches everything.
func (q Query) Empty() bool { return len(q.terms) == 0 }

// Match reports whether s passes every term.
func (q Query) Match(s string) bool {
	var lower string
	for _, t := range q.terms {
		subject := s
		if !t.sensitive {
			if lower == "" {
				lower = strings.ToLower(s)
			}
			subject = lower
		}
		var ok bool
		switch t.kind {
		case exactTerm:
			ok = strings.Contains(subject, t.text)
		case prefixTerm:
			ok = strings.HasPrefix(strings.TrimSpace(subject), t.text)
		case suffixTerm:
			ok = strings.HasSuffix(strings.TrimSpace(subject), t.text)
		default:
			ok = len(fuzzy.Find(t.text, []string{s})) > 0
		}
		if ok == t.neg {
			return false
		}
	}
	return true
}

// Filter returns the indices i in [0, n) whose text(i) passes the query,
// in order. Fuzzy terms are matched over all items at once.
func (q Query) Filter(n int, text func(int) string) []int {
	out, _ := q.filter(n, text, false)
	return out
}

// filter is Filter; with scored, it also returns each item's score for
// Rank: the sum over the fuzzy terms of fuzzy's score, plus substringBonus
// for each term the text holds as typed. Scoring in the pass that matches
// saves Rank a second fuzzy pass over what passed.
func (q Query) filter(n int, text func(int) string, scored bool) ([]int, []int) {
	out := make([]int, 0, n)
	if q.Empty() {
		for i := 0; i < n; i++ {
			out = append(out, i)
		}
		return out, nil
	}
	keep := make([]bool, n)
	for i := range keep {
		keep[i] = true
	}
	var score []int
	if scored {
		score = make([]int, n)
	}
	src := source{n: n, text: text}
	// Lower-cased texts, made as terms need them.
	var lower []string
	var lowered []bool
	lowerOf := func(i int) string {
		if lower == nil {
			lower, lowered = make([]string, n), make([]bool, n)
		}
		if !lowered[i] {
			lower[i], lowered[i] = strings.ToLower(text(i)), true
		}
		return lower[i]
	}
	for _, t := range q.terms {
		if t.kind == fuzzyTerm && !t.neg {
			hit := make([]bool, n)
			for _, m := range fuzzy.FindFromNoSort(t.text, src) {
				hit[m.Index] = true
				if !scored || !keep[m.Index] {
					continue
				}
				score[m.Index] += m.Score
				subject := text(m.Index)
				if !t.sensitive {
					subject = lowerOf(m.Index)
				}
				if strings.Contains(subject, t.text) {
					score[m.Index] += substringBonus
				}
			}
			for i := range keep {
				keep[i] = keep[i] && hit[i]
			}
			continue
		}
		for i := 0; i < n; i++ {
			if !keep[i] {
				continue
			}
			subject := ""
			if t.sensitive {
				subject = text(i)
			} else {
				subject = lowerOf(i)
			}
			var ok bool
			switch t.kind {
			case prefixTerm:
				ok = strings.HasPrefix(strings.TrimSpace(subject), t.text)
			case suffixTerm:
				ok = strings.HasSuffix(strings.TrimSpace(subject), t.text)
			default:
				ok = strings.Contains(subject, t.text)
			}
			keep[i] = ok != t.neg
		}
	}
	for i, k := range keep {
		if k {
			out = append(out, i)
		}
	}
	return out, score
}

// Rank filters like Filter and orders the result the way fzf does, for
// items with a primary text (a title and date) and a secondary one (a
// path): items that pass on their primary text come first, then those
// that pass only with the secondary text added; within each group the
// best fuzzy score comes first, and ties keep their order. An empty query
// keeps every item in order.
func (q Query) Rank(n int, primary, secondary func(int) string) []int {
	if q.Empty() {
		return q.Filter(n, primary)
	}
	both := func(i int) string { return primary(i) + " " + secondary(i) }
	first, firstScore := q.filter(n, primary, true)
	inFirst := make([]bool, n)
	for _, i := range first {
		inFirst[i] = true
	}
	all, allScore := q.filter(n, both, true)
	rest := make([]int, 0, len(all))
	for _, i := range all {
		if !inFirst[i] {
			rest = append(rest, i)
		}
	}
	byScore(first, firstScore)
	byScore(rest, allScore)
	return append(first, rest...)
}

// substringBonus puts an item whose text holds a fuzzy term as it is typed
// ahead of any scattered match, as fzf favours consecutive letters.
const substringBonus = 1 << 20

// byScore orders items by score, best first, stably.
func byScore(items, score []int) {
	sort.SliceStable(items, func(a, b int) bool { return score[items[a]] > score[items[b]] })
}

type source struct {
	n    int
	text func(int) string
}

func (s source) String(i int) string { return s.text(i) }
func (s source) Len() int            { return s.n }
