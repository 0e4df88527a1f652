package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/mail"
	"github.com/proximite/proximite/internal/web"
)

// runRemind mails each member the published records of their
// organisations that the partner has not confirmed for twelve months (or
// ever), with a link to each. It is meant to run from a scheduler, once
// a month or a quarter: each run reminds of everything still stale.
func (m *Main) runRemind(ctx context.Context, args []string) error {
	fs := m.flags("remind")
	months := fs.Int("months", 12, "remind of records not confirmed for this many months")
	dry := fs.Bool("dry-run", false, "list who would be reminded, and send nothing")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *months < 1 {
		return proximite.Errorf(proximite.EINVALID, "--months must be at least 1")
	}
	sender, err := mail.New(m.Config.SMTPURL, m.Config.Outbox, m.Config.MailFrom)
	if err != nil {
		return proximite.Errorf(proximite.EINVALID, "%v", err)
	}
	db, _, err := m.openDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	due, err := db.Unconfirmed(ctx, db.Now().AddDate(0, -*months, 0))
	if err != nil {
		return err
	}
	base := strings.TrimSuffix(m.Config.BaseURL, "/")
	sent := 0
	for _, d := range due {
		items := map[string][]mail.ReminderItem{}
		for _, l := range proximite.Languages {
			for _, r := range d.Records {
				title, _ := r.Title.In(l)
				it := mail.ReminderItem{Title: title, URL: base + web.RecordPath(l, r.Type, r.Slug)}
				if r.LastConfirmed != nil {
					it.LastConfirmed = r.LastConfirmed.Format("2006-01-02")
				}
				items[l] = append(items[l], it)
			}
		}
		fmt.Fprintf(m.Stdout, "%s: %d record(s)\n", d.User.Email, len(d.Records))
		if *dry {
			continue
		}
		// One failed address does not stop the others; the count says so.
		if err := sender.Send(ctx, mail.Reminder(d.User, items)); err != nil {
			m.Logger.Error("send reminder", "to", d.User.Email, "err", err)
			continue
		}
		sent++
	}
	if !*dry && sent < len(due) {
		return fmt.Errorf("%d of %d reminders could not be sent (see the log)", len(due)-sent, len(due))
	}
	fmt.Fprintf(m.Stdout, "%d reminder(s) sent\n", sent)
	return nil
}
