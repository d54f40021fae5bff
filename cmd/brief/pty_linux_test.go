package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// ptyRun is brief running on a pseudo-terminal that never answers a query:
// the test reads everything brief writes and types what a person would.
type ptyRun struct {
	t      *testing.T
	master *os.File
	// slave stays open in the test too, to read the terminal's modes
	// after brief has gone.
	slave *os.File
	cmd   *exec.Cmd

	mu  sync.Mutex
	out bytes.Buffer

	exited  chan struct{}
	waitErr error
}

// openPTY opens a pseudo-terminal pair of the given size.
func openPTY(rows, cols uint16) (master, slave *os.File, err error) {
	fd, err := unix.Open("/dev/ptmx", unix.O_RDWR|unix.O_NOCTTY|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, nil, fmt.Errorf("open /dev/ptmx: %w", err)
	}
	master = os.NewFile(uintptr(fd), "/dev/ptmx")
	if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, 0); err != nil {
		master.Close()
		return nil, nil, fmt.Errorf("unlockpt: %w", err)
	}
	n, err := unix.IoctlGetInt(fd, unix.TIOCGPTN)
	if err != nil {
		master.Close()
		return nil, nil, fmt.Errorf("ptsname: %w", err)
	}
	slave, err = os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		master.Close()
		return nil, nil, err
	}
	if err := unix.IoctlSetWinsize(int(slave.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Row: rows, Col: cols}); err != nil {
		master.Close()
		slave.Close()
		return nil, nil, fmt.Errorf("set size: %w", err)
	}
	return master, slave, nil
}

// startPTY runs brief with args on a fresh 80×24 pseudo-terminal whose
// TERM is xterm-256color, a terminal termenv would query.
func startPTY(t *testing.T, args ...string) *ptyRun {
	t.Helper()
	bin := binary(t)
	master, slave, err := openPTY(24, 80)
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	cmd := exec.Command(bin, args...)
	cmd.Env = append(cleanEnv(), "TERM=xterm-256color")
	cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, slave, slave
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	if err := cmd.Start(); err != nil {
		master.Close()
		slave.Close()
		t.Fatalf("start brief: %v", err)
	}
	r := &ptyRun{t: t, master: master, slave: slave, cmd: cmd, exited: make(chan struct{})}
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := master.Read(buf)
			r.mu.Lock()
			r.out.Write(buf[:n])
			r.mu.Unlock()
			if err != nil { // the test closed the terminal
				return
			}
		}
	}()
	go func() {
		r.waitErr = cmd.Wait()
		close(r.exited)
	}()
	t.Cleanup(func() {
		select {
		case <-r.exited:
		default:
			_ = cmd.Process.Kill()
			<-r.exited
		}
		master.Close()
		slave.Close()
	})
	return r
}

// cleanEnv is the test's environment without what would change brief's
// looks or make it skip the terminal query on its own.
func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch k {
		case "TERM", "TMUX", "STY", "COLORFGBG", "NO_COLOR", "COLORTERM":
			continue
		}
		env = append(env, kv)
	}
	return env
}

// output returns everything brief has written so far.
func (r *ptyRun) output() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.out.String()
}

// waitFor polls the output until it holds want.
func (r *ptyRun) waitFor(want string, limit time.Duration) {
	r.t.Helper()
	deadline := time.Now().Add(limit)
	for !strings.Contains(ansiStrip(r.output()), want) {
		if time.Now().After(deadline) {
			r.t.Fatalf("no %q on the terminal after %v; it shows:\n%q", want, limit, r.output())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// typeKeys writes keys to the terminal as a person types them.
func (r *ptyRun) typeKeys(keys string) {
	r.t.Helper()
	if _, err := io.WriteString(r.master, keys); err != nil {
		r.t.Fatalf("typing %q: %v", keys, err)
	}
}

// wait waits for brief to exit and returns its exit code, -1 when a signal
// killed it.
func (r *ptyRun) wait(limit time.Duration) int {
	r.t.Helper()
	select {
	case <-r.exited:
	case <-time.After(limit):
		r.t.Fatalf("brief still running after %v; the terminal shows:\n%q", limit, r.output())
	}
	// Drain what brief wrote before it exited: it is all in the
	// terminal's buffer by now.
	last, quiet := -1, 0
	for deadline := time.Now().Add(2 * time.Second); quiet < 5 && time.Now().Before(deadline); {
		time.Sleep(20 * time.Millisecond)
		if n := len(r.output()); n != last {
			last, quiet = n, 0
		} else {
			quiet++
		}
	}
	var xe *exec.ExitError
	if errors.As(r.waitErr, &xe) {
		if ws, ok := xe.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			r.t.Logf("brief was killed by %v", ws.Signal())
		}
		return xe.ExitCode()
	}
	if r.waitErr != nil {
		r.t.Fatalf("wait: %v", r.waitErr)
	}
	return 0
}

// cooked reports whether the terminal is back in its normal line mode:
// canonical input and echo on.
func (r *ptyRun) cooked() bool {
	r.t.Helper()
	tio, err := unix.IoctlGetTermios(int(r.slave.Fd()), unix.TCGETS)
	if err != nil {
		r.t.Fatalf("terminal modes: %v", err)
	}
	return tio.Lflag&unix.ICANON != 0 && tio.Lflag&unix.ECHO != 0
}

// ansiStrip drops escape sequences, roughly: enough to find words on the
// screen.
func ansiStrip(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != 0x1b {
			b.WriteByte(s[i])
			continue
		}
		if i+1 < len(s) && s[i+1] == '[' {
			j := i + 2
			for j < len(s) && (s[j] < 0x40 || s[j] > 0x7e) {
				j++
			}
			i = j
		}
	}
	return b.String()
}
