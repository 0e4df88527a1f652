package e2e

import (
	"bytes"
	"io"
	"mime"
	"mime/multipart"
	"net"
	"net/mail"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/emersion/go-smtp"
)

// A visitor subscribes in English and confirms from the e-mail, read from
// a real SMTP server; a coordinator imports a French subscriber, prepares
// the next issue from the registry's proposals and sends it; each
// receives it in their language, the visitor unsubscribes in one click,
// and the following issue goes to the French subscriber only.
func TestBulletinJourney(t *testing.T) {
	t.Parallel()
	needSite(t)
	dir := t.TempDir()
	bin, err := buildProgram(dir)
	if err != nil {
		t.Fatal(err)
	}
	box := startMailbox(t)
	env := []string{"PROXIMITE_SMTP_URL=smtp://" + box.addr, "PROXIMITE_BASE_URL=http://registre.test",
		"PROXIMITE_BULLETIN_RATE=0", "PROXIMITE_MAIL_FROM=Proximité <bulletin@registre.test>"}
	dsn := "sqlite:" + filepath.Join(dir, "e2e.db")
	cli := func(args ...string) string {
		t.Helper()
		cmd := exec.Command(bin, append(args, "-database", dsn)...)
		cmd.Env = append(os.Environ(), append(env, "PROXIMITE_OUTBOX="+filepath.Join(dir, "outbox"))...)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("proximite %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	cli("demo")
	out := cli("user", "add", "coordination@rosi.test", "--name", "Coordination ROSI", "--role", "coordinator")
	invite := regexp.MustCompile(`http://registre\.test(/compte/invitation\?jeton=\S+)`).FindStringSubmatch(out)
	if invite == nil {
		// With SMTP configured the link went by mail.
		invite = regexp.MustCompile(`http://registre\.test(/compte/invitation\?jeton=\S+)`).FindStringSubmatch(box.next(t, "coordination@rosi.test").text)
	}
	p, err := startProgram(bin, dir, env...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := p.stop(); err != nil {
			t.Error(err)
		}
	})
	j := &journey{t: t, base: p.url, axe: loadAxe(t), shots: os.Getenv("PROXIMITE_SCREENSHOTS")}
	const jane = "jane@example.ca"

	// The visitor subscribes in English.
	vi := &person{tab: newTab(t, visitor{viewport: phone, lang: "en-CA,en;q=0.9"}), j: j, name: "visitor", vp: phone}
	if j.axe != "" {
		vi.do("load axe-core into every page", addScript(j.axe))
	}
	vi.at("/en/bulletin", 200)
	vi.look("bulletin")
	vi.fill("//input[@name='email']", jane)
	vi.choose("//select[@name='lang']", "en")
	vi.submit("subscribe", "//main//form//button[@type='submit']", "/en/bulletin")
	vi.wantText("//p[@role='status']", "a message has just been sent")

	// It confirms from the e-mail, written in English.
	confirm := box.next(t, jane)
	if confirm.subject != "Confirm your subscription to the Observatoire's bulletin" {
		t.Errorf("confirmation subject %q", confirm.subject)
	}
	vi.at(siteLink(t, confirm.text, "/en/bulletin/confirm"), 200)
	vi.look("bulletin-confirm")
	vi.submit("confirm", "//main//form//button", "/en/bulletin/confirm")
	vi.wantText("//h1", "Subscription confirmed")

	// A coordinator imports a French subscriber and sends the next issue.
	co := j.tab("coordinator", desktop)
	co.at(invite[1], 200)
	const password = "Une phrase de passe assez longue"
	co.fill("//input[@name='password']", password)
	co.fill("//input[@name='confirm']", password)
	co.submit("choose the password", "//main//form//button[@type='submit']", "/fr/mon-espace")
	co.submit("open the bulletin", linkNamed("Le bulletin : numéros et abonnés"), "/fr/mon-espace/bulletin")
	csvFile := filepath.Join(dir, "abonnes.csv")
	if err := os.WriteFile(csvFile, []byte("email,lang,consent_date\nawa@exemple.sn,fr,2024-05-01\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	co.do("choose the file", chromedp.SetUploadFiles("//input[@name='file']", []string{csvFile}))
	co.submit("import", "//form[contains(@action,'/import')]//button", "/fr/mon-espace/bulletin")
	co.wantText("//p[@role='status']", "1 abonnés ajoutés")
	co.look("bulletin")
	sendIssue := func(number, fr, en string) {
		t.Helper()
		co.submit("prepare issue "+number, "//button[normalize-space()='Préparer le prochain numéro']", "/fr/mon-espace/bulletin/"+number)
		co.fill("//input[@name='subject_fr']", fr)
		co.fill("//input[@name='subject_en']", en)
		co.submit("save issue "+number, "//button[normalize-space()='Enregistrer']", "/fr/mon-espace/bulletin/"+number)
		co.wantText("//p[@role='status']", "Numéro enregistré")
		if number == "1" {
			co.look("bulletin-issue")
		}
		co.do("tick the box", chromedp.Click("//input[@name='checked']"))
		co.submit("send issue "+number, "//section[@aria-labelledby='send-h']//button", "/fr/mon-espace/bulletin")
		co.wantText("//p[@role='status']", "Le bulletin n° "+number+" part")
	}
	sendIssue("1", "Nouvelles d'hiver", "Winter news")

	// Each receives it in their language, with the headers of one-click
	// unsubscribe.
	issue := box.next(t, jane)
	if issue.subject != "Winter news" || !strings.Contains(issue.text, "Here is what is new") {
		t.Errorf("the visitor's issue: %q\n%s", issue.subject, issue.text)
	}
	if issue.header.Get("List-Unsubscribe-Post") != "List-Unsubscribe=One-Click" {
		t.Errorf("List-Unsubscribe-Post: %q", issue.header.Get("List-Unsubscribe-Post"))
	}
	unsub := siteLink(t, issue.header.Get("List-Unsubscribe"), "/en/bulletin/unsubscribe")
	if fr := box.next(t, "awa@exemple.sn"); fr.subject != "Nouvelles d'hiver" || !strings.Contains(fr.text, "Voici ce qui est nouveau") {
		t.Errorf("the French subscriber's issue: %q", fr.subject)
	}

	// The visitor unsubscribes with the link, in one click.
	vi.at(unsub, 200)
	vi.look("bulletin-unsubscribe")
	vi.submit("unsubscribe", "//main//form//button", "/en/bulletin/unsubscribe")
	vi.wantText("//h1", "Unsubscribed")

	// The next issue goes to the French subscriber only.
	sendIssue("2", "Nouvelles du printemps", "Spring news")
	if fr := box.next(t, "awa@exemple.sn"); fr.subject != "Nouvelles du printemps" {
		t.Errorf("second issue: %q", fr.subject)
	}
	co.at("/fr/mon-espace/bulletin", 200)
	co.wantText("//table//tr[.//a[normalize-space()='Bulletin n° 2']]", "1 partis, 0 en attente")
	if extra := box.count(jane); extra != 2 {
		t.Errorf("the visitor received %d messages, want 2 (confirmation, first issue)", extra)
	}

	// The issues are public pages.
	vi.at("/en/bulletin/1", 200)
	vi.wantText("//h1", "Winter news")
	vi.look("bulletin-past-issue")
}

// siteLink returns the path and query of the first link to the site's
// path in a text.
func siteLink(t *testing.T, text, path string) string {
	t.Helper()
	m := regexp.MustCompile(`http://registre\.test(` + regexp.QuoteMeta(path) + `\?jeton=[^\s>]+)`).FindStringSubmatch(text)
	if m == nil {
		t.Fatalf("no link to %s in:\n%s", path, text)
	}
	return m[1]
}

// mailbox is a real SMTP server on a free local port that keeps the
// messages it accepts, by recipient.
type mailbox struct {
	addr    string
	mu      sync.Mutex
	got     map[string][]letter
	seen    map[string]int // messages next has returned, by recipient
	arrived chan struct{}
}

type letter struct {
	subject, text string
	header        mail.Header
}

func startMailbox(t *testing.T) *mailbox {
	t.Helper()
	b := &mailbox{got: map[string][]letter{}, seen: map[string]int{}, arrived: make(chan struct{}, 100)}
	srv := smtp.NewServer(b)
	srv.Domain = "127.0.0.1"
	srv.AllowInsecureAuth = true
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	b.addr = ln.Addr().String()
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return b
}

// next waits for the next message to a recipient, those already read
// aside; a minute without one fails the test.
func (b *mailbox) next(t *testing.T, to string) letter {
	t.Helper()
	deadline := time.After(time.Minute)
	for {
		b.mu.Lock()
		if list := b.got[to]; len(list) > b.seen[to] {
			l := list[b.seen[to]]
			b.seen[to]++
			b.mu.Unlock()
			return l
		}
		b.mu.Unlock()
		select {
		case <-b.arrived:
		case <-deadline:
			t.Fatalf("no message to %s within a minute", to)
		}
	}
}

func (b *mailbox) count(to string) int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.got[to])
}

func (b *mailbox) NewSession(*smtp.Conn) (smtp.Session, error) { return &mailSession{b: b}, nil }

type mailSession struct {
	b  *mailbox
	to []string
}

func (s *mailSession) Mail(string, *smtp.MailOptions) error { return nil }
func (s *mailSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.to = append(s.to, to)
	return nil
}
func (s *mailSession) Reset()        { s.to = nil }
func (s *mailSession) Logout() error { return nil }

func (s *mailSession) Data(r io.Reader) error {
	raw, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	m, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		return err
	}
	l := letter{header: m.Header}
	l.subject, _ = new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
	_, params, _ := mime.ParseMediaType(m.Header.Get("Content-Type"))
	mr := multipart.NewReader(m.Body, params["boundary"])
	for {
		p, err := mr.NextPart()
		if err != nil {
			break
		}
		if strings.HasPrefix(p.Header.Get("Content-Type"), "text/plain") {
			b, _ := io.ReadAll(p)
			l.text = string(b)
		}
	}
	s.b.mu.Lock()
	for _, to := range s.to {
		s.b.got[to] = append(s.b.got[to], l)
	}
	s.b.mu.Unlock()
	select {
	case s.b.arrived <- struct{}{}:
	default:
	}
	return nil
}
