// Package doc turns a briefing into what the reader shows: a flat list of
// blocks (section headings and paragraphs) with the speaker, the kind of
// speech and the render unit of each, and the plain wrapping that gives
// every block a height before glamour has rendered it. It knows nothing of
// Bubble Tea; the reader virtualises over its blocks.
package doc

import (
	"sort"
	"strconv"
	"strings"

	"github.com/brief-reader/brief/internal/briefing"
	"github.com/brief-reader/brief/internal/textclean"
	"github.com/brief-reader/brief/internal/ui/theme"
)

// Kind says what a block is.
type Kind uint8

// Block kinds.
const (
	SectionHead Kind = iota
	Para
)

// Voice says how a paragraph is spoken, which decides its gutter mark.
type Voice uint8

// Voices.
const (
	Narration Voice = iota // nobody's speech
	Turn                   // a transcript turn
	Direct                 // holds a direct quote
	Reported               // reported speech
	Stage                  // stage direction, timestamp
	Heading                // a heading in the text
)

var voiceNames = [...]string{"narration", "turn", "direct", "reported", "stage", "heading"}

// String names the voice.
func (v Voice) String() string {
	if int(v) < len(voiceNames) {
		return voiceNames[v]
	}
	return "voice?"
}

// Block is one item of the reader's list.
type Block struct {
	Kind Kind
	// Para is the paragraph of a Para block; for a SectionHead, the first
	// paragraph of its section.
	Para    int
	Section int
	// Speaker indexes Doc.Speakers, or -1.
	Speaker int
	Voice   Voice
	// Label is set when the block opens a run of speech by its speaker:
	// the reader prints the speaker's name above it.
	Label bool
	// Chunk is the render unit the block belongs to (-1 for headings,
	// which are drawn without glamour).
	Chunk int
}

// Speaker is a speaker as the Speakers pane lists them.
type Speaker struct {
	ID, Name, Role string
	Kind           briefing.SpeakerKind
	// Count is the number of quotes of any kind: what n/N step through.
	Count int
	// Rank is the 1-based position in the list; 1–9 jump to it.
	Rank   int
	Colour theme.SpeakerColour
	// First is the first paragraph the speaker speaks in (for ordering).
	First int
}

// Chunk is a run of paragraph blocks rendered together, within a section.
type Chunk struct {
	Section     int
	First, Last int // block indices, inclusive
}

// Chunk size limits: small enough that rendering one stays well under a
// frame of work on a background core, large enough to amortise a
// renderer.
const (
	chunkMaxBlocks = 24
	chunkMaxBytes  = 6 << 10
)

// Doc is a briefing laid out for reading. It is immutable once built and
// shared by the model and render commands.
type Doc struct {
	B *briefing.Briefing
	// Sections always holds at least one section: a briefing without
	// sections gets one covering everything, titled "".
	Sections []briefing.Section
	// Implicit is set when Sections was synthesised.
	Implicit  bool
	Blocks    []Block
	Speakers  []Speaker
	Chunks    []Chunk
	ParaBlock []int // paragraph index → block index
	HeadBlock []int // section index → block index of its heading
	// Order lists quote indices in reading order; OrderPos is the
	// inverse (-1 for a quote outside the text).
	Order    []int
	OrderPos []int
	// QuoteSpeaker is the Speakers index of each quote (-1 if unknown).
	QuoteSpeaker []int
	// ParaQuotes lists, per paragraph, the quotes that start in it.
	ParaQuotes [][]int
	// Words are each paragraph's measured words (see MeasureWords).
	Words []Words
	// lower holds each paragraph's text lowered for smart-case search,
	// built on the first case-insensitive search.
	lower []string
	// Title, Date, Source are cleaned for one line.
	Title, Date, Source string
	speakerIndex        map[string]int
}

// New lays out a briefing. It does not modify b.
func New(b *briefing.Briefing) *Doc {
	d := &Doc{B: b, Title: textclean.Line(b.Title), Date: textclean.Line(b.Date), Source: textclean.Line(b.Source)}
	d.sections()
	d.speakers()
	d.quotes()
	d.blocks()
	d.chunks()
	d.Words = make([]Words, len(b.Paragraphs))
	for i, p := range b.Paragraphs {
		d.Words[i] = MeasureWords(p.Text)
	}
	return d
}

// LineCount is the number of lines of a paragraph block's text at width,
// as Wrap would make them.
func (d *Doc) LineCount(block, width int) int {
	blk := d.Blocks[block]
	if blk.Kind != Para {
		return 0
	}
	if ws := d.Words[blk.Para]; ws != nil {
		if n, ok := ws.CountWords(width); ok {
			return n
		}
	}
	return Count(d.B.Paragraphs[blk.Para].Text, width)
}

