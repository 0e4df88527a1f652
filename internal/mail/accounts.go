package mail

import (
	"html"
	"strings"

	"github.com/proximite/proximite"
)

// accountText is one account message in both languages.
type accountText struct{ subject, intro, action, outro string }

var (
	invitationText = map[string]accountText{
		"fr": {"Votre compte sur Proximité", "%s vous invite à tenir à jour le registre de la coopération de proximité.",
			"Pour choisir votre mot de passe, ouvrez ce lien (il ne sert qu'une fois et expire dans 7 jours) :",
			"Si vous n'attendiez pas cette invitation, ignorez ce message."},
		"en": {"Your account on Proximité", "%s invites you to keep the registry of proximity cooperation up to date.",
			"To choose your password, open this link (it works once and expires in 7 days):",
			"If you did not expect this invitation, ignore this message."},
	}
	resetText = map[string]accountText{
		"fr": {"Nouveau mot de passe pour Proximité", "Bonjour %s, une nouvelle connexion a été demandée pour votre compte.",
			"Pour choisir un nouveau mot de passe, ouvrez ce lien (il ne sert qu'une fois et expire dans une heure) :",
			"Si vous n'avez rien demandé, ignorez ce message : votre mot de passe reste le même."},
		"en": {"New password for Proximité", "Hello %s, a new password was requested for your account.",
			"To choose a new password, open this link (it works once and expires in an hour):",
			"If you asked for nothing, ignore this message: your password stays the same."},
	}
)

// Invitation is the message that invites a person to their new account,
// with the one-time link that sets their password.
func Invitation(u *proximite.User, link string) *Message {
	return accountMessage(u, invitationText, "Proximité", link)
}

// PasswordReset is the message with a one-time link to a new password.
func PasswordReset(u *proximite.User, link string) *Message {
	return accountMessage(u, resetText, u.Name, link)
}

// accountMessage writes the message in the person's language first and
// the other after it, since a shared mailbox may be read by either.
func accountMessage(u *proximite.User, texts map[string]accountText, name, link string) *Message {
	langs := []string{"fr", "en"}
	if u.Lang == "en" {
		langs = []string{"en", "fr"}
	}
	var text, page strings.Builder
	for i, l := range langs {
		t := texts[l]
		intro := strings.Replace(t.intro, "%s", name, 1)
		if i > 0 {
			text.WriteString("\n----\n\n")
			page.WriteString("<hr>\n")
		}
		text.WriteString(intro + "\n\n" + t.action + "\n" + link + "\n\n" + t.outro + "\n")
		page.WriteString(`<div lang="` + l + `"><p>` + html.EscapeString(intro) + "</p>\n<p>" + html.EscapeString(t.action) +
			`<br><a href="` + html.EscapeString(link) + `">` + html.EscapeString(link) + "</a></p>\n<p>" +
			html.EscapeString(t.outro) + "</p></div>\n")
	}
	return &Message{
		To:      []string{u.Email},
		Subject: texts[langs[0]].subject + " / " + texts[langs[1]].subject,
		Text:    text.String(),
		HTML:    "<!doctype html>\n<html><body>\n" + page.String() + "</body></html>\n",
	}
}
