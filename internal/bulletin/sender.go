package bulletin

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/textproto"
	"time"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/mail"
)

// Queue is what the sender needs of the store.
type Queue interface {
	LockSender() (release func(), ok bool, err error)
	ClaimDelivery(ctx context.Context, after int64) (*proximite.Delivery, error)
	FindIssueByID(ctx context.Context, id int64) (*proximite.Issue, error)
}

// ErrBusy says that another process is working the queue (on SQLite,
// one process sends at a time).
var ErrBusy = errors.New("another process is sending the bulletin")

// Sender works the queue: it claims a message, sends it, records that it
// went, and waits its turn before the next one.
//
// Each message is recorded as sent right after the SMTP server accepts
// it. A sender that dies in between (a SIGKILL after the server's "250"
// and before the commit, a window of a database write) leaves its message
// pending, and it goes again: a crash there can duplicate one message per
// sender, never lose one. The Message-ID is the same both times (see
// MessageID), so mail programs that collapse duplicates do. A death at
// any other moment neither loses nor duplicates anything.
type Sender struct {
	Queue   Queue
	Mail    mail.Sender
	BaseURL string
	// Rate is the most messages per second; 0 sends as fast as the
	// server answers.
	Rate float64
	Log  *slog.Logger

	wake chan struct{}
}

// Stats counts what a drain did.
type Stats struct {
	Sent, Failed, Skipped int
}

// Drain sends the queue until it is empty, and returns. It stops at the
// first temporary failure (the server is down, or busy) and returns it:
// the message stays in the queue for the next drain.
func (s *Sender) Drain(ctx context.Context) (Stats, error) {
	var st Stats
	release, ok, err := s.Queue.LockSender()
	if err != nil {
		return st, err
	} else if !ok {
		return st, ErrBusy
	}
	defer release()
	issues := map[int64]*proximite.Issue{}
	var interval time.Duration
	if s.Rate > 0 {
		interval = time.Duration(float64(time.Second) / s.Rate)
	}
	next := time.Now()
	conn := &connection{mail: s.Mail}
	// last is the queue row claimed last: a row this drain left pending
	// after a temporary failure waits for the next drain.
	var last int64
	defer conn.close()
	for {
		if wait := time.Until(next); wait > 0 {
			t := time.NewTimer(wait)
			select {
			case <-ctx.Done():
				t.Stop()
				return st, ctx.Err()
			case <-t.C:
			}
		}
		if err := ctx.Err(); err != nil {
			return st, err
		}
		d, err := s.Queue.ClaimDelivery(ctx, last)
		if err != nil || d == nil {
			return st, err
		}
		last = d.ID
		// The outcome is recorded even when ctx ends meanwhile: a message
		// the server accepted must be marked, or it would go twice.
		fctx := context.WithoutCancel(ctx)
		if d.Subscriber.State != proximite.SubscriberConfirmed {
			// They left after the issue was queued.
			st.Skipped++
			if err := d.Finish(fctx, proximite.DeliverySkipped, string(d.Subscriber.State)); err != nil {
				return st, err
			}
			continue
		}
		issue := issues[d.IssueID]
		if issue == nil {
			if issue, err = s.Queue.FindIssueByID(ctx, d.IssueID); err != nil {
				d.Finish(fctx, proximite.DeliveryPending, err.Error())
				return st, err
			}
			issues[d.IssueID] = issue
		}
		sendErr := conn.send(ctx, IssueMessage(issue, &d.Subscriber, d.UnsubscribeToken, s.BaseURL))
		switch {
		case sendErr == nil:
			if err := d.Finish(fctx, proximite.DeliverySent, ""); err != nil {
				return st, err
			}
			st.Sent++
		case permanent(sendErr):
			st.Failed++
			s.logger().Warn("bulletin refused for good", "issue", issue.Number, "subscriber", d.Subscriber.ID, "err", sendErr)
			if err := d.Finish(fctx, proximite.DeliveryFailed, sendErr.Error()); err != nil {
				return st, err
			}
		default:
			if err := d.Finish(fctx, proximite.DeliveryPending, sendErr.Error()); err != nil {
				return st, err
			}
			return st, fmt.Errorf("send bulletin %d to subscriber %d: %w", issue.Number, d.Subscriber.ID, sendErr)
		}
		if interval > 0 {
			next = next.Add(interval)
			if now := time.Now(); next.Before(now.Add(-interval)) {
				next = now // do not burst to catch up after a pause
			}
		}
	}
}

// permanent reports whether the server refused a message for good (a
// 5xx reply): sending it again would meet the same answer.
func permanent(err error) bool {
	var te *textproto.Error
	return errors.As(err, &te) && te.Code >= 500
}

// Wake makes a running Run look at the queue now, as after an issue is
// queued, rather than at its next tick.
func (s *Sender) Wake() {
	if s.wake == nil {
		return
	}
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// Prepare makes Wake work; Run calls it, and a caller that wakes the
// sender before Run starts calls it first.
func (s *Sender) Prepare() {
	if s.wake == nil {
		s.wake = make(chan struct{}, 1)
	}
}

// Run drains the queue whenever it is woken, and every poll otherwise
// (another instance may have queued an issue), until ctx ends. After a
// temporary failure it waits a poll before it tries again.
func (s *Sender) Run(ctx context.Context, poll time.Duration) {
	s.Prepare()
	for {
		st, err := s.Drain(ctx)
		if st.Sent+st.Failed+st.Skipped > 0 {
			s.logger().Info("bulletin sent", "sent", st.Sent, "failed", st.Failed, "skipped", st.Skipped)
		}
		if err != nil && !errors.Is(err, ErrBusy) && ctx.Err() == nil {
			s.logger().Error("bulletin sending paused", "err", err)
		}
		t := time.NewTimer(poll)
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-s.wake:
			t.Stop()
		case <-t.C:
		}
	}
}

func (s *Sender) logger() *slog.Logger {
	if s.Log == nil {
		return slog.Default()
	}
	return s.Log
}

// perConnection is how many messages go on one SMTP connection before
// the sender connects again: servers limit it, often near 100.
const perConnection = 100

// connection keeps an SMTP session across messages when the sender can
// (mail.Dialer), and sends each on its own connection otherwise (the
// outbox, a test's sender).
type connection struct {
	mail mail.Sender
	sess *mail.Session
	sent int
}

func (c *connection) send(ctx context.Context, m *mail.Message) error {
	d, ok := c.mail.(mail.Dialer)
	if !ok {
		return c.mail.Send(ctx, m)
	}
	if c.sess != nil && c.sent >= perConnection {
		c.close()
	}
	if c.sess == nil {
		sess, err := d.Dial(ctx)
		if err != nil {
			return err
		}
		c.sess, c.sent = sess, 0
	}
	err := c.sess.Send(ctx, m)
	c.sent++
	if mail.Broken(err) {
		c.sess.Abandon()
		c.sess = nil
	}
	return err
}

func (c *connection) close() {
	if c.sess != nil {
		c.sess.Close()
		c.sess = nil
	}
}
