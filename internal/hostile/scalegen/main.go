// Command scalegen writes the scaling shapes of package hostile to files,
// for scripts/scale.sh: scalegen DIR SIZE... writes DIR/SHAPE-SIZE.EXT for
// every shape and size (sizes in bytes).
package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"github.com/brief-reader/brief/internal/hostile"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "scalegen:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	if len(args) < 2 {
		return errors.New("usage: scalegen DIR SIZE")
	}
	dir := args[0]
	for _, a := range args[1:] {
		size, err := strconv.Atoi(a)
		if err != nil || size <= 0 {
			return fmt.Errorf("bad size %q: want a number of bytes", a)
		}
		for _, sh := range hostile.Shapes() {
			path := filepath.Join(dir, fmt.Sprintf("%s-%d%s", sh.Name, size, sh.Ext))
			if err := os.WriteFile(path, sh.Build(size), 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}
