package load

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/brief-reader/brief/internal/briefing"
)

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestExpand(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "b.txt"), "B")
	write(t, filepath.Join(dir, "a.md"), "A")
	write(t, filepath.Join(dir, "sub", "c.markdown"), "C")
	write(t, filepath.Join(dir, "sub", "notes.pdf"), "%PDF")
	write(t, filepath.Join(dir, ".hidden", "d.txt"), "D")
	// A symbolic link back to the top must not make the walk loop.
	if err := os.Symlink(dir, filepath.Join(dir, "sub", "loop")); err != nil {
		t.Fatal(err)
	}
	single := filepath.Join(dir, "sub", "notes.pdf")
	files, bad, missing := Expand([]string{dir, "-", single, filepath.Join(dir, "nope.txt")})
	want := []string{
		filepath.Join(dir, "a.md"), filepath.Join(dir, "b.txt"), filepath.Join(dir, "sub", "c.markdown"),
		"-", single,
	}
	if strings.Join(files, "\n") != strings.Join(want, "\n") {
		t.Errorf("files:\n got %q\nwant %q", files, want)
	}
	if len(bad) != 0 {
		t.Errorf("bad = %v", bad)
	}
	var pe *PathError
	if len(missing) != 1 || !errors.As(missing[0], &pe) || !strings.Contains(missing[0].Error(), "nope.txt: no such file or folder") {
		t.Errorf("missing = %v", missing)
	}
}

func TestExpandSymlinkedFolder(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "real", "a.txt"), "A")
	link := filepath.Join(dir, "link")
	if err := os.Symlink(filepath.Join(dir, "real"), link); err != nil {
		t.Fatal(err)
	}
	files, _, _ := Expand([]string{link})
	if len(files) != 1 || files[0] != filepath.Join(link, "a.txt") {
		t.Errorf("files = %q, want the file under the name given", files)
	}
}

func TestLoadKeepsOrderAndIsolatesFailures(t *testing.T) {
	dir := t.TempDir()
	var files []string
	for i, text := range []string{
		"MS. LEAVITT: Hello.\n\nQ Hi.",
		"binary\x00data",
		"‘We are ready,’ said Minister Ana Lopez, and the talks began.",
		"bad \xff utf-8",
		"",
	} {
		p := filepath.Join(dir, string(rune('a'+i))+".txt")
		write(t, p, text)
		files = append(files, p)
	}
	files = append(files, filepath.Join(dir, "deleted.txt"))
	res := Load(context.Background(), files, Options{Workers: 3})
	if len(res) != len(files) {
		t.Fatalf("%d results for %d files", len(res), len(files))
	}
	for i, r := range res {
		if r.Path != files[i] {
			t.Errorf("result %d is %s, want %s", i, r.Path, files[i])
		}
	}
	ok := func(i int) bool { return res[i].Err == nil && res[i].Briefing != nil }
	if !ok(0) || res[0].Briefing.Kind != briefing.Transcript {
		t.Errorf("a: %+v", res[0])
	}
	if res[1].Err == nil || !strings.Contains(res[1].Err.Error(), "binary") {
		t.Errorf("b: err = %v, want binary", res[1].Err)
	}
	if !ok(2) || len(res[2].Briefing.Quotes) == 0 {
		t.Errorf("c: %+v", res[2])
	}
	if res[3].Err == nil || !strings.Contains(res[3].Err.Error(), "UTF-8") {
		t.Errorf("d: err = %v, want invalid UTF-8", res[3].Err)
	}
	if !ok(4) || len(res[4].Briefing.Paragraphs) != 0 {
		t.Errorf("empty file: %+v", res[4])
	}
	if res[5].Err == nil || !strings.Contains(res[5].Err.Error(), "no such file") {
		t.Errorf("deleted file: err = %v", res[5].Err)
	}
}

func TestFileTruncatedAfterListing(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.txt")
	write(t, p, strings.Repeat("MS. LEAVITT: Hello there, everyone.\n\n", 1000))
	files, _, _ := Expand([]string{dir})
	if err := os.Truncate(p, 20); err != nil {
		t.Fatal(err)
	}
	res := Load(context.Background(), files, Options{})
	if res[0].Err != nil || res[0].Briefing == nil || res[0].Briefing.Words > 5 {
		t.Errorf("truncated file: %+v", res[0])
	}
}

