//go:build !docs

package cli

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// The everyday binary has no man-page writer: it is built only with the
// docs tag (see docs.go), so its libraries never run at start-up.
func TestNoDocsCommandWithoutTag(t *testing.T) {
	dir := t.TempDir()
	var out bytes.Buffer
	e := &env{
		stdin: strings.NewReader(""), stdout: &out, stderr: &out,
		getenv:     func(string) string { return "" },
		isTerminal: func() bool { return false },
	}
	if code := run([]string{"__docs", "--dir", dir}, e); code == exitOK {
		t.Fatalf("brief __docs ran in a build without the docs tag: %s", out.String())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("brief __docs wrote %d entries without the docs tag", len(entries))
	}
}
