package parse

import (
	"os"
	"reflect"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/brief-reader/brief/internal/hostile"
	"github.com/goccy/go-yaml"
)

// TestHostileFrontMatter checks that front matter nested too deep, holding
// aliases or too large is refused with a warning naming its line, before
// the YAML library spends time or memory on it, and that the body is still
// read.
func TestHostileFrontMatter(t *testing.T) {
	fixtures := append(hostile.YAML(), hostile.Fixture{
		Name: "large",
		Note: "front matter over 64 KiB",
		Data: []byte("title: Large\nnote: " + strings.Repeat("a", 64<<10) + "\n"),
	})
	lineRE := regexp.MustCompile(`^front matter: line (\d+): `)
	for _, f := range fixtures {
		t.Run(f.Name, func(t *testing.T) {
			text := "---\n" + string(f.Data) + "---\n\nMS. LEAVITT: Good afternoon.\n"
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			b := ParseText("deep.md", text, Options{})
			runtime.ReadMemStats(&after)
			if len(b.Warnings) != 1 {
				t.Fatalf("warnings = %q, want one", b.Warnings)
			}
			w := b.Warnings[0]
			if f.Name == "large" {
				if w != "front matter: YAML larger than 64 KiB" {
					t.Errorf("warning = %q", w)
				}
			} else if m := lineRE.FindStringSubmatch(w); m == nil || !strings.HasSuffix(f.Note, "line "+m[1]) {
				t.Errorf("warning = %q, want front matter: line N: with the line the note names (%s)", w, f.Note)
			}
			if got, most := after.TotalAlloc-before.TotalAlloc, uint64(400*len(text)); got > most {
				t.Errorf("reading %d B allocated %d B, want at most %d", len(text), got, most)
			}
			if findSpeaker(b, "Leavitt", nil) == nil {
				t.Errorf("the body was not read: speakers %v", speakerNames(b))
			}
		})
	}
}

// yamlFrontMatter is what the YAML library makes of front matter.
func yamlFrontMatter(fm string) (map[string]any, error) {
	var raw map[string]any
	err := yaml.Unmarshal([]byte(fm), &raw)
	return raw, err
}

// checkFlatFrontMatter fails t when the fast path reads fm and its map is
// not the library's.
func checkFlatFrontMatter(t *testing.T, fm string) bool {
	t.Helper()
	got, ok := flatFrontMatter(fm)
	if !ok {
		return false
	}
	want, err := yamlFrontMatter(fm)
	if err != nil {
		t.Fatalf("fast path read %q, the library refuses it: %v", fm, err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("front matter %q:\nfast    %#v\nlibrary %#v", fm, got, want)
	}
	return true
}

// TestFlatFrontMatter checks that the fast path reads simple front matter
// exactly as the YAML library does, and leaves the rest to the library.
func TestFlatFrontMatter(t *testing.T) {
	simple := []string{
		"date: '2023-04-04'\npublished_time: 2023-04-04 17:01:56-04:00\nsource_url: https://example.gov/a/b/\ntags: speeches-remarks\ntitle: \"Remarks by President\\_Biden on the President\\u2019s Council of\\\n  \\ Advisors on Science and\\_Technology\"\n",
		"title: Plain title, with a comma\n",
		"title: 'It''s single'\n",
		"title: 'folded\n  over\n\n  lines  '\n",
		"title: \"folded  \n   over\n\n\n  lines\"\n",
		"title: \"esc \\\" \\\\ \\/ \\  \\n \\t end\"\n",
		"title: \"trailing escaped space\\ \n  next\"\n",
		"title:\ndate: x\n",
		"title:   \nkind: transcript\n",
		"title: \"a\"   \n",
		"source: a:b\n",
		"title: x\ndate: 2025-01-29",
		"kind: article\ntitle: Café – naïve “quotes”\n",
	}
	for _, fm := range simple {
		if !checkFlatFrontMatter(t, fm) {
			t.Errorf("fast path declined simple front matter %q", fm)
		}
	}
	notSimple := []string{
		"",
		"title: x\ntitle: y\n",        // duplicate key
		"null: x\n",                   // a key that is no string
		"true: x\n",                   // a key that is no string
		"title: x # comment\n",        // comment
		"# comment\ntitle: x\n",       // comment line
		"title: plain\n  continued\n", // plain over lines
		"title: 12\n",                 // a number
		"title: true\n",               // a bool
		"title: null\n",               // null
		"title: [a, b]\n",             // flow sequence
		"speakers:\n  - name: A\n",    // nested
		"title: a: b\n",               // mapping in a value
		"title: \"unclosed\n",         // unclosed quote
		"title: \"x\" y\n",            // more after the quote
		"title: \"\\x41\"\n",          // escape left to the library
		"title: \"\\ud83d\\ude00\"\n", // surrogate pair
		"title: \"a\nb\"\n",           // continuation not indented
		"title:\tx\n",                 // tab
		"Title: x\n",                  // capital key
		"title: x\r\n",                // carriage return
		"title: &a x\n",               // anchor
		"title: |\n  block\n",         // block scalar
		"title:x\n",                   // no space after the colon
		"title: x\n\ndate: y\n",       // blank line
		"title: \"x\"\n" + strings.Repeat("a", 64<<10), // too large
	}
	for _, fm := range notSimple {
		if checkFlatFrontMatter(t, fm) {
			t.Errorf("fast path read %q, want it left to the library", fm)
		}
	}
}

// TestFlatFrontMatterCorpus checks the fast path against the YAML library
// on the front matter of every page of the corpus (every 10th with
// -short), and that it reads nearly all of them.
func TestFlatFrontMatterCorpus(t *testing.T) {
	paths := corpusPaths(t)
	step := 1
	if testing.Short() {
		step = 10
	}
	n, fast := 0, 0
	for i := 0; i < len(paths); i += step {
		data, err := os.ReadFile(paths[i])
		if err != nil {
			t.Fatal(err)
		}
		fm, _, ok := splitFrontMatter(string(data))
		if !ok {
			continue
		}
		n++
		if checkFlatFrontMatter(t, fm) {
			fast++
		}
	}
	t.Logf("fast path read %d of %d front matters", fast, n)
	if fast < n*8/10 {
		t.Errorf("fast path read %d of %d front matters, want most", fast, n)
	}
}

// FuzzFlatFrontMatter checks that whatever the fast path reads, the YAML
// library reads to the same map.
func FuzzFlatFrontMatter(f *testing.F) {
	f.Add("date: '2023-04-04'\ntitle: \"Remarks by\\_the President\\u2019s\\\n  \\ Council\"\n")
	f.Add("title: 'a ''b''\n\n  c'\nsource_url: https://x.gov/\n")
	f.Add("title: Plain, words\nkind: transcript\n")
	f.Add("title: \"a  \n  b\"\n")
	f.Add("null: x\ntrue: 'y'\n")
	f.Fuzz(func(t *testing.T, fm string) {
		checkFlatFrontMatter(t, fm)
	})
}
