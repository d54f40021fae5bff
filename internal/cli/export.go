package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/brief-reader/brief/internal/briefing"
	"github.com/brief-reader/brief/internal/export"
	"github.com/brief-reader/brief/internal/textclean"
)

func newExportCmd(e *env) *cobra.Command {
	var (
		flags    commonFlags
		format   string
		speakers []string
		kinds    []string
		topicIDs []string
		lib      string
	)
	cmd := &cobra.Command{
		Use:   "export [flags] PATH... | --library",
		Short: "Write briefings and their quotes as JSON, Markdown or text",
		Long: `export parses briefings and writes them with their speakers and quotes.

JSON (the default) is for scripts: every paragraph, speaker and quote with its
offsets. md and text are for people: quotes grouped by briefing and speaker,
each with its citation.

--speaker matches a speaker's name, id or any alias, case-insensitively;
repeat it to keep several speakers. --topic keeps quotes on a topic (see
brief topics); repeat it for several. --kind direct, reported or turn keeps
those quotes; --kind article or transcript overrides the detected kind of
briefing. Within a flag the values are alternatives; different flags must
all hold.`,
		Example: `  brief export briefings/
  brief export --format md --speaker Misri briefings/india-japan.txt
  brief export --kind turn --speaker "Karoline Leavitt" briefing.md
  brief export --topic defence --topic space --format text briefings/
  brief export --format md https://example.org/briefings/2025-08-26-transcript.html
  brief export "Transcript of Special Briefing.html"
  cat story.txt | brief export --format text -`,
		Args: libraryArgs(&lib),
		RunE: func(cmd *cobra.Command, args []string) error {
			e.batchGC()
			f, err := export.ParseFormat(format)
			if err != nil {
				return &exitError{code: exitUsage, err: fmt.Errorf("--format: %w", err)}
			}
			// Names in briefings come through textclean, so --speaker values
			// do too: a zero-width space or a colour escape pasted with a
			// name neither stops it matching nor reaches the output.
			flt := briefing.Filter{Topics: topicIDs}
			for _, s := range speakers {
				flt.Speakers = append(flt.Speakers, textclean.Line(s))
			}
			for _, k := range kinds {
				if qk, err := briefing.ParseQuoteKind(k); err == nil {
					flt.Kinds = append(flt.Kinds, qk)
					continue
				}
				if _, err := briefing.ParseKind(k); err == nil || k == "auto" {
					flags.kind = k
					continue
				}
				return &exitError{code: exitUsage, err: fmt.Errorf("--kind: unknown kind %q (want direct, reported or turn to filter quotes; article, transcript or auto to read briefings as)", k)}
			}
			// Text and Markdown show no topics: unless --topic filters
			// on them, classifying (a quarter of the work) is skipped.
			flags.unclassified = f != export.JSON && len(topicIDs) == 0
			opts, err := flags.loadOptions(e)
			if err != nil {
				return err
			}
			// Only --topic waits for the taxonomy here; otherwise files are
			// read and parsed while it is built.
			if len(topicIDs) > 0 {
				if err := checkTopicIDs(flags.topicsReady.taxonomy(), topicIDs); err != nil {
					return &exitError{code: exitUsage, err: fmt.Errorf("--topic: %w", err)}
				}
			}
			// Each briefing is written as soon as it and those before it
			// are parsed (or read from the library), and dropped: memory
			// stays that of a few.
			enc := export.NewEncoder(e.stdout, f, flt)
			err = enc.Begin()
			code := exitOK
			if err == nil {
				code, err = streamBriefings(cmd.Context(), e, lib, args, opts, enc.Write)
				if libraryFailed(err) {
					return err
				}
			}
			if err == nil {
				err = enc.End()
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
	cmd.Flags().StringVarP(&format, "format", "f", "json", "output `FORMAT`: json, md or text")
	cmd.Flags().StringArrayVarP(&speakers, "speaker", "s", nil, "keep quotes by `NAME` (repeatable)")
	cmd.Flags().StringArrayVar(&kinds, "kind", nil, "keep quotes of `KIND` direct, reported or turn (repeatable); article or transcript reads briefings as that kind")
	cmd.Flags().StringArrayVarP(&topicIDs, "topic", "t", nil, "keep quotes on topic `ID` (repeatable; see brief topics)")
	flags.registerShared(cmd)
	registerLibraryFlag(cmd, &lib)
	return cmd
}
