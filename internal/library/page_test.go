package library

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

// TestFirstBriefingsIsTheHeadOfBriefings checks the first page against
// the whole list, for every length, on a library with undated briefings,
// briefings sharing a date and a title, opened, placed and new ones.
func TestFirstBriefingsIsTheHeadOfBriefings(t *testing.T) {
	ctx := context.Background()
	dir := samples(t)
	extra := map[string]string{
		"undated-b.txt":  "MS. LEAVITT: Good afternoon.\n\nQ Thank you.\n",
		"undated-a.txt":  "MS. LEAVITT: Hello again.\n\nQ Thanks.\n",
		"same-day-1.md":  "---\ntitle: Same Day\ndate: 2025-01-29\n---\n\nMS. LEAVITT: One.\n",
		"same-day-2.md":  "---\ntitle: Same Day\ndate: 2025-01-29\n---\n\nMS. LEAVITT: Two.\n",
		"other-title.md": "---\ntitle: A Briefing\ndate: 2025-01-29\n---\n\nMS. LEAVITT: Three.\n",
	}
	for name, text := range extra {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := openTemp(t)
	index(t, db, dir)
	all, err := db.Briefings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// Reading state: one opened and left at a paragraph, then a new file
	// after the library was seen.
	if err := db.Opened(ctx, all[2].ID); err != nil {
		t.Fatal(err)
	}
	if err := db.SetPosition(ctx, all[2].ID, 3); err != nil {
		t.Fatal(err)
	}
	if err := db.MarkLibrarySeen(ctx); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "later.md"), []byte("---\ntitle: Later\ndate: 2024-01-01\n---\n\nQ Later.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	index(t, db, dir)
	if all, err = db.Briefings(ctx); err != nil {
		t.Fatal(err)
	}
	unread, undated, isNew := 0, 0, 0
	for _, e := range all {
		if e.Unread {
			unread++
		}
		if e.Date.IsZero() {
			undated++
		}
		if e.New {
			isNew++
		}
	}
	if undated < 2 || isNew != 1 || unread != len(all)-1 {
		t.Fatalf("fixture: %d undated, %d new, %d unread of %d; want ≥ 2, 1, all but one", undated, isNew, unread, len(all))
	}
	for n := 0; n <= len(all)+1; n++ {
		p, err := db.FirstBriefings(ctx, n)
		if err != nil {
			t.Fatal(err)
		}
		if p.Total != len(all) || p.Unread != unread {
			t.Errorf("n=%d: total %d unread %d, want %d %d", n, p.Total, p.Unread, len(all), unread)
		}
		want := all[:min(n, len(all))]
		if len(want) == 0 {
			want = nil
		}
		if !reflect.DeepEqual(p.Entries, want) {
			for i := range min(len(p.Entries), len(want)) {
				if !reflect.DeepEqual(p.Entries[i], want[i]) {
					t.Fatalf("n=%d: entry %d is\n%+v\nwant\n%+v", n, i, p.Entries[i], want[i])
				}
			}
			t.Fatalf("n=%d: %d entries, want %d", n, len(p.Entries), len(want))
		}
	}
}

// TestMarkLibrarySeenAt: briefings indexed after the time given are new,
// those before are not.
func TestMarkLibrarySeenAt(t *testing.T) {
	ctx := context.Background()
	dir := samples(t)
	db := openTemp(t)
	before := time.Now()
	index(t, db, dir)
	after := time.Now()
	for _, c := range []struct {
		at      time.Time
		wantNew bool
	}{{before, true}, {after, false}} {
		if err := db.MarkLibrarySeenAt(ctx, c.at); err != nil {
			t.Fatal(err)
		}
		es, err := db.Briefings(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range es {
			if e.New != c.wantNew {
				t.Errorf("seen at %v: %s new=%v, want %v", c.at, e.Path, e.New, c.wantNew)
			}
		}
	}
}