func (d *Doc) sections() {
	b := d.B
	n := len(b.Paragraphs)
	ok := len(b.Sections) > 0
	next := 0
	for _, s := range b.Sections {
		if s.FirstParagraph != next || s.LastParagraph < s.FirstParagraph || s.LastParagraph >= n {
			ok = false
			break
		}
		next = s.LastParagraph + 1
	}
	if ok && next == n {
		d.Sections = b.Sections
		return
	}
	d.Implicit = true
	d.Sections = []briefing.Section{{FirstParagraph: 0, LastParagraph: n - 1}}
}

func (d *Doc) speakers() {
	b := d.B
	first := make(map[string]int, len(b.Speakers))
	for i := len(b.Paragraphs) - 1; i >= 0; i-- {
		if id := b.Paragraphs[i].Speaker; id != "" {
			first[id] = i
		}
	}
	for i := len(b.Quotes) - 1; i >= 0; i-- {
		q := b.Quotes[i]
		if f, ok := first[q.Speaker]; !ok || q.Paragraph < f {
			first[q.Speaker] = q.Paragraph
		}
	}
	counts := make(map[string]int, len(b.Speakers))
	for _, q := range b.Quotes {
		counts[q.Speaker]++
	}
	d.Speakers = make([]Speaker, 0, len(b.Speakers))
	for _, s := range b.Speakers {
		f, ok := first[s.ID]
		if !ok {
			f = len(b.Paragraphs)
		}
		d.Speakers = append(d.Speakers, Speaker{
			ID: s.ID, Name: textclean.Line(s.Name), Role: textclean.Line(s.Role), Kind: s.Kind,
			Count: counts[s.ID], First: f,
		})
	}
	group := func(k briefing.SpeakerKind) int {
		switch k {
		case briefing.Person:
			return 0
		case briefing.Questioner:
			return 1
		}
		return 2
	}
	sort.SliceStable(d.Speakers, func(i, j int) bool {
		a, c := d.Speakers[i], d.Speakers[j]
		if ga, gc := group(a.Kind), group(c.Kind); ga != gc {
			return ga < gc
		}
		if a.Count != c.Count {
			return a.Count > c.Count
		}
		return a.First < c.First
	})
	d.speakerIndex = make(map[string]int, len(d.Speakers))
	person := 0
	for i := range d.Speakers {
		s := &d.Speakers[i]
		s.Rank = i + 1
		switch s.Kind {
		case briefing.Person:
			s.Colour = theme.SpeakerColour(person)
			person++
		case briefing.Questioner:
			s.Colour = theme.QuestionerColour
		default:
			s.Colour = theme.RoleColour
		}
		if s.Name == "" {
			s.Name = s.ID
		}
		d.speakerIndex[s.ID] = i
	}
}

// SpeakerIndex returns the Speakers index of a speaker ID, or -1.
func (d *Doc) SpeakerIndex(id string) int {
	if i, ok := d.speakerIndex[id]; ok {
		return i
	}
	return -1
}

func (d *Doc) quotes() {
	b := d.B
	n := len(b.Paragraphs)
	d.Order = make([]int, 0, len(b.Quotes))
	d.QuoteSpeaker = make([]int, len(b.Quotes))
	d.ParaQuotes = make([][]int, n)
	for i, q := range b.Quotes {
		d.QuoteSpeaker[i] = d.SpeakerIndex(q.Speaker)
		if q.Paragraph < 0 || q.Paragraph >= n {
			continue
		}
		d.Order = append(d.Order, i)
	}
	sort.SliceStable(d.Order, func(i, j int) bool {
		a, c := b.Quotes[d.Order[i]], b.Quotes[d.Order[j]]
		if a.Paragraph != c.Paragraph {
			return a.Paragraph < c.Paragraph
		}
		return a.Start < c.Start
	})
	d.OrderPos = make([]int, len(b.Quotes))
	for i := range d.OrderPos {
		d.OrderPos[i] = -1
	}
	for oi, qi := range d.Order {
		p := b.Quotes[qi].Paragraph
		d.ParaQuotes[p] = append(d.ParaQuotes[p], qi)
		d.OrderPos[qi] = oi
	}
}

