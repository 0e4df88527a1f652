package e2e

import (
	"os/exec"
	"syscall"
)

// dieWithParent has Linux stop the program if the test binary dies
// without cleaning up (a panic, a timeout), so no server outlives a run.
// The signal is tied to the thread that started the child, which is why
// TestMain locks itself to its thread.
func dieWithParent(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGTERM}
}
