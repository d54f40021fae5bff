package briefing

import "strings"

// Filter selects quotes. Within one field the values are alternatives (OR);
// across fields all must hold (AND). An empty field selects everything.
type Filter struct {
	// Speakers match a speaker's ID, name or any alias, case-insensitively.
	Speakers []string
	Kinds    []QuoteKind
	// Topics match topic IDs carried by the quote.
	Topics []string
}

// Empty reports whether the filter selects everything.
func (f Filter) Empty() bool {
	return len(f.Speakers) == 0 && len(f.Kinds) == 0 && len(f.Topics) == 0
}

// Match reports whether quote q of briefing b passes the filter. To filter
// many quotes of one briefing, use Quotes, which looks up speakers once.
func (f Filter) Match(b *Briefing, q Quote) bool {
	return f.matcher(b)(q)
}

// matcher returns Match for the quotes of b, with the speakers the filter
// keeps found once: a search of the speakers per quote would make
// filtering quadratic in them.
func (f Filter) matcher(b *Briefing) func(Quote) bool {
	var keep map[string]bool
	if len(f.Speakers) > 0 {
		keep = make(map[string]bool)
		for i := range b.Speakers {
			s := &b.Speakers[i]
			if _, seen := keep[s.ID]; seen {
				continue // Speaker(id) finds the first of that ID
			}
			keep[s.ID] = false
			for _, name := range f.Speakers {
				if s.Answers(name) {
					keep[s.ID] = true
					break
				}
			}
		}
	}
	return func(q Quote) bool {
		if len(f.Kinds) > 0 && !contains(f.Kinds, q.Kind) {
			return false
		}
		if !q.OnTopic(f.Topics) {
			return false
		}
		return keep == nil || keep[q.Speaker]
	}
}

// OnTopic reports whether q passes a topic filter of ids: its topics
// include one of them. No ids pass every quote. This is the one meaning of
// a topic filter: export --topic, brief topics and the reader (its text,
// its Topics pane and its Quotes pane) all count and keep quotes by it;
// sections are for navigation only.
func (q Quote) OnTopic(ids []string) bool {
	if len(ids) == 0 {
		return true
	}
	for _, id := range ids {
		if contains(q.Topics, id) {
			return true
		}
	}
	return false
}

// CountOnTopic is how many quotes of b pass a filter on topic id.
func CountOnTopic(b *Briefing, id string) int {
	n, ids := 0, []string{id}
	for _, q := range b.Quotes {
		if q.OnTopic(ids) {
			n++
		}
	}
	return n
}

// Quotes returns the quotes of b that pass the filter, in order.
func (f Filter) Quotes(b *Briefing) []Quote {
	if f.Empty() {
		return b.Quotes
	}
	var out []Quote
	match := f.matcher(b)
	for _, q := range b.Quotes {
		if match(q) {
			out = append(out, q)
		}
	}
	return out
}

// Answers reports whether the speaker goes by name: their ID, name or an
// alias, compared case-insensitively and ignoring honorific dots.
func (s *Speaker) Answers(name string) bool {
	n := foldName(name)
	if n == "" {
		return false
	}
	if n == foldName(s.ID) || n == foldName(s.Name) {
		return true
	}
	for _, a := range s.Aliases {
		if n == foldName(a) {
			return true
		}
	}
	return false
}

// nameFolds are the marks foldName drops or evens out.
var nameFolds = strings.NewReplacer(".", "", "’", "'", "-", " ")

// FoldName is the form names are compared in by Answers: lower case,
// without honorific dots, with one space between words. The library
// stores speakers' names folded so that --speaker finds them by index.
func FoldName(s string) string { return foldName(s) }

func foldName(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = nameFolds.Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

func contains[T comparable](list []T, v T) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
