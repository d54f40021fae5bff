package parse

import (
	"strings"
	"unicode/utf8"

	"github.com/brief-reader/brief/internal/briefing"
	"github.com/brief-reader/brief/internal/lexicon"
)

// transcript attributes the turns of a transcript: each label opens a turn
// that runs to the next label, across paragraphs.
func (b *builder) transcript() {
	// Names first: the title, the front matter and the text itself say
	// who "MS. LEAVITT" is. Only paragraphs before the first turn, and
	// those that contain a label's surname, can tell.
	surnames := labelSurnames(b.paras)
	names := newSurnameSet(surnames)
	seenLabel := false
	var toks []token // one buffer for every paragraph's tokens
	for i, p := range b.paras {
		seenLabel = seenLabel || p.label != ""
		if seenLabel && !names.in(p.text) {
			continue
		}
		toks = appendTokens(toks[:0], casedText(p.text))
		b.mentions = appendNameMentions(b.mentions[:0], toks)
		for _, m := range b.mentions {
			b.reg.addName(m.ref, pos(i, m.start)+1)
		}
	}
	// Front matter speakers, looked up by every new label: only they, not
	// everyone the text names.
	var metas []*person
	for _, p := range b.reg.people {
		if p.meta {
			metas = append(metas, p)
		}
	}
	cache := make(map[string]*person)
	var cur *person
	start := -1
	closeTurn := func(end int) {
		if cur == nil || start < 0 {
			return
		}
		last := end
		for last > start && b.paras[last].role != briefing.Body {
			last--
		}
		b.addQuote(cur, briefing.Turn, start, last, 0, len(b.paras[last].text))
	}
	for i := range b.paras {
		p := &b.paras[i]
		if p.label != "" {
			closeTurn(i - 1)
			key := strings.ToLower(p.label)
			who, ok := cache[key]
			if !ok {
				who = b.labelPerson(p.label, metas)
				cache[key] = who
			}
			cur, start = who, i
			p.speaker = who
			p.role = briefing.Body
			continue
		}
		if cur != nil && p.role == briefing.Body {
			p.speaker = cur
		}
	}
	closeTurn(len(b.paras) - 1)
}

// labelPerson resolves a transcript label to a person: "MS. LEAVITT" to
// Karoline Leavitt when the text names her, "Q" to the reporters, "THE
// PRESIDENT" to the president the title names, "MODERATOR" to a role.
func (b *builder) labelPerson(text string, metas []*person) *person {
	l := strings.TrimSpace(text)
	words := strings.Fields(strings.ToLower(strings.NewReplacer(".", " ", ":", " ", "(", " ", ")", " ").Replace(l)))
	if len(words) == 0 {
		return b.reg.addRole("Speaker", briefing.Role, 0)
	}
	if lexicon.QuestionerLabels[words[0]] && len(words) <= 2 {
		p := b.reg.addRole("Reporter", briefing.Questioner, 0)
		p.labels = appendUnique(p.labels, l)
		return p
	}
	// Front matter speakers match by name or alias.
	for _, p := range metas {
		if normName(p.fullName()) == normName(l) {
			p.labels = appendUnique(p.labels, l)
			return p
		}
		for _, a := range p.aliases {
			if normName(a) == normName(l) {
				p.labels = appendUnique(p.labels, l)
				return p
			}
		}
	}
	display := l
	if isAllCaps(l) {
		display = titleCase(l)
	}
	r := parseRef(tokenize(display))
	// "AUDIENCE MEMBER", "Speaker 2": the words that look like a name are
	// themselves functions.
	roleOnly := true
	for _, n := range r.name {
		l := strings.ToLower(n)
		if !lexicon.RoleLabels[l] && !lowerRoleNouns.has(l) && !roleWords.has(l) {
			roleOnly = false
		}
	}
	if roleOnly {
		role := r.role
		if role == "" {
			role = titleRole(display)
		}
		role = titleRole(role)
		if p := b.reg.findFirstRole(role); p != nil {
			p.labels = appendUnique(p.labels, l)
			return p
		}
		p := b.reg.addRole(role, briefing.Role, 0)
		p.labels = appendUnique(p.labels, l)
		return p
	}
	p := b.reg.findName(r.name)
	if p == nil && len(r.name) == 1 {
		p = b.reg.findNear(r.name[0])
	}
	if p == nil {
		p = b.reg.addName(r, 0)
	} else {
		b.reg.touch(p, ref{role: r.role, gender: r.gender}, p.last)
	}
	p.kind = briefing.Person
	p.labels = appendUnique(p.labels, l)
	return p
}

