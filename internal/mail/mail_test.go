package mail_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"io"
	"math/big"
	"mime"
	"mime/multipart"
	"net"
	"net/mail"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"

	"github.com/proximite/proximite"
	pmail "github.com/proximite/proximite/internal/mail"
)

// received is what the test server was given.
type received struct {
	from string
	to   []string
	data []byte
	user string
	tls  bool
}

type backend struct {
	mu   sync.Mutex
	got  []received
	cert *tls.Config
}

func (b *backend) NewSession(c *smtp.Conn) (smtp.Session, error) {
	return &session{b: b, conn: c}, nil
}

type session struct {
	b    *backend
	conn *smtp.Conn
	cur  received
}

func (s *session) AuthMechanisms() []string { return []string{sasl.Plain} }

func (s *session) Auth(mech string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(identity, user, pass string) error {
		if user != "registre" || pass != "s3cret/é" {
			return errors.New("bad credentials")
		}
		s.cur.user = user
		return nil
	}), nil
}

func (s *session) Mail(from string, _ *smtp.MailOptions) error {
	if s.cur.user == "" {
		return &smtp.SMTPError{Code: 530, Message: "authentication required"}
	}
	s.cur.from = from
	return nil
}

func (s *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.cur.to = append(s.cur.to, to)
	return nil
}

func (s *session) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	_, s.cur.tls = s.conn.TLSConnectionState()
	s.cur.data = b
	s.b.mu.Lock()
	s.b.got = append(s.b.got, s.cur)
	s.b.mu.Unlock()
	return nil
}

func (s *session) Reset()        { s.cur = received{user: s.cur.user} }
func (s *session) Logout() error { return nil }

// startServer starts a real SMTP server on a free port, offering
// STARTTLS with a certificate made for the test, and returns its address
// and a pool that trusts the certificate.
func startServer(t *testing.T) (*backend, string, *x509.CertPool) {
	t.Helper()
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "127.0.0.1"},
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, _ := x509.ParseCertificate(der)
	pool := x509.NewCertPool()
	pool.AddCert(cert)

	be := &backend{}
	srv := smtp.NewServer(be)
	srv.Domain = "127.0.0.1"
	srv.TLSConfig = &tls.Config{Certificates: []tls.Certificate{{Certificate: [][]byte{der}, PrivateKey: key}}}
	srv.AllowInsecureAuth = false // AUTH only after STARTTLS
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return be, ln.Addr().String(), pool
}

// parts returns the decoded parts of a multipart message by type.
func parts(t *testing.T, msg *mail.Message) map[string]string {
	t.Helper()
	mt, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/alternative" {
		t.Fatalf("content type %q: %v", msg.Header.Get("Content-Type"), err)
	}
	out := map[string]string{}
	mr := multipart.NewReader(msg.Body, params["boundary"])
	for {
		p, err := mr.NextPart() // decodes quoted-printable
		if err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(p)
		typ, ps, _ := mime.ParseMediaType(p.Header.Get("Content-Type"))
		if ps["charset"] != "utf-8" {
			t.Errorf("%s without utf-8: %v", typ, ps)
		}
		out[typ] = string(b)
	}
	return out
}

