// Package briefing holds the model of a briefing: its paragraphs, speakers,
// quotes, topic sections and the metadata that came with it.
//
// The package is pure data. Parsing lives in internal/parse, topic
// classification in internal/topics; neither this package nor those import
// any terminal UI library.
package briefing

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Kind says how a briefing is laid out.
type Kind int

// Briefing kinds.
const (
	// Article is prose with embedded quotes, such as a wire story.
	Article Kind = iota
	// Transcript is a sequence of speaker-labelled turns.
	Transcript
)

var kindNames = [...]string{Article: "article", Transcript: "transcript"}

// String returns the lower-case name used in flags and JSON.
func (k Kind) String() string { return enumString(kindNames[:], int(k)) }

// MarshalText implements encoding.TextMarshaler.
func (k Kind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *Kind) UnmarshalText(b []byte) error { return enumParse(kindNames[:], "kind", b, (*int)(k)) }

// ParseKind parses "article" or "transcript".
func ParseKind(s string) (Kind, error) {
	var k Kind
	err := k.UnmarshalText([]byte(s))
	return k, err
}

// Markup says what the source text was written in.
type Markup int

// Markups.
const (
	Plain Markup = iota
	Markdown
)

var markupNames = [...]string{Plain: "plain", Markdown: "markdown"}

// String returns the lower-case name used in JSON.
func (m Markup) String() string { return enumString(markupNames[:], int(m)) }

// MarshalText implements encoding.TextMarshaler.
func (m Markup) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (m *Markup) UnmarshalText(b []byte) error {
	return enumParse(markupNames[:], "markup", b, (*int)(m))
}

// SpeakerKind says what sort of voice a speaker is.
type SpeakerKind int

// Speaker kinds.
const (
	// Person is a named individual.
	Person SpeakerKind = iota
	// Questioner stands for all unnamed reporters asking questions.
	Questioner
	// Role is a voice of a transcript known by its function: moderator,
	// operator, announcer, interpreter.
	Role
	// Organization is an institution speaking as a whole: "the ministry
	// said in a statement", "Acme Motors said".
	Organization
	// Unnamed is a person quoted without a name, known by a description:
	// "a Treasury spokeswoman", "an industry lobbyist".
	Unnamed
)

var speakerKindNames = [...]string{Person: "person", Questioner: "questioner", Role: "role", Organization: "organization", Unnamed: "unnamed"}

// String returns the lower-case name used in JSON.
func (k SpeakerKind) String() string { return enumString(speakerKindNames[:], int(k)) }

// MarshalText implements encoding.TextMarshaler.
func (k SpeakerKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *SpeakerKind) UnmarshalText(b []byte) error {
	return enumParse(speakerKindNames[:], "speaker kind", b, (*int)(k))
}

// QuoteKind says how a quote was given.
type QuoteKind int

// Quote kinds.
const (
	// Direct is speech in quotation marks.
	Direct QuoteKind = iota
	// Reported is indirect speech: "Misri said that ...".
	Reported
	// Turn is a transcript turn: everything from a speaker label to the next.
	Turn
)

var quoteKindNames = [...]string{Direct: "direct", Reported: "reported", Turn: "turn"}

// String returns the lower-case name used in flags and JSON.
func (k QuoteKind) String() string { return enumString(quoteKindNames[:], int(k)) }

// MarshalText implements encoding.TextMarshaler.
func (k QuoteKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *QuoteKind) UnmarshalText(b []byte) error {
	return enumParse(quoteKindNames[:], "quote kind", b, (*int)(k))
}

// ParseQuoteKind parses "direct", "reported" or "turn".
func ParseQuoteKind(s string) (QuoteKind, error) {
	var k QuoteKind
	err := k.UnmarshalText([]byte(s))
	return k, err
}

// ParagraphRole says what a paragraph is, beyond its text.
type ParagraphRole int

// Paragraph roles.
const (
	// Body is ordinary text: narration, or a transcript turn's speech.
	Body ParagraphRole = iota
	// Heading is a Markdown heading or a detected headline.
	Heading
	// Stage is a stage direction or other non-speech note: "(Laughter.)",
	// a timestamp, "END".
	Stage
)

var paragraphRoleNames = [...]string{Body: "body", Heading: "heading", Stage: "stage"}

// String returns the lower-case name used in JSON.
func (r ParagraphRole) String() string { return enumString(paragraphRoleNames[:], int(r)) }

// MarshalText implements encoding.TextMarshaler.
func (r ParagraphRole) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (r *ParagraphRole) UnmarshalText(b []byte) error {
	return enumParse(paragraphRoleNames[:], "paragraph role", b, (*int)(r))
}

