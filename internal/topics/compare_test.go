package topics

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/brief-reader/brief/internal/briefing"
	"github.com/brief-reader/brief/internal/parse"
)

// TestCompareDump writes what the classifier makes of a fixed set of
// briefings to $BRIEF_COMPARE/out-$BRIEF_COMPARE_TAG.txt, so that two
// versions of the classifier can be compared with diff; a tuning aid, not a
// check. The first run parses the dev set, the sample briefings and about
// 200 corpus pages and stores them, unclassified, as JSON under
// $BRIEF_COMPARE/inputs; later runs classify those stored briefings, so
// that changes to the parser made meanwhile do not show up as differences.
func TestCompareDump(t *testing.T) {
	dir := os.Getenv("BRIEF_COMPARE")
	if dir == "" {
		t.Skip("set BRIEF_COMPARE=dir (and BRIEF_COMPARE_TAG=name) to dump classifications")
	}
	inputs := filepath.Join(dir, "inputs")
	if _, err := os.Stat(inputs); os.IsNotExist(err) {
		storeCompareInputs(t, inputs)
	}
	files, err := filepath.Glob(filepath.Join(inputs, "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no inputs in %s: %v", inputs, err)
	}
	sort.Strings(files)
	c := NewClassifier(nil)
	var sb strings.Builder
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var b briefing.Briefing
		if err := json.Unmarshal(data, &b); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		c.Apply(&b)
		dumpClassification(&sb, filepath.Base(f), &b)
	}
	tag := os.Getenv("BRIEF_COMPARE_TAG")
	if tag == "" {
		tag = "new"
	}
	out := filepath.Join(dir, "out-"+tag+".txt")
	if err := os.WriteFile(out, []byte(sb.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d briefings classified into %s", len(files), out)
}

// storeCompareInputs parses the comparison set and stores each briefing as
// JSON in dir.
func storeCompareInputs(t *testing.T, dir string) {
	var paths []string
	add := func(pattern string) {
		m, _ := filepath.Glob(pattern)
		sort.Strings(m)
		paths = append(paths, m...)
	}
	add(filepath.Join(devDir(), "*.txt"))
	add("../../briefings/*.txt")
	add("../../briefings/*.md")
	add("../parse/testdata/dev/*.txt")
	corpus := corpusPages("press-briefings")
	step := max(1, len(corpus)/200)
	for i := 0; i < len(corpus); i += step {
		paths = append(paths, corpus[i])
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for i, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		b, err := parse.Parse(path, data, parse.DefaultOptions())
		if err != nil {
			t.Logf("%s: %v", path, err)
			continue
		}
		js, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		name := fmt.Sprintf("%04d-%s.json", i, filepath.Base(path))
		if err := os.WriteFile(filepath.Join(dir, name), js, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// dumpClassification writes every topic field of a classified briefing.
func dumpClassification(sb *strings.Builder, name string, b *briefing.Briefing) {
	fmt.Fprintf(sb, "== %s (%d words)\n", name, b.Words)
	for _, ts := range b.Topics {
		fmt.Fprintf(sb, "topic %s %.4f %d paras %d words\n", ts.ID, ts.Share, ts.Paragraphs, ts.Words)
	}
	for i, s := range b.Sections {
		fmt.Fprintf(sb, "section %d [%d-%d] %q %v\n", i, s.FirstParagraph, s.LastParagraph, s.Title, s.Topics)
	}
	for i, p := range b.Paragraphs {
		fmt.Fprintf(sb, "p%d s%d %v\n", i, p.Section, p.Topics)
	}
	for i, q := range b.Quotes {
		fmt.Fprintf(sb, "q%d s%d %v\n", i, q.Section, q.Topics)
	}
}
