package textclean

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
)

// This file keeps a plain, rune-by-rune form of the scanners as an oracle
// for the differential tests and fuzz targets: the fast paths in
// normalize.go and decode.go must give exactly what these give.

// refFirstChange is firstChange written from its definition: the offset of
// the first code point that Changes reports, or of the first byte that is
// not valid UTF-8.
func refFirstChange(s string) int {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return i
			}
		}
		if Changes(r) {
			return i
		}
	}
	return -1
}

// refNormalize is Normalize as it was before the fast paths: each change is
// found by refFirstChange and replaced as normalizeFrom does.
func refNormalize(s string) string {
	i := refFirstChange(s)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.WriteString(s[:i])
	for {
		var repl string
		next := i + 1
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
				next = skipEscape(s, next)
			}
		} else if r, size := utf8.DecodeRuneInString(s[i:]); r == utf8.RuneError && size == 1 {
			repl = string(utf8.RuneError)
		} else {
			next = i + size
			switch r {
			case c1CSI:
				next = skipCSI(s, next)
			case c1OSC, c1DCS, c1SOS, c1PM, c1APC:
				next = skipString(s, next)
			default:
				switch classify(r) {
				case keep:
					repl = s[i:next]
				case toSpace:
					repl = " "
				case toNewline:
					repl = "\n"
				}
			}
		}
		b.WriteString(repl)
		j := refFirstChange(s[next:])
		if j < 0 {
			b.WriteString(s[next:])
			return b.String()
		}
		i = next + j
		b.WriteString(s[next:i])
	}
}

// refDecode is Decode as it was before the fast paths, for data without a
// UTF-16 byte order mark: a NUL anywhere, then the controls in the first
// 8 KiB counted byte by byte, then the whole of it checked as UTF-8, then
// Normalize.
func refDecode(data []byte) (string, error) {
	base := 0
	if bytes.HasPrefix(data, bomUTF8) {
		data, base = data[len(bomUTF8):], len(bomUTF8)
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		if order := guessUTF16(data); order != "" {
			return "", fmt.Errorf("%w (NUL byte at offset %d; it looks like UTF-16%s without a byte order mark: convert it to UTF-8)", ErrBinary, base+i, order)
		}
		return "", fmt.Errorf("%w (NUL byte at offset %d)", ErrBinary, base+i)
	}
	sample := data[:min(len(data), sniffLen)]
	n := 0
	for _, c := range sample {
		if binaryControl(rune(c)) {
			n++
		}
	}
	if looksBinary(n, len(sample)) {
		return "", fmt.Errorf("%w (%d control bytes in the first %d bytes)", ErrBinary, n, len(sample)+base)
	}
	if !utf8.Valid(data) {
		return "", fmt.Errorf("%w at byte %d", ErrInvalidUTF8, base+refInvalidOffset(string(data)))
	}
	return refNormalize(string(data)), nil
}

// refInvalidOffset is invalidOffset by utf8.DecodeRuneInString.
func refInvalidOffset(s string) int {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(s)
}
