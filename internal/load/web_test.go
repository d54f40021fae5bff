package load_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/renderer/html"

	"github.com/brief-reader/brief/internal/briefing"
	"github.com/brief-reader/brief/internal/load"
	"github.com/brief-reader/brief/internal/parse"
	"github.com/brief-reader/brief/internal/topics"
)

// webFixtures holds saved pages written in the shapes of real publishers,
// each beside the same briefing as plain text.
const webFixtures = "../web/testdata"

// summary is what a reader takes from a briefing: its kind, who spoke and
// how often, how many quotes of each kind, and its main topics.
type summary struct {
	Kind     string
	Speakers []string
	Quotes   map[string]int
	Topics   []string
}

func summarize(b *briefing.Briefing) summary {
	s := summary{Kind: b.Kind.String(), Quotes: map[string]int{}}
	for _, sp := range b.Speakers {
		if sp.Quotes+sp.Reported > 0 {
			s.Speakers = append(s.Speakers, fmt.Sprintf("%s (%s): %d quotes, %d reported", sp.Name, sp.Kind, sp.Quotes, sp.Reported))
		}
	}
	sort.Strings(s.Speakers)
	for _, q := range b.Quotes {
		s.Quotes[q.Kind.String()]++
	}
	for _, t := range b.Topics {
		if t.Share >= 0.05 {
			s.Topics = append(s.Topics, t.ID)
		}
	}
	sort.Strings(s.Topics)
	return s
}

func (s summary) String() string {
	return fmt.Sprintf("%s; quotes %v; topics %v\n  %s", s.Kind, s.Quotes, s.Topics, strings.Join(s.Speakers, "\n  "))
}

var classifier = topics.NewClassifier(topics.Default())

func loadOneFile(t *testing.T, path string) *briefing.Briefing {
	t.Helper()
	res := load.Load(context.Background(), []string{path}, load.Options{Prepare: classifier.Apply})
	if res[0].Err != nil {
		t.Fatalf("%s: %v", path, res[0].Err)
	}
	return res[0].Briefing
}

// chrome is page furniture of the fixtures: none of it may reach a
// paragraph.
var chrome = []string{
	"Skip to main content", "cookies", "Sitemap", "Screen Reader", "Media Center", "Press Releases",
	"Photo Gallery", "Archives", "Print", "Share", "Related", "Copyright", "Terms of Use",
	"Privacy", "Visitors", "Government of India", "Services and information", "Departments",
	"Is this page useful", "Report a problem", "Explore the topic", "Crown copyright",
	"Business and industry", "Subscribe", "Sign in", "Nikkei", "Advertisement", "Facebook",
	"LinkedIn", "Copy link", "Comments (48)", "Join the conversation", "Read all comments",
	"Most Read", "Sign up", "Asia Morning Briefing", "All rights reserved", "842 partners",
	"Photographer", "Reporting by", "Trust Principles", "Updated 2 hours ago", "By Kenji Ono",
}

func TestSavedPagesReadLikeText(t *testing.T) {
	cases := []struct {
		name                     string
		title, date, source, url string
	}{
		{
			name:   "ministry-transcript",
			title:  "Transcript of Special Briefing by Foreign Secretary on the Prime Minister's Visit to Brazil (March 12, 2026)",
			date:   "2026-03-12",
			source: "mea.example.in",
			url:    "https://www.mea.example.in/media-briefings.htm?dtl/40123/Transcript_of_Special_Briefing",
		},
		{
			name:   "press-office",
			title:  "Minister welcomes agreement to protect steel jobs",
			date:   "2026-02-03",
			source: "Department for Trade",
			url:    "https://www.gov.example/government/news/minister-welcomes-agreement-to-protect-steel-jobs",
		},
		{
			name:   "news-article",
			title:  "India and Japan agree to widen space and defence cooperation",
			date:   "2026-03-07",
			source: "Global Wire",
			url:    "https://www.globalwire.example/world/asia/india-japan-space-defence-2026-03-07/",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			page := loadOneFile(t, filepath.Join(webFixtures, c.name+".html"))
			text := loadOneFile(t, filepath.Join(webFixtures, c.name+".txt"))
			if got, want := summarize(page), summarize(text); got.String() != want.String() {
				t.Errorf("the page reads differently from its text:\npage: %s\ntext: %s", got, want)
			}
			if len(page.Quotes) == 0 {
				t.Errorf("no quotes found")
			}
			got := [4]string{page.Title, page.Date, page.Source, page.SourceURL}
			if want := [4]string{c.title, c.date, c.source, c.url}; got != want {
				t.Errorf("metadata (title, date, source, URL):\n got %q\nwant %q", got, want)
			}
			if page.Markup != briefing.Markdown {
				t.Errorf("markup = %v, want markdown", page.Markup)
			}
			for _, p := range page.Paragraphs {
				for _, c := range chrome {
					if strings.Contains(p.Text, c) {
						t.Errorf("page furniture %q in paragraph %d: %q", c, p.Index, p.Text)
					}
				}
			}
		})
	}
}

