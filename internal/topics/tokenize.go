package topics

import (
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// token is one word of a text, as the classifier sees it.
type token struct {
	// start and end are byte offsets of the word in the text it came from.
	start, end int
	// hash is hashSpan of the word, for the word caches.
	hash uint64
	// hyphened reports that the word follows the previous one after a
	// single hyphen, as in "know-how".
	hyphened bool
	// spaced reports that white space separates the word from the
	// previous one, or that it is the first: a word as people count them
	// starts there ("U.S." and "don't" are one).
	spaced bool
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
	// shapeNoName marks a capitalised word that is no name on its own
	// (isStopName). shapeOf leaves it to the classifier's word cache,
	// which sets it once per distinct word (state.wordInfo).
	shapeNoName
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
// characters separate words. reset finds all the words of a text at once,
// in toks; next returns them one by one.
type tokenizer struct {
	text string
	toks []token
	pos  int
	buf  []byte
}

// reset starts on a new text, finding its words.
func (t *tokenizer) reset(text string) {
	t.text = text
	t.toks = appendTokens(t.toks[:0], text)
	t.pos = 0
}

// next returns the next word, or false at the end of the text.
func (t *tokenizer) next(tok *token) bool {
	if t.pos >= len(t.toks) {
		return false
	}
	*tok = t.toks[t.pos]
	t.pos++
	return true
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

// isASCIIWord marks the ASCII letters and digits.
var isASCIIWord = func() (t [256]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = byteClass[c] != classSep
	}
	return t
}()

// appendTokens appends the words of s to dst. The loop makes no call for
// ASCII words under eight bytes, most words of English text.
func appendTokens(dst []token, s string) []token {
	i, lastEnd := 0, 0
	for {
		for i < len(s) && byteKind[s[i]] == kindSep {
			i++
		}
		if i < len(s) && byteKind[s[i]] == kindMulti {
			i = skipSeparators(s, i)
		}
		if i >= len(s) {
			return dst
		}
		start, end := i, i
		var hash uint64
		if start+8 <= len(s) {
			// Eight bytes at once: a short ASCII word ends among them.
			x := load64(s, start)
			if n := asciiWordBytes(x); n < 8 && byteKind[s[start+n]] != kindMulti {
				end, hash = start+n, hashShort(x, n)
			}
		}
		if end == start {
			end, hash = scanWord(s, start)
		}
		i = end
		// A possessive or contracted "s" after an apostrophe is no word.
		if end-start == 1 && s[start]|0x20 == 's' && start > 0 && isApostropheBefore(s, start) {
			continue
		}
		// The fields one by one: building a token and copying it would
		// read back, wide, what was just written narrow, which
		// processors do slowly.
		dst = append(dst, token{})
		tok := &dst[len(dst)-1]
		tok.start, tok.end, tok.hash = start, end, hash
		switch gap := start - lastEnd; {
		case lastEnd == 0:
			tok.spaced = true
		case gap == 1:
			// The common case: one separator.
			c := s[lastEnd]
			tok.hyphened = c == '-'
			tok.spaced = isSpaceByte[c]
		default:
			g := s[lastEnd:start]
			tok.hyphened = gap == 3 && isHyphen(g)
			tok.spaced = hasSpace(g)
		}
		lastEnd = end
	}
}

// isSpaceByte marks ASCII white space as hasSpace has it.
var isSpaceByte = [256]bool{' ': true, '\t': true, '\n': true, '\r': true}

// hasSpace reports whether gap holds white space, which separates words
// (a hyphen or an apostrophe alone does not).
func hasSpace(gap string) bool {
	for i := 0; i < len(gap); i++ {
		switch gap[i] {
		case ' ', '\t', '\n', '\r':
			return true
		case 0xc2: // U+00A0 no-break space
			if i+1 < len(gap) && gap[i+1] == 0xa0 {
				return true
			}
		}
	}
	return false
}

// Kinds of bytes, for the tokenizer's ASCII loops.
const (
	kindSep   = iota // an ASCII separator
	kindWord         // an ASCII letter or digit
	kindMulti        // a byte of a multi-byte character
)

var byteKind = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = kindMulti
		case byteClass[c] != classSep:
			t[c] = kindWord
		}
	}
	return t
}()

// skipSeparators returns the offset of the first word character of s at or
// after i, or len(s).
func skipSeparators(s string, i int) int {
	for {
		for i < len(s) && s[i] < utf8.RuneSelf && !isASCIIWord[s[i]] {
			i++
		}
		if i >= len(s) || s[i] < utf8.RuneSelf {
			return i
		}
		word, size := wordRuneAt(s, i)
		if word {
			return i
		}
		i += size
	}
}

// wordEnd returns the offset just past the word that starts at i.
func wordEnd(s string, i int) int {
	for {
		for i < len(s) && isASCIIWord[s[i]] {
			i++
		}
		if i >= len(s) || s[i] < utf8.RuneSelf {
			return i
		}
		word, size := wordRuneAt(s, i)
		if !word {
			return i
		}
		i += size
	}
}

