//go:build docs

package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

func docsTestEnv(out *bytes.Buffer) *env {
	return &env{
		stdin: strings.NewReader(""), stdout: out, stderr: out,
		build:      BuildInfo{Version: "1.2.3", Commit: "0123456789abcdef", Date: "2026-01-02T03:04:05Z"},
		getenv:     func(string) string { return "" },
		isTerminal: func() bool { return false },
	}
}

// manText reads a man page and drops roff's font changes and '-' escapes,
// so that flags can be searched for as they are typed.
func manText(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading man page: %v", err)
	}
	return strings.NewReplacer(`\-`, "-", `\fB`, "", `\fI`, "", `\fR`, "", `\fP`, "").Replace(string(b))
}

func TestDocsWritesManPagesForEveryCommandAndFlag(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1767225600") // 2026-01-01
	dir := t.TempDir()
	var out bytes.Buffer
	if code := run([]string{docsCommand, "--dir", dir}, docsTestEnv(&out)); code != exitOK {
		t.Fatalf("brief %s: exit %d: %s", docsCommand, code, out.String())
	}

	// The tree the pages should describe: the same root, with the
	// commands cobra adds when it runs.
	root := newRootCmd(docsTestEnv(new(bytes.Buffer)))
	root.InitDefaultHelpFlag()
	root.InitDefaultVersionFlag()
	root.InitDefaultCompletionCmd()

	rootPage := manText(t, filepath.Join(dir, "man", "brief.1"))
	for _, want := range []string{`.TH "BRIEF" "1" "Jan 2026" "brief 1.2.3" "brief manual"`, "SYNOPSIS", "DESCRIPTION", "OPTIONS"} {
		if !strings.Contains(rootPage, want) {
			t.Errorf("brief.1 lacks %q", want)
		}
	}

	var commands int
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		name := strings.ReplaceAll(c.CommandPath(), " ", "-")
		page := manText(t, filepath.Join(dir, "man", name+".1"))
		commands++
		if !strings.Contains(page, name) {
			t.Errorf("%s.1 does not name its command", name)
		}
		if c.Short != "" && !strings.Contains(page, c.Short) {
			t.Errorf("%s.1 lacks its summary %q", name, c.Short)
		}
		check := func(f *pflag.Flag) {
			if f.Hidden {
				return
			}
			if !strings.Contains(page, "--"+f.Name) {
				t.Errorf("%s.1 does not mention --%s", name, f.Name)
			}
			if f.Shorthand != "" && !strings.Contains(page, "-"+f.Shorthand+",") {
				t.Errorf("%s.1 does not mention -%s", name, f.Shorthand)
			}
		}
		c.NonInheritedFlags().VisitAll(check)
		c.InheritedFlags().VisitAll(check)
		for _, sub := range c.Commands() {
			if !sub.IsAvailableCommand() || sub.IsAdditionalHelpTopicCommand() {
				continue
			}
			// Each page points to its subcommands' pages.
			if !strings.Contains(page, name+"-"+sub.Name()+"(1)") {
				t.Errorf("%s.1 does not refer to %s-%s(1)", name, name, sub.Name())
			}
			walk(sub)
		}
	}
	walk(root)
	if commands < 3 { // brief, brief export, brief completion at least
		t.Errorf("walked %d commands, want at least 3", commands)
	}
	for _, want := range []string{"brief-export.1", "brief-completion.1"} {
		if _, err := os.Stat(filepath.Join(dir, "man", want)); err != nil {
			t.Errorf("missing man page: %v", err)
		}
	}

	// Hidden commands get no page, and no page is left over.
	pages, _ := filepath.Glob(filepath.Join(dir, "man", "*"))
	if len(pages) != commands {
		t.Errorf("wrote %d man pages for %d commands: %v", len(pages), commands, pages)
	}
	for _, p := range pages {
		if strings.Contains(p, "__") {
			t.Errorf("hidden command has a man page: %s", p)
		}
		b, _ := os.ReadFile(p)
		if bytes.Contains(b, []byte(docsCommand)) {
			t.Errorf("%s mentions the hidden %s command", p, docsCommand)
		}
		// Non-ASCII text is escaped for roff: groff without preconv
		// drops raw UTF-8.
		for i, c := range b {
			if c >= 0x80 {
				t.Errorf("%s: byte %d is not ASCII: %q", p, i, b[max(0, i-10):min(len(b), i+10)])
				break
			}
		}
	}
}

