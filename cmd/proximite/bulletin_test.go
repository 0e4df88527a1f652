package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

// TestBulletinSend drains the queue to the outbox and exits; a second
// run finds nothing to send. A bad rate is refused before anything runs.
func TestBulletinSend(t *testing.T) {
	ctx := context.Background()
	dsn := sqltest.DSN(t, "sqlite")
	m, out := testMain(t, dsn)
	m.Config.Outbox, m.Config.BaseURL = filepath.Join(t.TempDir(), "outbox"), "https://proximite.example"
	db := sqltest.OpenDSN(t, dsn)
	if _, err := db.ImportSubscribers(ctx, []proximite.SubscriberImport{
		{Line: 2, Email: "awa@exemple.sn", Lang: "fr", ConsentAt: time.Now()},
		{Line: 3, Email: "jane@example.ca", Lang: "en", ConsentAt: time.Now()},
	}); err != nil {
		t.Fatal(err)
	}
	issue := &proximite.Issue{Subject: proximite.T("fr", "Hiver", "en", "Winter"), Body: proximite.T("fr", "Bonjour.", "en", "Hello.")}
	if err := db.CreateIssue(ctx, issue); err != nil {
		t.Fatal(err)
	}
	if _, err := db.QueueIssue(ctx, 1); err != nil {
		t.Fatal(err)
	}

	m.Config.BulletinRate = "vite"
	if err := m.Run(ctx, []string{"bulletin", "send"}); err == nil || !strings.Contains(err.Error(), "PROXIMITE_BULLETIN_RATE") {
		t.Errorf("bad rate: %v", err)
	}
	if err := m.Run(ctx, []string{"bulletin", "send", "-rate", "0"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "bulletin: 2 sent") {
		t.Errorf("output: %s", out)
	}
	files, _ := os.ReadDir(m.Config.Outbox)
	if len(files) != 2 {
		t.Errorf("%d messages in the outbox, want 2", len(files))
	}
	out.Reset()
	if err := m.Run(ctx, []string{"bulletin", "send"}); err != nil || !strings.Contains(out.String(), "bulletin: 0 sent") {
		t.Errorf("second run: %v, %s", err, out)
	}
	if err := m.Run(ctx, []string{"bulletin"}); err == nil {
		t.Error("bulletin without send: no error")
	}
}
