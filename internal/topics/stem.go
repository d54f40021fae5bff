package topics

import (
	"unicode"
	"unicode/utf8"
)

// stemOf folds a token to lower case and stems it. The result aliases a
// scratch buffer valid until the next call.
func (t *tokenizer) stemOf(tok *token) []byte {
	w := t.text[tok.start:tok.end]
	buf := t.buf[:0]
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		buf = utf8.AppendRune(buf, unicode.ToLower(r))
		i += size
	}
	t.buf = buf
	return stem(buf)
}

// stemWord returns the stem of a single word, for building the vocabulary.
func stemWord(w string) string {
	var t tokenizer
	t.reset(w)
	var tok token
	if !t.next(&tok) {
		return ""
	}
	return string(t.stemOf(&tok))
}

// stem reduces a folded word to a light stem, in place. It conflates
// inflections (weapons, weapon), common derivations (negotiate,
// negotiation, negotiating, negotiator; defence, defensive) and British and
// American spellings (defence, defense; organise, organize; labour, labor;
// centre, center; programme, program; dialogue, dialog). It is deliberately
// lighter than Porter's algorithm, which merges words such as university
// and universe.
func stem(w []byte) []byte {
	n := len(w)
	if n <= 3 || !isASCII(w) {
		return w
	}
	// Most words need no rule; keepWord is consulted only for those that
	// would change.
	if !mayStem(w) {
		return w
	}
	if keepFilter[keepKey(w)] {
		if _, ok := keepWord[string(w)]; ok {
			return w
		}
	}
	stripped := false
	// Plurals.
	switch {
	case hasSuffix(w, "ies") && n > 4:
		w = append(w[:n-3], 'y')
		stripped = true
	case hasSuffix(w, "sses"):
		w = w[:n-2]
	case hasSuffix(w, "xes") || hasSuffix(w, "ches") || hasSuffix(w, "shes") || hasSuffix(w, "zes") && n > 5:
		w = w[:n-2]
	case hasSuffix(w, "ss") || hasSuffix(w, "us") || hasSuffix(w, "is"):
	case w[n-1] == 's':
		w = w[:n-1]
	}
	n = len(w)
	// Verb endings.
	switch {
	case hasSuffix(w, "ing") && n >= 6 && hasVowel(w[:n-3]):
		w = undouble(w[:n-3])
		stripped = true
	case hasSuffix(w, "ied") && n > 4:
		w = append(w[:n-3], 'y')
		stripped = true
	case hasSuffix(w, "eed"):
	case hasSuffix(w, "ed") && n >= 5 && hasVowel(w[:n-2]):
		w = undouble(w[:n-2])
		stripped = true
	}
	n = len(w)
	// Derivations.
	switch {
	case hasSuffix(w, "isation") || hasSuffix(w, "ization"):
		w = append(w[:n-7], 'i', 'z')
	case hasSuffix(w, "ation") && n >= 8:
		w = w[:n-3]
	case hasSuffix(w, "ator") && n >= 7:
		w = w[:n-2]
	case hasSuffix(w, "ive") && n >= 7:
		w = w[:n-3]
	case hasSuffix(w, "ise") && n >= 6:
		w = append(w[:n-3], 'i', 'z')
	case hasSuffix(w, "ize") && n >= 6:
		w = w[:n-1]
	case hasSuffix(w, "yse"):
		w = append(w[:n-3], 'y', 'z')
	case hasSuffix(w, "ogue"):
		w = w[:n-2]
	case hasSuffix(w, "mme"):
		w = w[:n-2]
	case hasSuffix(w, "tre") || hasSuffix(w, "bre"):
		w[n-2], w[n-1] = 'e', 'r'
	case hasSuffix(w, "our") && n >= 6:
		w[n-2] = 'r'
		w = w[:n-1]
	}
	n = len(w)
	if stripped && hasSuffix(w, "is") && n >= 5 {
		w[n-1] = 'z'
	}
	if n > 3 && w[n-1] == 'e' {
		w = w[:n-1]
	}
	if n := len(w); n >= 3 && n <= 10 && spellingEnd[w[n-1]] {
		if alt, ok := spelling[string(w)]; ok {
			w = append(w[:0], alt...)
		}
	}
	return w
}

// keepKey and keepFilter rule out most words without looking them up in
// keepWord.
func keepKey(w []byte) int {
	return (len(w)*131 + int(w[0])*7 + int(w[len(w)-2])*3 + int(w[len(w)-1])) & 1023
}

