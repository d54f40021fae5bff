package textclean

import (
	"strings"
	"testing"
)

// Benchmark inputs, about 64 KiB each.
var (
	benchASCII = repeatTo("MS. LEAVITT: The Senate has already confirmed five of the President's nominees, and we expect more this week.\n\nQ Thank you. On the tariffs, can you say when they take effect?\n\n", 64<<10)
	benchMixed = repeatTo("MS. LEAVITT: It’s an honor — “truly” — to be here. 記者会見で首相は「日本とインド」について話した。 👍🏽 Café e\u0301.\n\nQ ‘Thank you,’ he said.\n\n", 64<<10)
	// Like a saved web page: short Markdown lines, a no-break space after
	// most sentences, curly quotes and dashes.
	benchPage  = repeatTo("## Remarks by the President\n\nTHE PRESIDENT:\u00a0 Thank you very much. It’s a great\nhonor to be here with so many friends.\u00a0 We’re\ngoing to talk about “jobs” — and about the economy.\n\n", 64<<10)
	benchDirty = repeatTo("\x1b]0;pwned\x07MS. LEAVITT: It’s an\u00a0honor\x1b[2J to be here.\r\n\r\nQ\tThank you. \u202eolleh\u202c pass\u200dword\r\n\r\n", 64<<10)
)

func repeatTo(s string, n int) string {
	return strings.Repeat(s, n/len(s)+1)[:n]
}

func BenchmarkNormalize(b *testing.B) {
	for _, bc := range []struct{ name, in string }{
		{"ascii", benchASCII},
		{"mixed", benchMixed},
		{"page", benchPage},
		{"page-clean", Normalize(benchPage)}, // as the parser passes blocks again
		{"dirty", benchDirty},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(bc.in)))
			for b.Loop() {
				Normalize(bc.in)
			}
		})
	}
}

func BenchmarkDecode(b *testing.B) {
	for _, bc := range []struct{ name, in string }{
		{"ascii", benchASCII},
		{"mixed", benchMixed},
		{"page", benchPage},
		{"dirty", benchDirty},
	} {
		data := []byte(bc.in)
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := Decode(data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
