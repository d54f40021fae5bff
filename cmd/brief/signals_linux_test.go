package main

import (
	"strings"
	"syscall"
	"testing"
	"time"
)

// Sequences that put the terminal back: leave the alternate screen, show
// the cursor, stop mouse tracking.
var restores = map[string]string{
	"leave the alternate screen": "\x1b[?1049l",
	"show the cursor":            "\x1b[?25h",
	"stop mouse tracking":        "\x1b[?1002l",
}

// TestStopSignalsRestoreTerminal sends each stop signal to the reader (with
// the mouse on) and checks that the terminal is restored and the exit code
// says which signal stopped it.
func TestStopSignalsRestoreTerminal(t *testing.T) {
	for _, c := range []struct {
		sig  syscall.Signal
		code int
	}{
		{syscall.SIGHUP, 129},
		{syscall.SIGINT, 130},
		{syscall.SIGTERM, 143},
	} {
		t.Run(c.sig.String(), func(t *testing.T) {
			r := startPTY(t, "--mouse", seed)
			r.waitFor("quote 1/", 10*time.Second)
			if r.cooked() {
				t.Fatal("the reader did not put the terminal in raw mode")
			}
			if err := r.cmd.Process.Signal(c.sig); err != nil {
				t.Fatal(err)
			}
			if code := r.wait(10 * time.Second); code != c.code {
				t.Errorf("exit code %d after %v, want %d; output ends:\n%q", code, c.sig, c.code, ansiStrip(r.output()[max(0, len(r.output())-300):]))
			}
			out := r.output()
			after := out[strings.LastIndex(out, "\x1b[?1049h")+1:]
			for what, seq := range restores {
				if !strings.Contains(after, seq) {
					t.Errorf("after %v brief did not %s (%q)", c.sig, what, seq)
				}
			}
			if !r.cooked() {
				t.Errorf("after %v the terminal is left raw", c.sig)
			}
		})
	}
}
