package web

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/mail"
	"net/url"
	"regexp"
	"strings"
	"testing"

	pmail "github.com/proximite/proximite/internal/mail"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/bulletin"
	"github.com/proximite/proximite/internal/sqlstore"
	"github.com/proximite/proximite/internal/sqlstore/sqltest"
)

// newBulletinSite is the workspace's test site with the bulletin on,
// its mail going to the same outbox.
func newBulletinSite(t *testing.T, db *sqlstore.DB) *wsSite {
	t.Helper()
	s := newWSSite(t, db)
	s.h.WithBulletin(Bulletin{Store: db, Events: db, Mail: &pmail.Outbox{Dir: s.outbox, From: "bulletin@test"}, BaseURL: "http://registre.test"})
	return s
}

// emlText returns the subject and the plain-text part of an .eml file.
func emlText(t *testing.T, eml string) (string, string) {
	t.Helper()
	m, err := mail.ReadMessage(strings.NewReader(eml))
	if err != nil {
		t.Fatal(err)
	}
	subject, _ := new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
	_, params, _ := mime.ParseMediaType(m.Header.Get("Content-Type"))
	mr := multipart.NewReader(m.Body, params["boundary"])
	for {
		p, err := mr.NextPart()
		if err != nil {
			t.Fatalf("no text part: %v", err)
		}
		if strings.HasPrefix(p.Header.Get("Content-Type"), "text/plain") {
			b, _ := io.ReadAll(p)
			return subject, string(b)
		}
	}
}

var linkPathRE = regexp.MustCompile(`http://registre\.test(/[^\s?]+\?jeton=[^\s]+)`)

// linkIn returns the path and query of the first link to the site with
// a token in a text.
func linkIn(t *testing.T, text string) string {
	t.Helper()
	m := linkPathRE.FindStringSubmatch(text)
	if m == nil {
		t.Fatalf("no link with a token in:\n%s", text)
	}
	return m[1]
}

func subscriberOf(t *testing.T, db *sqlstore.DB, email string) proximite.SubscriberState {
	t.Helper()
	s, err := db.FindSubscriber(context.Background(), email)
	if proximite.ErrorCode(err) == proximite.ENOTFOUND {
		return ""
	} else if err != nil {
		t.Fatal(err)
	}
	return s.State
}