// corpusRoot is the White House corpus, when ../shared is there.
const corpusRoot = "../../../shared/corpus/whitehouse"

// bodyMarker is where a fixture page holds its article.
var bodyMarker = regexp.MustCompile(`(?s)<!--BODY-->.*<!--/BODY-->`)

// wrapInChrome builds a web page from a corpus file: its Markdown body
// rendered to HTML (soft line breaks as <br>, as the parser reads them),
// put in place of a fixture page's article, under the corpus title.
func wrapInChrome(t testing.TB, shape, fixtureTitle string, md []byte) []byte {
	t.Helper()
	page, err := os.ReadFile(filepath.Join(webFixtures, shape+".html"))
	if err != nil {
		t.Fatal(err)
	}
	// The parser reads a line of no-break spaces as blank: so does the
	// page. Other no-break spaces stay, as on the real pages ("Q&nbsp;&nbsp;").
	fm, body := splitFrontMatter(string(md))
	body = blankLines.ReplaceAllString(body, "")
	title := frontMatterTitle(t, fm)
	var out bytes.Buffer
	gm := goldmark.New(goldmark.WithRendererOptions(html.WithHardWraps(), html.WithUnsafe()))
	if err := gm.Convert([]byte(dedentLines(body)), &out); err != nil {
		t.Fatal(err)
	}
	page = bodyMarker.ReplaceAllLiteral(page, out.Bytes())
	return bytes.ReplaceAll(page, []byte(htmlEscape(fixtureTitle)), []byte(htmlEscape(title)))
}

// TestWrappedCorpusPages reads White House pages wrapped in each fixture's
// chrome and requires the same speakers, quote counts and topics as the
// page's own Markdown, and none of the chrome in any paragraph.
// BRIEF_WEB_SAMPLE sets how many pages (default 12).
func TestWrappedCorpusPages(t *testing.T) {
	if _, err := os.Stat(corpusRoot); err != nil {
		t.Skip("../shared/corpus/whitehouse is not here")
	}
	n := 12
	if v := os.Getenv("BRIEF_WEB_SAMPLE"); v != "" {
		fmt.Sscan(v, &n)
	}
	files := corpusSample(t, n)
	shapes := []struct{ name, title string }{
		{"ministry-transcript", "Transcript of Special Briefing by Foreign Secretary on the Prime Minister's Visit to Brazil (March 12, 2026)"},
		{"press-office", "Minister welcomes agreement to protect steel jobs"},
		{"news-article", "India and Japan agree to widen space and defence cooperation"},
	}
	dir := t.TempDir()
	same, total := 0, 0
	for i, f := range files {
		md, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		shape := shapes[i%len(shapes)]
		htmlPath := filepath.Join(dir, fmt.Sprintf("%03d.html", i))
		if err := os.WriteFile(htmlPath, wrapInChrome(t, shape.name, shape.title, md), 0o644); err != nil {
			t.Fatal(err)
		}
		text, err := parse.Parse(f, md, parse.Options{})
		if err != nil {
			t.Fatal(err)
		}
		classifier.Apply(text)
		page := loadOneFile(t, htmlPath)
		total++
		got, want := summarize(page), summarize(text)
		if got.String() == want.String() {
			same++
		} else {
			t.Errorf("%s in %s chrome reads differently:\npage: %s\ntext: %s", f, shape.name, got, want)
		}
		for _, p := range page.Paragraphs {
			for _, c := range chrome {
				if strings.Contains(p.Text, c) && !strings.Contains(string(md), c) {
					t.Errorf("%s in %s chrome: page furniture %q in paragraph %d: %q", f, shape.name, c, p.Index, p.Text)
				}
			}
		}
	}
	t.Logf("%d of %d wrapped pages read like their text", same, total)
}

// corpusSample picks n corpus pages spread evenly over the sorted corpus,
// so that briefings, remarks, statements and articles all come up.
func corpusSample(t testing.TB, n int) []string {
	files, _, _ := load.Expand([]string{corpusRoot})
	if len(files) == 0 {
		t.Skip("empty corpus")
	}
	var out []string
	for i := 0; i < n && i < len(files); i++ {
		out = append(out, files[i*len(files)/n])
	}
	return out
}

func splitFrontMatter(s string) (fm, body string) {
	if !strings.HasPrefix(s, "---\n") {
		return "", s
	}
	end := strings.Index(s[4:], "\n---\n")
	if end < 0 {
		return "", s
	}
	return s[4 : 4+end], s[4+end+5:]
}

func frontMatterTitle(t testing.TB, fm string) string {
	b := parse.ParseText("x.md", "---\n"+fm+"\n---\n", parse.Options{})
	return b.Title
}

