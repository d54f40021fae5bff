// Package textclean turns untrusted bytes into safe, normalised text.
//
// brief prints text that other people wrote into a terminal. Every briefing
// file, file name, flag value and metadata string passes through this package
// before it is parsed or shown, so that no byte sequence in it can drive the
// terminal (move the cursor, clear the screen, set the window title, write the
// clipboard, open a hyperlink) or reorder what the reader sees, and so that the
// parser sees one kind of line break and one kind of space.
//
// Decode checks raw file bytes and then calls Normalize. Normalize applies
// these rules, in one pass:
//
//   - CRLF, lone CR, U+2028, U+2029, form feed and vertical tab become LF.
//   - Tab, NBSP (U+00A0), U+2000–U+200A, U+202F, U+205F and U+3000 become
//     an ASCII space.
//   - Terminal control sequences are removed whole: CSI (ESC [ or U+009B,
//     parameter and intermediate bytes 0x20–0x3F, final byte 0x40–0x7E),
//     OSC (ESC ] or U+009D), DCS (ESC P or U+0090), SOS (ESC X or U+0098),
//     PM (ESC ^ or U+009E) and APC (ESC _ or U+009F), and the other ESC
//     sequences (ESC, intermediates 0x20–0x2F, one final byte 0x30–0x7E, such
//     as ESC c, ESC 7 or ESC ( B). A control string (OSC, DCS, SOS, PM, APC)
//     ends at BEL, at ST (ESC \ or U+009C), or is cancelled by CAN or SUB;
//     one that is not terminated runs to the end of the line (LF, CR, VT or
//     FF, which is kept) or of the text. An ESC inside a control string that
//     is not followed by a backslash ends the string and starts a new
//     sequence. A CSI cut short by any other byte loses what was read of it,
//     and the byte that cut it short is treated as ordinary text.
//   - Every other C0 control except LF, DEL and every other C1 code point
//     (U+0080–U+009F) is dropped.
//   - Bidi controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069),
//     zero-width characters (U+200B, U+200C, U+200D, U+2060, U+FEFF), the
//     soft hyphen U+00AD and Unicode tag characters (U+E0000–U+E007F) are
//     dropped. Dropping U+200D also splits emoji ZWJ sequences into their
//     parts: a family emoji is shown as its members.
//   - A byte that is not part of valid UTF-8 becomes U+FFFD, so the result is
//     always valid UTF-8 even when the input was not.
//
// Nothing else changes: letters in any script, emoji, combining marks, curly
// quotes and dashes pass through untouched. The output holds no byte below
// 0x20 other than LF, no DEL and no C1 code point, so it cannot start a
// control sequence, and Normalize is idempotent.
package textclean

import (
	"math/bits"
	"strconv"
	"strings"
	"unicode/utf8"
)

// action says what Normalize does with a code point that is not part of a
// control sequence.
type action uint8

const (
	keep action = iota
	drop
	toSpace
	toNewline
)

// Bytes and code points that open, end or cancel a control sequence.
const (
	esc    = 0x1B
	c1DCS  = 0x90
	c1SOS  = 0x98
	c1CSI  = 0x9B
	c1ST   = 0x9C
	c1OSC  = 0x9D
	c1PM   = 0x9E
	c1APC  = 0x9F
	bel    = 0x07
	can    = 0x18
	sub    = 0x1A
	stLead = 0xC2 // first byte of U+0080–U+00BF in UTF-8, so of U+009C (ST)
)

// classify says what to do with a non-ASCII code point outside a control
// sequence. The C1 introducers are handled by the caller before this.
func classify(r rune) action {
	switch {
	case r < 0xA0: // C1 controls.
		return drop
	case r == 0xA0:
		return toSpace
	case r == 0xAD:
		return drop
	case r == 0x061C:
		return drop
	case r < 0x2000:
		return keep
	case r <= 0x200A:
		return toSpace
	case r <= 0x200F: // U+200B–U+200D zero-width, U+200E–U+200F bidi marks.
		return drop
	case r < 0x2028:
		return keep
	case r <= 0x2029:
		return toNewline
	case r <= 0x202E: // Bidi embeddings and overrides.
		return drop
	case r == 0x202F:
		return toSpace
	case r < 0x205F:
		return keep
	case r == 0x205F:
		return toSpace
	case r == 0x2060:
		return drop
	case r < 0x2066:
		return keep
	case r <= 0x2069: // Bidi isolates.
		return drop
	case r == 0x3000:
		return toSpace
	case r == 0xFEFF:
		return drop
	case r >= 0xE0000 && r <= 0xE007F:
		return drop
	}
	return keep
}

