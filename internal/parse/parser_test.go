package parse

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestParserReuseMatchesParse checks that a Parser used for file after file
// (as each worker of internal/load uses one) gives what a fresh parse gives:
// nothing it keeps between files leaks from one into the next. The files
// come in turns of Markdown and plain text, articles and transcripts, each
// twice, once after a different file.
func TestParserReuseMatchesParse(t *testing.T) {
	var files []string
	for _, dir := range []string{"testdata", "../../briefings"} {
		filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && (strings.HasSuffix(path, ".txt") || strings.HasSuffix(path, ".md")) {
				files = append(files, path)
			}
			return nil
		})
	}
	if len(files) < 10 {
		t.Fatalf("found %d sample files, want at least 10", len(files))
	}
	ps := NewParser()
	order := append(append([]string(nil), files...), files[len(files)/2:]...)
	for _, path := range order {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		want, wantErr := Parse(path, data, DefaultOptions())
		got, gotErr := ps.Parse(path, data, DefaultOptions())
		if (wantErr == nil) != (gotErr == nil) {
			t.Fatalf("%s: reused parser error %v, fresh %v", path, gotErr, wantErr)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: a reused Parser parses differently from a fresh one", path)
		}
	}
}
