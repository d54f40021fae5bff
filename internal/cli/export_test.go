package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"testing"

	"github.com/brief-reader/brief/internal/briefing"
	"github.com/brief-reader/brief/internal/export"
	"github.com/brief-reader/brief/internal/hostile"
	"github.com/brief-reader/brief/internal/parse"
	"github.com/brief-reader/brief/internal/textclean"
	"github.com/brief-reader/brief/internal/topics"
)

const seedPath = "../../briefings/india-japan-defence-misri-ani.txt"

// runCLI runs brief with args and returns stdout, stderr and the exit code.
func runCLI(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{
		stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb,
		build: BuildInfo{Version: "test"}, getenv: func(string) string { return "" },
		isTerminal: func() bool { return false },
	}
	code := run(args, e)
	return out.String(), errb.String(), code
}

type exportDoc struct {
	Version   int `json:"version"`
	Briefings []struct {
		Path     string `json:"path"`
		Title    string `json:"title"`
		Kind     string `json:"kind"`
		Speakers []struct {
			ID      string   `json:"id"`
			Name    string   `json:"name"`
			Aliases []string `json:"aliases"`
			Quotes  int      `json:"quotes"`
		} `json:"speakers"`
		Paragraphs []struct {
			Text string `json:"text"`
		} `json:"paragraphs"`
		Quotes []struct {
			Speaker string `json:"speaker"`
			Kind    string `json:"kind"`
			Text    string `json:"text"`
		} `json:"quotes"`
	} `json:"briefings"`
}

func decode(t *testing.T, out string) exportDoc {
	t.Helper()
	var d exportDoc
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("bad JSON: %v\n%s", err, out)
	}
	return d
}

func TestExportJSON(t *testing.T) {
	out, errs, code := runCLI(t, "", "export", seedPath)
	if code != 0 || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	d := decode(t, out)
	if d.Version != 1 || len(d.Briefings) != 1 {
		t.Fatalf("doc = %+v", d)
	}
	b := d.Briefings[0]
	if b.Kind != "article" || b.Path != seedPath || len(b.Paragraphs) == 0 {
		t.Errorf("briefing = %s %s, %d paragraphs", b.Kind, b.Path, len(b.Paragraphs))
	}
	direct := map[string]int{}
	for _, q := range b.Quotes {
		if q.Kind == "direct" {
			direct[q.Speaker]++
		}
	}
	if direct["vikram-misri"] != 11 || direct["tanmaya-lal"] != 1 || len(direct) != 2 {
		t.Errorf("direct quotes by speaker = %v", direct)
	}
}

func TestExportFilters(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		speakers map[string]bool
		kinds    map[string]bool
	}{
		{"alias, any case", []string{"--speaker", "misri"}, map[string]bool{"vikram-misri": true}, nil},
		{"two speakers are OR", []string{"-s", "The Foreign Secretary", "-s", "Tanmaya Lal"}, map[string]bool{"vikram-misri": true, "tanmaya-lal": true}, nil},
		{"kind and speaker are AND", []string{"--kind", "reported", "--speaker", "Lal"}, map[string]bool{"tanmaya-lal": true}, map[string]bool{"reported": true}},
		{"nobody", []string{"--speaker", "Narendra Modi"}, map[string]bool{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errs, code := runCLI(t, "", append(append([]string{"export"}, tt.args...), seedPath)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			b := decode(t, out).Briefings[0]
			seen := map[string]bool{}
			for _, q := range b.Quotes {
				seen[q.Speaker] = true
				if tt.kinds != nil && !tt.kinds[q.Kind] {
					t.Errorf("quote of kind %s kept", q.Kind)
				}
			}
			if len(seen) != len(tt.speakers) {
				t.Errorf("speakers kept = %v, want %v", seen, tt.speakers)
			}
			for s := range seen {
				if !tt.speakers[s] {
					t.Errorf("quote by %s kept", s)
				}
			}
			if len(b.Speakers) < 2 {
				t.Errorf("the speaker list is not filtered, only quotes: %d speakers", len(b.Speakers))
			}
		})
	}
}

func TestExportHumanFormats(t *testing.T) {
	for _, f := range []string{"md", "text"} {
		out, errs, code := runCLI(t, "", "export", "--format", f, "--speaker", "Lal", seedPath)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", f, code, errs)
		}
		for _, want := range []string{
			"Tanmaya Lal", "Secretary (West), MEA", "Today, as a regional platform", "¶26",
			"Defence, security-related cooperation", "August 26",
		} {
			if !strings.Contains(out, want) {
				t.Errorf("%s output lacks %q:\n%s", f, want, out)
			}
		}
		if strings.Contains(out, "Vikram Misri,") {
			t.Errorf("%s: filtered speaker present", f)
		}
	}
}

func TestExportTranscriptOverride(t *testing.T) {
	text := "MS. LEAVITT: Hello there.\n\nQ A question.\n\nMS. LEAVITT: An answer."
	out, _, code := runCLI(t, text, "export", "-")
	if code != 0 || decode(t, out).Briefings[0].Kind != "transcript" {
		t.Fatalf("detected: exit %d %s", code, out)
	}
	out, _, code = runCLI(t, text, "export", "--kind", "article", "--kind", "turn", "-")
	b := decode(t, out).Briefings[0]
	if code != 0 || b.Kind != "article" || len(b.Quotes) != 0 {
		t.Errorf("--kind article: exit %d, kind %s, %d turns", code, b.Kind, len(b.Quotes))
	}
}

