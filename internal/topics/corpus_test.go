package topics

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brief-reader/brief/internal/briefing"
	"github.com/brief-reader/brief/internal/parse"
)

// corpusDir holds the White House briefing-room corpus used for sanity
// checks and benchmarks, ../shared/corpus/whitehouse beside the repository;
// BRIEF_CORPUS overrides it.
func corpusDir() string { return sharedDir("BRIEF_CORPUS", filepath.Join("corpus", "whitehouse")) }

// corpusPages returns the paths of the Markdown pages under the corpus
// folder sub ("" for all of it), in lexical order; none when the corpus is
// not there.
func corpusPages(sub string) []string {
	var pages []string
	_ = filepath.WalkDir(filepath.Join(corpusDir(), sub), func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".md") {
			pages = append(pages, path)
		}
		return nil
	})
	return pages
}

// stripFrontMatter drops a YAML front matter block from a corpus page.
func stripFrontMatter(s string) (title, body string) {
	if !strings.HasPrefix(s, "---\n") {
		return "", s
	}
	end := strings.Index(s[4:], "\n---\n")
	if end < 0 {
		return "", s
	}
	fm := s[4 : 4+end]
	for _, line := range strings.Split(fm, "\n") {
		if v, ok := strings.CutPrefix(line, "title: "); ok {
			title = strings.Trim(v, `"'`)
		}
	}
	return title, s[4+end+5:]
}

// TestCorpusDump prints the topics of the corpus pages whose path contains
// BRIEF_CORPUS_MATCH; a tuning aid, not a check.
func TestCorpusDump(t *testing.T) {
	match := os.Getenv("BRIEF_CORPUS_MATCH")
	if match == "" {
		t.Skip("set BRIEF_CORPUS_MATCH=substring to dump corpus pages")
	}
	c := NewClassifier(nil)
	n := 0
	var sb strings.Builder
	for _, path := range corpusPages("") {
		if !strings.Contains(path, match) || n >= 40 {
			continue
		}
		data, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		title, _ := stripFrontMatter(string(data))
		b, err := parse.Parse(path, data, parse.DefaultOptions())
		if err != nil {
			continue
		}
		c.Apply(b)
		n++
		fmt.Fprintf(&sb, "%s\n  %s\n  ", filepath.Base(path), title)
		for _, ts := range b.Topics {
			if ts.Share >= 0.05 {
				fmt.Fprintf(&sb, "%s %.2f  ", ts.ID, ts.Share)
			}
		}
		fmt.Fprintf(&sb, "\n  %d sections:", len(b.Sections))
		for _, s := range b.Sections {
			fmt.Fprintf(&sb, " [%s]", s.Title)
		}
		sb.WriteString("\n")
	}
	t.Log("\n" + sb.String())
}

// TestNoTopicShare reports the share of body paragraphs (and of their
// words) that carry no topic, and of those the share the score floor left
// bare (a best score of at least minScore but under the paragraph's
// floor), over the bundled briefings and every BRIEF_NOTOPIC-th page of the
// corpus, when BRIEF_NOTOPIC is set; a measurement for the closing notes,
// not a check.
func TestNoTopicShare(t *testing.T) {
	step := 0
	if _, err := fmt.Sscan(os.Getenv("BRIEF_NOTOPIC"), &step); err != nil || step < 1 {
		t.Skip("set BRIEF_NOTOPIC=N to measure paragraphs without a topic on every Nth corpus page")
	}
	c := NewClassifier(nil)
	measure := func(name string, paths []string) {
		var paras, none, floored, words, noneWords int
		for _, path := range paths {
			data, err := os.ReadFile(path)
			if err != nil {
				continue
			}
			b, err := parse.Parse(path, data, parse.DefaultOptions())
			if err != nil {
				continue
			}
			st := c.run(b)
			for i, p := range b.Paragraphs {
				if p.Role != briefing.Body {
					continue
				}
				paras++
				words += p.Words
				if len(p.Topics) == 0 {
					none++
					noneWords += p.Words
					if rowMax(st.row(st.comb, i)) >= minScore {
						floored++
					}
				}
			}
			st.release()
		}
		if paras == 0 || words == 0 {
			t.Logf("%s: no paragraphs", name)
			return
		}
		t.Logf("%s: %d files, %d body paragraphs, %.1f%% without a topic (%.1f%% of words), %.1f%% left bare by the floor", name, len(paths), paras,
			100*float64(none)/float64(paras), 100*float64(noneWords)/float64(words), 100*float64(floored)/float64(paras))
	}
	bundled, _ := filepath.Glob(filepath.Join("..", "..", "briefings", "*.*"))
	var texts []string
	for _, p := range bundled {
		if strings.HasSuffix(p, ".txt") || strings.HasSuffix(p, ".md") {
			texts = append(texts, p)
		}
	}
	measure("briefings/", texts)
	var pages []string
	for i, p := range corpusPages("") {
		if i%step == 0 {
			pages = append(pages, p)
		}
	}
	measure("corpus/whitehouse", pages)
}
