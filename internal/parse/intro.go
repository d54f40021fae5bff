package parse

import (
	"strings"
	"unicode/utf8"
)

// This file reads introducers: lines that say who speaks in the bare quotes
// that follow them. Round-ups and readouts put the speaker on a line of its
// own ("Steve Downer, Vice President, Amazon:", "Special Envoy Steve Witkoff
// on State of the Union"), lead into a list of quotes ("President Trump has
// stated no fewer than a dozen times that…:", "Here are the top moments from
// the address:"), or label each quote with its subject only ("On reciprocal
// tariffs: “…”").

// maxIntroWords bounds a line that names a speaker without a sentence: a
// name, a title and what the quotes are about.
const maxIntroWords = 16

// introTail starts what follows a speaker's name in a label or header: the
// show, the subject, a relative clause. "Tom Krause on restoring fiscal
// responsibility", "Allyson Phillips, whose daughter…".
var introTail = wordSet(`on about at to during in with from after before who whose which speaking discussing reacting responding writing regarding`)

// leadInWords open a lead-in that introduces quotes without naming their
// speaker, who is then the person the text is about: "Here are the top
// moments:", "Below are excerpts:".
var leadInWords = wordSet(`here below`)

// describes are the words that open a description of a person after a
// comma: "Allyson Phillips, whose daughter…", "John Vick, a veteran".
var describes = wordSet(`who whose which a an the one mother father wife husband son daughter sister brother widow parent parents`)

// nameSuffixes follow a name after a comma: "Robert E. Johnson, III",
// "Jane Roe, M.D.".
var nameSuffixes = wordSet(`jr sr ii iii iv v md phd dvm rn esq`)

// labelOpeners open a phrase that cannot be a speaker label.
var labelOpeners = wordSet(`on about regarding re in at for from with by after before during since as when while if`)

// labelWords are the lower-case words a label's titles and affiliations
// may hold besides the words of a name or title (npWord): "President and
// CEO", "Director of Technology Policy".
var labelWords = wordSet(`and for the at`)

// topicLabelWords open a label that gives a quote's subject, not its
// speaker: "On mortgage rates:", "About the deal:".
var topicLabelWords = wordSet(`on about regarding re`)

// labelRef reads a speaker label: a person's name with their title, and
// perhaps an appositive, a relative clause or a subject after it. It
// returns an invalid ref unless the label names a person by at least two
// words, or by a title and a name.
func labelRef(toks []token) ref {
	// "On voter ID:", "In South Carolina, arrests have tripled:" give a
	// subject or a place.
	if len(toks) == 0 || toks[0].word && labelOpeners[toks[0].lower()] {
		return ref{}
	}
	end := len(toks)
	for i := 1; i < len(toks); i++ {
		t := toks[i]
		if t.word && !t.capitalised() && introTail[t.lower()] {
			end = i
			break
		}
		// ", whose son…", ", a steelworker": a relative clause or a
		// description after a comma; other lower-case words there
		// (", family-owned Western Steel, praised the move") make the
		// lead-in a sentence, not a label.
		if t.is(",") && i+1 < len(toks) && toks[i+1].word && !toks[i+1].capitalised() && toks[i+1].lower() != "and" {
			if !describes[toks[i+1].lower()] {
				return ref{}
			}
			end = i
			break
		}
		if t.is(":") {
			end = i
			break
		}
	}
	for end > 0 && (toks[end-1].is(",") || toks[end-1].is("-")) {
		end--
	}
	if end == 0 {
		return ref{}
	}
	// What is left is a name with titles and affiliations: any other
	// lower-case word makes it a sentence ("ICE arrests have tripled").
	// "Lt. Gen. Keith Kellogg (ret.)": asides may be lower case.
	for i, t := range toks[:end] {
		if t.word && !npWord(t) && !allDigits(t.s) && !labelWords[t.lower()] && !insideParens(toks, i) {
			return ref{}
		}
	}
	r := parseRef(toks[:end])
	// "National Stone, Sand & Gravel Association Interim CEO Michele
	// Stanley": the name that follows the title is the person's, and
	// what comes before the commas is part of the organisation.
	if parts := splitTopComma(toks[:end]); len(parts) > 1 && (parsePart(parts[0]).role == "" || len(r.name) < 2) {
		for c := len(parts) - 1; c > 0; c-- {
			named := parseRef(parts[c])
			if len(named.name) < 2 || !endsWithTitle(named.role) {
				continue
			}
			var role []string
			for _, p := range parts[:c] {
				role = append(role, joinTokens(p))
			}
			role = append(role, named.role)
			// What follows the name: suffixes ("III", "M.D.") or more
			// of the title.
			for _, p := range parts[c+1:] {
				if s := joinTokens(p); !nameSuffixes[foldWord(strings.ReplaceAll(s, ".", ""))] {
					role = append(role, s)
				}
			}
			named.role = strings.Join(role, ", ")
			r = named
			break
		}
	}
	r.role = cleanLabelRole(r.role)
	// "Ministry of Foreign Affairs of the Kingdom of Saudi Arabia": a
	// name right after "of" names a place, and the label an office.
	if len(r.name) == 1 {
		for i, t := range toks[:end] {
			if t.word && t.s == r.name[0] && (afterOf(toks, i-1) || i > 1 && toks[i-1].capitalised() && afterOf(toks, i-2)) {
				return ref{}
			}
		}
	}
	if len(r.name) >= 2 || len(r.name) == 1 && r.role != "" {
		return r
	}
	return ref{}
}

