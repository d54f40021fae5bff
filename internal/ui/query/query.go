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
	out := make([]int, 0, n)
	if q.Empty() {
		for i := 0; i < n; i++ {
			out = append(out, i)
		}
		return out
	}
	keep := make([]bool, n)
	for i := range keep {
		keep[i] = true
	}
	src := source{n: n, text: text}
	var lower []string
	for _, t := range q.terms {
		if t.kind == fuzzyTerm && !t.neg {
			hit := make([]bool, n)
			for _, m := range fuzzy.FindFromNoSort(t.text, src) {
				hit[m.Index] = true
			}
			for i := range keep {
				keep[i] = keep[i] && hit[i]
			}
			continue
		}
		if !t.sensitive && lower == nil {
			lower = make([]string, n)
			for i := range lower {
				lower[i] = strings.ToLower(text(i))
			}
		}
		for i := 0; i < n; i++ {
			if !keep[i] {
				continue
			}
			subject := ""
			if t.sensitive {
				subject = text(i)
			} else {
				subject = lower[i]
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
	return out
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
	first := q.Filter(n, primary)
	inFirst := make([]bool, n)
	for _, i := range first {
		inFirst[i] = true
	}
	var rest []int
	for _, i := range q.Filter(n, both) {
		if !inFirst[i] {
			rest = append(rest, i)
		}
	}
	q.sortByScore(first, primary)
	q.sortByScore(rest, both)
	return append(first, rest...)
}

// substringBonus puts an item whose text holds a fuzzy term as it is typed
// ahead of any scattered match, as fzf favours consecutive letters.
const substringBonus = 1 << 20

// sortByScore orders items by the sum of their fuzzy terms' scores, best
// first, stably.
func (q Query) sortByScore(items []int, text func(int) string) {
	if len(items) < 2 {
		return
	}
	score := make(map[int]int, len(items))
	sub := source{n: len(items), text: func(k int) string { return text(items[k]) }}
	for _, t := range q.terms {
		if t.kind != fuzzyTerm || t.neg {
			continue
		}
		for _, m := range fuzzy.FindFromNoSort(t.text, sub) {
			i := items[m.Index]
			score[i] += m.Score
			subject := text(i)
			if !t.sensitive {
				subject = strings.ToLower(subject)
			}
			if strings.Contains(subject, t.text) {
				score[i] += substringBonus
			}
		}
	}
	sort.SliceStable(items, func(a, b int) bool { return score[items[a]] > score[items[b]] })
}

type source struct {
	n    int
	text func(int) string
}

func (s source) String(i int) string { return s.text(i) }
func (s source) Len() int            { return s.n }
