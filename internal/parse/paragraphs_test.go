package parse

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/brief-reader/brief/internal/textclean"
	"github.com/yuin/goldmark/parser"
)

// TestInlineMarks checks that inlineMarks holds every byte that triggers
// an inline parser but '!' (an image opens with "![", '[' being one), and that classify looks at every byte that may open
// a block: the fast path's premises.
func TestInlineMarks(t *testing.T) {
	for _, v := range parser.DefaultInlineParsers() {
		for _, c := range v.Value.(parser.InlineParser).Trigger() {
			if !strings.ContainsRune(inlineMarks, rune(c)) && c != '!' {
				t.Errorf("inline parser %T triggers on %q, missing from inlineMarks", v.Value, c)
			}
		}
	}
	// The bytes classify looks for at the start of a line.
	const handled = "#><=`~*+-_0123456789"
	for _, v := range parser.DefaultBlockParsers() {
		for _, c := range v.Value.(parser.BlockParser).Trigger() {
			if !strings.ContainsRune(handled, rune(c)) {
				t.Errorf("block parser %T triggers on %q, which classify does not look for", v.Value, c)
			}
		}
	}
}

// checkParagraphs fails t unless the fast path reads md into the blocks
// the Markdown parser gives, and reports whether the fast path read it
// (split took it, and the parser read its marked blocks as split
// expected).
func checkParagraphs(t *testing.T, r *mdReader, md string) bool {
	t.Helper()
	want := r.read(md, nil, false, false)
	got := r.read(md, nil, true, false)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Markdown %q:\nfast   %+v\nparser %+v", md, got, want)
	}
	// Normal text reads into valid inline text, and with no '&' into
	// normal blocks (normalText), by either path.
	n := textclean.Normalize(md)
	for _, fast := range []bool{false, true} {
		want := r.read(n, nil, fast, false)
		if got := r.read(n, nil, fast, true); !reflect.DeepEqual(got, want) {
			t.Fatalf("normal Markdown %q (fast %v):\ntold normal %+v\nchecked     %+v", n, fast, got, want)
		}
	}
	if !r.split(dedent(nil, md)) {
		return false
	}
	_, ok := r.fastBlocks(nil)
	return ok
}

// TestParagraphs checks the fast path against the Markdown parser on
// made-up texts.
func TestParagraphs(t *testing.T) {
	r := &mdReader{md: newMarkdownParser()}
	for _, md := range []string{
		"One line.",
		"  Indented\n   lines  \n\n\n second   paragraph\t\n",
		"MS. LEAVITT: Good afternoon.\nQ: A question?\n\nTHE PRESIDENT:  Thank you.  \n  (Applause.)  \n",
		"AT&amp;T &copy; 2025 &#1; and\u00a0no-break\u00a0spaces\u00a0\nnext\n",
		"Some *emphasis* and [a link](https://x.gov) and `code`.\n\nPlain after.\n",
		"***Bold italic***\n\nText\n",
		"A hard break\\\nand two spaces  \nend",
		"1854. A year\n2:59 P.M. EDT\n",
		"\t\nafter a tab line\n",
		" \n \n",
		"",
	} {
		checkParagraphs(t, r, md)
	}
	for _, md := range []string{"text\n---\n", "text\n===\n", "> quote\n", "<script>x</script>\n", "```\ncode\n```\n", "[a]: https://x.gov\n\n[a]\n", "\tindented\n"} {
		if checkParagraphs(t, r, md) {
			t.Errorf("fast path took %q, which holds a block it does not read", md)
		}
	}
}

// TestParagraphsCorpus checks the fast path against the Markdown parser
// on the bodies of the corpus's pages (every 10th with -short).
func TestParagraphsCorpus(t *testing.T) {
	paths := corpusPaths(t)
	step := 1
	if testing.Short() {
		step = 10
	}
	r := &mdReader{md: newMarkdownParser()}
	n, fast, plain := 0, 0, 0
	for i := 0; i < len(paths); i += step {
		data, err := os.ReadFile(paths[i])
		if err != nil {
			t.Fatal(err)
		}
		_, body, _ := splitFrontMatter(string(data))
		n++
		if checkParagraphs(t, r, body) {
			fast++
			if len(r.marked) == 0 {
				plain++ // no block with markup: no parser at all
			}
		}
	}
	t.Logf("fast path read %d of %d pages, %d of them without the parser", fast, n, plain)
}

// FuzzParagraphs checks that the fast path reads any text into the blocks
// the Markdown parser gives.
func FuzzParagraphs(f *testing.F) {
	f.Add("MS. LEAVITT: Hi.\nQ: A question?\n\nTHE PRESIDENT:  Thank you.  \n")
	f.Add("Some *emphasis* and [a link](https://x.gov).\n\n&amp; plain  \n text\n")
	f.Add("1854. A year\n\n2:59 P.M.\n_x_ \\\n")
	f.Add("# Title #\nPara *x*\n## a ## b\n-   Item\nlazy\n2. Two\n\n***\n1. One\n")
	for _, c := range fastShapes {
		f.Add(c.md)
	}
	for _, c := range starCases {
		f.Add(c.md)
	}
	for _, c := range linkCases {
		f.Add(c.md)
	}
	r := &mdReader{md: newMarkdownParser()}
	f.Fuzz(func(t *testing.T, md string) {
		checkParagraphs(t, r, md)
	})
}
