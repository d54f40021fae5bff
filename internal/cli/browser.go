package cli

import (
	"errors"
	"net/url"
	"os/exec"
	"runtime"
)

// openInBrowser opens an http or https address with the desktop's opener:
// xdg-open, open on macOS, the URL handler on Windows. The opener runs on
// its own (started, waited for in the background) with no terminal, so
// nothing it prints reaches the reader's screen.
func openInBrowser(u string) error {
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return errors.New("not a web address")
	}
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", u)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", u)
	default:
		cmd = exec.Command("xdg-open", u)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	go func() { _ = cmd.Wait() }()
	return nil
}
