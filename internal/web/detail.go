package web

import (
	"context"
	"net/http"
	"time"

	"github.com/proximite/proximite"
)

// detail returns the page of one record type.
func (h *Handler) detail(t proximite.RecordType) pageHandler {
	switch t {
	case proximite.TypeOrganisation:
		return h.organisation
	case proximite.TypePartnership:
		return h.partnership
	case proximite.TypeProject:
		return h.project
	case proximite.TypeVisit:
		return h.visit
	case proximite.TypePublication:
		return h.publication
	}
	return h.programme
}

// recordSlug reads the slug of a record page. A path that cannot be a
// slug is a 404 without asking the registry.
func recordSlug(r *http.Request) (string, error) {
	s := r.PathValue("slug")
	if !slugParamRE.MatchString(s) || len(s) > 120 {
		return "", proximite.Errorf(proximite.ENOTFOUND, "no record %q", s)
	}
	return s, nil
}

// published turns a record that exists but is not published into a 404:
// drafts do not exist for the public.
func published(m *proximite.Meta) error {
	if m.State != proximite.Published {
		return proximite.Errorf(proximite.ENOTFOUND, "no published record %q", m.Slug)
	}
	return nil
}

// canonical redirects a record reached by another name than its slug (the
// registry also finds records by ID) to its one URL, and reports whether
// it did.
func canonical(w http.ResponseWriter, r *http.Request, l *localizer, s section, asked string, m *proximite.Meta) bool {
	if asked == m.Slug {
		return false
	}
	http.Redirect(w, r, path(l.lang, s, m.Slug), http.StatusMovedPermanently)
	return true
}

// newestLinked returns when the most recently changed record linking to
// one record changed, so that a record page's validator changes when a
// project is added to its partnership.
func (h *Handler) newestLinked(ctx context.Context, f proximite.SearchFilter) (time.Time, error) {
	f.Sort, f.Limit = proximite.SortRecent, 1
	res, err := h.reg.Search(ctx, f)
	if err != nil || len(res.Hits) == 0 {
		return time.Time{}, err
	}
	return res.Hits[0].Updated, nil
}

// recordMeta is what every record page says about the record itself:
// the partner's confirmation, when it was last confirmed and changed,
// and where its facts come from.
type recordMeta struct {
	Confirmed     bool
	LastConfirmed string
	Updated       string
	Sources       []string
	API           string
}

func metaView(l *localizer, t proximite.RecordType, m *proximite.Meta) recordMeta {
	rm := recordMeta{Confirmed: m.ConfirmedByPartner, Updated: l.Day(m.UpdatedAt), Sources: m.Sources,
		API: apiPath(t) + "/" + m.Slug}
	if m.LastConfirmed != nil {
		rm.LastConfirmed = l.Day(*m.LastConfirmed)
	}
	return rm
}

// linkTo returns a link to a published partnership, programme or
// organisation by slug, or nil when the slug is empty or names nothing
// public.
func (h *Handler) linkTo(ctx context.Context, l *localizer, t proximite.RecordType, slug string) (*recordLink, error) {
	if slug == "" {
		return nil, nil
	}
	var name proximite.Text
	var m *proximite.Meta
	var err error
	switch t {
	case proximite.TypePartnership:
		var p *proximite.Partnership
		if p, err = h.reg.FindPartnership(ctx, slug); err == nil {
			name, m = p.Title, &p.Meta
		}
	case proximite.TypeProgramme:
		var p *proximite.Programme
		if p, err = h.reg.FindProgramme(ctx, slug); err == nil {
			name, m = p.Name, &p.Meta
		}
	default:
		var o *proximite.Organisation
		if o, err = h.reg.FindOrganisation(ctx, slug); err == nil {
			name, m = o.Name, &o.Meta
		}
	}
	if proximite.ErrorCode(err) == proximite.ENOTFOUND || (err == nil && m.State != proximite.Published) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	return &recordLink{Name: name, URL: path(l.lang, sectionOf(t), slug)}, nil
}
