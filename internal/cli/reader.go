package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/brief-reader/brief/briefings"
	"github.com/brief-reader/brief/internal/load"
	"github.com/brief-reader/brief/internal/textclean"
	"github.com/brief-reader/brief/internal/ui"
	"github.com/brief-reader/brief/internal/ui/theme"
)

// exitInternal is the exit code after a bug stopped the reader (EX_SOFTWARE).
const exitInternal = 70

// processStart is (close to) when brief started, for --debug's times.
var processStart = time.Now()

func isTerminal(f *os.File) bool { return term.IsTerminal(int(f.Fd())) }

// readerFlags are the flags of the reader (brief with no subcommand).
type readerFlags struct {
	theme   string
	mouse   bool
	debug   string
	library string
	// topics is the common --topics flag, for re-indexing.
	topics string
}

func (rf *readerFlags) register(cmd *cobra.Command) {
	cmd.Flags().StringVar(&rf.theme, "theme", "auto", "colours for a `dark` or light terminal background, or auto (COLORFGBG, else dark; never asks the terminal)")
	cmd.Flags().BoolVar(&rf.mouse, "mouse", false, "scroll with the mouse wheel (m toggles it; while on, hold shift to select text)")
	cmd.Flags().StringVar(&rf.debug, "debug", "", "write startup, load and render timings to `FILE` (brief-debug.log if no FILE is given)")
	cmd.Flags().Lookup("debug").NoOptDefVal = "brief-debug.log"
	cmd.Flags().StringVar(&rf.library, "library", "", "with no PATH, open the library `FILE` (default $BRIEF_LIBRARY, else $XDG_DATA_HOME/brief/library.db, when it has briefings)")
}

// runReader opens briefings in the terminal reader.
func runReader(ctx context.Context, e *env, args []string, opts load.Options, rf *readerFlags) error {
	mode, err := theme.ParseMode(rf.theme)
	if err != nil {
		return &exitError{code: exitUsage, err: fmt.Errorf("--theme: %w", err)}
	}
	// Paths are checked first, so a missing one is an error (exit 2)
	// with or without a terminal.
	src, err := readerSource(args, opts)
	if err != nil {
		return err
	}
	libStart := time.Now()
	db, err := readerLibrary(ctx, e, args, rf)
	if err != nil {
		return err
	}
	libTook := time.Since(libStart)
	if db != nil {
		defer db.Close()
	}
	if !e.isTerminal() {
		// A note, not output: stdout may be a pipe or a file.
		fmt.Fprintln(e.stderr, "brief: the reader needs a terminal; to print briefings, use brief export (see brief export --help).")
		return nil
	}

	// Everything about colour is settled here, from the environment
	// alone: nothing below may ask the terminal and wait for an answer.
	out := termenv.NewOutput(e.stdout, termenv.WithTTY(true), termenv.WithEnvironment(envEnviron{e.getenv}))
	th := theme.Resolve(mode, e.getenv, out.ColorProfile())
	// The default renderer backs any style not built from the theme; its
	// background is set so that it never queries either.
	lipgloss.SetHasDarkBackground(th.Dark)

	// A stop signal cancels the program's context: Bubble Tea then restores
	// the terminal, which its own handler does not do for SIGHUP and after
	// which brief would exit 0.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	signals := watchSignals(cancel)
	defer signals.stop()

	opt := ui.Options{
		Source:    src,
		Theme:     th,
		Mouse:     rf.mouse,
		Clipboard: e.stdout,
		Tmux:      e.getenv("TMUX") != "",
		OpenURL:   openInBrowser,
		Context:   ctx,
		Start:     processStart,
	}
	if db != nil {
		opt.Library, opt.Watch, opt.Source = ui.LibraryDB(db, readerIndexOptions(e, opts, rf)), true, nil
	}
	debugf := func(string, ...any) {}
	if rf.debug != "" {
		log, err := openDebugLog(rf.debug)
		if err != nil {
			return &exitError{code: exitUsage, err: fmt.Errorf("--debug: %w", err)}
		}
		defer func() {
			log.close()
			fmt.Fprintf(e.stderr, "brief: debug log written to %s\n", textclean.Line(log.path))
		}()
		opt.Debug = log.write
		debugf = func(format string, args ...any) {
			log.write(fmt.Sprintf("%8.1f ms  ", float64(time.Since(processStart).Microseconds())/1000) + fmt.Sprintf(format, args...))
		}
		debugf("reader starting: %d path(s), TERM=%q", len(args), e.getenv("TERM"))
		if db != nil {
			debugf("library opened and counted in %.1f ms", float64(libTook.Microseconds())/1000)
		}
	}
	// The size is read from the terminal driver (an ioctl, no query):
	// the first frame is drawn at once. A small first briefing is read
	// now too, so that that frame shows it.
	if f, ok := e.stdout.(*os.File); ok {
		if w, h, err := term.GetSize(int(f.Fd())); err == nil {
			opt.Width, opt.Height = w, h
		}
	}
	if opt.Source != nil {
		opt.Preloaded = ui.Preload(ctx, opt.Source, ui.PreloadMax)
		debugf("preload done (preloaded: %v)", opt.Preloaded != nil)
	}
	if opt.Library != nil {
		// Like the count readerLibrary read: a few milliseconds.
		opt.LibraryListing = ui.PreloadLibrary(ctx, opt.Library)
		debugf("library's first page read (ok: %v)", opt.LibraryListing != nil)
	}
	m := ui.New(opt)
	// At Bubble Tea's highest frame rate a frame waits at most 8 ms for
	// the renderer's next tick (17 ms at its default).
	popts := []tea.ProgramOption{tea.WithAltScreen(), tea.WithContext(ctx), tea.WithOutput(e.stdout), tea.WithoutSignalHandler(), tea.WithFPS(120)}
	if rf.mouse {
		popts = append(popts, tea.WithMouseCellMotion())
	}
	if f, ok := e.stdin.(*os.File); !ok || !isTerminal(f) {
		// Briefings may be coming on standard input: keys come from the
		// terminal itself.
		popts = append(popts, tea.WithInputTTY())
	} else {
		popts = append(popts, tea.WithInput(e.stdin))
	}
	_, runErr := tea.NewProgram(m, popts...).Run()
	sig := signals.stop()
	// The place in each briefing open from the library is saved now,
	// however the reader stopped.
	if err := m.Close(context.Background()); err != nil {
		fmt.Fprintf(e.stderr, "brief: %s\n", textclean.Line(err.Error()))
	}
	if report := m.Fatal(); report != "" {
		writeFatal(e.stderr, report)
		return &exitError{code: exitInternal, err: errors.New("")}
	}
	if sig != nil {
		return &exitError{code: signalExitCode(sig), err: errors.New("")}
	}
	if runErr != nil && !errors.Is(runErr, tea.ErrProgramKilled) {
		if errors.Is(runErr, tea.ErrProgramPanic) {
			return &exitError{code: exitInternal, err: errors.New("internal error (reported above)")}
		}
		return &exitError{code: exitSkipped, err: runErr}
	}
	code := exitOK
	for _, r := range m.Failed() {
		fmt.Fprintf(e.stderr, "brief: skipped %s: %s\n", textclean.Line(r.Path), textclean.Line(errText(r.Err)))
		code = exitSkipped
	}
	if code != exitOK {
		return &exitError{code: code, err: errors.New("")}
	}
	return nil
}

