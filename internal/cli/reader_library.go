package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/brief-reader/brief/internal/library"
	"github.com/brief-reader/brief/internal/load"
	"github.com/brief-reader/brief/internal/parse"
	"github.com/brief-reader/brief/internal/textclean"
)

// readerLibrary decides whether the reader opens the library: only with
// no PATH, when the library file exists and holds briefings. An explicit
// --library that does not exist is an error; the default library missing
// or empty is not (brief then reads ./briefings or its samples, as
// without a library). It returns the open database, or nil.
func readerLibrary(ctx context.Context, e *env, args []string, rf *readerFlags) (*library.DB, error) {
	if len(args) > 0 {
		if rf.library != "" {
			return nil, &exitError{code: exitUsage, err: errors.New("give either PATHs or --library, not both")}
		}
		return nil, nil
	}
	path, err := libraryPath(e, rf.library)
	if err != nil {
		if rf.library == "" {
			return nil, nil // no place for a default library: no library
		}
		return nil, err
	}
	if _, err := os.Stat(path); err != nil {
		if rf.library == "" && errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return nil, &exitError{code: exitUsage, err: fmt.Errorf("no library at %s (brief index --library %s PATH... makes one): %w",
			textclean.Path(path), textclean.Path(path), errors.Unwrap(err))}
	}
	db, err := openLibrary(ctx, e, path)
	if err != nil {
		return nil, err
	}
	n, err := db.Count(ctx)
	if err != nil {
		db.Close()
		return nil, &exitError{code: exitSkipped, err: fmt.Errorf("reading the library %s: %w", textclean.Path(path), err)}
	}
	if n == 0 {
		db.Close()
		return nil, nil
	}
	return db, nil
}

// readerIndexOptions are the options brief index would use, for the files
// the reader re-indexes while it watches.
func readerIndexOptions(e *env, opts load.Options, rf *readerFlags) library.IndexOptions {
	user, _ := userTopics(e, rf.topics) // already checked by loadOptions
	return library.IndexOptions{
		Taxonomy: mergeTopics(user),
		Parse:    parse.DefaultOptions(),
		MaxSize:  opts.MaxSize,
		Stamp:    indexStamp(e, rf.topics),
	}
}
