package parse

import (
	"encoding/binary"
	"sync"

	"github.com/brief-reader/brief/internal/lexicon"
	"strings"
	"unicode"
	"unicode/utf8"
)

// gender is what the text tells about a person, for pronoun resolution.
type gender uint8

const (
	unknownGender gender = iota
	male
	female
)

// ref is a parsed reference to a person: a pronoun, a name with an optional
// role, or a role alone ("the Foreign Secretary").
type ref struct {
	pronoun string   // "he", "she" or "" when the ref is not a pronoun
	name    []string // name tokens without honorifics: ["Vikram", "Misri"]
	role    string   // title as written: "Foreign Secretary"
	gender  gender
	surface string // the whole phrase as written, for aliases
	org     bool   // an organisation speaking as a whole; name holds it whole
}

func (r ref) valid() bool { return r.pronoun != "" || len(r.name) > 0 || r.role != "" }

// lowerRoleNouns are common descriptions of people that may precede a name
// in lower case: "factory worker Justin Rice", "state Sen. Jane Timken".
var lowerRoleNouns = newShapeSet(wordSet(`
worker workers steelworker resident owner analyst economist expert voter student farmer
teacher nurse doctor engineer lawmaker legislator activist historian scientist
researcher lawyer veteran member candidate organizer organiser employee colleague
retiree driver businessman businesswoman entrepreneur spokesperson spokesman
spokeswoman official officer minister secretary president senator sen rep governor
mayor commissioner chairman director ambassador envoy adviser advisor aide
manager ceo founder chief leader professor diplomat negotiator consultant
coach player players defenceman defenseman goalie goaltender forward midfielder striker
quarterback pitcher golfer athlete rookie captain referee defender winger
mother father son daughter wife husband sister brother grandmother grandfather neighbour
neighbor friend survivor victim witness protester protestor parent pastor priest trustee
attorney prosecutor detective constable investigator psychologist psychiatrist physician
pharmacist dietitian nutritionist specialist cardiologist surgeon epidemiologist strategist
pollster lobbyist donor campaigner publisher artist designer architect author writer
filmmaker actor actress singer musician comedian chef host co-owner co-founder cofounder
journalist proprietor shopkeeper supporter
`))

// parseRef reads a person reference from tokens. It returns an invalid ref
// when the tokens do not name a person (an organisation, a place, a thing).
//
// A text names the same people in the same words again and again, and so
// do the pages of one source: what parseRef made of tokens is kept in a
// memo (refMemo) and handed back when the same words come again.
func parseRef(toks []token) ref {
	if len(toks) == 0 {
		return ref{}
	}
	if len(toks) == 1 && toks[0].word {
		switch toks[0].lower() {
		case "he", "him":
			return ref{pronoun: "he", gender: male, surface: toks[0].s}
		case "she", "her":
			return ref{pronoun: "she", gender: female, surface: toks[0].s}
		}
	}
	return refs.parse(toks)
}

// readRef is parseRef without the memo, for words other than a lone
// pronoun.
func readRef(toks []token) ref {
	surface := joinTokens(toks)
	// "Sen. Wade Holloway of Nevada", "Rep. Dora Quill of Oregon":
	// a full name, then where the person is from or for.
	if r, ok := nameOfPlace(toks, surface); ok {
		return r
	}
	var partsBuf [4][]token // most references have a few parts: no allocation
	parts := appendTopComma(partsBuf[:0], toks)
	var r ref
	var roles []string
	for pi, p := range parts {
		pr := parsePart(p)
		if pr.gender != unknownGender {
			r.gender = pr.gender
		}
		if len(pr.name) > 0 && len(r.name) == 0 {
			r.name = pr.name
			if pr.role != "" {
				roles = append(roles, pr.role)
			}
			continue
		}
		if pr.org {
			if pi == 0 {
				return ref{}
			}
			roles = append(roles, joinTokens(p))
			continue
		}
		if pr.role != "" {
			if len(pr.name) > 0 {
				// The rest of an affiliation after the name:
				// "International Federation of Professional and
				// Technical Engineers".
				roles = append(roles, joinTokens(p))
			} else {
				roles = append(roles, pr.role)
			}
			continue
		}
		if pi == 0 {
			return ref{}
		}
		// An appositive we cannot read ("R-Jackson Township"): keep it in
		// the role, as written.
		roles = append(roles, joinTokens(p))
	}
	r.role = strings.Join(roles, ", ")
	r.surface = surface
	if len(r.name) == 0 && r.role == "" {
		return ref{}
	}
	return r
}

