package cli

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/brief-reader/brief/internal/library"
	"github.com/brief-reader/brief/internal/load"
	"github.com/brief-reader/brief/internal/parse"
	"github.com/brief-reader/brief/internal/textclean"
)

func newIndexCmd(e *env) *cobra.Command {
	var (
		lib     string
		maxSize string
		topicsF string
	)
	cmd := &cobra.Command{
		Use:   "index [flags] [PATH...]",
		Short: "Add briefing files and folders to the library, or bring it up to date",
		Long: `index adds files and folders (read recursively) to the library: a database
of parsed briefings that brief search, brief export --library and brief topics
--library read without parsing again. With no PATH it brings every file and
folder indexed before up to date.

New and changed files (by size and modification time, then content) are parsed
on all cores; unchanged ones cost a look at their size and time. Files gone
from an indexed folder leave the index; what you read and starred in them is
kept, and comes back with them.

The library is --library FILE, else $BRIEF_LIBRARY, else
$XDG_DATA_HOME/brief/library.db (~/.local/share/brief/library.db).`,
		Example: `  brief index ~/briefings
  brief index transcript.md notes/
  brief index`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			n, err := load.ParseSize(maxSize)
			if err != nil {
				return &exitError{code: exitUsage, err: fmt.Errorf("--max-size: %w", err)}
			}
			user, err := userTopics(e, topicsF)
			if err != nil {
				return &exitError{code: exitUsage, err: err}
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			db, err := openLibrary(ctx, e, lib)
			if err != nil {
				return err
			}
			defer db.Close()
			if len(args) == 0 {
				if args, err = db.Roots(ctx); err != nil {
					return &exitError{code: exitSkipped, err: err}
				}
				if len(args) == 0 {
					return &exitError{code: exitUsage, err: errors.New("the library is empty: give the files or folders to index")}
				}
			}
			opt := library.IndexOptions{
				Taxonomy: mergeTopics(user),
				Parse:    parse.DefaultOptions(),
				MaxSize:  n,
				Stamp:    indexStamp(e, topicsF),
			}
			var pl *progressLine
			if e.stderrIsTerminal() {
				pl = &progressLine{w: e.stderr}
				opt.Progress = pl.update
			}
			sum, err := db.Index(ctx, args, opt)
			if pl != nil {
				pl.clear()
			}
			writeSummary(e.stdout, sum)
			code := exitOK
			for _, f := range sum.Failed {
				fmt.Fprintf(e.stderr, "brief: not indexed: %s\n", textclean.Line(failureText(f)))
				var pe *load.PathError
				if errors.As(f.Err, &pe) {
					code = exitUsage
				} else if code == exitOK {
					code = exitSkipped
				}
			}
			if err != nil {
				if ctx.Err() != nil {
					return &exitError{code: exitSkipped, err: fmt.Errorf("index stopped: what was indexed before is kept (%v)", err)}
				}
				return &exitError{code: exitSkipped, err: err}
			}
			if code != exitOK {
				return &exitError{code: code}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&lib, "library", "", "the library `FILE` (default $BRIEF_LIBRARY, else $XDG_DATA_HOME/brief/library.db)")
	cmd.Flags().StringVar(&maxSize, "max-size", "64MiB", "refuse files larger than `SIZE`")
	cmd.Flags().StringVar(&topicsF, "topics", "", "add or override topics from YAML `FILE` (after $XDG_CONFIG_HOME/brief/topics.yaml)")
	return cmd
}

// indexStamp is what, besides the parser, makes indexed briefings: the
// brief version and the user's topic files. A change of either re-parses.
func indexStamp(e *env, topicsFlag string) string {
	h := sha256.New()
	for _, f := range []string{userTopicsFile(e), topicsFlag} {
		if f == "" {
			continue
		}
		if data, err := os.ReadFile(f); err == nil {
			h.Write(data)
		}
	}
	return e.build.Version + "/" + hex.EncodeToString(h.Sum(nil))[:12]
}

// writeSummary prints what an index run did.
func writeSummary(w io.Writer, s library.Summary) {
	fmt.Fprintf(w, "indexed in %s: %d added, %d updated, %d unchanged, %d removed, %d failed",
		s.Elapsed.Round(time.Millisecond), s.Added, s.Updated, s.Unchanged, s.Removed, len(s.Failed))
	if s.Bytes > 0 {
		fmt.Fprintf(w, " (%s parsed, %s)", megabytes(s.Bytes), rate(s.Bytes, s.Elapsed))
	}
	fmt.Fprintln(w)
}

func megabytes(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/1e6) }

func rate(n int64, d time.Duration) string {
	if d <= 0 {
		return "— MB/s"
	}
	return fmt.Sprintf("%.1f MB/s", float64(n)/1e6/d.Seconds())
}

// progressLine draws index progress on one terminal line, at most ten
// times a second.
type progressLine struct {
	w     io.Writer
	last  time.Time
	shown bool
}

func (p *progressLine) update(pr library.Progress) {
	now := time.Now()
	if now.Sub(p.last) < 100*time.Millisecond && pr.Files < pr.Total {
		return
	}
	p.last = now
	eta := "—"
	if pr.Bytes > 0 && pr.TotalBytes > pr.Bytes && pr.Elapsed > 0 {
		left := time.Duration(float64(pr.Elapsed) * float64(pr.TotalBytes-pr.Bytes) / float64(pr.Bytes))
		eta = left.Round(time.Second).String()
	}
	fmt.Fprintf(p.w, "\r\x1b[Kindexing: %d/%d files · %s · ETA %s", pr.Files, pr.Total, rate(pr.Bytes, pr.Elapsed), eta)
	p.shown = true
}

// clear erases the progress line.
func (p *progressLine) clear() {
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}

// failureText says which file failed and why, naming the path once.
func failureText(f library.Failure) string {
	var pe *load.PathError
	if errors.As(f.Err, &pe) || f.Path == "" {
		return f.Err.Error()
	}
	return textclean.Path(f.Path) + ": " + f.Err.Error()
}
