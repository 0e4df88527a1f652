package bulletin

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/proximite/proximite"
)

// Source is what a proposal reads: the records published since the
// previous issue, and the upcoming events.
type Source interface {
	PublishedSince(ctx context.Context, since time.Time, types []proximite.RecordType, limit int) ([]proximite.Hit, error)
	ListEvents(ctx context.Context, f proximite.EventFilter) ([]*proximite.Event, error)
}

// Links makes the absolute addresses a proposal points to.
type Links struct {
	Record func(lang string, t proximite.RecordType, slug string) string
	Event  func(lang, slug string) string
}

// proposedTypes are the kinds of records an issue announces, in order;
// publications join them when the registry knows that type.
func proposedTypes() []proximite.RecordType {
	types := []proximite.RecordType{proximite.TypePartnership, proximite.TypeProject, proximite.TypeVisit}
	if t := proximite.RecordType("publication"); t.Valid() {
		types = append(types, t)
	}
	return types
}

var headings = map[string]map[string]string{
	"fr": {"partnership": "Nouveaux partenariats", "project": "Nouveaux projets", "visit": "Missions et visites",
		"publication": "Nouvelles publications", "events": "Événements à venir",
		"intro": "Voici ce qui est nouveau dans le registre de la coopération de proximité depuis le dernier bulletin.",
		"empty": "Rien de nouveau n'a été publié depuis le dernier bulletin.", "subject": "Les nouvelles de la coopération de proximité"},
	"en": {"partnership": "New partnerships", "project": "New projects", "visit": "Visits and delegations",
		"publication": "New publications", "events": "Upcoming events",
		"intro": "Here is what is new in the registry of proximity cooperation since the last bulletin.",
		"empty": "Nothing new has been published since the last bulletin.", "subject": "News of proximity cooperation"},
}

// perSection bounds the items of each kind a proposal lists.
const perSection = 30

// Propose writes the draft subject and body of the next issue in each
// language from what was published since, and the events to come after
// now. The coordinator edits it before sending.
func Propose(ctx context.Context, src Source, links Links, since, now time.Time) (subject, body proximite.Text, err error) {
	hits, err := src.PublishedSince(ctx, since, proposedTypes(), perSection)
	if err != nil {
		return nil, nil, err
	}
	events, err := src.ListEvents(ctx, proximite.EventFilter{Span: proximite.Upcoming, Now: now, Limit: 10})
	if err != nil {
		return nil, nil, err
	}
	subject, body = proximite.Text{}, proximite.Text{}
	for _, lang := range proximite.Languages {
		h := headings[lang]
		var b strings.Builder
		b.WriteString(h["intro"] + "\n")
		any := false
		for _, t := range proposedTypes() {
			first := true
			for _, hit := range hits {
				if hit.Type != t {
					continue
				}
				if first {
					b.WriteString("\n## " + h[string(t)] + "\n\n")
					first, any = false, true
				}
				title, _ := hit.Title.In(lang)
				b.WriteString("- " + title + "\n  " + links.Record(lang, t, hit.Slug) + "\n")
			}
		}
		if len(events) > 0 {
			any = true
			b.WriteString("\n## " + h["events"] + "\n\n")
			for _, e := range events {
				title, _ := e.Title.In(lang)
				b.WriteString(fmt.Sprintf("- %s, %s\n  %s\n", title, e.Start.In(e.Location()).Format("2006-01-02"), links.Event(lang, e.Slug)))
			}
		}
		if !any {
			b.WriteString("\n" + h["empty"] + "\n")
		}
		subject[lang], body[lang] = h["subject"], b.String()
	}
	return subject, body, nil
}
