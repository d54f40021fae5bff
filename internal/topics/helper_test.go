package topics

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/brief-reader/brief/internal/briefing"
	"github.com/brief-reader/brief/internal/parse"
)

// Fixture files go through the real parser (parseForTest). fixture is a
// deliberately simple, independent stand-in used where a test needs full
// control of the structure (fuzzing, corpus dumps): paragraphs split on
// blank lines; "# " lines are Markdown headings; "(Laughter.)", times and
// "END" are stage notes; in transcripts, "LABEL:" and "Q " paragraphs open
// speaker turns that run to the next label.

var (
	labelRe = regexp.MustCompile(`^([A-Z][A-Z.'’ -]*[A-Z.]):\s`)
	qRe     = regexp.MustCompile(`^Q(\s|:|$)`)
	stageRe = regexp.MustCompile(`^(\(.*\)\.?|\d{1,2}:\d\d [AP]\.M\. E[SD]T|END\b.*|_+)$`)
)

// fixture builds a briefing from text the way the dev files are written.
func fixture(path, text string) *briefing.Briefing {
	b := &briefing.Briefing{Path: path}
	if strings.HasPrefix(text, "# source:") {
		line, rest, _ := strings.Cut(text, "\n")
		b.Source = strings.TrimSpace(strings.TrimPrefix(line, "# source:"))
		text = rest
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	var paras []string
	for _, block := range regexp.MustCompile(`\n[ \t]*\n`).Split(text, -1) {
		if block = strings.TrimSpace(block); block != "" {
			paras = append(paras, block)
		}
	}
	type lab struct{ label, rest string }
	labels := make([]lab, len(paras))
	labelled, qs := 0, 0
	seen := map[string]int{}
	for i, p := range paras {
		if m := labelRe.FindStringSubmatch(p); m != nil && !strings.HasPrefix(p, "#") {
			labels[i] = lab{m[1], p[len(m[0]):]}
			labelled++
			seen[m[1]]++
		} else if qRe.MatchString(p) {
			labels[i] = lab{"Q", strings.TrimLeft(p[1:], ": ")}
			qs++
		}
	}
	repeats := false
	for _, n := range seen {
		repeats = repeats || n > 1
	}
	transcript := qs >= 2 || labelled >= 4 && repeats
	if transcript {
		b.Kind = briefing.Transcript
	}
	speakerOf := map[string]string{}
	addSpeaker := func(label string) string {
		if id, ok := speakerOf[label]; ok {
			return id
		}
		id := strings.ToLower(strings.NewReplacer(" ", "-", ".", "", "'", "", "’", "").Replace(label))
		kind := briefing.Person
		switch label {
		case "Q":
			kind = briefing.Questioner
		case "MODERATOR", "INTERPRETER", "OPERATOR":
			kind = briefing.Role
		}
		b.Speakers = append(b.Speakers, briefing.Speaker{ID: id, Name: label, Kind: kind, Aliases: []string{label}})
		speakerOf[label] = id
		return id
	}
	for i, p := range paras {
		para := briefing.Paragraph{Index: i, Text: p}
		switch {
		case strings.HasPrefix(p, "#"):
			level := len(p) - len(strings.TrimLeft(p, "#"))
			if level <= 6 && len(p) > level && p[level] == ' ' {
				para.Role = briefing.Heading
				para.Level = level
			}
		case stageRe.MatchString(p):
			para.Role = briefing.Stage
		}
		if transcript && labels[i].label != "" {
			para.Label = labels[i].label
		}
		b.Paragraphs = append(b.Paragraphs, para)
	}
	if !transcript {
		return b
	}
	for i := 0; i < len(paras); i++ {
		l := labels[i]
		if l.label == "" {
			continue
		}
		end := i
		for j := i + 1; j < len(paras) && labels[j].label == ""; j++ {
			if b.Paragraphs[j].Role == briefing.Body {
				end = j
			}
		}
		id := addSpeaker(l.label)
		start := len(paras[i]) - len(l.rest)
		q := briefing.Quote{Speaker: id, Kind: briefing.Turn, Paragraph: i, EndParagraph: end, Start: start, End: len(paras[end])}
		parts, _ := b.QuoteSpan(q)
		q.Text = strings.Join(parts, "\n\n")
		b.Quotes = append(b.Quotes, q)
		for j := i; j <= end; j++ {
			if b.Paragraphs[j].Role == briefing.Body {
				b.Paragraphs[j].Speaker = id
			}
		}
	}
	return b
}

// loadFixture reads a fixture file from testdata and parses it with the
// real parser.
func loadFixture(t testing.TB, name string) *briefing.Briefing {
	t.Helper()
	path := filepath.Join("testdata", name)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return parseForTest(t, path, data)
}

// paragraphWith returns the index of the first paragraph containing s.
func paragraphWith(t testing.TB, b *briefing.Briefing, s string) int {
	t.Helper()
	for i, p := range b.Paragraphs {
		if strings.Contains(p.Text, s) {
			return i
		}
	}
	t.Fatalf("%s: no paragraph contains %q", b.Path, s)
	return -1
}

// parseForTest parses a file's contents with internal/parse.
func parseForTest(t testing.TB, path string, data []byte) *briefing.Briefing {
	t.Helper()
	b, err := parse.Parse(path, data, parse.DefaultOptions())
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if err := b.Validate(); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return b
}