// readerSource decides where briefings come from: the paths given, else
// ./briefings, else the samples built into the binary. Paths that do not
// exist are refused before the reader starts.
func readerSource(args []string, opts load.Options) (ui.Source, error) {
	if len(args) == 0 {
		if info, err := os.Stat("briefings"); err == nil && info.IsDir() {
			return ui.DiskSource{Paths: []string{"briefings"}, Opts: opts}, nil
		}
		return ui.FSSource{FS: briefings.FS, Opts: opts, Name: "samples"}, nil
	}
	var missing []error
	for _, a := range args {
		if a == load.Stdin {
			continue
		}
		if load.IsURL(a) {
			if err := load.CheckURL(a); err != nil {
				missing = append(missing, &load.PathError{Path: a, Err: err})
			}
			continue // fetched by the loader, in the background
		}
		if _, err := os.Stat(a); err != nil {
			why := errors.New("no such file or folder")
			if !errors.Is(err, fs.ErrNotExist) {
				why = errors.Unwrap(err)
			}
			missing = append(missing, &load.PathError{Path: a, Err: why})
		}
	}
	if len(missing) > 0 {
		return nil, &exitError{code: exitUsage, err: errors.Join(missing...)}
	}
	return ui.DiskSource{Paths: args, Opts: opts}, nil
}

// writeFatal prints a panic report. It is cleaned like any text from
// outside: a panic value can hold text from a briefing.
func writeFatal(w io.Writer, report string) {
	fmt.Fprintf(w, "brief: internal error, please report it:\n%s\n", textclean.Normalize(report))
}

func errText(err error) string {
	if err == nil {
		return "unknown error"
	}
	return err.Error()
}

// debugLog writes --debug lines to a file from a goroutine of its own: a
// write never blocks the program (a line is dropped if the writer falls
// far behind).
type debugLog struct {
	f    *os.File
	path string // absolute, to print on exit
	ch   chan string
	done chan struct{}
}

func openDebugLog(path string) (*debugLog, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	l := &debugLog{f: f, path: abs, ch: make(chan string, 1024), done: make(chan struct{})}
	go func() {
		defer close(l.done)
		for s := range l.ch {
			fmt.Fprintln(l.f, s)
		}
	}()
	return l, nil
}

func (l *debugLog) write(s string) {
	select {
	case l.ch <- s:
	default:
	}
}

func (l *debugLog) close() {
	close(l.ch)
	<-l.done
	l.f.Close()
}

// envEnviron lets termenv read the environment through env.getenv.
type envEnviron struct{ getenv func(string) string }

func (e envEnviron) Environ() []string      { return nil }
func (e envEnviron) Getenv(k string) string { return e.getenv(k) }
