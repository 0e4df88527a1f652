//go:build unix

package sqlstore

import (
	"errors"
	"os"
	"syscall"
)

// lockFile takes an exclusive lock on a file without waiting; the system
// releases it when the file is closed or the process ends, however.
func lockFile(path string) (func(), bool, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, false, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, false, nil
		}
		return nil, false, err
	}
	return func() { f.Close() }, true, nil
}
