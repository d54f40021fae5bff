//go:build docs

package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

func init() { extraCommands = append(extraCommands, newDocsCmd) }

// docsCommand is the name of the hidden command that writes the man pages
// and shell completions. The release build runs it before building (see
// .goreleaser.yaml: go run -tags docs); it is not meant for people, and
// the everyday binary, built without the tag, does not have it.
const docsCommand = "__docs"

// completionFiles names each shell's completion script as that shell looks
// for it: bash loads completions/NAME, zsh _NAME, fish NAME.fish.
var completionFiles = []struct {
	shell, file string
	gen         func(root *cobra.Command, path string) error
}{
	{"bash", "brief.bash", func(root *cobra.Command, path string) error { return root.GenBashCompletionFileV2(path, true) }},
	{"zsh", "_brief", func(root *cobra.Command, path string) error { return root.GenZshCompletionFile(path) }},
	{"fish", "brief.fish", func(root *cobra.Command, path string) error { return root.GenFishCompletionFile(path, true) }},
}

func newDocsCmd(e *env) *cobra.Command {
	var dir string
	cmd := &cobra.Command{
		Use:   docsCommand + " --dir DIR",
		Short: "Write the man pages and shell completions into DIR",
		Long: `Write the man pages (DIR/man/brief*.1) and the bash, zsh and fish
completions (DIR/completions/brief.bash, _brief, brief.fish), generated from
the command definitions. The man pages are dated SOURCE_DATE_EPOCH when it
is set, so a release build is reproducible.`,
		Hidden: true,
		Args:   cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := writeDocs(cmd.Root(), dir, e.build); err != nil {
				return &exitError{code: exitSkipped, err: err}
			}
			fmt.Fprintf(e.stdout, "wrote man pages and completions to %s\n", dir)
			return nil
		},
	}
	cmd.Flags().StringVar(&dir, "dir", "", "write into `DIR` (created if missing)")
	_ = cmd.MarkFlagRequired("dir")
	return cmd
}

// writeDocs writes root's man pages into dir/man and its completions into
// dir/completions. Files written before are replaced, and stale man pages of
// commands that no longer exist are removed.
func writeDocs(root *cobra.Command, dir string, build BuildInfo) error {
	// Execute adds these lazily; add them here so the pages list them
	// whether or not root has run.
	root.InitDefaultHelpFlag()
	root.InitDefaultVersionFlag()
	root.InitDefaultCompletionCmd()
	root.DisableAutoGenTag = true

	manDir := filepath.Join(dir, "man")
	compDir := filepath.Join(dir, "completions")
	for _, d := range []string{manDir, compDir} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return fmt.Errorf("creating %s: %w", d, err)
		}
	}
	old, err := filepath.Glob(filepath.Join(manDir, "*.1"))
	if err != nil {
		return err
	}
	for _, f := range old {
		if err := os.Remove(f); err != nil {
			return fmt.Errorf("removing %s: %w", f, err)
		}
	}
	header := &doc.GenManHeader{
		Section: "1",
		Source:  strings.TrimSpace("brief " + build.Version),
		Manual:  "brief manual",
	}
	if err := doc.GenManTree(root, header, manDir); err != nil {
		return fmt.Errorf("writing man pages into %s: %w", manDir, err)
	}
	pages, err := filepath.Glob(filepath.Join(manDir, "*.1"))
	if err != nil {
		return err
	}
	for _, page := range pages {
		if err := asciiRoff(page); err != nil {
			return err
		}
	}
	for _, c := range completionFiles {
		path := filepath.Join(compDir, c.file)
		if err := c.gen(root, path); err != nil {
			return fmt.Errorf("writing %s completion %s: %w", c.shell, path, err)
		}
	}
	return nil
}

// asciiRoff rewrites a man page with every non-ASCII character as a roff
// escape (— becomes \[u2014]): groff without preconv warns about raw UTF-8
// and may drop it.
func asciiRoff(path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var out strings.Builder
	for _, r := range string(b) {
		if r < utf8.RuneSelf {
			out.WriteRune(r)
		} else {
			fmt.Fprintf(&out, `\[u%04X]`, r)
		}
	}
	return os.WriteFile(path, []byte(out.String()), 0o644)
}
