package parse

import (
	"reflect"
	"testing"
)

// TestFastShapes checks the fast path against the Markdown parser on
// made-up texts of each shape split reads besides paragraphs (ATX
// headings, bullet and ordered list items, thematic breaks) and their
// tricky neighbours, and that split takes or refuses each as expected.
func TestFastShapes(t *testing.T) {
	r := &mdReader{md: newMarkdownParser()}
	for _, c := range fastShapes {
		if got := checkParagraphs(t, r, c.md); got != c.fast {
			t.Errorf("Markdown %q: fast path took it %v, want %v", c.md, got, c.fast)
		}
	}
}

// fastShapes are TestFastShapes's cases, and FuzzParagraphs's seeds.
var fastShapes = []struct {
	md   string
	fast bool // whether split should take it
}{
	// ATX headings.
	{"# Title\n\nText.\n", true},
	{"#hashtag is a word\n", true},
	{"####### seven marks\n", true},
	{"#\n\nText.\n", true},
	{"#", true},
	{"##   \n", true},
	{"# Title #\n", true},
	{"# Title ##########\n", true},
	{"## a ## b\n", true},
	{"## a ## b ##\n", true},
	{"### ###\n", true},
	{"# #\n", true},
	{"# Title#\n", true},
	{"#   Spaced   title   \n", true},
	{"# Trailing spaces   \n", true},
	{"###### Six\n", true},
	{"# AT&amp;T &copy; heading\n", true},
	{"# A *marked* heading\n\nPlain.\n", true},
	{"## [Linked](https://x.gov) heading ##\n", true},
	{"# Escaped \\#\n", true},
	{"# \\# only\n", true},
	{"Para line\n# Heading interrupts\nnext line\n", true},
	{"Para *marked*\n## Heading *marked*\nnext *line*\n", true},
	{"# One\n# Two\n## Three\n", true},
	{"#\tTab heading\n", false},
	{"#\r\n", false},
	{"# #\v", true}, // the parser trims no \v, unlike util.TrimSpace
	{"# Heading\n===\n", false},
	{"# Heading\n---\n", true}, // a break: no paragraph to underline
	// Bullet list items.
	{"- One item\n", true},
	{"-   President Trump signed.\n-   He spoke.\n", true},
	{"* Star item\n+ Plus item\n- Dash item\n", true},
	{"- Item\nlazy continuation\n- Next\n", true},
	{"- Item\n\n- Loose item\n\nAfter the list.\n", true},
	{"Para line\n- Item interrupts\n", true},
	{"- **President Trump** did it.\n- [A link](https://x.gov)\n", true},
	{"- Item  \n  with a hard break\n", true},
	{"-    Four spaces\n", true},
	{"- #hashtag item\n", true},
	{"- **bold** item\n", true},
	{"- Item\n# Heading\n- Item\n", true},
	{"- MS. LEAVITT: Hi.\nQ: A question?\n", true},
	{"-     Five spaces\n", false},
	{"-\tTab\n", false},
	{"-\n", false},
	{"- \n", false},
	{"- - Nested\n", false},
	{"- # Heading item\n", false},
	{"- > Quote item\n", false},
	{"- 1. Nested\n", false},
	{"- <div>x</div>\n", false},
	{"- Item\n---\n", false},
	{"- Item\n===\n", false},
	{"_ underscore\n", false},
	// Ordered list items.
	{"1. One\n2. Two\n", true},
	{"1854. A year\n2:59 P.M. EDT\n", true},
	{"Para line\n1. Interrupts\n", true},
	{"Para line\n2. Continues the paragraph\n", true},
	{"Para line\n2) Continues too\n", true},
	{"- Bullet\n2. Ordered\n", true},
	{"1. One\nlazy\n2. Two\n", true},
	{"1. One\n1) Other delimiter\n", true},
	{"3) Three\n\n7. Seven\n", true},
	{"# Heading\n2. After a heading\n", true},
	{"123456789. Nine digits\n", true},
	{"1234567890. Ten digits\n", true},
	{"1.\n", false},
	{"1. \n", false},
	{"2.  \n", false},
	{"1.\tTab\n", false},
	{"1. - Nested\n", false},
	// Thematic breaks.
	{"***\n", true},
	{"* * *\n", true},
	{"Para line\n***\nNext para\n", true},
	{"Para line\n_ _ _\n", true},
	{"- Item\n***\n", true},
	{"- Item\n* * *\n", true},
	{"* Item\n* * *\n", true},
	{"---\n", true},
	{"Text.\n\n- - -\n\nMore.\n", true},
	{"Para line\n---\n", false},
	{"Para line\n- - -\n", false},
	{"Para line\n--\n", false},
	{"**\n", true},
	{"+++\n", true},
	{"***\r\n", false},
	{"*\t*\t*\n", true},
	{"Para\n**  \nmore\n", true},
	{"__\n", true},
	{"*", false},
	{"+", false},
	{"_", false},
	{"--\n", false},
	// Empty ordered items: no list item after a paragraph's line.
	{"Through the year\n2024.\nNext.\n", true},
	{"Through the year\n2024.  \n\nNext.\n", true},
	{"Through the year\n1.\n", true},
	{"Para\n2024.\t\n", true},
	{"Para\n2024.\r\n", true},
	{"- Item\n2025.\n", false},
	{"2024.\nText\n", false},
	// HTML comments alone on their line hold no text.
	{"<!-- -->\n", true},
	{"- One\n\n<!-- -->\n\n- Two\n", true},
	{"Para\n<!-- -->\nPara\n", true},
	{"- Item\n<!-- -->\n", true},
	{"<!-- a -- b -->  \n", true},
	{"<!---->\n", true},
	{"<!-- -> -->\n", false},
	{"<!-- --> tail\n", false},
	{"<!-- open\nstill open -->\n", false},
	{"<!-- -->x\n", false},
	{"- <!-- -->\n", false},
	// Lines opening with a tag that opens no HTML block.
	{"<span style=\"x\">Text</span> more\n", true},
	{"<s>struck</s> text\n", true},
	{"Para\n<u>under</u>lined\n", true},
	{"</u> closing\n", true},
	{"- <span>Item</span> text\n", true},
	{"- Item\n<span>lazy</span> line\n", true},
	{"<SPAN>Upper</SPAN> case\n", true},
	{"<span-x1>odd</span-x1> name\n", true},
	{"<averyveryverylongname>x</averyveryverylongname> y\n", true},
	{"<averyveryverylongname>\n", false},
	{"<span>\n", false},
	{"<span>\ntext\n", false},
	{"Para\n<span>\n", true},
	{"<span>x</span>\n", true},
	{"<div>x\n", true},
	{"<DIV class=\"x\">x\n", true},
	{"</div> x\n", true},
	{"<figure>\n<img src=\"x\">\n</figure>\n", true},
	// HTML blocks of type 6 run to a blank line; a tag alone on a line
	// opening a paragraph opens one of type 7, which the fast path leaves
	// to the parser.
	{"<span>\nx\n", false},
	{"Para\n\n<u>\n", false},
	{"Para\n<div>\ninside # no heading\n- no item\n***\n\nafter\n", true},
	{"- Item\n<table>\n<tr><td>1</td></tr>\n</table>\nPara\n", true},
	{"<figure>\n<figcaption>A &amp; B &#1; *x*</figcaption>\n</figure>\n\n# Next\n", true},
	{"<td>*</td>\n<td>  </td>", true},
	{"<p/>x\n", true},
	{"<div/>\n", true},
	{"<div/x>\n", false},
	{"<div\tclass=\"x\">\n", false},
	{"<div:x>\n", false},
	{"<div\r\n", false},
	{"<!-- x -->\n<div>\n", true},
	{"<script>x\n", false},
	{"<pre>x\n", false},
	{"<textarea>x\n", false},
	{"<h1>x\n", true},
	{"</ span> x\n", false},
	{"<http://x.gov>\n", true},
	{"<? x\n", false},
	{"<!DOCTYPE x\n", false},
	{"<![CDATA[ x\n", false},
	{"< x\n", false},
	// Paragraphs read here though they hold '!' or escapes of bytes no
	// inline parser looks at, or there only.
	{"Wow! Great.\nHi!\nthere !\n", true},
	{"Hi!  \nthere\n", true},
	{"\\#hashtag \\(x\\) \\$5 \\&amp; \\. a \\ b\n", true},
	{"# Head! \\#1 \\(x\\)\n", true},
	{"- Item \\#2\n1. Item \\(3\\)\n", true},
	{"![image](https://x.gov/a.png) and !\\[x\n", true},
	{"A hard\\\nbreak\n", true},
	{"A hard\\\r\nbreak\n", true},
	{"Not hard\\\\\nbreak\n", true},
	{"Three\\\\\\\nbreak\n", true},
	{"Ends\\", true},
	{"Ends\\\n\nNext\n", true},
	{"\\*not emphasis\\* \\_x\\_ \\`y\\` \\<z>\n", true},
	{"\\[Applause.\\] \\\\*x* \\**y**\n", true},
	{"Two\\\\\nThree\\\\\\\nFour\\\n", true},
}

