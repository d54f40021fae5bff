package parse

import (
	"strings"

	"github.com/brief-reader/brief/internal/lexicon"
)

// This file reads attribution cues: the words around a quote that say who
// spoke ("he stated", "said Metallus CEO Mike Williams", "Misri said:",
// "according to the minister").

// placeholder stands for a quoted span inside an outline of narrative text.
const placeholder = "\uFFFC"

// otok is a token of an outline: narrative words and punctuation, with each
// top-level quoted span replaced by one placeholder token.
type otok struct {
	token
	sp *span // set for placeholders
}

func (o otok) isPlaceholder() bool { return o.sp != nil }

// auxiliaries may sit between a subject and a speech verb: "has said".
var auxiliaries = wordSet(`has had have was were is are been being`)

// blockers before a speech verb make it not a report of speech: "wanted to
// say", "will say", "did not say".
var blockers = wordSet(`to will would could should might may can must did does do not never cannot won't wouldn't didn't doesn't don't let`)

// npWord reports whether a word can be part of a noun phrase naming a
// person: a capitalised word, an honorific, a title, a name particle.
func npWord(t token) bool {
	if !t.word {
		return false
	}
	if t.capitalised() {
		return true
	}
	l := t.lower()
	return honorifics.has(l) || roleWords.has(l) || lowerRoleNouns.has(l) || roleQualifiers.has(l) || nameParticles.has(l) || l == "of"
}

func isPronoun(t token) bool {
	if !t.word {
		return false
	}
	switch t.lower() {
	case "he", "she":
		return true
	}
	return false
}

func isDeterminer(t token) bool {
	if !t.word {
		return false
	}
	switch t.lower() {
	case "the", "a", "an":
		return true
	}
	return false
}

// isSpeechVerb reports whether a word is a speech verb. Verbs are lower case
// in running text: "States" in "United States" is not one.
func isSpeechVerb(t token) bool { return t.word && !t.capitalised() && speechVerbs.has(t.s) }

// isReportingVerb reports whether a word reports what someone said or how
// they put it: a speech verb, or a verb of naming ("called", "described").
func isReportingVerb(t token) bool {
	return isSpeechVerb(t) || t.word && !t.capitalised() && (namingVerbs.has(t.s) || judgingVerbs.has(t.s))
}

// putIt reports whether toks[v] is "put" or "puts" followed by "it": "as
// a company spokesman put it", a speech verb of its own.
func putIt(toks []otok, v int) bool {
	l := toks[v].lower()
	return toks[v].word && (l == "put" || l == "puts") && v+1 < len(toks) && toks[v+1].word && toks[v+1].lower() == "it"
}

func isParticiple(t token) bool { return t.word && !t.capitalised() && participles.has(t.s) }

// chunkBack collects the noun phrase that ends at toks[end-1], going back
// over words, initials with their dots and parenthesised asides. It returns
// the start index (end when there is none).
func chunkBack(toks []otok, end int) int {
	j := end - 1
	depth := 0
	for j >= 0 {
		t := toks[j]
		switch {
		case t.isPlaceholder():
			return j + 1
		case t.is(")"):
			depth++
		case t.is("("):
			if depth == 0 {
				return j + 1
			}
			depth--
		case depth > 0:
			// Inside an aside: "(R-Fla.)", "(D-Ore.)".
		case (t.is("&") || t.is("-")) && j > 0 && j < end-1 && toks[j-1].word && toks[j+1].word:
			// "Exploration & Production Council"
		case t.is("."):
			// Only the dot of an abbreviation or initial: "Sen.", "J.".
			if !abbrevBefore(toks, j) {
				return j + 1
			}
		case isDeterminer(t.token):
			return j
		case npWord(t.token) && !isPronoun(t.token) && !(t.capitalised() && nonNameWords.has(t.lower()) && !honorifics.has(t.lower())):
		default:
			return j + 1
		}
		j--
	}
	return 0
}

