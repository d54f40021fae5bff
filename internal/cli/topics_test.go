package cli

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestExportTopicFilter(t *testing.T) {
	out, errs, code := runCLI(t, "", "export", "--topic", "space", seedPath)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	b := decode(t, out).Briefings[0]
	if len(b.Quotes) == 0 {
		t.Fatal("no quotes on space")
	}
	lunar := false
	for _, q := range b.Quotes {
		if strings.Contains(q.Text, "LUPEX") {
			lunar = true
		}
		if strings.Contains(q.Text, "UNICORN") {
			t.Errorf("the radar quote is not about space: %q", q.Text)
		}
	}
	if !lunar {
		t.Error("the LUPEX quote is missing from --topic space")
	}

	// --topic and --speaker must both hold.
	out, _, _ = runCLI(t, "", "export", "--topic", "space", "--speaker", "Lal", seedPath)
	if n := len(decode(t, out).Briefings[0].Quotes); n != 0 {
		t.Errorf("Lal on space: %d quotes, want 0", n)
	}

	_, errs, code = runCLI(t, "", "export", "--topic", "astrology", seedPath)
	if code != 2 || !strings.Contains(errs, `unknown topic "astrology"`) || !strings.Contains(errs, "defence") {
		t.Errorf("unknown topic: exit %d, stderr %q; want 2 and the known topics", code, errs)
	}
}

func TestTopicsCommand(t *testing.T) {
	out, errs, code := runCLI(t, "", "topics", seedPath)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"TOPIC", "SHARE", "QUOTES", "Defence", "Space", "Vikram Misri ("} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	// The QUOTES column is what export --topic keeps, topic by topic.
	for _, id := range []string{"defence", "space"} {
		js, _, _ := runCLI(t, "", "export", "--topic", id, seedPath)
		n := len(decode(t, js).Briefings[0].Quotes)
		label := strings.ToUpper(id[:1]) + id[1:]
		row := ""
		for _, l := range strings.Split(out, "\n") {
			if f := strings.Fields(l); len(f) > 3 && f[0] == label {
				row = l
				if f[3] != strconv.Itoa(n) {
					t.Errorf("%s: brief topics says %s quotes, export --topic keeps %d", id, f[3], n)
				}
			}
		}
		if row == "" {
			t.Errorf("no row for %s:\n%s", label, out)
		}
	}
}

func TestTopicsFiles(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "mine.yaml")
	bad := filepath.Join(dir, "bad.yaml")
	write := func(p, s string) {
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(good, "topics:\n  - id: monsoon\n    label: Monsoon\n    terms: [monsoon, rainfall]\n")
	write(bad, "topics:\n  - id: monsoon\n    label: Monsoon\n    terms: []\n")
	text := "‘The monsoon rainfall was heavy this year across the region,’ said Minister Ana Lopez."

	out, errs, code := runCLI(t, text, "export", "--topics", good, "--topic", "monsoon", "-")
	if code != 0 || len(decode(t, out).Briefings[0].Quotes) != 1 {
		t.Errorf("user topic: exit %d, stderr %q, out %s", code, errs, out)
	}
	_, errs, code = runCLI(t, text, "export", "--topics", bad, "-")
	if code != 2 || !strings.Contains(errs, "bad.yaml:") {
		t.Errorf("bad topics file: exit %d, stderr %q; want 2 and file:line", code, errs)
	}
	// A file that cannot be read is named once, with the reason.
	for _, p := range []string{filepath.Join(dir, "none.yaml"), dir} {
		_, errs, code = runCLI(t, text, "export", "--topics", p, "-")
		if code != 2 || strings.Count(errs, p) != 1 || strings.Count(errs, "\n") != 1 {
			t.Errorf("unreadable topics file %s: exit %d, stderr %q; want 2 and one line naming it once", p, code, errs)
		}
	}
}

func TestUserTopicsFromConfigDir(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "brief"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "brief", "topics.yaml"), []byte("topics:\n  - id: monsoon\n    label: Monsoon\n    terms: [monsoon]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	e := &env{getenv: func(k string) string {
		if k == "XDG_CONFIG_HOME" {
			return dir
		}
		return ""
	}}
	user, err := userTopics(e, "")
	if err != nil {
		t.Fatal(err)
	}
	tax := mergeTopics(user)
	if _, ok := tax.Lookup("monsoon"); !ok {
		t.Error("the user's topics file was not read")
	}
	if _, ok := tax.Lookup("defence"); !ok {
		t.Error("the default topics were lost")
	}
}

// fullWriter takes room bytes and then fails, like a disk filling up.
type fullWriter struct{ room int }

func (w *fullWriter) Write(p []byte) (int, error) {
	if len(p) > w.room {
		n := w.room
		w.room = 0
		return n, errors.New("no space left on device")
	}
	w.room -= len(p)
	return len(p), nil
}

// TestOutputWriteError: brief topics > /dev/full, like export, reports the
// write error and exits 1, whether the first write fails or a later one.
func TestOutputWriteError(t *testing.T) {
	for _, cmd := range []string{"topics", "export"} {
		for _, room := range []int{0, 100} {
			var errb bytes.Buffer
			e := &env{
				stdin: strings.NewReader(""), stdout: &fullWriter{room: room}, stderr: &errb,
				build: BuildInfo{Version: "test"}, getenv: func(string) string { return "" },
				isTerminal: func() bool { return false },
			}
			code := run([]string{cmd, seedPath, seedPath}, e)
			if code != 1 || !strings.Contains(errb.String(), "writing output: no space left on device") {
				t.Errorf("%s with room for %d bytes: exit %d, stderr %q; want 1 and the write error", cmd, room, code, errb.String())
			}
		}
	}
}

// TestTopicsManyFiles checks that brief topics over several files prints
// each file's table in the order given, a blank line between them, as runs
// on each file alone print them, and still reports a file it had to skip.
func TestTopicsManyFiles(t *testing.T) {
	files := []string{
		"../../briefings/wh-press-briefing-leavitt-2025-01-29.md",
		seedPath,
		"../../briefings/wh-vance-ohio-steelworkers-2025-07-29.txt",
	}
	var want []string
	for _, f := range files {
		out, errs, code := runCLI(t, "", "topics", f)
		if code != 0 {
			t.Fatalf("topics %s: exit %d: %s", f, code, errs)
		}
		want = append(want, out)
	}
	missing := filepath.Join(t.TempDir(), "none.txt")
	out, errs, code := runCLI(t, "", "topics", files[0], files[1], missing, files[2])
	if got := strings.Join(want, "\n"); out != got {
		t.Errorf("topics over %d files:\n%s\nwant the single runs, a blank line between:\n%s", len(files), out, got)
	}
	if code == 0 || !strings.Contains(errs, "none.txt") {
		t.Errorf("missing file: exit %d, stderr %q; want a failure naming it", code, errs)
	}
}
