package parse

import (
	"errors"
	"strings"
	"testing"

	"github.com/brief-reader/brief/internal/briefing"
	"github.com/brief-reader/brief/internal/hostile"
	"github.com/brief-reader/brief/internal/textclean"
)

func TestMarkdown(t *testing.T) {
	text := "---\n" +
		"title: \"Press Gaggle by John\u00a0Kirby\"\n" +
		"date: '2024-08-23'\n" +
		"source_url: https://example.gov/gaggle\n" +
		"speakers:\n" +
		"  - name: Eduardo Alvarez\n    role: NSC spokesperson\n    aliases: [MODERATOR]\n" +
		"---\n \n" +
		"10:35 A.M. EDT\n\n" +
		"## Opening\n\n" +
		"     MODERATOR:  Good *morning*, everyone.  Over to [Kirby](https://x.gov/kirby).\n\n" +
		"**MR. KIRBY:** Hey, guys. \\[Laughs\\] Tomorrow is <span style=\"u\">Ukraine</span>&rsquo;s day.\n\n" +
		"------------\n\n" +
		"## Questions\n\n" +
		"Q    What about\nCairo?\n"
	b := parseString(t, "gaggle.md", text)
	if b.Markup != briefing.Markdown || b.Kind != briefing.Transcript {
		t.Fatalf("markup %s kind %s", b.Markup, b.Kind)
	}
	if b.Title != "Press Gaggle by John Kirby" || b.Date != "2024-08-23" || b.Source != "https://example.gov/gaggle" {
		t.Errorf("meta = %q %q %q", b.Title, b.Date, b.Source)
	}
	var headings, bodies []string
	for _, p := range b.Paragraphs {
		switch p.Role {
		case briefing.Heading:
			headings = append(headings, p.Text)
		case briefing.Body:
			bodies = append(bodies, p.Text)
		}
	}
	if strings.Join(headings, "|") != "Opening|Questions" {
		t.Errorf("headings = %q", headings)
	}
	wantBodies := []string{
		"Good morning, everyone. Over to Kirby.",
		"Hey, guys. [Laughs] Tomorrow is Ukraine’s day.",
		"What about Cairo?",
	}
	if strings.Join(bodies, "|") != strings.Join(wantBodies, "|") {
		t.Errorf("body text:\n got %q\nwant %q", bodies, wantBodies)
	}
	mod := findSpeaker(b, "Eduardo Alvarez", nil)
	if mod == nil || mod.Role != "NSC spokesperson" || mod.Quotes != 1 {
		t.Errorf("front matter speaker should win over the label: %+v (speakers %v)", mod, speakerNames(b))
	}
	if k := findSpeaker(b, "John Kirby", nil); k == nil || k.Quotes != 1 {
		t.Errorf("Kirby = %+v, speakers %v", k, speakerNames(b))
	}
}

func TestBadFrontMatterIsAWarning(t *testing.T) {
	b := parseString(t, "x.md", "---\ntitle: [unclosed\n---\nSome text here.\n")
	if len(b.Warnings) == 0 || !strings.Contains(b.Warnings[0], "front matter") {
		t.Errorf("warnings = %q", b.Warnings)
	}
	if len(b.Paragraphs) != 1 || b.Paragraphs[0].Text != "Some text here." {
		t.Errorf("body lost: %+v", b.Paragraphs)
	}
}

func TestSourceLine(t *testing.T) {
	tests := []struct {
		line                string
		title, date, source string
	}{
		{
			"# source: https://www.whitehouse.gov/x/ (Remarks by President Trump, 2025-02-13; via github.com/y)",
			"Remarks by President Trump", "2025-02-13", "https://www.whitehouse.gov/x/",
		},
		{
			"# source: ANI wire story (spun), 'Defence cooperation has emerged: Foreign Secretary Misri', New Delhi, August 26 [2025]; the user's sample",
			"Defence cooperation has emerged: Foreign Secretary Misri", "2025-08-26",
			"ANI wire story (spun), 'Defence cooperation has emerged: Foreign Secretary Misri', New Delhi, August 26 [2025]; the user's sample",
		},
	}
	for _, tt := range tests {
		b := parseString(t, "x.txt", tt.line+"\n\nHello there, said nobody.")
		if b.Title != tt.title || b.Date != tt.date || b.Source != tt.source {
			t.Errorf("%q:\n got %q %q %q\nwant %q %q %q", tt.line, b.Title, b.Date, b.Source, tt.title, tt.date, tt.source)
		}
		if strings.Contains(b.Paragraphs[0].Text, "source") {
			t.Errorf("source line kept as text")
		}
	}
}