// subjectBefore reads the person named just before toks[v], skipping
// adverbs and auxiliaries, following appositives back over commas
// ("Tanmaya Lal, Secretary (West), MEA, stated"). It returns the ref and
// the index where the subject starts.
func subjectBefore(toks []otok, v int) (ref, int) {
	j := v
	for j > 0 && toks[j-1].word && (lexicon.CueAdverbs[toks[j-1].lower()] || auxiliaries[toks[j-1].lower()] || lyAdverb(toks[j-1].token)) {
		j--
	}
	if j > 0 && toks[j-1].word && blockers[toks[j-1].lower()] {
		return ref{}, v
	}
	if j > 0 && isPronoun(toks[j-1].token) {
		// "he said", but not "told him" or "than she said".
		return parseRef([]token{toks[j-1].token}), j - 1
	}
	end := j
	// "Olwen Pryce, 63, says": an age between commas is no subject.
	if end > 3 && toks[end-1].is(",") && isNumeral(toks[end-2].token) && toks[end-3].is(",") {
		end -= 2
	}
	if end > 1 && toks[end-1].is(",") {
		end-- // "Tanmaya Lal, Secretary (West), MEA, stated"
		// "Noah Barkin, a senior adviser at Rhodium Group, said": a
		// described appositive between the name and the verb.
		if c := relativeAppositive(toks, end); c > 0 {
			if s := chunkBack(toks, c); s < c {
				if r := parseRef(plain(toks[s:c])); len(r.name) > 0 {
					return r, s
				}
			}
		}
		if c, role := describedAppositive(toks, end); c > 0 {
			if s := chunkBack(toks, c); s < c {
				if r := parseRef(plain(toks[s:c])); len(r.name) > 0 {
					if r.role == "" {
						r.role = role
					}
					r.surface = joinTokens(plain(toks[s:c]))
					return r, s
				}
			}
		}
	}
	start := chunkBack(toks, end)
	if start == end {
		// "the company said", "an industry lobbyist said": a
		// described voice, not a name.
		if r, s := describedVoice(toks, end); r.valid() {
			return r, s
		}
		return ref{}, v
	}
	r := parseRef(plain(toks[start:end]))
	// "Bishop Aram Sarkis of the Eastern Diocese told",
	// "Phil Mosser of consulting firm IMGX said": a person and
	// the body they belong to.
	if len(r.name) == 0 || r.org || acronymOnly(r) || isDeterminer(toks[start].token) {
		if p, s := affiliatedPerson(toks, start); len(p.name) > 0 {
			return p, s
		}
	}
	if (!r.valid() || acronymOnly(r)) && !(start > 0 && toks[start-1].is(",")) {
		// "The Maritime Cheese Association said", "the RCMP said": an
		// organisation speaking as a whole.
		if o, ok := orgRef(toks[start:end]); ok {
			return o, start
		}
	}
	if len(r.name) == 0 && r.role != "" && start > 0 {
		// "a Treasury spokeswoman", "an industry lobbyist": extend the
		// description back to its determiner.
		if r2, s := describedVoice(toks, end); r2.valid() && s < start {
			return r2, s
		}
	}
	// "state Sen. Jane Timken, R-Jackson Township said": a bare name after
	// a comma may be a place or affiliation following the titled name.
	if len(r.name) > 0 && r.role == "" && start >= 2 && toks[start-1].is(",") {
		if s2 := chunkBack(toks, start-1); s2 < start-1 {
			if r2 := parseRef(plain(toks[s2 : start-1])); len(r2.name) > 0 && r2.role != "" {
				r2.role += ", " + joinTokens(plain(toks[start:end]))
				r2.surface = joinTokens(plain(toks[s2:end]))
				return r2, s2
			}
		}
	}
	for tries := 0; tries < 3 && len(r.name) == 0; tries++ {
		// The chunk is an appositive (a title, an organisation): the name
		// may come before the comma.
		if start < 2 || !toks[start-1].is(",") {
			break
		}
		s2 := chunkBack(toks, start-1)
		if s2 == start-1 {
			break
		}
		r2 := parseRef(plain(toks[s2:end]))
		if !r2.valid() {
			break
		}
		start, r = s2, r2
	}
	if len(r.name) == 0 && !hasTitleWord(toks[start:end]) {
		if r, s := describedVoice(toks, end); r.valid() {
			return r, s
		}
		return ref{}, v
	}
	return r, start
}