func TestBulletinPublicPages(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		s := newBulletinSite(t, db)
		for _, p := range []string{"/fr/", "/en/", "/fr/bulletin", "/en/bulletin"} {
			r := s.do("anonymous", "GET", p, nil)
			if r.Status != 200 || !strings.Contains(r.Body, `<link rel="alternate" type="application/atom+xml" href="`+p[:3]+`/bulletin.atom"`) {
				t.Errorf("%s: %d, want 200 advertising the Atom feed", p, r.Status)
			}
		}

		// An invalid address is refused next to its field, and stored nowhere.
		r := s.do("anonymous", "POST", "/en/bulletin", url.Values{"email": {"not-an-address"}, "lang": {"en"}})
		if r.Status != 400 || !strings.Contains(r.Body, "is not an address such as name@example.org") {
			t.Errorf("invalid address: %d, want 400 with the reason", r.Status)
		}
		if st := subscriberOf(t, db, "not-an-address"); st != "" {
			t.Errorf("invalid address stored as %s", st)
		}

		// A new address and a known one get the same answer.
		first := s.do("anonymous", "POST", "/en/bulletin", url.Values{"email": {"jane@example.ca"}, "lang": {"en"}})
		again := s.do("anonymous", "POST", "/en/bulletin", url.Values{"email": {"jane@example.ca"}, "lang": {"en"}})
		if first.Status != http.StatusSeeOther || again.Status != first.Status || again.Header.Get("Location") != first.Header.Get("Location") {
			t.Errorf("new then known address: %d %q, %d %q; want the same answer", first.Status, first.Header.Get("Location"),
				again.Status, again.Header.Get("Location"))
		}
		msgs := s.mail()
		if len(msgs) != 1 {
			t.Fatalf("%d messages, want one confirmation", len(msgs))
		}
		subject, text := emlText(t, msgs[0])
		if subject != "Confirm your subscription to the Observatoire's bulletin" {
			t.Errorf("confirmation subject %q, want it in English", subject)
		}
		link := linkIn(t, text)
		if !strings.HasPrefix(link, bulletin.ConfirmPaths["en"]) {
			t.Fatalf("confirmation link %s", link)
		}
		// Fetching the link changes nothing (mail scanners fetch links);
		// the button confirms, once.
		if r := s.do("anonymous", "GET", link, nil); r.Status != 200 || !strings.Contains(r.Body, "I confirm my subscription") {
			t.Errorf("confirmation page: %d", r.Status)
		}
		if st := subscriberOf(t, db, "jane@example.ca"); st != proximite.SubscriberPending {
			t.Errorf("after GET: %s, want pending", st)
		}
		if r := s.do("anonymous", "POST", link, url.Values{}); r.Status != 200 || !strings.Contains(r.Body, "Subscription confirmed") {
			t.Errorf("confirm: %d", r.Status)
		}
		for _, method := range []string{"GET", "POST"} {
			r := s.do("anonymous", method, link, url.Values{})
			if r.Status != http.StatusConflict || !strings.Contains(r.Body, "this confirmation link has already been used") {
				t.Errorf("replayed confirmation (%s): %d, want 409 saying it was used", method, r.Status)
			}
		}
		if r := s.do("anonymous", "GET", bulletin.ConfirmPaths["fr"]+"?jeton=c_inconnu", nil); r.Status != 404 ||
			!strings.Contains(r.Body, "ce lien de confirmation n&#39;est pas valide") {
			t.Errorf("unknown confirmation: %d", r.Status)
		}

		// The unsubscribe link: a tampered token is refused and changes nothing.
		jane, _ := db.FindSubscriber(context.Background(), "jane@example.ca")
		tok, _ := db.UnsubscribeToken(context.Background(), jane.ID)
		tampered := bulletin.UnsubPaths["en"] + "?jeton=" + url.QueryEscape(tok[:len(tok)-1]+"x")
		for _, method := range []string{"GET", "POST"} {
			r := s.do("anonymous", method, tampered, url.Values{"List-Unsubscribe": {"One-Click"}})
			if r.Status != 400 || !strings.Contains(r.Body, "this unsubscribe link is not valid: it was altered") {
				t.Errorf("tampered token (%s): %d, want 400 saying so", method, r.Status)
			}
		}
		if st := subscriberOf(t, db, "jane@example.ca"); st != proximite.SubscriberConfirmed {
			t.Fatalf("after tampered tokens: %s, want confirmed", st)
		}
		// RFC 8058: a mail program's POST, with no page in between.
		good := bulletin.UnsubPaths["en"] + "?jeton=" + url.QueryEscape(tok)
		if r := s.do("anonymous", "GET", good, nil); r.Status != 200 || !strings.Contains(r.Body, "Unsubscribe me") {
			t.Errorf("unsubscribe page: %d, want a button", r.Status)
		}
		if r := s.do("anonymous", "POST", good, url.Values{"List-Unsubscribe": {"One-Click"}}); r.Status != 200 {
			t.Errorf("one-click unsubscribe: %d", r.Status)
		}
		if st := subscriberOf(t, db, "jane@example.ca"); st != proximite.SubscriberUnsubscribed {
			t.Errorf("after one-click: %s, want unsubscribed", st)
		}

		// One client cannot make the form write to a list of strangers.
		var last response
		for i := 0; i < maxSubscribesPerHour; i++ {
			last = s.do("anonymous", "POST", "/fr/bulletin", url.Values{"email": {fmt.Sprintf("inconnu%d@exemple.org", i)}})
		}
		if last.Status != 429 || !strings.Contains(last.Body, "Trop de demandes") {
			t.Errorf("request %d from one client: %d, want 429", maxSubscribesPerHour+3, last.Status)
		}
	})
}

