package parse

import "github.com/brief-reader/brief/internal/lexicon"

// The shared word lists (speech verbs, titles, honorifics, organisation
// cues) live in internal/lexicon; the lists here are the parser's own.

// wordSet makes a set of the words in s, separated by white space.
func wordSet(s string) lexicon.Set { return lexicon.Words(s) }
