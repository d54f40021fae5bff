package topics

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/brief-reader/brief/internal/briefing"
	"github.com/brief-reader/brief/internal/hostile"
	"github.com/brief-reader/brief/internal/load"
	"github.com/brief-reader/brief/internal/textclean"
)

// TestParseRefusesHostileYAML checks that topics files nested too deep or
// holding aliases are refused with their line, before the YAML parser
// spends memory on them: parsing a refused file allocates a bounded
// multiple of its size, where the parser takes memory quadratic in depth.
func TestParseRefusesHostileYAML(t *testing.T) {
	lineRE := regexp.MustCompile(`^hostile\.yaml:(\d+): `)
	for _, f := range hostile.YAML() {
		t.Run(f.Name, func(t *testing.T) {
			var err error
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			_, err = Parse("hostile.yaml", f.Data)
			runtime.ReadMemStats(&after)
			if err == nil {
				t.Fatal("accepted")
			}
			m := lineRE.FindStringSubmatch(err.Error())
			if m == nil || !strings.HasSuffix(f.Note, "line "+m[1]) {
				t.Errorf("err = %v, want hostile.yaml:LINE: with the line the note names (%s)", err, f.Note)
			}
			if !strings.Contains(err.Error(), "deeper than") && !strings.Contains(err.Error(), "aliases") {
				t.Errorf("err = %v, want a refusal for depth or aliases", err)
			}
			if got, most := after.TotalAlloc-before.TotalAlloc, uint64(400*len(f.Data)); got > most {
				t.Errorf("refusing %d B allocated %d B, want at most %d", len(f.Data), got, most)
			}
		})
	}
}

// TestParseCleansStrings checks that every string of a topics file is
// cleaned as briefing text is: raw escape bytes and those that YAML escapes
// make never reach a label, a term or a section title.
func TestParseCleansStrings(t *testing.T) {
	const file = "topics:\n" +
		"  - id: clip\n" +
		"    label: \"Clip\\e]52;c;Y3VybCBldmlsIHwgc2g=\\a board\"\n" +
		"    terms: [\"\\e[2Jtractor\", harvest]\n" +
		"  - id: title\n" +
		"    label: 'Title\x1b]2;pwned\x07 \x1b[?1049lScreen'\n" +
		"    terms:\n" +
		"      - {term: \"crops\\u009b31m\", context: [\"fields\\u202e\"]}\n" +
		"  - id: bidi\n" +
		"    label: \"\\u202eLabel\\u2066 \\x9b2J\\u0085C1\"\n" +
		"    terms: [rain]\n"
	tax, err := Parse("esc.yaml", []byte(file))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"clip": "Clip board", "title": "Title Screen", "bidi": "Label C1"}
	for _, tp := range tax.Topics() {
		if tp.Label != want[tp.ID] {
			t.Errorf("%s: label %q, want %q", tp.ID, tp.Label, want[tp.ID])
		}
		for _, term := range tp.Terms {
			hostile.AssertClean(t, term.Text)
			for _, c := range term.Context {
				hostile.AssertClean(t, c)
			}
		}
	}
	// What a briefing shows of the topics: labels and section titles.
	c := NewClassifier(Default().Merge(tax))
	b := &briefing.Briefing{Paragraphs: []briefing.Paragraph{{Text: "The tractor harvest was early. Tractor harvest again, the harvest of crops in the fields.", Role: briefing.Body}}}
	c.Apply(b)
	if len(b.Topics) == 0 {
		t.Fatal("no topics: the test text should be on the clip topic")
	}
	for _, tp := range b.Topics {
		hostile.AssertClean(t, tp.Label)
	}
	for _, s := range b.Sections {
		hostile.AssertClean(t, s.Title)
	}
}

// TestParseRefusesBinary checks that a topics file is decoded as briefings
// are: NUL bytes and invalid UTF-8 are refused, naming the file.
func TestParseRefusesBinary(t *testing.T) {
	for _, f := range hostile.Rejected() {
		_, err := Parse("bin.yaml", f.Data)
		decodeErr := errors.Is(err, textclean.ErrBinary) || errors.Is(err, textclean.ErrInvalidUTF8) || errors.Is(err, textclean.ErrInvalidUTF16)
		if !decodeErr || !strings.HasPrefix(err.Error(), "bin.yaml: ") {
			t.Errorf("%s: err = %v, want textclean's refusal naming bin.yaml", f.Name, err)
		}
	}
}

// TestLoadFileRefusals checks that a topics file is read as briefings are:
// a FIFO, a device, a folder and a file over MaxFileSize are refused, each
// at once and with the path, and a missing file still reads as missing.
func TestLoadFileRefusals(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, []byte("topics:\n"+strings.Repeat("# padding\n", MaxFileSize/10+1)), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct{ path, want string }{
		{fifo, "not a regular file"},
		{"/dev/zero", "not a regular file"},
		{dir, "folder"},
		{big, "a topics file may hold at most 1024 KiB"},
	}
	for _, c := range cases {
		done := make(chan error, 1)
		go func() { _, err := LoadFile(c.path); done <- err }()
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), c.path) || !strings.Contains(err.Error(), c.want) {
				t.Errorf("LoadFile(%s) = %v, want an error with the path and %q", c.path, err, c.want)
			}
			if c.path == big && !errors.Is(err, load.ErrTooLarge) {
				t.Errorf("LoadFile(%s) = %v, want load.ErrTooLarge", c.path, err)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("LoadFile(%s) blocked", c.path)
		}
	}
}
