package topics

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// requiredTopics are the topic IDs the issue asks the default taxonomy for.
var requiredTopics = []string{
	"defence", "security", "space", "trade", "economy", "energy", "climate",
	"health", "technology", "diplomacy", "terrorism", "migration",
	"education", "culture",
}

func TestDefaultTaxonomy(t *testing.T) {
	tax := Default()
	ids := tax.IDs()
	for _, id := range requiredTopics {
		if !slices.Contains(ids, id) {
			t.Errorf("default taxonomy lacks topic %q", id)
		}
	}
	for _, id := range ids {
		tp, ok := tax.Lookup(id)
		if !ok {
			t.Fatalf("Lookup(%q) failed for a listed id", id)
		}
		if tp.Label == "" {
			t.Errorf("%s: no label", id)
		}
		// A rich vocabulary, not one keyword per topic.
		if len(tp.Terms) < 40 {
			t.Errorf("%s: only %d terms", id, len(tp.Terms))
		}
		for _, term := range append(tp.Terms, tp.Negative...) {
			if term.Weight <= 0 || term.Weight > maxWeight {
				t.Errorf("%s: term %q has weight %v", id, term.Text, term.Weight)
			}
		}
	}
	if _, ok := tax.Lookup("no-such-topic"); ok {
		t.Error("Lookup found an unknown id")
	}
}

func TestDefaultTaxonomyIsShared(t *testing.T) {
	// Default parses once; Lookup hands out copies that cannot change it.
	first, second := Default(), Default()
	if first != second {
		t.Error("Default() parsed the embedded file twice")
	}
	tp, _ := Default().Lookup("space")
	tp.Terms[0].Text = "changed"
	again, _ := Default().Lookup("space")
	if again.Terms[0].Text == "changed" {
		t.Error("changing a looked-up topic changed the taxonomy")
	}
}

func TestParseForms(t *testing.T) {
	tax, err := Parse("forms.yaml", []byte(`
topics:
  - id: space
    label: Outer space
    terms:
      - space agency
      - {term: ISRO, weight: 3}
      - {terms: [lunar, orbit], weight: 2}
      - {term: launch, context: [rocket, satellite], not: rocket attack}
    negative:
      - {term: cancer, weight: 2}
  - id: farming
    terms: [tractor]
`))
	if err != nil {
		t.Fatal(err)
	}
	if got := tax.IDs(); !slices.Equal(got, []string{"space", "farming"}) {
		t.Fatalf("IDs() = %v", got)
	}
	sp, _ := tax.Lookup("space")
	if sp.Label != "Outer space" {
		t.Errorf("label = %q", sp.Label)
	}
	want := []Term{
		{Text: "space agency", Weight: 1},
		{Text: "ISRO", Weight: 3},
		{Text: "lunar", Weight: 2},
		{Text: "orbit", Weight: 2},
		{Text: "launch", Weight: 1, Context: []string{"rocket", "satellite"}, Not: []string{"rocket attack"}},
	}
	if len(sp.Terms) != len(want) {
		t.Fatalf("terms = %+v", sp.Terms)
	}
	for i, w := range want {
		g := sp.Terms[i]
		if g.Text != w.Text || g.Weight != w.Weight || !slices.Equal(g.Context, w.Context) || !slices.Equal(g.Not, w.Not) {
			t.Errorf("term %d = %+v, want %+v", i, g, w)
		}
	}
	if len(sp.Negative) != 1 || sp.Negative[0].Text != "cancer" || sp.Negative[0].Weight != 2 {
		t.Errorf("negative = %+v", sp.Negative)
	}
	if f, _ := tax.Lookup("farming"); f.Label != "Farming" {
		t.Errorf("default label = %q, want Farming", f.Label)
	}
}

