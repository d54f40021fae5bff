package cli

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brief-reader/brief/internal/load"
	"github.com/brief-reader/brief/internal/ui"
)

func TestReaderBadTheme(t *testing.T) {
	_, errs, code := runCLI(t, "", "--theme", "purple", seedPath)
	if code != exitUsage || !strings.Contains(errs, "--theme") {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
}

func TestReaderSource(t *testing.T) {
	// No argument and no ./briefings here: the embedded samples.
	src, err := readerSource(nil, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := src.(ui.FSSource); !ok {
		t.Fatalf("without ./briefings the source is %T, want the embedded samples", src)
	}
	files, bad := src.Files(t.Context())
	if len(files) < 5 || len(bad) != 0 {
		t.Fatalf("embedded samples: %v %v", files, bad)
	}
	// With ./briefings, that folder.
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "briefings"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	src, err = readerSource(nil, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d, ok := src.(ui.DiskSource); !ok || len(d.Paths) != 1 || d.Paths[0] != "briefings" {
		t.Fatalf("with ./briefings the source is %#v", src)
	}
	// A path that does not exist is a usage error before anything starts.
	_, err = readerSource([]string{"no-such-file.txt", "-"}, load.Options{})
	var xe *exitError
	if !errors.As(err, &xe) || xe.code != exitUsage || !strings.Contains(err.Error(), "no-such-file.txt") {
		t.Fatalf("missing path: %v", err)
	}
}

// TestReaderWithoutTerminal: with stdout not a terminal, brief PATH
// writes its note to stderr (stdout may be a pipe) and exits 0 when the
// path exists, and names a missing path and exits 2.
func TestReaderWithoutTerminal(t *testing.T) {
	out, errOut, code := runCLI(t, "", seedPath)
	if code != exitOK || out != "" || !strings.Contains(errOut, "brief export") || strings.Count(errOut, "\n") > 2 {
		t.Errorf("brief %s without a terminal: code %d, stdout %q, stderr %q; want 0, nothing, a one- or two-line pointer to brief export", seedPath, code, out, errOut)
	}
	missing := filepath.Join(t.TempDir(), "nope.txt")
	out, errOut, code = runCLI(t, "", missing)
	if code != exitUsage || out != "" || !strings.Contains(errOut, missing) || strings.Contains(errOut, "needs a terminal") {
		t.Errorf("brief MISSING without a terminal: code %d, stdout %q, stderr %q; want 2 and the path named", code, out, errOut)
	}
}
