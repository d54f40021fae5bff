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

func TestReaderNotATerminal(t *testing.T) {
	out, errs, code := runCLI(t, "", seedPath)
	if code != exitOK || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	if !strings.Contains(out, "brief export") || strings.Count(out, "\n") > 2 {
		t.Fatalf("want a one- or two-line pointer to brief export, got %q", out)
	}
}

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
