package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/brief-reader/brief/internal/briefing"
	"github.com/brief-reader/brief/internal/textclean"
	"github.com/brief-reader/brief/internal/topics"
)

// userTopicsFile is where a user's own topics live:
// $XDG_CONFIG_HOME/brief/topics.yaml, or ~/.config/brief/topics.yaml.
func userTopicsFile(e *env) string {
	dir := e.getenv("XDG_CONFIG_HOME")
	if dir == "" {
		home := e.getenv("HOME")
		if home == "" {
			return ""
		}
		dir = filepath.Join(home, ".config")
	}
	return filepath.Join(dir, "brief", "topics.yaml")
}

// userTopics reads the user's topic files: $XDG_CONFIG_HOME/brief/topics.yaml
// and then the --topics file, in the order they are laid over the default.
// A file that does not parse is an error naming its line; a missing user
// file is fine, a missing --topics file is not.
func userTopics(e *env, flagFile string) ([]*topics.Taxonomy, error) {
	var out []*topics.Taxonomy
	if uf := userTopicsFile(e); uf != "" {
		user, err := topics.LoadFile(uf)
		switch {
		case err == nil:
			out = append(out, user)
		case errors.Is(err, fs.ErrNotExist):
		default:
			return nil, topicsFileError("topics file", uf, err)
		}
	}
	if flagFile != "" {
		user, err := topics.LoadFile(flagFile)
		if err != nil {
			return nil, topicsFileError("--topics", flagFile, err)
		}
		out = append(out, user)
	}
	return out, nil
}

// topicsFileError names a topics file that could not be read once: an os
// error already carries the path ("read topics f: open f: ..."), so only its
// reason is kept. Other errors (file:line and what is wrong) pass as they are.
func topicsFileError(what, path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s %s: %w", what, path, pe.Err)
	}
	return err
}

// mergeTopics lays the user's topic files over the default taxonomy.
func mergeTopics(user []*topics.Taxonomy) *topics.Taxonomy {
	t := topics.Default()
	for _, u := range user {
		t = t.Merge(u)
	}
	return t
}

// lazyTopics builds the taxonomy and classifier in the background, so that
// the reader's first frame does not wait for them: compiling the
// classifier takes a few milliseconds (and a user's topics file must be
// parsed), while the first briefing is read.
type lazyTopics struct {
	ready      chan struct{}
	tax        *topics.Taxonomy
	classifier *topics.Classifier
	// panicked holds a panic of the build, with its stack, to raise again
	// in the goroutine that waits: there the reader's guards catch it and
	// restore the terminal, where a panic in the build's own goroutine
	// would kill brief with the terminal raw.
	panicked any
}

func buildTopics(user []*topics.Taxonomy) *lazyTopics {
	return buildTopicsWith(func() (*topics.Taxonomy, *topics.Classifier) {
		tax := mergeTopics(user)
		return tax, topics.NewClassifier(tax)
	})
}

func buildTopicsWith(build func() (*topics.Taxonomy, *topics.Classifier)) *lazyTopics {
	l := &lazyTopics{ready: make(chan struct{})}
	go func() {
		defer close(l.ready)
		defer func() {
			if p := recover(); p != nil {
				l.panicked = fmt.Sprintf("building topics: %v\n%s", p, debug.Stack())
			}
		}()
		l.tax, l.classifier = build()
	}()
	return l
}

// wait waits for the build and raises its panic, if it had one.
func (l *lazyTopics) wait() {
	<-l.ready
	if l.panicked != nil {
		panic(l.panicked)
	}
}

// taxonomy waits for the taxonomy.
func (l *lazyTopics) taxonomy() *topics.Taxonomy {
	l.wait()
	return l.tax
}

// apply classifies a briefing once the classifier is built.
func (l *lazyTopics) apply(b *briefing.Briefing) {
	l.wait()
	l.classifier.Apply(b)
}

// checkTopicIDs refuses topic IDs the taxonomy does not know, listing those
// it does.
func checkTopicIDs(t *topics.Taxonomy, ids []string) error {
	for _, id := range ids {
		if _, ok := t.Lookup(id); !ok {
			return fmt.Errorf("unknown topic %q (known topics: %s)", id, strings.Join(t.IDs(), ", "))
		}
	}
	return nil
}

