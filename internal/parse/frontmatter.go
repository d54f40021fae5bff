package parse

import (
	"strings"
	"unicode/utf8"

	yamltoken "github.com/goccy/go-yaml/token"
)

// flatFrontMatter reads front matter that is a flat mapping of simple
// scalars, the shape of nearly every page's front matter, into the map
// yaml.Unmarshal gives for it, without the YAML library (whose parse cost
// more than the rest of a page's). ok is false whenever anything is not
// simple; the caller then asks the library. Simple is:
//
//   - lines "key: value", the key lower-case letters, digits and "_",
//     each key once, no comments, no blank lines between keys;
//   - a value that is empty, single-quoted, double-quoted (with the
//     escapes \" \\ \/ \_ \space \n \t \uXXXX and an escaped line end),
//     quoted over several lines indented by spaces, or a plain scalar on
//     one line that the library reads as a string;
//   - text with no tabs, carriage returns or other control characters.
//
// The scalars fold and unescape as the library's scanner (goccy/go-yaml
// v1.19) does; TestFlatFrontMatter and FuzzFlatFrontMatter hold the two
// to the same maps.
func flatFrontMatter(fm string) (raw map[string]any, ok bool) {
	if fm == "" || len(fm) > frontMatterLimits.MaxBytes || !simpleYAMLText(fm) {
		return nil, false
	}
	raw = make(map[string]any, 8)
	var buf []byte
	for s := fm; len(s) > 0; {
		i := 0
		for i < len(s) && (s[i] >= 'a' && s[i] <= 'z' || s[i] == '_' || i > 0 && s[i] >= '0' && s[i] <= '9') {
			i++
		}
		if i == 0 || i >= len(s) || s[i] != ':' {
			return nil, false
		}
		key := s[:i]
		if _, dup := raw[key]; dup || !plainString(key) {
			return nil, false // a repeated key, or one that is no string ("null")
		}
		s = s[i+1:]
		if len(s) > 0 && s[0] != ' ' && s[0] != '\n' {
			return nil, false // "key:value" is a plain scalar, not a pair
		}
		s = strings.TrimLeft(s, " ")
		if len(s) == 0 || s[0] == '\n' {
			raw[key] = nil
			s = strings.TrimPrefix(s, "\n")
			continue
		}
		var v string
		switch s[0] {
		case '"', '\'':
			var rest string
			buf, rest, ok = quotedScalar(s, buf[:0])
			if !ok {
				return nil, false
			}
			v = string(buf)
			line, next, _ := strings.Cut(rest, "\n")
			if strings.Trim(line, " ") != "" {
				return nil, false // a comment or more after the quote
			}
			s = next
		default:
			line, next, _ := strings.Cut(s, "\n")
			v = strings.TrimRight(line, " ")
			if !plainString(v) {
				return nil, false
			}
			s = next
		}
		raw[key] = v
	}
	return raw, true
}

// simpleYAMLText reports whether s holds no character the fast path leaves
// to the library: control characters but the newline, DEL, C1 controls,
// the byte order mark and the Unicode line and paragraph separators.
func simpleYAMLText(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 && c != '\n' || c == 0x7f {
			return false
		}
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n == 1 || r >= 0x80 && r <= 0x9f || r == 0x2028 || r == 0x2029 || r == 0xfeff {
				return false
			}
			i += n - 1
		}
	}
	return true
}

// plainString reports whether v, a plain scalar alone on its line, is
// one the library reads as that very string: it opens with no indicator,
// holds no ": " or " #", and is no null, bool or number.
func plainString(v string) bool {
	if v == "" || strings.ContainsRune("-?:,[]{}#&*!|>'\"%@`", rune(v[0])) {
		return false
	}
	if strings.Contains(v, ": ") || strings.Contains(v, " #") || strings.HasSuffix(v, ":") {
		return false
	}
	return yamltoken.New(v, v, nil).Type == yamltoken.StringType
}

// quotedScalar reads the quoted scalar that opens s, appending its value
// to buf; rest is what follows the closing quote. Line breaks fold as the
// library folds them: trailing spaces dropped, a break becoming a space,
// or a newline after an empty line, and the next line's leading spaces
// dropped.
func quotedScalar(s string, buf []byte) (val []byte, rest string, ok bool) {
	q := s[0]
	firstLineChar := false // at the start of a continuation line
	for i := 1; i < len(s); {
		c := s[i]
		switch {
		case c == '\n':
			for len(buf) > 0 && buf[len(buf)-1] == ' ' {
				buf = buf[:len(buf)-1]
			}
			if firstLineChar {
				buf = append(buf, '\n')
			} else {
				buf = append(buf, ' ')
			}
			firstLineChar = true
			i++
			if i >= len(s) || s[i] != ' ' && s[i] != '\n' {
				return nil, "", false // unclosed, or a line not indented
			}
		case firstLineChar && c == ' ':
			i++
		case q == '\'' && c == '\'':
			if i+1 < len(s) && s[i+1] == '\'' {
				// The library leaves firstLineChar as it was here, so
				// that spaces after "''" opening a line are dropped.
				buf = append(buf, '\'')
				i += 2
				continue
			}
			return buf, s[i+1:], true
		case q == '"' && c == '"':
			return buf, s[i+1:], true
		case q == '"' && c == '\\':
			firstLineChar = false
			if i+1 >= len(s) {
				return nil, "", false
			}
			switch e := s[i+1]; e {
			case '"', '\\', '/', ' ':
				buf = append(buf, e)
			case '_':
				buf = utf8.AppendRune(buf, 0xa0)
			case 'n':
				buf = append(buf, '\n')
			case 't':
				buf = append(buf, '\t')
			case 'u':
				r, ok := hex4(s[i+2:])
				if !ok || r >= 0xd800 && r <= 0xdfff {
					return nil, "", false
				}
				buf = utf8.AppendRune(buf, r)
				i += 4
			case '\n':
				firstLineChar = true
				if i+2 >= len(s) || s[i+2] != ' ' && s[i+2] != '\n' {
					return nil, "", false
				}
			default:
				return nil, "", false
			}
			i += 2
		default:
			buf = append(buf, c)
			firstLineChar = false
			i++
		}
	}
	return nil, "", false // no closing quote
}

// hex4 reads four hexadecimal digits opening s.
func hex4(s string) (rune, bool) {
	if len(s) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range []byte(s[:4]) {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}
