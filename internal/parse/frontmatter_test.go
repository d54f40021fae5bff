package parse

import (
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/brief-reader/brief/internal/hostile"
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
