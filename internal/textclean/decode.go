package textclean

import (
	"bytes"
	"errors"
	"fmt"
	"math/bits"
	"strings"
	"unicode/utf8"
)

// Sentinel errors returned, wrapped with details, by Decode.
var (
	// ErrBinary means the data looks like a binary file rather than text.
	ErrBinary = errors.New("binary file")
	// ErrInvalidUTF8 means the data is not valid UTF-8.
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	// ErrInvalidUTF16 means the data starts with a UTF-16 byte order mark
	// but is not valid UTF-16.
	ErrInvalidUTF16 = errors.New("invalid UTF-16")
)

// sniffLen is how much of the start of a file the binary test looks at.
const sniffLen = 8 << 10

// Byte order marks.
var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// Decode checks raw file bytes and returns them as normalised text.
//
//   - A UTF-8 byte order mark at the start is stripped.
//   - Data starting with a UTF-16 byte order mark (FF FE or FE FF) is decoded
//     from UTF-16; an odd length or an unpaired surrogate is an error wrapping
//     ErrInvalidUTF16. UTF-16 without a byte order mark is not decoded: it
//     is reported as binary, with a hint naming its likely byte order.
//   - A NUL anywhere is an error wrapping ErrBinary that gives its offset.
//   - So is text whose first 8 KiB holds at least 8 controls that never
//     occur in text, if they are more than 1 in 32 of the code units there
//     (bytes in UTF-8, pairs of bytes in UTF-16).
//     Following file(1), those are the C0 controls other than BEL, BS, TAB,
//     LF, VT, FF, CR and ESC, and DEL. A few stray ones are dropped by
//     Normalize instead.
//   - Data that is not valid UTF-8 is an error wrapping ErrInvalidUTF8 that
//     gives the offset of the first bad byte.
//
// Offsets in errors count bytes from the start of data, byte order mark
// included. The text is then passed through Normalize.
func Decode(data []byte) (string, error) {
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		return decodeUTF8(data[len(bomUTF8):], len(bomUTF8))
	case bytes.HasPrefix(data, bomUTF16LE):
		return decodeUTF16(data, false)
	case bytes.HasPrefix(data, bomUTF16BE):
		return decodeUTF16(data, true)
	}
	return decodeUTF8(data, 0)
}

// decodeUTF8 decodes body, which starts base bytes into the file.
func decodeUTF8(body []byte, base int) (string, error) {
	// Everything before the first change is printable ASCII, line breaks
	// and valid UTF-8 that stays: no NUL, no control, no bad byte. So text
	// that needs no change is done, and only the rest needs checking. The
	// check for bad bytes is made while the text is normalised, and what
	// was written is dropped if there is one.
	i := firstChange(body)
	if i < 0 {
		return string(body), nil
	}
	if j := bytes.IndexByte(body[i:], 0); j >= 0 {
		if order := guessUTF16(body); order != "" {
			return "", fmt.Errorf("%w (NUL byte at offset %d; it looks like UTF-16%s without a byte order mark: convert it to UTF-8)", ErrBinary, base+i+j, order)
		}
		return "", fmt.Errorf("%w (NUL byte at offset %d)", ErrBinary, base+i+j)
	}
	sample := body[:min(len(body), sniffLen)]
	if n := binaryControls(sample[min(i, len(sample)):]); looksBinary(n, len(sample)) {
		return "", fmt.Errorf("%w (%d control bytes in the first %d bytes)", ErrBinary, n, len(sample)+base)
	}
	var b strings.Builder
	b.Grow(len(body))
	if bad := normalizeFrom(&b, body, i); bad >= 0 {
		return "", fmt.Errorf("%w at byte %d", ErrInvalidUTF8, base+bad)
	}
	return b.String(), nil
}

// binaryControls counts the bytes of s that binaryControl reports, eight
// at a time: only the bytes flagged by controls are looked at.
func binaryControls(s []byte) int {
	n := 0
	for ; len(s) >= 8; s = s[8:] {
		for m := controls(word(s[:8])); m != 0; m &= m - 1 {
			if binaryControl(rune(s[bits.TrailingZeros64(m)/8])) {
				n++
			}
		}
	}
	for _, c := range s {
		if binaryControl(rune(c)) {
			n++
		}
	}
	return n
}

// controls returns w with the high bit of a byte set where the byte may be
// below 0x20 or DEL. Each such byte is flagged; a borrow or carry leaking
// from one into the byte above can flag that too, so this may flag too
// much, never too little. A byte with its high bit set is never flagged.
func controls(w uint64) uint64 {
	return ((w - 0x20*ones) | (w + ones)) &^ w & highs
}

