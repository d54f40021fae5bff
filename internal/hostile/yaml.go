package hostile

import "strings"

// YAML returns YAML documents, each fit for a topics file or for front
// matter, whose cost in a YAML library grows faster than their size:
// collections nested thousands of levels deep, in flow and block style, and
// aliases that expand to millions of values. A safe reader refuses them,
// with the line, before its YAML parser sees them. Each is under 64 KiB, so
// that a size bound alone does not refuse it.
func YAML() []Fixture {
	return build(yamlFixtures)
}

// yamlDepth is how deep the nested fixtures go: deep enough that the
// parser's quadratic cost shows, small enough that a regression costs a test
// seconds, not the machine's memory.
const yamlDepth = 10000

var yamlFixtures = []func() Fixture{
	func() Fixture {
		return Fixture{
			Name: "yaml-deep-flow-sequence",
			Note: "a term list nested 10,000 deep in flow style, [[[[x]]]]: line 4",
			Data: []byte("topics:\n  - id: deep\n    label: Deep\n    terms: " + strings.Repeat("[", yamlDepth) + "x" + strings.Repeat("]", yamlDepth) + "\n"),
		}
	},
	func() Fixture {
		return Fixture{
			Name: "yaml-deep-flow-mapping",
			Note: "a value nested 10,000 deep in flow mappings, {a: {a: …}}: line 2",
			Data: []byte("title: Deep\nx: " + strings.Repeat("{a: ", yamlDepth) + "1" + strings.Repeat("}", yamlDepth) + "\n"),
		}
	},
	func() Fixture {
		var b strings.Builder
		b.WriteString("title: Deep\n")
		for i := range 300 {
			b.WriteString(strings.Repeat(" ", i) + "a:\n")
		}
		b.WriteString(strings.Repeat(" ", 300) + "b: 1\n")
		return Fixture{
			Name: "yaml-deep-block-mapping",
			Note: "block mappings nested 300 deep by indentation, one more space a line: line 22",
			Data: []byte(b.String()),
		}
	},
	func() Fixture {
		return Fixture{
			Name: "yaml-deep-block-sequence",
			Note: "block sequences nested 10,000 deep on one line, - - - - x: line 3",
			Data: []byte("title: Deep\nx:\n" + strings.Repeat("- ", yamlDepth) + "x\n"),
		}
	},
	func() Fixture {
		var b strings.Builder
		b.WriteString("title: Laughs\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
		for i := 1; i <= 9; i++ {
			p := "*l" + string(rune('0'+i-1))
			b.WriteString("l" + string(rune('0'+i)) + ": &l" + string(rune('0'+i)) + " [" + strings.Repeat(p+", ", 9) + p + "]\n")
		}
		return Fixture{
			Name: "yaml-billion-laughs",
			Note: "nine levels of ten aliases each, a billion \"lol\" once expanded, in 1 KB: refused at the first alias, line 3",
			Data: []byte(b.String()),
		}
	},
	func() Fixture {
		return Fixture{
			Name: "yaml-merge-key",
			Note: "a merge key, <<: *base, which is an alias too: line 4",
			Data: []byte("title: Merge\nbase: &base {role: Spokesperson}\nspeaker:\n  <<: *base\n  name: Jane Doe\n"),
		}
	},
}
