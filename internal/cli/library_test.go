package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brief-reader/brief/briefings"
)

// sampleDir copies the bundled briefings into a temp folder.
func sampleDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "briefings")
	if err := os.CopyFS(dir, briefings.FS); err != nil {
		t.Fatal(err)
	}
	return dir
}

type searchDoc struct {
	Count int `json:"count"`
	Hits  []struct {
		Path    string `json:"path"`
		Speaker string `json:"speaker"`
		Text    string `json:"text"`
	} `json:"hits"`
}

func TestIndexThenSearchAgreesWithExport(t *testing.T) {
	dir := sampleDir(t)
	lib := filepath.Join(t.TempDir(), "library.db")
	out, errOut, code := runCLI(t, "", "index", "--library", lib, dir)
	if code != 0 || !strings.Contains(out, "5 added, 0 updated, 0 unchanged, 0 removed, 0 failed") || errOut != "" {
		t.Fatalf("index: exit %d\n%s\n%s", code, out, errOut)
	}
	out, _, code = runCLI(t, "", "index", "--library", lib)
	if code != 0 || !strings.Contains(out, "0 added, 0 updated, 5 unchanged, 0 removed") {
		t.Fatalf("index with no PATH (the library's folders again): exit %d\n%s", code, out)
	}

	for _, filter := range [][]string{
		{"--speaker", "Leavitt"}, {"--speaker", "Vikram Misri"}, {"--topic", "trade"}, {"--topic", "defence"},
		{"--speaker", "Leavitt", "--topic", "trade"}, {"--kind", "reported"},
	} {
		exp, _, code := runCLI(t, "", append([]string{"export", dir}, filter...)...)
		if code != 0 {
			t.Fatalf("export %v: exit %d", filter, code)
		}
		want := 0
		for _, b := range decode(t, exp).Briefings {
			want += len(b.Quotes)
		}
		res, errOut, code := runCLI(t, "", append([]string{"search", "--library", lib, "--format", "json", "--limit", "0"}, filter...)...)
		if code != 0 {
			t.Fatalf("search %v: exit %d: %s", filter, code, errOut)
		}
		var doc searchDoc
		if err := json.Unmarshal([]byte(res), &doc); err != nil {
			t.Fatal(err)
		}
		if doc.Count != want || len(doc.Hits) != want || want == 0 {
			t.Errorf("search %v: %d hits, export keeps %d quotes", filter, doc.Count, want)
		}
	}

	// export --library writes what export of the files writes.
	fromFiles, _, _ := runCLI(t, "", "export", dir)
	fromLib, errOut, code := runCLI(t, "", "export", "--library="+lib)
	if code != 0 || fromLib != fromFiles {
		t.Errorf("export --library differs from export of the files (exit %d, %s)", code, errOut)
	}
	topicsFiles, _, _ := runCLI(t, "", "topics", dir)
	topicsLib, _, code := runCLI(t, "", "topics", "--library="+lib)
	if code != 0 || topicsLib != topicsFiles || !strings.Contains(topicsLib, "SPOKE ON IT") {
		t.Errorf("topics --library differs from topics of the files (exit %d)\n%s", code, topicsLib)
	}
	if _, errOut, code := runCLI(t, "", "export", "--library="+lib, dir); code != exitUsage || !strings.Contains(errOut, "not both") {
		t.Errorf("export with --library and PATHs: exit %d, %s", code, errOut)
	}

	// The text and Markdown formats cite each hit.
	txt, _, code := runCLI(t, "", "search", "--library", lib, "'tariffs", "--speaker", "Leavitt", "--limit", "2")
	if code != 0 || !strings.Contains(txt, "Karoline Leavitt, Press Secretary · Press Briefing by Press Secretary Karoline Leavitt · 2025-01-29 · ¶") ||
		!strings.Contains(txt, filepath.Join(dir, "wh-press-briefing-leavitt-2025-01-29.md")) || !strings.Contains(strings.ToLower(txt), "tariffs") {
		t.Errorf("text hits:\n%s", txt)
	}
	md, _, code := runCLI(t, "", "search", "--library", lib, "'tariffs", "--speaker", "Leavitt", "--limit", "2", "--format", "md")
	if code != 0 || !strings.Contains(md, "# Search: 'tariffs · speaker Leavitt") || !strings.Contains(md, "**tariffs**") || !strings.Contains(md, "> — Karoline Leavitt") {
		t.Errorf("markdown hits:\n%s", md)
	}
}

