package mail

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/smtp"
	"net/textproto"
	"net/url"
	"time"
)

// SMTP sends through a server named by a URL, smtp://user:pass@host:port,
// switching to TLS with STARTTLS whenever the server offers it.
type SMTP struct {
	Addr     string // host:port
	Host     string
	User     string
	Password string
	From     string
	// RootCAs, when set, replaces the system's certificate authorities;
	// tests set it to trust their own server.
	RootCAs *x509.CertPool
	// Timeout bounds one message's conversation with the server.
	Timeout time.Duration
}

// NewSMTP parses smtp://user:pass@host:port (port 587 by default).
func NewSMTP(rawURL, from string) (*SMTP, error) {
	u, err := url.Parse(rawURL)
	if err != nil || u.Scheme != "smtp" || u.Hostname() == "" {
		return nil, fmt.Errorf("PROXIMITE_SMTP_URL: want smtp://user:password@host:port, got %q", redact(rawURL))
	}
	port := u.Port()
	if port == "" {
		port = "587"
	}
	s := &SMTP{Addr: net.JoinHostPort(u.Hostname(), port), Host: u.Hostname(), From: from, Timeout: time.Minute}
	if u.User != nil {
		s.User = u.User.Username()
		s.Password, _ = u.User.Password()
	}
	return s, nil
}

// redact hides a password in a URL that is about to be shown.
func redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "(unreadable)"
	}
	return u.Redacted()
}

// Send delivers one message to all its recipients, on a connection of
// its own.
func (s *SMTP) Send(ctx context.Context, m *Message) error {
	c, err := s.Dial(ctx)
	if err != nil {
		return err
	}
	if err := c.Send(ctx, m); err != nil {
		c.conn.Close()
		return err
	}
	return c.Close()
}

// Session is one connection to the server, on which a sender of many
// messages (the bulletin) sends them one after the other instead of
// connecting, greeting and authenticating for each.
type Session struct {
	s    *SMTP
	conn net.Conn
	c    *smtp.Client
}

// Dialer is a Sender that can keep a connection for several messages.
type Dialer interface {
	Dial(ctx context.Context) (*Session, error)
}

// Dial connects, switches to TLS when the server offers it, and
// authenticates.
func (s *SMTP) Dial(ctx context.Context) (*Session, error) {
	d := net.Dialer{Timeout: s.Timeout}
	conn, err := d.DialContext(ctx, "tcp", s.Addr)
	if err != nil {
		return nil, fmt.Errorf("smtp %s: %w", s.Addr, err)
	}
	conn.SetDeadline(time.Now().Add(s.Timeout))
	c, err := smtp.NewClient(conn, s.Host)
	if err != nil {
		conn.Close()
		return nil, fmt.Errorf("smtp %s: %w", s.Addr, err)
	}
	fail := func(err error) (*Session, error) {
		conn.Close()
		return nil, err
	}
	if err := c.Hello("localhost"); err != nil {
		return fail(err)
	}
	if ok, _ := c.Extension("STARTTLS"); ok {
		if err := c.StartTLS(&tls.Config{ServerName: s.Host, RootCAs: s.RootCAs, MinVersion: tls.VersionTLS12}); err != nil {
			return fail(fmt.Errorf("smtp %s: STARTTLS: %w", s.Addr, err))
		}
	}
	if s.User != "" {
		// PlainAuth refuses to send the password over a connection that
		// is neither TLS nor to this machine.
		if err := c.Auth(smtp.PlainAuth("", s.User, s.Password, s.Host)); err != nil {
			return fail(fmt.Errorf("smtp %s: authentication: %w", s.Addr, err))
		}
	}
	return &Session{s: s, conn: conn, c: c}, nil
}

// Send delivers one message on the session. After an error the session
// is reset for the next message when the server refused this one, and
// should be closed otherwise (see Broken).
func (ss *Session) Send(ctx context.Context, m *Message) error {
	b, err := compose(m, ss.s.From, time.Now())
	if err != nil {
		return err
	}
	from := m.From
	if from == "" {
		from = ss.s.From
	}
	ss.conn.SetDeadline(time.Now().Add(ss.s.Timeout))
	err = ss.send(from, m.To, b)
	var refused *textproto.Error
	if err != nil && errors.As(err, &refused) {
		ss.c.Reset()
	}
	return err
}

func (ss *Session) send(from string, to []string, b []byte) error {
	if err := ss.c.Mail(address(from)); err != nil {
		return err
	}
	for _, a := range to {
		if err := ss.c.Rcpt(address(a)); err != nil {
			return fmt.Errorf("smtp: recipient %s: %w", address(a), err)
		}
	}
	w, err := ss.c.Data()
	if err != nil {
		return err
	}
	if _, err := w.Write(b); err != nil {
		return err
	}
	return w.Close()
}

// Broken reports whether an error of Send left the session unusable: a
// network failure rather than the server's refusal of one message.
func Broken(err error) bool {
	var refused *textproto.Error
	return err != nil && !errors.As(err, &refused)
}

// Abandon closes the connection without a word, after a failure.
func (ss *Session) Abandon() { ss.conn.Close() }

// Close says goodbye to the server and closes the connection.
func (ss *Session) Close() error {
	err := ss.c.Quit()
	ss.conn.Close()
	return err
}
