package sqlstore_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

// subscriberState reads a subscriber's state, "" when absent.
func subscriberState(t *testing.T, db *sqlstore.DB, email string) proximite.SubscriberState {
	t.Helper()
	s, err := db.FindSubscriber(context.Background(), email)
	if proximite.ErrorCode(err) == proximite.ENOTFOUND {
		return ""
	} else if err != nil {
		t.Fatal(err)
	}
	return s.State
}

func TestBulletinSubscription(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		now := time.Date(2030, 3, 1, 9, 0, 0, 0, time.UTC)
		db.Now = func() time.Time { return now }

		if _, err := db.Subscribe(ctx, "pas-une-adresse", "fr"); proximite.ErrorCode(err) != proximite.EINVALID {
			t.Errorf("invalid address: %v, want EINVALID", err)
		}
		if _, err := db.Subscribe(ctx, "a@exemple.org", "de"); proximite.ErrorCode(err) != proximite.EINVALID {
			t.Errorf("unknown language: %v, want EINVALID", err)
		}
		if got := subscriberState(t, db, "pas-une-adresse"); got != "" {
			t.Errorf("refused address stored as %q", got)
		}

		token, err := db.Subscribe(ctx, " Ana@Exemple.org ", "en")
		if err != nil || token == "" {
			t.Fatalf("subscribe: %q, %v", token, err)
		}
		// Asking again at once sends nothing more: the form cannot flood.
		if again, err := db.Subscribe(ctx, "ana@exemple.org", "en"); err != nil || again != "" {
			t.Errorf("second request at once: %q, %v; want no new token", again, err)
		}
		if got := subscriberState(t, db, "ana@exemple.org"); got != proximite.SubscriberPending {
			t.Errorf("before confirmation: %q", got)
		}
		if _, err := db.Confirm(ctx, token+"x"); proximite.ErrorCode(err) != proximite.ENOTFOUND {
			t.Errorf("altered confirmation: %v, want ENOTFOUND", err)
		}
		s, err := db.Confirm(ctx, token)
		if err != nil || s.State != proximite.SubscriberConfirmed || s.Lang != "en" {
			t.Fatalf("confirm: %+v, %v", s, err)
		}
		// The link works once; the second time says so and changes nothing.
		if _, err := db.Confirm(ctx, token); proximite.ErrorCode(err) != proximite.ECONFLICT || !strings.Contains(err.Error(), "already been used") {
			t.Errorf("replayed confirmation: %v, want ECONFLICT 'already been used'", err)
		}
		// A confirmed address asking again gets no message.
		if again, _ := db.Subscribe(ctx, "ana@exemple.org", "en"); again != "" {
			t.Error("confirmed address was sent a new confirmation")
		}

		unsub, err := db.UnsubscribeToken(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		// Cut, altered, or another subscriber's id under this one's
		// signature: all refused.
		for _, bad := range []string{"", "x", unsub[:len(unsub)-2] + "AA", "AAAAAAAAAAI." + strings.SplitN(unsub, ".", 2)[1], unsub + "A"} {
			if _, err := db.Unsubscribe(ctx, bad); proximite.ErrorCode(err) != proximite.EINVALID {
				t.Errorf("tampered token %q: %v, want EINVALID", bad, err)
			}
		}
		if got := subscriberState(t, db, "ana@exemple.org"); got != proximite.SubscriberConfirmed {
			t.Fatalf("after tampered tokens: %q, want still confirmed", got)
		}
		if s, err := db.Unsubscribe(ctx, unsub); err != nil || s.State != proximite.SubscriberUnsubscribed {
			t.Fatalf("unsubscribe: %+v, %v", s, err)
		}
		if _, err := db.Unsubscribe(ctx, unsub); err != nil {
			t.Errorf("unsubscribing twice: %v", err)
		}
		// The old confirmation link does not subscribe them again.
		if _, err := db.Confirm(ctx, token); proximite.ErrorCode(err) != proximite.ECONFLICT {
			t.Errorf("old confirmation after leaving: %v", err)
		}
		if got := subscriberState(t, db, "ana@exemple.org"); got != proximite.SubscriberUnsubscribed {
			t.Errorf("after the old link: %q", got)
		}
		// Coming back through the form means confirming again.
		back, err := db.Subscribe(ctx, "ana@exemple.org", "fr")
		if err != nil || back == "" {
			t.Fatalf("subscribe again: %q, %v", back, err)
		}
		if got := subscriberState(t, db, "ana@exemple.org"); got != proximite.SubscriberPending {
			t.Errorf("subscribed again: %q, want pending", got)
		}
		// Links expire.
		now = now.Add(sqlstore.ConfirmationTTL + time.Minute)
		if _, err := db.Confirm(ctx, back); proximite.ErrorCode(err) != proximite.EINVALID {
			t.Errorf("expired confirmation: %v, want EINVALID", err)
		}
	})
}