func TestSearchBadInput(t *testing.T) {
	dir := sampleDir(t)
	lib := filepath.Join(t.TempDir(), "library.db")
	if _, _, code := runCLI(t, "", "index", "--library", lib, dir); code != 0 {
		t.Fatal("index failed")
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"search", "--library", lib}, "give a QUERY"},
		{[]string{"search", "--library", lib, `"`}, "no words to find"},
		{[]string{"search", "--library", lib, "!india"}, "only !exclusions"},
		{[]string{"search", "--library", lib, "x", "--kind", "shouted"}, "--kind"},
		{[]string{"search", "--library", lib, "x", "--since", "yesterday"}, "--since"},
		{[]string{"search", "--library", lib, "x", "--since", "2025-02", "--until", "2025-01"}, "before --since"},
		{[]string{"search", "--library", lib, "x", "--topic", "astrology"}, "unknown topic"},
		{[]string{"search", "--library", lib, "x", "--format", "yaml"}, "--format"},
		{[]string{"search", "--library", lib, "x", "--limit", "-1"}, "--limit"},
	} {
		_, errOut, code := runCLI(t, "", tc.args...)
		if code != exitUsage || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, %q; want exit 2 and %q", tc.args[2:], code, errOut, tc.want)
		}
	}
	for _, q := range []string{"*", "NEAR(", "AND", "OR india", `"india`, "'", "india)", "(india", "text:india", "india*"} {
		out, errOut, code := runCLI(t, "", "search", "--library", lib, "--", q)
		if code != exitOK && code != exitUsage || strings.Contains(errOut, "fts5") || strings.Contains(errOut, "panic") {
			t.Errorf("search %q: exit %d\n%s%s", q, code, out, errOut)
		}
	}
}

func TestIndexReportsFailuresAndProgress(t *testing.T) {
	dir := sampleDir(t)
	lib := filepath.Join(t.TempDir(), "library.db")
	big := filepath.Join(dir, "huge.txt")
	if err := os.WriteFile(big, bytes.Repeat([]byte("Word. "), 20000), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runCLI(t, "", "index", "--library", lib, "--max-size", "64KiB", dir, filepath.Join(dir, "missing.txt"))
	if code != exitUsage || !strings.Contains(out, "5 added, 0 updated, 0 unchanged, 0 removed, 2 failed") ||
		!strings.Contains(errOut, "huge.txt: file too large") || !strings.Contains(errOut, "missing.txt: no such file") {
		t.Errorf("index with a large and a missing file: exit %d\n%s\n%s", code, out, errOut)
	}
	if strings.Contains(errOut, "indexing:") {
		t.Errorf("progress drawn on a stderr that is not a terminal:\n%s", errOut)
	}

	// On a terminal, progress is drawn on stderr and erased.
	var stdout, stderr bytes.Buffer
	e := &env{
		stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr,
		build: BuildInfo{Version: "test"}, getenv: func(string) string { return "" },
		isTerminal: func() bool { return false }, stderrTerminal: func() bool { return true },
	}
	lib2 := filepath.Join(t.TempDir(), "library.db")
	if code := run([]string{"index", "--library", lib2, dir}, e); code != exitOK && code != exitSkipped {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if s := stderr.String(); !strings.Contains(s, "indexing: ") || !strings.Contains(s, "/6 files") || !strings.HasSuffix(s, "\r\x1b[K") {
		t.Errorf("progress on a terminal: %q", s)
	}
}

func TestLibraryPathFromEnvironment(t *testing.T) {
	dir := sampleDir(t)
	data := t.TempDir()
	var stdout, stderr bytes.Buffer
	env1 := map[string]string{"XDG_DATA_HOME": data}
	e := &env{
		stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr,
		build: BuildInfo{Version: "test"}, getenv: func(k string) string { return env1[k] },
		isTerminal: func() bool { return false },
	}
	if code := run([]string{"index", dir}, e); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if _, err := os.Stat(filepath.Join(data, "brief", "library.db")); err != nil {
		t.Fatalf("no library under $XDG_DATA_HOME: %v", err)
	}
	// A file that is not a library is moved aside, and said so.
	other := filepath.Join(t.TempDir(), "notes.db")
	os.WriteFile(other, []byte("my notes"), 0o644)
	env1["BRIEF_LIBRARY"] = other
	stderr.Reset()
	if code := run([]string{"index", dir}, e); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "was not a brief library or was corrupt; moved it to "+other+".corrupt-") {
		t.Errorf("stderr: %s", stderr.String())
	}
}

// TestReadingCommandsLeaveForeignFile: search, export and topics only read
// the library: a --library file that is not one is an error naming it,
// never renamed or changed (only brief index moves it aside).
func TestReadingCommandsLeaveForeignFile(t *testing.T) {
	dir := t.TempDir()
	notes := filepath.Join(dir, "notes.db")
	content := []byte("my notes, not a library\n")
	if err := os.WriteFile(notes, content, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"search", "--library", notes, "tariffs"},
		{"export", "--library=" + notes},
		{"topics", "--library=" + notes},
	} {
		_, errOut, code := runCLI(t, "", args...)
		if code == exitOK || !strings.Contains(errOut, notes) || !strings.Contains(errOut, "not a brief library") {
			t.Errorf("%s: exit %d, stderr %q: want an error naming %s", args[0], code, errOut, notes)
		}
		if got, err := os.ReadFile(notes); err != nil || !bytes.Equal(got, content) {
			t.Fatalf("%s: the file was changed or moved: %v", args[0], err)
		}
		entries, _ := os.ReadDir(dir)
		if len(entries) != 1 {
			t.Fatalf("%s: %d files beside the library, want only it", args[0], len(entries))
		}
	}
}
