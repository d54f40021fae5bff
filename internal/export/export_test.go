package export

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/brief-reader/brief/internal/briefing"
	"github.com/brief-reader/brief/internal/parse"
)

// TestSpeakerKindsAndPartialQuotes checks that text and Markdown say which
// voices are organisations or unnamed sources, and which quotes are partial.
func TestSpeakerKindsAndPartialQuotes(t *testing.T) {
	text := "The agency and a spokeswoman spoke. “a disgrace”"
	b := &briefing.Briefing{
		Path: "x.txt", Title: "X",
		Speakers: []briefing.Speaker{
			{ID: "agency", Name: "Agency", Kind: briefing.Organization, Quotes: 1},
			{ID: "spokeswoman", Name: "Treasury spokeswoman", Kind: briefing.Unnamed, Quotes: 1},
		},
		Paragraphs: []briefing.Paragraph{{Index: 0, Text: text}},
		Quotes: []briefing.Quote{
			{Speaker: "agency", Kind: briefing.Direct, Text: "The agency", Start: 0, End: 10},
			{Speaker: "spokeswoman", Kind: briefing.Direct, Partial: true, Text: "a disgrace", Start: 39, End: 49},
		},
	}
	for _, f := range []Format{Text, Markdown} {
		var out bytes.Buffer
		if err := Write(&out, f, []*briefing.Briefing{b}, briefing.Filter{}); err != nil {
			t.Fatal(err)
		}
		got := out.String()
		for _, want := range []string{"Agency (organization)", "Treasury spokeswoman (unnamed source)", "(partial)"} {
			if !strings.Contains(got, want) {
				t.Errorf("%s output lacks %q:\n%s", f, want, got)
			}
		}
	}
}

// seedBriefings parses the bundled samples.
func seedBriefings(t *testing.T) []*briefing.Briefing {
	t.Helper()
	var bs []*briefing.Briefing
	for _, name := range []string{"india-japan-defence-misri-ani.txt", "wh-press-briefing-leavitt-2025-01-29.md", "wh-trump-modi-joint-press-conference-2025-02-13.txt"} {
		data, err := os.ReadFile("../../briefings/" + name)
		if err != nil {
			t.Fatal(err)
		}
		b, err := parse.Parse(name, data, parse.DefaultOptions())
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		bs = append(bs, b)
	}
	return bs
}

// countingWriter counts write calls and fails once it has taken limit
// bytes (never when limit is negative).
type countingWriter struct {
	writes, n, limit int
	sb               strings.Builder
}

var errFull = errors.New("no space left on device")

func (w *countingWriter) Write(p []byte) (int, error) {
	w.writes++
	if w.limit >= 0 && w.n+len(p) > w.limit {
		k := w.limit - w.n
		w.n += k
		w.sb.Write(p[:k])
		return k, errFull
	}
	w.n += len(p)
	w.sb.Write(p)
	return len(p), nil
}

// TestPeopleFormatsWriteInBlocks checks that Markdown and text leave in a
// few large writes, not one per quote piece.
func TestPeopleFormatsWriteInBlocks(t *testing.T) {
	bs := seedBriefings(t)
	for _, f := range []Format{Markdown, Text} {
		w := &countingWriter{limit: -1}
		if err := Write(w, f, bs, briefing.Filter{}); err != nil {
			t.Fatalf("%v: %v", f, err)
		}
		if want := w.n/writeBuffer + 1; w.writes > want {
			t.Errorf("%v: %d write calls for %d bytes, want at most %d", f, w.writes, w.n, want)
		}
		if !strings.Contains(w.sb.String(), "Vikram Misri") {
			t.Errorf("%v: output lacks the seed's speaker", f)
		}
	}
}

// TestWriteErrors checks that a failing writer's error comes back, wherever
// the output stops.
func TestWriteErrors(t *testing.T) {
	bs := seedBriefings(t)
	for _, f := range []Format{JSON, Markdown, Text} {
		full := &countingWriter{limit: -1}
		if err := Write(full, f, bs, briefing.Filter{}); err != nil {
			t.Fatal(err)
		}
		for _, limit := range []int{0, 10, writeBuffer - 1, full.n - 1} {
			w := &countingWriter{limit: limit}
			if err := Write(w, f, bs, briefing.Filter{}); !errors.Is(err, errFull) {
				t.Errorf("%v, writer full after %d of %d bytes: error %v, want %v", f, limit, full.n, err, errFull)
			}
		}
	}
}