// topicLabel reports whether the words before a quote only give its
// subject: "On mortgage rates:", ending with a colon.
func topicLabel(toks []otok) bool {
	n := len(toks)
	if n < 2 || !toks[n-1].is(":") {
		return false
	}
	words := 0
	for i, t := range toks[:n-1] {
		if t.isPlaceholder() {
			return false
		}
		if !t.word {
			continue
		}
		if words == 0 && !topicLabelWords[t.lower()] {
			return false
		}
		words++
		if i > 0 && words > maxIntroWords {
			return false
		}
	}
	return words >= 2
}

// introducer reads a paragraph without quotes of its own as an introducer
// and returns the speaker it gives the bare quotes after it, or nil.
func (a *articleParser) introducer(para int, toks []token) *person {
	n := len(toks)
	if n == 0 {
		return nil
	}
	words := 0
	for _, t := range toks {
		if t.word {
			words++
		}
	}
	at := pos(para, toks[0].start)
	// A byline names the writer, not a speaker.
	if toks[0].word && toks[0].lower() == "by" {
		return nil
	}
	if toks[n-1].is(":") {
		lead := toks[:n-1]
		if len(lead) == 0 {
			return nil
		}
		// "Steve Downer, Vice President, Amazon:"
		if words <= maxIntroWords {
			if r := labelRef(lead); r.valid() {
				return a.resolve(r, at, true)
			}
		}
		// "Here are the top moments from the address:"
		if lead[0].word && leadInWords[lead[0].lower()] {
			if p := a.sal.resolve(unknownGender, false); p != nil {
				return p
			}
			return a.reg.firstTitled()
		}
		// "…, President Trump has clearly stated no fewer than a dozen
		// times that Iran cannot have a nuclear weapon:"
		out := make([]otok, len(lead))
		for i, t := range lead {
			out[i] = otok{token: t}
		}
		sents := outlineSentences(out, "")
		last := out[sents[len(sents)-1][0]:]
		for v, t := range last {
			if !isSpeechVerb(t.token) {
				continue
			}
			if r, _ := subjectBefore(last, v); r.valid() {
				return a.resolve(r, at, true)
			}
		}
		// "President Trump made the same pledge no fewer than 40 times:"
		if r := sentenceSubject(last); r.valid() && a.plausible(r) {
			return a.resolve(r, at, true)
		}
		return nil
	}
	// "Special Envoy Steve Witkoff on State of the Union": a header line,
	// no sentence.
	if words > maxIntroWords || toks[n-1].is(".") || toks[n-1].is("?") || toks[n-1].is("!") {
		return nil
	}
	if r := labelRef(toks); len(r.name) >= 2 {
		return a.resolve(r, at, true)
	}
	return nil
}

// allDigits reports whether a word is digits only: "60 Plus Association".
func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// endsWithTitle reports whether a role ends with a title word, as a title
// right before a name does: "Sand & Gravel Association Interim CEO", not
// "International Federation of Professional and".
func endsWithTitle(role string) bool {
	f := strings.Fields(role)
	if len(f) == 0 {
		return false
	}
	l := foldWord(strings.TrimSuffix(f[len(f)-1], "."))
	return roleWords.has(l) || lowerRoleNouns.has(l) || honorifics.has(l)
}

// cleanLabelRole tidies the role a label gives: no name suffix left at its
// head ("Jr., NAACP Springfield Chapter President"), no space before a
// dot, no punctuation at its end.
func cleanLabelRole(role string) string {
	// Emphasis the Markdown reader left as text ("**Senator").
	role = strings.ReplaceAll(role, "*", "")
	role = strings.ReplaceAll(role, " .", ".")
	for {
		head, rest, ok := strings.Cut(role, ", ")
		if !ok || !nameSuffixes[foldWord(strings.ReplaceAll(head, ".", ""))] {
			break
		}
		role = rest
	}
	role = strings.TrimRight(role, " ,;:")
	// A full stop, unless it ends an abbreviation ("Lt. Gen.").
	if head, ok := strings.CutSuffix(role, "."); ok {
		f := strings.Fields(head)
		if len(f) == 0 || !abbreviations.has(foldWord(f[len(f)-1])) && utf8.RuneCountInString(f[len(f)-1]) > 1 {
			role = head
		}
	}
	return role
}

// afterOf reports whether toks[i] is "of" or "the".
func afterOf(toks []token, i int) bool {
	return i >= 0 && toks[i].word && (toks[i].lower() == "of" || toks[i].lower() == "the")
}