// Masks for testing eight bytes at once.
const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// lead describes each byte as the first byte of a UTF-8 sequence: the low
// bits hold the length of the sequence when any continuation bytes will do,
// and are 0 for ASCII, for the lead bytes whose second byte has a narrower
// range (E0, ED, F0, F4) and for bytes that cannot lead. The watch bit marks
// the lead bytes of the code points Normalize changes (see mayChange).
var lead = func() (t [256]uint8) {
	for c := 0xC2; c <= 0xF3; c++ {
		switch {
		case c == 0xE0 || c == 0xED || c == 0xF0:
		case c <= 0xDF:
			t[c] = 2
		case c <= 0xEF:
			t[c] = 3
		default:
			t[c] = 4
		}
	}
	for _, c := range []byte{0xC2, 0xD8, 0xE2, 0xE3, 0xEF, 0xF3} {
		t[c] |= watch
	}
	return t
}()

const watch = 0x80

// firstChange returns the index of the first byte of s that Normalize must
// change, or -1 if s is already normal.
func firstChange[T text](s T) int {
	i := 0
	for i < len(s) {
		// Skip eight bytes of printable ASCII at a time, and go straight to
		// the first byte that is not: line breaks and curly quotes are
		// common, and most of them need no change.
		if i+8 <= len(s) {
			m := unusual(word(s[i : i+8]))
			if m == 0 {
				i += 8
				continue
			}
			i += bits.TrailingZeros64(m) / 8
		}
		// Step over that byte, and on while the text is not ASCII, which
		// would flag every word.
		for i < len(s) {
			c := s[i]
			if c < utf8.RuneSelf {
				if (c < 0x20 && c != '\n') || c == 0x7F {
					return i
				}
				i++
				break
			}
			k := lead[c]
			n := int(k &^ watch)
			switch {
			case n == 2 && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			case n == 3 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			case n == 4 && i+3 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 && s[i+3]&0xC0 == 0x80:
			default:
				if n = validLen(s, i); n == 0 {
					return i
				}
			}
			if k&watch != 0 {
				// U+2000–U+207F, tested inline because curly quotes, dashes
				// and ellipses are common and need only a mask lookup.
				if c == 0xE2 {
					if s[i+1] <= 0x81 && e2Masks[s[i+1]&1]>>(s[i+2]&0x3F)&1 != 0 {
						return i
					}
				} else if mayChange(s, i) {
					return i
				}
			}
			i += n
			if i < len(s) && s[i] < utf8.RuneSelf {
				break
			}
		}
	}
	return -1
}

// word reads eight bytes as a little-endian word, so that the byte at the
// lowest index is the lowest byte whatever the machine.
func word[T text](s T) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// unusual returns w with the high bit of a byte set where the byte is not
// printable ASCII (0x20–0x7E): below 0x20 (the subtraction borrows into its
// high bit), 0x7F (the addition carries into it) or with its high bit set
// already. A borrow or carry leaking into a higher byte can flag it too, but
// only above a byte flagged already, so the lowest flag is exact: it marks
// the first byte that is not printable ASCII, if any.
func unusual(w uint64) uint64 {
	return ((w - 0x20*ones) | (w + ones) | w) & highs
}

// validLen returns the length of the valid UTF-8 sequence of two or more
// bytes at s[i], or 0 if there is none. It accepts what utf8.DecodeRune
// accepts: no overlong forms, no surrogates, nothing past U+10FFFF.
func validLen[T text](s T, i int) int {
	c := s[i]
	lo, hi := byte(0x80), byte(0xBF) // The range of the second byte.
	switch {
	case c >= 0xC2 && c <= 0xDF:
		if i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			return 2
		}
		return 0
	case c >= 0xE0 && c <= 0xEF:
		if c == 0xE0 {
			lo = 0xA0
		} else if c == 0xED {
			hi = 0x9F
		}
		if i+2 < len(s) && s[i+1] >= lo && s[i+1] <= hi && s[i+2]&0xC0 == 0x80 {
			return 3
		}
		return 0
	case c >= 0xF0 && c <= 0xF4:
		if c == 0xF0 {
			lo = 0x90
		} else if c == 0xF4 {
			hi = 0x8F
		}
		if i+3 < len(s) && s[i+1] >= lo && s[i+1] <= hi && s[i+2]&0xC0 == 0x80 && s[i+3]&0xC0 == 0x80 {
			return 4
		}
	}
	return 0
}