var blankLines = regexp.MustCompile(`(?m)^[ \t\x{a0}]+$`)

func dedentLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimLeft(l, " ")
	}
	return strings.Join(lines, "\n")
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

func TestLoadURLs(t *testing.T) {
	fixture, err := os.ReadFile(filepath.Join(webFixtures, "press-office.html"))
	if err != nil {
		t.Fatal(err)
	}
	text, err := os.ReadFile(filepath.Join(webFixtures, "news-article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/press", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(fixture)
	})
	mux.HandleFunc("/story.txt", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write(text)
	})
	mux.HandleFunc("/latin1.txt", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=iso-8859-1")
		w.Write([]byte("\x93We are ready,\x94 said Minister Ana L\xf3pez, and the talks began."))
	})
	mux.HandleFunc("/notes", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/markdown")
		fmt.Fprint(w, "---\ntitle: Notes from the briefing\n---\n\n## Trade\n\n“We are ready,” said Minister Ana Lopez.")
	})
	mux.HandleFunc("/report.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		fmt.Fprint(w, "%PDF-1.7")
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Header().Set("Content-Length", "20000")
		w.Write(bytes.Repeat([]byte("word "), 4000))
	})
	s := httptest.NewServer(mux)
	defer s.Close()

	urls := []string{s.URL + "/press", s.URL + "/story.txt", s.URL + "/missing", s.URL + "/report.pdf", s.URL + "/big", s.URL + "/latin1.txt", s.URL + "/notes"}
	files, bad, missing := load.Expand(append(urls, "ftp://example.org/x"))
	if strings.Join(files, " ") != strings.Join(urls, " ") || len(bad) != 0 || len(missing) != 1 ||
		missing[0].Error() != `ftp://example.org/x: unsupported URL scheme "ftp" (brief fetches http and https)` {
		t.Fatalf("Expand: files %q, bad %v, missing %v", files, bad, missing)
	}
	res := load.Load(context.Background(), files, load.Options{Prepare: classifier.Apply, MaxSize: 8192, UserAgent: "brief/test"})
	for i, r := range res {
		if r.Err == nil && r.Briefing == nil {
			t.Fatalf("%s: no briefing and no error", urls[i])
		}
	}
	for i, r := range res {
		if r.Path != urls[i] {
			t.Errorf("result %d is %s, want %s", i, r.Path, urls[i])
		}
	}
	if res[0].Err != nil || res[1].Err != nil {
		t.Fatalf("errors: %v, %v", res[0].Err, res[1].Err)
	}
	press := res[0].Briefing
	if press.SourceURL != "https://www.gov.example/government/news/minister-welcomes-agreement-to-protect-steel-jobs" ||
		press.Title != "Minister welcomes agreement to protect steel jobs" || len(press.Quotes) == 0 {
		t.Errorf("HTML page: %v, %+v", res[0].Err, press)
	}
	if got, want := summarize(press), summarize(loadOneFile(t, filepath.Join(webFixtures, "press-office.txt"))); got.String() != want.String() {
		t.Errorf("the fetched page reads differently from its text:\npage: %s\ntext: %s", got, want)
	}
	story := res[1].Briefing
	if story.SourceURL != s.URL+"/story.txt" || story.Markup != briefing.Plain {
		t.Errorf("text: %v, %+v", res[1].Err, story)
	}
	if got, want := summarize(story), summarize(loadOneFile(t, filepath.Join(webFixtures, "news-article.txt"))); got.String() != want.String() {
		t.Errorf("the fetched text reads differently from the file:\nURL:  %s\nfile: %s", got, want)
	}
	for i, want := range map[int]string{
		2: "HTTP error: 404 Not Found",
		3: "unsupported content type application/pdf (brief reads HTML, Markdown and plain text)",
		4: "file too large: 20000 bytes, the limit is 8192 (8.0 KiB, see --max-size)",
	} {
		if res[i].Err == nil || res[i].Err.Error() != want {
			t.Errorf("%s: err = %v, want %q", urls[i], res[i].Err, want)
		}
	}
	if r := res[5]; r.Err != nil || !strings.Contains(r.Briefing.Paragraphs[0].Text, "“We are ready,” said Minister Ana López") {
		t.Errorf("ISO-8859-1 text: %v %+v", r.Err, r.Briefing)
	}
	if r := res[6]; r.Err != nil || r.Briefing.Markup != briefing.Markdown || r.Briefing.Title != "Notes from the briefing" {
		t.Errorf("Markdown: %v %+v", r.Err, r.Briefing)
	}
}

