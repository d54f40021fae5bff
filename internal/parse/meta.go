package parse

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/goccy/go-yaml"

	"github.com/brief-reader/brief/internal/textclean"
	"github.com/brief-reader/brief/internal/yamlguard"
)

// meta is what a briefing says about itself: front matter, a "# source:"
// header line, a headline, a dateline.
type meta struct {
	title, date, source string
	sourceURL           string // an http(s) address from source_url or url
	kind                string
	speakers            []metaSpeaker
	hasFrontMatter      bool
}

// metaSpeaker is a speaker named in front matter.
type metaSpeaker struct {
	name, role, kind string
	aliases          []string
}

// splitFrontMatter separates YAML front matter ("---" lines) from the body.
func splitFrontMatter(s string) (fm, body string, ok bool) {
	if !strings.HasPrefix(s, "---\n") {
		return "", s, false
	}
	rest := s[4:]
	for off := 0; off < len(rest); {
		i := strings.IndexByte(rest[off:], '\n')
		line := rest[off:]
		if i >= 0 {
			line = rest[off : off+i]
		}
		if t := strings.TrimRight(line, " "); t == "---" || t == "..." {
			end := off + len(line)
			if i >= 0 {
				end++
			}
			return rest[:off], rest[end:], true
		}
		if i < 0 {
			break
		}
		off += i + 1
	}
	return "", s, false
}

// webURL returns s when it is an absolute http or https address, else "".
func webURL(s string) string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}

// frontMatterLimits keep front matter the YAML library would take more
// than linear time and memory over from reaching it (see yamlguard).
var frontMatterLimits = yamlguard.Limits{MaxBytes: 64 << 10, MaxDepth: yamlguard.DefaultMaxDepth}

// parseFrontMatter reads the fields brief uses from YAML front matter.
// Unknown fields are kept out of the way; wrong types are reported.
func parseFrontMatter(fm string) (meta, error) {
	m := meta{hasFrontMatter: true}
	raw, simple := flatFrontMatter(fm)
	if !simple {
		if err := yamlguard.Check(fm, frontMatterLimits); err != nil {
			return m, fmt.Errorf("front matter: %w", err)
		}
		if err := yaml.Unmarshal([]byte(fm), &raw); err != nil {
			return m, fmt.Errorf("front matter: %s", firstLine(err.Error()))
		}
	}
	m.title = scalar(raw["title"])
	m.date = dateValue(raw["date"])
	m.source = scalar(raw["source"])
	if m.source == "" {
		m.source = scalar(raw["source_url"])
	}
	if m.source == "" {
		m.source = scalar(raw["url"])
	}
	m.sourceURL = webURL(scalar(raw["source_url"]))
	if m.sourceURL == "" {
		m.sourceURL = webURL(scalar(raw["url"]))
	}
	m.kind = scalar(raw["kind"])
	if list, ok := raw["speakers"].([]any); ok {
		for _, it := range list {
			switch v := it.(type) {
			case string:
				if name := scalar(v); name != "" {
					m.speakers = append(m.speakers, metaSpeaker{name: name})
				}
			case map[string]any:
				s := metaSpeaker{name: scalar(v["name"]), role: scalar(v["role"]), kind: scalar(v["kind"])}
				if al, ok := v["aliases"].([]any); ok {
					for _, a := range al {
						if t := scalar(a); t != "" {
							s.aliases = append(s.aliases, t)
						}
					}
				}
				if s.name != "" {
					m.speakers = append(m.speakers, s)
				}
			}
		}
	}
	return m, nil
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// scalar renders a YAML scalar as a trimmed single-line string.
func scalar(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		// YAML escapes can produce any character ("\_" is a no-break
		// space, "\e" an escape): clean values like file text.
		return collapseSpaces(textclean.Line(v))
	case time.Time:
		return v.Format("2006-01-02")
	case int, int64, uint64, float64, bool:
		return fmt.Sprint(v)
	}
	return ""
}

func dateValue(v any) string {
	s := scalar(v)
	if iso, _ := findDate(s); iso != "" {
		return iso
	}
	return s
}