func TestDocsWritesCompletions(t *testing.T) {
	dir := t.TempDir()
	var out bytes.Buffer
	if code := run([]string{docsCommand, "--dir", dir}, docsTestEnv(&out)); code != exitOK {
		t.Fatalf("brief %s: exit %d: %s", docsCommand, code, out.String())
	}
	for _, c := range []struct{ file, marker string }{
		{"brief.bash", "complete -o default -F __start_brief brief"},
		{"_brief", "#compdef brief"},
		{"brief.fish", "complete -c brief"},
	} {
		b, err := os.ReadFile(filepath.Join(dir, "completions", c.file))
		if err != nil {
			t.Errorf("completion: %v", err)
			continue
		}
		if len(b) < 100 || !bytes.Contains(b, []byte("brief")) {
			t.Errorf("%s: %d bytes, not a completion script for brief", c.file, len(b))
		}
		if !bytes.Contains(b, []byte(c.marker)) {
			t.Errorf("%s lacks %q", c.file, c.marker)
		}
	}
}

func TestDocsNeedsDir(t *testing.T) {
	var out bytes.Buffer
	if code := run([]string{docsCommand}, docsTestEnv(&out)); code != exitUsage {
		t.Errorf("brief %s without --dir: exit %d, want %d", docsCommand, code, exitUsage)
	}
	if !strings.Contains(out.String(), "dir") {
		t.Errorf("message does not name the missing flag: %q", out.String())
	}
}

func TestDocsCommandIsHidden(t *testing.T) {
	var out bytes.Buffer
	if code := run([]string{"--help"}, docsTestEnv(&out)); code != exitOK {
		t.Fatalf("brief --help: exit %d", code)
	}
	if strings.Contains(out.String(), docsCommand) {
		t.Errorf("brief --help lists the hidden %s command:\n%s", docsCommand, out.String())
	}
}

// The Homebrew cask installs man pages by name, so .goreleaser.yaml must
// list every page the docs command writes.
func TestReleaseCaskListsEveryManPage(t *testing.T) {
	dir := t.TempDir()
	var out bytes.Buffer
	if code := run([]string{docsCommand, "--dir", dir}, docsTestEnv(&out)); code != exitOK {
		t.Fatalf("brief %s: exit %d: %s", docsCommand, code, out.String())
	}
	pages, err := filepath.Glob(filepath.Join(dir, "man", "*.1"))
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, p := range pages {
		want = append(want, "man/"+filepath.Base(p))
	}

	const config = "../../.goreleaser.yaml"
	b, err := os.ReadFile(config)
	if err != nil {
		t.Fatalf("reading the release config: %v", err)
	}
	var cfg struct {
		Casks []struct {
			Manpages []string `yaml:"manpages"`
		} `yaml:"homebrew_casks"`
	}
	if err := yaml.Unmarshal(b, &cfg); err != nil {
		t.Fatalf("%s: %v", config, err)
	}
	if len(cfg.Casks) == 0 {
		t.Fatalf("%s has no homebrew_casks", config)
	}
	got := slices.Sorted(slices.Values(cfg.Casks[0].Manpages))
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("homebrew_casks[0].manpages in .goreleaser.yaml lists\n  %s\nbut brief %s writes\n  %s\n(list one man/<command path with dashes>.1 line per command)",
			strings.Join(got, " "), docsCommand, strings.Join(want, " "))
	}
}