// starCases are paragraphs holding '*', and whether simpleStars takes
// them: each is read by the fast path either way.
var starCases = []struct {
	md    string
	stars bool
}{
	{"**President Trump** signed it.\n", true},
	{"A *b* c *d*\n", true},
	{"**a** and *b* and **c**\n", true},
	{"**a\nb** c\n", true},
	{"**(a)** [b]\n", false},
	{"**(a)**: b\n", false},
	{"**(a)** b\n", true},
	{"**MS. LEAVITT:** Hi.\n**Q:** x?\n", true},
	{"**a:**  \nnext\n", true},
	{"**&amp; \\#1** x\n", true},
	{"**a\\#** \\#**b**\n", false},
	{"**a** \\#b\n", true},
	{"**a*\n", false},
	{"*a**\n", false},
	{"a ** b\n", false},
	{"**a **\n", false},
	{"** a**\n", false},
	{"***a***\n", false},
	{"**a**b\n", false},
	{"a**b**\n", false},
	{"**a** **\n", false},
	{"**a *b* c**\n", false},
	{"\u00a0**a**\n", false},
	{"**\u00e9**\n", false},
	{"**a**\t\n", false},
	{"**a**\r\n", false},
	{"**a\\**\n", false},
	{"**a** _b_\n", false},
}

