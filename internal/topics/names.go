package topics

import (
	"github.com/brief-reader/brief/internal/lexicon"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxNameWords bounds the words of one name.
const maxNameWords = 4

// nameCollector finds capitalised names in a paragraph while it is
// tokenised: runs of capitalised words, possibly joined by "of" and the
// like ("Department of Defense"), that do not open a sentence and are not
// someone addressed ("Thanks, John") or called on ("Let's go to Zeke
// Miller"). A run longer than a name is a headline in title case, not a
// name.
type nameCollector struct {
	st    *state
	text  string
	names []int32
	from  int
	// the current run of capitalised words and the connectors pending
	// after it; long marks a run grown past maxNameWords. hash and noName
	// are those of the run's first word (token.hash, shapeNoName).
	start, end, n, pending int
	long                   bool
	hash                   uint64
	noName                 bool
}

// add takes the next word of the text, of shape shape, which follows the
// word at text[prevStart:prevEnd] after gap.
func (nc *nameCollector) add(tok *token, shape wordShape, prevStart, prevEnd int, gap string) {
	if shape&shapeUpper == 0 {
		if nc.n > 0 && nc.pending < 2 && gap == " " && isConnector(nc.text[tok.start:tok.end]) {
			nc.pending++
			return
		}
		nc.flush()
		return
	}
	// "Donald J. Trump": an initial's full stop joins the name too.
	initial := gap == ". " && prevEnd-prevStart == 1 && nc.text[prevStart] >= 'A' && nc.text[prevStart] <= 'Z'
	if nc.n > 0 && (gap == " " || (gap == "-" || gap == "&" || gap == " & " || initial) && nc.pending == 0) {
		nc.end = tok.end
		nc.pending = 0
		if nc.n == maxNameWords {
			nc.long = true
		} else {
			nc.n++
		}
		return
	}
	nc.flush()
	if !sentenceStart(nc.text[prevStart:prevEnd], gap) {
		nc.start, nc.end, nc.n = tok.start, tok.end, 1
		nc.hash, nc.noName = tok.hash, shape&shapeNoName != 0
	}
}

// isConnector reports whether a word in lower case joins capitalised words
// into one name: "Department of Defense", "Charles de Gaulle".
func isConnector(w string) bool {
	switch w {
	case "of", "for", "de", "du", "da", "von", "van", "der", "al", "bin", "el", "la":
		return true
	}
	return false
}

func (nc *nameCollector) flush() {
	if nc.n == 0 {
		return
	}
	start, end, long, words := nc.start, nc.end, nc.long, nc.n
	nc.n, nc.pending, nc.long = 0, 0, false
	// A single letter ("I", "Q") is no name, nor a headline.
	if end-start == 1 || long {
		return
	}
	raw := nc.text[start:end]
	var name string
	hash := nc.hash
	if words == 1 {
		// One word, which holds no space or hyphen: runName would
		// strip nothing from it, and the word cache knows whether it
		// is a stop name.
		if !nc.noName {
			name = raw
		}
	} else {
		hash = hashSpan(nc.text, start, end)
		name = nc.st.runName(hash, raw)
		if len(name) < len(raw) {
			hash = hashWord(name)
		}
	}
	if name == "" {
		return
	}
	// Someone addressed ("Thanks, John") or called on to ask ("Next,
	// we'll go to Josh Boak") is not what the text is about, here or
	// where the name comes again ("Josh was asking").
	if afterGreeting(nc.text[:start]) || afterHandoff(nc.text[:start]) {
		nc.st.addAddressed(name)
		return
	}
	nc.names = append(nc.names, nc.st.internHashed(hash, name))
}

// runName returns the name a run of capitalised words gives once titles
// and function words are stripped ("" for none), a suffix of raw.
func (st *state) runName(hash uint64, raw string) string {
	off, ok := st.runNames.get(hash, raw)
	if !ok {
		name := stripTitles(raw)
		off = int32(len(raw) - len(name))
		if isStopName(name) || isCapsRun(name) {
			off = -1
		}
		st.runNames.put(hash, raw, off)
	}
	if off < 0 {
		return ""
	}
	return raw[off:]
}

// sentenceStart reports whether a word after prev and gap opens a sentence
// or a quotation, where capitals say nothing about names.
func sentenceStart(prev, gap string) bool {
	if prev == "" {
		return true
	}
	dot := false
	for i := 0; i < len(gap); i++ {
		switch c := gap[i]; c {
		case '!', '?', ':', ';', '"', '\n':
			return true
		case '.':
			dot = true
		default:
			if c >= utf8.RuneSelf && strings.ContainsAny(gap[i:], "“”‘—–") {
				return true
			}
		}
	}
	if !dot {
		return false
	}
	// A full stop after an abbreviation or an initial ends no sentence.
	if len(prev) <= 4 && (len(prev) == 1 || abbreviations[prev]) {
		return false
	}
	return utf8.RuneCountInString(prev) > 1
}

// abbreviations end with a dot that ends no sentence, in the case they are
// written in. (lexicon.Abbreviations, the parser's, is wider and matched in
// any case: using it here changes 0.1% of the corpus's section titles, so
// it waits for a change of its own.)
var abbreviations = map[string]bool{
	"Mr": true, "Ms": true, "Mrs": true, "Dr": true, "St": true, "Gen": true,
	"Sen": true, "Rep": true, "Gov": true, "Lt": true, "Col": true,
	"Capt": true, "Adm": true, "Sgt": true, "Prof": true, "Jr": true,
	"Sr": true, "No": true, "Vol": true, "Inc": true, "Corp": true,
	"Co": true, "Ltd": true, "vs": true, "etc": true,
}

// stripTitles drops leading honorifics, offices and function words from a
// name: "Prime Minister Modi" is Modi, "But Bricio" is Bricio.
func stripTitles(name string) string {
	for {
		i := strings.IndexAny(name, " -")
		if i < 0 {
			return name
		}
		w := strings.TrimSuffix(name[:i], ".")
		if !lexicon.NameTitles.HasTitle(w) && !lowerIn(w, functionWords) {
			return name
		}
		name = strings.TrimLeft(name[i:], " -")
	}
}

// isCapsRun reports whether a name of several words is all in capitals:
// a label or a headline, not a name.
func isCapsRun(name string) bool {
	if !strings.ContainsAny(name, " -") {
		return false
	}
	for _, r := range name {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// functionWords are words that open sentences in speech and are no names
// when capitalised; leading ones are stripped from a name ("But Bricio").
var functionWords = map[string]bool{}

// ordinaryWords are capitalised words that are no names on their own but
// may begin one ("First Amendment", "New Jersey").
var ordinaryWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an the and but or nor so yet for of to in on at by with from
	as if then than that this these those there here it its we you he she they i me us our your
	my his her their them who whom whose which what when where why how all any both each every
	some no not yes yeah okay ok well now just also again look right sure thanks thank hi hey hello
	can could will would shall should may might must do does did is are was were be
	been being have has had let lets today tomorrow yesterday
	many much more most very really actually obviously because since while after
	before during until about over under between into through still even only other another
	such same said says say tell told ask asked please sorry folks everybody everyone
	okay alright absolutely exactly certainly indeed`) {
		functionWords[w] = true
	}
	for _, w := range strings.Fields(`new old first second third next last one two three four five
	question questions answer great good big small`) {
		ordinaryWords[w] = true
	}
	for w := range functionWords {
		addressWords[w] = true
	}
	for w := range greetings {
		addressWords[w] = true
	}
	stopTitles = lexicon.Union(lexicon.Weekdays, lexicon.Months, lexicon.NameTitles)
	stopWords = lexicon.Union(functionWords, ordinaryWords)
}

// afterGreeting reports whether before ends with a greeting or another
// function word and a comma: "Thanks, John", "Look, Nick".
func afterGreeting(before string) bool {
	before = strings.TrimRight(before, " ")
	if !strings.HasSuffix(before, ",") {
		return false
	}
	before = strings.TrimSuffix(before, ",")
	// The last word: ASCII letters in a loop, others rune by rune.
	i := len(before)
	for i > 0 && isASCIILetter(before[i-1]) {
		i--
	}
	if i > 0 && before[i-1] >= utf8.RuneSelf {
		i = strings.LastIndexFunc(before, func(r rune) bool { return !unicode.IsLetter(r) }) + 1
	}
	return lowerIn(before[i:], addressWords)
}

// handoffs are what a moderator says before the name of the reporter who
// asks next, in lower case with a straight apostrophe. Each ends in "to"
// or "from", which afterHandoff checks first.
var handoffs = []string{
	"we'll go to", "we will go to", "let's go to", "we'll turn to", "let's turn to",
	"we'll go next to", "question will come from", "question comes from",
	"question goes to", "question will go to",
}

// afterHandoff reports whether before ends with a handoff: "Let's go to",
// "Our last question will come from".
func afterHandoff(before string) bool {
	before = strings.TrimRight(before, " ")
	if n := len(before); n == 0 || before[n-1]|0x20 != 'o' && before[n-1]|0x20 != 'm' {
		return false
	}
	// Enough bytes for the longest handoff, its apostrophe curly.
	const window = 26
	if len(before) > window {
		before = before[len(before)-window:]
	}
	var buf [window]byte
	n := 0
	for i := 0; i < len(before); i++ {
		c := before[i]
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case strings.HasPrefix(before[i:], "’"):
			c = '\''
			i += len("’") - 1
		}
		buf[n] = c
		n++
	}
	for _, h := range handoffs {
		if hasSuffix(buf[:n], h) {
			return true
		}
	}
	return false
}

func isASCIILetter(c byte) bool {
	return c < utf8.RuneSelf && (byteClass[c] == classLower || byteClass[c] == classUpper)
}

// addressWords are the function words and greetings after which a
// capitalised word and a comma is someone addressed.
var addressWords = map[string]bool{}

// greetings are words after which a capitalised word is someone addressed.
var greetings = map[string]bool{
	"morning": true, "afternoon": true, "evening": true, "congratulations": true,
	"welcome": true, "listen": true, "guys": true, "friends": true,
	"ahead": true, // "Go ahead, Zeke."
}

// stopNames are capitalised words that are not names of anything a
// section is about.
var stopNames = map[string]bool{
	"I": true, "I'm": true, "Q": true, "A": true, "The": true, "And": true,
	"Mr": true, "Ms": true, "Mrs": true, "Dr": true, "Sir": true,
	"President": true, "Prime": true, "Minister": true, "Secretary": true,
	"Mr.": true, "Vice": true, "Okay": true, "OK": true, "Thank": true,
	"EST": true, "EDT": true, "Eastern": true, "P": true, "M": true, "END": true, "Q&A": true,
	"White House": true, "House": true, "U": true, "S": true,
	"Government": true, "Administration": true, "Foreign Secretary": true,
	"Prime Minister": true, "Mr. President": true, "Your Excellency": true,
	"American": true, "Americans": true, "America": true, "United States": true,
	"U.S": true, "US": true, "USA": true, "Congress": true, "Senate": true,
	"Teleconference": true, "Applause": true, "Laughter": true, "Cross-talk": true,
	"God": true, "Department": true, "Office": true, "Ministry": true,
	"Agency": true, "Council": true, "Committee": true, "Bureau": true,
	"Commission": true, "Act": true, "Initiative": true, "Program": true,
}

// stopTitles are the words that are no names when capitalised (weekdays,
// months, titles), and stopWords those that are none in any case
// (functionWords, ordinaryWords): one lookup each in isStopName. Both are
// made by init.
var stopTitles, stopWords lexicon.Set

func isStopName(name string) bool {
	if stopNames[name] || stopTitles.HasTitle(name) || stopWords.HasFold(name) {
		return true
	}
	// Single letters and numbers are not names.
	return utf8.RuneCountInString(name) < 2
}

// lowerIn reports whether the lower-case form of a short ASCII word is in
// set, without allocating.
func lowerIn(w string, set map[string]bool) bool { return lexicon.Set(set).HasFold(w) }

// intern returns the id of a name.
func (st *state) intern(name string) int32 { return st.internHashed(hashWord(name), name) }

// internHashed returns the id of a name whose hashWord is h.
func (st *state) internHashed(h uint64, name string) int32 {
	if id, ok := st.nameIdx.get(h, name); ok {
		return id
	}
	id := int32(len(st.nameText))
	st.nameText = append(st.nameText, name)
	st.nameIdx.put(h, name, id)
	return id
}

// addAddressed records a name someone addressed or called on, and each of
// its words: titles leave out names that are only these.
func (st *state) addAddressed(name string) {
	st.markAddressed(name)
	for w := range strings.FieldsSeq(name) {
		st.markAddressed(w)
	}
}

func (st *state) markAddressed(name string) {
	id := int(st.intern(name))
	for len(st.addressed) <= id {
		st.addressed = append(st.addressed, false)
	}
	st.addressed[id] = true
}

// isAddressed reports whether name id is only someone addressed or called
// on (addAddressed).
func (st *state) isAddressed(id int32) bool {
	return int(id) < len(st.addressed) && st.addressed[id]
}
