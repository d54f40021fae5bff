package load

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/brief-reader/brief/internal/briefing"
)

// TestStreamEmitsInOrderAndStaysClose checks that Stream hands results over
// in the order of files and that no file is parsed more than its window
// ahead of the one being emitted, even when emit is slow: a stream over
// many files holds a window of briefings, not all of them.
func TestStreamEmitsInOrderAndStaysClose(t *testing.T) {
	const workers = 2
	window := streamWindow(workers)
	files := writeSizes(t, make([]int, 3*window)...)
	index := make(map[string]int, len(files))
	for i, f := range files {
		index[f] = i
	}
	var mu sync.Mutex
	emitted, ahead := 0, 0
	opts := Options{Workers: workers, Prepare: func(b *briefing.Briefing) {
		mu.Lock()
		ahead = max(ahead, index[b.Path]-emitted)
		mu.Unlock()
	}}
	var got []string
	err := Stream(context.Background(), files, opts, func(r Result) error {
		if r.Err != nil {
			t.Errorf("%s: %v", r.Path, r.Err)
		}
		got = append(got, r.Path)
		if len(got) == 1 {
			// A slow consumer: workers that did not wait would parse
			// every file meanwhile.
			time.Sleep(50 * time.Millisecond)
		}
		mu.Lock()
		emitted++
		mu.Unlock()
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(files) {
		t.Fatalf("emitted %d results, want %d", len(got), len(files))
	}
	for i := range files {
		if got[i] != files[i] {
			t.Fatalf("result %d is %s, want %s", i, got[i], files[i])
		}
	}
	if ahead > window {
		t.Errorf("a file was parsed %d files ahead of the one emitted, want at most %d", ahead, window)
	}
}

// TestStreamBoundsBytesWaiting checks that the budget counts a file's bytes
// from before it is parsed until its result is emitted: behind a slow
// consumer, the bytes parsed and not yet emitted stay within the budget,
// however wide the window.
func TestStreamBoundsBytesWaiting(t *testing.T) {
	sizes := make([]int, 40)
	for i := range sizes {
		sizes[i] = 300
	}
	files := writeSizes(t, sizes...)
	var mu sync.Mutex
	var held, most int64
	opts := Options{Workers: 2, Budget: 1000, Prepare: func(b *briefing.Briefing) {
		mu.Lock()
		held += 300
		most = max(most, held)
		mu.Unlock()
	}}
	n := 0
	err := Stream(context.Background(), files, opts, func(r Result) error {
		if r.Err != nil {
			t.Errorf("%s: %v", r.Path, r.Err)
		}
		if n++; n == 1 {
			time.Sleep(50 * time.Millisecond) // the others pile up meanwhile
		}
		mu.Lock()
		held -= 300
		mu.Unlock()
		return nil
	})
	if err != nil || n != len(files) {
		t.Fatalf("Stream: %v after %d results, want nil after %d", err, n, len(files))
	}
	if most > 1000 {
		t.Errorf("%d bytes were parsed and not yet emitted at once, want at most the budget, 1000", most)
	}
	if most < 600 {
		t.Errorf("at most %d bytes were in hand at once: the workers did not run ahead of the consumer at all", most)
	}
}

// TestStreamStopsOnEmitError checks that an error from emit ends the run:
// it is returned, and nothing more is emitted.
func TestStreamStopsOnEmitError(t *testing.T) {
	files := writeSizes(t, make([]int, 30)...)
	stop := errors.New("stop")
	calls := 0
	err := Stream(context.Background(), files, Options{Workers: 2}, func(r Result) error {
		calls++
		if calls == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) {
		t.Fatalf("Stream returned %v, want the emit error", err)
	}
	if calls != 3 {
		t.Errorf("emit called %d times, want 3 (none after its error)", calls)
	}
}

// TestStreamCancelled checks that files after the context ends carry its
// error, in order: all of them beyond the window started before it ended.
func TestStreamCancelled(t *testing.T) {
	window := streamWindow(1)
	files := writeSizes(t, make([]int, 2*window)...)
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	err := Stream(ctx, files, Options{Workers: 1}, func(r Result) error {
		if r.Path != files[n] {
			t.Errorf("result %d is %s, want %s", n, r.Path, files[n])
		}
		if n > 2+window && !errors.Is(r.Err, context.Canceled) {
			t.Errorf("result %d after cancel: err %v, want context.Canceled", n, r.Err)
		}
		n++
		if n == 2 {
			cancel()
		}
		return nil
	})
	if err != nil || n != len(files) {
		t.Fatalf("Stream: %v after %d results, want nil after %d", err, n, len(files))
	}
}