// Briefing is one parsed briefing file.
type Briefing struct {
	Path   string `json:"path"`
	Title  string `json:"title"`
	Date   string `json:"date"`
	Source string `json:"source"`
	// SourceURL is where the briefing is published: the URL it was
	// fetched from, or a saved page's canonical URL. Empty when unknown.
	SourceURL string `json:"source_url"`
	Kind      Kind   `json:"kind"`
	Markup    Markup `json:"markup"`
	// Words counts the words of all body paragraphs.
	Words      int          `json:"words"`
	Speakers   []Speaker    `json:"speakers"`
	Paragraphs []Paragraph  `json:"paragraphs"`
	Quotes     []Quote      `json:"quotes"`
	Sections   []Section    `json:"sections"`
	Topics     []TopicShare `json:"topics"`
	Warnings   []string     `json:"warnings,omitempty"`
}

// Speaker is a voice in a briefing.
type Speaker struct {
	// ID is unique within the briefing and stable for the same text.
	ID   string      `json:"id"`
	Name string      `json:"name"`
	Role string      `json:"role"`
	Kind SpeakerKind `json:"kind"`
	// Aliases are the other names the text uses: labels, surnames, titles.
	Aliases []string `json:"aliases"`
	// Quotes counts direct quotes and transcript turns.
	Quotes int `json:"quotes"`
	// Reported counts reported-speech quotes.
	Reported int `json:"reported"`
	// Words counts the words of the speaker's direct quotes and turns.
	Words int `json:"words"`
}

// Paragraph is one block of text, in reading order.
type Paragraph struct {
	Index int    `json:"index"`
	Text  string `json:"text"`
	// Speaker is the ID of the speaker whose speech the paragraph mainly
	// holds, or empty for narration.
	Speaker string        `json:"speaker"`
	Role    ParagraphRole `json:"role"`
	// Label is the transcript label that opened the paragraph, as written
	// ("MS. LEAVITT"), without its colon. Empty when none.
	Label string `json:"label,omitempty"`
	// Level is the heading level for Heading paragraphs (1-6).
	Level int `json:"level,omitempty"`
	// Words counts the paragraph's words, as Briefing.Words does.
	Words   int      `json:"words"`
	Topics  []string `json:"topics"`
	Section int      `json:"section"`
}

// Quote is a piece of speech attributed to a speaker.
//
// A quote starts at byte Start of paragraph Paragraph and ends at byte End of
// paragraph EndParagraph. For a quote inside one paragraph the two are equal
// and Text is Paragraphs[Paragraph].Text[Start:End]. A quote or turn that runs
// across paragraphs has Text equal to those pieces joined with "\n\n"; in a
// direct quote, a following paragraph's piece starts after the quotation
// mark that reopens it (newswire style).
type Quote struct {
	Speaker string    `json:"speaker"`
	Kind    QuoteKind `json:"kind"`
	// Partial marks a direct quote of a few words inside reported speech:
	// `Ortiz called the ruling "a disgrace"`.
	Partial      bool     `json:"partial,omitempty"`
	Text         string   `json:"text"`
	Paragraph    int      `json:"paragraph"`
	EndParagraph int      `json:"end_paragraph"`
	Start        int      `json:"start"`
	End          int      `json:"end"`
	Topics       []string `json:"topics"`
	Section      int      `json:"section"`
}

// Section is a contiguous run of paragraphs on one subject.
type Section struct {
	Title          string   `json:"title"`
	Topics         []string `json:"topics"`
	FirstParagraph int      `json:"first_paragraph"`
	LastParagraph  int      `json:"last_paragraph"`
}

// TopicShare is how much of a briefing is about one topic.
type TopicShare struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	// Share is the fraction of the briefing's words in paragraphs carrying
	// the topic.
	Share      float64 `json:"share"`
	Paragraphs int     `json:"paragraphs"`
	Words      int     `json:"words"`
}

// Speaker returns the speaker with the given ID. Briefings have tens of
// speakers at most, so a scan beats keeping an index in sync.
//
// It looks through the speakers: to look up many, use SpeakerIndex.
func (b *Briefing) Speaker(id string) (*Speaker, bool) {
	for i := range b.Speakers {
		if b.Speakers[i].ID == id {
			return &b.Speakers[i], true
		}
	}
	return nil, false
}

// SpeakerIndex maps each speaker's ID to its place in Speakers, for a
// caller that looks up a speaker per quote or per paragraph: Speaker's
// search per lookup would make that quadratic in the speakers.
func (b *Briefing) SpeakerIndex() map[string]int {
	idx := make(map[string]int, len(b.Speakers))
	for i := range b.Speakers {
		if _, dup := idx[b.Speakers[i].ID]; !dup {
			idx[b.Speakers[i].ID] = i
		}
	}
	return idx
}

