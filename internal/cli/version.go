package cli

import (
	"fmt"
	"runtime/debug"
)

// BuildInfo says which build of brief this is. The release build sets it
// with -ldflags; `go install` leaves it empty and the module's build info
// fills it in.
type BuildInfo struct {
	Version, Commit, Date string
}

// resolve fills empty fields from the Go build info.
func (b BuildInfo) resolve() BuildInfo {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		if b.Version == "" {
			b.Version = "dev"
		}
		return b
	}
	if b.Version == "" {
		b.Version = info.Main.Version
		if b.Version == "" || b.Version == "(devel)" {
			b.Version = "dev"
		}
	}
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			if b.Commit == "" {
				b.Commit = s.Value
			}
		case "vcs.time":
			if b.Date == "" {
				b.Date = s.Value
			}
		case "vcs.modified":
			if s.Value == "true" && b.Commit != "" && len(b.Commit) <= 40 {
				b.Commit += "-dirty"
			}
		}
	}
	return b
}

func (b BuildInfo) String() string {
	s := "brief " + b.Version
	if b.Commit != "" {
		c := b.Commit
		if len(c) > 12 {
			c = c[:12]
		}
		s += fmt.Sprintf(" (commit %s", c)
		if b.Date != "" {
			s += ", built " + b.Date
		}
		s += ")"
	}
	return s
}