func newTopicsCmd(e *env) *cobra.Command {
	var (
		flags commonFlags
		lib   string
	)
	cmd := &cobra.Command{
		Use:   "topics [flags] PATH... | --library",
		Short: "Show what each briefing is about, and who spoke on each topic",
		Long: `topics prints, for each briefing, its topics: the share of its words in
paragraphs on the topic, the number of such paragraphs, the number of quotes
on the topic (those export --topic keeps and the reader's topic filter
shows), and who spoke on it (with their number of those quotes).

Topics come from the built-in taxonomy, then $XDG_CONFIG_HOME/brief/topics.yaml,
then --topics FILE; later files add topics or override those with the same id.`,
		Args: libraryArgs(&lib),
		RunE: func(cmd *cobra.Command, args []string) error {
			e.batchGC()
			opts, err := flags.loadOptions(e)
			if err != nil {
				return err
			}
			// Each briefing's table is written as soon as it and those
			// before it are parsed (or read from the library), and the
			// briefing dropped: memory stays that of a few.
			tw := &topicsWriter{sw: stickyWriter{w: e.stdout}}
			code, err := streamBriefings(cmd.Context(), e, lib, args, opts, tw.write)
			if libraryFailed(err) {
				return err
			}
			if err != nil {
				return &exitError{code: exitSkipped, err: fmt.Errorf("writing output: %w", err)}
			}
			if code != exitOK {
				return &exitError{code: code}
			}
			return nil
		},
	}
	flags.register(cmd)
	registerLibraryFlag(cmd, &lib)
	return cmd
}

// topicsWriter prints the topic table of each briefing it is given, a blank
// line between them. write returns the first write error (a full disk, a
// closed pipe), after which it writes nothing more.
type topicsWriter struct {
	sw      stickyWriter
	started bool
}

func (t *topicsWriter) write(b *briefing.Briefing) error {
	if t.sw.err != nil {
		return t.sw.err
	}
	if t.started {
		fmt.Fprintln(&t.sw)
	}
	t.started = true
	writeTopics(&t.sw, b)
	return t.sw.err
}

// writeTopics prints one briefing's topic table.
func writeTopics(w io.Writer, b *briefing.Briefing) {
	fmt.Fprintf(w, "%s\n", textclean.Line(b.Title))
	if b.Date != "" {
		fmt.Fprintf(w, "%s · %s\n", textclean.Line(b.Date), b.Kind)
	}
	if len(b.Topics) == 0 {
		fmt.Fprintln(w, "  no topics found")
		return
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  TOPIC\tSHARE\tPARAGRAPHS\tQUOTES\tSPOKE ON IT")
	speakers := b.SpeakerIndex()
	for _, t := range b.Topics {
		fmt.Fprintf(tw, "  %s\t%3.0f%%\t%d\t%d\t%s\n", textclean.Line(t.Label), t.Share*100, t.Paragraphs,
			briefing.CountOnTopic(b, t.ID), textclean.Line(speakersOn(b, speakers, t.ID)))
	}
	tw.Flush()
}

// stickyWriter keeps the first write error and drops every write after it.
type stickyWriter struct {
	w   io.Writer
	err error
}

func (s *stickyWriter) Write(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	n, err := s.w.Write(p)
	if err == nil && n < len(p) {
		err = io.ErrShortWrite
	}
	s.err = err
	return n, err
}

// speakersOn lists who spoke on a topic, most quotes first: "Vikram Misri
// (4), Tanmaya Lal (1)". It counts the quotes a topic filter keeps
// (briefing.Quote.OnTopic), reported speech included, so the numbers add
// up to the QUOTES column (less quotes by no known speaker).
// speakers is b.SpeakerIndex().
func speakersOn(b *briefing.Briefing, speakers map[string]int, topic string) string {
	counts := map[string]int{}
	ids := []string{topic}
	for _, q := range b.Quotes {
		if q.OnTopic(ids) {
			counts[q.Speaker]++
		}
	}
	type sc struct {
		name string
		n    int
	}
	var list []sc
	for id, n := range counts {
		if i, ok := speakers[id]; ok {
			list = append(list, sc{b.Speakers[i].Name, n})
		}
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].n != list[j].n {
			return list[i].n > list[j].n
		}
		return list[i].name < list[j].name
	})
	var parts []string
	for i, s := range list {
		if i == 4 {
			parts = append(parts, fmt.Sprintf("+%d more", len(list)-4))
			break
		}
		parts = append(parts, fmt.Sprintf("%s (%d)", s.name, s.n))
	}
	if len(parts) == 0 {
		return "—"
	}
	return strings.Join(parts, ", ")
}