func TestLoadRecoversFromPanics(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	write(t, a, "boom")
	write(t, b, "fine")
	res := Load(context.Background(), []string{a, b}, Options{Prepare: func(br *briefing.Briefing) {
		if br.Path == a {
			panic("classifier bug")
		}
	}})
	if res[0].Err == nil || !strings.Contains(res[0].Err.Error(), "classifier bug") {
		t.Errorf("a: err = %v", res[0].Err)
	}
	if res[1].Err != nil || res[1].Briefing == nil {
		t.Errorf("b: %+v", res[1])
	}
}

func TestReadFileRefusals(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	write(t, big, strings.Repeat("x", 2048))
	if _, err := ReadFile(big, 1024); !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "--max-size") {
		t.Errorf("big file: err = %v", err)
	}
	if data, err := ReadFile(big, 4096); err != nil || len(data) != 2048 {
		t.Errorf("file under the limit: %d bytes, %v", len(data), err)
	}
	if _, err := ReadFile(dir, 1024); err == nil || !strings.Contains(err.Error(), "folder") {
		t.Errorf("folder: err = %v", err)
	}
	if runtime.GOOS != "windows" {
		fifo := filepath.Join(dir, "pipe.txt")
		if err := syscall.Mkfifo(fifo, 0o644); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { _, err := ReadFile(fifo, 1024); done <- err }()
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), "named pipe") {
				t.Errorf("fifo: err = %v", err)
			}
		case <-time.After(5 * time.Second):
			t.Fatal("reading a FIFO blocked")
		}
		if _, err := os.Stat("/dev/zero"); err == nil {
			if _, err := ReadFile("/dev/zero", 1024); err == nil || !strings.Contains(err.Error(), "device") {
				t.Errorf("device: err = %v", err)
			}
		}
	}
}

// TestReadFileStaleInfo: Stream hands readFile what fileSize found when it
// weighed the file; a path swapped since for a FIFO, a folder or a file
// over the limit is still refused, by the checks on the file opened.
func TestReadFileStaleInfo(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "page.txt")
	write(t, p, "hello")
	stat := func() fs.FileInfo {
		size, info := fileSize(p, nil)
		if size != 5 || info == nil {
			t.Fatalf("fileSize = %d, %v; want 5 and the file's info", size, info)
		}
		return info
	}
	if data, err := readFile(p, stat(), 1024); err != nil || string(data) != "hello" {
		t.Errorf("readFile = %q, %v; want the file", data, err)
	}
	info := stat()
	write(t, p, strings.Repeat("x", 2048))
	if _, err := readFile(p, info, 1024); !errors.Is(err, ErrTooLarge) {
		t.Errorf("file grown past the limit: err = %v", err)
	}
	write(t, p, "hello")
	info = stat()
	if err := os.Remove(p); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(p, 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := readFile(p, info, 1024); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("file swapped for a folder: err = %v", err)
	}
	if runtime.GOOS == "windows" {
		return
	}
	if err := os.Remove(p); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { _, err := readFile(p, info, 1024); done <- err }()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "named pipe") {
			t.Errorf("file swapped for a FIFO: err = %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("reading a FIFO blocked")
	}
}

