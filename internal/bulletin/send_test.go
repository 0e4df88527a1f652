package bulletin_test

import (
	"context"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/bulletin"
	"github.com/proximite/proximite/internal/mail"
	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

const base = "https://proximite.example.org"

var tokenRE = regexp.MustCompile(`\?jeton=([A-Za-z0-9_.%-]+)`)

// token finds the token of the first link to path in a text.
func token(t *testing.T, text, path string) string {
	t.Helper()
	i := strings.Index(text, base+path+"?jeton=")
	if i < 0 {
		t.Fatalf("no link to %s in:\n%s", path, text)
	}
	m := tokenRE.FindStringSubmatch(text[i:])
	tok, err := url.QueryUnescape(m[1])
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

// subscribe goes through the double opt-in as a visitor does: the
// confirmation arrives in their language, and its link confirms.
func subscribe(t *testing.T, db *sqlstore.DB, s mail.Sender, in *inbox, email, lang string, confirm bool) {
	t.Helper()
	ctx := context.Background()
	tok, err := db.Subscribe(ctx, email, lang)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Send(ctx, bulletin.Confirmation(email, lang, tok, base)); err != nil {
		t.Fatal(err)
	}
	msgs := in.messages()
	m := msgs[len(msgs)-1]
	wantSubject := map[string]string{"fr": "Confirmez votre abonnement", "en": "Confirm your subscription"}[lang]
	if m.To != email || !strings.HasPrefix(m.subject(), wantSubject) {
		t.Fatalf("confirmation to %s: %q, want %q…", m.To, m.subject(), wantSubject)
	}
	if !confirm {
		return
	}
	if _, err := db.Confirm(ctx, token(t, m.Text, bulletin.ConfirmPaths[lang])); err != nil {
		t.Fatalf("confirm %s from the message's link: %v", email, err)
	}
}

func TestSendIssueOverSMTP(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		ctx := context.Background()
		in := startInbox(t)
		smtpSender, err := mail.New(in.URL(), "", "Proximité <bulletin@proximite.example.org>")
		if err != nil {
			t.Fatal(err)
		}
		subscribe(t, db, smtpSender, in, "awa@exemple.sn", "fr", true)
		subscribe(t, db, smtpSender, in, "jane@example.ca", "en", true)
		subscribe(t, db, smtpSender, in, "later@example.ca", "en", false) // never confirms
		subscribe(t, db, smtpSender, in, "gone@example.ca", "en", true)
		gone, _ := db.FindSubscriber(ctx, "gone@example.ca")
		tok, _ := db.UnsubscribeToken(ctx, gone.ID)
		if _, err := db.Unsubscribe(ctx, tok); err != nil {
			t.Fatal(err)
		}

		sender := &bulletin.Sender{Queue: db, Mail: smtpSender, BaseURL: base}
		sendIssue := func(subject proximite.Text) []*received {
			t.Helper()
			issue := &proximite.Issue{Subject: subject, Body: proximite.T(
				"fr", "Bonjour.\n\n- Jumelage Rimouski–Kayes\n  https://proximite.example.org/fr/partenariats/x",
				"en", "Hello.\n\n- Rimouski–Kayes twinning\n  https://proximite.example.org/en/partnerships/x")}
			if err := db.CreateIssue(ctx, issue); err != nil {
				t.Fatal(err)
			}
			if _, err := db.QueueIssue(ctx, issue.Number); err != nil {
				t.Fatal(err)
			}
			before := in.count()
			if _, err := sender.Drain(ctx); err != nil {
				t.Fatal(err)
			}
			return in.messages()[before:]
		}
		got := sendIssue(proximite.T("fr", "Numéro d'hiver", "en", "Winter issue"))
		byTo := map[string]*received{}
		for _, m := range got {
			if byTo[m.To] != nil {
				t.Errorf("%s received the issue twice", m.To)
			}
			byTo[m.To] = m
		}
		if len(byTo) != 2 || byTo["awa@exemple.sn"] == nil || byTo["jane@example.ca"] == nil {
			t.Fatalf("recipients %v, want the two confirmed only", keys(byTo))
		}
		for to, want := range map[string]struct{ subject, text, unsub string }{
			"awa@exemple.sn":  {"Numéro d'hiver", "Jumelage Rimouski–Kayes", bulletin.UnsubPaths["fr"]},
			"jane@example.ca": {"Winter issue", "Rimouski–Kayes twinning", bulletin.UnsubPaths["en"]},
		} {
			m := byTo[to]
			if m.subject() != want.subject || !strings.Contains(m.Text, want.text) || !strings.Contains(m.HTML, want.text) {
				t.Errorf("%s: subject %q, want %q, in the language of the subscriber", to, m.subject(), want.subject)
			}
			lu := m.Header.Get("List-Unsubscribe")
			if !strings.HasPrefix(lu, "<"+base+want.unsub+"?jeton=") || !strings.HasSuffix(lu, ">") {
				t.Errorf("%s: List-Unsubscribe %q", to, lu)
			}
			if p := m.Header.Get("List-Unsubscribe-Post"); p != "List-Unsubscribe=One-Click" {
				t.Errorf("%s: List-Unsubscribe-Post %q", to, p)
			}
			if id := m.Header.Get("Message-ID"); !regexp.MustCompile(`^<bulletin\.1\.\d+@proximite\.example\.org>$`).MatchString(id) {
				t.Errorf("%s: Message-ID %q", to, id)
			}
			if !strings.Contains(m.HTML, `<a href="`+base+want.unsub+"?jeton=") {
				t.Errorf("%s: no unsubscribe link in the HTML", to)
			}
		}
		// Jane unsubscribes with the link of her message.
		if s, err := db.Unsubscribe(ctx, token(t, byTo["jane@example.ca"].Text, bulletin.UnsubPaths["en"])); err != nil || s.Email != "jane@example.ca" {
			t.Fatalf("unsubscribe from the message's link: %+v, %v", s, err)
		}
		got = sendIssue(proximite.T("fr", "Printemps", "en", "Spring"))
		if len(got) != 1 || got[0].To != "awa@exemple.sn" {
			var to []string
			for _, m := range got {
				to = append(to, m.To)
			}
			t.Errorf("second issue went to %v, want awa only", to)
		}
	})
}

