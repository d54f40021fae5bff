package web

import (
	"errors"
	"strings"
	"testing"

	"github.com/brief-reader/brief/internal/briefing"
	"github.com/brief-reader/brief/internal/parse"
	"github.com/brief-reader/brief/internal/textclean"
)

// filler makes a page long enough to be an article.
var filler = strings.Repeat("<p>The minister spoke about the budget, the schools and the roads of the region for a long while.</p>\n", 6)

func readPage(t *testing.T, htmlText, contentType, pageURL string) (Page, *briefing.Briefing) {
	t.Helper()
	p, err := ReadHTML([]byte(htmlText), contentType, pageURL)
	if err != nil {
		t.Fatalf("ReadHTML: %v", err)
	}
	b, err := parse.Parse("page.html", p.Markdown(), parse.Options{Markdown: true})
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	return p, b
}

func texts(b *briefing.Briefing) []string {
	var out []string
	for _, p := range b.Paragraphs {
		out = append(out, p.Text)
	}
	return out
}

func TestPageTextIsNeverMarkup(t *testing.T) {
	lines := []string{
		"* not a list item",
		"# not a heading",
		"1986. The year it began.",
		"3) not an ordered list",
		"> not a quote",
		"- not a bullet",
		"+ not a bullet either",
		"---",
		"===",
		"a_b_c *stars* `code` [link](http://x) ![img](y) ~~strike~~ | pipes |",
		"<b>tag</b> &copy; &amp; AT&T \\ back\\slash \\*",
		"    indented words",
		"```go",
	}
	var b strings.Builder
	b.WriteString("<html><body><article>" + filler)
	for _, l := range lines {
		b.WriteString("<p>" + strings.NewReplacer("&", "&amp;", "<", "&lt;").Replace(l) + "</p>\n")
	}
	b.WriteString(filler + "</article></body></html>")
	_, br := readPage(t, b.String(), "", "")
	got := strings.Join(texts(br), "\n")
	for _, l := range lines {
		if want := strings.TrimSpace(l); !strings.Contains(got, "\n"+want+"\n") {
			t.Errorf("paragraph %q did not come through as written; paragraphs:\n%s", want, got)
		}
	}
	for _, p := range br.Paragraphs {
		if p.Role == briefing.Heading {
			t.Errorf("a heading appeared from text: %q", p.Text)
		}
	}
}

func TestPageStructureKept(t *testing.T) {
	page := `<html><body><article>` + filler + `
<h2>Trade</h2>
<p>The talks went well.</p>
<blockquote><p>“We are ready,” the minister said.</p><p>“And so are they.”</p></blockquote>
<h3>What was agreed</h3>
<ul><li>Lower tariffs on steel.</li><li>A review in <em>two</em> years.</li></ul>
<ol><li>First step.</li><li>Second step.</li></ol>
<pre>MS. LEAVITT:  Thank you.
Q    A question?

MS. LEAVITT:  An answer.</pre>
` + filler + `</article></body></html>`
	_, b := readPage(t, page, "", "")
	want := []struct {
		text  string
		level int
	}{
		{"Trade", 2}, {"The talks went well.", 0}, {"“We are ready,” the minister said.", 0}, {"“And so are they.”", 0},
		{"What was agreed", 3}, {"Lower tariffs on steel.", 0}, {"A review in two years.", 0},
		{"First step.", 0}, {"Second step.", 0},
		{"MS. LEAVITT: Thank you.", 0}, {"Q: A question?", 0}, {"MS. LEAVITT: An answer.", 0},
	}
	got := map[string]int{}
	for _, p := range b.Paragraphs {
		text := p.Text
		if p.Label != "" {
			text = p.Label + ": " + text
		}
		got[text] = p.Level
		if p.Role != briefing.Heading {
			got[text] = 0
		}
	}
	for _, w := range want {
		lvl, ok := got[w.text]
		if !ok || lvl != w.level {
			t.Errorf("paragraph %q (level %d) missing or at level %d; paragraphs:\n%s", w.text, w.level, lvl, strings.Join(texts(b), "\n"))
		}
	}
}

func TestBreaksSplitTurns(t *testing.T) {
	// Old CMS pages put a whole transcript in one <p>, turns separated by
	// <br>&nbsp;<br>, "Q" set apart with no-break spaces.
	page := `<html><body><div class="content"><p>MS. LEAVITT:&nbsp; Good afternoon. We have a lot to cover today about the economy and trade.<br>&nbsp;<br>
Q&nbsp;&nbsp;&nbsp; Thank you. On tariffs, will the President meet the Japanese Prime Minister this week?<br>&nbsp;<br>
MS. LEAVITT:&nbsp; He will, on Thursday, and they will talk about steel and cars and the new trade agreement.<br>
Q&nbsp;&nbsp;&nbsp; And on energy prices, what is the plan for the winter months ahead of us?<br>
MS. LEAVITT:&nbsp; We will release more oil from the reserve if prices keep going up in the coming weeks.</p></div></body></html>`
	_, b := readPage(t, page, "", "")
	turns := 0
	for _, q := range b.Quotes {
		if q.Kind == briefing.Turn {
			turns++
		}
	}
	if b.Kind != briefing.Transcript || turns != 5 {
		t.Errorf("kind %v, %d turns, want a transcript of 5 turns; paragraphs:\n%s", b.Kind, turns, strings.Join(texts(b), "\n"))
	}
}