func TestDatesAndDatelines(t *testing.T) {
	tests := []struct{ in, iso, raw string }{
		{"February 13, 2025", "2025-02-13", "February 13, 2025"},
		{"(February 13, 2025)", "2025-02-13", "February 13, 2025"},
		{"New Delhi, August 26 [2025]", "2025-08-26", "August 26 [2025"},
		{"13 February 2025", "2025-02-13", "13 February 2025"},
		{"2024-08-23", "2024-08-23", "2024-08-23"},
		{"August 26 (ANI)", "", "August 26"},
		{"we may go", "", ""},
	}
	for _, tt := range tests {
		iso, raw := findDate(tt.in)
		if iso != tt.iso || raw != tt.raw {
			t.Errorf("findDate(%q) = %q, %q; want %q, %q", tt.in, iso, raw, tt.iso, tt.raw)
		}
	}
	d, agency, ok := dateline("New Delhi [India], August 26 (ANI): Prime Minister Modi will visit.")
	if !ok || d != "August 26" || agency != "ANI" {
		t.Errorf("dateline = %q %q %v", d, agency, ok)
	}
	d, agency, ok = dateline("BRUSSELS, July 24 (Reuters) - The European Union and China agreed on Thursday.")
	if !ok || d != "July 24" || agency != "Reuters" {
		t.Errorf("Reuters dateline = %q %q %v", d, agency, ok)
	}
	if _, _, ok := dateline("The Indian Space Research Organisation (ISRO) and JAXA met."); ok {
		t.Error("an acronym in prose read as a dateline")
	}
	if _, _, ok := dateline("The talks (which began Monday): were long."); ok {
		t.Error("a parenthesis in prose read as a dateline")
	}
}

func TestResidue(t *testing.T) {
	text := "HomeLatestTalks go on in Cairo between the two...\n\nTalks go on in Cairo between the two sides\n\nCAIRO (AP) — The talks went on.\n\nSource\n\nLatest"
	b := parseString(t, "x.txt", text)
	var texts []string
	for _, p := range b.Paragraphs {
		texts = append(texts, p.Text)
	}
	want := []string{"Talks go on in Cairo between the two sides", "CAIRO (AP) — The talks went on."}
	if strings.Join(texts, "|") != strings.Join(want, "|") {
		t.Errorf("paragraphs = %q, want %q", texts, want)
	}
	if b.Title != want[0] || b.Paragraphs[0].Role != briefing.Heading || b.Source != "AP" {
		t.Errorf("title %q role %s source %q", b.Title, b.Paragraphs[0].Role, b.Source)
	}
}

func TestBadInput(t *testing.T) {
	if _, err := Parse("x.bin", []byte("abc\x00def"), DefaultOptions()); !errors.Is(err, textclean.ErrBinary) {
		t.Errorf("NUL byte: err = %v", err)
	}
	if _, err := Parse("x.txt", []byte("abc \xff\xfe def"), DefaultOptions()); !errors.Is(err, textclean.ErrInvalidUTF8) {
		t.Errorf("invalid UTF-8: err = %v", err)
	}
	for _, empty := range []string{"", "   \n\n\t  \r\n"} {
		b := parseString(t, "empty.txt", empty)
		if len(b.Paragraphs) != 0 || len(b.Quotes) != 0 {
			t.Errorf("%q: %+v", empty, b)
		}
	}
	b := parseString(t, "x.txt", "\ufeffMS. LEAVITT:\u00a0Hello\tthere.\r\n\r\nQ\x1b[2J Hi\x1b]52;c;aGk=\x07 again.\rMS. LEAVITT: Bye.")
	var got []string
	for _, p := range b.Paragraphs {
		got = append(got, p.Label+"|"+p.Text)
	}
	want := []string{"MS. LEAVITT|Hello there.", "Q|Hi again.", "MS. LEAVITT|Bye."}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("normalised paragraphs:\n got %q\nwant %q", got, want)
	}
}

// TestMarkdownEntitiesAreCleaned: character references decode to any
// character, terminal escapes included; what they give is cleaned like a
// file's text.
func TestMarkdownEntitiesAreCleaned(t *testing.T) {
	b := parseString(t, "entities.md", "# Title &#27;]0;pwned&#7;\n\nHello &#27;[2J world &#x1b;]8;;http://x&#x1b;\\\\link and &#1;&amp; more.\n\n&#1;\n")
	for _, p := range b.Paragraphs {
		hostile.AssertClean(t, p.Text)
	}
	hostile.AssertClean(t, b.Title)
	if len(b.Paragraphs) != 2 {
		t.Errorf("%d paragraphs, want 2 (an entity that decodes to nothing leaves no paragraph): %v", len(b.Paragraphs), b.Paragraphs)
	}
	if got := b.Paragraphs[1].Text; !strings.Contains(got, "Hello") || !strings.Contains(got, "& more.") {
		t.Errorf("text %q lost its words", got)
	}
}
