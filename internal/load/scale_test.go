package load_test

import (
	"fmt"
	"io"
	"runtime"
	"testing"

	"github.com/brief-reader/brief/internal/briefing"
	"github.com/brief-reader/brief/internal/export"
	"github.com/brief-reader/brief/internal/hostile"
	"github.com/brief-reader/brief/internal/parse"
	"github.com/brief-reader/brief/internal/topics"
)

// exportOne does what `brief export` does to one file: parse, classify,
// write JSON.
func exportOne(c *topics.Classifier, name string, data []byte) error {
	b, err := parse.Parse(name, data, parse.Options{})
	if err != nil {
		return err
	}
	c.Apply(b)
	return export.Write(io.Discard, export.JSON, []*briefing.Briefing{b}, briefing.Filter{})
}

// allocated returns the bytes and objects f allocates.
func allocated(f func()) (bytes, objects uint64) {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc, after.Mallocs - before.Mallocs
}

// maxStepGrowth is how much more a 4× larger input may cost: linear growth
// with some slack for tables that double.
const maxStepGrowth = 5.0

// TestScalingIsLinear checks, for every hostile.Shape, that 4× the input
// costs at most maxStepGrowth× the bytes and objects allocated to parse,
// classify and export it. Allocations, unlike wall time, do not depend on
// the machine's load. scripts/scale.sh measures the same shapes to 4 MiB as
// wall time and peak memory.
func TestScalingIsLinear(t *testing.T) {
	sizes := []int{16 << 10, 64 << 10, 256 << 10}
	if testing.Short() {
		sizes = sizes[:2]
	}
	tax := topics.Default()
	for _, sh := range hostile.Shapes() {
		t.Run(sh.Name, func(t *testing.T) {
			var prevBytes, prevObjects uint64
			for i, size := range sizes {
				data := sh.Build(size)
				name := sh.Name + sh.Ext
				// A new classifier each time: one that has run keeps its
				// buffers, which would hide what a run allocates.
				c := topics.NewClassifier(tax)
				// And no name runs remembered from the shapes and sizes
				// before: they made the smaller input look cheaper.
				parse.ForgetNames()
				var err error
				bytes, objects := allocated(func() { err = exportOne(c, name, data) })
				if err != nil {
					t.Fatal(err)
				}
				t.Logf("%7d B in: %10d B, %8d objects allocated (%.1f B/B)", len(data), bytes, objects, float64(bytes)/float64(len(data)))
				if i > 0 {
					if g := float64(bytes) / float64(prevBytes); g > maxStepGrowth {
						t.Errorf("%d → %d B: bytes allocated grew %.1f×, want at most %.0f×", sizes[i-1], size, g, maxStepGrowth)
					}
					if g := float64(objects) / float64(prevObjects); g > maxStepGrowth {
						t.Errorf("%d → %d B: objects allocated grew %.1f×, want at most %.0f×", sizes[i-1], size, g, maxStepGrowth)
					}
				}
				prevBytes, prevObjects = bytes, objects
			}
		})
	}
}

// BenchmarkScale parses, classifies and exports each shape at each size.
// Compare ns/op and B/op across sizes: each 4× step should cost about 4×.
func BenchmarkScale(b *testing.B) {
	c := topics.NewClassifier(nil)
	for _, sh := range hostile.Shapes() {
		for _, size := range []int{64 << 10, 256 << 10, 1 << 20} {
			data := sh.Build(size)
			b.Run(fmt.Sprintf("%s/%dKiB", sh.Name, size>>10), func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(len(data)))
				for b.Loop() {
					if err := exportOne(c, sh.Name+sh.Ext, data); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
