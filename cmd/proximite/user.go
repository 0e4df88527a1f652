package main

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/mail"
)

// orgList is a repeatable, comma-separated --org flag.
type orgList []string

func (o *orgList) String() string { return strings.Join(*o, ",") }

func (o *orgList) Set(v string) error {
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			*o = append(*o, s)
		}
	}
	return nil
}

// parseWithArg parses flags around one positional argument, which may
// come first as in "user add EMAIL --name …".
func parseWithArg(fs *flag.FlagSet, args []string, usage string) (string, error) {
	var pos []string
	for len(args) > 0 {
		if err := fs.Parse(args); err != nil {
			return "", err
		}
		if fs.NArg() == 0 {
			break
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(pos) != 1 {
		return "", proximite.Errorf(proximite.EINVALID, "usage: %s", usage)
	}
	return pos[0], nil
}

func (m *Main) runUser(ctx context.Context, args []string) error {
	const usage = "proximite user add EMAIL --name NAME --role admin|coordinator|editor [--org SLUG] [--lang fr|en]"
	if len(args) == 0 || args[0] != "add" {
		return proximite.Errorf(proximite.EINVALID, "usage: %s", usage)
	}
	fs := m.flags("user add")
	var u proximite.User
	var orgs orgList
	fs.StringVar(&u.Name, "name", "", "the person's name")
	role := fs.String("role", "", "admin, coordinator or editor")
	fs.Var(&orgs, "org", "slug of an organisation the editor edits for (repeat, or separate with commas)")
	fs.StringVar(&u.Lang, "lang", "fr", "language of the messages: fr or en")
	email, err := parseWithArg(fs, args[1:], usage)
	if err != nil {
		return err
	}
	u.Email, u.Role, u.Orgs = email, proximite.Role(*role), orgs
	sender, err := mail.New(m.Config.SMTPURL, m.Config.Outbox, m.Config.MailFrom)
	if err != nil {
		return proximite.Errorf(proximite.EINVALID, "%v", err)
	}
	db, _, err := m.openDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	link, err := mail.Invite(ctx, db, sender, m.Config.BaseURL, &u)
	if link == "" {
		return err
	}
	fmt.Fprintf(m.Stdout, "account %s created (%s)\ninvitation link, valid 7 days, single use:\n%s\n", u.Email, u.Role, link)
	if err != nil {
		// The account and the link exist: the operator can pass the link on.
		return fmt.Errorf("%w (give the link above by hand)", err)
	}
	if m.Config.SMTPURL == "" {
		fmt.Fprintf(m.Stdout, "invitation written to the outbox %s\n", m.Config.Outbox)
	} else {
		fmt.Fprintf(m.Stdout, "invitation sent to %s\n", u.Email)
	}
	return nil
}

func (m *Main) runToken(ctx context.Context, args []string) error {
	const usage = "proximite token create EMAIL [--name NAME]"
	if len(args) == 0 || args[0] != "create" {
		return proximite.Errorf(proximite.EINVALID, "usage: %s", usage)
	}
	fs := m.flags("token create")
	name := fs.String("name", "", "what the token is for, to recognise it later")
	email, err := parseWithArg(fs, args[1:], usage)
	if err != nil {
		return err
	}
	db, _, err := m.openDB(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	u, err := db.FindUser(ctx, email)
	if err != nil {
		return err
	}
	token, err := db.CreateAccessToken(ctx, u.ID, *name)
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stderr, "personal access token for %s (%s), shown once; use it as: Authorization: Bearer <token>\n", u.Email, u.Role)
	fmt.Fprintln(m.Stdout, token)
	return nil
}
