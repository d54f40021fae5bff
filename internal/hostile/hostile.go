// Package hostile holds deterministic hostile inputs for other packages'
// tests, and one shared definition of text that is safe to print.
//
// The parser, the exporter and the terminal UI loop over Fixtures (or Small,
// in fast tests) to prove that hostile text is shown safely and never hangs:
// terminal escape sequences in speaker labels and quotes, 8-bit C1 controls,
// bidi overrides, invisible characters, a 1 MiB line, 100,000 paragraphs,
// quotes nested 1,000 deep and quotes that never close, wide and combining
// text. The fixtures are built in code on each call, so nothing large is
// committed and callers may change what they get back.
//
// Every fixture from Fixtures and Small decodes without error with
// textclean.Decode: the hostile part is what the text says, not its
// encoding. Inputs that Decode must refuse (NUL bytes, invalid UTF-8, bad
// UTF-16) are in Rejected.
package hostile

// Fixture is one named hostile input.
type Fixture struct {
	// Name is short and unique, fit for a subtest name.
	Name string
	// Data is the raw file content.
	Data []byte
	// Note says what the fixture attacks and what a safe reader does with it.
	Note string
}

// SmallLimit is the size below which a fixture counts as small.
const SmallLimit = 64 << 10

// Fixtures returns every fixture, small and large (up to a few MiB each),
// in a fixed order.
func Fixtures() []Fixture {
	return append(Small(), build(large)...)
}

// Small returns the fixtures smaller than SmallLimit, for fast tests.
func Small() []Fixture {
	return build(small)
}

// Rejected returns inputs that textclean.Decode refuses, for tests of the
// error path and of code that reads bytes without Decode. Each Note names
// the error Decode returns.
func Rejected() []Fixture {
	return build(rejected)
}

// build runs each generator.
func build(gens []func() Fixture) []Fixture {
	out := make([]Fixture, len(gens))
	for i, gen := range gens {
		out[i] = gen()
	}
	return out
}
