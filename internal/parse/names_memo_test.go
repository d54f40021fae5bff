package parse

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"unsafe"
)

// memoArticle is an invented wire story that names the same people and
// institutions again and again, as a page does: titles, possessives,
// initials spaced and unspaced, a place after a name.
var memoArticle = []string{
	"WASHINGTON — Senator Maren Oduya of Vermont met Treasury Secretary Paul Vandermeer on Tuesday at the White House, where President Alder Quist’s advisers had gathered.",
	"Secretary Vandermeer said the talks with the United States Trade Representative were going well. Senator Oduya disagreed, and Mr. Vandermeer’s office declined to comment.",
	"“We are not there yet,” said Sen. Maren Oduya, a Democrat. President Alder Quist told reporters at the White House that Secretary of the Treasury Paul Vandermeer had his full support.",
	"J.D. Hollis, a spokesman for the Department of Commerce, and J. D. Hollis’s deputy, Ms. Ines Carvalho, said the United States would respond. Dr. Lena Voss of the World Health Organization agreed.",
	"Later, President Quist’s chief of staff, Rep. Tomas Brandt of Ohio, met Senator Oduya and Secretary Vandermeer. Mrs. Brandt and Prime Minister Keiko Arata joined by phone from Tokyo.",
	"The White House said President Alder Quist would travel to Ohio. Sen. Oduya, Rep. Brandt and Dr. Voss will follow, Ms. Carvalho said, as will J.D. Hollis.",
}

// corpusParagraphs returns the paragraphs of the bundled samples and dev
// fixtures, for differential tests of name handling.
func corpusParagraphs(t testing.TB) []string {
	paths, _ := filepath.Glob("testdata/dev/*.txt")
	more, _ := filepath.Glob("../../briefings/*.txt")
	paths = append(paths, more...)
	mds, _ := filepath.Glob("../../briefings/*.md")
	paths = append(paths, mds...)
	if len(paths) == 0 {
		t.Fatal("no samples found")
	}
	var paras []string
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range strings.Split(string(data), "\n") {
			if strings.TrimSpace(s) != "" {
				paras = append(paras, s)
			}
		}
	}
	return append(paras, memoArticle...)
}

// clearRefMemo empties parseRef's memo.
func clearRefMemo() {
	refs.mu.Lock()
	refs.refs, refs.old = nil, nil
	refs.mu.Unlock()
}

// refWindows returns the runs of one to five tokens that open at each
// word of the samples' paragraphs: the runs parseRef is asked about, and
// more.
func refWindows(t testing.TB) [][]token {
	var runs [][]token
	for _, p := range corpusParagraphs(t) {
		toks := tokenize(p)
		for i := range toks {
			if !toks[i].word {
				continue
			}
			for n := 1; n <= 5 && i+n <= len(toks); n++ {
				runs = append(runs, toks[i:i+n])
			}
		}
	}
	return runs
}

// lonePronoun reports whether toks is the one pronoun parseRef reads
// before its memo.
func lonePronoun(toks []token) bool {
	if len(toks) != 1 || !toks[0].word {
		return false
	}
	switch toks[0].lower() {
	case "he", "him", "she", "her":
		return true
	}
	return false
}

// TestParseRefMemo checks that parseRef, through its memo, returns what
// readRef reads anew, the first time and the times after, for every run of
// a few words in the samples, and that the mentions found are the same.
func TestParseRefMemo(t *testing.T) {
	clearRefMemo()
	names := 0
	runs := refWindows(t)
	for pass := range 2 {
		for _, run := range runs {
			if lonePronoun(run) {
				continue
			}
			got, want := parseRef(run), readRef(run)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("pass %d: parseRef(%q) = %+v, want %+v", pass, joinTokens(run), got, want)
			}
			if len(want.name) > 0 {
				names++
			}
		}
	}
	if names == 0 {
		t.Fatal("no run names anyone: the test reads nothing")
	}
	if len(refs.refs) == 0 {
		t.Fatal("the memo holds nothing")
	}
}

