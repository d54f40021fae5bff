// Package cli defines brief's command line: the reader, export and topics.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"time"

	"github.com/spf13/cobra"

	"github.com/brief-reader/brief/internal/briefing"
	"github.com/brief-reader/brief/internal/load"
	"github.com/brief-reader/brief/internal/parse"
	"github.com/brief-reader/brief/internal/textclean"
	"github.com/brief-reader/brief/internal/web"
)

// Exit codes.
const (
	exitOK      = 0
	exitSkipped = 1 // some files could not be read; the others were
	exitUsage   = 2 // wrong flags, or a path that does not exist
)

// exitError carries an exit code through cobra.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// env is what a command run needs from the outside world.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	build          BuildInfo
	getenv         func(string) string
	// isTerminal reports whether stdout is a terminal.
	isTerminal func() bool
	// stderrTerminal reports whether stderr is one (nil: it is not).
	stderrTerminal func() bool
}

// Main runs brief with args and returns the exit code.
func Main(args []string, build BuildInfo) int {
	e := &env{
		stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr,
		build: build.resolve(), getenv: os.Getenv,
		isTerminal:     func() bool { return isTerminal(os.Stdout) },
		stderrTerminal: stderrTerminal,
	}
	return run(args, e)
}

func run(args []string, e *env) int {
	root := newRootCmd(e)
	root.SetArgs(args)
	root.SetIn(e.stdin)
	root.SetOut(e.stdout)
	root.SetErr(e.stderr)
	err := root.ExecuteContext(context.Background())
	if err == nil {
		return exitOK
	}
	var xe *exitError
	if errors.As(err, &xe) {
		if xe.err != nil && xe.err.Error() != "" {
			fmt.Fprintf(e.stderr, "brief: %s\n", textclean.Line(xe.err.Error()))
		}
		return xe.code
	}
	fmt.Fprintf(e.stderr, "brief: %s\n", textclean.Line(err.Error()))
	return exitUsage
}

// commonFlags are the flags every command that reads briefings takes.
type commonFlags struct {
	kind    string
	maxSize string
	topics  string
	timeout time.Duration
	// topics is ready once loadOptions has started building the taxonomy
	// and classifier (nil when unclassified).
	topicsReady *lazyTopics
	// unclassified, set by a command before loadOptions, leaves briefings
	// without topics: for output that shows none and filters on none. The
	// taxonomy is not built, but a bad topics file is still refused.
	unclassified bool
}

func (c *commonFlags) register(cmd *cobra.Command) {
	cmd.Flags().StringVar(&c.kind, "kind", "auto", "read briefings as `article`, transcript or auto (detect)")
	c.registerShared(cmd)
}

// registerShared registers the flags every briefing-reading command shares
// besides --kind, which export spells differently.
func (c *commonFlags) registerShared(cmd *cobra.Command) {
	cmd.Flags().StringVar(&c.maxSize, "max-size", "64MiB", "refuse files larger than `SIZE`")
	cmd.Flags().DurationVar(&c.timeout, "timeout", web.DefaultTimeout, "give up on a URL after `DURATION` (connecting and the whole fetch)")
	cmd.Flags().StringVar(&c.topics, "topics", "", "add or override topics from YAML `FILE` (after $XDG_CONFIG_HOME/brief/topics.yaml)")
}

// loadOptions checks the flags and turns them into load options.
func (c *commonFlags) loadOptions(e *env) (load.Options, error) {
	opts := load.Options{Parse: parse.DefaultOptions(), Stdin: e.stdin}
	if c.kind != "" && c.kind != "auto" {
		k, err := briefing.ParseKind(c.kind)
		if err != nil {
			return opts, &exitError{code: exitUsage, err: fmt.Errorf("--kind: %w", err)}
		}
		opts.Parse.ForceKind, opts.Parse.Kind = true, k
	}
	n, err := load.ParseSize(c.maxSize)
	if err != nil {
		return opts, &exitError{code: exitUsage, err: fmt.Errorf("--max-size: %w", err)}
	}
	opts.MaxSize = n
	if c.timeout <= 0 {
		return opts, &exitError{code: exitUsage, err: fmt.Errorf("--timeout: must be positive, got %s", c.timeout)}
	}
	opts.Timeout = c.timeout
	opts.UserAgent = userAgent(e.build)
	user, err := userTopics(e, c.topics)
	if err != nil {
		return opts, &exitError{code: exitUsage, err: err}
	}
	if !c.unclassified {
		c.topicsReady = buildTopics(user)
		opts.Prepare = c.topicsReady.apply
	}
	return opts, nil
}