// sourceLine reads a "# source: …" header line, as the dev briefings have:
// "# source: URL (Title, 2025-02-13; via …)" or free text with a quoted
// title and a date.
func sourceLine(s string) (meta, string, bool) {
	line, body := s, ""
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		line, body = s[:i], s[i+1:]
	}
	low := strings.ToLower(line)
	if !strings.HasPrefix(low, "# source:") && !strings.HasPrefix(low, "#source:") {
		return meta{}, s, false
	}
	text := strings.TrimSpace(line[strings.IndexByte(line, ':')+1:])
	var m meta
	if i := strings.Index(text, "http"); i >= 0 && (strings.HasPrefix(text[i:], "http://") || strings.HasPrefix(text[i:], "https://")) {
		url := text[i:]
		if j := strings.IndexAny(url, " \t"); j >= 0 {
			url = url[:j]
		}
		m.source = url
		rest := strings.TrimSpace(text[i+len(url):])
		if strings.HasPrefix(rest, "(") {
			inner := strings.TrimSuffix(strings.TrimPrefix(rest, "("), ")")
			if j := strings.IndexByte(inner, ';'); j >= 0 {
				inner = inner[:j]
			}
			m.title = inner
			if k := strings.LastIndex(inner, ", "); k >= 0 {
				if iso, _ := findDate(inner[k+2:]); iso != "" {
					m.title, m.date = strings.TrimSpace(inner[:k]), iso
				}
			}
		}
	} else {
		m.source = text
		if t := firstQuoted(text); t != "" {
			m.title = t
		}
	}
	if m.date == "" {
		m.date, _ = findDate(text)
	}
	return m, body, true
}

// firstQuoted returns the first text in quotation marks: 'Title' or ‘Title’.
func firstQuoted(s string) string {
	for _, pair := range [][2]string{{"'", "'"}, {"‘", "’"}, {"“", "”"}, {"\"", "\""}} {
		i := strings.Index(s, pair[0])
		if i < 0 {
			continue
		}
		rest := s[i+len(pair[0]):]
		// The closing mark is the first one followed by a comma, space or
		// end, so apostrophes inside stay.
		for j := 0; j < len(rest); {
			k := strings.Index(rest[j:], pair[1])
			if k < 0 {
				break
			}
			e := j + k + len(pair[1])
			if e >= len(rest) || rest[e] == ',' || rest[e] == ' ' || rest[e] == ';' || rest[e] == ')' {
				return strings.TrimSpace(rest[:j+k])
			}
			j = e
		}
	}
	return ""
}

var months = map[string]time.Month{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
	"may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
	"september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
	"december": 12, "dec": 12,
}

// findDate finds a date in s. It returns the ISO form when the year is
// known, and the date as written ("August 26") either way.
func findDate(s string) (iso, raw string) {
	var buf [32]token // most texts searched are short: no allocation
	toks := appendTokens(buf[:0], s)
	for i, t := range toks {
		if !t.word {
			continue
		}
		// 2025-08-26 tokenises as one word with hyphens.
		if len(t.s) == 10 && t.s[4] == '-' && t.s[7] == '-' {
			if d, err := time.Parse("2006-01-02", t.s); err == nil {
				return d.Format("2006-01-02"), t.s
			}
		}
		m, ok := months[strings.ToLower(t.s)]
		if !ok {
			continue
		}
		// Month Day[,] [YYYY] with the year possibly in brackets.
		if i+1 < len(toks) && isNumber(toks[i+1].s, 1, 31) {
			day, _ := strconv.Atoi(toks[i+1].s)
			raw := s[t.start:toks[i+1].end]
			for j := i + 2; j < len(toks) && j <= i+4; j++ {
				if toks[j].word {
					if isNumber(toks[j].s, 1000, 2999) {
						y, _ := strconv.Atoi(toks[j].s)
						return fmt.Sprintf("%04d-%02d-%02d", y, m, day), s[t.start:toks[j].end]
					}
					break
				}
			}
			if t.s == "May" && i > 0 && toks[i-1].word && !toks[i-1].capitalised() {
				continue // "may" the verb, capitalised mid-sentence rarely
			}
			return "", raw
		}
		// Day Month YYYY.
		if i > 0 && isNumber(toks[i-1].s, 1, 31) && i+1 < len(toks) && isNumber(toks[i+1].s, 1000, 2999) {
			day, _ := strconv.Atoi(toks[i-1].s)
			y, _ := strconv.Atoi(toks[i+1].s)
			return fmt.Sprintf("%04d-%02d-%02d", y, m, day), s[toks[i-1].start:toks[i+1].end]
		}
	}
	return "", ""
}

