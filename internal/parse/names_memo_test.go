package parse

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// memoArticle is an invented wire story that names the same people and
// institutions again and again, as a page does: titles, possessives,
// initials spaced and unspaced, a place after a name.
var memoArticle = []string{
	"WASHINGTON — Senator Maren Oduya of Vermont met Treasury Secretary Paul Vandermeer on Tuesday at the White House, where President Alder Quist’s advisers had gathered.",
	"Secretary Vandermeer said the talks with the United States Trade Representative were going well. Senator Oduya disagreed, and Mr. Vandermeer’s office declined to comment.",
	"“We are not there yet,” said Sen. Maren Oduya, a Democrat. President Alder Quist told reporters at the White House that Secretary of the Treasury Paul Vandermeer had his full support.",
	"J.D. Hollis, a spokesman for the Department of Commerce, and J. D. Hollis’s deputy, Ms. Ines Carvalho, said the United States would respond. Dr. Lena Voss of the World Health Organization agreed.",
	"Later, President Quist’s chief of staff, Rep. Tomas Brandt of Ohio, met Senator Oduya and Secretary Vandermeer. Mrs. Brandt and Prime Minister Keiko Arata joined by phone from Tokyo.",
	"The White House said President Alder Quist would travel to Ohio. Sen. Oduya, Rep. Brandt and Dr. Voss will follow, Ms. Carvalho said, as will J.D. Hollis.",
}

// corpusParagraphs returns the paragraphs of the bundled samples and dev
// fixtures, for differential tests of name handling.
func corpusParagraphs(t testing.TB) []string {
	paths, _ := filepath.Glob("testdata/dev/*.txt")
	more, _ := filepath.Glob("../../briefings/*.txt")
	paths = append(paths, more...)
	mds, _ := filepath.Glob("../../briefings/*.md")
	paths = append(paths, mds...)
	if len(paths) == 0 {
		t.Fatal("no samples found")
	}
	var paras []string
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range strings.Split(string(data), "\n") {
			if strings.TrimSpace(s) != "" {
				paras = append(paras, s)
			}
		}
	}
	return append(paras, memoArticle...)
}

// TestNameMentionsMemo checks that reading mentions through one memo over
// many paragraphs finds what reading every run anew finds.
func TestNameMentionsMemo(t *testing.T) {
	var memo refMemo
	hits, n := 0, 0
	for _, p := range corpusParagraphs(t) {
		toks := tokenize(p)
		before := len(memo.refs)
		got := appendNameMentionsMemo(nil, toks, &memo)
		want := appendNameMentions(nil, toks)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("mentions of %.60q through the memo:\n%+v\nwant\n%+v", p, got, want)
		}
		n += len(want)
		if len(memo.refs) == before && len(want) > 0 {
			hits++
		}
	}
	if n == 0 || hits == 0 {
		t.Fatalf("%d mentions, %d paragraphs read all from the memo: the test reads nothing", n, hits)
	}
}

// TestRefMemoKey checks that runs that differ only in spacing or in how
// their text splits into tokens get their own entries.
func TestRefMemoKey(t *testing.T) {
	var memo refMemo
	for _, s := range []string{"J.D. Hollis", "J. D. Hollis", "J.D.Hollis", "JD Hollis", "Dr. Voss", "Dr.Voss", "Dr Voss"} {
		toks := tokenize(s)
		if got, want := memo.parse(toks), parseRef(toks); !reflect.DeepEqual(got, want) {
			t.Errorf("memo.parse(%q) = %+v, want %+v", s, got, want)
		}
	}
	if len(memo.refs) != 7 {
		t.Errorf("memo holds %d runs, want 7", len(memo.refs))
	}
}

// BenchmarkNameMentions reads the mentions of an invented article's
// paragraphs, as registerMentions does page by page: every run anew
// (fresh), through a new memo (memo-cold: the first page) or through one
// that read the page before (memo-warm: the pages of one source, which
// name the same people).
func BenchmarkNameMentions(b *testing.B) {
	var paras [][]token
	for _, p := range memoArticle {
		paras = append(paras, tokenize(p))
	}
	var out []mention
	b.Run("fresh", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, toks := range paras {
				out = appendNameMentions(out[:0], toks)
			}
		}
	})
	b.Run("memo-cold", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var memo refMemo
			for _, toks := range paras {
				out = appendNameMentionsMemo(out[:0], toks, &memo)
			}
		}
	})
	b.Run("memo-warm", func(b *testing.B) {
		b.ReportAllocs()
		var memo refMemo
		for b.Loop() {
			for _, toks := range paras {
				out = appendNameMentionsMemo(out[:0], toks, &memo)
			}
		}
	})
}