func TestExportBadInput(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	bin := filepath.Join(dir, "bad.txt")
	if err := os.WriteFile(good, []byte("‘We are ready for this,’ said Minister Ana Lopez."), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bin, []byte("PK\x03\x04\x00\x00binary"), 0o644); err != nil {
		t.Fatal(err)
	}

	out, errs, code := runCLI(t, "", "export", bin, good)
	if code != 1 {
		t.Errorf("binary + good: exit %d, want 1", code)
	}
	if lines := strings.Split(strings.TrimSpace(errs), "\n"); len(lines) != 1 || !strings.Contains(lines[0], bin) || !strings.Contains(lines[0], "binary") {
		t.Errorf("stderr = %q, want one line naming the file and the reason", errs)
	}
	if d := decode(t, out); len(d.Briefings) != 1 || d.Briefings[0].Path != good {
		t.Errorf("the good file was not exported: %s", out)
	}

	missing := filepath.Join(dir, "missing.txt")
	_, errs, code = runCLI(t, "", "export", missing, good)
	if code != 2 || !strings.Contains(errs, missing) {
		t.Errorf("missing path: exit %d, stderr %q", code, errs)
	}

	_, errs, code = runCLI(t, "", "export", "--max-size", "10", good)
	if code != 1 || !strings.Contains(errs, "too large") {
		t.Errorf("over the size limit: exit %d, stderr %q", code, errs)
	}

	for _, args := range [][]string{
		{"export", "--format", "pdf", good},
		{"export", "--kind", "quotes", good},
		{"export", "--max-size", "lots", good},
		{"export", "--max-size", "9223372036854775807", good}, // read every file as empty, exit 0
		{"export", "--max-size", "8589934592G", good},         // wrapped around to a negative size
		{"export"},
	} {
		if _, errs, code := runCLI(t, "", args...); code != 2 || errs == "" {
			t.Errorf("%v: exit %d, stderr %q; want 2 with a message", args, code, errs)
		}
	}
}

// TestExportHostileFixtures writes every small hostile fixture in every
// format: nothing hangs and no control character reaches the output. (The
// parser's tests take the multi-megabyte ones; the writers are linear.)
func TestExportHostileFixtures(t *testing.T) {
	for _, fx := range hostile.Small() {
		for _, f := range []string{"json", "md", "text"} {
			out, errs, code := runCLI(t, string(fx.Data), "export", "--format", f, "-")
			if code != 0 {
				t.Errorf("%s as %s: exit %d: %s", fx.Name, f, code, errs)
				continue
			}
			if f == "json" {
				// JSON escapes what it must; decoded, the text is clean.
				var d exportDoc
				if err := json.Unmarshal([]byte(out), &d); err != nil {
					t.Fatalf("%s: bad JSON: %v", fx.Name, err)
				}
				for _, b := range d.Briefings {
					for _, p := range b.Paragraphs {
						hostile.AssertSafe(t, p.Text)
					}
					for _, q := range b.Quotes {
						hostile.AssertSafe(t, q.Text)
					}
				}
			}
			hostile.AssertSafe(t, out)
		}
	}
}

func TestExportIsSafeOnHostileText(t *testing.T) {
	text := "MS. \x1b]0;pwned\x07LEAVITT: Hello \x1b[2J\u202eworld.\n\nQ \u009b31mWhy?"
	for _, f := range []string{"json", "md", "text"} {
		out, _, code := runCLI(t, text, "export", "--format", f, "-")
		if code != 0 {
			t.Fatalf("%s: exit %d", f, code)
		}
		if strings.ContainsAny(out, "\x1b\x07\u202e\u009b") {
			t.Errorf("%s output carries control characters: %q", f, out)
		}
	}
}

