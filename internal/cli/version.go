package cli

import (
	"runtime/debug"
	"strings"
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
	return b.resolveFrom(info, ok)
}

// resolveFrom fills the fields that the release build left empty: the
// version from the main module's version (`go install ...@v1.2.3`, or the
// pseudo-version `go build` stamps from git since Go 1.24), the commit and
// date from the VCS stamp (`go build` in a git checkout). A commit from the
// VCS stamp gets "-dirty" when the tree had changes; ldflags values are
// kept as they are.
func (b BuildInfo) resolveFrom(info *debug.BuildInfo, ok bool) BuildInfo {
	if ok && info != nil {
		if b.Version == "" && info.Main.Version != "(devel)" {
			b.Version = info.Main.Version
		}
		var revision, modified string
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				revision = s.Value
			case "vcs.time":
				if b.Date == "" {
					b.Date = s.Value
				}
			case "vcs.modified":
				modified = s.Value
			}
		}
		if b.Commit == "" && revision != "" {
			b.Commit = revision
			if modified == "true" {
				b.Commit += "-dirty"
			}
		}
	}
	if b.Version == "" {
		b.Version = "dev"
	}
	return b
}

// String is what `brief --version` prints: "brief 1.2.3 (commit 0123456789ab,
// built 2026-01-02T03:04:05Z)", or "brief dev" when nothing is known.
func (b BuildInfo) String() string {
	var details []string
	if b.Commit != "" {
		c, dirty, _ := strings.Cut(b.Commit, "-")
		if len(c) > 12 {
			c = c[:12]
		}
		if dirty != "" {
			c += "-" + dirty
		}
		details = append(details, "commit "+c)
	}
	if b.Date != "" {
		details = append(details, "built "+b.Date)
	}
	s := "brief " + b.Version
	if len(details) > 0 {
		s += " (" + strings.Join(details, ", ") + ")"
	}
	return s
}

// userAgent names brief and its version to web servers:
// "brief/1.2.3 (+https://github.com/brief-reader/brief)".
func userAgent(b BuildInfo) string {
	return "brief/" + b.Version + " (+https://github.com/brief-reader/brief)"
}
