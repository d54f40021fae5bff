package main

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// tmuxShell is an interactive shell with job control in a tmux server of
// the test's own.
type tmuxShell struct {
	t      *testing.T
	socket string
}

func startTmuxShell(t *testing.T) *tmuxShell {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: cannot drive a shell with job control")
	}
	s := &tmuxShell{t: t, socket: fmt.Sprintf("brief-test-%d", os.Getpid())}
	s.run("new-session", "-d", "-s", "t", "-x", "80", "-y", "24", "env", "PS1=$ ", "TERM=xterm-256color", "sh", "-i")
	path := strings.TrimSpace(s.run("display", "-p", "#{socket_path}"))
	t.Cleanup(func() {
		_ = exec.Command("tmux", "-L", s.socket, "kill-server").Run()
		_ = os.Remove(path)
	})
	return s
}

func (s *tmuxShell) run(args ...string) string {
	s.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", s.socket}, args...)...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func (s *tmuxShell) screen() string { return s.run("capture-pane", "-p", "-t", "t") }

// state is the pane's alternate-screen and cursor flags, "alt=1 cursor=0".
func (s *tmuxShell) state() string {
	return strings.TrimSpace(s.run("display", "-p", "-t", "t", "alt=#{alternate_on} cursor=#{cursor_flag}"))
}

// waitUntil polls until ok holds.
func (s *tmuxShell) waitUntil(what string, ok func() bool) {
	s.t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !ok(); {
		if time.Now().After(deadline) {
			s.t.Fatalf("timed out waiting for %s; pane %s:\n%s", what, s.state(), s.screen())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestCtrlZSuspendsAndFgResumes suspends the reader with ctrl+z as in less:
// the shell gets the normal screen and cursor back, and fg brings the
// reader back as it was.
func TestCtrlZSuspendsAndFgResumes(t *testing.T) {
	bin := binary(t)
	s := startTmuxShell(t)
	s.waitUntil("the shell prompt", func() bool { return strings.Contains(s.screen(), "$") })
	s.run("send-keys", "-t", "t", bin+" "+seed, "Enter")
	s.waitUntil("the reader", func() bool { return strings.Contains(s.screen(), "quote 1/") && s.state() == "alt=1 cursor=0" })

	s.run("send-keys", "-t", "t", "C-z")
	s.waitUntil("the shell after ctrl+z", func() bool {
		return s.state() == "alt=0 cursor=1" && strings.Contains(s.screen(), "Stopped")
	})

	s.run("send-keys", "-t", "t", "fg; echo rc=$?", "Enter")
	s.waitUntil("the reader after fg", func() bool { return strings.Contains(s.screen(), "quote 1/") && s.state() == "alt=1 cursor=0" })

	s.run("send-keys", "-t", "t", "q")
	s.waitUntil("the exit code", func() bool { return strings.Contains(s.screen(), "rc=0") && s.state() == "alt=0 cursor=1" })
}
