// Package mail sends the registry's e-mail: invitations and password
// resets now, the bulletin later. A message goes through an SMTP server
// when one is configured (PROXIMITE_SMTP_URL), and otherwise is written as
// an .eml file to an outbox folder, which is how a development machine or
// a test reads what would have been sent.
package mail

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/textproto"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Message is one e-mail, with a plain-text and an HTML version of the
// same content. Header holds extra headers, such as List-Unsubscribe.
type Message struct {
	From    string // "Proximité <registre@exemple.org>"; the sender's default when empty
	To      []string
	Subject string
	Text    string
	HTML    string
	Header  map[string]string
}

// Sender sends messages; the SMTP client and the outbox are two.
type Sender interface {
	Send(ctx context.Context, m *Message) error
}

// New returns the SMTP sender when smtpURL is set, and the outbox
// otherwise. from is the default sender address.
func New(smtpURL, outbox, from string) (Sender, error) {
	if smtpURL != "" {
		return NewSMTP(smtpURL, from)
	}
	if outbox == "" {
		outbox = "outbox"
	}
	return &Outbox{Dir: outbox, From: from}, nil
}

// compose writes the message in the Internet Message Format: UTF-8
// headers encoded as RFC 2047 words, a Message-ID and a Date, and a
// multipart/alternative body whose parts are quoted-printable.
func compose(m *Message, defaultFrom string, now time.Time) ([]byte, error) {
	from := m.From
	if from == "" {
		from = defaultFrom
	}
	if len(m.To) == 0 {
		return nil, fmt.Errorf("mail: no recipient")
	}
	h := map[string]string{}
	for k, v := range m.Header {
		h[textproto.CanonicalMIMEHeaderKey(k)] = v
	}
	h["From"] = encodeAddress(from)
	to := make([]string, len(m.To))
	for i, a := range m.To {
		to[i] = encodeAddress(a)
	}
	h["To"] = strings.Join(to, ", ")
	h["Subject"] = mime.QEncoding.Encode("utf-8", m.Subject)
	h["Date"] = now.Format(time.RFC1123Z)
	// A message sent again after a crash keeps the Message-ID its caller
	// gave it (the bulletin's, one per issue and recipient), so that a
	// duplicate can be recognised; others get a random one.
	if h["Message-Id"] == "" {
		h["Message-Id"] = "<" + randomID() + "@" + domainOf(from) + ">"
	}
	h["Mime-Version"] = "1.0"
	for k, v := range h {
		if strings.ContainsAny(k+v, "\r\n") {
			return nil, fmt.Errorf("mail: header %s holds a line break", k)
		}
	}

	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	h["Content-Type"] = `multipart/alternative; boundary="` + mw.Boundary() + `"`
	for _, part := range []struct{ typ, content string }{{"text/plain", m.Text}, {"text/html", m.HTML}} {
		if part.content == "" {
			continue
		}
		w, err := mw.CreatePart(textproto.MIMEHeader{
			"Content-Type":              {part.typ + "; charset=utf-8"},
			"Content-Transfer-Encoding": {"quoted-printable"},
		})
		if err != nil {
			return nil, err
		}
		qp := quotedprintable.NewWriter(w)
		qp.Write([]byte(strings.ReplaceAll(part.content, "\n", "\r\n")))
		if err := qp.Close(); err != nil {
			return nil, err
		}
	}
	if err := mw.Close(); err != nil {
		return nil, err
	}

	var out bytes.Buffer
	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		name := k
		if k == "Message-Id" {
			name = "Message-ID"
		} else if k == "Mime-Version" {
			name = "MIME-Version"
		}
		fmt.Fprintf(&out, "%s: %s\r\n", name, h[k])
	}
	out.WriteString("\r\n")
	out.Write(body.Bytes())
	return out.Bytes(), nil
}

// encodeAddress encodes the display name of "Name <addr>" when it is not
// ASCII, and leaves a bare address as it is.
func encodeAddress(a string) string {
	i := strings.LastIndex(a, "<")
	if i <= 0 {
		return a
	}
	name := strings.TrimSpace(a[:i])
	return mime.QEncoding.Encode("utf-8", name) + " " + a[i:]
}

// address returns the bare address of "Name <addr>".
func address(a string) string {
	if i := strings.LastIndex(a, "<"); i >= 0 {
		return strings.TrimSuffix(a[i+1:], ">")
	}
	return strings.TrimSpace(a)
}

func domainOf(a string) string {
	addr := address(a)
	if i := strings.LastIndex(addr, "@"); i >= 0 {
		return addr[i+1:]
	}
	return "localhost"
}

func randomID() string {
	b := make([]byte, 12)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// Outbox writes each message as an .eml file in Dir.
type Outbox struct {
	Dir  string
	From string
}

// Send writes the message to a new file, whole or not at all: it is
// written under a temporary name and renamed.
func (o *Outbox) Send(ctx context.Context, m *Message) error {
	now := time.Now()
	b, err := compose(m, o.From, now)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(o.Dir, 0o755); err != nil {
		return err
	}
	name := filepath.Join(o.Dir, now.UTC().Format("20060102T150405.000000000")+"-"+randomID()[:8]+".eml")
	tmp := name + ".tmp"
	if err := os.WriteFile(tmp, b, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, name)
}