// possessive reports whether a word ends in ’s or 's.
func possessive(s string) bool { return strings.HasSuffix(s, "’s") || strings.HasSuffix(s, "'s") }

// nameOfPlace reads a title and a full name followed by "of" and a place
// or an institution. The name must have two words at least and a title
// before it, so that "Secretary of State Marco Rubio", "Bank of America"
// and "Grain Growers of Manitoba" stay as they are.
func nameOfPlace(toks []token, surface string) (ref, bool) {
	for k := 2; k < len(toks)-1; k++ {
		if !toks[k].word || toks[k].lower() != "of" {
			continue
		}
		head := parseRef(toks[:k])
		if len(head.name) < 2 || head.role == "" || head.org || head.pronoun != "" {
			return ref{}, false
		}
		head.role += " " + joinTokens(toks[k:])
		head.surface = surface
		return head, true
	}
	return ref{}, false
}

type partRef struct {
	name   []string
	role   string
	gender gender
	org    bool
}

// parsePart reads one comma-separated part of a reference: optional
// determiner, title words, then a name. It runs in steps: the words outside
// parentheses, where the name starts among them (nameStart), whether the
// part names an organisation (namesOrg), the gender its honorifics give,
// the name's words (personName), then the role before the name (roleOf).
func parsePart(toks []token) partRef {
	var pr partRef
	toks = dropDeterminer(toks)
	var wordsBuf [16]token // most parts have a few words: no allocation
	words := appendPartWords(wordsBuf[:0], toks)
	if len(words) == 0 {
		return pr
	}
	start := nameStart(words)
	pr.org = namesOrg(words[start:])
	pr.gender = honorificGender(words[:start])
	if !pr.org && start < len(words) {
		// An all-caps acronym alone is an organisation (MEA, DRDO), not a
		// person.
		if len(words)-start == 1 && words[start].allCaps() && utf8.RuneCountInString(words[start].s) > 2 {
			pr.org = true
		} else {
			pr.name = personName(toks, words[start:])
		}
	}
	pr.role = roleOf(toks, endOf(words, start), len(pr.name) == 0)
	if pr.org {
		pr.name = nil
	}
	return pr
}

// dropDeterminer drops the determiners that open a part: "the", "his"...
func dropDeterminer(toks []token) []token {
	for len(toks) > 0 && toks[0].word {
		switch toks[0].lower() {
		case "the", "a", "an", "my", "your", "our", "his", "her", "their", "its", "this", "that", "dear":
			toks = toks[1:]
			continue
		}
		break
	}
	return toks
}

// appendPartWords appends the words of a part outside parentheses to
// words: words in parentheses ("Secretary (West)") belong to the role.
func appendPartWords(words, toks []token) []token {
	depth := 0
	for _, t := range toks {
		switch {
		case t.is("("):
			depth++
		case t.is(")") && depth > 0:
			depth--
		case t.word && depth == 0:
			words = append(words, t)
		}
	}
	return words
}

