package cli

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/brief-reader/brief/internal/briefing"
	"github.com/brief-reader/brief/internal/library"
	"github.com/brief-reader/brief/internal/load"
	"github.com/brief-reader/brief/internal/textclean"
)

// libraryDefault is the value of export's and topics' --library given
// without a file: the library at its usual place.
const libraryDefault = "default"

// libraryPath returns the library file: flag if given, else $BRIEF_LIBRARY,
// else $XDG_DATA_HOME/brief/library.db, else ~/.local/share/brief/library.db.
func libraryPath(e *env, flag string) (string, error) {
	if flag != "" && flag != libraryDefault {
		return flag, nil
	}
	p, err := library.PathFrom(e.getenv, func() (string, error) { return e.getenv("HOME"), nil })
	if err != nil {
		return "", &exitError{code: exitUsage, err: fmt.Errorf("%w (or give --library FILE)", err)}
	}
	return p, nil
}

// openLibrary opens the library and says on stderr when a broken file was
// moved aside for a new one.
func openLibrary(ctx context.Context, e *env, flag string) (*library.DB, error) {
	path, err := libraryPath(e, flag)
	if err != nil {
		return nil, err
	}
	db, err := library.Open(ctx, path)
	if err != nil {
		return nil, &exitError{code: exitSkipped, err: err}
	}
	if moved := db.Recovered(); moved != "" {
		fmt.Fprintf(e.stderr, "brief: %s was not a brief library or was corrupt; moved it to %s and started a new library\n",
			textclean.Path(db.Path()), textclean.Path(moved))
	}
	return db, nil
}

// openLibraryToRead opens the library for a command that only reads it
// (search, export, topics): a file there that is not a brief library is an
// error naming it, and is never moved aside or changed.
func openLibraryToRead(ctx context.Context, e *env, flag string) (*library.DB, error) {
	path, err := libraryPath(e, flag)
	if err != nil {
		return nil, err
	}
	db, err := library.OpenExisting(ctx, path)
	if err != nil {
		return nil, &exitError{code: exitSkipped, err: err}
	}
	return db, nil
}

// registerLibraryFlag adds --library[=FILE] to export and topics: read the
// indexed briefings instead of files.
func registerLibraryFlag(cmd *cobra.Command, p *string) {
	cmd.Flags().StringVar(p, "library", "", "read the briefings indexed by brief index (no PATH; --library=`FILE` for another library than $BRIEF_LIBRARY or the default)")
	cmd.Flags().Lookup("library").NoOptDefVal = libraryDefault
}

// libraryArgs checks the arguments of a command that reads PATHs or, with
// --library, the library.
func libraryArgs(lib *string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if *lib != "" && len(args) > 0 {
			return errors.New("give either PATHs or --library, not both (--library=FILE names another library)")
		}
		if *lib == "" && len(args) == 0 {
			return errors.New("requires at least 1 PATH, or --library")
		}
		return nil
	}
}

// streamBriefings hands emit every briefing, one at a time: the library's
// when lib is set, else those of paths as they are parsed (see streamAll,
// whose exit code it returns). The library's own failures are exit errors
// (libraryFailed); an error of emit is returned as it is.
func streamBriefings(ctx context.Context, e *env, lib string, paths []string, opts load.Options, emit func(*briefing.Briefing) error) (int, error) {
	if lib != "" {
		return exitOK, eachLibraryBriefing(ctx, e, lib, emit)
	}
	return streamAll(ctx, e, paths, opts, emit)
}

// libraryFailed reports whether err is the library's own failure, which
// carries its exit code, rather than an error writing the output.
func libraryFailed(err error) bool {
	var xe *exitError
	return errors.As(err, &xe)
}

// eachLibraryBriefing hands every briefing of the library to emit, one at a
// time, rebuilt from the database without parsing, in path order. An error
// of emit is returned as it is; the library's own errors are exit errors.
func eachLibraryBriefing(ctx context.Context, e *env, flag string, emit func(*briefing.Briefing) error) error {
	db, err := openLibraryToRead(ctx, e, flag)
	if err != nil {
		return err
	}
	defer db.Close()
	var emitErr error
	err = db.Each(ctx, func(b *briefing.Briefing) error {
		emitErr = emit(b)
		return emitErr
	})
	if err != nil && emitErr == nil {
		return &exitError{code: exitSkipped, err: fmt.Errorf("reading the library %s: %w", db.Path(), err)}
	}
	return err
}

// stderrIsTerminal reports whether progress may be drawn on stderr.
func (e *env) stderrIsTerminal() bool {
	if e.stderrTerminal != nil {
		return e.stderrTerminal()
	}
	return false
}

func stderrTerminal() bool { return isTerminal(os.Stderr) }