func TestBulletinImportAndQueue(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		consent := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
		_, err := db.ImportSubscribers(ctx, []proximite.SubscriberImport{
			{Line: 2, Email: "un@exemple.org", Lang: "fr", ConsentAt: consent},
			{Line: 3, Email: "faux", Lang: "fr", ConsentAt: consent},
			{Line: 4, Email: "deux@exemple.org", Lang: "xx"},
		})
		if err == nil || !strings.Contains(err.Error(), "line 3") || !strings.Contains(err.Error(), "line 4") {
			t.Fatalf("import with errors: %v, want lines 3 and 4 named", err)
		}
		if n, _ := db.ListSubscribers(ctx, 0); len(n) != 0 {
			t.Fatalf("a refused import wrote %d subscribers", len(n))
		}
		res, err := db.ImportSubscribers(ctx, []proximite.SubscriberImport{
			{Line: 2, Email: "un@exemple.org", Lang: "fr", ConsentAt: consent},
			{Line: 3, Email: "two@example.org", Lang: "en", ConsentAt: consent},
			{Line: 4, Email: "UN@exemple.org", Lang: "fr", ConsentAt: consent},
		})
		if err != nil || res.Added != 2 || res.Kept != 1 {
			t.Fatalf("import: %+v, %v", res, err)
		}
		// A pending subscriber receives nothing.
		if _, err := db.Subscribe(ctx, "pending@example.org", "en"); err != nil {
			t.Fatal(err)
		}
		counts, err := db.CountSubscribers(ctx)
		if err != nil || len(counts) != 3 {
			t.Fatalf("counts: %+v, %v", counts, err)
		}

		issue := &proximite.Issue{Subject: proximite.T("fr", "Sujet", "en", "Subject"), Body: proximite.T("fr", "Corps", "en", "Body")}
		if err := db.CreateIssue(ctx, issue); err != nil || issue.Number != 1 {
			t.Fatalf("create issue: %+v, %v", issue, err)
		}
		n, err := db.QueueIssue(ctx, 1)
		if err != nil || n != 2 {
			t.Fatalf("queue: %d, %v; want 2 (the confirmed only)", n, err)
		}
		if _, err := db.QueueIssue(ctx, 1); proximite.ErrorCode(err) != proximite.ECONFLICT {
			t.Errorf("queueing twice: %v, want ECONFLICT", err)
		}
		issue.Subject["fr"] = "Autre"
		if err := db.UpdateIssue(ctx, issue); proximite.ErrorCode(err) != proximite.ECONFLICT {
			t.Errorf("editing a sent issue: %v, want ECONFLICT", err)
		}

		release, ok, err := db.LockSender()
		if err != nil || !ok {
			t.Fatalf("lock sender: %v %v", ok, err)
		}
		defer release()
		seen := map[string]bool{}
		var last int64
		for {
			d, err := db.ClaimDelivery(ctx, last)
			if err != nil {
				t.Fatal(err)
			}
			if d == nil {
				break
			}
			last = d.ID
			if seen[d.Subscriber.Email] {
				t.Fatalf("%s claimed twice", d.Subscriber.Email)
			}
			seen[d.Subscriber.Email] = true
			if s, err := db.SubscriberByToken(ctx, d.UnsubscribeToken); err != nil || s.ID != d.Subscriber.ID {
				t.Errorf("delivery's unsubscribe token: %+v, %v", s, err)
			}
			if err := d.Finish(ctx, proximite.DeliverySent, ""); err != nil {
				t.Fatal(err)
			}
		}
		if len(seen) != 2 || !seen["un@exemple.org"] || !seen["two@example.org"] {
			t.Errorf("claimed %v", seen)
		}
		q, err := db.CountQueue(ctx, issue.ID)
		if err != nil || q[proximite.DeliverySent] != 2 {
			t.Errorf("queue counts: %v, %v", q, err)
		}
		next := &proximite.Issue{}
		if err := db.CreateIssue(ctx, next); err != nil || next.Number != 2 || next.Since.IsZero() {
			t.Errorf("second issue: %+v, %v; want number 2 since the first's sending", next, err)
		}
	})
}
