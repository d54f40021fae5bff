package cli

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
)

func TestExportURLs(t *testing.T) {
	page, err := os.ReadFile("../web/testdata/news-article.html")
	if err != nil {
		t.Fatal(err)
	}
	var ua string
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/story":
			ua = r.Header.Get("User-Agent")
			w.Header().Set("Content-Type", "text/html")
			w.Write(page)
		default:
			http.NotFound(w, r)
		}
	}))
	defer s.Close()

	out, errOut, code := runCLI(t, "", "export", s.URL+"/story", s.URL+"/gone")
	if code != exitSkipped || errOut != "brief: skipping "+s.URL+"/gone: HTTP error: 404 Not Found\n" {
		t.Errorf("exit %d, stderr %q; want 1 and one line naming the URL and the cause", code, errOut)
	}
	var doc struct {
		Briefings []struct {
			Path, Title, Source string
			SourceURL           string `json:"source_url"`
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || len(doc.Briefings) != 1 {
		t.Fatalf("JSON: %v\n%s", err, out)
	}
	b := doc.Briefings[0]
	if b.Path != s.URL+"/story" || b.Source != "Global Wire" || b.SourceURL != "https://www.globalwire.example/world/asia/india-japan-space-defence-2026-03-07/" {
		t.Errorf("briefing %+v", b)
	}
	if ua != "brief/test (+https://github.com/brief-reader/brief)" {
		t.Errorf("User-Agent %q", ua)
	}

	out, _, code = runCLI(t, "", "export", "--format", "text", s.URL+"/story")
	if code != exitOK || !strings.Contains(out, "· https://www.globalwire.example/world/asia/india-japan-space-defence-2026-03-07/\n") {
		t.Errorf("text export (exit %d) does not cite the URL:\n%s", code, out)
	}
}

func TestURLUsageErrors(t *testing.T) {
	if _, errOut, code := runCLI(t, "", "export", "ftp://example.org/a.txt"); code != exitUsage ||
		errOut != "brief: ftp://example.org/a.txt: unsupported URL scheme \"ftp\" (brief fetches http and https)\n" {
		t.Errorf("ftp URL: exit %d, %q", code, errOut)
	}
	if _, errOut, code := runCLI(t, "", "export", "--timeout", "0s", "x.txt"); code != exitUsage || !strings.Contains(errOut, "--timeout") {
		t.Errorf("--timeout 0s: exit %d, %q", code, errOut)
	}
}
