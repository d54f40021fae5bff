package parse

import (
	"github.com/brief-reader/brief/internal/lexicon"
	"strings"
	"unicode"
	"unicode/utf8"
)

// labelStrength says how sure a transcript label is.
type labelStrength uint8

const (
	_ labelStrength = iota // the zero value: not a label
	// weakLabel looks like a label ("John Smith:", "Fox 8 News:") but
	// counts only when it recurs or the briefing is surely a transcript.
	weakLabel
	// strongLabel names a title, honorific, role or questioner ("MS.
	// LEAVITT:", "Q", "Official Spokesperson, Shri Randhir Jaiswal:").
	strongLabel
)

// label is a speaker label that opens a paragraph.
type label struct {
	text     string // as written, without brackets and colon: "MS. LEAVITT"
	rest     int    // byte offset where the speech starts
	strength labelStrength
	person   bool // shaped like a person's name: "Sidhant Sibal"
}

// notLabels are words before a colon that introduce something other than
// speech.
var notLabels = wordSet(`
note notes source sources subject update updated updates location date dates time times tags tag
topics topic photo photos video videos watch read related breaking title summary background
disclaimer transcript place memorandum re to from cc bcc attachment attachments end section sec
purpose policy definitions contact contacts posted released published by via editor editors
correction corrections clarification advisory schedule agenda theme where when what who why how
tel phone email fax web website url link links warning caution example examples step steps
part chapter article annex appendix table figure chart map yes no
`)

// readLabel reads a speaker label at the start of a paragraph.
func readLabel(s string) (label, bool) {
	if s == "" {
		return label{}, false
	}
	// Q, Q:, Q.
	if s[0] == 'Q' {
		if len(s) == 1 {
			return label{text: "Q", rest: 1, strength: strongLabel}, true
		}
		switch s[1] {
		case ' ', ':':
			rest := 1
			for rest < len(s) && (s[rest] == ' ' || s[rest] == ':') {
				rest++
			}
			return label{text: "Q", rest: rest, strength: strongLabel}, true
		case '.':
			if len(s) == 2 || s[2] == ' ' {
				return label{text: "Q", rest: min(len(s), 3), strength: strongLabel}, true
			}
		}
	}
	// [John Smith]: or [John Smith]
	if s[0] == '[' {
		end := strings.IndexByte(s, ']')
		if end > 1 && end < 64 && end+1 < len(s) && s[end+1] == ':' {
			inner := strings.TrimSpace(s[1:end])
			if l, ok := labelText(inner); ok {
				rest := end + 2
				for rest < len(s) && s[rest] == ' ' {
					rest++
				}
				l.rest = rest
				l.strength = max(l.strength, weakLabel)
				if l.person {
					l.strength = strongLabel
				}
				return l, true
			}
		}
		return label{}, false
	}
	limit := min(len(s), 96)
	colon := strings.IndexByte(s[:limit], ':')
	if colon <= 0 {
		return label{}, false
	}
	// "10:35" is a time, not a label.
	if colon+1 < len(s) && s[colon+1] != ' ' {
		return label{}, false
	}
	l, ok := labelText(strings.TrimSpace(s[:colon]))
	if !ok {
		return label{}, false
	}
	rest := colon + 1
	for rest < len(s) && s[rest] == ' ' {
		rest++
	}
	l.rest = rest
	return l, true
}

// labelText decides whether the words before a colon are a speaker label.
func labelText(t string) (label, bool) {
	if t == "" || strings.ContainsAny(t, "“”\"‘!?;") {
		return label{}, false
	}
	var buf [16]token // labels are short: no allocation
	toks := appendTokens(buf[:0], t)
	words := 0
	hasLetter := false
	strong := false
	person := true
	for i, tk := range toks {
		if !tk.word {
			switch tk.s {
			case ".":
				// Only after an abbreviation or initial: "MS.", "H.E.", "J.".
				if i == 0 || !toks[i-1].word {
					return label{}, false
				}
				prev := toks[i-1].lower()
				if !(honorifics.has(prev) || abbreviations.has(prev) || utf8.RuneCountInString(toks[i-1].s) == 1 || roleWords.has(prev)) {
					return label{}, false
				}
			case ",", "(", ")", "&", "-", "’", "'", "/":
			default:
				return label{}, false
			}
			continue
		}
		words++
		l := tk.lower()
		r, _ := utf8.DecodeRuneInString(tk.s)
		for _, c := range tk.s {
			if unicode.IsLetter(c) {
				hasLetter = true
			}
		}
		if i == 0 && notLabels[l] {
			return label{}, false
		}
		if honorifics.has(l) && l != "he" && l != "his" && l != "her" || roleWords.has(l) || lexicon.RoleLabels[l] || lexicon.QuestionerLabels[l] {
			strong = true
		}
		if unicode.IsDigit(r) {
			person = false
			continue
		}
		if !unicode.IsUpper(r) && !nameParticles.has(l) && l != "of" && l != "the" && l != "and" && l != "for" && !insideParens(toks, i) {
			return label{}, false
		}
		if lexicon.OrgWords[l] || nonNameWords.has(l) && !honorifics.has(l) {
			person = false
		}
	}
	if words == 0 || words > 10 || !hasLetter {
		return label{}, false
	}
	if words > 5 && !strong {
		return label{}, false
	}
	// Without a title or honorific (VANCE VISIT:, John Smith:) a label is
	// weak: it counts when it recurs or the briefing is surely a transcript.
	l := label{text: t, strength: weakLabel, person: person && words >= 2 && words <= 4}
	if strong {
		l.strength = strongLabel
	}
	return l, true
}

func insideParens(toks []token, i int) bool {
	depth := 0
	for _, t := range toks[:i] {
		if t.is("(") {
			depth++
		} else if t.is(")") && depth > 0 {
			depth--
		}
	}
	return depth > 0
}

// isStage reports whether a paragraph is a stage direction or a note that
// is not speech: "(Laughter.)", "[inaudible]", "10:35 A.M. EDT", "END".
func isStage(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return true
	}
	if (s[0] == '(' && s[len(s)-1] == ')') || (s[0] == '[' && s[len(s)-1] == ']') {
		return wordCount(s) <= 24
	}
	// The marks are five bytes at most: longer text is not upper-cased.
	if t := strings.Trim(s, " ."); len(t) <= len("# # #") {
		switch strings.ToUpper(t) {
		case "END", "###", "# # #", "-30-", "* * *", "***", "—", "BREAK":
			return true
		}
	}
	return isTimestamp(strings.TrimPrefix(s, "END "))
}

// timestampDots drops the dots and spaces of "P.M. EST".
var timestampDots = strings.NewReplacer(".", "", " ", "")

// isTimestamp matches "6:04 P.M. EST", "10:35 A.M. EDT", "00:12:31".
func isTimestamp(s string) bool {
	s = strings.TrimSpace(s)
	i := 0
	digits := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
		digits++
	}
	if digits == 0 || digits > 2 || i >= len(s) || s[i] != ':' {
		return false
	}
	for i < len(s) && (s[i] == ':' || s[i] >= '0' && s[i] <= '9') {
		i++
	}
	rest := strings.ToUpper(strings.TrimSpace(s[i:]))
	rest = timestampDots.Replace(rest)
	if rest == "" {
		return true
	}
	rest = strings.TrimPrefix(strings.TrimPrefix(rest, "AM"), "PM")
	return len(rest) <= 4 && strings.IndexFunc(rest, func(r rune) bool { return r < 'A' || r > 'Z' }) < 0
}
