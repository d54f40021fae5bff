package textclean

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
)

var update = flag.Bool("update", false, "rewrite the .golden files in testdata")

// utf16Bytes encodes s as UTF-16 with a byte order mark.
func utf16Bytes(s string, bigEndian bool) []byte {
	units := append([]uint16{0xFEFF}, utf16.Encode([]rune(s))...)
	return unitBytes(units, bigEndian)
}

func unitBytes(units []uint16, bigEndian bool) []byte {
	b := make([]byte, 0, 2*len(units))
	for _, u := range units {
		if bigEndian {
			b = append(b, byte(u>>8), byte(u))
		} else {
			b = append(b, byte(u), byte(u>>8))
		}
	}
	return b
}

func TestDecode(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"empty", nil, ""},
		{"plain", []byte("MS. LEAVITT: Hello.\n"), "MS. LEAVITT: Hello.\n"},
		{"bom stripped", []byte("\xef\xbb\xbfMS. LEAVITT: Hello.\n"), "MS. LEAVITT: Hello.\n"},
		{"bom only", []byte("\xef\xbb\xbf"), ""},
		{"bom crlf and escapes", []byte("\xef\xbb\xbf\x1b]0;pwned\x07MS. LEAVITT: hi\r\n\r\nQ \x1b[2Jyes?\r\n"), "MS. LEAVITT: hi\n\nQ yes?\n"},
		{"utf-8 cjk and emoji", []byte("記者会見 👍🏽 “quote”"), "記者会見 👍🏽 “quote”"},
		{"a few stray controls are dropped", []byte("a\x01b\x02c\x1ad" + strings.Repeat("x", 100)), "abcd" + strings.Repeat("x", 100)},
		{"many bel terminators are text", []byte(strings.Repeat("\x1b]0;t\x07word ", 500)), strings.Repeat("word ", 500)},
		{"utf-16le", utf16Bytes("MS. LEAVITT: “hi” 👍🏽\r\n", false), "MS. LEAVITT: “hi” 👍🏽\n"},
		{"utf-16be", utf16Bytes("記者会見\t😀\x1b[2J", true), "記者会見 😀"},
		{"utf-16le bom only", []byte{0xFF, 0xFE}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Decode(tc.in)
			if err != nil {
				t.Fatalf("Decode(%q) error: %v", tc.in, err)
			}
			if got != tc.want {
				t.Errorf("Decode(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestDecodeErrors(t *testing.T) {
	binaryStart := append([]byte("Q "), []byte(strings.Repeat("\x01\x02\x03\x04", 4))...)
	tests := []struct {
		name    string
		in      []byte
		wantErr error
		wantMsg string
	}{
		{"nul", []byte("MS. LEAVITT: hello\x00world"), ErrBinary, "binary file (NUL byte at offset 18)"},
		{"nul at start", []byte("\x00"), ErrBinary, "binary file (NUL byte at offset 0)"},
		{"nul after bom counts the bom", []byte("\xef\xbb\xbfab\x00"), ErrBinary, "binary file (NUL byte at offset 5)"},
		{"nul far past the sniffed start", []byte(strings.Repeat("a", 100000) + "\x00"), ErrBinary, "binary file (NUL byte at offset 100000)"},
		{"png header", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), ErrBinary, "binary file (NUL byte at offset 8)"},
		{"dense controls", binaryStart, ErrBinary, "binary file (16 control bytes in the first 18 bytes)"},
		{"del counts as binary", []byte(strings.Repeat("\x7fab", 8)), ErrBinary, "binary file (8 control bytes in the first 24 bytes)"},
		{"utf-16 without bom", unitBytes(utf16.Encode([]rune("MS. LEAVITT: hello")), false), ErrBinary, "binary file (NUL byte at offset 1; it looks like UTF-16LE without a byte order mark: convert it to UTF-8)"},
		{"utf-16 without bom, curly quotes and CRLF", unitBytes(utf16.Encode([]rune("Mr. Misri said: “We will go.”\r\nQ: What?\r\n")), false), ErrBinary, "binary file (NUL byte at offset 1; it looks like UTF-16LE without a byte order mark: convert it to UTF-8)"},
		{"utf-16be without bom, emoji and dashes", unitBytes(utf16.Encode([]rune("Q — Why? 🙂 “Because.”")), true), ErrBinary, "binary file (NUL byte at offset 0; it looks like UTF-16BE without a byte order mark: convert it to UTF-8)"},
		{"utf-16 without bom, Hindi with spaces", unitBytes(utf16.Encode([]rune("विदेश सचिव ने कहा कि भारत और जापान")), false), ErrBinary, "binary file (NUL byte at offset 11; it looks like UTF-16LE without a byte order mark: convert it to UTF-8)"},
		{"stray nuls in utf-8 are no hint", []byte("ab\x00c\x00" + strings.Repeat("Q: why? ", 40)), ErrBinary, "binary file (NUL byte at offset 2)"},
		{"a U+0000 unit is no hint", []byte("a\x00\x00\x00b\x00c\x00d\x00"), ErrBinary, "binary file (NUL byte at offset 1)"},
		{"a binary control is no hint", unitBytes([]uint16{'a', 'b', 1, 'c'}, false), ErrBinary, "binary file (NUL byte at offset 1)"},
		{"an unpaired surrogate is no hint", unitBytes([]uint16{'a', 'b', 0xDC00, 'c'}, false), ErrBinary, "binary file (NUL byte at offset 1)"},
		{"invalid utf-8", []byte("MS. LEAVITT: caf\xe9 au lait"), ErrInvalidUTF8, "invalid UTF-8 at byte 16"},
		{"invalid utf-8 after bom", []byte("\xef\xbb\xbfab\xff"), ErrInvalidUTF8, "invalid UTF-8 at byte 5"},
		{"invalid utf-8 after a change", []byte("Q\tcaf\xc3\xa9 \x1b[2Jcaf\xe9"), ErrInvalidUTF8, "invalid UTF-8 at byte 15"},
		{"raw 8-bit csi", []byte("a\x9b2J"), ErrInvalidUTF8, "invalid UTF-8 at byte 1"},
		{"truncated at end", []byte("abc\xe2\x80"), ErrInvalidUTF8, "invalid UTF-8 at byte 3"},
		{"latin-1 after long utf-8", []byte(strings.Repeat("“é” ", 3000) + "\xe9"), ErrInvalidUTF8, "invalid UTF-8 at byte 27000"},
		{"utf-16 odd length", append(utf16Bytes("ab", false), 'c'), ErrInvalidUTF16, "invalid UTF-16 (LE): odd length 7"},
		{"utf-16 lone high surrogate", unitBytes([]uint16{0xFEFF, 'a', 0xD83D, 'b'}, false), ErrInvalidUTF16, "invalid UTF-16 (LE): unpaired surrogate at byte 4"},
		{"utf-16 high surrogate before a non-surrogate", unitBytes([]uint16{0xFEFF, 0xD83D, 0xFF01}, false), ErrInvalidUTF16, "invalid UTF-16 (LE): unpaired surrogate at byte 2"},
		{"utf-16 high surrogate at end", unitBytes([]uint16{0xFEFF, 'a', 0xD83D}, true), ErrInvalidUTF16, "invalid UTF-16 (BE): unpaired surrogate at byte 4"},
		{"utf-16 lone low surrogate", unitBytes([]uint16{0xFEFF, 0xDE00}, false), ErrInvalidUTF16, "invalid UTF-16 (LE): unpaired surrogate at byte 2"},
		{"utf-16 nul", unitBytes([]uint16{0xFEFF, 'a', 0, 'b'}, false), ErrBinary, "binary file (NUL character at offset 4)"},
		{"utf-16 dense controls", utf16Bytes(strings.Repeat("\x01\x02", 8), true), ErrBinary, "binary file (16 control characters in the first 34 bytes)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Decode(tc.in)
			if err == nil {
				t.Fatalf("Decode(%q) = %q, want an error", tc.in, got)
			}
			if !errors.Is(err, tc.wantErr) {
				t.Errorf("Decode error %q does not wrap %q", err, tc.wantErr)
			}
			if err.Error() != tc.wantMsg {
				t.Errorf("Decode error = %q, want %q", err, tc.wantMsg)
			}
			if got != "" {
				t.Errorf("Decode returned text %q with its error", got)
			}
		})
	}
}

