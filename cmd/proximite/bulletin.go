package main

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/bulletin"
	"github.com/proximite/proximite/internal/mail"
	"github.com/proximite/proximite/internal/sqlstore"
)

// defaultBulletinRate is how many bulletin messages a second go out when
// PROXIMITE_BULLETIN_RATE is not set: 2,300 members in four minutes,
// slow enough for the limits of a shared mail server.
const defaultBulletinRate = 10

// bulletinRate reads PROXIMITE_BULLETIN_RATE, messages per second; 0
// sends as fast as the server answers.
func (m *Main) bulletinRate() (float64, error) {
	if m.Config.BulletinRate == "" {
		return defaultBulletinRate, nil
	}
	r, err := strconv.ParseFloat(m.Config.BulletinRate, 64)
	if err != nil || r < 0 {
		return 0, proximite.Errorf(proximite.EINVALID,
			"PROXIMITE_BULLETIN_RATE: want messages per second, such as 10 or 0.5 (0 for no limit), got %q", m.Config.BulletinRate)
	}
	return r, nil
}

// bulletinSender is the sender of the bulletin's queue, as serve runs
// it in the background and "bulletin send" runs it once.
func (m *Main) bulletinSender(db *sqlstore.DB, s mail.Sender) (*bulletin.Sender, error) {
	rate, err := m.bulletinRate()
	if err != nil {
		return nil, err
	}
	return &bulletin.Sender{Queue: db, Mail: s, BaseURL: m.Config.BaseURL, Rate: rate, Log: m.Logger}, nil
}

// runBulletin runs "bulletin send": it sends what the queue holds (the
// issues a coordinator sent from the site) and exits, for a server that
// does not run "serve", or from a scheduler. Killed or stopped in the
// middle, it resumes where it was on its next run.
func (m *Main) runBulletin(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] != "send" {
		return proximite.Errorf(proximite.EINVALID, "usage: proximite bulletin send [--rate N]")
	}
	fs := m.flags("bulletin send")
	rate := fs.String("rate", m.Config.BulletinRate, "messages per second (default 10; 0: no limit)")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	m.Config.BulletinRate = *rate
	if _, err := m.bulletinRate(); err != nil {
		return err
	}
	s, err := mail.New(m.Config.SMTPURL, m.Config.Outbox, m.Config.MailFrom)
	if err != nil {
		return proximite.Errorf(proximite.EINVALID, "%v", err)
	}
	db, _, err := m.openDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	sender, err := m.bulletinSender(db, s)
	if err != nil {
		return err
	}
	st, err := sender.Drain(ctx)
	fmt.Fprintf(m.Stdout, "bulletin: %d sent, %d refused by the server, %d skipped (unsubscribed meanwhile)\n", st.Sent, st.Failed, st.Skipped)
	if errors.Is(err, bulletin.ErrBusy) {
		return proximite.Errorf(proximite.ECONFLICT, "another process is sending the bulletin from this database (proximite serve sends it too); nothing to do")
	}
	return err
}
