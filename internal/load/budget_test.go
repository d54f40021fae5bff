package load

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/brief-reader/brief/internal/briefing"
)

// inFlight records, from Prepare, the bytes of the files being parsed at
// once. Each call waits a little for another to start, so that workers
// that may overlap do.
type inFlight struct {
	mu         sync.Mutex
	bytes, max int64
	files      int
	alone      map[string]bool // whether each file was the only one in flight
	entered    chan struct{}
}

func (f *inFlight) prepare(t *testing.T) func(*briefing.Briefing) {
	return func(b *briefing.Briefing) {
		info, err := os.Stat(b.Path)
		if err != nil {
			t.Error(err)
			return
		}
		f.mu.Lock()
		f.bytes += info.Size()
		f.files++
		f.max = max(f.max, f.bytes)
		f.mu.Unlock()
		select {
		case f.entered <- struct{}{}:
		case <-f.entered:
		case <-time.After(100 * time.Millisecond):
		}
		f.mu.Lock()
		f.alone[b.Path] = f.files == 1
		f.bytes -= info.Size()
		f.files--
		f.mu.Unlock()
	}
}

func writeSizes(t *testing.T, sizes ...int) []string {
	dir := t.TempDir()
	var files []string
	for i, n := range sizes {
		p := filepath.Join(dir, fmt.Sprintf("%03d.txt", i))
		write(t, p, strings.Repeat("Word ", n/5))
		files = append(files, p)
	}
	return files
}

// TestBudgetBoundsBytesInFlight checks that workers never parse more bytes
// at once than the budget, and that a file over the budget is parsed alone.
func TestBudgetBoundsBytesInFlight(t *testing.T) {
	files := writeSizes(t, 600, 600, 2000, 600, 100, 100)
	f := &inFlight{alone: map[string]bool{}, entered: make(chan struct{})}
	res := Load(context.Background(), files, Options{Workers: 4, Budget: 1000, Prepare: f.prepare(t)})
	for _, r := range res {
		if r.Err != nil {
			t.Fatal(r.Err)
		}
	}
	if f.max > 2000 {
		t.Errorf("%d bytes were parsed at once, want at most the largest file, 2000", f.max)
	}
	if !f.alone[files[2]] {
		t.Errorf("the file larger than the budget was parsed beside others")
	}
	f.max = 0
	small := []string{files[0], files[1], files[3], files[4], files[5]}
	Load(context.Background(), small, Options{Workers: 4, Budget: 1000, Prepare: f.prepare(t)})
	if f.max > 1000 {
		t.Errorf("%d bytes were parsed at once, want at most the budget, 1000", f.max)
	}
}

// TestBudgetServesInOrder checks that a waiter wanting much is not passed
// by later ones wanting little.
func TestBudgetServesInOrder(t *testing.T) {
	b := newBudget(10)
	first := b.acquire(8)
	order := make(chan string, 2)
	waiting := func(n uint64) {
		for {
			b.mu.Lock()
			w := b.next
			b.mu.Unlock()
			if w == n {
				return
			}
			time.Sleep(time.Millisecond)
		}
	}
	go func() { n := b.acquire(10); order <- "large"; b.release(n) }()
	waiting(2)
	go func() { n := b.acquire(1); order <- "small"; b.release(n) }()
	waiting(3)
	b.release(first)
	if got := <-order + " " + <-order; got != "large small" {
		t.Errorf("served %s, want large first", got)
	}
	if got := b.acquire(50); got != 10 {
		t.Errorf("acquire(50) took %d, want the whole budget, 10", got)
	}
}