// e2Masks has a bit set for each code point Normalize changes in
// U+2000–U+203F (E2 80 xx in UTF-8) and U+2040–U+207F (E2 81 xx), indexed by
// the low six bits of the third byte: U+2000–U+200F, U+2028–U+202F, U+205F,
// U+2060 and U+2066–U+2069.
var e2Masks = [2]uint64{
	0xFFFF | 0xFF<<0x28,
	1<<0x1F | 1<<0x20 | 0xF<<0x26,
}

// mayChange reports whether the code point at s[i], a valid UTF-8 sequence
// of two or more bytes, is one Normalize changes or removes. It looks at the
// bytes rather than decoding them: every such code point starts with one of
// six lead bytes.
func mayChange[T text](s T, i int) bool {
	switch s[i] {
	case 0xC2: // U+0080–U+00BF.
		return s[i+1] <= 0xA0 || s[i+1] == 0xAD
	case 0xD8: // U+0600–U+063F.
		return s[i+1] == 0x9C
	case 0xE2: // U+2000–U+2FFF.
		return s[i+1] <= 0x81 && e2Masks[s[i+1]&1]>>(s[i+2]&0x3F)&1 != 0
	case 0xE3: // U+3000–U+3FFF.
		return s[i+1] == 0x80 && s[i+2] == 0x80
	case 0xEF: // U+F000–U+FFFF.
		return s[i+1] == 0xBB && s[i+2] == 0xBF
	case 0xF3: // U+C0000–U+FFFFF.
		return s[i+1] == 0xA0 && s[i+2] <= 0x81
	}
	return false
}

// Normalize cleans text by the rules in the package documentation. It is
// meant for text that is already valid UTF-8, such as a decoded file, a flag
// value, a file name or a YAML value; bytes that are not valid UTF-8 become
// U+FFFD. When nothing needs to change it returns s itself without
// allocating.
func Normalize(s string) string {
	i := firstChange(s)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	normalizeFrom(&b, s, i)
	return b.String()
}

// normalizeFrom writes the normalised form of s to b, copying s[:i] as it
// is. The byte at s[i] must be the first that needs a change. It returns
// the offset of the first byte of s that is not part of valid UTF-8, or -1
// if there is none, so that Decode need not check the bytes again: every
// byte is either scanned by firstChange, which stops at a bad one, or
// skipped in a control sequence, which is checked here.
func normalizeFrom[T text](b *strings.Builder, s T, i int) (bad int) {
	bad = -1
	writeText(b, s[:i])
	for {
		// s[i] needs a change: work out the replacement and where the
		// text resumes.
		var repl string
		next := i + 1
		skipped := false // a control sequence, whose string may hold any bytes
		if c := s[i]; c < utf8.RuneSelf {
			switch c {
			case '\r':
				repl = "\n"
				if next < len(s) && s[next] == '\n' {
					next++
				}
			case '\t':
				repl = " "
			case '\v', '\f':
				repl = "\n"
			case esc:
				next, skipped = skipEscape(s, next), true
			}
		} else if size := validLen(s, i); size == 0 {
			repl = string(utf8.RuneError)
			if bad < 0 {
				bad = i
			}
		} else {
			next = i + size
			switch r := decodeValid(s[i:next]); r {
			case c1CSI:
				next, skipped = skipCSI(s, next), true
			case c1OSC, c1DCS, c1SOS, c1PM, c1APC:
				next, skipped = skipString(s, next), true
			default:
				switch classify(r) {
				case keep: // firstChange stops only at changes; be safe anyway.
					repl = string(s[i:next])
				case toSpace:
					repl = " "
				case toNewline:
					repl = "\n"
				}
			}
		}
		b.WriteString(repl)
		if skipped && bad < 0 {
			if k := invalidOffset(s[i:next]); k < next-i {
				bad = i + k
			}
		}
		// Copy the text up to the next change.
		j := firstChange(s[next:])
		if j < 0 {
			writeText(b, s[next:])
			return bad
		}
		i = next + j
		writeText(b, s[next:i])
	}
}

