//go:build !unix

package sqlstore

import "sync"

// Without flock, senders are serialised within the process only: run one
// process that sends per SQLite database.
var processLock sync.Mutex

func lockFile(path string) (func(), bool, error) {
	if !processLock.TryLock() {
		return nil, false, nil
	}
	return processLock.Unlock, true, nil
}