// affiliatedPerson reads the person before "of" that a body's name at
// toks[start] belongs to: "Ambler of the Transit Workers Caucus", "Phil Mosser
// of consulting firm IMGX". Up to a few lower-case words may stand
// between "of" and the name. It returns an invalid ref otherwise.
func affiliatedPerson(toks []otok, start int) (ref, int) {
	k := start - 1
	for k > 0 && start-k <= maxDescriptionWords && toks[k].word && !toks[k].capitalised() && toks[k].lower() != "of" && !isPronoun(toks[k].token) && !isSpeechVerb(toks[k].token) {
		k--
	}
	if k < 1 || !toks[k].word || toks[k].lower() != "of" {
		return ref{}, start
	}
	s := chunkBack(toks, k)
	if s == k {
		return ref{}, start
	}
	r := parseRef(plain(toks[s:k]))
	if len(r.name) == 0 || r.org || acronymOnly(r) || isDeterminer(toks[s].token) {
		return ref{}, start
	}
	return r, s
}

// lyAdverb reports whether a word is a lower-case adverb in -ly that may
// stand between a subject and its verb: "frequently", "angrily".
func lyAdverb(t token) bool {
	return t.word && !t.capitalised() && len(t.s) > 5 && strings.HasSuffix(t.s, "ly")
}

// describedAppositive finds ", a senior adviser at Rhodium Group" ending at
// toks[end]: a comma, a determiner and a few words. It returns the index of
// the comma and the description without its determiner, or 0 when there is
// none.
//
// The description may open with a lower-case title ("executive director of
// the Valley Growers Council") and may hold a comma of its own ("a county
// official who works with Bridgeway, a housing charity").
func describedAppositive(toks []otok, end int) (int, string) {
	commas := 0
	for c := end - 2; c >= 1 && c >= end-maxAppositiveTokens; c-- {
		t := toks[c]
		if t.isPlaceholder() || t.is(".") && !(c > 0 && abbreviations.has(toks[c-1].lower())) && !abbrevBefore(toks, c) && !initialism(toks[c-1].s) {
			return 0, ""
		}
		if !t.is(",") {
			continue
		}
		if commas++; commas > maxAppositiveCommas || c+2 >= end {
			return 0, ""
		}
		open := toks[c+1].token
		desc := toks[c+2 : end]
		if pluralPossessive(toks, c+1) && c+3 < end {
			// "Jonas Ekberg, Rawlings’ campaign manager, said"
			desc = toks[c+3 : end]
		} else if !appositiveOpener(open) {
			if !open.word || open.capitalised() || isPronoun(open) || !hasTitleWord(toks[c+1:end]) {
				continue
			}
			desc = toks[c+1 : end]
		}
		if !hasTitleWord(desc) && !(isDeterminer(open) && plainDescription(desc)) {
			continue
		}
		return c, joinTokens(plain(desc))
	}
	return 0, ""
}

// plainDescription reports whether words after a determiner describe a
// person without a title: a few words ending in a lower-case noun that is
// no organisation's, with no verb ("the village school graduate").
func plainDescription(desc []otok) bool {
	if len(desc) == 0 || len(desc) > maxDescriptionWords+2 {
		return false
	}
	// The head names a person, not a body: "a housing charity" is an
	// organisation's description.
	last := desc[len(desc)-1]
	if !last.word || last.capitalised() || lexicon.OrgHeads[last.lower()] || lexicon.OrgWords[last.lower()] {
		return false
	}
	for _, t := range desc {
		if t.isPlaceholder() || t.word && (isSpeechVerb(t.token) || auxiliaries[t.lower()] || blockers[t.lower()] || t.lower() == "who" || t.lower() == "that") {
			return false
		}
	}
	return true
}

// Bounds of a description set off by commas between a name and its verb.
const (
	maxAppositiveTokens = 24
	maxAppositiveCommas = 2
)

// appositiveOpener reports whether a word opens a description set off by
// commas: a determiner, "another", or a possessive ("Brightline’s head of
// sponsored content").
func appositiveOpener(t token) bool {
	if isDeterminer(t) {
		return true
	}
	if !t.word {
		return false
	}
	l := t.lower()
	return l == "another" || possessive(l) || strings.HasSuffix(l, "s’") || strings.HasSuffix(l, "s'")
}

// pluralPossessive reports whether toks[i] is a word ending in s with an
// apostrophe of its own right after it: "Rawlings’", "the Joneses'".
func pluralPossessive(toks []otok, i int) bool {
	if i+1 >= len(toks) || !toks[i].word || !strings.HasSuffix(toks[i].s, "s") {
		return false
	}
	a := toks[i+1]
	return (a.is("’") || a.is("'")) && a.start == toks[i].end
}