var keepFilter = func() (t [1024]bool) {
	for k := range keepWord {
		t[keepKey([]byte(k))] = true
	}
	return t
}()

// mayStem reports whether some rule of stem could apply to w: it ends in
// a letter a suffix rule strips or rewrites.
func mayStem(w []byte) bool {
	switch w[len(w)-1] {
	case 's', 'g', 'd', 'n', 'r', 'e', 'l', 'm', 'y', 'a':
		return true
	}
	return false
}

// spellingEnd marks the last letters of the keys of spelling, so that most
// stems skip the lookup.
var spellingEnd = func() (t [256]bool) {
	for k := range spelling {
		t[k[len(k)-1]] = true
	}
	return t
}()

// keepWord holds words the suffix rules would damage.
var keepWord = map[string]struct{}{
	"news": {}, "series": {}, "species": {}, "always": {}, "perhaps": {},
	"whereas": {}, "overseas": {}, "lens": {}, "bias": {}, "atlas": {},
	"chaos": {}, "bus": {}, "gas": {}, "during": {}, "nothing": {},
	"something": {}, "anything": {}, "everything": {}, "thing": {},
	"things": {}, "morning": {}, "evening": {}, "ceiling": {}, "string": {},
	"spring": {}, "bring": {}, "king": {}, "sing": {}, "wing": {},
	"ring": {}, "being": {}, "wedding": {}, "united": {}, "hundred": {},
	"embed": {}, "shred": {}, "seed": {}, "need": {}, "feed": {},
	"speed": {}, "indeed": {}, "naked": {}, "wicked": {}, "sacred": {},
	"kindred": {}, "hatred": {}, "red": {}, "bed": {}, "ready": {},
	"arms": {}, "securities": {}, "relations": {}, "physics": {}, "ethics": {},
	// Plurals and -ing forms whose base is a different, common word:
	// goods (good), talks (talk), housing (house), vetting (vet).
	"goods": {}, "customs": {}, "ties": {}, "talks": {}, "games": {},
	"granted": {}, "dealing": {}, "training": {}, "learning": {},
	"housing": {}, "shipping": {}, "drilling": {}, "fighting": {},
	"heating": {}, "trafficking": {}, "unions": {}, "patients": {},
	"vetting": {}, "tanks": {}, "drills": {}, "arts": {}, "spending": {},
	"funding": {}, "briefing": {}, "briefings": {}, "meeting": {},
	"meetings": {}, "building": {}, "buildings": {},
}

// spelling maps stems of British spellings to their American stems where
// the suffix rules alone do not conflate them.
var spelling = map[string]string{
	"defenc":     "defens",
	"offenc":     "offens",
	"licenc":     "licens",
	"pretenc":    "pretens",
	"aluminium":  "aluminum",
	"aeroplan":   "airplan",
	"fulfil":     "fulfill",
	"enrol":      "enroll",
	"travell":    "travel",
	"modell":     "model",
	"labell":     "label",
	"cancell":    "cancel",
	"fuell":      "fuel",
	"signall":    "signal",
	"jewellery":  "jewelry",
	"tyr":        "tir",
	"grey":       "gray",
	"manoeuvr":   "maneuver",
	"maneuv":     "maneuver",
	"haemorrhag": "hemorrhag",
	"oestrogen":  "estrogen",
	"paediatric": "pediatric",
	"anaesthes":  "anesthes",
	"foetu":      "fetu",
	"diarrhoea":  "diarrhea",
	"leukaemia":  "leukemia",
	"oesophag":   "esophag",
}

func hasSuffix(w []byte, s string) bool {
	return len(w) >= len(s) && string(w[len(w)-len(s):]) == s
}

func hasVowel(w []byte) bool {
	for _, c := range w {
		switch c {
		case 'a', 'e', 'i', 'o', 'u', 'y':
			return true
		}
	}
	return false
}

// undouble removes one of a doubled final consonant left by stripping
// -ing or -ed (planned, plan; shipping, ship), but keeps ll, ss and zz
// (called, missed).
func undouble(w []byte) []byte {
	n := len(w)
	if n >= 3 && w[n-1] == w[n-2] {
		switch w[n-1] {
		case 'l', 's', 'z', 'a', 'e', 'i', 'o', 'u':
			return w
		}
		return w[:n-1]
	}
	return w
}

func isASCII(w []byte) bool {
	for _, c := range w {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
