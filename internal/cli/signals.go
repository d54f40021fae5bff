package cli

import (
	"context"
	"os"
	"os/signal"
	"sync"
	"syscall"
)

// stopSignals stop the reader: the terminal is restored (alternate screen
// left, cursor shown, mouse tracking off, cooked mode) and brief exits with
// 128 + the signal's number, as a shell reports a command killed by it.
var stopSignals = []os.Signal{syscall.SIGHUP, syscall.SIGINT, syscall.SIGTERM}

// signalWatch cancels a context on the first stop signal and remembers
// which signal it was.
type signalWatch struct {
	ch       chan os.Signal
	done     chan struct{}
	finished chan struct{}
	once     sync.Once
	got      os.Signal
}

// watchSignals starts catching stopSignals; cancel is called on the first.
func watchSignals(cancel context.CancelFunc) *signalWatch {
	w := &signalWatch{ch: make(chan os.Signal, 1), done: make(chan struct{}), finished: make(chan struct{})}
	signal.Notify(w.ch, stopSignals...)
	go func() {
		defer close(w.finished)
		select {
		case s := <-w.ch:
			w.got = s
			cancel()
		case <-w.done:
		}
	}()
	return w
}

// stop stops catching signals and returns the one that stopped the
// reader, or nil. It may be called more than once.
func (w *signalWatch) stop() os.Signal {
	w.once.Do(func() {
		signal.Stop(w.ch)
		close(w.done)
		<-w.finished
	})
	return w.got
}

// signalExitCode is the exit code after signal s: 129 for SIGHUP, 130 for
// SIGINT, 143 for SIGTERM.
func signalExitCode(s os.Signal) int {
	if n, ok := s.(syscall.Signal); ok {
		return 128 + int(n)
	}
	return exitSkipped
}