func TestPageMetadata(t *testing.T) {
	head := func(extra string) string {
		return `<html><head><title>Press briefing on the trade talks | Example News</title>` + extra + `</head><body><article>` + filler + `</article></body></html>`
	}
	jsonLD := `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"JSON-LD headline","datePublished":"2025-01-29T18:38:35-05:00","publisher":{"@type":"Organization","name":"JSON-LD Publisher"}}</script>`
	og := `<meta property="og:title" content="OG title"><meta property="og:site_name" content="OG Site"><meta property="article:published_time" content="2024-05-06T10:00:00Z"><meta property="og:url" content="https://example.org/og-url">`
	canonical := `<link rel="canonical" href="/canonical/path?id=7#top">`
	for _, c := range []struct {
		name, page, pageURL string
		want                Page
	}{
		{"title only", head(""), "", Page{Title: "Press briefing on the trade talks"}},
		{"fetched, title only", head(""), "https://www.example.org/a", Page{Title: "Press briefing on the trade talks", Source: "example.org", URL: "https://www.example.org/a"}},
		{"Open Graph", head(og), "", Page{Title: "OG title", Date: "2024-05-06", Source: "OG Site", URL: "https://example.org/og-url"}},
		{"JSON-LD wins", head(og + jsonLD), "", Page{Title: "JSON-LD headline", Date: "2025-01-29", Source: "JSON-LD Publisher", URL: "https://example.org/og-url"}},
		{"canonical resolved", head(og + canonical), "https://example.org/x/y", Page{Title: "OG title", Date: "2024-05-06", Source: "OG Site", URL: "https://example.org/canonical/path?id=7"}},
		{"javascript canonical refused", head(`<link rel="canonical" href="javascript:alert(1)">`), "", Page{Title: "Press briefing on the trade talks"}},
		{"saved page", "<!-- saved from url=(0030)https://example.org/saved -->\n" + head(""), "", Page{Title: "Press briefing on the trade talks", Source: "example.org", URL: "https://example.org/saved"}},
		{"date meta", head(`<meta name="DC.date.issued" content="2023-03-04">`), "", Page{Title: "Press briefing on the trade talks", Date: "2023-03-04"}},
		{"time element", head("") + `<time datetime="2022-02-02T10:00">Feb 2</time>`, "", Page{Title: "Press briefing on the trade talks", Date: "2022-02-02"}},
	} {
		p, err := ReadHTML([]byte(c.page), "", c.pageURL)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		p.Body = ""
		if p != c.want {
			t.Errorf("%s:\n got %+v\nwant %+v", c.name, p, c.want)
		}
	}
}

func TestMetadataWinsOverGuesses(t *testing.T) {
	page := `<html><head><title>Briefing</title><meta property="og:title" content="Press Briefing by Press Secretary Karoline Leavitt"><meta property="article:published_time" content="2025-01-29"></head><body><article>
<p>Readout from February 13, 2025</p>` + filler + `</article></body></html>`
	_, b := readPage(t, page, "", "")
	if b.Title != "Press Briefing by Press Secretary Karoline Leavitt" || b.Date != "2025-01-29" {
		t.Errorf("title %q, date %q: the page's metadata must win over the text", b.Title, b.Date)
	}
}

func TestHostilePage(t *testing.T) {
	page := "<html><head><title>Evil\x1b]0;owned\x07 title&#27;[2J</title></head><body><article>" + filler +
		"<p>Text with \x1b[31mred\x1b[0m and &#27;[2J and &#x9b;1m and \u202eright-to-left.</p>" + filler + "</article></body></html>"
	p, b := readPage(t, page, "", "")
	for _, s := range append(texts(b), p.Title, b.Title) {
		if textclean.Normalize(s) != s || strings.ContainsAny(s, "\x1b\u009b\u202e") {
			t.Errorf("control characters came through: %q", s)
		}
	}
	if _, err := ReadHTML([]byte("<html><body>a\x00b</body></html>"), "", ""); !errors.Is(err, textclean.ErrBinary) {
		t.Errorf("NUL byte: err = %v, want binary", err)
	}
	if _, err := ReadHTML([]byte("<html><body><nav>Home</nav></body></html>"), "", ""); !errors.Is(err, ErrNoContent) {
		t.Errorf("empty page: err = %v, want no content", err)
	}
}

func TestCharsets(t *testing.T) {
	// “Quoted” in windows-1252, declared in a <meta> or in the header.
	body := "<p>\x93We are ready,\x94 said the minister. Caf\xe9 talks went on.</p>"
	for _, c := range []struct{ page, contentType string }{
		{`<html><head><meta charset="windows-1252"></head><body><article>` + filler + body + `</article></body></html>`, ""},
		{`<html><body><article>` + filler + body + `</article></body></html>`, "text/html; charset=windows-1252"},
	} {
		_, b := readPage(t, c.page, c.contentType, "")
		if !strings.Contains(strings.Join(texts(b), "\n"), "“We are ready,” said the minister. Café talks went on.") {
			t.Errorf("windows-1252 page (%q) misread:\n%s", c.contentType, strings.Join(texts(b), "\n"))
		}
	}
}

func TestArticleInFurnitureClassesIsKept(t *testing.T) {
	// Class words say "sidebar", but it holds the whole article.
	page := `<html><body><div class="sidebar-layout"><h1>Statement</h1>` + filler + `</div><div class="share">Share this</div></body></html>`
	_, b := readPage(t, page, "", "")
	all := strings.Join(texts(b), "\n")
	if !strings.Contains(all, "The minister spoke about the budget") || strings.Contains(all, "Share this") {
		t.Errorf("paragraphs:\n%s", all)
	}
}

func TestNameWords(t *testing.T) {
	got := strings.Join(nameWords("gem-c-share-links printShare cookieConsent  HTMLBanner"), " ")
	if want := "gem c share links print share cookie consent htmlbanner"; got != want {
		t.Errorf("nameWords = %q, want %q", got, want)
	}
}