func TestParseErrors(t *testing.T) {
	cases := []struct {
		name, yaml, want string
	}{
		{"unknown topic field", "topics:\n  - id: a\n    terms: [x]\n    colour: red\n", "bad.yaml:4: unknown field \"colour\""},
		{"unknown term field", "topics:\n  - id: a\n    terms:\n      - {term: x, wieght: 2}\n", "bad.yaml:4: unknown field \"wieght\""},
		{"unknown top field", "version: 2\ntopics:\n  - id: a\n    terms: [x]\n", "bad.yaml:1: unknown field \"version\""},
		{"missing id", "topics:\n  - label: A\n    terms: [x]\n", "bad.yaml:2: topic without an id"},
		{"duplicate id", "topics:\n  - id: a\n    terms: [x]\n  - id: b\n    terms: [y]\n  - id: a\n    terms: [z]\n", "bad.yaml:6: duplicate topic id \"a\" (first at line 2)"},
		{"empty terms", "topics:\n  - id: a\n    terms: []\n", "bad.yaml:3: empty terms"},
		{"no terms", "topics:\n  - id: a\n    label: A\n", "bad.yaml:2: topic \"a\" has no terms"},
		{"weight not a number", "topics:\n  - id: a\n    terms:\n      - {term: x, weight: heavy}\n", "bad.yaml:4: bad weight \"heavy\""},
		{"negative weight", "topics:\n  - id: a\n    terms:\n      - {term: x, weight: -1}\n", "bad.yaml:4: bad weight -1"},
		{"zero weight", "topics:\n  - id: a\n    terms:\n      - {term: x, weight: 0}\n", "bad.yaml:4: bad weight 0"},
		{"huge weight", "topics:\n  - id: a\n    terms:\n      - {term: x, weight: 1e9}\n", "bad.yaml:4: bad weight"},
		{"bad yaml", "topics:\n  - id: a\n    terms: [x\n", "bad.yaml:3: bad YAML"},
		{"bad id", "topics:\n  - id: Outer Space\n    terms: [x]\n", "bad.yaml:2: bad topic id \"Outer Space\""},
		{"term not a string", "topics:\n  - id: a\n    terms:\n      - [x, y]\n", "bad.yaml:4: a term must be a string"},
		{"empty term", "topics:\n  - id: a\n    terms:\n      - \"  \"\n", "bad.yaml:4: empty term"},
		{"term without words", "topics:\n  - id: a\n    terms: [\"--\"]\n", "bad.yaml:3: term \"--\" has no words"},
		{"term mapping without text", "topics:\n  - id: a\n    terms:\n      - {weight: 2}\n", "bad.yaml:4: term without text"},
		{"alias", "topics:\n  - id: a\n    terms: &t [x]\n  - id: b\n    terms: *t\n", "bad.yaml:5: YAML aliases are not supported"},
		{"empty file", "", "bad.yaml:1: no topics"},
		{"no topics", "topics: []\n", "bad.yaml:1: no topics"},
		{"topics not a list", "topics: space\n", "bad.yaml:1: topics must be a list"},
		{"topic not a mapping", "topics:\n  - space\n", "bad.yaml:2: a topic must be a mapping"},
		{"two documents", "topics:\n  - id: a\n    terms: [x]\n---\ntopics:\n  - id: b\n    terms: [y]\n", "more than one YAML document"},
		{"extend not bool", "topics:\n  - id: a\n    extend: maybe\n    terms: [x]\n", "bad.yaml:3: extend must be true or false"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse("bad.yaml", []byte(c.yaml))
			if err == nil {
				t.Fatalf("Parse accepted %q", c.yaml)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q does not contain %q", err, c.want)
			}
		})
	}
}

func TestLoadFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "topics.yaml")
	if err := os.WriteFile(path, []byte("topics:\n  - id: farming\n    terms: [tractor, harvest]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tax, err := LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := tax.IDs(); !slices.Equal(got, []string{"farming"}) {
		t.Errorf("IDs() = %v", got)
	}
	missing := filepath.Join(dir, "none.yaml")
	_, err = LoadFile(missing)
	if !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), missing) {
		t.Errorf("LoadFile(missing) = %v, want a not-exist error naming the path", err)
	}
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte("topics:\n  - id: a\n    trems: [x]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadFile(bad); err == nil || !strings.HasPrefix(err.Error(), bad+":3: ") {
		t.Errorf("LoadFile(bad) = %v, want %s:3: ...", err, bad)
	}
}

