package cli

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/brief-reader/brief/internal/briefing"
	"github.com/brief-reader/brief/internal/load"
	"github.com/brief-reader/brief/internal/textclean"
)

func isTerminal(f *os.File) bool { return term.IsTerminal(int(f.Fd())) }

// readerFlags are the flags of the reader (brief with no subcommand).
type readerFlags struct{}

func (rf *readerFlags) register(cmd *cobra.Command) {}

// runReader opens briefings for reading. Until the terminal reader lands it
// prints a summary of each briefing.
func runReader(ctx context.Context, e *env, args []string, opts load.Options, rf *readerFlags) error {
	if len(args) == 0 {
		args = []string{"briefings"}
	}
	bs, code := loadAll(ctx, e, args, opts)
	for _, b := range bs {
		writeSummary(e, b)
	}
	if code != exitOK {
		return &exitError{code: code}
	}
	return nil
}

// writeSummary prints who spoke in a briefing and how much.
func writeSummary(e *env, b *briefing.Briefing) {
	fmt.Fprintf(e.stdout, "%s\n", textclean.Line(b.Title))
	var meta []string
	for _, s := range []string{b.Date, b.Source, b.Kind.String(), fmt.Sprintf("%d paragraphs, %d words", len(b.Paragraphs), b.Words)} {
		if s != "" {
			meta = append(meta, textclean.Line(s))
		}
	}
	fmt.Fprintf(e.stdout, "  %s\n", strings.Join(meta, " · "))
	speakers := append([]briefing.Speaker(nil), b.Speakers...)
	sort.SliceStable(speakers, func(i, j int) bool { return speakers[i].Quotes > speakers[j].Quotes })
	for _, s := range speakers {
		unit := "quotes"
		if b.Kind == briefing.Transcript {
			unit = "turns"
		}
		line := fmt.Sprintf("  %-28s %4d %s", s.Name, s.Quotes, unit)
		if s.Reported > 0 {
			line += fmt.Sprintf(", %d reported", s.Reported)
		}
		if s.Role != "" {
			line += "  · " + s.Role
		}
		fmt.Fprintln(e.stdout, textclean.Line(line))
	}
	fmt.Fprintln(e.stdout)
}
