package hostile

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// mib is the size of the large single-line fixtures.
const mib = 1 << 20

// large lists the generators of the fixtures of SmallLimit or more, in order.
var large = []func() Fixture{
	longLine,
	manyParagraphs,
	deepQuotes,
	oscUnterminatedLong,
	csiParamsLong,
	escapeFlood,
	combiningFlood,
	zwjFlood,
}

// fill repeats unit into exactly n bytes, padding with dots after the last
// whole code point that fits.
func fill(prefix, unit string, n int) string {
	s := prefix + strings.Repeat(unit, (n-len(prefix))/len(unit)+1)
	s = s[:n]
	for !utf8.ValidString(s) {
		s = s[:len(s)-1]
	}
	return s + strings.Repeat(".", n-len(s))
}

func longLine() Fixture {
	return Fixture{
		Name: "long-line-1mib",
		Note: "one line of exactly 1 MiB with no newline: a speaker label, then sentences with “quotes” and ‘he said’; wrapping, searching and rendering it must take linear time",
		Data: []byte(fill("MS. LEAVITT: ", "“We’re going to win,” she said, and ‘he said’ it too — again and again. ", mib)),
	}
}

func manyParagraphs() Fixture {
	const paragraphs = 100000
	var b strings.Builder
	b.Grow(paragraphs * 32)
	for i := range paragraphs {
		if i > 0 {
			b.WriteString("\n\n")
		}
		n := strconv.Itoa(i)
		switch i % 4 {
		case 0:
			b.WriteString("Q Question " + n + "?")
		case 1:
			b.WriteString("MS. LEAVITT: “Answer " + n + ".”")
		case 2:
			b.WriteString("Reporter " + n + " asked.")
		default:
			b.WriteString("MR. KIRBY: ‘Sure,’ " + n + ".")
		}
	}
	b.WriteString("\n")
	return Fixture{
		Name: "paragraphs-100k",
		Note: "100,000 short paragraphs separated by blank lines, cycling questions, labelled answers with quotes and narration; splitting, listing and scrolling must take linear time",
		Data: []byte(b.String()),
	}
}

func deepQuotes() Fixture {
	const depth = 100000
	return Fixture{
		Name: "nested-quotes-100k",
		Note: "quotes nested 100,000 deep, alternating “ and ‘, all closed; a recursive quote parser must not blow up",
		Data: []byte("MS. LEAVITT: " + strings.Repeat("“‘", depth/2) + "deep" + strings.Repeat("’”", depth/2) + ", she said.\n"),
	}
}

func oscUnterminatedLong() Fixture {
	return Fixture{
		Name: "osc-unterminated-1mib",
		Note: "an OSC 52 clipboard write whose base64 payload runs 1 MiB with no terminator and no newline, after a speaker label; dropping it must take linear time",
		Data: []byte(fill("MS. LEAVITT: Good afternoon."+osc+"52;c;", clipboard, mib)),
	}
}

func csiParamsLong() Fixture {
	return Fixture{
		Name: "csi-params-1mib",
		Note: "a CSI whose parameters run 1 MiB before the final byte, then an answer; dropping it must take linear time",
		Data: []byte(fill("Q Question?"+csi, "1;", mib-len("mMS. LEAVITT: Answer.\n")) + "mMS. LEAVITT: Answer.\n"),
	}
}

func escapeFlood() Fixture {
	pieces := []string{
		csi + "2J", osc + "0;t" + bel, csi + "31m", esc + "c", c1CSI + "H", osc + "8;;https://x.example/" + st,
		esc + "P$qm" + st, "\u202e", "\u200b", esc, esc + esc, csi, c1OSC + "1;x" + c1ST,
	}
	var b strings.Builder
	b.Grow(mib + 64)
	for i := 0; b.Len() < mib; i++ {
		switch i % 40 {
		case 0:
			b.WriteString("\n\nMS. LEAVITT: ")
		case 20:
			b.WriteString("\n\nQ ")
		}
		b.WriteString(pieces[i%len(pieces)])
		b.WriteString("word ")
	}
	b.WriteString("\n")
	return Fixture{
		Name: "escape-flood",
		Note: "over 1 MiB of transcript turns dense with escape sequences of every kind between words; throughput test for cleaning, parsing and rendering",
		Data: []byte(b.String()),
	}
}

func combiningFlood() Fixture {
	return Fixture{
		Name: "combining-flood",
		Note: "one base letter carrying 100,000 combining marks, a single grapheme cluster of 200 KB, inside a quote; width measurement and wrapping must not take quadratic time",
		Data: []byte("MS. LEAVITT: “Z" + strings.Repeat("\u0301\u0316", 50000) + "algo,” she said.\n\nQ Thank you.\n"),
	}
}

func zwjFlood() Fixture {
	return Fixture{
		Name: "zwj-flood",
		Note: "20,000 emoji joined by ZWJ into one grapheme cluster, then the same emoji unjoined; after Decode the joiners are gone and each emoji stands alone",
		Data: []byte("Q " + strings.Repeat("👩\u200d", 19999) + "👩 and " + strings.Repeat("👨🏽", 20000) + "?\n"),
	}
}
