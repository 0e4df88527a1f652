package e2e

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"
)

// program is the real proximite binary serving a fresh SQLite registry,
// as a visitor's browser meets it.
type program struct {
	cmd    *exec.Cmd
	url    string        // http://127.0.0.1:PORT, read from the program's stdout
	output *watchWriter  // stdout and stderr together, for failure messages
	exited chan struct{} // closed when the process has ended
}

// moduleRoot returns the directory of go.mod above the working directory,
// which go test sets to the package's own.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}

// buildProgram compiles cmd/proximite into dir once for the whole run, so
// that the tests exercise the binary users run, not an in-process copy.
func buildProgram(dir string) (string, error) {
	root, err := moduleRoot()
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "proximite")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/proximite")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build ./cmd/proximite: %w\n%s", err, out)
	}
	return bin, nil
}

// startProgram runs `proximite serve` on a fresh database in dir, on a port
// the system picks, and returns once the program has said where it listens
// and answered /healthz. A fresh database loads the demonstration registry.
// env adds NAME=VALUE settings to the test's environment.
func startProgram(bin, dir string, env ...string) (*program, error) {
	p := &program{
		output: &watchWriter{prefix: "Proximité: ", found: make(chan string, 1)},
		exited: make(chan struct{}),
	}
	p.cmd = exec.Command(bin, "serve",
		"-database", "sqlite:"+filepath.Join(dir, "e2e.db"),
		"-addr", "127.0.0.1:0")
	p.cmd.Env = append(os.Environ(), env...)
	p.cmd.Stdout = p.output
	p.cmd.Stderr = p.output
	dieWithParent(p.cmd)
	if err := p.cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", bin, err)
	}
	go func() {
		p.cmd.Wait() // the exit status is read from ProcessState in stop
		close(p.exited)
	}()

	// A fresh registry migrates and loads the demonstration data first,
	// which takes about a second; a minute means something is wrong.
	select {
	case p.url = <-p.output.found:
	case <-p.exited:
		return nil, fmt.Errorf("proximite serve exited before listening:\n%s", p.output)
	case <-time.After(time.Minute):
		p.cmd.Process.Kill()
		return nil, fmt.Errorf("proximite serve did not print its address within a minute:\n%s", p.output)
	}
	if err := p.healthy(); err != nil {
		p.stop()
		return nil, err
	}
	return p, nil
}

// healthy checks /healthz. The program prints its address only once it
// listens, so one request is enough: no polling loop.
func (p *program) healthy() error {
	client := &http.Client{Timeout: 10 * time.Second}
	resp, err := client.Get(p.url + "/healthz")
	if err != nil {
		return fmt.Errorf("healthz: %w", err)
	}
	defer resp.Body.Close()
	var health struct{ Status string }
	if err := json.NewDecoder(resp.Body).Decode(&health); err != nil || resp.StatusCode != http.StatusOK || health.Status != "ok" {
		return fmt.Errorf("healthz: status %d, body status %q (%v)", resp.StatusCode, health.Status, err)
	}
	return nil
}

// stop asks the program to shut down as a service manager does (SIGTERM)
// and checks that it finishes in-flight work and exits with status 0.
func (p *program) stop() error {
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		return fmt.Errorf("send SIGTERM: %w", err)
	}
	select {
	case <-p.exited:
	case <-time.After(20 * time.Second):
		p.cmd.Process.Kill()
		<-p.exited
		return fmt.Errorf("proximite serve still running 20 s after SIGTERM; killed:\n%s", p.output)
	}
	if code := p.cmd.ProcessState.ExitCode(); code != 0 {
		return fmt.Errorf("proximite serve exited with status %d after SIGTERM, want 0:\n%s", code, p.output)
	}
	if !strings.Contains(p.output.String(), "shutting down") {
		return fmt.Errorf("proximite serve exited without logging its shutdown:\n%s", p.output)
	}
	return nil
}

// watchWriter keeps what the program writes and reports, once, the rest
// of the first line that starts with prefix. exec copies the program's
// output into it from its own goroutines, hence the lock.
type watchWriter struct {
	prefix string
	found  chan string

	mu       sync.Mutex
	buf      bytes.Buffer
	scanned  int // bytes of buf already looked at for the prefix
	reported bool
}

func (w *watchWriter) Write(b []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(b)
	for !w.reported {
		rest := w.buf.Bytes()[w.scanned:]
		line, _, ok := bytes.Cut(rest, []byte("\n"))
		if !ok {
			break
		}
		w.scanned += len(line) + 1
		if v, ok := strings.CutPrefix(string(line), w.prefix); ok {
			w.found <- strings.TrimSpace(v)
			w.reported = true
		}
	}
	return len(b), nil
}

// String returns everything written so far.
func (w *watchWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}
