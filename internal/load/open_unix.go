//go:build unix

package load

import "syscall"

// openFlags makes opening never block: a file swapped for a FIFO between
// the check and the open must not hang the reader.
const openFlags = syscall.O_NONBLOCK
