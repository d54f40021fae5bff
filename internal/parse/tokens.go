package parse

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a word or a punctuation mark, with its byte offsets in the text it
// came from.
type token struct {
	s          string
	low        string // foldWord(s) for words, computed once by tokenize
	start, end int
	word       bool
	caps       bool // a word that starts with an upper-case letter, set by tokenize
}

// lower returns the token in lower case without dots, the form the word
// lists use.
func (t token) lower() string {
	if t.low != "" {
		return t.low
	}
	return foldWord(t.s)
}

// foldWord lower-cases a word and drops its dots, without allocating when
// the word is already plain lower-case ASCII.
func foldWord(s string) string {
	plain := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || c == '.' || (c >= 'A' && c <= 'Z') {
			plain = false
			break
		}
	}
	if plain {
		return s
	}
	s = strings.ToLower(s)
	if strings.IndexByte(s, '.') >= 0 {
		s = strings.ReplaceAll(s, ".", "")
	}
	return s
}

// How foldWord would change a word: not at all (plain lower-case ASCII
// without dots), only by lower-casing ASCII letters, or otherwise (dots,
// non-ASCII).
const (
	foldPlain = iota
	foldUpper
	foldOther
)

func asciiFold(w string) int {
	kind := foldPlain
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 0x80 || c == '.':
			return foldOther
		case 'A' <= c && c <= 'Z':
			kind = foldUpper
		}
	}
	return kind
}

// appendASCIILower appends s to b with its ASCII letters lower-cased.
func appendASCIILower(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

// is reports whether the token is the punctuation mark s.
func (t token) is(s string) bool { return !t.word && t.s == s }

// capitalised reports whether a word starts with an upper-case letter.
// It is asked of most words many times over: the tokenizer tells once,
// and this is a field read.
func (t token) capitalised() bool { return t.caps }

// allCaps reports whether a word has letters and all of them are upper case.
func (t token) allCaps() bool {
	if !t.word {
		return false
	}
	letters := 0
	for _, r := range t.s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters > 0
}

// tokenize splits s into words and punctuation marks. A word is a run of
// letters, digits and marks; an apostrophe, hyphen, dot or ampersand inside a
// word (Asia’s, Jean-Pierre, U.S, AT&T) stays in it when a letter or digit
// follows.
func tokenize(s string) []token {
	return appendTokens(make([]token, 0, len(s)/5+1), s)
}

// appendTokens appends the tokens of s to toks, as tokenize returns them:
// a caller that reads one paragraph at a time reuses one slice.
func appendTokens(toks []token, s string) []token {
	// The lower-case forms of capitalised ASCII words are written one
	// after another into arena and made into one string at the end,
	// instead of one string each; until then their low is empty.
	var arenaBuf [256]byte
	arena := arenaBuf[:0]
	first := len(toks)
	i := 0
	for i < len(s) {
		if s[i] == ' ' {
			i++ // most often between tokens
			continue
		}
		var r rune
		var n int
		var word bool
		if c := s[i]; c < utf8.RuneSelf {
			r, n, word = rune(c), 1, asciiWordClass[c] == wordByte
		} else {
			r, n, word = runeAt(s, i)
		}
		switch {
		case word:
			// A word rune is no space: words are told first, and the
			// capital from the rune read.
			caps := 'A' <= r && r <= 'Z' || r >= utf8.RuneSelf && unicode.IsUpper(r)
			start := i
			i += n
			for {
				i = asciiWordEnd(s, i) // most of a word
				if i >= len(s) {
					break
				}
				r2, n2, word2 := runeAt(s, i)
				if word2 {
					i += n2
					continue
				}
				if isJoiner(r2) && i+n2 < len(s) {
					if _, _, word3 := runeAt(s, i+n2); word3 {
						i += n2
						continue
					}
				}
				break
			}
			w := s[start:i]
			var l string
			switch asciiFold(w) {
			case foldPlain:
				l = w
			case foldUpper:
				arena = appendASCIILower(arena, w)
			default:
				l = foldWord(w)
			}
			toks = append(toks, token{s: w, low: l, start: start, end: i, word: true, caps: caps})
		case r == ' ' || r == '\n' || unicode.IsSpace(r):
			i += n
		default:
			toks = append(toks, token{s: s[i : i+n], start: i, end: i + n})
			i += n
		}
	}
	if len(arena) > 0 {
		low := string(arena)
		for k := first; k < len(toks); k++ {
			if t := &toks[k]; t.word && t.low == "" {
				t.low, low = low[:len(t.s)], low[len(t.s):]
			}
		}
	}
	return toks
}

// asciiWordEnd returns where the run of ASCII letters and digits at s[i:]
// ends: a loop of its own, tighter than inside appendTokens.
func asciiWordEnd(s string, i int) int {
	for i < len(s) && asciiWordClass[s[i]] == wordByte {
		i++
	}
	return i
}

// runeAt decodes the rune at s[i:] and tells whether it is a word rune,
// ASCII by a table.
func runeAt(s string, i int) (r rune, n int, word bool) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1, asciiWordClass[c] == wordByte
	}
	r, n = utf8.DecodeRuneInString(s[i:])
	return r, n, isWordRune(r)
}

