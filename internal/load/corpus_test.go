package load_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/brief-reader/brief/internal/briefing"
	"github.com/brief-reader/brief/internal/load"
	"github.com/brief-reader/brief/internal/topics"
)

// TestCorpus loads every file of a large real corpus — the 14,396 White
// House briefing-room pages in ../shared/corpus/whitehouse — and checks that
// each parses and classifies without an error or a panic and holds the
// model's invariants, sections included.
// It runs when BRIEF_CORPUS names the folder (scripts/corpus.sh sets it), so
// that the everyday test run stays fast.
func TestCorpus(t *testing.T) {
	root := os.Getenv("BRIEF_CORPUS")
	if root == "" {
		t.Skip("set BRIEF_CORPUS to a folder of briefings (scripts/corpus.sh does)")
	}
	if _, err := os.Stat(root); err != nil {
		t.Skipf("corpus not available: %v", err)
	}
	start := time.Now()
	files, bad, missing := load.Expand([]string{root})
	if len(missing) > 0 || len(bad) > 0 {
		t.Fatalf("expanding %s: %v %v", root, missing, bad)
	}
	classifier := topics.NewClassifier(topics.Default())
	res := load.Load(context.Background(), files, load.Options{Prepare: classifier.Apply})
	elapsed := time.Since(start)
	var bytes, words, quotes, turns, speakers int
	kinds := map[briefing.Kind]int{}
	for _, r := range res {
		if r.Err != nil {
			t.Errorf("%s: %v", r.Path, r.Err)
			continue
		}
		b := r.Briefing
		if err := b.Validate(); err != nil {
			t.Errorf("%s: %v", r.Path, err)
		}
		kinds[b.Kind]++
		words += b.Words
		speakers += len(b.Speakers)
		for _, q := range b.Quotes {
			if q.Kind == briefing.Turn {
				turns++
			} else {
				quotes++
			}
		}
		if info, err := os.Stat(r.Path); err == nil {
			bytes += int(info.Size())
		}
	}
	t.Logf("%d files, %.1f MB, %d words parsed and classified in %s (%.1f MB/s): %d articles, %d transcripts; %d speakers, %d turns, %d quotes",
		len(res), float64(bytes)/1e6, words, elapsed.Round(time.Millisecond), float64(bytes)/1e6/elapsed.Seconds(),
		kinds[briefing.Article], kinds[briefing.Transcript], speakers, turns, quotes)
}
