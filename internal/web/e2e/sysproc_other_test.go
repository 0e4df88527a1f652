//go:build !linux

package e2e

import "os/exec"

// dieWithParent does nothing where the system cannot tie a child's life
// to its parent's; TestMain's cleanup stops the program.
func dieWithParent(*exec.Cmd) {}