// nameStart returns where the name starts among a part's words: the
// trailing run of name-like words after the last title word or
// honorific, less what cannot open a name. len(words) means no name.
func nameStart(words []token) int {
	start := len(words)
	for i := len(words) - 1; i >= 0; i-- {
		w := words[i]
		l := w.lower()
		if honorifics.has(l) || roleWords.has(l) || lowerRoleNouns.has(l) && !w.capitalised() || departmentWords.has(l) {
			break
		}
		// "Flickr’s Oona Decker", "Harbour Times Piet Vandam": a
		// possessive or an institution before a full name is the
		// person's affiliation.
		if after := len(words) - 1 - i; after >= 2 && (possessive(w.s) || lexicon.OrgWords[l]) {
			break
		}
		if isNameWord(w) || (nameParticles.has(l) && i > 0 && i < len(words)-1) || isSuffix(l) && i == len(words)-1 && i > 0 {
			start = i
			continue
		}
		break
	}
	// A particle cannot start a name, unless a title stands before it
	// ("President von der Leyen").
	afterTitle := start > 0 && (roleWords.has(words[start-1].lower()) || honorifics.has(words[start-1].lower()))
	for !afterTitle && start < len(words) && nameParticles.has(words[start].lower()) {
		start++
	}
	// The word after "of" or "for" names a place or office, not the person:
	// "President of Finland", "Secretary of State Marco Rubio".
	if start > 0 && start < len(words) {
		if l := words[start-1].lower(); l == "of" || l == "for" {
			start++
		}
	}
	// Sentence-initial capitalised function words ("Overall", "The") are
	// not names, but a month right after a title is a given name: "Rep.
	// August Pfluger", "Congresswoman Jan Schakowsky".
	for start < len(words) && nonNameWords.has(words[start].lower()) {
		if afterTitle && lexicon.MonthNames[words[start].lower()] && start+1 < len(words) {
			break
		}
		start++
	}
	// "Strategic Communications John Kirby", "Golfer Brittany Lind": title
	// qualifiers and descriptions at the head of a long run belong to the
	// role.
	for len(words)-start > 2 && (roleQualifiers.has(words[start].lower()) || lowerRoleNouns.has(words[start].lower()) || lexicon.OrgWords[words[start].lower()] || lexicon.ThingWords[words[start].lower()]) {
		start++
	}
	// "Acknowledging Cambodia", "Honoring Veterans": a verb in title
	// case does not start a name.
	if start < len(words)-1 && strings.HasSuffix(words[start].lower(), "ing") && utf8.RuneCountInString(words[start].s) > 6 {
		start++
	}
	return start
}

// namesOrg reports whether the words where a name would be name an
// organisation, a thing or a group, or a country of two or three words.
func namesOrg(name []token) bool {
	for _, w := range name {
		l := w.lower()
		if lexicon.OrgWords[l] || lexicon.ThingWords[l] || lexicon.ThingWords[strings.TrimSuffix(l, "s")] || lexicon.GroupWords[l] {
			return true
		}
	}
	if n := len(name); n == 2 || n == 3 {
		key := name[0].lower()
		for _, w := range name[1:] {
			key += " " + w.lower()
		}
		return lexicon.CountryNames[key]
	}
	return false
}

// honorificGender is the gender the last gendered honorific before a name
// gives: "Ms.", "Mr.".
func honorificGender(before []token) gender {
	g := unknownGender
	for _, w := range before {
		l := w.lower()
		if lexicon.MaleHonorifics[l] {
			g = male
		} else if lexicon.FemaleHonorifics[l] {
			g = female
		}
	}
	return g
}

// personName returns a person's name as written, without a possessive
// ("Melania Trump’s office said": the person is Melania Trump) and with
// an initial's full stop.
func personName(toks, name []token) []string {
	out := make([]string, 0, len(name))
	for _, w := range name {
		s := strings.TrimSuffix(strings.TrimSuffix(w.s, "’s"), "'s")
		if utf8.RuneCountInString(s) == 1 && followedByDot(toks, w) {
			s += "."
		}
		out = append(out, s)
	}
	return out
}

// roleOf returns the role of a part: everything before the name (which
// starts at byte nameAt) that is not an honorific, when it holds a title
// word; with no name, a role in parentheses ("(Ret.)") counts too.
func roleOf(toks []token, nameAt int, noName bool) string {
	var roleBuf [16]token // most roles have a few words: no allocation
	roleToks := roleBuf[:0]
	hasTitle := false
	for _, t := range toks {
		if t.start >= nameAt {
			break
		}
		if t.word && honorifics.has(t.lower()) {
			continue
		}
		if t.is(".") && len(roleToks) > 0 && roleToks[len(roleToks)-1].word && honorifics.has(roleToks[len(roleToks)-1].lower()) {
			continue
		}
		if t.word && (roleWords.has(t.lower()) || lowerRoleNouns.has(t.lower()) || roleQualifiers.has(t.lower())) {
			hasTitle = true
		}
		roleToks = append(roleToks, t)
	}
	// Drop a dot left behind by a dropped honorific: "Mr." → ".".
	for len(roleToks) > 0 && roleToks[0].is(".") {
		roleToks = roleToks[1:]
	}
	roleToks = trimRole(roleToks)
	if hasTitle {
		return joinTokens(roleToks)
	}
	if noName && len(roleToks) > 0 && inParens(toks) {
		return joinTokens(toks)
	}
	return ""
}

func followedByDot(toks []token, w token) bool {
	for i, t := range toks {
		if t.start == w.start {
			return i+1 < len(toks) && toks[i+1].is(".") && toks[i+1].start == w.end
		}
	}
	return false
}

