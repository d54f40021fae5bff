//go:build linux

package topics

import (
	"github.com/brief-reader/brief/internal/briefing"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"
)

// threadCPU returns the CPU time the calling OS thread has used.
func threadCPU(t testing.TB) time.Duration {
	var ru syscall.Rusage
	const rusageThread = 1 // RUSAGE_THREAD
	if err := syscall.Getrusage(rusageThread, &ru); err != nil {
		t.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestClassifyCPUThroughput reports classification throughput in CPU time
// of one thread, which, unlike the wall time of benchmarks, holds on a
// machine busy with other work. Set BRIEF_CPU=1 to run it.
func TestClassifyCPUThroughput(t *testing.T) {
	if os.Getenv("BRIEF_CPU") == "" {
		t.Skip("set BRIEF_CPU=1 to measure")
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	c := NewClassifier(nil)
	for _, name := range []string{"00-seed-india-japan.txt", "05-wh-leavitt-briefing-2025-01-29.txt"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		b := parseForTest(t, name, data)
		c.Apply(b)
		const n = 300
		start := threadCPU(t)
		for range n {
			c.Apply(b)
		}
		cpu := threadCPU(t) - start
		mbps := float64(len(data)*n) / cpu.Seconds() / 1e6
		t.Logf("%s: warm %v CPU per Apply, %.1f MB/s of thread CPU time (GC work on other threads not counted)", name, cpu/n, mbps)
		// Cold: the first call of a fresh classifier, whose word cache
		// is empty.
		const fresh = 20
		var cold time.Duration
		for range fresh {
			fc := NewClassifier(nil)
			b := parseForTest(t, name, data)
			start := threadCPU(t)
			fc.Apply(b)
			cold += threadCPU(t) - start
		}
		t.Logf("%s: cold %v CPU per Apply, %.1f MB/s", name, cold/fresh, float64(len(data)*fresh)/cold.Seconds()/1e6)
	}
}

// BenchmarkClassifyCorpus measures Apply alone over every eighth page of
// the White House corpus (see corpusDir), parsed once before timing: the
// classifier's throughput over many briefings, whose word cache carries
// from one to the next as the loader's does. It skips when the corpus is
// not there. Besides wall time it reports the CPU time of the benchmark's
// thread per pass (cpu-ns/op) and throughput in it (cpu-MB/s), which hold
// better on a machine busy with other work.
func BenchmarkClassifyCorpus(b *testing.B) {
	files := corpusPages("")
	if len(files) == 0 {
		b.Skipf("no corpus at %s (set BRIEF_CORPUS)", corpusDir())
	}
	var brs []*briefing.Briefing
	size := 0
	for i := 0; i < len(files); i += 8 {
		data, err := os.ReadFile(files[i])
		if err != nil {
			b.Fatal(err)
		}
		brs = append(brs, parseForTest(b, files[i], data))
		size += len(data)
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	c := NewClassifier(nil)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	var cpu time.Duration
	for b.Loop() {
		start := threadCPU(b)
		for _, br := range brs {
			c.Apply(br)
		}
		cpu += threadCPU(b) - start
	}
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
	b.ReportMetric(float64(size)*float64(b.N)/cpu.Seconds()/1e6, "cpu-MB/s")
}