// TestSimpleStars checks simpleStars on starCases, and the fast path
// against the parser on them, as paragraphs and list items.
func TestSimpleStars(t *testing.T) {
	r := &mdReader{md: newMarkdownParser()}
	for _, c := range starCases {
		if got := simpleStars([]byte(c.md)); got != c.stars {
			t.Errorf("simpleStars(%q) = %v, want %v", c.md, got, c.stars)
		}
		for _, md := range []string{c.md, "-   " + c.md, "Para\n\n" + c.md + "\nmore\n"} {
			if !checkParagraphs(t, r, md) {
				t.Errorf("Markdown %q: not read by the fast path", md)
			}
		}
	}
}

// TestFastShapesBlocks checks the blocks the fast path reads from a few
// shapes, so that a fault shared with the parser's reading would show.
func TestFastShapesBlocks(t *testing.T) {
	r := &mdReader{md: newMarkdownParser()}
	for _, c := range []struct {
		md   string
		want []block
	}{
		{"# Title #\nText\n", []block{{text: "Title", level: 1}, {text: "Text"}}},
		{"## a ## b\n", []block{{text: "a ## b", level: 2}}},
		{"#hashtag\n", []block{{text: "#hashtag"}}},
		{"#\nText\n", []block{{text: "Text"}}},
		{"Para\n### *Marked* heading ###\n", []block{{text: "Para"}, {text: "Marked heading", level: 3}}},
		{"-   One\nlazy\n-   Two\n\n3. Three\n", []block{{text: "One lazy"}, {text: "Two"}, {text: "Three"}}},
		{"Para\n2. Continues\n", []block{{text: "Para 2. Continues"}}},
		{"A\n***\nB\n", []block{{text: "A"}, {text: "B"}}},
	} {
		got := r.read(c.md, nil, true, false)
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("Markdown %q: got %+v, want %+v", c.md, got, c.want)
		}
		if !r.split(dedent(nil, c.md)) {
			t.Errorf("Markdown %q: not taken by the fast path", c.md)
		}
	}
}