// streamAll loads the briefings of paths and hands each to emit in order as
// it is parsed, keeping none; files that cannot be loaded are reported on
// stderr and skipped. It returns the exit code loading earned and emit's
// error, which stops the run.
func streamAll(ctx context.Context, e *env, paths []string, opts load.Options, emit func(*briefing.Briefing) error) (int, error) {
	files, bad, missing := load.Expand(paths)
	code := exitOK
	for _, err := range missing {
		fmt.Fprintf(e.stderr, "brief: %s\n", textclean.Line(err.Error()))
		code = exitUsage
	}
	take := func(r load.Result) error {
		if r.Err != nil {
			fmt.Fprintf(e.stderr, "brief: skipping %s: %s\n", textclean.Path(r.Path), textclean.Line(r.Err.Error()))
			if code == exitOK {
				code = exitSkipped
			}
			return nil
		}
		return emit(r.Briefing)
	}
	for _, r := range bad {
		if err := take(r); err != nil {
			return code, err
		}
	}
	err := load.Stream(ctx, files, opts, take)
	return code, err
}

func newRootCmd(e *env) *cobra.Command {
	var (
		flags  commonFlags
		reader readerFlags
	)
	cmd := &cobra.Command{
		Use:   "brief [PATH...]",
		Short: "Read briefings, transcripts and quote-heavy news in the terminal",
		Long: `brief reads briefing files — wire stories, speaker-labelled transcripts, Markdown
pages — and shows who spoke, what they said and on which topic.

PATH is a file, a folder (read recursively: .txt .text .md .markdown .html
.htm), an http or https URL, or - for standard input. With no PATH, brief opens
the library (see brief index; --library FILE, else $BRIEF_LIBRARY, else
$XDG_DATA_HOME/brief/library.db) when it has briefings, else ./briefings if it
exists, else the sample briefings built into it.`,
		Version:       e.build.String(),
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts, err := flags.loadOptions(e)
			if err != nil {
				return err
			}
			reader.topics = flags.topics
			return runReader(cmd.Context(), e, args, opts, &reader)
		},
	}
	cmd.SetVersionTemplate("{{.Version}}\n")
	// PATH arguments complete as files and folders, even though the root
	// command also has subcommands.
	cmd.ValidArgsFunction = func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return nil, cobra.ShellCompDirectiveDefault
	}
	flags.register(cmd)
	reader.register(cmd)
	cmd.AddCommand(newExportCmd(e), newTopicsCmd(e), newIndexCmd(e), newSearchCmd(e))
	for _, extra := range extraCommands {
		cmd.AddCommand(extra(e))
	}
	return cmd
}

// extraCommands are commands only some builds have: the release build's
// hidden man-page and completion writer (docs.go, build tag docs), kept out
// of the everyday binary so that its Markdown and YAML libraries cost
// nothing at start-up.
var extraCommands []func(*env) *cobra.Command

// batchGCPercent is the garbage collector's target for the commands that
// stream a whole folder through the parser (export, topics). Their live
// heap is small (a window of briefings and the parser's caches), so at the
// default of 100 the collector runs every few megabytes parsed and took 9%
// of an export's CPU over the White House corpus. At 400 the export over
// the corpus used 8% less CPU for a peak RSS of about 110 MB instead of 60
// (the goal for export is 300 MB).
const batchGCPercent = 400

// batchGC sets batchGCPercent unless the user set GOGC, which wins.
func (e *env) batchGC() {
	if e.getenv("GOGC") == "" {
		debug.SetGCPercent(batchGCPercent)
	}
}