// TestDecodeBinaryThreshold pins the rule: at least 8 controls in the first
// 8 KiB, and more than 1 in 32 of the bytes there.
func TestDecodeBinaryThreshold(t *testing.T) {
	tests := []struct {
		name                    string
		before, controls, after int
		wantBinary              bool
	}{
		{"seven in a tiny file", 0, 7, 3, false},
		{"eight in a tiny file", 0, 8, 2, true},
		{"exactly one in 32", 0, 32, 992, false},
		{"just over one in 32", 0, 33, 991, true},
		{"counted against 8 KiB in a big file", 0, 256, 100000, false},
		{"just over one in 32 of 8 KiB", 0, 257, 100000, true},
		{"after the first 8 KiB they do not count", 8192, 3000, 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data := []byte(strings.Repeat("a", tc.before) + strings.Repeat("\x01", tc.controls) + strings.Repeat("a", tc.after))
			got, err := Decode(data)
			if gotBinary := errors.Is(err, ErrBinary); gotBinary != tc.wantBinary {
				t.Fatalf("Decode(%d controls in %d bytes) error = %v, want binary %v", tc.controls, len(data), err, tc.wantBinary)
			}
			if err == nil && len(got) != tc.before+tc.after {
				t.Errorf("Decode kept %d bytes, want %d with the controls dropped", len(got), tc.before+tc.after)
			}
		})
	}
}

// TestDecodeFiles decodes each testdata/*.txt file and compares the text with
// the .golden file beside it. Run with -update to rewrite the golden files.
func TestDecodeFiles(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no testdata/*.txt files")
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			got, err := Decode(data)
			if err != nil {
				t.Fatalf("Decode(%s): %v", file, err)
			}
			checkClean(t, got)
			golden := strings.TrimSuffix(file, ".txt") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("Decode(%s) differs from %s:\ngot:\n%s\nwant:\n%s", file, golden, got, want)
			}
		})
	}
}