// TestParseRefMemoConcurrent reads the same runs from several goroutines
// at once, as load's workers do, each checking what it gets (run it with
// -race).
func TestParseRefMemoConcurrent(t *testing.T) {
	clearRefMemo()
	runs := refWindows(t)
	if len(runs) > 20000 {
		runs = runs[:20000]
	}
	var wg sync.WaitGroup
	errs := make(chan string, 4)
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range runs {
				run := runs[(k*(g+1))%len(runs)]
				if lonePronoun(run) {
					continue
				}
				if got, want := parseRef(run), readRef(run); !reflect.DeepEqual(got, want) {
					errs <- fmt.Sprintf("parseRef(%q) = %+v, want %+v", joinTokens(run), got, want)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// TestRefMemoGenerations reads more runs than a generation of the memo
// holds, asking for one again and again between them: what is read stays
// right, the memo stays bounded, and the run asked for often stays in it.
func TestRefMemoGenerations(t *testing.T) {
	var memo refMemo
	hot := tokenize("President Alder Quist")
	key := string([]byte{0, 9}) + "President" + string([]byte{1, 5}) + "Alder" + string([]byte{1, 5}) + "Quist"
	for i := range 3*maxMemoRefs + 5 {
		run := tokenize(fmt.Sprintf("Given%d Surname%d", i, i))
		if got, want := memo.parse(run), readRef(run); !reflect.DeepEqual(got, want) {
			t.Fatalf("memo.parse(%q) = %+v, want %+v", joinTokens(run), got, want)
		}
		if i%64 == 0 {
			if got, want := memo.parse(hot), readRef(hot); !reflect.DeepEqual(got, want) {
				t.Fatalf("memo.parse(hot) = %+v, want %+v", got, want)
			}
		}
	}
	if n := len(memo.refs) + len(memo.old); n > 2*maxMemoRefs {
		t.Errorf("memo holds %d runs, want at most %d", n, 2*maxMemoRefs)
	}
	_, inNew := memo.refs[key]
	_, inOld := memo.old[key]
	if !inNew && !inOld {
		t.Error("the run asked for often left the memo")
	}
}

// TestRefMemoKey checks that runs that differ only in spacing or in how
// their text splits into tokens get their own entries.
func TestRefMemoKey(t *testing.T) {
	var memo refMemo
	for _, s := range []string{"J.D. Hollis", "J. D. Hollis", "J.D.Hollis", "JD Hollis", "Dr. Voss", "Dr.Voss", "Dr Voss"} {
		toks := tokenize(s)
		if got, want := memo.parse(toks), readRef(toks); !reflect.DeepEqual(got, want) {
			t.Errorf("memo.parse(%q) = %+v, want %+v", s, got, want)
		}
	}
	if len(memo.refs) != 7 {
		t.Errorf("memo holds %d runs, want 7", len(memo.refs))
	}
}

// BenchmarkNameMentions reads the mentions of an invented article's
// paragraphs, as registerMentions does page by page: with parseRef's memo
// emptied before each pass (cold: every run read anew, plus the memo's
// cost) or kept (warm: the pages of one source, which name the same
// people).
func BenchmarkNameMentions(b *testing.B) {
	var paras [][]token
	for _, p := range memoArticle {
		paras = append(paras, tokenize(p))
	}
	var out []mention
	b.Run("cold", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			clearRefMemo()
			for _, toks := range paras {
				out = appendNameMentions(out[:0], toks)
			}
		}
	})
	b.Run("warm", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, toks := range paras {
				out = appendNameMentions(out[:0], toks)
			}
		}
	})
}

// BenchmarkParseRef reads the subjects sentences open with, as
// sentenceSubject asks parseRef about them: through the memo (parseRef,
// warm) and anew (readRef).
func BenchmarkParseRef(b *testing.B) {
	var runs [][]token
	for _, s := range []string{"President Alder Quist", "Treasury Secretary Paul Vandermeer", "The White House", "Sen. Maren Oduya of Vermont",
		"The United States Trade Representative", "Officials", "Dr. Lena Voss, a virologist", "Ms. Carvalho", "The Department of Commerce"} {
		runs = append(runs, tokenize(s))
	}
	for _, f := range []struct {
		name string
		read func([]token) ref
	}{{"memo", parseRef}, {"anew", readRef}} {
		b.Run(f.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, run := range runs {
					f.read(run)
				}
			}
		})
	}
}

// TestRefMemoDetached checks that what the memo keeps shares no memory
// with the page it was read from, which it would keep alive.
func TestRefMemoDetached(t *testing.T) {
	text := "Yesterday Dr. Lena Voss, a virologist, said so."
	var memo refMemo
	r := memo.parse(tokenize(text)[1:8])
	if len(r.name) == 0 || r.role == "" {
		t.Fatalf("read %+v, want a name and a role", r)
	}
	start := uintptr(unsafe.Pointer(unsafe.StringData(text)))
	inText := func(s string) bool {
		p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
		return s != "" && p >= start && p < start+uintptr(len(text))
	}
	if len(memo.refs) != 1 {
		t.Fatalf("memo holds %d runs, want 1", len(memo.refs))
	}
	for _, kept := range memo.refs {
		if !reflect.DeepEqual(kept, r) {
			t.Errorf("kept %+v, read %+v", kept, r)
		}
		for _, s := range append([]string{kept.surface, kept.role}, kept.name...) {
			if inText(s) {
				t.Errorf("%q kept in the page's text", s)
			}
		}
	}
}