// voices works out each paragraph's speaker and voice from the quotes
// that cover it.
func (d *Doc) voices() ([]int, []Voice) {
	b := d.B
	n := len(b.Paragraphs)
	spk := make([]int, n)
	voice := make([]Voice, n)
	var turn, direct, reported []bool
	turn, direct, reported = make([]bool, n), make([]bool, n), make([]bool, n)
	qspk := make([]int, n)
	for i := range qspk {
		qspk[i] = -1
	}
	for _, q := range b.Quotes {
		lo, hi := max(q.Paragraph, 0), min(q.EndParagraph, n-1)
		for p := lo; p <= hi; p++ {
			switch q.Kind {
			case briefing.Turn:
				turn[p] = true
			case briefing.Direct:
				direct[p] = true
			case briefing.Reported:
				reported[p] = true
			}
			if qspk[p] < 0 {
				qspk[p] = d.SpeakerIndex(q.Speaker)
			}
		}
	}
	for i, p := range b.Paragraphs {
		spk[i] = -1
		if p.Speaker != "" {
			spk[i] = d.SpeakerIndex(p.Speaker)
		}
		if spk[i] < 0 {
			spk[i] = qspk[i]
		}
		switch {
		case p.Role == briefing.Heading:
			voice[i], spk[i] = Heading, -1
		case p.Role == briefing.Stage:
			voice[i], spk[i] = Stage, -1
		case turn[i]:
			voice[i] = Turn
		case direct[i]:
			voice[i] = Direct
		case reported[i]:
			voice[i] = Reported
		case spk[i] >= 0 && b.Kind == briefing.Transcript:
			voice[i] = Turn
		case spk[i] >= 0:
			voice[i] = Reported
		default:
			voice[i] = Narration
		}
	}
	return spk, voice
}

func (d *Doc) blocks() {
	b := d.B
	spk, voice := d.voices()
	d.ParaBlock = make([]int, len(b.Paragraphs))
	d.HeadBlock = make([]int, len(d.Sections))
	d.Blocks = make([]Block, 0, len(b.Paragraphs)+len(d.Sections))
	for si, s := range d.Sections {
		d.HeadBlock[si] = len(d.Blocks)
		if !d.Implicit {
			d.Blocks = append(d.Blocks, Block{Kind: SectionHead, Para: s.FirstParagraph, Section: si, Speaker: -1, Chunk: -1})
		}
		prev := -1
		for p := s.FirstParagraph; p <= s.LastParagraph && p < len(b.Paragraphs); p++ {
			blk := Block{Kind: Para, Para: p, Section: si, Speaker: spk[p], Voice: voice[p], Chunk: -1}
			if blk.Speaker >= 0 && (blk.Speaker != prev || b.Paragraphs[p].Label != "") {
				blk.Label = true
			}
			prev = blk.Speaker
			d.ParaBlock[p] = len(d.Blocks)
			d.Blocks = append(d.Blocks, blk)
		}
	}
}

func (d *Doc) chunks() {
	cur := -1
	size, count := 0, 0
	for i := range d.Blocks {
		blk := &d.Blocks[i]
		if blk.Kind != Para {
			continue
		}
		n := len(d.B.Paragraphs[blk.Para].Text)
		if cur < 0 || d.Chunks[cur].Section != blk.Section || count >= chunkMaxBlocks || size+n > chunkMaxBytes && count > 0 {
			d.Chunks = append(d.Chunks, Chunk{Section: blk.Section, First: i, Last: i})
			cur = len(d.Chunks) - 1
			size, count = 0, 0
		}
		blk.Chunk = cur
		d.Chunks[cur].Last = i
		size += n
		count++
	}
}

// Text is the paragraph text of a block ("" for a heading block).
func (d *Doc) Text(i int) string {
	blk := d.Blocks[i]
	if blk.Kind != Para {
		return ""
	}
	return d.B.Paragraphs[blk.Para].Text
}

// SectionTitle is a section's title for display: its own, or "Section N".
func (d *Doc) SectionTitle(si int) string {
	if si < 0 || si >= len(d.Sections) {
		return ""
	}
	if t := textclean.Line(d.Sections[si].Title); t != "" {
		return t
	}
	if d.Implicit {
		return ""
	}
	return "Section " + strconv.Itoa(si+1)
}

// TopicLabel returns a topic's label from the briefing's topic shares, or
// the ID itself.
func (d *Doc) TopicLabel(id string) string {
	for _, t := range d.B.Topics {
		if t.ID == id && t.Label != "" {
			return textclean.Line(t.Label)
		}
	}
	return textclean.Line(id)
}

// Lower returns paragraph p's text lowered for case-insensitive search.
// The first call lowers every paragraph; Doc is otherwise immutable, and
// only the model calls this, from Update.
func (d *Doc) Lower(p int) string {
	if d.lower == nil {
		d.lower = make([]string, len(d.B.Paragraphs))
		for i, para := range d.B.Paragraphs {
			d.lower[i] = strings.ToLower(para.Text)
		}
	}
	return d.lower[p]
}