// atomDoc is what the test reads of an Atom feed.
type atomDoc struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string   `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Author  string   `xml:"author>name"`
	Entries []struct {
		ID      string `xml:"id"`
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
		Link    struct {
			Href string `xml:"href,attr"`
		} `xml:"link"`
		Content string `xml:"content"`
	} `xml:"entry"`
}

func TestBulletinCoordinator(t *testing.T) {
	sqltest.Each(t, func(t *testing.T, db *sqlstore.DB) {
		s := newBulletinSite(t, db)
		if r := s.do("editor", "GET", "/fr/mon-espace/bulletin", nil); r.Status != 403 {
			t.Errorf("editor: %d, want 403", r.Status)
		}
		if r := s.do("anonymous", "GET", "/fr/mon-espace/bulletin", nil); r.Status != http.StatusSeeOther {
			t.Errorf("visitor: %d, want a redirect to sign in", r.Status)
		}

		// An import with a bad line is refused whole, every bad line named.
		bad := "email,lang,consent_date\nawa@exemple.sn,fr,2024-05-01\nfaux,fr,2024-05-01\nbob@example.ca,en,mai 2024\n"
		r := s.uploadCSV("coordinator", "/fr/mon-espace/bulletin/import", bad)
		if r.Status != 400 || !strings.Contains(r.Body, "Ligne 3") || !strings.Contains(r.Body, "Ligne 4") || strings.Contains(r.Body, "Ligne 2") {
			t.Errorf("import with bad lines: %d, want 400 naming lines 3 and 4", r.Status)
		}
		if st := subscriberOf(t, db, "awa@exemple.sn"); st != "" {
			t.Fatalf("a refused import stored awa as %s", st)
		}
		good := "courriel;langue;date_consentement\nawa@exemple.sn;fr;2024-05-01\nbob@example.ca;EN;2024-06-01\n"
		good = strings.ReplaceAll(good, ";", ",")
		if r := s.uploadCSV("coordinator", "/fr/mon-espace/bulletin/import", good); r.Status != http.StatusSeeOther {
			t.Fatalf("import: %d\n%s", r.Status, r.Body)
		}
		r = s.do("coordinator", "GET", "/fr/mon-espace/bulletin?importe=2&gardes=0", nil)
		if r.Status != 200 || !strings.Contains(r.Body, "2 abonnés ajoutés") || !strings.Contains(r.Body, "bob@example.ca") {
			t.Errorf("overview after import: %d", r.Status)
		}
		if r := s.do("coordinator", "GET", "/en/my-workspace/bulletin/subscribers.csv", nil); r.Status != 200 ||
			!strings.Contains(r.Body, "awa@exemple.sn,fr,confirmed,import,2024-05-01") {
			t.Errorf("export: %d\n%s", r.Status, r.Body)
		}

		// A new issue proposes what the registry published.
		r = s.do("coordinator", "POST", "/fr/mon-espace/bulletin/nouveau", url.Values{})
		if r.Status != http.StatusSeeOther || r.Header.Get("Location") != "/fr/mon-espace/bulletin/1" {
			t.Fatalf("new issue: %d %s", r.Status, r.Header.Get("Location"))
		}
		r = s.do("coordinator", "GET", "/fr/mon-espace/bulletin/1", nil)
		if r.Status != 200 || !strings.Contains(r.Body, "Nouveaux partenariats") || !strings.Contains(r.Body, "New partnerships") {
			t.Fatalf("issue page: %d, want proposals in both languages", r.Status)
		}
		form := url.Values{"subject_fr": {"Nouvelles d'hiver"}, "body_fr": {"Bonjour à toutes et à tous."},
			"subject_en": {""}, "body_en": {"Hello all."}}
		// A test needs both languages; what is missing is said.
		if r := s.do("coordinator", "POST", "/fr/mon-espace/bulletin/1/essai", form); r.Status != 400 || !strings.Contains(r.Body, "Il manque l&#39;objet") {
			t.Errorf("test of an incomplete issue: %d", r.Status)
		}
		form.Set("subject_en", "Winter news")
		before := len(s.mail())
		if r := s.do("coordinator", "POST", "/fr/mon-espace/bulletin/1/essai", form); r.Status != http.StatusSeeOther {
			t.Fatalf("test: %d", r.Status)
		}
		tests := s.mail()[before:]
		if len(tests) != 2 {
			t.Fatalf("%d test messages, want one per language", len(tests))
		}
		for _, m := range tests {
			if !strings.Contains(m, "To: coord@rosi.test") {
				t.Errorf("test message not to the coordinator:\n%.300s", m)
			}
		}
		r = s.do("coordinator", "GET", "/fr/mon-espace/bulletin/1", nil)
		if !strings.Contains(r.Body, "Winter news") || !strings.Contains(r.Body, "Version texte") {
			t.Errorf("the preview does not show the saved issue")
		}
		// Sending asks for the box to be ticked.
		if r := s.do("coordinator", "POST", "/fr/mon-espace/bulletin/1/envoi", url.Values{}); r.Status != 400 {
			t.Errorf("send without the box: %d, want 400", r.Status)
		}
		r = s.do("coordinator", "POST", "/fr/mon-espace/bulletin/1/envoi", url.Values{"checked": {"1"}})
		if r.Status != http.StatusSeeOther || !strings.Contains(r.Header.Get("Location"), "envoye=2") {
			t.Fatalf("send: %d %s, want 2 queued", r.Status, r.Header.Get("Location"))
		}
		if r := s.do("coordinator", "POST", "/fr/mon-espace/bulletin/1/envoi", url.Values{"checked": {"1"}}); r.Status != http.StatusConflict {
			t.Errorf("sending twice: %d, want 409", r.Status)
		}
		if r := s.do("coordinator", "POST", "/fr/mon-espace/bulletin/1", form); r.Status != http.StatusConflict {
			t.Errorf("editing a sent issue: %d, want 409", r.Status)
		}

		// The sent issue is public, and in the feed.
		if r := s.do("anonymous", "GET", "/en/bulletin/1", nil); r.Status != 200 || !strings.Contains(r.Body, "Winter news") {
			t.Errorf("public issue: %d", r.Status)
		}
		if r := s.do("anonymous", "GET", "/en/bulletin/2", nil); r.Status != 404 {
			t.Errorf("missing issue: %d", r.Status)
		}
		r = s.do("anonymous", "GET", "/fr/bulletin.atom", nil)
		var feed atomDoc
		if err := xml.Unmarshal([]byte(r.Body), &feed); err != nil {
			t.Fatalf("feed: %v\n%s", err, r.Body)
		}
		if r.Header.Get("Content-Type") != "application/atom+xml; charset=utf-8" || feed.Lang != "fr" || feed.ID == "" || feed.Updated == "" ||
			feed.Author != "Proximité" || len(feed.Entries) != 1 || feed.Entries[0].ID == "" || feed.Entries[0].Updated == "" || !strings.HasSuffix(feed.Entries[0].Link.Href, "/fr/bulletin/1") ||
			!strings.Contains(feed.Entries[0].Title, "Nouvelles d'hiver") || !strings.Contains(feed.Entries[0].Content, "Bonjour") {
			t.Errorf("feed: %+v", feed)
		}
	})
}

// uploadCSV posts a CSV file as the import form does.
func (s *wsSite) uploadCSV(persona, target, content string) response {
	s.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, _ := mw.CreateFormFile("file", "abonnes.csv")
	fw.Write([]byte(content))
	mw.Close()
	req := httptest.NewRequest("POST", target, &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.AddCookie(&http.Cookie{Name: sessionCookie, Value: s.cookie[persona]})
	rec := httptest.NewRecorder()
	s.all.ServeHTTP(rec, req)
	return response{Status: rec.Code, Header: rec.Header(), Body: rec.Body.String()}
}
