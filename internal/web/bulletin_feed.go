package web

import (
	"encoding/xml"
	"net/http"
	"strconv"
	"time"

	"github.com/proximite/proximite/internal/bulletin"
)

// The Atom feed (RFC 4287) of the bulletin's past issues in one
// language: a reader subscribes to it instead of giving an address.

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomAuthor  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	ID        string   `xml:"id"`
	Title     string   `xml:"title"`
	Published string   `xml:"published"`
	Updated   string   `xml:"updated"`
	Link      atomLink `xml:"link"`
	Content   atomHTML `xml:"content"`
}

type atomHTML struct {
	Type string `xml:"type,attr"`
	Body string `xml:",chardata"`
}

// feedEntries bounds the feed; the page lists every issue.
const feedEntries = 50

func (h *Handler) bulletinFeed(w http.ResponseWriter, r *http.Request, l *localizer) {
	issues, err := h.bulletin.Store.ListIssues(r.Context(), false)
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	site := origin(r)
	f := atomFeed{Lang: l.lang, ID: site + bulletin.FeedPaths[l.lang], Title: l.T("bulletin.feed.title"),
		Links: []atomLink{{Rel: "self", Type: "application/atom+xml", Href: site + bulletin.FeedPaths[l.lang]},
			{Rel: "alternate", Type: "text/html", Href: site + bulletin.Paths[l.lang]}},
		Author: atomAuthor{Name: l.T("brand.name")}}
	// A feed with no entry still needs a date: that of the oldest
	// possible change, which is stable across requests.
	updated := time.Unix(0, 0).UTC()
	for k, i := range issues {
		if k == feedEntries {
			break
		}
		if i.QueuedAt.After(updated) {
			updated = i.QueuedAt
		}
		subject, _ := i.Subject.In(l.lang)
		body, _ := i.Body.In(l.lang)
		link := site + bulletin.IssuePath(l.lang, i.Number)
		at := i.QueuedAt.UTC().Format(time.RFC3339)
		f.Entries = append(f.Entries, atomEntry{ID: link, Title: l.T("bulletin.issue.number", "n", strconv.Itoa(i.Number)) + " — " + subject,
			Published: at, Updated: at, Link: atomLink{Rel: "alternate", Type: "text/html", Href: link},
			Content: atomHTML{Type: "html", Body: bulletin.HTML(body)}})
	}
	f.Updated = updated.UTC().Format(time.RFC3339)
	out, err := xml.MarshalIndent(f, "", " ")
	if err != nil {
		h.fail(w, r, l, err)
		return
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	w.Write([]byte(xml.Header))
	w.Write(out)
	w.Write([]byte("\n"))
}
