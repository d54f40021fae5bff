package export

import (
	"bytes"
	"strings"
	"testing"

	"github.com/brief-reader/brief/internal/briefing"
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
