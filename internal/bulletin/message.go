package bulletin

import (
	"fmt"
	"html"
	"net/url"
	"strconv"
	"strings"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/mail"
)

// Paths of the bulletin's public pages, per language. The links that
// messages carry lead there.
var (
	Paths        = map[string]string{"fr": "/fr/bulletin", "en": "/en/bulletin"}
	ConfirmPaths = map[string]string{"fr": "/fr/bulletin/confirmation", "en": "/en/bulletin/confirm"}
	UnsubPaths   = map[string]string{"fr": "/fr/bulletin/desabonnement", "en": "/en/bulletin/unsubscribe"}
	FeedPaths    = map[string]string{"fr": "/fr/bulletin.atom", "en": "/en/bulletin.atom"}
)

// TokenParam is the query parameter of the links' tokens.
const TokenParam = "jeton"

// IssuePath is the public page of an issue in a language.
func IssuePath(lang string, number int) string { return Paths[lang] + "/" + strconv.Itoa(number) }

// UnsubscribeURL is the one-click unsubscribe link of a token.
func UnsubscribeURL(baseURL, lang, token string) string {
	return strings.TrimSuffix(baseURL, "/") + UnsubPaths[lang] + "?" + TokenParam + "=" + url.QueryEscape(token)
}

type words struct {
	issue, unsub, web, why, confirmSubject, confirmIntro, confirmAction, confirmIgnore, test string
}

var texts = map[string]words{
	"fr": {"Bulletin de l'Observatoire, n° %d", "Se désabonner en un clic", "Lire ce numéro en ligne",
		"Vous recevez ce bulletin parce que vous vous y êtes abonné·e.",
		"Confirmez votre abonnement au bulletin de l'Observatoire",
		"Quelqu'un, sans doute vous, a demandé à recevoir le bulletin de l'Observatoire de la coopération de proximité à cette adresse, en français.",
		"Pour confirmer, ouvrez ce lien (valable 7 jours, une seule fois) :",
		"Si ce n'était pas vous, ignorez ce message : sans confirmation, vous ne recevrez rien.",
		"[ESSAI] "},
	"en": {"Observatoire bulletin, no. %d", "Unsubscribe in one click", "Read this issue online",
		"You receive this bulletin because you subscribed to it.",
		"Confirm your subscription to the Observatoire's bulletin",
		"Someone, probably you, asked to receive the bulletin of the Observatoire of proximity cooperation at this address, in English.",
		"To confirm, open this link (valid for 7 days, once):",
		"If it was not you, ignore this message: without confirmation you will receive nothing.",
		"[TEST] "},
}

// MessageID is the Message-ID of an issue's message to a subscriber: the
// same each time it is made, so that a message sent again after a crash
// can be recognised as the same one.
func MessageID(issue *proximite.Issue, subscriberID int64, baseURL string) string {
	return fmt.Sprintf("<bulletin.%d.%d@%s>", issue.Number, subscriberID, hostOf(baseURL))
}

func hostOf(baseURL string) string {
	if u, err := url.Parse(baseURL); err == nil && u.Hostname() != "" {
		return u.Hostname()
	}
	return "localhost"
}

// IssueMessage is the message of an issue to one subscriber, in their
// language, with the headers of RFC 2369 and RFC 8058 that let a mail
// program offer a one-click unsubscribe.
func IssueMessage(issue *proximite.Issue, s *proximite.Subscriber, token, baseURL string) *mail.Message {
	unsub := UnsubscribeURL(baseURL, s.Lang, token)
	m := compose(issue, s.Lang, unsub, baseURL)
	m.To = []string{s.Email}
	m.Header = map[string]string{
		"Message-ID":            MessageID(issue, s.ID, baseURL),
		"List-Unsubscribe":      "<" + unsub + ">",
		"List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
		"List-Id":               "Bulletin Proximité <bulletin." + hostOf(baseURL) + ">",
		"Precedence":            "bulk",
	}
	return m
}

// TestMessage is an issue as a subscriber in lang would read it, sent to
// a coordinator before the real sending; its unsubscribe link leads to
// the bulletin's page, since the coordinator is no subscriber.
func TestMessage(issue *proximite.Issue, lang, to, baseURL string) *mail.Message {
	m := compose(issue, lang, strings.TrimSuffix(baseURL, "/")+Paths[lang], baseURL)
	m.To = []string{to}
	m.Subject = texts[lang].test + m.Subject
	return m
}

// Preview returns the two versions of an issue in a language as a
// subscriber receives them.
func Preview(issue *proximite.Issue, lang, baseURL string) (text, htmlBody string) {
	m := compose(issue, lang, strings.TrimSuffix(baseURL, "/")+UnsubPaths[lang]+"?"+TokenParam+"=…", baseURL)
	return m.Text, m.HTML
}

func compose(issue *proximite.Issue, lang, unsub, baseURL string) *mail.Message {
	w := texts[lang]
	web := strings.TrimSuffix(baseURL, "/") + IssuePath(lang, issue.Number)
	subject, _ := issue.Subject.In(lang)
	body, _ := issue.Body.In(lang)
	title := fmt.Sprintf(w.issue, issue.Number)
	text := title + "\n\n" + strings.TrimSpace(body) + "\n\n-- \n" + w.web + " : " + web + "\n" + w.why + "\n" + w.unsub + " : " + unsub + "\n"
	if lang == "en" {
		text = strings.ReplaceAll(text, " : ", ": ")
	}
	page := `<!doctype html>
<html lang="` + lang + `"><head><meta charset="utf-8"><title>` + html.EscapeString(subject) + `</title></head>
<body style="font-family: sans-serif; line-height: 1.5; max-width: 40em; margin: 0 auto; padding: 1em; color: #1a1a1a">
<p style="color: #555">` + html.EscapeString(title) + `</p>
<h1 style="font-size: 1.4em">` + html.EscapeString(subject) + `</h1>
` + HTML(body) + `<hr>
<p style="font-size: 0.9em; color: #555"><a href="` + html.EscapeString(web) + `">` + html.EscapeString(w.web) + `</a><br>
` + html.EscapeString(w.why) + `<br><a href="` + html.EscapeString(unsub) + `">` + html.EscapeString(w.unsub) + `</a></p>
</body></html>
`
	return &mail.Message{Subject: subject, Text: text, HTML: page}
}

// Confirmation is the message that asks a new subscriber to confirm,
// in the language they chose.
func Confirmation(email, lang, token, baseURL string) *mail.Message {
	w := texts[lang]
	link := strings.TrimSuffix(baseURL, "/") + ConfirmPaths[lang] + "?" + TokenParam + "=" + url.QueryEscape(token)
	text := w.confirmIntro + "\n\n" + w.confirmAction + "\n" + link + "\n\n" + w.confirmIgnore + "\n"
	page := `<!doctype html>
<html lang="` + lang + `"><head><meta charset="utf-8"><title>` + html.EscapeString(w.confirmSubject) + `</title></head>
<body style="font-family: sans-serif; line-height: 1.5; max-width: 40em; margin: 0 auto; padding: 1em">
<p>` + html.EscapeString(w.confirmIntro) + `</p>
<p>` + html.EscapeString(w.confirmAction) + `<br><a href="` + html.EscapeString(link) + `">` + html.EscapeString(link) + `</a></p>
<p>` + html.EscapeString(w.confirmIgnore) + `</p>
</body></html>
`
	return &mail.Message{To: []string{email}, Subject: w.confirmSubject, Text: text, HTML: page}
}
