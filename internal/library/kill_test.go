package library

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestKill9MidIndex kills (SIGKILL) a process that is indexing, at the
// moment it has committed some batches and is writing more, and checks the
// library it leaves: whole, consistent, and finished by the next index.
func TestKill9MidIndex(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no SIGKILL on Windows")
	}
	if dir := os.Getenv("BRIEF_KILL_CHILD_DIR"); dir != "" {
		// The child: index for ever, one file a transaction.
		db, err := Open(context.Background(), os.Getenv("BRIEF_KILL_CHILD_DB"))
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		for {
			if _, err := db.Index(context.Background(), []string{dir}, IndexOptions{BatchFiles: 1}); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
			// Touch every file so the next round parses them again.
			files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
			for _, f := range files {
				data, _ := os.ReadFile(f)
				os.WriteFile(f, append(data, '\n'), 0o644)
			}
		}
	}
	dir := samples(t)
	src := sampleFiles(t, dir)
	for i := range 30 {
		data, _ := os.ReadFile(src[i%len(src)])
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("copy-%02d.txt", i)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "library.db")
	for round := range 3 {
		cmd := exec.Command(os.Args[0], "-test.run", "^TestKill9MidIndex$")
		cmd.Env = append(os.Environ(), "BRIEF_KILL_CHILD_DIR="+dir, "BRIEF_KILL_CHILD_DB="+path)
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Kill it once it has written something, at a moment that
		// differs from round to round.
		deadline := time.Now().Add(60 * time.Second)
		for {
			if fi, err := os.Stat(path + "-wal"); err == nil && fi.Size() > int64(round+1)<<16 {
				break
			}
			if time.Now().After(deadline) {
				cmd.Process.Kill()
				t.Fatalf("round %d: the child wrote nothing in a minute: %s", round, stderr.String())
			}
			time.Sleep(time.Duration(5+round*7) * time.Millisecond)
		}
		cmd.Process.Kill() // SIGKILL
		cmd.Wait()
		db, err := Open(context.Background(), path)
		if err != nil {
			t.Fatalf("round %d: opening after kill -9: %v", round, err)
		}
		if db.Recovered() != "" {
			t.Fatalf("round %d: the library was taken for corrupt after kill -9", round)
		}
		checkConsistent(t, db)
		db.Close()
	}
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	index(t, db, dir)
	if n, _ := db.Count(context.Background()); n != len(sampleFiles(t, dir)) {
		t.Errorf("after the kills, indexing holds %d briefings, want %d", n, len(sampleFiles(t, dir)))
	}
	checkConsistent(t, db)
}
