package topics

import (
	_ "embed"
	"reflect"
	"testing"
)

//go:embed default.yaml
var defaultYAML []byte

// TestDefaultGenerated checks that the taxonomy built into the binary
// (default_gen.go) is what default.yaml says: editing the YAML without
// running go generate fails here.
func TestDefaultGenerated(t *testing.T) {
	parsed, err := Parse("default.yaml", defaultYAML)
	if err != nil {
		t.Fatalf("default.yaml: %v", err)
	}
	want, got := parsed.Topics(), Default().Topics()
	if len(got) != len(want) {
		t.Fatalf("default_gen.go has %d topics, default.yaml %d: run go generate ./internal/topics", len(got), len(want))
	}
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("topic %d (%s) differs between default_gen.go and default.yaml: run go generate ./internal/topics", i, want[i].ID)
		}
	}
}