func endOf(words []token, i int) int {
	if i < len(words) {
		return words[i].start
	}
	return 1 << 30
}

func inParens(toks []token) bool {
	return len(toks) > 1 && toks[0].is("(") && toks[len(toks)-1].is(")")
}

// isNameWord reports whether a word can be part of a person's name: it is
// capitalised (Misri, O’Brien, Jean-Pierre), an initial (J), or a short
// all-caps given name (JD).
func isNameWord(w token) bool {
	if !w.word || !w.capitalised() {
		return false
	}
	l := w.lower()
	if roleWords.has(l) || honorifics.has(l) {
		return false
	}
	if w.allCaps() && utf8.RuneCountInString(w.s) > 2 {
		return false // DRDO, ISRO, SCO: organisations
	}
	// "Colorado Springs-based", "Democrat-run": adjectives, not names.
	if hyphenAdjective(w.s) {
		return false
	}
	for _, r := range w.s {
		if unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// hyphenAdjective reports whether a word ends in a hyphen and an
// adjective's ending ("Springs-based"). It reads what
// strings.LastIndexAny(s, "-‑") found, byte by byte from the end instead
// of rune by rune through the list, which made most of isNameWord's cost.
// After a non-breaking hyphen (‑) the ending was read from the hyphen's
// second byte, which no ending matches: it still answers no there.
func hyphenAdjective(s string) bool {
	for i := len(s) - 1; i > 0; i-- {
		switch {
		case s[i] == '-':
			return lexicon.AdjectiveEndings[strings.ToLower(s[i+1:])]
		case s[i] == 0x91 && i >= 2 && s[i-1] == 0x80 && s[i-2] == 0xe2: // ‑ (U+2011)
			return false
		}
	}
	return false
}

func isSuffix(l string) bool {
	switch l {
	case "jr", "sr", "ii", "iii", "iv":
		return true
	}
	return false
}

// splitTopComma splits tokens on commas outside parentheses.
func splitTopComma(toks []token) [][]token {
	return appendTopComma(nil, toks)
}

// appendTopComma appends the parts splitTopComma returns to parts.
func appendTopComma(parts [][]token, toks []token) [][]token {
	depth, from := 0, 0
	for i, t := range toks {
		switch {
		case t.is("("):
			depth++
		case t.is(")"):
			if depth > 0 {
				depth--
			}
		case t.is(",") && depth == 0:
			if i > from {
				parts = append(parts, toks[from:i])
			}
			from = i + 1
		}
	}
	if from < len(toks) {
		parts = append(parts, toks[from:])
	}
	return parts
}

// joinTokens rebuilds the text of tokens with single spaces where the
// original had any space.
func joinTokens(toks []token) string {
	switch len(toks) {
	case 0:
		return ""
	case 1:
		return toks[0].s
	}
	// One allocation of the exact size, not one per growth.
	n := 0
	for i, t := range toks {
		if i > 0 && t.start > toks[i-1].end {
			n++
		}
		n += len(t.s)
	}
	var b strings.Builder
	b.Grow(n)
	for i, t := range toks {
		if i > 0 && t.start > toks[i-1].end {
			b.WriteByte(' ')
		}
		b.WriteString(t.s)
	}
	return b.String()
}

// normName folds a name for comparison: lower case, no dots or honorifics.
func normName(s string) string {
	var out []string
	var buf [16]token // names are short: no allocation
	for _, t := range appendTokens(buf[:0], s) {
		if !t.word {
			continue
		}
		l := t.lower()
		if honorifics.has(l) {
			continue
		}
		out = append(out, strings.ReplaceAll(l, "’", "'"))
	}
	return strings.Join(out, " ")
}

// roleKey folds a role for comparison: lower case words without determiners.
func roleKey(s string) string {
	var out []string
	var buf [16]token // roles are short: no allocation
	for _, t := range appendTokens(buf[:0], s) {
		if !t.word {
			continue
		}
		l := t.lower()
		if l == "the" || l == "a" || l == "an" {
			continue
		}
		out = append(out, l)
	}
	return strings.Join(out, " ")
}

func hasRoleWord(toks []token) bool {
	for _, t := range toks {
		if t.word && roleWords.has(t.lower()) {
			return true
		}
	}
	return false
}

// titleStops are words that end a name in title-case text.
var titleStops = newShapeSet(wordSet(`
before after with at in on for to during en route aboard via from and or the a an upon into
onto about regarding ahead following across against among between by over as vs versus
announces announce launches delivers remarks statement readout
honoring honouring commemorating celebrating announcing highlighting marking welcoming
delivering discussing touting launching signing unveiling hosting visiting recognizing
recognising awarding presenting meeting addressing calling urging outlining promoting
showcasing reaffirming reflecting speaking joins honors hosts visits signs meets
`))

// mention is a person named in running text.
type mention struct {
	ref   ref
	start int
}

// refMemo remembers what readRef made of tokens. readRef reads only the
// tokens' text and whether a space parts them, so that is the key; the
// refs it returns are never changed by their users, so one is shared.
// Parsers on several goroutines share it, under its lock, which is held
// only to look up and to store: readRef calls parseRef again.
type refMemo struct {
	mu sync.Mutex
	// refs holds the runs read or asked for lately; old the ones before,
	// until refs is full again: what is still asked for moves to refs.
	refs, old map[string]ref
}

// maxMemoRefs bounds each generation of the memo: when refs holds that
// many, it becomes old and the oldest are dropped. A few thousand hold
// the names a source repeats (more held more of memory, and saved no
// time over the corpus).
const maxMemoRefs = 1 << 12

var refs refMemo

// ForgetNames empties the memo of name runs that parsing keeps for the
// process. A parse gives the same briefing either way; tests that measure
// what a parse allocates call it first, so that runs remembered from
// earlier parses do not hide part of this one's cost.
func ForgetNames() {
	refs.mu.Lock()
	refs.refs, refs.old = nil, nil
	refs.mu.Unlock()
}

// parse returns readRef(toks), from the memo when the same words were
// read before.
func (m *refMemo) parse(toks []token) ref {
	var buf [128]byte
	k := buf[:0]
	for i, t := range toks {
		// Whether a space comes before, the length, then the text: no
		// two lists of tokens share a key.
		gap := byte(0)
		if i > 0 && t.start > toks[i-1].end {
			gap = 1
		}
		k = append(k, gap)
		k = binary.AppendUvarint(k, uint64(len(t.s)))
		k = append(k, t.s...)
	}
	m.mu.Lock()
	r, ok := m.refs[string(k)]
	if !ok {
		if r, ok = m.old[string(k)]; ok {
			m.store(string(k), r)
		}
	}
	m.mu.Unlock()
	if ok {
		return r
	}
	r = readRef(toks)
	kept := detached(r)
	m.mu.Lock()
	m.store(string(k), kept)
	m.mu.Unlock()
	return r
}

// store keeps r under key in the memo, its lock held.
func (m *refMemo) store(key string, r ref) {
	if m.refs == nil || len(m.refs) >= maxMemoRefs {
		m.old, m.refs = m.refs, make(map[string]ref, maxMemoRefs)
	}
	m.refs[key] = r
}

// detached returns a copy of r whose strings share no memory with the
// text they were read from: the memo outlives the page, whose text a
// name cut from it would keep alive.
func detached(r ref) ref {
	r.role = strings.Clone(r.role)
	r.surface = strings.Clone(r.surface)
	if r.name != nil {
		name := make([]string, len(r.name))
		for i, w := range r.name {
			name[i] = strings.Clone(w)
		}
		r.name = name
	}
	return r
}

// appendNameMentions appends to out the people a text names with a full
// name or a title and surname: "Foreign Secretary Vikram Misri", "Mr.
// Kirby", "President Trump’s". Single capitalised words alone are too often
// places or things to count.
func appendNameMentions(out []mention, toks []token) []mention {
	for i := 0; i < len(toks); {
		t := toks[i]
		if !t.word || !(t.capitalised() || honorifics.has(t.lower())) {
			i++
			continue
		}
		j := i
		possessive := false
		for j < len(toks) {
			c := toks[j]
			switch {
			case c.word && !c.capitalised() && (nameParticles.has(c.lower()) || c.lower() == "of" || c.lower() == "for" && hasRoleWord(toks[i:j])) && j+1 < len(toks) && toks[j+1].capitalised():
				j++
			case c.word && (c.lower() == "of" || c.lower() == "for") && onlyTitle(toks[i:j]) && j+2 < len(toks) && toks[j+1].word && toks[j+1].lower() == "the" && toks[j+2].capitalised():
				// "Secretary of the Treasury Scott Bessent"
				j += 2
			case c.word && j > i && c.capitalised() && titleStops.has(c.lower()):
				// Title case: "Remarks by President Biden Before Meeting
				// With Governors", "John Kirby En Route Denver".
				goto done
			case c.word && (c.capitalised() || honorifics.has(c.lower())):
				if strings.HasSuffix(c.s, "’s") || strings.HasSuffix(c.s, "'s") {
					possessive = true
				}
				j++
			case c.is(".") && j > i && toks[j-1].end == c.start && (abbreviations.has(toks[j-1].lower()) || honorifics.has(toks[j-1].lower()) || utf8.RuneCountInString(toks[j-1].s) == 1):
				j++
			default:
				goto done
			}
			if possessive {
				break
			}
		}
	done:
		run := toks[i:j]
		i = max(j, i+1)
		// Drop sentence-initial function words: "The", "At", "Overall".
		for len(run) > 0 && run[0].word && nonNameWords.has(run[0].lower()) && !honorifics.has(run[0].lower()) {
			run = run[1:]
		}
		// "of" may not end a run.
		for len(run) > 0 && !run[len(run)-1].capitalised() && !run[len(run)-1].is(".") {
			run = run[:len(run)-1]
		}
		if len(run) == 0 {
			continue
		}
		// A lone capitalised word ("India", "Today") names nobody we can
		// tell apart from a place or a thing: skip it before parsing.
		if len(run) == 1 {
			continue
		}
		if possessive {
			last := run[len(run)-1]
			last.s = strings.TrimSuffix(strings.TrimSuffix(last.s, "’s"), "'s")
			last.low = foldWord(last.s)
			last.end = last.start + len(last.s)
			run = append(append([]token(nil), run[:len(run)-1]...), last)
		}
		r := parseRef(run)
		if len(r.name) == 0 || len(r.name) > 4 {
			continue
		}
		if len(r.name) == 1 && r.role == "" && r.gender == unknownGender {
			continue
		}
		out = append(out, mention{ref: r, start: run[0].start})
	}
	return out
}

// onlyTitle reports whether words are a title so far, with no name yet:
// "Secretary" in "Secretary of the Treasury Scott Bessent", not "Prime
// Minister Mustafa Al-Kadhimi" before "of the Republic of Iraq".
func onlyTitle(toks []token) bool {
	title := false
	for _, t := range toks {
		if !t.word {
			continue
		}
		l := t.lower()
		switch {
		case roleWords.has(l):
			title = true
		case roleQualifiers.has(l) || honorifics.has(l) || l == "of" || l == "for" || l == "the":
		default:
			return false
		}
	}
	return title
}

// trimRole keeps the title of a role and drops what only ran into it:
// words before an "of" that comes ahead of the first title word ("Readout
// of President", "Office of First Lady", "Because of First Lady"), a
// leading function word ("As President", "Under President"), and trailing
// connectors ("Director of", "Chief Executive Officer of The").
func trimRole(toks []token) []token {
	if len(toks) == 0 {
		return toks
	}
	// "Joins First Lady", "Honors Former First Lady": a headline's verb,
	// and what it left ("Readout of President").
	for len(toks) > 1 && toks[0].word && (titleStops.has(toks[0].lower()) && toks[0].capitalised() || toks[0].lower() == "of") {
		toks = toks[1:]
	}
	first := -1
	for i, t := range toks {
		if t.word && (roleWords.has(t.lower()) || lowerRoleNouns.has(t.lower())) {
			first = i
			break
		}
	}
	for i := first - 1; i > 0; i-- {
		if t := toks[i]; t.word && (t.lower() == "of" || t.capitalised() && titleStops.has(t.lower())) {
			toks = toks[i+1:]
			break
		}
	}
	for len(toks) > 1 && toks[0].word {
		l := toks[0].lower()
		if l == "under" && !strings.HasPrefix(toks[1].lower(), "secretar") || l != "under" && nonNameWords.has(l) && !honorifics.has(l) {
			toks = toks[1:]
			continue
		}
		break
	}
	for len(toks) > 0 {
		t := toks[len(toks)-1]
		if t.word && (t.lower() == "of" || t.lower() == "the" || t.lower() == "for" || t.lower() == "and") || t.is(",") {
			toks = toks[:len(toks)-1]
			continue
		}
		break
	}
	return toks
}
