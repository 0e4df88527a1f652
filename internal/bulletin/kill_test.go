package bulletin_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/bulletin"
	"github.com/proximite/proximite/internal/mail"
	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

// TestSenderProcess is the sending process of TestKillAndRestart: the
// test binary started again with PROXIMITE_BULLETIN_CHILD set, which
// drains the queue as "proximite bulletin send" does, and exits.
func TestSenderProcess(t *testing.T) {
	if os.Getenv("PROXIMITE_BULLETIN_CHILD") == "" {
		t.Skip("run by TestKillAndRestart")
	}
	ctx := context.Background()
	db, err := sqlstore.Open(ctx, os.Getenv("PROXIMITE_BULLETIN_DSN"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s, err := mail.New(os.Getenv("PROXIMITE_BULLETIN_SMTP"), "", "Proximité <bulletin@proximite.example.org>")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := (&bulletin.Sender{Queue: db, Mail: s, BaseURL: base}).Drain(ctx); err != nil {
		t.Fatal(err)
	}
}

// recipients is how many subscribers TestKillAndRestart sends to:
// PROXIMITE_BULLETIN_N, or 1,000 under the race detector or -short
// (the suite's run, where it takes seconds), or 10,000.
func recipients(t *testing.T) int {
	if v := os.Getenv("PROXIMITE_BULLETIN_N"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 10 {
			t.Fatalf("PROXIMITE_BULLETIN_N=%q: want a number of at least 10", v)
		}
		return n
	}
	if testing.Short() || raceEnabled {
		return 1000
	}
	return 10_000
}

// TestKillAndRestart sends an issue to many subscribers through a real
// SMTP server from a separate process, kills that process (SIGKILL)
// twice and starts it again, and checks that every subscriber received
// the issue exactly once. The first kill falls between two messages,
// when the sender opens its next one; the second in the middle of a
// message, while the server reads its content. The server does the
// killing itself, at those steps, so the test does not depend on timing.
func TestKillAndRestart(t *testing.T) {
	for _, dialect := range sqltest.Dialects {
		t.Run(dialect, func(t *testing.T) { killAndRestart(t, dialect) })
	}
}

func killAndRestart(t *testing.T, dialect string) {
	n := recipients(t)
	ctx := context.Background()
	dsn := sqltest.DSN(t, dialect)
	db := sqltest.OpenDSN(t, dsn)
	rows := make([]proximite.SubscriberImport, n)
	for i := range rows {
		rows[i] = proximite.SubscriberImport{Line: i + 2, Email: fmt.Sprintf("abonne%05d@example.org", i), Lang: []string{"fr", "en"}[i%2],
			ConsentAt: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}
	}
	if _, err := db.ImportSubscribers(ctx, rows); err != nil {
		t.Fatal(err)
	}
	issue := &proximite.Issue{Subject: proximite.T("fr", "Numéro d'essai", "en", "Test issue"),
		Body: proximite.T("fr", "Bonjour.", "en", "Hello.")}
	if err := db.CreateIssue(ctx, issue); err != nil {
		t.Fatal(err)
	}
	if q, err := db.QueueIssue(ctx, issue.Number); err != nil || q != n {
		t.Fatalf("queued %d, %v", q, err)
	}

	in := &inbox{}
	var mu sync.Mutex
	var child *exec.Cmd
	var exited chan struct{}
	kills := 0
	// kill ends the sending process and waits until it is gone, so that
	// nothing of it reaches the server afterwards.
	kill := func() error {
		mu.Lock()
		c, done := child, exited
		kills++
		mu.Unlock()
		c.Process.Kill()
		<-done
		return &smtp.SMTPError{Code: 421, Message: "sender killed by the test"}
	}
	// once reports whether a kill point is reached for the first time.
	var killed sync.Map
	once := func(point string) bool { _, done := killed.LoadOrStore(point, true); return !done }
	in.onMail = func(got int) error {
		if got == n/3 && once("mail") {
			return kill()
		}
		return nil
	}
	in.onData = func(got int) error {
		if got == 2*n/3 && once("data") {
			return kill()
		}
		return nil
	}

	in.start(t)
	start := time.Now()
	runs := 0
	for {
		runs++
		if runs > 3 {
			t.Fatalf("the sender did not finish in 3 runs")
		}
		c := exec.Command(os.Args[0], "-test.run=^TestSenderProcess$", "-test.count=1")
		c.Env = append(os.Environ(), "PROXIMITE_BULLETIN_CHILD=1", "PROXIMITE_BULLETIN_DSN="+dsn, "PROXIMITE_BULLETIN_SMTP="+in.URL())
		var out strings.Builder
		c.Stdout, c.Stderr = &out, &out
		mu.Lock()
		child, exited = c, make(chan struct{})
		if err := c.Start(); err != nil {
			mu.Unlock()
			t.Fatal(err)
		}
		k := kills
		mu.Unlock()
		err := c.Wait()
		close(exited)
		mu.Lock()
		wasKilled := kills > k
		mu.Unlock()
		if wasKilled {
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ProcessState.Success() {
				t.Fatalf("run %d: killed, but exited with %v", runs, err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("run %d: %v\n%s", runs, err, out.String())
		}
		break
	}
	elapsed := time.Since(start)

	got := in.messages()
	ids, to := map[string]int{}, map[string]int{}
	for _, m := range got {
		ids[m.Header.Get("Message-ID")]++
		to[m.To]++
	}
	mu.Lock()
	defer mu.Unlock()
	if len(got) != n || len(ids) != n || len(to) != n {
		t.Errorf("received %d messages, %d distinct Message-IDs, %d distinct recipients; want %d of each", len(got), len(ids), len(to), n)
	}
	if kills != 2 || runs != 3 {
		t.Errorf("%d kills in %d runs, want 2 kills and 3 runs", kills, runs)
	}
	counts, err := db.CountQueue(ctx, issue.ID)
	if err != nil || counts[proximite.DeliverySent] != n {
		t.Errorf("queue: %v, %v; want %d sent", counts, err, n)
	}
	t.Logf("%s: %d messages in %v with 2 kills and restarts: %.0f messages/s", dialect, n, elapsed.Round(time.Millisecond), float64(n)/elapsed.Seconds())
}
