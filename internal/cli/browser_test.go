package cli

import "testing"

// TestOpenInBrowserRefusesOtherSchemes checks that only web addresses reach
// the desktop's opener, never a file, a script or an option.
func TestOpenInBrowserRefusesOtherSchemes(t *testing.T) {
	for _, u := range []string{"file:///etc/passwd", "javascript:alert(1)", "-h", "", "https://"} {
		if err := openInBrowser(u); err == nil {
			t.Errorf("openInBrowser(%q) = nil, want a refusal", u)
		}
	}
}
