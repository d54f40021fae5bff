package briefing

import (
	"encoding/json"
	"os/exec"
	"strings"
	"testing"
)

func sample() *Briefing {
	return &Briefing{
		Kind: Article,
		Speakers: []Speaker{
			{ID: "vikram-misri", Name: "Vikram Misri", Role: "Foreign Secretary", Aliases: []string{"Misri", "The Foreign Secretary"}},
			{ID: "tanmaya-lal", Name: "Tanmaya Lal", Aliases: []string{"Lal"}},
		},
		Paragraphs: []Paragraph{
			{Index: 0, Text: "‘We are ready,’ Misri said."},
			{Index: 1, Text: "‘The talks go on.", Speaker: "tanmaya-lal"},
			{Index: 2, Text: "‘And they will go on,’ Lal said."},
		},
		Quotes: []Quote{
			{Speaker: "vikram-misri", Kind: Direct, Text: "We are ready", Paragraph: 0, EndParagraph: 0, Start: 3, End: 15, Topics: []string{"diplomacy"}},
			{Speaker: "tanmaya-lal", Kind: Direct, Text: "The talks go on.\n\nAnd they will go on", Paragraph: 1, EndParagraph: 2, Start: 3, End: 22, Topics: []string{"defence"}},
			{Speaker: "tanmaya-lal", Kind: Reported, Text: "Lal said", Paragraph: 2, EndParagraph: 2, Start: 27, End: 35},
		},
		Sections: []Section{{FirstParagraph: 0, LastParagraph: 1}, {FirstParagraph: 2, LastParagraph: 2}},
	}
}

func TestValidate(t *testing.T) {
	if err := sample().Validate(); err != nil {
		t.Fatalf("a valid briefing: %v", err)
	}
	broken := map[string]func(b *Briefing){
		"quote text differs":     func(b *Briefing) { b.Quotes[0].Text = "We are steady" },
		"quote out of range":     func(b *Briefing) { b.Quotes[0].End = 99 },
		"unknown speaker":        func(b *Briefing) { b.Quotes[0].Speaker = "nobody" },
		"paragraph index":        func(b *Briefing) { b.Paragraphs[1].Index = 5 },
		"section gap":            func(b *Briefing) { b.Sections[1].FirstParagraph = 3 },
		"sections short":         func(b *Briefing) { b.Sections = b.Sections[:1] },
		"paragraph speaker":      func(b *Briefing) { b.Paragraphs[1].Speaker = "nobody" },
		"end before start paras": func(b *Briefing) { b.Quotes[1].EndParagraph = 0 },
	}
	for name, breakIt := range broken {
		b := sample()
		breakIt(b)
		if err := b.Validate(); err == nil {
			t.Errorf("%s: Validate passed", name)
		}
	}
}

func TestFilter(t *testing.T) {
	b := sample()
	tests := []struct {
		name string
		f    Filter
		want int
	}{
		{"empty keeps all", Filter{}, 3},
		{"alias, any case, dots", Filter{Speakers: []string{"the foreign secretary."}}, 1},
		{"id", Filter{Speakers: []string{"tanmaya-lal"}}, 2},
		{"speakers are OR", Filter{Speakers: []string{"Misri", "Lal"}}, 3},
		{"kind", Filter{Kinds: []QuoteKind{Reported}}, 1},
		{"topic", Filter{Topics: []string{"defence", "space"}}, 1},
		{"fields are AND", Filter{Speakers: []string{"Misri"}, Topics: []string{"defence"}}, 0},
		{"unknown speaker", Filter{Speakers: []string{"Modi"}}, 0},
	}
	for _, tt := range tests {
		if got := len(tt.f.Quotes(b)); got != tt.want {
			t.Errorf("%s: %d quotes, want %d", tt.name, got, tt.want)
		}
	}
}

func TestEnumsAndJSON(t *testing.T) {
	for _, s := range []string{"article", "transcript"} {
		if k, err := ParseKind(s); err != nil || k.String() != s {
			t.Errorf("ParseKind(%q) = %v, %v", s, k, err)
		}
	}
	if _, err := ParseQuoteKind("speech"); err == nil || !strings.Contains(err.Error(), "direct, reported, turn") {
		t.Errorf("bad quote kind error: %v", err)
	}
	data, err := json.Marshal(Briefing{Speakers: []Speaker{{ID: "x"}}})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"kind":"article"`, `"markup":"plain"`, `"quotes":[]`, `"aliases":[]`, `"sections":[]`} {
		if !strings.Contains(string(data), want) {
			t.Errorf("JSON lacks %s: %s", want, data)
		}
	}
	var back Briefing
	if err := json.Unmarshal([]byte(`{"kind":"transcript","speakers":[{"kind":"questioner"}]}`), &back); err != nil || back.Kind != Transcript || back.Speakers[0].Kind != Questioner {
		t.Errorf("unmarshal: %+v %v", back, err)
	}
}

// TestDomainHasNoUI guards the house rule that the model and everything
// that builds it never depend on a terminal UI library, directly or not.
func TestDomainHasNoUI(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to list dependencies")
	}
	pkgs := []string{"briefing", "parse", "topics", "textclean", "load", "export", "web"}
	args := []string{"list", "-deps"}
	for _, p := range pkgs {
		args = append(args, "github.com/brief-reader/brief/internal/"+p)
	}
	out, err := exec.Command(goBin, args...).Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		for _, banned := range []string{"charmbracelet/bubbletea", "charmbracelet/lipgloss", "charmbracelet/bubbles", "charmbracelet/glamour", "muesli/termenv", "brief/internal/ui"} {
			if strings.Contains(dep, banned) {
				t.Errorf("a domain package depends on %s", dep)
			}
		}
	}
}
