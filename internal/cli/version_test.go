package cli

import (
	"runtime/debug"
	"testing"
)

func TestBuildInfoResolve(t *testing.T) {
	const sha = "0123456789abcdef0123456789abcdef01234567"
	vcs := func(modified string) []debug.BuildSetting {
		return []debug.BuildSetting{
			{Key: "vcs", Value: "git"},
			{Key: "vcs.revision", Value: sha},
			{Key: "vcs.time", Value: "2026-01-02T03:04:05Z"},
			{Key: "vcs.modified", Value: modified},
		}
	}
	for _, tc := range []struct {
		name  string
		build BuildInfo
		info  *debug.BuildInfo
		want  BuildInfo
		text  string
	}{
		{
			name:  "release build: ldflags win over the VCS stamp",
			build: BuildInfo{Version: "1.2.3", Commit: sha, Date: "2026-02-03T04:05:06Z"},
			info:  &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20260102030405-0123456789ab+dirty"}, Settings: vcs("true")},
			want:  BuildInfo{Version: "1.2.3", Commit: sha, Date: "2026-02-03T04:05:06Z"},
			text:  "brief 1.2.3 (commit 0123456789ab, built 2026-02-03T04:05:06Z)",
		},
		{
			name: "go install module@version: no VCS stamp",
			info: &debug.BuildInfo{Main: debug.Module{Version: "v1.2.3"}},
			want: BuildInfo{Version: "v1.2.3"},
			text: "brief v1.2.3",
		},
		{
			name: "go build in a clean checkout",
			info: &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20260102030405-0123456789ab"}, Settings: vcs("false")},
			want: BuildInfo{Version: "v0.0.0-20260102030405-0123456789ab", Commit: sha, Date: "2026-01-02T03:04:05Z"},
			text: "brief v0.0.0-20260102030405-0123456789ab (commit 0123456789ab, built 2026-01-02T03:04:05Z)",
		},
		{
			name: "go build in a checkout with changes",
			info: &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("true")},
			want: BuildInfo{Version: "dev", Commit: sha + "-dirty", Date: "2026-01-02T03:04:05Z"},
			text: "brief dev (commit 0123456789ab-dirty, built 2026-01-02T03:04:05Z)",
		},
		{
			name: "go build -buildvcs=false",
			info: &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}},
			want: BuildInfo{Version: "dev"},
			text: "brief dev",
		},
		{
			name: "no build info",
			want: BuildInfo{Version: "dev"},
			text: "brief dev",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.build.resolveFrom(tc.info, tc.info != nil)
			if got != tc.want {
				t.Errorf("resolve = %+v, want %+v", got, tc.want)
			}
			if s := got.String(); s != tc.text {
				t.Errorf("String() = %q, want %q", s, tc.text)
			}
		})
	}
}
