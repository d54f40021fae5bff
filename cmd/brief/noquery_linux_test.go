package main

import (
	"strings"
	"testing"
	"time"
)

// Queries brief must never send: termenv's background-colour query (OSC
// 11) and the cursor-position report it sends with it.
var queries = map[string]string{
	"OSC 11 background query": "\x1b]11;?",
	"cursor position query":   "\x1b[6n",
}

func assertNoQuery(t *testing.T, out string) {
	t.Helper()
	for name, q := range queries {
		if strings.Contains(out, q) {
			t.Errorf("brief sent a %s (%q) to the terminal; output begins:\n%q", name, q, out[:min(len(out), 200)])
		}
	}
}

// TestNoTerminalQuery runs brief on a terminal that never answers (TERM
// xterm-256color, which termenv would query) and checks that nothing is
// asked of it: Bubble Tea's package init would otherwise query before main
// and wait five seconds for the answer.
func TestNoTerminalQuery(t *testing.T) {
	t.Run("version", func(t *testing.T) {
		start := time.Now()
		r := startPTY(t, "--version")
		if code := r.wait(10 * time.Second); code != 0 {
			t.Fatalf("exit %d; output:\n%q", code, r.output())
		}
		elapsed := time.Since(start)
		assertNoQuery(t, r.output())
		if !strings.Contains(r.output(), "brief ") {
			t.Errorf("no version on the terminal: %q", r.output())
		}
		// The stall is termenv's 5 s timeout; well under it, on a shared
		// machine, means no wait at all (scripts/bench-startup.sh holds the
		// 0.5 s goal).
		if elapsed > 2500*time.Millisecond {
			t.Errorf("brief --version took %v on a silent terminal", elapsed)
		}
		t.Logf("brief --version on a silent terminal: %v", elapsed)
	})
	t.Run("export", func(t *testing.T) {
		r := startPTY(t, "export", "--format", "text", seed)
		if code := r.wait(10 * time.Second); code != 0 {
			t.Fatalf("exit %d; output:\n%q", code, r.output())
		}
		assertNoQuery(t, r.output())
	})
	t.Run("reader", func(t *testing.T) {
		r := startPTY(t, seed)
		r.waitFor("quote 1/", 10*time.Second)
		r.typeKeys("q")
		if code := r.wait(10 * time.Second); code != 0 {
			t.Fatalf("exit %d; output:\n%q", code, r.output())
		}
		assertNoQuery(t, r.output())
	})
}
