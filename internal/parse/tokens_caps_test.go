package parse

import (
	"os"
	"path/filepath"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestCapsByRunes checks the capital the tokenizer notes on each word
// against its definition: a word whose first rune is upper case.
func TestCapsByRunes(t *testing.T) {
	paths, _ := filepath.Glob("../../briefings/*")
	texts := []string{"", "Élysée élan Ωmega ωmega 東京 X x 9 \xffbad Ünter", "’Tis O’Brien MCGURK iPhone eBay"}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	caps := 0
	for _, s := range texts {
		for _, tk := range tokenize(s) {
			r, _ := utf8.DecodeRuneInString(tk.s)
			want := tk.word && unicode.IsUpper(r)
			if tk.capitalised() != want {
				t.Fatalf("%q capitalised = %v, want %v", tk.s, tk.capitalised(), want)
			}
			if want {
				caps++
			}
		}
	}
	if caps == 0 {
		t.Fatal("no capitalised word: the test reads nothing")
	}
}