// A subscriber who leaves after the issue is queued but before their
// turn receives nothing.
func TestLeaveWhileQueued(t *testing.T) {
	db := sqltest.Open(t, "sqlite")
	ctx := context.Background()
	in := startInbox(t)
	s, _ := mail.New(in.URL(), "", "bulletin@proximite.example.org")
	subscribe(t, db, s, in, "a@example.org", "en", true)
	before := in.count()
	issue := &proximite.Issue{Subject: proximite.T("fr", "S", "en", "S"), Body: proximite.T("fr", "B", "en", "B")}
	db.CreateIssue(ctx, issue)
	if _, err := db.QueueIssue(ctx, 1); err != nil {
		t.Fatal(err)
	}
	sub, _ := db.FindSubscriber(ctx, "a@example.org")
	tok, _ := db.UnsubscribeToken(ctx, sub.ID)
	db.Unsubscribe(ctx, tok)
	st, err := (&bulletin.Sender{Queue: db, Mail: s, BaseURL: base}).Drain(ctx)
	if err != nil || st.Skipped != 1 || st.Sent != 0 || in.count() != before {
		t.Errorf("drain: %+v, %v, %d messages; want one skipped, none sent", st, err, in.count()-before)
	}
}

// A server that is down stops the drain with the message still queued;
// the next drain sends it.
func TestServerDownKeepsMessage(t *testing.T) {
	db := sqltest.Open(t, "sqlite")
	ctx := context.Background()
	if _, err := db.ImportSubscribers(ctx, []proximite.SubscriberImport{{Line: 2, Email: "a@example.org", Lang: "fr", ConsentAt: time.Now()}}); err != nil {
		t.Fatal(err)
	}
	issue := &proximite.Issue{Subject: proximite.T("fr", "S", "en", "S"), Body: proximite.T("fr", "B", "en", "B")}
	db.CreateIssue(ctx, issue)
	db.QueueIssue(ctx, 1)
	down, _ := mail.New("smtp://127.0.0.1:1", "", "bulletin@proximite.example.org")
	if _, err := (&bulletin.Sender{Queue: db, Mail: down, BaseURL: base}).Drain(ctx); err == nil {
		t.Fatal("drain with the server down: no error")
	}
	in := startInbox(t)
	up, _ := mail.New(in.URL(), "", "bulletin@proximite.example.org")
	st, err := (&bulletin.Sender{Queue: db, Mail: up, BaseURL: base}).Drain(ctx)
	if err != nil || st.Sent != 1 || in.count() != 1 {
		t.Errorf("drain once the server is up: %+v, %v, %d received", st, err, in.count())
	}
}

func keys(m map[string]*received) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
