package mail

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"net"
	"net/smtp"
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

// Send delivers one message to all its recipients.
func (s *SMTP) Send(ctx context.Context, m *Message) error {
	b, err := compose(m, s.From, time.Now())
	if err != nil {
		return err
	}
	from := m.From
	if from == "" {
		from = s.From
	}
	d := net.Dialer{Timeout: s.Timeout}
	conn, err := d.DialContext(ctx, "tcp", s.Addr)
	if err != nil {
		return fmt.Errorf("smtp %s: %w", s.Addr, err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(s.Timeout))
	c, err := smtp.NewClient(conn, s.Host)
	if err != nil {
		return fmt.Errorf("smtp %s: %w", s.Addr, err)
	}
	defer c.Close()
	if err := c.Hello("localhost"); err != nil {
		return err
	}
	if ok, _ := c.Extension("STARTTLS"); ok {
		if err := c.StartTLS(&tls.Config{ServerName: s.Host, RootCAs: s.RootCAs, MinVersion: tls.VersionTLS12}); err != nil {
			return fmt.Errorf("smtp %s: STARTTLS: %w", s.Addr, err)
		}
	}
	if s.User != "" {
		// PlainAuth refuses to send the password over a connection that
		// is neither TLS nor to this machine.
		if err := c.Auth(smtp.PlainAuth("", s.User, s.Password, s.Host)); err != nil {
			return fmt.Errorf("smtp %s: authentication: %w", s.Addr, err)
		}
	}
	if err := c.Mail(address(from)); err != nil {
		return err
	}
	for _, to := range m.To {
		if err := c.Rcpt(address(to)); err != nil {
			return fmt.Errorf("smtp: recipient %s: %w", address(to), err)
		}
	}
	w, err := c.Data()
	if err != nil {
		return err
	}
	if _, err := w.Write(b); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	return c.Quit()
}
