package hostile

import (
	"strings"
	"unicode/utf16"
)

// rejected lists the generators of the inputs textclean.Decode refuses.
var rejected = []func() Fixture{
	func() Fixture {
		return Fixture{
			Name: "nul-byte",
			Note: "a transcript with a NUL byte in a turn; Decode returns ErrBinary",
			Data: []byte("MS. LEAVITT: Good afternoon.\n\nQ Hello\x00world.\n"),
		}
	},
	func() Fixture {
		return Fixture{
			Name: "png-header",
			Note: "the start of a PNG image; Decode returns ErrBinary",
			Data: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00"),
		}
	},
	func() Fixture {
		var b strings.Builder
		for i := range 512 {
			b.WriteByte(byte(0x01 + i%6))
			b.WriteString("ab")
		}
		return Fixture{
			Name: "control-soup",
			Note: "text with a control byte every third byte and no NUL; Decode returns ErrBinary",
			Data: []byte(b.String()),
		}
	},
	func() Fixture {
		return Fixture{
			Name: "latin1",
			Note: "Latin-1 text (café as 63 61 66 E9); Decode returns ErrInvalidUTF8",
			Data: []byte("MS. LEAVITT: Caf\xe9 au lait, na\xefve.\n"),
		}
	},
	func() Fixture {
		return Fixture{
			Name: "raw-8bit-csi",
			Note: "raw 8-bit C1 bytes (9B 32 4A is CSI 2 J to a terminal in 8-bit mode), not valid UTF-8; Decode returns ErrInvalidUTF8 and Normalize turns each into U+FFFD",
			Data: []byte("MS. LEAVITT: \x9b2J\x9b1;1HGood afternoon.\x9d0;pwned\x07\n"),
		}
	},
	func() Fixture {
		return Fixture{
			Name: "overlong-utf8",
			Note: "overlong encodings of / and ESC and an encoded surrogate; Decode returns ErrInvalidUTF8",
			Data: []byte("Q \xc0\xaf\xc0\x9b[2J\xed\xa0\x80?\n"),
		}
	},
	func() Fixture {
		units := utf16.Encode([]rune("MR. KIRBY: Good morning.\r\n"))
		data := make([]byte, 0, 2*len(units))
		for _, u := range units {
			data = append(data, byte(u), byte(u>>8))
		}
		return Fixture{
			Name: "utf16-no-bom",
			Note: "UTF-16LE without a byte order mark; Decode returns ErrBinary with a hint about UTF-16",
			Data: data,
		}
	},
	func() Fixture {
		return Fixture{
			Name: "utf16-unpaired-surrogate",
			Note: "UTF-16LE with a byte order mark and a high surrogate with no low one; Decode returns ErrInvalidUTF16",
			Data: []byte{0xFF, 0xFE, 'Q', 0, ' ', 0, 0x3D, 0xD8, '?', 0},
		}
	},
}
