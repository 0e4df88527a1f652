package mail

import (
	"html"
	"strings"

	"github.com/proximite/proximite"
)

// ReminderItem is one record of a reminder: its title, its public
// address, and when its partner last confirmed it ("" for never).
type ReminderItem struct {
	Title         string
	URL           string
	LastConfirmed string
}

type reminderText struct{ subject, intro, never, last, outro string }

var reminderTexts = map[string]reminderText{
	"fr": {"Vos fiches à faire confirmer sur Proximité",
		"Bonjour %s, ces fiches de vos organisations n'ont pas été confirmées par le partenaire depuis plus d'un an. Demandez-lui de les relire et de les confirmer depuis son espace, ou corrigez-les :",
		"jamais confirmée", "confirmée le ",
		"Une fiche confirmée porte la mention « confirmée par le partenaire » sur le registre."},
	"en": {"Your records to have confirmed on Proximité",
		"Hello %s, these records of your organisations have not been confirmed by the partner for more than a year. Ask them to read and confirm them from their workspace, or correct them:",
		"never confirmed", "confirmed on ",
		"A confirmed record shows \"confirmed by partner\" on the registry."},
}

// Reminder is the yearly message to an editor about the records of their
// organisations that the partner has not confirmed for twelve months.
// The person's language comes first, the other after it.
func Reminder(u *proximite.User, items map[string][]ReminderItem) *Message {
	langs := []string{"fr", "en"}
	if u.Lang == "en" {
		langs = []string{"en", "fr"}
	}
	var text, page strings.Builder
	for i, l := range langs {
		t := reminderTexts[l]
		intro := strings.Replace(t.intro, "%s", u.Name, 1)
		if i > 0 {
			text.WriteString("\n----\n\n")
			page.WriteString("<hr>\n")
		}
		text.WriteString(intro + "\n\n")
		page.WriteString(`<div lang="` + l + `"><p>` + html.EscapeString(intro) + "</p>\n<ul>\n")
		for _, it := range items[l] {
			when := t.never
			if it.LastConfirmed != "" {
				when = t.last + it.LastConfirmed
			}
			text.WriteString("- " + it.Title + " (" + when + ")\n  " + it.URL + "\n")
			page.WriteString(`<li><a href="` + html.EscapeString(it.URL) + `">` + html.EscapeString(it.Title) + "</a> (" +
				html.EscapeString(when) + ")</li>\n")
		}
		text.WriteString("\n" + t.outro + "\n")
		page.WriteString("</ul>\n<p>" + html.EscapeString(t.outro) + "</p></div>\n")
	}
	return &Message{
		To:      []string{u.Email},
		Subject: reminderTexts[langs[0]].subject + " / " + reminderTexts[langs[1]].subject,
		Text:    text.String(),
		HTML:    "<!doctype html>\n<html><body>\n" + page.String() + "</body></html>\n",
	}
}