func isWordRune(r rune) bool {
	// General Punctuation (’ “ ” — … ‑) holds no letter, digit or mark:
	// answered before the tables' searches, which made most of the cost
	// of counting a news story's words.
	if generalPunctuation(r) {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// generalPunctuation reports whether r is in the General Punctuation
// block, U+2000 to U+206F.
func generalPunctuation(r rune) bool { return r >= 0x2000 && r <= 0x206f }

func isJoiner(r rune) bool {
	return r == '’' || r == '\'' || r == '-' || r == '.' || r == '&' || r == '‑'
}

// startsSentence reports whether a token can open a sentence.
func startsSentence(t token) bool {
	if t.word {
		r, _ := utf8.DecodeRuneInString(t.s)
		return unicode.IsUpper(r) || unicode.IsDigit(r)
	}
	switch t.s {
	case "‘", "“", "\"", "'", "(", "[", "«", "„", "—", "–", "-":
		return true
	}
	return false
}

// Classes of ASCII bytes for wordCount: letters and digits make words,
// joiners continue one ("don't", "co-op", "U.S.", "AT&T"). Other bytes,
// and those past ASCII, are 0.
const (
	wordByte = 1 + iota
	joinByte
)

var asciiWordClass = func() (t [256]uint8) {
	for c := 0; c < utf8.RuneSelf; c++ {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			t[c] = wordByte
		}
	}
	for _, c := range "'-.&" {
		t[c] = joinByte
	}
	return t
}()

// wordCount counts words the way people do: runs of letters or digits.
// Joiners ("don't", "co-op", "U.S.", "AT&T") neither end a word nor start
// one. Eight ASCII bytes are read at once, as bit masks of their letters
// and digits and their joiners; eight with a byte past ASCII or two
// joiners in a row, and the last few, are read byte by byte.
func wordCount(s string) int {
	n, i := 0, 0
	in := uint64(0) // 0x80 when a word runs on into the next byte
	for i+8 <= len(s) {
		b := s[i : i+8]
		x := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
			uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		if x&high == 0 {
			// Every byte is below 0x80, so adding up to 0x80 to each
			// carries into its own high bit only: v + (0x80-lo) sets it
			// when v >= lo, v + (0x7f-hi) when v > hi, v ^ c + 0x7f when
			// v != c.
			jn := high &^ ((x ^ '\''*ones + low7) & (x ^ '-'*ones + low7) & (x ^ '.'*ones + low7) & (x ^ '&'*ones + low7))
			if jn&(jn<<8) == 0 {
				y := x | 0x20*ones // A-Z to a-z
				w := ((y+(0x80-'a')*ones)&^(y+(0x7f-'z')*ones) | (x+(0x80-'0')*ones)&^(x+(0x7f-'9')*ones)) & high
				// A joiner goes on with a word before it (no joiner is
				// before it).
				e := w | jn&(w<<8|in)
				starts := w &^ (e<<8 | in)
				n += int((starts >> 7 * ones) >> 56) // the sum of the bytes' 0 or 1
				in = e >> 56 & 0x80
				i += 8
				continue
			}
		}
		i, n, in = wordCountBytes(s, i, i+8, n, in)
	}
	_, n, _ = wordCountBytes(s, i, len(s), n, in)
	return n
}

// Byte masks for wordCount: each byte of ones is 1, of high 0x80, of low7
// 0x7f.
const (
	ones = 0x0101010101010101
	high = 0x80 * ones
	low7 = 0x7f * ones
)

// wordCountBytes reads s[i:] for wordCount byte by byte, or rune by rune
// past ASCII, until it reaches end (a rune may run past it), with n
// words counted so far and in set when a word runs on.
func wordCountBytes(s string, i, end, n int, in uint64) (int, int, uint64) {
	for i < end {
		c := s[i]
		if c < utf8.RuneSelf {
			switch asciiWordClass[c] {
			case wordByte:
				if in == 0 {
					n++
				}
				in = 0x80
			case joinByte:
			default:
				in = 0
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		w := isWordRune(r)
		if w && in == 0 {
			n++
		}
		if !w && !(in != 0 && isJoiner(r)) {
			in = 0
		} else {
			in = 0x80
		}
	}
	return i, n, in
}

// titleCase turns an all-caps label word into its usual form: "LEAVITT" →
// "Leavitt", "JEAN-PIERRE" → "Jean-Pierre", "MCGURK" → "Mcgurk".
func titleCase(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	up := true
	for _, r := range s {
		if up {
			b.WriteRune(unicode.ToUpper(r))
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		up = !unicode.IsLetter(r) && r != '’' && r != '\''
	}
	return b.String()
}

// trimSpace trims spaces and returns the trimmed string with its start
// offset in s.
func trimSpan(s string, start, end int) (int, int) {
	for start < end && (s[start] == ' ' || s[start] == '\n') {
		start++
	}
	for end > start && (s[end-1] == ' ' || s[end-1] == '\n') {
		end--
	}
	return start, end
}

// slug makes an ID from a name: "Vikram Misri" → "vikram-misri".
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	if b.Len() == 0 {
		return "speaker"
	}
	return b.String()
}