// decodeValid decodes s, one valid UTF-8 sequence of two to four bytes
// (as validLen measures it), without checking it again.
func decodeValid[T text](s T) rune {
	switch len(s) {
	case 2:
		return rune(s[0]&0x1F)<<6 | rune(s[1]&0x3F)
	case 3:
		return rune(s[0]&0x0F)<<12 | rune(s[1]&0x3F)<<6 | rune(s[2]&0x3F)
	}
	return rune(s[0]&0x07)<<18 | rune(s[1]&0x3F)<<12 | rune(s[2]&0x3F)<<6 | rune(s[3]&0x3F)
}

// text is what the scanners read: a string, or the bytes of a file not yet
// copied into one.
type text interface{ string | []byte }

// writeText writes s to b.
func writeText[T text](b *strings.Builder, s T) {
	switch s := any(s).(type) {
	case string:
		b.WriteString(s)
	case []byte:
		b.Write(s)
	}
}

// skipEscape returns the index just past the escape sequence whose ESC ends
// just before i. A lone ESC, or one followed by a byte that cannot continue a
// sequence, is skipped alone.
func skipEscape[T text](s T, i int) int {
	if i >= len(s) {
		return i
	}
	switch c := s[i]; {
	case c == '[':
		return skipCSI(s, i+1)
	case c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_':
		return skipString(s, i+1)
	case c >= 0x20 && c <= 0x2F: // nF: intermediates, then a final byte.
		for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2F {
			i++
		}
		if i < len(s) && s[i] >= 0x30 && s[i] <= 0x7E {
			i++
		}
		return i
	case c >= 0x30 && c <= 0x7E: // Fp, Fe, Fs: one final byte.
		return i + 1
	}
	return i
}

// skipCSI returns the index just past the CSI sequence whose introducer ends
// just before i. It accepts parameter and intermediate bytes (0x20–0x3F) in
// any order, then one final byte (0x40–0x7E). If another byte comes first,
// the sequence ends before it.
func skipCSI[T text](s T, i int) int {
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x3F {
		i++
	}
	if i < len(s) && s[i] >= 0x40 && s[i] <= 0x7E {
		i++
	}
	return i
}

// skipString returns the index just past the control string (OSC, DCS, SOS,
// PM or APC) whose introducer ends just before i.
func skipString[T text](s T, i int) int {
	for i < len(s) {
		switch s[i] {
		case bel, can, sub:
			return i + 1
		case '\n', '\r', '\v', '\f':
			return i
		case esc:
			if i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
			return i
		case stLead:
			if i+1 < len(s) && s[i+1] == c1ST {
				return i + 2
			}
		}
		i++
	}
	return i
}

// Line cleans a string meant for one line of output, such as a file name or
// a title in an error message: it applies Normalize and then turns each line
// break into a space.
func Line(s string) string {
	s = Normalize(s)
	if strings.IndexByte(s, '\n') < 0 {
		return s
	}
	return strings.ReplaceAll(s, "\n", " ")
}

// Changes reports whether Normalize changes the code point r wherever it
// stands: it drops r, or turns it into a space or a line break. LF is the
// only C0 control it keeps. Writers that must keep a string exact, such as
// a file name in JSON, escape these code points instead of dropping them.
func Changes(r rune) bool {
	if r < utf8.RuneSelf {
		return (r < 0x20 && r != '\n') || r == 0x7F
	}
	return classify(r) != keep
}

// MayStartChange reports whether byte c may start a code point that Changes
// reports: false means the code point starting with c (or continuing with
// it) is certainly left alone, so scanners can skip it without decoding.
func MayStartChange(c byte) bool {
	return (c < 0x20 && c != '\n') || c == 0x7F || lead[c]&watch != 0
}

// Path shows a file name on one line without losing it: the name itself
// when Line leaves it unchanged, else the name as a double-quoted Go string
// literal (strconv.Quote), whose \x and \u escapes show every control, bidi
// or zero-width character and every byte that is not UTF-8, so that it
// cannot drive the terminal, and the name can still be read and typed back.
func Path(p string) string {
	if Line(p) == p {
		return p
	}
	return strconv.Quote(p)
}