// relativeAppositive finds ", who had lost his union’s vote…," ending at toks[end]:
// a relative clause between a name and its verb. It returns the index of
// the comma that opens it, or 0 when there is none.
func relativeAppositive(toks []otok, end int) int {
	for c := end - 2; c >= 1 && c >= end-24; c-- {
		t := toks[c]
		if t.isPlaceholder() || t.is(".") && !abbrevBefore(toks, c) {
			return 0
		}
		if t.is(",") && toks[c+1].word && (toks[c+1].lower() == "who" || toks[c+1].lower() == "whose") {
			return c
		}
	}
	return 0
}

// subjectAfter reads the person named right after a verb: "said Metallus CEO
// Mike Williams", "according to the Foreign Secretary".
func subjectAfter(toks []otok, from int) ref {
	if r, ok := describedNameAfter(toks, from); ok {
		return r
	}
	// "said the 31-year-old midfielder", "said the company".
	if from < len(toks) && isDeterminer(toks[from].token) {
		for h := from + 1; h < len(toks) && h <= from+2*maxDescriptionWords; h++ {
			t := toks[h]
			if !t.word && !t.is("-") {
				break
			}
			if t.word && (t.capitalised() || !(lexicon.OrgHeads[t.lower()] || lexicon.VoiceHeads[t.lower()] || lowerRoleNouns.has(t.lower()))) {
				continue
			}
			if h+1 < len(toks) && toks[h+1].word {
				continue // the head must end the phrase
			}
			if r, s := describedVoice(toks, h+1); r.valid() && s == from {
				return r
			}
			break
		}
	}
	end := from
	depth := 0
	for end < len(toks) {
		t := toks[end]
		if t.isPlaceholder() {
			break
		}
		if t.is("(") {
			depth++
		} else if t.is(")") && depth > 0 {
			depth--
		} else if depth > 0 {
		} else if t.is(".") {
			if end == 0 || !toks[end-1].word || !(abbreviations.has(toks[end-1].lower()) || honorifics.has(toks[end-1].lower()) || len([]rune(toks[end-1].s)) == 1) {
				break
			}
		} else if t.is(",") {
			// Continue over an appositive that is itself name-like.
			if end+1 < len(toks) && npWord(toks[end+1].token) && toks[end+1].capitalised() {
				end++
				continue
			}
			break
		} else if !(npWord(t.token) || (end == from && isDeterminer(t.token)) || (end == from && isPronoun(t.token))) {
			break
		}
		end++
	}
	// "said Cyril Ambler of the Transit Workers Caucus": the name without the "of"
	// its affiliation opens with.
	for end > from+1 && toks[end-1].word && toks[end-1].lower() == "of" {
		end--
	}
	if end == from {
		return ref{}
	}
	r := parseRef(plain(toks[from:end]))
	if len(r.name) == 0 && r.pronoun == "" && !hasTitleWord(toks[from:end]) {
		return ref{}
	}
	// "said Noah Barkin, a senior adviser at Rhodium Group."
	if len(r.name) > 0 && r.role == "" && end+2 < len(toks) && toks[end].is(",") && isDeterminer(toks[end+1].token) {
		stop := end + 2
		for stop < len(toks) && stop < end+14 && !toks[stop].isPlaceholder() && !toks[stop].is(",") && !(toks[stop].is(".") && !abbreviations.has(toks[stop-1].lower())) {
			stop++
		}
		if desc := toks[end+2 : stop]; hasTitleWord(desc) {
			r.role = joinTokens(plain(desc))
		}
	}
	return r
}