// QuoteSpan returns the pieces of text a quote covers, one per paragraph.
func (b *Briefing) QuoteSpan(q Quote) ([]string, error) {
	if q.Paragraph < 0 || q.EndParagraph < q.Paragraph || q.EndParagraph >= len(b.Paragraphs) {
		return nil, fmt.Errorf("quote paragraphs %d-%d out of range", q.Paragraph, q.EndParagraph)
	}
	var parts []string
	for i := q.Paragraph; i <= q.EndParagraph; i++ {
		t := b.Paragraphs[i].Text
		start, end := 0, len(t)
		if i == q.Paragraph {
			start = q.Start
		} else if q.Kind == Direct {
			start = Reopened(t)
		}
		if i == q.EndParagraph {
			end = q.End
		}
		if start < 0 || end > len(t) || start > end {
			return nil, fmt.Errorf("quote bytes %d-%d out of range in paragraph %d", start, end, i)
		}
		parts = append(parts, t[start:end])
	}
	return parts, nil
}

// Reopened returns where a paragraph's text starts after a quotation mark
// that reopens a quote running on from the previous paragraph: where a
// multi-paragraph direct quote's piece in that paragraph begins.
func Reopened(t string) int {
	for _, m := range []string{"“", "‘", "«", "„", "‚", "‹", "\"", "'"} {
		if strings.HasPrefix(t, m) {
			return len(m)
		}
	}
	return 0
}

// Validate checks the invariants every parsed briefing holds: paragraphs are
// numbered in order, each quote's text is the text it points at, each quote's
// speaker exists, and sections cover the paragraphs in order without overlap.
func (b *Briefing) Validate() error {
	speakers := b.SpeakerIndex()
	for i, p := range b.Paragraphs {
		if p.Index != i {
			return fmt.Errorf("paragraph %d has index %d", i, p.Index)
		}
		if p.Speaker != "" {
			if _, ok := speakers[p.Speaker]; !ok {
				return fmt.Errorf("paragraph %d: unknown speaker %q", i, p.Speaker)
			}
		}
	}
	for i, q := range b.Quotes {
		if _, ok := speakers[q.Speaker]; !ok {
			return fmt.Errorf("quote %d: unknown speaker %q", i, q.Speaker)
		}
		parts, err := b.QuoteSpan(q)
		if err != nil {
			return fmt.Errorf("quote %d: %w", i, err)
		}
		if got := strings.Join(parts, "\n\n"); got != q.Text {
			return fmt.Errorf("quote %d: text %q is not the span it points at %q", i, q.Text, got)
		}
	}
	next := 0
	for i, s := range b.Sections {
		if s.FirstParagraph != next || s.LastParagraph < s.FirstParagraph {
			return fmt.Errorf("section %d covers %d-%d, want it to start at %d", i, s.FirstParagraph, s.LastParagraph, next)
		}
		next = s.LastParagraph + 1
	}
	if len(b.Sections) > 0 && next != len(b.Paragraphs) {
		return fmt.Errorf("sections end at paragraph %d of %d", next, len(b.Paragraphs))
	}
	return nil
}

// MarshalJSON writes nil slices as empty arrays so that consumers of the
// export never see null where a list belongs.
func (b Briefing) MarshalJSON() ([]byte, error) {
	type plain Briefing
	p := plain(b)
	p.Speakers = nonNil(p.Speakers)
	p.Paragraphs = nonNil(p.Paragraphs)
	p.Quotes = nonNil(p.Quotes)
	p.Sections = nonNil(p.Sections)
	p.Topics = nonNil(p.Topics)
	for i := range p.Speakers {
		p.Speakers[i].Aliases = nonNil(p.Speakers[i].Aliases)
	}
	for i := range p.Paragraphs {
		p.Paragraphs[i].Topics = nonNil(p.Paragraphs[i].Topics)
	}
	for i := range p.Quotes {
		p.Quotes[i].Topics = nonNil(p.Quotes[i].Topics)
	}
	for i := range p.Sections {
		p.Sections[i].Topics = nonNil(p.Sections[i].Topics)
	}
	return json.Marshal(p)
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func enumString(names []string, i int) string {
	if i < 0 || i >= len(names) {
		return fmt.Sprintf("unknown(%d)", i)
	}
	return names[i]
}

func enumParse(names []string, what string, b []byte, dst *int) error {
	s := strings.ToLower(strings.TrimSpace(string(b)))
	for i, n := range names {
		if n == s {
			*dst = i
			return nil
		}
	}
	return fmt.Errorf("unknown %s %q (want one of %s)", what, s, strings.Join(names, ", "))
}
