package parse

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brief-reader/brief/internal/briefing"
	"github.com/brief-reader/brief/internal/hostile"
)

// checkInvariants fails t unless b holds every invariant of a parsed
// briefing: quotes point at their text, speakers exist, IDs are unique,
// paragraph text is clean.
func checkInvariants(t *testing.T, b *briefing.Briefing) {
	t.Helper()
	if err := b.Validate(); err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, s := range b.Speakers {
		if s.ID == "" || ids[s.ID] {
			t.Fatalf("speaker ID %q empty or repeated", s.ID)
		}
		ids[s.ID] = true
		hostile.AssertClean(t, s.Name)
	}
	for _, p := range b.Paragraphs {
		hostile.AssertClean(t, p.Text)
	}
	for _, q := range b.Quotes {
		if q.Kind == briefing.Turn && b.Kind != briefing.Transcript {
			t.Fatalf("turn in an article")
		}
	}
	hostile.AssertClean(t, b.Title)
}

func FuzzParse(f *testing.F) {
	for _, pattern := range []string{"testdata/dev/*.txt", "../../briefings/*.txt", "../../briefings/*.md"} {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err == nil {
				f.Add(filepath.Ext(file) == ".md", data)
			}
		}
	}
	for _, fx := range hostile.Small() {
		f.Add(false, fx.Data)
	}
	f.Add(true, []byte("---\ntitle: x\n---\n# H\n\nMS. X: “a ‘b’ c,” he said."))
	f.Fuzz(func(t *testing.T, md bool, data []byte) {
		b, err := Parse("fuzz.txt", data, Options{Markdown: md})
		if err != nil {
			return // binary or invalid UTF-8: refused, and that is fine
		}
		checkInvariants(t, b)
	})
}

// TestHostileFixtures parses every hostile fixture: no panic, no hang, the
// invariants hold and no control character survives.
func TestHostileFixtures(t *testing.T) {
	fixtures := hostile.Small()
	if !testing.Short() {
		fixtures = hostile.Fixtures()
	}
	for _, fx := range fixtures {
		t.Run(fx.Name, func(t *testing.T) {
			b, err := Parse(fx.Name+".txt", fx.Data, DefaultOptions())
			if err != nil {
				t.Fatalf("%s: %v", fx.Note, err)
			}
			checkInvariants(t, b)
		})
	}
	for _, fx := range hostile.Rejected() {
		if _, err := Parse(fx.Name, fx.Data, DefaultOptions()); err == nil {
			t.Errorf("%s: parsed, want an error (%s)", fx.Name, fx.Note)
		}
	}
}

// FuzzFrontMatter feeds arbitrary YAML to the front matter reader: no
// panic, and every value it keeps is clean, single-line text.
func FuzzFrontMatter(f *testing.F) {
	files, _ := filepath.Glob("../../briefings/*.md")
	for _, file := range files {
		if data, err := os.ReadFile(file); err == nil {
			if fm, _, ok := splitFrontMatter(string(data)); ok {
				f.Add(fm)
			}
		}
	}
	f.Add("title: \"a\\e]0;x\\a\\_b\"\ndate: 2025-01-02\nspeakers:\n  - name: Jane Doe\n    role: Senator\n    aliases: [DOE, 1, null]\n")
	f.Add("speakers: [Jane, {name: X, aliases: {a: b}}]\ntitle: [1, 2]\n")
	f.Add("&a [*a, *a]: x")
	f.Fuzz(func(t *testing.T, fm string) {
		m, _ := parseFrontMatter(fm)
		for _, v := range []string{m.title, m.date, m.source, m.kind} {
			hostile.AssertClean(t, v)
			if strings.Contains(v, "\n") {
				t.Fatalf("value %q spans lines", v)
			}
		}
		for _, s := range m.speakers {
			hostile.AssertClean(t, s.name)
			hostile.AssertClean(t, s.role)
		}
		// The whole document parses too, with the front matter in place.
		// It goes through Parse, as a file would: ParseText takes text
		// that is already decoded and clean, and fm may be neither
		// (a lone "..." ends the front matter early and leaves the rest,
		// invalid UTF-8 and all, in the body).
		b, err := Parse("fuzz.md", []byte("---\n"+fm+"\n---\nMS. X: Hello.\n"), Options{})
		if err != nil {
			return
		}
		checkInvariants(t, b)
	})
}
