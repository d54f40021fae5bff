package parse

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// newsDevDir is the real news set with gold attribution labels
// (../shared/news-dev, see its README). Its texts are copyrighted and are
// never copied here: the test reads them in place and skips without them.
func newsDevDir() string {
	if d := os.Getenv("BRIEF_NEWS_DEV"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "..", "shared", "news-dev")
}

// TestNewsDevAttribution scores the parser on real newspaper and wire
// articles from two annotated attribution corpora, as
// ../shared/tools/score does: speaker F1 and attribution per article,
// averaged per corpus. The floors sit just under today's means, so a rule
// that costs the rest of the set more than it gains fails here.
func TestNewsDevAttribution(t *testing.T) {
	root := newsDevDir()
	if _, err := os.Stat(root); err != nil {
		t.Skipf("news set not present at %s: %v", root, err)
	}
	floors := map[string][2]float64{"ggt": {0.925, 0.90}, "polnear": {0.94, 0.905}}
	for corpus, floor := range floors {
		golds, err := filepath.Glob(filepath.Join(root, corpus, "*.gold.json"))
		if err != nil || len(golds) == 0 {
			t.Errorf("%s: no gold files (%v)", corpus, err)
			continue
		}
		var f1Sum, attribSum float64
		for _, gp := range golds {
			g := readGold(t, gp)
			b := parseFile(t, strings.TrimSuffix(gp, ".gold.json")+".txt")
			f1, attrib, _ := scoreSpeakers(b, g)
			f1Sum += f1
			attribSum += attrib
		}
		n := float64(len(golds))
		t.Logf("%s: %d articles, speakers F1 %.3f, attribution %.3f", corpus, len(golds), f1Sum/n, attribSum/n)
		if f1Sum/n < floor[0] || attribSum/n < floor[1] {
			t.Errorf("%s: speakers F1 %.3f, attribution %.3f; want ≥ %.2f and ≥ %.2f", corpus, f1Sum/n, attribSum/n, floor[0], floor[1])
		}
	}
}