// TestHasMarkup checks which texts the fast path sends to the parser.
func TestHasMarkup(t *testing.T) {
	for md, want := range map[string]bool{
		"plain text":                        false,
		"Wow! ok":                           false,
		"![img](x)":                         true,
		"a *b*":                             true,
		"a_b":                               true,
		"`c`":                               true,
		"<span>":                            true,
		"\\#1 \\(x\\) \\$":                  false,
		"\\*x \\[Applause\\] \\<b> \\_ \\`": false,
		"\\\\*x":                            true,
		"\\**a**":                           true,
		"a\\\\\nb":                          false,
		"\\\\":                              false, // an escaped backslash
		"a\\\nb":                            true,
		"a\\\r\nb":                          true,
		"a\\":                               true,
		"a \\ b":                            false,
	} {
		if got := hasMarkup([]byte(md)); got != want {
			t.Errorf("hasMarkup(%q) = %v, want %v", md, got, want)
		}
	}
}

// linkCases are paragraphs holding '[', and whether simpleLinks takes
// them: each is read by the fast path either way.
var linkCases = []struct {
	md    string
	links bool
}{
	{"See [the order](https://www.whitehouse.gov/a_b/c*d/?x=1&y=2#z) now.\n", true},
	{"[One](a) and [two](b).\n[Three](c)\n", true},
	{"Say [New York](https://x.gov/ny)\n", true},
	{"[AT&amp;T](x) (y) [a](b)(c)\n", true},
	{"\\[Applause.\\] [a](b)\n", true},
	{"[ spaced ](u)\n", true},
	{"![image](u)\n", false},
	{"[a][b]\n", false},
	{"[a]\n", false},
	{"[a] (b)\n", false},
	{"[a](b \"title\")\n", false},
	{"[a](<b>)\n", false},
	{"[a](b(c))\n", false},
	{"[a]()\n", false},
	{"[](b)\n", false},
	{"[a\nb](c)\n", false},
	{"[a](b\nc)\n", false},
	{"[*a*](b)\n", false},
	{"[a\\](b)\n", false},
	{"[a](b\\)c)\n", false},
	{"x[a](b)\n", false},
	{"&[amp](b);\n", false},
	{"&#[38](b);\n", false},
	{"[a](b)c\n", false},
	{"[a](b);\n", false},
	{"[[a](b)](c)\n", false},
	{"[a](b)]\n", false},
	{"[a](b) *c*\n", false},
	{"[a](b)\\\n", false},
}

// TestSimpleLinks checks simpleLinks on linkCases, and the fast path
// against the parser on them, as paragraphs and list items.
func TestSimpleLinks(t *testing.T) {
	r := &mdReader{md: newMarkdownParser()}
	for _, c := range linkCases {
		if got := simpleLinks([]byte(c.md)); got != c.links {
			t.Errorf("simpleLinks(%q) = %v, want %v", c.md, got, c.links)
		}
		for _, md := range []string{c.md, "-   " + c.md, "Para\n\n" + c.md + "\nmore\n"} {
			if !checkParagraphs(t, r, md) {
				t.Errorf("Markdown %q: not read by the fast path", md)
			}
		}
	}
}