// TestExportHostileFileName: a file name with controls, bidi and zero-width
// characters reaches no output raw. JSON keeps the path exact (escaped, so a
// script can still open the file) and cleans the title made from it; md and
// text show the path quoted with escapes.
func TestExportHostileFileName(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows file names cannot hold control characters")
	}
	dir := t.TempDir()
	name := filepath.Join(dir, "evil\x1b]0;pwned\x07\u009b2J\u202e\u200b\r\x7fname.txt")
	if err := os.WriteFile(name, []byte("‘We are ready,’ said Minister Ana Lopez."), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := runCLI(t, "", "export", name)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	hostile.AssertSafe(t, out)
	if textclean.Normalize(out) != out {
		t.Errorf("the JSON holds characters textclean would change:\n%q", out)
	}
	b := decode(t, out).Briefings[0]
	if b.Path != name {
		t.Errorf("path = %q, want the exact name %q", b.Path, name)
	}
	if _, err := os.Stat(b.Path); err != nil {
		t.Errorf("the exported path does not open: %v", err)
	}
	hostile.AssertClean(t, b.Title)
	if !strings.Contains(b.Title, "evil") || !strings.Contains(b.Title, "name") {
		t.Errorf("title = %q, want one made from the file name", b.Title)
	}
	for _, f := range []string{"md", "text"} {
		out, errs, code := runCLI(t, "", "export", "--format", f, name)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", f, code, errs)
		}
		hostile.AssertSafe(t, out)
		want := textclean.Path(name)
		if f == "md" {
			want = strings.NewReplacer(`\`, `\\`, `]`, `\]`).Replace(want)
		}
		if !strings.Contains(out, want) {
			t.Errorf("%s output lacks the quoted path %s:\n%s", f, want, out)
		}
	}
	// A file skipped with a reason is named the same way on stderr.
	if err := os.WriteFile(name, []byte("\x00binary"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errs, _ = runCLI(t, "", "export", name)
	hostile.AssertSafe(t, errs)
	if !strings.Contains(errs, "skipping "+textclean.Path(name)+": binary") {
		t.Errorf("stderr = %q, want the quoted path and the reason", errs)
	}
}

// TestExportSpeakerFlagIsCleaned: --speaker values pass through textclean
// like the names they match: the filter echoed in JSON is clean, and a name
// with a zero-width space or a colour escape pasted into it still matches.
func TestExportSpeakerFlagIsCleaned(t *testing.T) {
	out, errs, code := runCLI(t, "", "export", "--speaker", "Mis\u200bri\x1b[31m\u009b1m\u202e", seedPath)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	hostile.AssertSafe(t, out)
	var d struct {
		Filter struct {
			Speakers []string `json:"speakers"`
		} `json:"filter"`
		Briefings []struct {
			Quotes []struct {
				Speaker string `json:"speaker"`
			} `json:"quotes"`
		} `json:"briefings"`
	}
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Filter.Speakers) != 1 || d.Filter.Speakers[0] != "Misri" {
		t.Errorf("filter.speakers = %q, want [Misri]", d.Filter.Speakers)
	}
	if len(d.Briefings) != 1 || len(d.Briefings[0].Quotes) == 0 || d.Briefings[0].Quotes[0].Speaker != "vikram-misri" {
		t.Errorf("the cleaned name matched no quotes of Vikram Misri: %+v", d.Briefings)
	}
}

// Text and Markdown exports skip the classifier unless --topic filters
// (a quarter of an export's work): that is only right while neither
// format shows anything a classified briefing has and an unclassified one
// lacks. This writes the bundled samples, parsed and classified, with the
// export package and compares with what the command prints: a topic or
// section shown in either format makes them differ.
func TestTextExportNeedsNoTopics(t *testing.T) {
	paths, err := filepath.Glob("../../briefings/*.*")
	if err != nil {
		t.Fatal(err)
	}
	var bs []*briefing.Briefing
	classifier := topics.NewClassifier(topics.Default())
	for _, p := range paths {
		if filepath.Ext(p) == ".go" {
			continue
		}
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		b, err := parse.Parse(p, data, parse.DefaultOptions())
		if err != nil {
			t.Fatal(err)
		}
		classifier.Apply(b)
		bs = append(bs, b)
	}
	if n := len(bs); n < 5 {
		t.Fatalf("found %d bundled samples, want 5", n)
	}
	classified := 0
	for _, b := range bs {
		if len(b.Topics) > 0 {
			classified++
		}
	}
	if classified == 0 {
		t.Fatal("no sample has a topic: the comparison would prove nothing")
	}
	for _, f := range []export.Format{export.Text, export.Markdown} {
		var want bytes.Buffer
		if err := export.Write(&want, f, bs, briefing.Filter{}); err != nil {
			t.Fatal(err)
		}
		args := append([]string{"export", "--format", f.String()}, paths...)
		args = slices.DeleteFunc(args, func(a string) bool { return filepath.Ext(a) == ".go" })
		got, stderr, code := runCLI(t, "", args...)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", f, code, stderr)
		}
		if got != want.String() {
			t.Errorf("export --format %s differs from the classified briefings' %s: the format shows topics now, so the command must classify (see export.go)", f, f)
		}
	}
}

// TestBatchGC checks that export raises the collector's target for its
// stream, unless the user set GOGC, which wins.
func TestBatchGC(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	for _, tc := range []struct {
		gogc string
		want int
	}{{"", batchGCPercent}, {"50", 100}} {
		debug.SetGCPercent(100)
		var out, errb bytes.Buffer
		e := &env{
			stdin: strings.NewReader(""), stdout: &out, stderr: &errb,
			build: BuildInfo{Version: "test"}, isTerminal: func() bool { return false },
			getenv: func(k string) string {
				if k == "GOGC" {
					return tc.gogc
				}
				return ""
			},
		}
		if code := run([]string{"export", "--format", "text", seedPath}, e); code != 0 {
			t.Fatalf("exit %d: %s", code, errb.String())
		}
		if got := debug.SetGCPercent(100); got != tc.want {
			t.Errorf("GOGC=%q: the collector's target is %d after export, want %d", tc.gogc, got, tc.want)
		}
	}
}
