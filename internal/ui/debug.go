package ui

import (
	"fmt"
	"time"
)

// debugLog records what --debug asks for: startup milestones, load and
// render times, slow updates. Options.Debug receives each line; the CLI
// writes them to a file from a goroutine of its own, so logging never
// blocks Update or View.
type debugLog struct {
	out          func(string)
	start        time.Time
	firstFrame   bool
	firstContent bool
}

func (d *debugLog) on() bool { return d != nil && d.out != nil }

func (d *debugLog) printf(format string, args ...any) {
	if !d.on() {
		return
	}
	d.out(fmt.Sprintf("%8.1f ms  ", float64(time.Since(d.start).Microseconds())/1000) + fmt.Sprintf(format, args...))
}

// slowUpdate is the time an Update may take before --debug reports it.
const slowUpdate = 8 * time.Millisecond