func TestMerge(t *testing.T) {
	base, err := Parse("base.yaml", []byte(`
topics:
  - id: space
    terms: [rocket]
  - id: trade
    label: Trade
    terms: [tariff]
`))
	if err != nil {
		t.Fatal(err)
	}
	user, err := Parse("user.yaml", []byte(`
topics:
  - id: trade
    label: Commerce
    terms: [exports]
  - id: space
    extend: true
    terms: [lunar]
  - id: farming
    terms: [tractor]
`))
	if err != nil {
		t.Fatal(err)
	}
	m := base.Merge(user)
	if got := m.IDs(); !slices.Equal(got, []string{"space", "trade", "farming"}) {
		t.Fatalf("merged IDs = %v", got)
	}
	tr, _ := m.Lookup("trade")
	if tr.Label != "Commerce" || len(tr.Terms) != 1 || tr.Terms[0].Text != "exports" {
		t.Errorf("same id should replace: %+v", tr)
	}
	sp, _ := m.Lookup("space")
	if len(sp.Terms) != 2 || sp.Terms[0].Text != "rocket" || sp.Terms[1].Text != "lunar" || sp.Label != "Space" || sp.Extend {
		t.Errorf("extend should add terms and keep the label: %+v", sp)
	}
	if f, ok := m.Lookup("farming"); !ok || f.Label != "Farming" {
		t.Errorf("new id should be added: %+v", f)
	}
	// Inputs are unchanged.
	if b, _ := base.Lookup("space"); len(b.Terms) != 1 {
		t.Errorf("Merge changed the base taxonomy: %+v", b)
	}
	if got := base.IDs(); !slices.Equal(got, []string{"space", "trade"}) {
		t.Errorf("Merge changed the base IDs: %v", got)
	}
	if got := base.Merge(nil).IDs(); !slices.Equal(got, base.IDs()) {
		t.Errorf("Merge(nil) IDs = %v", got)
	}
}

// TestMergeRemoves checks that a user file can take any topic out,
// default ones included, and that a removal carries nothing else.
func TestMergeRemoves(t *testing.T) {
	user, err := Parse("user.yaml", []byte("topics:\n  - id: sport\n    remove: true\n  - id: nosuch\n    remove: true\n"))
	if err != nil {
		t.Fatal(err)
	}
	def := Default()
	m := def.Merge(user)
	if _, ok := m.Lookup("sport"); ok {
		t.Error("sport is still in the taxonomy after its removal")
	}
	if len(m.IDs()) != len(def.IDs())-1 {
		t.Errorf("merged %d topics, want %d", len(m.IDs()), len(def.IDs())-1)
	}
	if _, ok := def.Lookup("sport"); !ok {
		t.Error("Merge changed the default taxonomy")
	}
	if _, err := Parse("bad.yaml", []byte("topics:\n  - id: sport\n    remove: true\n    terms: [goal]\n")); err == nil || !strings.Contains(err.Error(), "bad.yaml:2") {
		t.Errorf("a removal with terms: err = %v, want a refusal at bad.yaml:2", err)
	}
}

func TestMergedTaxonomyClassifies(t *testing.T) {
	user, err := Parse("user.yaml", []byte("topics:\n  - id: farming\n    terms: [{terms: [tractor, harvest, crops], weight: 2}]\n"))
	if err != nil {
		t.Fatal(err)
	}
	c := NewClassifier(Default().Merge(user))
	got := classifyText(c, "Farmers brought the harvest in early, and tractor sales rose as crops ripened.")
	if !slices.Contains(got, "farming") {
		t.Errorf("topics = %v, want farming from the user topic", got)
	}
}