func TestSavedPageFilesAreSkipped(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"Briefing.html", "Briefing_files/frame.html", "notes_files/keep.htm"} {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte("<html></html>"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	files, _, _ := load.Expand([]string{dir})
	want := []string{filepath.Join(dir, "Briefing.html"), filepath.Join(dir, "notes_files", "keep.htm")}
	if strings.Join(files, "\n") != strings.Join(want, "\n") {
		t.Errorf("files = %q, want %q", files, want)
	}
}

func TestHTMLOnStdin(t *testing.T) {
	page, err := os.ReadFile(filepath.Join(webFixtures, "news-article.html"))
	if err != nil {
		t.Fatal(err)
	}
	res := load.Load(context.Background(), []string{load.Stdin}, load.Options{Stdin: bytes.NewReader(page)})
	if res[0].Err != nil || res[0].Briefing.Title != "India and Japan agree to widen space and defence cooperation" {
		t.Errorf("HTML on stdin: %v %+v", res[0].Err, res[0].Briefing)
	}
}

// devBriefings are the hand-labelled dev briefings, plain text.
const devBriefings = "../parse/testdata/dev"

// textPage renders a plain-text briefing as an HTML page in a fixture's
// chrome: paragraphs as <p>, line breaks as <br>, the title and date (read
// from the text as the parser reads them) in the page's metadata.
func textPage(t testing.TB, shape, fixtureTitle string, b *briefing.Briefing, text string) []byte {
	t.Helper()
	page, err := os.ReadFile(filepath.Join(webFixtures, shape+".html"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasPrefix(strings.ToLower(text), "# source:") {
		_, text, _ = strings.Cut(text, "\n") // a header line, not page text
	}
	var body strings.Builder
	if b.Date != "" {
		fmt.Fprintf(&body, "<time datetime=%q>%s</time>\n", b.Date, b.Date)
	}
	for _, p := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			body.WriteString("<p>" + strings.ReplaceAll(htmlEscape(p), "\n", "<br>\n") + "</p>\n")
		}
	}
	// The fixture's own dates go: the briefing's date is the one above.
	page = regexp.MustCompile(`<meta property="article:published_time"[^>]*>|"datePublished":"[^"]*",|<time [^>]*>[^<]*</time>`).ReplaceAll(page, nil)
	page = bodyMarker.ReplaceAllLiteral(page, []byte(body.String()))
	return bytes.ReplaceAll(page, []byte(htmlEscape(fixtureTitle)), []byte(htmlEscape(b.Title)))
}

// TestWrappedDevBriefings reads the dev briefings as web pages in each
// fixture's chrome and requires what the plain text gives. With
// BRIEF_WEB_OUT set, it also writes the pages there with gold files
// pointing at them, for ../shared/tools/score (scripts/web-score.sh).
func TestWrappedDevBriefings(t *testing.T) {
	golds, err := filepath.Glob(filepath.Join(devBriefings, "*.gold.json"))
	if err != nil || len(golds) == 0 {
		t.Fatalf("no dev briefings: %v", err)
	}
	out := os.Getenv("BRIEF_WEB_OUT")
	dir := t.TempDir()
	if out != "" {
		dir = out
	}
	shapes := []struct{ name, title string }{
		{"ministry-transcript", "Transcript of Special Briefing by Foreign Secretary on the Prime Minister's Visit to Brazil (March 12, 2026)"},
		{"press-office", "Minister welcomes agreement to protect steel jobs"},
		{"news-article", "India and Japan agree to widen space and defence cooperation"},
	}
	for _, g := range golds {
		name := strings.TrimSuffix(filepath.Base(g), ".gold.json")
		txtPath := filepath.Join(devBriefings, name+".txt")
		text := loadOneFile(t, txtPath)
		raw, err := os.ReadFile(txtPath)
		if err != nil {
			t.Fatal(err)
		}
		for _, sh := range shapes {
			htmlPath := filepath.Join(dir, name+"."+sh.name+".html")
			if err := os.WriteFile(htmlPath, textPage(t, sh.name, sh.title, text, string(raw)), 0o644); err != nil {
				t.Fatal(err)
			}
			page := loadOneFile(t, htmlPath)
			if got, want := summarize(page), summarize(text); got.String() != want.String() {
				t.Errorf("%s in %s chrome reads differently:\npage: %s\ntext: %s", name, sh.name, got, want)
			}
			if page.Title != text.Title || page.Date != text.Date {
				t.Errorf("%s in %s chrome: title %q, date %q; the text has %q, %q", name, sh.name, page.Title, page.Date, text.Title, text.Date)
			}
			if out != "" {
				gold, err := os.ReadFile(g)
				if err != nil {
					t.Fatal(err)
				}
				gold = bytes.Replace(gold, []byte(`"text_path": "`+name+`.txt"`), []byte(`"text_path": "`+filepath.Base(htmlPath)+`"`), 1)
				if err := os.WriteFile(filepath.Join(dir, name+"."+sh.name+".gold.json"), gold, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
}