// describedVoice reads a voice described by a common noun, ending at
// toks[end-1]: "the company", "the ministry", "an industry lobbyist", "a
// Treasury spokeswoman", "police", "researchers". Organisations come back
// as org refs named by their description; people as a role with no name
// (an unnamed source). It returns an invalid ref when the words before the
// verb are no such description.
func describedVoice(toks []otok, end int) (ref, int) {
	j := end - 1
	if j < 0 || !toks[j].word || toks[j].capitalised() && !toks[j].allCaps() {
		return ref{}, end
	}
	head := toks[j].lower()
	org := lexicon.OrgHeads[head]
	if !org && !lexicon.VoiceHeads[head] && !lowerRoleNouns.has(head) && !roleWords.has(head) {
		return ref{}, end
	}
	start := -1
	for k := j - 1; k >= 0 && j-k <= maxDescriptionWords; k-- {
		t := toks[k]
		if !t.word || isPronoun(t.token) || isSpeechVerb(t.token) || blockers[t.lower()] || auxiliaries[t.lower()] {
			break
		}
		if isDeterminer(t.token) || t.lower() == "its" || t.lower() == "their" {
			start = k
			break
		}
	}
	if start < 0 {
		// No determiner: only a bare plural or mass noun opening the
		// clause ("Police said", "Researchers found").
		if !lexicon.PluralHeads[head] || j > 0 && toks[j-1].word {
			return ref{}, end
		}
		start = j
	}
	surface := joinTokens(plain(toks[start:end]))
	desc := titleRole(joinTokens(plain(toks[start+1 : end])))
	if start == j {
		desc = titleRole(surface)
	}
	if org {
		return ref{name: []string{desc}, surface: surface, org: true}, start
	}
	return ref{role: desc, surface: surface}, start
}

// orgRef reads a chunk of capitalised words as an organisation speaking as
// a whole: one that names an institution ("Maritime Cheese
// Association", "Larkspur Collegiate High School") or an acronym ("RCMP").
func orgRef(toks []otok) (ref, bool) {
	for len(toks) > 0 && isDeterminer(toks[0].token) {
		toks = toks[1:]
	}
	if len(toks) == 0 || len(toks) > 8 {
		return ref{}, false
	}
	institution := false
	for _, t := range toks {
		if !t.word {
			if t.is("&") || t.is("-") || t.is(".") {
				continue
			}
			return ref{}, false
		}
		l := t.lower()
		if !t.capitalised() && l != "of" && l != "and" && l != "for" && l != "the" {
			return ref{}, false
		}
		if lexicon.OrgWords[l] || lexicon.OrgHeads[l] || len(toks) == 1 && t.allCaps() && len(t.s) >= 2 {
			institution = true
		}
	}
	if !institution {
		return ref{}, false
	}
	surface := joinTokens(plain(toks))
	return ref{name: []string{surface}, surface: surface, org: true}, true
}

