package topics

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
