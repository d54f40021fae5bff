package parse

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brief-reader/brief/internal/briefing"
)

// gold is a hand-made label file from testdata/dev (see its notes field for
// how things were counted).
type gold struct {
	Format   string `json:"format"`
	Speakers []struct {
		Name       string   `json:"name"`
		Aliases    []string `json:"aliases"`
		QuoteCount int      `json:"quote_count"`
	} `json:"speakers"`
}

// TestDevBriefings checks each real dev briefing against its gold labels:
// the detected kind, every gold speaker found under one of their names with
// exactly the gold number of quotes (articles: direct quotes; transcripts:
// turns), and no other speaker with quotes.
func TestDevBriefings(t *testing.T) {
	golds, err := filepath.Glob("testdata/dev/*.gold.json")
	if err != nil || len(golds) == 0 {
		t.Fatalf("no gold files: %v", err)
	}
	for _, gp := range golds {
		name := strings.TrimSuffix(filepath.Base(gp), ".gold.json")
		t.Run(name, func(t *testing.T) {
			var g gold
			raw, err := os.ReadFile(gp)
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(raw, &g); err != nil {
				t.Fatal(err)
			}
			b := parseFile(t, strings.TrimSuffix(gp, ".gold.json")+".txt")
			if b.Kind.String() != g.Format {
				t.Errorf("kind = %s, want %s", b.Kind, g.Format)
			}
			counts, _ := countQuotes(b, g.Format)
			matched := map[string]bool{}
			for _, gs := range g.Speakers {
				s := findSpeaker(b, gs.Name, gs.Aliases)
				if s == nil {
					t.Errorf("speaker %q not found; speakers: %v", gs.Name, speakerNames(b))
					continue
				}
				matched[s.ID] = true
				if counts[s.ID] != gs.QuoteCount {
					t.Errorf("%s: %d quotes, want %d", gs.Name, counts[s.ID], gs.QuoteCount)
				}
			}
			for id, n := range counts {
				if !matched[id] && n > 0 {
					t.Errorf("extra speaker %q with %d quotes", id, n)
				}
			}
		})
	}
}

// countQuotes counts, per speaker ID, the quotes gold labels count for a
// briefing of format: direct quotes in articles, turns in transcripts. It
// also returns their total.
func countQuotes(b *briefing.Briefing, format string) (map[string]int, int) {
	counted := briefing.Direct
	if format == "transcript" {
		counted = briefing.Turn
	}
	counts := map[string]int{}
	total := 0
	for _, q := range b.Quotes {
		if q.Kind == counted {
			counts[q.Speaker]++
			total++
		}
	}
	return counts, total
}

// findSpeaker finds the speaker a gold entry stands for: the questioner for
// "Q", else one who answers to the gold name or a multi-word alias.
func findSpeaker(b *briefing.Briefing, name string, aliases []string) *briefing.Speaker {
	for i := range b.Speakers {
		s := &b.Speakers[i]
		if name == "Q" {
			if s.Kind == briefing.Questioner {
				return s
			}
			continue
		}
		if s.Answers(name) {
			return s
		}
		for _, a := range aliases {
			if len(strings.Fields(a)) >= 1 && a != "he" && a != "He" && a != "she" && s.Answers(a) {
				return s
			}
		}
	}
	return nil
}

func speakerNames(b *briefing.Briefing) []string {
	var out []string
	for _, s := range b.Speakers {
		out = append(out, s.Name)
	}
	return out
}

func parseFile(t testing.TB, path string) *briefing.Briefing {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Parse(path, data, DefaultOptions())
	if err != nil {
		t.Fatalf("parse %s: %v", path, err)
	}
	if err := b.Validate(); err != nil {
		t.Fatalf("parse %s: invalid briefing: %v", path, err)
	}
	return b
}

// TestSeedDetails checks what the user's own sample must show beyond the
// counts: full names, roles, the pronoun switch to Lal, the slogan left out.
func TestSeedDetails(t *testing.T) {
	b := parseFile(t, "../../briefings/india-japan-defence-misri-ani.txt")
	if b.Kind != briefing.Article {
		t.Fatalf("kind = %s", b.Kind)
	}
	if !strings.HasPrefix(b.Title, "Defence, security-related cooperation") {
		t.Errorf("title = %q", b.Title)
	}
	if b.Date != "August 26" || b.Source != "ANI" {
		t.Errorf("date, source = %q, %q; want the dateline's", b.Date, b.Source)
	}
	if first := b.Paragraphs[0].Text; strings.Contains(first, "HomeLatest") {
		t.Errorf("page residue kept: %q", first)
	}
	if last := b.Paragraphs[len(b.Paragraphs)-1].Text; last == "Latest" || last == "Source" {
		t.Errorf("page residue kept at the end: %q", last)
	}
	misri := findSpeaker(b, "Vikram Misri", nil)
	lal := findSpeaker(b, "Tanmaya Lal", nil)
	if misri == nil || lal == nil {
		t.Fatalf("speakers = %v", speakerNames(b))
	}
	if misri.Role != "Foreign Secretary" || !misri.Answers("The Foreign Secretary") || !misri.Answers("Misri") {
		t.Errorf("Misri = %+v", misri)
	}
	if !strings.HasPrefix(lal.Role, "Secretary (West)") {
		t.Errorf("Lal's role = %q", lal.Role)
	}
	if len(b.Speakers) != 2 {
		t.Errorf("speakers = %v, want only Misri and Lal (Modi, Ishiba, Xi are only mentioned)", speakerNames(b))
	}
	var lalDirect []briefing.Quote
	for _, q := range b.Quotes {
		if strings.Contains(q.Text, "SECURE") && q.Kind == briefing.Direct {
			t.Errorf("slogan quoted as speech: %q", q.Text)
		}
		if q.Speaker == lal.ID && q.Kind == briefing.Direct {
			lalDirect = append(lalDirect, q)
		}
		if q.Kind == briefing.Direct && (strings.HasPrefix(q.Text, "‘") || strings.HasSuffix(q.Text, "’") || strings.HasSuffix(q.Text, ",")) {
			t.Errorf("quote text keeps its marks or comma: %q", q.Text)
		}
	}
	if len(lalDirect) != 1 || !strings.HasPrefix(lalDirect[0].Text, "Today, as a regional platform") {
		t.Errorf("Lal's direct quotes = %v, want the one that opens ‘Today…’", lalDirect)
	}
	// The apostrophe in Asia’s stays inside the quote.
	found := false
	for _, q := range b.Quotes {
		if q.Text == "They are two of Asia’s main democracies and amongst the highest 5 world economies" {
			found = q.Speaker == misri.ID
		}
	}
	if !found {
		t.Error("the ‘Asia’s’ quote is not whole or not Misri's")
	}
	if misri.Reported < 5 || lal.Reported < 3 {
		t.Errorf("reported speech: Misri %d, Lal %d", misri.Reported, lal.Reported)
	}
}