func isNumber(s string, lo, hi int) bool {
	if s == "" || len(s) > 4 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	n, _ := strconv.Atoi(s)
	return n >= lo && n <= hi
}

// dateline reads a wire dateline that opens a paragraph: "New Delhi
// [India], August 26 (ANI):" or "WASHINGTON (AP) —". It returns the date as
// written, the agency, and whether there was one.
func dateline(s string) (date, agency string, ok bool) {
	open := strings.IndexByte(s, '(')
	if open <= 0 || open > 80 {
		return "", "", false
	}
	closeP := strings.IndexByte(s[open:], ')')
	if closeP < 0 {
		return "", "", false
	}
	agency = s[open+1 : open+closeP]
	after := strings.TrimSpace(s[open+closeP+1:])
	if agency == "" || len(agency) > 12 || !(strings.HasPrefix(after, ":") || strings.HasPrefix(after, "—") || strings.HasPrefix(after, "–") || strings.HasPrefix(after, "-")) {
		return "", "", false
	}
	// An agency: ANI, AP, PTI, Reuters, Xinhua.
	for i, r := range agency {
		if i == 0 && !unicode.IsUpper(r) || !unicode.IsLetter(r) && r != '-' && r != '/' && r != '.' {
			return "", "", false
		}
	}
	head := s[:open]
	if r := []rune(strings.TrimSpace(head)); len(r) == 0 || !unicode.IsUpper(r[0]) {
		return "", "", false
	}
	_, date = findDate(head)
	if iso, _ := findDate(head); iso != "" {
		date = iso
	}
	return date, agency, true
}

// navWords are page furniture left by scraping: they stand alone at the top
// or bottom of a page.
var navWords = wordSet(`
home latest source sources menu search share advertisement advertisements subscribe login
print email trending recommended related tags comments comment top back next previous
`)

// isNavBlock reports whether a block is page furniture: a lone navigation
// word, a breadcrumb, or words run together by a scraper ("HomeLatest…").
func isNavBlock(t string) bool {
	w := strings.Fields(strings.ToLower(strings.Trim(t, " .:|»>")))
	if len(w) > 0 && len(w) <= 3 && !strings.ContainsAny(t, ".!?") {
		all := true
		for _, x := range w {
			if !navWords[x] {
				all = false
			}
		}
		if all {
			return true
		}
	}
	if len(w) <= 12 && (strings.Count(t, " > ")+strings.Count(t, " » ")+strings.Count(t, " | ")) >= 2 {
		return true
	}
	return false
}

// gluedNav reports whether a block opens with navigation words run together
// and ends truncated, like "HomeLatestDefence, security… between India,...".
func gluedNav(t string) bool {
	if !(strings.HasSuffix(t, "...") || strings.HasSuffix(t, "…")) {
		return false
	}
	first := t
	if i := strings.IndexAny(t, " ,"); i >= 0 {
		first = t[:i]
	}
	ups := 0
	prevLower := false
	for _, r := range first {
		if unicode.IsUpper(r) && prevLower {
			ups++
		}
		prevLower = unicode.IsLower(r)
	}
	return ups >= 1
}

// headlineLike reports whether a block reads as a headline: short, not a
// sentence ending in a full stop, not a quote or a label.
func headlineLike(t string) bool {
	n := wordCount(t)
	if n == 0 || n > 30 {
		return false
	}
	if strings.HasSuffix(t, ".") && !strings.HasSuffix(t, "..") {
		return false
	}
	if opensWith(t) != noFamily {
		return false
	}
	if l, ok := readLabel(t); ok && l.strength == strongLabel {
		return false
	}
	return true
}
