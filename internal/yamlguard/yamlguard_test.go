package yamlguard

import (
	"errors"
	"os"
	"runtime"
	"strings"
	"testing"

	"github.com/brief-reader/brief/internal/hostile"
)

var limits = Limits{MaxBytes: 64 << 10, MaxDepth: DefaultMaxDepth}

// nest returns YAML whose deepest collection is at depth n, in the style
// open/close wrap.
func nest(n int, open, close string) string {
	return "x: " + strings.Repeat(open, n) + "1" + strings.Repeat(close, n) + "\n"
}

// blockNest returns block mappings nested n deep by indentation.
func blockNest(n int) string {
	var b strings.Builder
	for i := range n - 1 {
		b.WriteString(strings.Repeat("  ", i) + "a:\n")
	}
	b.WriteString(strings.Repeat("  ", n-1) + "b: 1\n")
	return b.String()
}

func TestCheck(t *testing.T) {
	d := DefaultMaxDepth
	tests := []struct {
		name, text string
		line       int    // 0: accepted
		reason     string // part of the refusal
	}{
		{"empty", "", 0, ""},
		{"front matter", "title: Remarks\ndate: 2025-01-29\nspeakers:\n  - name: Karoline Leavitt\n    role: Press Secretary\n    aliases: [Leavitt, MS. LEAVITT]\n  - Jane Doe\n", 0, ""},
		{"topics file", "topics:\n  - id: space\n    terms:\n      - {term: launch, context: [rocket, satellite]}\n      - {terms: [lunar, orbit], weight: 2}\n", 0, ""},
		// Flow collections: the key's mapping is one level.
		{"flow sequences at the limit", nest(d-1, "[", "]"), 0, ""},
		{"flow sequences past the limit", nest(d, "[", "]"), 1, "nested deeper than 20 levels"},
		{"flow mappings past the limit", nest(d, "{a: ", "}"), 1, "nested deeper than 20 levels"},
		{"block mappings at the limit", blockNest(d), 0, ""},
		{"block mappings past the limit", blockNest(d + 1), d + 1, "nested deeper than 20 levels"},
		{"compact sequences at the limit", "x:\n" + strings.Repeat("- ", d-1) + "1\n", 0, ""},
		{"compact sequences past the limit", "x:\n" + strings.Repeat("- ", d) + "1\n", 2, "nested deeper than 20 levels"},
		{"sequence under a key at the key's column", "a:\n- 1\n- 2\nb:\n- 3\n", 0, ""},
		// What quotes, comments and block scalars hold is text.
		{"brackets in quotes", "title: \"" + strings.Repeat("[", 50) + "\"\nsub: '" + strings.Repeat("{", 50) + "'\n", 0, ""},
		{"brackets in a comment", "title: x # " + strings.Repeat("[", 50) + "\n", 0, ""},
		{"brackets in a block scalar", "text: |\n  " + strings.Repeat("[", 50) + "\n  *star\nnext: 1\n", 0, ""},
		{"closing brackets in quotes hide nothing", "x: [']]]]]]]]]]]]]]]]]]]]]]]]', " + strings.Repeat("[", d) + "1" + strings.Repeat("]", d) + "]\n", 1, "nested deeper"},
		{"a comment hides nothing on the next line", "x: # ]]]]]]]]]]]]]]]]]]]]]]]]\n  " + strings.Repeat("[", d) + "1" + strings.Repeat("]", d) + "\n", 2, "nested deeper"},
		{"an anchor alone", "a: &x 1\n", 0, ""},
		{"an alias", "a: &x 1\nb: *x\n", 2, "aliases are not supported"},
		{"a merge key", "a: &x {b: 1}\nc:\n  <<: *x\n", 3, "aliases are not supported"},
		{"an asterisk in text", "title: 5 * 3 *bold*\n", 0, ""},
		{"too large", "title: " + strings.Repeat("a", 64<<10) + "\n", 0, "YAML larger than 64 KiB"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := Check(tc.text, limits)
			if tc.reason == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			var ge *Error
			if !errors.As(err, &ge) {
				t.Fatalf("err = %v, want an *Error", err)
			}
			if ge.Line != tc.line || !strings.Contains(ge.Reason, tc.reason) {
				t.Errorf("err = %v, want line %d and %q", err, tc.line, tc.reason)
			}
		})
	}
}

// TestCheckHostile checks that every hostile YAML fixture is refused, naming
// a line.
func TestCheckHostile(t *testing.T) {
	for _, f := range hostile.YAML() {
		t.Run(f.Name, func(t *testing.T) {
			var ge *Error
			if err := Check(string(f.Data), limits); !errors.As(err, &ge) || ge.Line == 0 {
				t.Errorf("err = %v, want a refusal naming a line", err)
			}
		})
	}
}

// TestCheckDefaultTopics checks that the built-in taxonomy passes.
func TestCheckDefaultTopics(t *testing.T) {
	data, err := os.ReadFile("../topics/default.yaml")
	if err != nil {
		t.Skip(err)
	}
	if err := Check(string(data), Limits{MaxBytes: 1 << 20, MaxDepth: DefaultMaxDepth}); err != nil {
		t.Error(err)
	}
}

// TestCheckIsLinear checks that Check allocates in proportion to the text,
// for flat text that passes and nested text it stops in.
func TestCheckIsLinear(t *testing.T) {
	flat := func(n int) string {
		var b strings.Builder
		for i := 0; b.Len() < n; i++ {
			b.WriteString("key: [value, 'quoted', {a: 1}] # note\n")
		}
		return b.String()
	}
	deep := func(n int) string { return nest(n/2, "[", "]") }
	for name, gen := range map[string]func(int) string{"flat": flat, "deep": deep} {
		var prev uint64
		for i, n := range []int{8 << 10, 32 << 10, 128 << 10} {
			text := gen(n)
			got := allocated(func() { _ = Check(text, Limits{MaxDepth: DefaultMaxDepth}) })
			t.Logf("%s %d B: %d B allocated", name, len(text), got)
			if i > 0 && float64(got) > 5*float64(prev) {
				t.Errorf("%s: %d → %d B of text: allocations grew %.1f×, want at most 5×", name, n/4, n, float64(got)/float64(prev))
			}
			prev = got
		}
	}
}

func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}