// binaryControl reports whether r is a control that file(1) never counts as
// text: a C0 control other than BEL, BS, TAB, LF, VT, FF, CR and ESC, or DEL.
func binaryControl(r rune) bool {
	return (r < 0x20 && (r < 0x07 || (r > 0x0D && r != 0x1B))) || r == 0x7F
}

// looksBinary reports whether n binary controls in a sample of size code
// units make a file binary.
func looksBinary(n, size int) bool {
	return n >= 8 && n*32 > size
}

// guessUTF16 says whether data, which holds a NUL, looks like text in UTF-16
// with no byte order mark, and in which byte order: "LE", "BE" or "" for
// neither. It looks at the first 512 bytes. At least one code unit in 8 there
// must have a NUL high byte, two at least (ASCII and Latin-1 text, spaces and line breaks
// between words of other scripts), and the units must read as text in that
// byte order: no U+0000, none of the controls that make a file binary, no
// unpaired surrogate. Curly quotes, dashes and letters of any script may
// stand between them. A UTF-8 file with a stray NUL has too few NULs at one
// parity; a binary file has U+0000 units, controls or broken surrogates.
func guessUTF16(data []byte) string {
	sample := data[:min(len(data), 512)&^1]
	units := len(sample) / 2
	if units == 0 {
		return ""
	}
	var nul [2]int // NUL bytes at even and odd offsets
	for i, c := range sample {
		if c == 0 {
			nul[i&1]++
		}
	}
	// In little-endian order the high byte of each unit is at an odd offset.
	order, high := "LE", 1
	if nul[0] > nul[1] {
		order, high = "BE", 0
	}
	if nul[high] < 2 || nul[high]*8 < units {
		return ""
	}
	for i := 0; i < len(sample); i += 2 {
		r := rune(sample[i+high])<<8 | rune(sample[i+1-high])
		switch {
		case r == 0 || binaryControl(r):
			return ""
		case r >= 0xD800 && r < 0xDC00:
			// A high surrogate must be followed by a low one, unless the
			// sample ends between them.
			if i+2 < len(sample) {
				lo := rune(sample[i+2+high])<<8 | rune(sample[i+3-high])
				if lo < 0xDC00 || lo > 0xDFFF {
					return ""
				}
				i += 2
			}
		case r >= 0xDC00 && r <= 0xDFFF:
			return ""
		}
	}
	return order
}

// invalidOffset returns the offset of the first byte of s that is not part of
// valid UTF-8, or len(s) if there is none.
func invalidOffset[T text](s T) int {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		n := validLen(s, i)
		if n == 0 {
			return i
		}
		i += n
	}
	return len(s)
}

// decodeUTF16 decodes data, which starts with a UTF-16 byte order mark.
func decodeUTF16(data []byte, bigEndian bool) (string, error) {
	order := "LE"
	if bigEndian {
		order = "BE"
	}
	if len(data)%2 != 0 {
		return "", fmt.Errorf("%w (%s): odd length %d", ErrInvalidUTF16, order, len(data))
	}
	unit := func(i int) rune {
		if bigEndian {
			return rune(data[i])<<8 | rune(data[i+1])
		}
		return rune(data[i+1])<<8 | rune(data[i])
	}
	out := make([]byte, 0, len(data)) // Most UTF-16 text is no longer as UTF-8.
	controls := 0
	for i := 2; i < len(data); i += 2 {
		r := unit(i)
		switch {
		case r == 0:
			return "", fmt.Errorf("%w (NUL character at offset %d)", ErrBinary, i)
		case r >= 0xD800 && r < 0xDC00:
			if i+2 >= len(data) {
				return "", fmt.Errorf("%w (%s): unpaired surrogate at byte %d", ErrInvalidUTF16, order, i)
			}
			lo := unit(i + 2)
			if lo < 0xDC00 || lo > 0xDFFF {
				return "", fmt.Errorf("%w (%s): unpaired surrogate at byte %d", ErrInvalidUTF16, order, i)
			}
			r = 0x10000 + (r-0xD800)<<10 + (lo - 0xDC00)
			i += 2
		case r >= 0xDC00 && r <= 0xDFFF:
			return "", fmt.Errorf("%w (%s): unpaired surrogate at byte %d", ErrInvalidUTF16, order, i)
		case i < sniffLen && binaryControl(r):
			controls++
		}
		out = utf8.AppendRune(out, r)
	}
	if sampled := min(len(data), sniffLen); looksBinary(controls, (sampled-2)/2) {
		return "", fmt.Errorf("%w (%d control characters in the first %d bytes)", ErrBinary, controls, sampled)
	}
	return Normalize(string(out)), nil
}
