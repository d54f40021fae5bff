package topics

import (
	"unicode"
	"unicode/utf8"
)

// token is one word of a text, as the classifier sees it.
type token struct {
	// start and end are byte offsets of the word in the text it came from.
	start, end int
	// hyphened reports that the word follows the previous one after a
	// single hyphen, as in "know-how".
	hyphened bool
}

// wordShape describes how a word is written. It depends only on the word's
// bytes, so the classifier computes it once per distinct word.
type wordShape uint8

const (
	// shapeCaps marks a word with an upper-case letter and no lower-case
	// one (an acronym such as NATO or G7), which may match case-sensitive
	// terms.
	shapeCaps wordShape = 1 << iota
	// shapeUpper marks a word starting with an upper-case letter.
	shapeUpper
	// shapePluralCaps marks an acronym followed by a lower-case plural s,
	// such as "ICBMs": its form without the s may match an acronym.
	shapePluralCaps
)

// shapeOf returns the shape of a word.
func shapeOf(w string) wordShape {
	lower, upper := 0, 0
	var first rune = -1
	for _, r := range w {
		if first < 0 {
			first = r
		}
		if r < utf8.RuneSelf {
			switch byteClass[r] {
			case classLower:
				lower++
			case classUpper:
				upper++
			}
			continue
		}
		if unicode.IsUpper(r) {
			upper++
		} else if unicode.IsLower(r) {
			lower++
		}
	}
	var s wordShape
	if upper > 0 && lower == 0 {
		s |= shapeCaps
	}
	if first >= 0 && unicode.IsUpper(first) {
		s |= shapeUpper
	}
	if lower == 1 && upper >= 2 && w[len(w)-1] == 's' {
		s |= shapePluralCaps
	}
	return s
}

// tokenizer splits text into words: maximal runs of letters, digits and
// combining marks. Apostrophes split words, and a lone "s" after an
// apostrophe (a possessive) is dropped. Hyphens, dashes and all other
// characters separate words.
type tokenizer struct {
	text    string
	pos     int
	lastEnd int
	buf     []byte
}

func (t *tokenizer) reset(text string) {
	t.text = text
	t.pos = 0
	t.lastEnd = 0
}

// isHyphen reports whether gap is a single hyphen.
func isHyphen(gap string) bool {
	return gap == "-" || gap == "\u2010" || gap == "\u2011"
}

// Byte classes of ASCII characters.
const (
	classSep = iota
	classLower
	classUpper
	classDigit
)

var byteClass = func() (t [128]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = classLower
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = classUpper
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = classDigit
	}
	return t
}()

// isWordByte marks the bytes that may be part of a word: ASCII letters and
// digits, and every byte of a multi-byte character (checked rune by rune).
var isWordByte = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		t[c] = c >= utf8.RuneSelf || byteClass[c] != classSep
	}
	return t
}()

// next finds the next word, or returns false at the end of the text.
func (t *tokenizer) next(tok *token) bool {
	s := t.text
	for {
		i := t.pos
		// Skip separators.
		for i < len(s) {
			c := s[i]
			if c < utf8.RuneSelf {
				if isWordByte[c] {
					break
				}
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(s[i:])
			if isWordRune(r) {
				break
			}
			i += size
		}
		if i >= len(s) {
			t.pos = i
			return false
		}
		start := i
		for i < len(s) {
			c := s[i]
			if c < utf8.RuneSelf {
				if !isWordByte[c] {
					break
				}
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(s[i:])
			if !isWordRune(r) {
				break
			}
			i += size
		}
		t.pos = i
		// A possessive or contracted "s" after an apostrophe is no word.
		if i-start == 1 && s[start]|0x20 == 's' && start > 0 && isApostropheBefore(s, start) {
			continue
		}
		gap := start - t.lastEnd
		tok.hyphened = t.lastEnd > 0 && (gap == 1 && s[t.lastEnd] == '-' || gap == 3 && isHyphen(s[t.lastEnd:start]))
		t.lastEnd = i
		tok.start, tok.end = start, i
		return true
	}
}

// hashWord hashes a word eight bytes at a time. It needs no quality beyond
// spreading words over the word cache, which compares words in full.
func hashWord(w string) uint64 {
	const k = 0x9E3779B97F4A7C15
	h := uint64(len(w)) * k
	for len(w) >= 8 {
		v := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
		h = (h ^ v) * k
		w = w[8:]
	}
	var v uint64
	for i := 0; i < len(w); i++ {
		v |= uint64(w[i]) << (8 * i)
	}
	h = (h ^ v) * k
	return h ^ h>>29
}

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

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// isApostropheBefore reports whether the character just before byte i of s
// is an apostrophe (' or ’).
func isApostropheBefore(s string, i int) bool {
	if s[i-1] == '\'' {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r == '’' || r == 'ʼ'
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
