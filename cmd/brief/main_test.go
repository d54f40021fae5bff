package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// These tests run the real binary, built once by TestMain, the way a person
// runs it: on a terminal (a pseudo-terminal the test holds, or tmux).

// briefBin is the binary under test; empty when it could not be built.
var (
	briefBin string
	buildErr error
)

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "brief-bin-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	briefBin, buildErr = buildBrief(dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func buildBrief(dir string) (string, error) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		return "", fmt.Errorf("no go command to build brief: %w", err)
	}
	bin := filepath.Join(dir, "brief")
	out, err := exec.Command(goBin, "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return bin, nil
}

// binary returns the built binary, or skips the test when there is none.
func binary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("runs the real binary; skipped with -short")
	}
	if buildErr != nil {
		t.Skipf("cannot build brief: %v", buildErr)
	}
	return briefBin
}

// seed is the bundled sample briefing, relative to this package.
const seed = "../../briefings/india-japan-defence-misri-ani.txt"
