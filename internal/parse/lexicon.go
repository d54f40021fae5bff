package parse

import "github.com/brief-reader/brief/internal/lexicon"

// The shared word lists (speech verbs, titles, honorifics, organisation
// cues) live in internal/lexicon; the lists here are the parser's own.

// wordSet makes a set of the words in s, separated by white space.
func wordSet(s string) lexicon.Set { return lexicon.Words(s) }

// shapeSet is a word set with a table of the shapes of its words, a first
// byte and a length: most words of a text have a shape no word of the set
// has, and has answers no for them without hashing them. It answers as
// the set does.
type shapeSet struct {
	words lexicon.Set
	// shapes[c] has bit n set when the set holds a word of n bytes (bit
	// 31: 31 or more) starting with byte c.
	shapes [256]uint32
}

func newShapeSet(words lexicon.Set) *shapeSet {
	s := &shapeSet{words: words}
	for w := range words {
		if w != "" {
			s.shapes[w[0]] |= 1 << min(len(w), 31)
		}
	}
	return s
}

// has reports whether w is in the set.
func (s *shapeSet) has(w string) bool {
	if w != "" && s.shapes[w[0]]&(1<<min(len(w), 31)) == 0 {
		return false
	}
	return s.words[w]
}

// The shared sets the parser asks about most often, word by word.
var (
	honorifics      = newShapeSet(lexicon.Honorifics)
	roleWords       = newShapeSet(lexicon.RoleWords)
	nameParticles   = newShapeSet(lexicon.NameParticles)
	nonNameWords    = newShapeSet(lexicon.NonNameWords)
	abbreviations   = newShapeSet(lexicon.Abbreviations)
	departmentWords = newShapeSet(lexicon.DepartmentWords)
	speechVerbs     = newShapeSet(lexicon.SpeechVerbs)
	participles     = newShapeSet(lexicon.Participles)
	namingVerbs     = newShapeSet(lexicon.NamingVerbs)
	judgingVerbs    = newShapeSet(lexicon.JudgingVerbs)
	roleQualifiers  = newShapeSet(lexicon.RoleQualifiers)
)