// labelSurnames returns the folded last words of the labels that may name
// people: "leavitt" for "MS. LEAVITT".
func labelSurnames(paras []para) []string {
	seen := map[string]bool{}
	var out []string
	for _, p := range paras {
		if p.label == "" {
			continue
		}
		f := strings.Fields(strings.ToLower(p.label))
		if len(f) == 0 {
			continue
		}
		last := strings.Trim(f[len(f)-1], ".:,()[]")
		if len(last) < 2 || seen[last] || honorifics.has(last) || lexicon.QuestionerLabels[last] || lexicon.RoleLabels[last] {
			continue
		}
		seen[last] = true
		out = append(out, last)
	}
	return out
}

// surnameSet answers whether a text holds one of the label surnames. For a
// few surnames it looks for them anywhere in the text, as containsAnyFold
// does but in one pass over the text; past manySurnames, which would make
// that cost the text's length times their number, it looks them up word by
// word.
type surnameSet struct {
	set map[string]bool
	// For a few surnames: those with an ASCII initial by the bytes they
	// may start with in the text (the initial, and its capital), the
	// others, and whether one is empty (found in every text).
	byInitial [utf8.RuneSelf][]string
	other     []string
	empty     bool
}

// manySurnames is where surnameSet turns to looking up words.
const manySurnames = 64

func newSurnameSet(surnames []string) *surnameSet {
	n := &surnameSet{}
	if len(surnames) <= manySurnames {
		for _, w := range surnames {
			switch {
			case w == "":
				n.empty = true
			case w[0] >= utf8.RuneSelf:
				n.other = append(n.other, w)
			default:
				c := w[0]
				n.byInitial[c] = append(n.byInitial[c], w)
				if c >= 'a' && c <= 'z' {
					n.byInitial[c-'a'+'A'] = append(n.byInitial[c-'a'+'A'], w)
				}
			}
		}
		return n
	}
	n.set = make(map[string]bool, len(surnames))
	for _, s := range surnames {
		n.set[s] = true
	}
	return n
}

func (n *surnameSet) in(text string) bool {
	if n.set == nil {
		return n.inText(text)
	}
	for _, w := range strings.Fields(text) {
		w = strings.ToLower(strings.Trim(w, ".:,;!?()[]\"'“”‘’"))
		if n.set[w] {
			return true
		}
		if i := strings.IndexAny(w, "'’"); i > 0 && n.set[w[:i]] {
			return true
		}
	}
	return false
}

// inText reports whether text holds one of a few surnames anywhere, as
// containsAnyFold(text, surnames) does: indexFold's test at each byte
// that starts a surname.
func (n *surnameSet) inText(text string) bool {
	if n.empty || containsAnyFold(text, n.other) {
		return true
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c >= utf8.RuneSelf {
			continue
		}
		for _, w := range n.byInitial[c] {
			if i+len(w) > len(text) {
				continue
			}
			// Two ASCII bytes that differ but in case cannot fold equal:
			// most places fail at the second byte without EqualFold.
			if len(w) > 1 && w[1] < utf8.RuneSelf && text[i+1] < utf8.RuneSelf && lowerASCII(w[1]) != lowerASCII(text[i+1]) {
				continue
			}
			if strings.EqualFold(text[i:i+len(w)], w) {
				return true
			}
		}
	}
	return false
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// containsAnyFold reports whether s contains any of the folded words.
func containsAnyFold(s string, words []string) bool {
	for _, w := range words {
		if indexFold(s, w) >= 0 {
			return true
		}
	}
	return false
}

// indexFold finds lower-case word w in s ignoring case, without copying s:
// it checks each place where w's first letter occurs in either case.
func indexFold(s, w string) int {
	if w == "" {
		return 0
	}
	c := w[0]
	if c >= utf8.RuneSelf {
		return strings.Index(strings.ToLower(s), w) // rare: a non-ASCII initial
	}
	upper := c
	if c >= 'a' && c <= 'z' {
		upper = c - 'a' + 'A'
	}
	for i := 0; i+len(w) <= len(s); i++ {
		if (s[i] == c || s[i] == upper) && strings.EqualFold(s[i:i+len(w)], w) {
			return i
		}
	}
	return -1
}

// casedText gives all-caps text (a shouted title) ordinary capitals, so
// that the names in it can be read.
func casedText(s string) string {
	if isAllCaps(s) {
		return titleCase(s)
	}
	return s
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return list
		}
	}
	return append(list, s)
}

func isAllCaps(s string) bool {
	letters := false
	for _, r := range s {
		if r >= 'a' && r <= 'z' {
			return false
		}
		if r >= 'A' && r <= 'Z' {
			letters = true
		}
	}
	return letters && strings.ToUpper(s) == s
}