// wordRuneAt decodes the multi-byte character at byte i of s and reports
// whether it is a word character (see isWordRune), and its size.
// Characters from U+2000 to U+203F (spaces, dashes, curly quotes, the
// ellipsis), the commonest in English text, are separators, recognised
// without decoding.
func wordRuneAt(s string, i int) (word bool, size int) {
	if s[i] == 0xe2 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2]&0xc0 == 0x80 {
		return false, 3
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	return isWordRune(r), size
}

// scanWord returns the end of the word that starts at byte start of s,
// and its hash (see hashSpan), whatever the word.
func scanWord(s string, start int) (end int, hash uint64) {
	end = start
	if start+8 <= len(s) {
		// Most words are short and ASCII: look at eight bytes at once.
		x := load64(s, start)
		n := asciiWordBytes(x)
		if n < 8 && byteKind[s[start+n]] != kindMulti {
			return start + n, hashShort(x, n)
		}
		end += n
		if n == 8 && start+16 <= len(s) {
			// And at eight more, as hashSpan would.
			x2 := load64(s, start+8)
			if n2 := asciiWordBytes(x2); n2 < 8 && byteKind[s[start+8+n2]] != kindMulti {
				const k = 0x9E3779B97F4A7C15
				h := (uint64(8+n2)*k ^ x) * k
				return start + 8 + n2, mixHash(h, x2&(1<<(8*n2)-1))
			}
		}
	}
	for end < len(s) && byteKind[s[end]] == kindWord {
		end++
	}
	if end < len(s) && byteKind[s[end]] == kindMulti {
		end = wordEnd(s, end)
	}
	return end, hashSpan(s, start, end)
}

// Lane masks for working on the eight bytes of a uint64 at once.
const (
	lanes01 = 0x0101010101010101
	lanes20 = 0x2020202020202020
	lanes80 = 0x8080808080808080
)

// asciiWordBytes returns how many of the bytes of x, lowest first, are
// ASCII letters or digits before the first that is not.
func asciiWordBytes(x uint64) int {
	return bits.TrailingZeros64(^wordLanes(x)&lanes80) / 8
}

// wordLanes returns the top bit of each byte of x that is an ASCII letter
// or digit. It tests all eight bytes at once: in each byte (clear of its
// top bit, so that no sum or difference carries into the next), adding
// 0x80-lo sets the top bit when the byte is at least lo, and subtracting
// it from 0x80+hi leaves the top bit set when it is at most hi.
func wordLanes(x uint64) uint64 {
	low := x &^ lanes80
	lower := low | lanes20 // letters folded to lower case
	letter := (lower + (0x80-'a')*lanes01) & ((0x80+'z')*lanes01 - lower)
	digit := (low + (0x80-'0')*lanes01) & ((0x80+'9')*lanes01 - low)
	return (letter | digit) &^ x & lanes80
}

// hashWord hashes a word. It needs no quality beyond spreading words over
// the word caches, which compare words in full.
func hashWord(w string) uint64 { return hashSpan(w, 0, len(w)) }

// hashSpan hashes s[start:end] eight bytes at a time. The last, partial
// group is read as the eight bytes that end at end, shifted, when s holds
// that many: one load instead of a loop over the bytes.
//
// Of words shorter than eight bytes, two with the same length and the same
// hash are the same word: each step (xor with a constant, multiplication
// by an odd number, h ^ h>>29) can be undone. So are two words of eight to
// sixteen bytes with the same length, hash and first eight bytes: those
// give the state before the second group is folded in, and the steps after
// can be undone. wordCache relies on it.
func hashSpan(s string, start, end int) uint64 {
	const k = 0x9E3779B97F4A7C15
	h := uint64(end-start) * k
	i := start
	for ; end-i >= 8; i += 8 {
		h = (h ^ load64(s, i)) * k
	}
	var v uint64
	if r := end - i; r > 0 {
		if end >= 8 {
			v = load64(s, end-8) >> (64 - 8*r)
		} else {
			for j := 0; j < r; j++ {
				v |= uint64(s[i+j]) << (8 * j)
			}
		}
	}
	return mixHash(h, v)
}

// hashShort returns hashSpan of the first n bytes (n < 8) of the eight in x.
func hashShort(x uint64, n int) uint64 {
	const k = 0x9E3779B97F4A7C15
	return mixHash(uint64(n)*k, x&(1<<(8*n)-1))
}

// mixHash folds the last group of bytes v into h and finishes the hash.
func mixHash(h, v uint64) uint64 {
	const k = 0x9E3779B97F4A7C15
	h = (h ^ v) * k
	return h ^ h>>29
}

// load64 reads eight bytes of s from i, little-endian; the compiler makes
// it one load.
func load64(s string, i int) uint64 {
	b := s[i : i+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
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
