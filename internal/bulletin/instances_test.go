package bulletin_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/bulletin"
	"github.com/proximite/proximite/internal/mail"
	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

// queueIssue imports n confirmed subscribers and queues an issue to them.
func queueIssue(t *testing.T, db *sqlstore.DB, n int) {
	t.Helper()
	ctx := context.Background()
	rows := make([]proximite.SubscriberImport, n)
	for i := range rows {
		rows[i] = proximite.SubscriberImport{Line: i + 2, Email: fmt.Sprintf("s%04d@example.org", i), Lang: "fr", ConsentAt: time.Now()}
	}
	if _, err := db.ImportSubscribers(ctx, rows); err != nil {
		t.Fatal(err)
	}
	issue := &proximite.Issue{Subject: proximite.T("fr", "S", "en", "S"), Body: proximite.T("fr", "B", "en", "B")}
	if err := db.CreateIssue(ctx, issue); err != nil {
		t.Fatal(err)
	}
	if _, err := db.QueueIssue(ctx, issue.Number); err != nil {
		t.Fatal(err)
	}
}

// Several instances on PostgreSQL, each with its own pool, work one
// queue at once: each row is claimed by one of them (FOR UPDATE SKIP
// LOCKED), and every subscriber receives the issue once.
func TestInstancesShareTheQueue(t *testing.T) {
	const n, instances = 300, 3
	dsn := sqltest.DSN(t, "postgres")
	db := sqltest.OpenDSN(t, dsn)
	queueIssue(t, db, n)
	in := startInbox(t)
	var wg sync.WaitGroup
	sent := make([]int, instances)
	for k := range instances {
		other, err := sqlstore.Open(context.Background(), dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer other.Close()
		s, _ := mail.New(in.URL(), "", "bulletin@proximite.example.org")
		wg.Add(1)
		go func() {
			defer wg.Done()
			st, err := (&bulletin.Sender{Queue: other, Mail: s, BaseURL: base}).Drain(context.Background())
			if err != nil {
				t.Errorf("instance %d: %v", k, err)
			}
			sent[k] = st.Sent
		}()
	}
	wg.Wait()
	to := map[string]int{}
	for _, m := range in.messages() {
		to[m.To]++
	}
	total := 0
	for _, k := range sent {
		total += k
	}
	if len(in.messages()) != n || len(to) != n || total != n {
		t.Errorf("%d messages to %d recipients, %d counted sent by %v; want %d of each", len(in.messages()), len(to), total, sent, n)
	}
}

// On SQLite one process sends at a time: a second sender is told so and
// sends nothing.
func TestSecondSenderWaitsOnSQLite(t *testing.T) {
	db := sqltest.Open(t, "sqlite")
	release, ok, err := db.LockSender()
	if err != nil || !ok {
		t.Fatalf("lock: %v %v", ok, err)
	}
	in := startInbox(t)
	s, _ := mail.New(in.URL(), "", "bulletin@proximite.example.org")
	queueIssue(t, db, 3)
	if _, err := (&bulletin.Sender{Queue: db, Mail: s, BaseURL: base}).Drain(context.Background()); !errors.Is(err, bulletin.ErrBusy) {
		t.Errorf("second sender: %v, want ErrBusy", err)
	}
	release()
	if st, err := (&bulletin.Sender{Queue: db, Mail: s, BaseURL: base}).Drain(context.Background()); err != nil || st.Sent != 3 {
		t.Errorf("once released: %+v, %v", st, err)
	}
}

// The rate holds: 11 messages at 50 a second take at least 200 ms.
func TestRate(t *testing.T) {
	db := sqltest.Open(t, "sqlite")
	queueIssue(t, db, 11)
	in := startInbox(t)
	s, _ := mail.New(in.URL(), "", "bulletin@proximite.example.org")
	start := time.Now()
	st, err := (&bulletin.Sender{Queue: db, Mail: s, BaseURL: base, Rate: 50}).Drain(context.Background())
	if err != nil || st.Sent != 11 {
		t.Fatalf("drain: %+v, %v", st, err)
	}
	if d := time.Since(start); d < 200*time.Millisecond {
		t.Errorf("11 messages at 50/s took %v, want at least 200ms", d)
	}
}
