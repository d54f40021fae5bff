package cli

import (
	"strings"
	"testing"

	"github.com/brief-reader/brief/internal/briefing"
	"github.com/brief-reader/brief/internal/topics"
)

// TestFatalReportIsCleaned checks that a panic report, which can hold text
// from a briefing, reaches the terminal without control sequences.
func TestFatalReportIsCleaned(t *testing.T) {
	report := "index out of range in \x1b]0;pwned\x07\x1b[2J\u009b31mquote\u202e\n" +
		"goroutine 7 [running]:\nmain.f()\n\t/x/y.go:1"
	var out strings.Builder
	writeFatal(&out, report)
	got := out.String()
	for _, bad := range []string{"\x1b", "\u009b", "\x07", "\u202e"} {
		if strings.Contains(got, bad) {
			t.Errorf("report keeps %q: %q", bad, got)
		}
	}
	for _, keep := range []string{"internal error", "index out of range in", "quote", "\ngoroutine 7 [running]:\nmain.f()\n"} {
		if !strings.Contains(got, keep) {
			t.Errorf("report lost %q: %q", keep, got)
		}
	}
}

// TestTopicsBuildPanicReachesWaiter checks that a panic while building the
// taxonomy in the background is raised where the taxonomy is waited for,
// whose goroutine the reader guards, instead of killing brief with the
// terminal raw from a goroutine nobody guards.
func TestTopicsBuildPanicReachesWaiter(t *testing.T) {
	l := buildTopicsWith(func() (*topics.Taxonomy, *topics.Classifier) {
		panic("bad taxonomy")
	})
	for name, wait := range map[string]func(){
		"apply":    func() { l.apply(&briefing.Briefing{}) },
		"taxonomy": func() { l.taxonomy() },
	} {
		got := func() (p any) {
			defer func() { p = recover() }()
			wait()
			return nil
		}()
		if s, _ := got.(string); !strings.Contains(s, "bad taxonomy") || !strings.Contains(s, "goroutine") {
			t.Errorf("%s: raised %v, want the build's panic with its stack", name, got)
		}
	}
}