// acronymOnly reports whether a ref is a lone all-capitals word: "RCMP",
// "IRCC" speak for their institutions, not as people.
func acronymOnly(r ref) bool {
	if len(r.name) != 1 || r.role != "" {
		return false
	}
	n := r.name[0]
	if len(n) < 2 {
		return false
	}
	for _, c := range n {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}

// describedSubject reads a sentence that opens with a description and then
// a name of two words or more: "Retired bus driver Olwen Pryce,
// 63, says…". The description becomes the role.
func describedSubject(toks []otok) (ref, bool) {
	i := 0
	for i < len(toks) && i < maxDescriptionWords && toks[i].word && !(toks[i].capitalised() && i+1 < len(toks) && toks[i+1].word && toks[i+1].capitalised()) {
		if isPronoun(toks[i].token) || isSpeechVerb(toks[i].token) || auxiliaries[toks[i].lower()] {
			return ref{}, false
		}
		i++
	}
	if i == 0 || i >= len(toks) || !toks[i].word || !toks[i].capitalised() {
		return ref{}, false
	}
	end := i
	for end < len(toks) && toks[end].word && toks[end].capitalised() && isNameWord(toks[end].token) {
		end++
	}
	if end-i < 2 || end >= len(toks) || !(toks[end].is(",") || toks[end].word && !toks[end].capitalised()) {
		return ref{}, false
	}
	r := parseRef(plain(toks[i:end]))
	if len(r.name) < 2 || r.org {
		return ref{}, false
	}
	if r.role == "" {
		r.role = joinTokens(plain(toks[:i]))
	}
	return r, true
}

// isNumeral reports whether a token is a number: "56", "1,000".
func isNumeral(t token) bool {
	if !t.word {
		return false
	}
	for _, c := range t.s {
		if (c < '0' || c > '9') && c != ',' && c != '.' {
			return false
		}
	}
	return true
}

// maxDescriptionWords bounds a lower-case description before a name.
const maxDescriptionWords = 6

// describedNameAfter reads a name introduced by a lower-case description
// after a speech verb: "said farm equipment dealer Rolf Amund", "said harbour
// master Leo Brandt". The description becomes the role. The name must have
// two words at least, so that "said last week Trump…" finds nobody.
func describedNameAfter(toks []otok, from int) (ref, bool) {
	i := from
	// "says Guelph potter Mira Loesch": a place or an
	// organisation may qualify the description.
	for i < len(toks) && i-from < 3 && toks[i].word && toks[i].capitalised() && i+1 < len(toks) && toks[i+1].word && (toks[i+1].capitalised() || !npWord(toks[i+1].token) || lowerRoleNouns.has(toks[i+1].lower())) {
		i++
	}
	if i == from || i >= len(toks) || !toks[i].word || toks[i].capitalised() {
		i = from
	}
	lower := i
	for i < len(toks) && i-from < maxDescriptionWords && toks[i].word && !toks[i].capitalised() && !isDeterminer(toks[i].token) && !isPronoun(toks[i].token) {
		i++
	}
	if i == lower || i >= len(toks) || !toks[i].word || !toks[i].capitalised() {
		return ref{}, false
	}
	end := i
	for end < len(toks) && (npWord(toks[end].token) && toks[end].capitalised() || toks[end].is(".") && end > i && abbrevBefore(toks, end)) {
		end++
	}
	r := parseRef(plain(toks[from:end]))
	if len(r.name) < 2 || r.org {
		return ref{}, false
	}
	if r.role == "" {
		r.role = joinTokens(plain(toks[from:i]))
	}
	return r, true
}

// abbrevBefore reports whether the full stop at toks[i] closes an
// abbreviation, an honorific or an initial ("Sen.", "Dr.", "J.").
func abbrevBefore(toks []otok, i int) bool {
	if i == 0 || !toks[i-1].word || toks[i-1].end != toks[i].start {
		return false
	}
	l := toks[i-1].lower()
	return abbreviations.has(l) || honorifics.has(l) || len([]rune(toks[i-1].s)) == 1
}

func hasTitleWord(toks []otok) bool {
	for _, t := range toks {
		if t.word && (roleWords.has(t.lower()) || lowerRoleNouns.has(t.lower())) {
			return true
		}
	}
	return false
}

func plain(toks []otok) []token {
	out := make([]token, len(toks))
	for i, t := range toks {
		out[i] = t.token
	}
	return out
}

// cue is what the words around a quote say about who spoke.
type cue struct {
	who        ref
	found      bool
	participle bool // "…, saying ‘…’": the speaker is the clause's subject
	partial    bool // the quote is words inside reported speech
	// label is set for a label before a colon that names a person with a
	// title or a description ("Uber CEO Dara Khosrowshahi:"), not by name
	// alone, which an outlet's name may look like.
	label bool
}

// postCue reads an attribution after a quote: "he stated", "Misri
// acknowledged", "said Cody Swanson", "according to X".
func postCue(toks []otok) cue {
	i := 0
	for i < len(toks) && (toks[i].is(",") || toks[i].is("—") || toks[i].is("–") || toks[i].is("-")) {
		i++
	}
	if i >= len(toks) {
		return cue{}
	}
	if toks[i].word && toks[i].lower() == "according" && i+1 < len(toks) && toks[i+1].word && toks[i+1].lower() == "to" {
		if r := subjectAfter(toks, i+2); r.valid() {
			return cue{who: r, found: true}
		}
		return cue{}
	}
	if isSpeechVerb(toks[i].token) {
		j := i + 1
		for j < len(toks) && toks[j].word && lexicon.PhrasalParticles[toks[j].lower()] {
			j++
		}
		if r := subjectAfter(toks, j); r.valid() {
			return cue{who: r, found: true}
		}
		return cue{}
	}
	for v := i + 1; v < len(toks) && v <= i+14; v++ {
		t := toks[v]
		if t.isPlaceholder() || t.is(".") && !(v > 0 && abbreviations.has(toks[v-1].lower())) && !abbrevBefore(toks, v) && !initialism(toks[v-1].s) {
			break
		}
		if !isSpeechVerb(t.token) {
			continue
		}
		r, start := subjectBefore(toks, v)
		if r.valid() && start <= i {
			return cue{who: r, found: true}
		}
		break
	}
	return cue{}
}

// preCue reads an attribution before a quote: "Misri said:", "X told
// reporters that", "Senator Jane Doe:", "according to X,", "…, saying".
func preCue(toks []otok) cue {
	toks = trimEmphasis(toks)
	n := len(toks)
	if n == 0 {
		return cue{}
	}
	// Colon prefix: the whole lead-in is a name.
	if toks[n-1].is(":") && n >= 2 && !(toks[0].word && notLabels[toks[0].lower()]) {
		start := chunkBack(toks, n-1)
		if start == 0 {
			r := parseRef(plain(toks[:n-1]))
			if len(r.name) >= 2 || (len(r.name) == 0 && r.role != "" && hasTitleWord(toks[:n-1])) {
				return cue{who: r, found: true, label: r.role != ""}
			}
			// An organisation or outlet speaking as a whole: "National
			// Federation of Independent Business:", "The Hill:".
			if org, ok := orgName(toks[:n-1]); ok && !capsHeadline(toks[:n-1]) {
				return cue{who: org, found: true}
			}
			if len(r.name) > 0 {
				return cue{who: r, found: true}
			}
		} else if start > 0 && n-1 <= 3*maxIntroWords {
			// "Tom Palmer, President and CEO, Newmont Corporation:",
			// "Tom Krause on restoring fiscal responsibility:",
			// "Allyson Phillips, whose daughter … was killed:": a label
			// with an appositive, a subject or a description.
			if r := labelRef(plain(toks[:n-1])); r.valid() {
				return cue{who: r, found: true, label: true}
			}
			// "Airlines for America:"
			if org, ok := orgName(toks[:n-1]); ok && !(toks[0].word && labelOpeners[toks[0].lower()]) && !hasTitleWord(toks[:n-1]) && !capsHeadline(toks[:n-1]) {
				return cue{who: org, found: true}
			}
		}
	}
	// A speech verb close before the quote, followed only by an object
	// ("reporters", "them that", "in a statement").
	for v := n - 1; v >= 0 && v >= n-9; v-- {
		t := toks[v]
		if t.isPlaceholder() {
			break
		}
		if t.word && t.lower() == "according" && v+1 < n && toks[v+1].word && toks[v+1].lower() == "to" {
			if r := subjectAfter(toks, v+2); r.valid() {
				return cue{who: r, found: true}
			}
		}
		if isParticiple(t.token) {
			return cue{participle: true}
		}
		if putIt(toks, v) {
			// "As The Herald's Inez Calloway puts it, “…”"
			if r, _ := subjectBefore(toks, v); r.valid() && (v+2 >= n || objectOnly(toks[v+2:])) {
				return cue{who: r, found: true}
			}
			continue
		}
		if !isSpeechVerb(t.token) {
			continue
		}
		// The words between the verb and the quote must not hold another
		// clause's verb ("said the talks were good").
		if v+1 < n && !objectOnly(toks[v+1:]) {
			continue
		}
		if r, _ := subjectBefore(toks, v); r.valid() {
			return cue{who: r, found: true}
		}
		return cue{}
	}
	return cue{}
}

// orgName reads a lead-in made only of capitalised words and connectors
// as the name of an organisation, kept whole.
func orgName(toks []otok) (ref, bool) {
	words := 0
	depth := 0
	var kept []otok
	for _, t := range toks {
		// A parenthesised aside ("(Vienna, Austria)") is not part of the
		// name.
		if t.is("(") {
			depth++
			continue
		}
		if t.is(")") && depth > 0 {
			depth--
			continue
		}
		if depth > 0 {
			continue
		}
		kept = append(kept, t)
		switch {
		case t.word && (t.capitalised() || t.lower() == "of" || t.lower() == "and" || t.lower() == "for" || t.lower() == "the"):
			words++
		case t.is("&") || t.is("-") || t.is("."):
		default:
			return ref{}, false
		}
	}
	if words == 0 || words > 8 {
		return ref{}, false
	}
	surface := joinTokens(plain(kept))
	return ref{name: []string{surface}, surface: surface, org: true}, true
}

// objectWords may stand between a speech verb and its quote.
var objectWords = wordSet(`
that reporters reporter journalists us them him her me you the a an in at on of to during
statement interview briefing conference press audience crowd group crowds media
an audience gathered told news agency television radio earlier later today yesterday
monday tuesday wednesday thursday friday saturday sunday morning afternoon evening
night week recently then simply bluntly flatly firmly this year last
`)

func objectOnly(toks []otok) bool {
	depth := 0
	for _, t := range toks {
		if t.isPlaceholder() {
			return false
		}
		// "told the Canadian Press (CP),": an aside in parentheses.
		switch {
		case t.is("("):
			depth++
			continue
		case t.is(")") && depth > 0:
			depth--
			continue
		case depth > 0:
			continue
		}
		if !t.word {
			if t.is(",") || t.is(":") || t.is("—") || t.is("–") || t.is("-") || t.is(".") {
				continue
			}
			return false
		}
		if t.capitalised() || objectWords[t.lower()] {
			continue
		}
		return false
	}
	return true
}

// sentenceSubject reads the person a sentence is about: the noun phrase
// that opens it, or the one after a fronted phrase ("Speaking on…, Misri
// highlighted"). It returns an invalid ref when the subject is not a person.
func sentenceSubject(toks []otok) ref {
	if len(toks) == 0 {
		return ref{}
	}
	try := func(from int) ref {
		if from >= len(toks) {
			return ref{}
		}
		if isPronoun(toks[from].token) {
			if from+1 < len(toks) && toks[from+1].word && !toks[from+1].capitalised() {
				return parseRef([]token{toks[from].token})
			}
			return ref{}
		}
		end := from
		for end < len(toks) && !toks[end].isPlaceholder() && (npWord(toks[end].token) || isDeterminer(toks[end].token) && end == from || toks[end].is(".") && end > from && len([]rune(toks[end-1].s)) <= 3) {
			end++
		}
		// "Sen. Ansel Moody (I-Me.) on Monday attacked…": a party
		// and state in parentheses after the name.
		next := end
		if end > from && end < len(toks) && toks[end].is("(") {
			if c := closingParen(toks, end); c > 0 {
				next = c + 1
			}
		}
		// The subject must be followed by its verb (a lower-case word) or
		// an appositive.
		if end == from || next >= len(toks) || !(toks[next].word && !toks[next].capitalised() || toks[next].is(",")) {
			return ref{}
		}
		r := parseRef(plain(toks[from:end]))
		if len(r.name) == 0 {
			return ref{}
		}
		return r
	}
	if r := try(0); r.valid() {
		return r
	}
	// "Retired bus driver Olwen Pryce, 63, says…", "Oakville
	// accountant Dapo Ilesanmi says…": a description before the name.
	if r, ok := describedSubject(toks); ok {
		return r
	}
	// A fronted phrase ("Speaking on…,", "Shortly after his arrest,", "A
	// notice, posted shortly before noon on March 3,") ends at a
	// comma.
	for i, t := range toks {
		if i > 20 || t.isPlaceholder() {
			break
		}
		if t.is(",") {
			if r := try(i + 1); r.valid() {
				return r
			}
		}
	}
	return ref{}
}

// closingParen returns the index of the ")" closing the "(" at toks[open]
// within a short aside, or 0.
func closingParen(toks []otok, open int) int {
	for i := open + 1; i < len(toks) && i <= open+maxAsideTokens; i++ {
		switch {
		case toks[i].isPlaceholder() || toks[i].is("("):
			return 0
		case toks[i].is(")"):
			return i
		}
	}
	return 0
}

// maxAsideTokens bounds a parenthesised aside after a name: "(R-Fla.)".
const maxAsideTokens = 8

// trimEmphasis drops the asterisks and underscores of emphasis that the
// Markdown reader left as text ("**Isaac Herzog, President of Israel:
// **“…”") from both ends of a lead-in.
func trimEmphasis(toks []otok) []otok {
	for len(toks) > 0 && (toks[0].is("*") || toks[0].is("_")) {
		toks = toks[1:]
	}
	for len(toks) > 0 && (toks[len(toks)-1].is("*") || toks[len(toks)-1].is("_")) {
		toks = toks[:len(toks)-1]
	}
	return toks
}

// capsHeadline reports whether a lead-in is three or more words in
// capitals: a headline ("INFLATION IS DOWN:"), not an outlet ("USA
// TODAY:").
func capsHeadline(toks []otok) bool {
	words := 0
	for _, t := range toks {
		if !t.word {
			continue
		}
		if !t.allCaps() {
			return false
		}
		words++
	}
	return words >= 3
}