func TestSMTP(t *testing.T) {
	be, addr, pool := startServer(t)
	s, err := pmail.NewSMTP("smtp://registre:s3cret%2F%C3%A9@"+addr, "Réseau Proximité <registre@proximite.example>")
	if err != nil {
		t.Fatal(err)
	}
	s.RootCAs = pool
	long := strings.Repeat("Élisabeth et Sanankoroba ", 10)
	err = s.Send(context.Background(), &pmail.Message{
		To:      []string{"Aïssatou Diop <aissatou@nioro.example>", "marc@buckingham.example"},
		Subject: "Bulletin n° 12 : jumelages — été 2025",
		Text:    "Bonjour,\nles nouvelles du réseau : " + long + "\n",
		HTML:    "<p>Bonjour, les nouvelles du <em>réseau</em>.</p>",
		Header:  map[string]string{"List-Unsubscribe": "<https://proximite.example/desabonnement?j=abc>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
	})
	if err != nil {
		t.Fatalf("send: %v", err)
	}
	if len(be.got) != 1 {
		t.Fatalf("server received %d messages", len(be.got))
	}
	got := be.got[0]
	if !got.tls || got.user != "registre" || got.from != "registre@proximite.example" ||
		strings.Join(got.to, ",") != "aissatou@nioro.example,marc@buckingham.example" {
		t.Fatalf("envelope: tls %v user %q from %q to %v", got.tls, got.user, got.from, got.to)
	}
	msg, err := mail.ReadMessage(bytes.NewReader(got.data))
	if err != nil {
		t.Fatal(err)
	}
	dec := new(mime.WordDecoder)
	if subj, err := dec.DecodeHeader(msg.Header.Get("Subject")); err != nil || subj != "Bulletin n° 12 : jumelages — été 2025" {
		t.Fatalf("subject %q: %v", subj, err)
	}
	if raw := msg.Header.Get("Subject"); !strings.HasPrefix(raw, "=?utf-8?q?") {
		t.Fatalf("subject not encoded: %q", raw)
	}
	from, err := msg.Header.AddressList("From")
	if err != nil || from[0].Name != "Réseau Proximité" {
		t.Fatalf("from: %v %v", from, err)
	}
	to, err := msg.Header.AddressList("To")
	if err != nil || len(to) != 2 || to[0].Name != "Aïssatou Diop" {
		t.Fatalf("to: %v %v", to, err)
	}
	if _, err := msg.Header.Date(); err != nil {
		t.Fatalf("date: %v", err)
	}
	if id := msg.Header.Get("Message-ID"); !strings.HasPrefix(id, "<") || !strings.HasSuffix(id, "@proximite.example>") {
		t.Fatalf("message id %q", id)
	}
	if msg.Header.Get("List-Unsubscribe") != "<https://proximite.example/desabonnement?j=abc>" || msg.Header.Get("MIME-Version") != "1.0" {
		t.Fatalf("headers: %v", msg.Header)
	}
	p := parts(t, msg)
	if p["text/plain"] != "Bonjour,\r\nles nouvelles du réseau : "+long+"\r\n" {
		t.Fatalf("text part: %q", p["text/plain"])
	}
	if !strings.Contains(p["text/html"], "<em>réseau</em>") {
		t.Fatalf("html part: %q", p["text/html"])
	}
	for _, line := range strings.Split(string(got.data), "\r\n") {
		if len(line) > 998 {
			t.Fatalf("line of %d characters", len(line))
		}
	}
}

func TestSMTPRefusesWrongPassword(t *testing.T) {
	_, addr, pool := startServer(t)
	s, _ := pmail.NewSMTP("smtp://registre:wrong@"+addr, "registre@proximite.example")
	s.RootCAs = pool
	if err := s.Send(context.Background(), &pmail.Message{To: []string{"a@b.example"}, Subject: "x", Text: "x"}); err == nil {
		t.Fatal("sent with a wrong password")
	}
}

func TestRefusesHeaderInjection(t *testing.T) {
	o := &pmail.Outbox{Dir: t.TempDir(), From: "registre@proximite.example"}
	for _, m := range []*pmail.Message{
		{To: []string{"a@b.example"}, Subject: "x", Text: "x", Header: map[string]string{"X-Note": "x\r\nBcc: victim@example.org"}},
		{To: []string{"a@b.example\r\nBcc: victim@example.org"}, Subject: "x", Text: "x"},
	} {
		if err := o.Send(context.Background(), m); err == nil {
			t.Errorf("a line break in a header was sent: %+v", m)
		}
	}
}

func TestOutboxAndInvitation(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "outbox")
	s, err := pmail.New("", dir, "Proximité <registre@proximite.example>")
	if err != nil {
		t.Fatal(err)
	}
	u := &proximite.User{Email: "marie@exemple.org", Name: "Marie", Lang: "en"}
	if err := s.Send(context.Background(), pmail.Invitation(u, "https://proximite.example/compte/invitation?t=abc&x=1")); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.eml"))
	if len(files) != 1 {
		t.Fatalf("outbox: %v", files)
	}
	f, _ := os.Open(files[0])
	defer f.Close()
	msg, err := mail.ReadMessage(f)
	if err != nil {
		t.Fatal(err)
	}
	subj, _ := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
	if subj != "Your account on Proximité / Votre compte sur Proximité" {
		t.Fatalf("subject %q", subj)
	}
	p := parts(t, msg)
	if !strings.Contains(p["text/plain"], "https://proximite.example/compte/invitation?t=abc&x=1") ||
		!strings.Contains(p["text/html"], `href="https://proximite.example/compte/invitation?t=abc&amp;x=1"`) ||
		strings.Index(p["text/plain"], "choose your password") > strings.Index(p["text/plain"], "choisir votre mot de passe") {
		t.Fatalf("body: %q", p)
	}
}