func TestPermissionDenied(t *testing.T) {
	// The message is the same whoever runs the test.
	err := cleanErr(&fs.PathError{Op: "open", Path: "/x", Err: fs.ErrPermission})
	if err.Error() != "permission denied" {
		t.Errorf("cleanErr = %q", err)
	}
	if os.Geteuid() == 0 {
		t.Skip("running as root: file permissions do not stop reads")
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "secret.txt")
	write(t, p, "x")
	if err := os.Chmod(p, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadFile(p, 1024); err == nil || err.Error() != "permission denied" {
		t.Errorf("err = %v", err)
	}
}

func TestStdin(t *testing.T) {
	res := Load(context.Background(), []string{"-"}, Options{Stdin: strings.NewReader("MS. LEAVITT: Hi.\n\nQ Hello.")})
	if res[0].Err != nil || res[0].Briefing.Kind != briefing.Transcript || res[0].Briefing.Title != "stdin" {
		t.Errorf("stdin: %+v %v", res[0].Briefing, res[0].Err)
	}
	res = Load(context.Background(), []string{"-"}, Options{MaxSize: 4, Stdin: strings.NewReader("too long")})
	if !errors.Is(res[0].Err, ErrTooLarge) {
		t.Errorf("stdin over the limit: %v", res[0].Err)
	}
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{"64MiB": 64 << 20, "10M": 10 << 20, "512k": 512 << 10, "1048576": 1 << 20, "1G": 1 << 30, "2 KiB": 2 << 10} {
		if got, err := ParseSize(in); err != nil || got != want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "-1", "0", "ten", "5X", "1.5M", "+5", "-99999999999999999999"} {
		if _, err := ParseSize(in); err == nil {
			t.Errorf("ParseSize(%q) succeeded", in)
		}
	}
}

// TestParseSizeRange: sizes past LargestMaxSize are refused as too large,
// never wrapped around or passed on to overflow later.
func TestParseSizeRange(t *testing.T) {
	if got, err := ParseSize("1024GiB"); err != nil || got != LargestMaxSize {
		t.Errorf("ParseSize(1024GiB) = %d, %v; want the largest size, %d", got, err, int64(LargestMaxSize))
	}
	for _, in := range []string{
		"1025G",
		"1099511627777",
		"9223372036854775807",  // math.MaxInt64: max+1 overflows
		"9223372036854775808",  // past int64
		"8589934592G",          // 2^33 GiB = 2^63 bytes: wraps to a negative
		"17179869184g",         // 2^34 GiB: wraps to 0
		"99999999999999999999", // past int64, no unit
	} {
		got, err := ParseSize(in)
		if err == nil || !strings.Contains(err.Error(), "too large") {
			t.Errorf("ParseSize(%q) = %d, %v; want a too-large error", in, got, err)
		}
	}
}

// TestReadFileHugeLimit: a limit at math.MaxInt64 still reads the file
// (io.LimitReader with max+1 overflowed and read nothing).
func TestReadFileHugeLimit(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a.txt")
	write(t, p, "hello")
	if data, err := ReadFile(p, math.MaxInt64); err != nil || string(data) != "hello" {
		t.Errorf("ReadFile(max int64) = %q, %v; want the file", data, err)
	}
}

// TestTooLargeGivesBytes: one byte over the limit must not read as "64.0
// MiB, the limit is 64.0 MiB".
func TestTooLargeGivesBytes(t *testing.T) {
	p := filepath.Join(t.TempDir(), "big.txt")
	const limit = 1<<20 + 3
	write(t, p, strings.Repeat("x", limit+1))
	_, err := ReadFile(p, limit)
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "1048580 bytes, the limit is 1048579") {
		t.Errorf("file one byte over: err = %v; want both sizes in bytes", err)
	}
	_, err = readLimited(strings.NewReader(strings.Repeat("x", limit+1)), limit)
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "more than 1048579 bytes") {
		t.Errorf("stdin one byte over: err = %v; want the limit in bytes", err)
	}
}

// TestLoadFS loads from a file system as from disk: paths under the root
// name, parse errors and the size limit per file, in order.
func TestLoadFS(t *testing.T) {
	fsys := fstest.MapFS{
		"a.txt":   {Data: []byte("Title\n\n“We will build it,” said Jane Doe.\n")},
		"big.txt": {Data: bytes.Repeat([]byte("word "), 100)},
	}
	res := LoadFS(t.Context(), fsys, "samples", []string{"a.txt", "big.txt", "gone.txt"}, Options{MaxSize: 200})
	if len(res) != 3 {
		t.Fatalf("%d results", len(res))
	}
	if res[0].Err != nil || res[0].Path != "samples/a.txt" || res[0].Briefing == nil || res[0].Briefing.Path != "samples/a.txt" {
		t.Errorf("a.txt: %+v", res[0])
	}
	if !errors.Is(res[1].Err, ErrTooLarge) {
		t.Errorf("big.txt: %v, want too large", res[1].Err)
	}
	if res[2].Err == nil || res[2].Path != "samples/gone.txt" {
		t.Errorf("gone.txt: %+v", res[2])
	}
}
