package bulletin_test

import (
	"bytes"
	"io"
	"mime"
	"mime/multipart"
	"net"
	"net/mail"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"
)

// inbox is a real SMTP server for the tests, on a free local port, that
// keeps what it accepts. Hooks let a test act at a precise step of a
// conversation: onMail when a message begins, onData before its content
// is read.
type inbox struct {
	mu     sync.Mutex
	got    []*received
	onMail func(n int) error // n: messages accepted so far
	onData func(n int) error
	addr   string
}

type received struct {
	To     string
	Header mail.Header
	Text   string
	HTML   string
}

func startInbox(t *testing.T) *inbox {
	t.Helper()
	in := &inbox{}
	in.start(t)
	return in
}

// start serves; the hooks must be set before.
func (in *inbox) start(t *testing.T) {
	t.Helper()
	srv := smtp.NewServer(in)
	srv.Domain = "127.0.0.1"
	srv.AllowInsecureAuth = true
	srv.ReadTimeout, srv.WriteTimeout = 30*time.Second, 30*time.Second
	srv.MaxMessageBytes = 1 << 20
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	in.addr = ln.Addr().String()
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
}

// URL is the server's address as PROXIMITE_SMTP_URL names it.
func (in *inbox) URL() string { return "smtp://" + in.addr }

func (in *inbox) NewSession(*smtp.Conn) (smtp.Session, error) { return &inboxSession{in: in}, nil }

// messages returns a copy of what arrived.
func (in *inbox) messages() []*received {
	in.mu.Lock()
	defer in.mu.Unlock()
	return append([]*received(nil), in.got...)
}

func (in *inbox) count() int {
	in.mu.Lock()
	defer in.mu.Unlock()
	return len(in.got)
}

type inboxSession struct {
	in *inbox
	to string
}

func (s *inboxSession) Mail(string, *smtp.MailOptions) error {
	if s.in.onMail != nil {
		return s.in.onMail(s.in.count())
	}
	return nil
}

func (s *inboxSession) Rcpt(to string, _ *smtp.RcptOptions) error { s.to = to; return nil }

func (s *inboxSession) Data(r io.Reader) error {
	if s.in.onData != nil {
		if err := s.in.onData(s.in.count()); err != nil {
			return err
		}
	}
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	m, err := parse(b)
	if err != nil {
		return err
	}
	m.To = s.to
	s.in.mu.Lock()
	s.in.got = append(s.in.got, m)
	s.in.mu.Unlock()
	return nil
}

func (s *inboxSession) Reset()        { s.to = "" }
func (s *inboxSession) Logout() error { return nil }

// parse reads a message and its plain-text and HTML parts.
func parse(b []byte) (*received, error) {
	msg, err := mail.ReadMessage(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	m := &received{Header: msg.Header}
	_, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil {
		return nil, err
	}
	mr := multipart.NewReader(msg.Body, params["boundary"])
	for {
		p, err := mr.NextPart() // decodes quoted-printable
		if err == io.EOF {
			break
		} else if err != nil {
			return nil, err
		}
		body, _ := io.ReadAll(p)
		if strings.HasPrefix(p.Header.Get("Content-Type"), "text/html") {
			m.HTML = string(body)
		} else {
			m.Text = string(body)
		}
	}
	return m, nil
}

// subject decodes the message's subject.
func (m *received) subject() string {
	s, _ := new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
	return s
}
