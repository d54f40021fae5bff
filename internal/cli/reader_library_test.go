package cli

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// TestReaderLibrary: with no PATH the reader opens a library that holds
// briefings (--library, else $BRIEF_LIBRARY, else the default place); a
// missing or empty one at the default place means no library, an
// explicit --library that is missing is an error naming it, and PATHs
// with --library are refused.
func TestReaderLibrary(t *testing.T) {
	dir := sampleDir(t)
	lib := filepath.Join(t.TempDir(), "library.db")
	if _, errOut, code := runCLI(t, "", "index", "--library", lib, dir); code != 0 {
		t.Fatalf("index: exit %d: %s", code, errOut)
	}
	empty := filepath.Join(t.TempDir(), "empty.db")
	if _, errOut, code := runCLI(t, "", "index", "--library", empty, t.TempDir()); code != 0 {
		t.Fatalf("index of an empty folder: exit %d: %s", code, errOut)
	}
	home := t.TempDir()
	envWith := func(vars map[string]string) *env {
		return &env{stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}, getenv: func(k string) string {
			if k == "HOME" {
				return home
			}
			return vars[k]
		}}
	}
	cases := []struct {
		name    string
		args    []string
		flag    string
		vars    map[string]string
		open    bool
		errText string
	}{
		{"flag", nil, lib, nil, true, ""},
		{"environment", nil, "", map[string]string{"BRIEF_LIBRARY": lib}, true, ""},
		{"XDG_DATA_HOME without a library", nil, "", map[string]string{"XDG_DATA_HOME": t.TempDir()}, false, ""},
		{"no library at the default place", nil, "", nil, false, ""},
		{"empty library", nil, empty, nil, false, ""},
		{"flag names a missing file", nil, filepath.Join(home, "nope.db"), nil, false, "no library at " + filepath.Join(home, "nope.db")},
		{"paths and --library", []string{dir}, lib, nil, false, "either PATHs or --library"},
		{"paths alone", []string{dir}, "", map[string]string{"BRIEF_LIBRARY": lib}, false, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			db, err := readerLibrary(context.Background(), envWith(c.vars), c.args, &readerFlags{library: c.flag})
			if db != nil {
				defer db.Close()
			}
			if c.errText != "" {
				if err == nil || !strings.Contains(err.Error(), c.errText) {
					t.Fatalf("err = %v, want one saying %q", err, c.errText)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if (db != nil) != c.open {
				t.Fatalf("library opened: %v, want %v", db != nil, c.open)
			}
		})
	}
}
