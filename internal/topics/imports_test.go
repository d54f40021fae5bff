package topics

import (
	"go/parser"
	gotoken "go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestNoUIImports guards the house rule that domain packages never import
// a terminal UI library.
func TestNoUIImports(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := gotoken.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		af, err := parser.ParseFile(fset, f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range af.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			for _, banned := range []string{"bubbletea", "lipgloss", "bubbles", "glamour", "termenv"} {
				if strings.Contains(path, banned) {
					t.Errorf("%s imports %s", f, path)
				}
			}
		}
	}
}
