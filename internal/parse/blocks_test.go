package parse

import (
	"reflect"
	"strings"
	"testing"
)

// TestMarkdownParagraphLines checks how a Markdown paragraph's lines become
// paragraphs: joined by single spaces, split before a line that opens with
// a sure speaker label, and trimmed of any white space at their edges, not
// only of spaces.
func TestMarkdownParagraphLines(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []string
	}{
		{"one line", "Hello  there   all.", []string{"Hello there all."}},
		{"lines joined", "First line\nsecond line\n   third.", []string{"First line second line third."}},
		{"hard break", "First line  \nsecond line\\\nthird.", []string{"First line second line third."}},
		{"label splits", "Thank you.\nMS. LEAVITT: Good afternoon.\nQ: A question?\nMS. LEAVITT: An answer.",
			[]string{"Thank you.", "MS. LEAVITT: Good afternoon.", "Q: A question?", "MS. LEAVITT: An answer."}},
		{"label mid-phrase", "[Associated\nMS. LEAVITT: text", []string{"[Associated MS. LEAVITT: text"}},
		// U+1680 is white space that Normalize keeps: only trimming each
		// line removes it at a line's edge.
		{"ogham space at edges", "one&#x1680;\n&#x1680;two\nthree", []string{"one two three"}},
		{"ogham space inside", "one&#x1680;two\nthree", []string{"one\u1680two three"}},
		{"ogham space before label", "Done.&#x1680;\nMS. LEAVITT: Next.&#x1680;\nmore",
			[]string{"Done.", "MS. LEAVITT: Next. more"}},
		{"entities at edges", "one&#9;\n&nbsp;two&#11;\nthree&#13;", []string{"one two three"}},
		{"line break tag", "one<br>two<BR/>three", []string{"one two three"}},
		{"empty lines", "one\n&#x1680;\ntwo", []string{"one two"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, b := range markdownBlocks(newMarkdownParser(), tc.in, nil) {
				got = append(got, b.text)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("markdownBlocks(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// BenchmarkMarkdownBlocks measures turning Markdown into paragraphs, with
// paragraphs of several lines and label lines among them: with headings
// (read by the Markdown parser), and paragraphs alone (split by the fast
// path, or by the parser for comparison), one of them with emphasis.
func BenchmarkMarkdownBlocks(b *testing.B) {
	para := "The President spoke with the Prime Minister today about trade,\n" +
		"energy and the  security of the region, and they agreed to meet\n" +
		"again next month.\n" +
		"MS. LEAVITT: Thank you.\n" +
		"Q: A question about the tariffs?\n\n"
	for _, bc := range []struct {
		name string
		md   string
		fast bool
	}{
		{"headings", strings.Repeat("## A heading\n\n"+para+"A paragraph of one line.\n\n", 200), true},
		{"paragraphs/fast", strings.Repeat(para+"A paragraph of *one* line.\n\n", 200), true},
		{"paragraphs/parser", strings.Repeat(para+"A paragraph of *one* line.\n\n", 200), false},
	} {
		b.Run(bc.name, func(b *testing.B) {
			r := &mdReader{md: newMarkdownParser()} // kept from file to file, as a Parser keeps it
			b.SetBytes(int64(len(bc.md)))
			b.ReportAllocs()
			for b.Loop() {
				r.read(bc.md, nil, bc.fast, false)
			}
		})
	}
}
