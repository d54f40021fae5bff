// Package yamlguard refuses YAML whose shape would make the YAML library
// cost more than its size, before the library's parser sees it: text over
// a size bound, collections nested deeper than a few levels, and aliases.
//
// The parser of github.com/goccy/go-yaml takes memory quadratic in the
// nesting depth (80 KB of "[[[[…" costs 2.5 GB, 160 KB exhausts memory,
// which no recover catches), and decoding expands aliases, so that a few
// lines can name a billion values ("billion laughs"). Front matter and
// topics files need neither: Check refuses them with a reason and the line.
//
// Check reads the text with the library's own scanner, which takes linear
// time, so that it sees the same tokens as the parser will: quotes,
// comments and block scalars cannot hide a bracket from it. It stops at the
// first token past a limit.
package yamlguard

import (
	"fmt"
	"io"

	"github.com/goccy/go-yaml/scanner"
	"github.com/goccy/go-yaml/token"
)

// Limits bound what Check accepts.
type Limits struct {
	// MaxBytes bounds the size of the text.
	MaxBytes int
	// MaxDepth bounds the nesting of collections: block mappings and
	// sequences (by indentation, and "- - x" on one line) and flow ones
	// ([ and {), counted together.
	MaxDepth int
}

// DefaultMaxDepth fits front matter and topics files with room to spare: a
// topics file nests six levels deep, front matter three or four.
const DefaultMaxDepth = 20

// Error is a refusal: why, and on which line (0 for the whole text).
type Error struct {
	Line   int
	Reason string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("line %d: %s", e.Line, e.Reason)
	}
	return e.Reason
}

// collection is an open block collection: the column it starts at, and
// whether it is a sequence.
type collection struct {
	column   int
	sequence bool
}

// Check returns an *Error when text is larger than lim.MaxBytes, nests
// collections deeper than lim.MaxDepth, or holds an alias. A limit of 0 or
// less is no limit. Text that is not valid YAML passes, unless it breaks a
// limit before the error: the parser reports the error.
func Check(text string, lim Limits) error {
	if lim.MaxBytes > 0 && len(text) > lim.MaxBytes {
		return &Error{Reason: "YAML larger than " + kib(lim.MaxBytes)}
	}
	var s scanner.Scanner
	s.Init(text)
	var (
		block []collection
		flow  int
		// key is the last token that may be a mapping key: the token
		// before a ":".
		key *token.Token
	)
	// open notes a block collection's entry at c: it closes the
	// collections indented more, and a sequence at c when c is a mapping
	// key (a mapping's value may be a sequence at the key's column).
	open := func(tk *token.Token, c collection) error {
		for len(block) > 0 {
			top := block[len(block)-1]
			if top.column < c.column || top.column == c.column && (top.sequence == c.sequence || c.sequence) {
				break
			}
			block = block[:len(block)-1]
		}
		if len(block) == 0 || block[len(block)-1] != c {
			block = append(block, c)
		}
		return depth(tk, len(block)+flow, lim)
	}
	for {
		toks, err := s.Scan()
		if err == io.EOF {
			return nil
		}
		// Like the library's lexer, go on after an error: the parser
		// sees what follows it too.
		for _, tk := range toks {
			if tk == nil || tk.Position == nil {
				continue
			}
			var err error
			switch tk.Type {
			case token.AliasType:
				return &Error{Line: tk.Position.Line, Reason: "YAML aliases are not supported"}
			case token.SequenceStartType, token.MappingStartType:
				flow++
				err = depth(tk, len(block)+flow, lim)
			case token.SequenceEndType, token.MappingEndType:
				flow = max(0, flow-1)
			case token.SequenceEntryType:
				if flow == 0 {
					err = open(tk, collection{column: tk.Position.Column, sequence: true})
				}
			case token.MappingKeyType:
				if flow == 0 {
					err = open(tk, collection{column: tk.Position.Column})
				}
			case token.MappingValueType:
				if flow == 0 && key != nil && key.Position != nil {
					err = open(tk, collection{column: key.Position.Column})
				}
			}
			if err != nil {
				return err
			}
			switch tk.Type {
			case token.CommentType, token.SpaceType:
			default:
				key = tk
			}
		}
	}
}

// depth refuses a nesting deeper than the limit.
func depth(tk *token.Token, d int, lim Limits) error {
	if lim.MaxDepth > 0 && d > lim.MaxDepth {
		return &Error{Line: tk.Position.Line, Reason: fmt.Sprintf("YAML nested deeper than %d levels", lim.MaxDepth)}
	}
	return nil
}

// kib writes a byte count in KiB when it is whole ones.
func kib(n int) string {
	if n >= 1<<10 && n%(1<<10) == 0 {
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
