package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/proximite/proximite"
)

// The assessments of candidates against the partner-selection checklist,
// kept with a partnership. They are shown on the partnership's page to
// the members who may read them (coordinators, and the editors of the
// partnership's organisations) and to no one else: they judge a
// community that did not write them ("social cohesion: not met"), so
// they stay among those who work with it. The checklist itself is edited
// by the coordinators (checklist.go).

var assessSegment = map[string]string{"fr": "evaluation", "en": "assessment"}

func assessPath(lang, partnership string) string {
	return path(lang, secPartnership, partnership) + "/" + assessSegment[lang]
}

// assessView is the partnership page's section of assessments.
type assessView struct {
	Items []assessmentView
	// New is the form's path; Checklist, the checklist's, for
	// coordinators.
	New, Checklist string
}

// assessmentView is one assessment.
type assessmentView struct {
	ID        int64
	Candidate recordLink
	By, At    string
	Datetime  string
	Answers   []answerView
	Note      string
	Count     string // "4 of 6 met"
}

// answerView is one criterion's answer.
type answerView struct {
	Text    proximite.Text
	Verdict string // met, not_met, unknown: the class
	Label   string
	Note    string
}

// partnershipAssessments returns the section for the signed-in member
// who may read it, and nil for anyone else.
func (h *Handler) partnershipAssessments(ctx context.Context, r *http.Request, l *localizer, p *proximite.Partnership) (*assessView, error) {
	cl, ok := h.reg.(proximite.ChecklistService)
	u := h.user(r)
	if !ok || h.ws == nil || proximite.CanAssess(u, partnershipOrgs(p)) != nil {
		return nil, nil
	}
	list, err := cl.Assessments(ctx, p.Slug)
	if err != nil {
		return nil, err
	}
	v := &assessView{New: assessPath(l.lang, p.Slug)}
	if proximite.CanEditChecklist(u) == nil {
		v.Checklist = wsPath(l.lang, wsChecklist)
	}
	for _, a := range list {
		av := assessmentView{ID: a.ID, By: a.By, At: l.Day(a.At), Datetime: a.At.Format(time.RFC3339), Note: a.Note,
			Candidate: recordLink{Name: proximite.Text{"fr": a.Candidate}, URL: path(l.lang, secOrganisation, a.Candidate)}}
		if o, err := h.reg.FindOrganisation(ctx, a.Candidate); err == nil {
			av.Candidate.Name = o.Name
		}
		met := 0
		for _, an := range a.Answers {
			if an.Verdict == proximite.VerdictMet {
				met++
			}
			av.Answers = append(av.Answers, answerView{Text: an.Text, Verdict: string(an.Verdict),
				Label: l.T("assess.verdict." + string(an.Verdict)), Note: an.Note})
		}
		av.Count = l.T("assess.count", "met", met, "n", len(a.Answers))
		v.Items = append(v.Items, av)
	}
	return v, nil
}

// latestAssessment is when the newest assessment the member may read was
// made, so that the partnership page's validator changes with it.
func (h *Handler) latestAssessment(ctx context.Context, r *http.Request, p *proximite.Partnership) time.Time {
	cl, ok := h.reg.(proximite.ChecklistService)
	if !ok || h.ws == nil || proximite.CanAssess(h.user(r), partnershipOrgs(p)) != nil {
		return time.Time{}
	}
	list, err := cl.Assessments(ctx, p.Slug)
	if err != nil || len(list) == 0 {
		return time.Time{}
	}
	return list[0].At
}

func partnershipOrgs(p *proximite.Partnership) []string {
	var out []string
	for _, pt := range p.Parties {
		out = append(out, pt.Org)
	}
	return out
}

// assessRoutes registers the assessment form and the checklist in one
// language.
func (h *Handler) assessRoutes(lang string, l *localizer) {
	cl, ok := h.reg.(proximite.ChecklistService)
	if !ok {
		return
	}
	for _, m := range []string{"GET ", "POST "} {
		h.mux.HandleFunc(m+path(lang, secPartnership, "")+"/{slug}/"+assessSegment[lang], h.page(l, h.assessForm(cl)))
		h.mux.HandleFunc(m+wsPath(lang, wsChecklist), h.page(l, h.checklistPage(cl)))
	}
}

// assessFormData is the assessment form.
type assessFormData struct {
	page
	Heading, Action, Cancel string
	Candidates              []choice
	Criteria                []criterionInput
	Note                    string
	Errors                  map[string]string
	Summary                 []crumb
}

// criterionInput is one criterion of the form with its answer so far.
type criterionInput struct {
	ID       int64
	Text     proximite.Text
	Verdicts []choice
	Note     string
}

func (h *Handler) assessForm(cl proximite.ChecklistService) pageHandler {
	return func(w http.ResponseWriter, r *http.Request, l *localizer) {
		u := h.member(w, r, l)
		if u == nil {
			return
		}
		ctx := r.Context()
		slug, err := recordSlug(r)
		if err != nil {
			h.fail(w, r, l, err)
			return
		}
		p, err := h.reg.FindPartnership(ctx, slug)
		if err != nil {
			h.fail(w, r, l, err)
			return
		}
		if err := proximite.CanAssess(u, partnershipOrgs(p)); err != nil {
			h.refuse(w, r, l, err)
			return
		}
		crit, err := cl.Criteria(ctx, false)
		if err != nil {
			h.fail(w, r, l, err)
			return
		}
		d := assessFormData{Errors: map[string]string{}}
		v := url.Values{}
		if r.Method == http.MethodPost {
			r.Body = http.MaxBytesReader(w, r.Body, maxFormBody)
			if err := r.ParseForm(); err != nil {
				h.errorPage(w, r, l, http.StatusBadRequest, "error.badrequest", "")
				return
			}
			v = r.PostForm
			a := decodeAssessment(l, p, crit, v, d.Errors)
			if len(d.Errors) == 0 {
				err := cl.CreateAssessment(ctx, a)
				if err == nil {
					http.Redirect(w, r, path(l.lang, secPartnership, p.Slug)+"#assessments", http.StatusSeeOther)
					return
				}
				if !domainErrors(l, err, d.Errors) {
					h.fail(w, r, l, err)
					return
				}
			}
		}
		d.Note = v.Get("note")
		for _, pt := range p.Parties {
			c := choice{Value: pt.Org, Label: l.plain(pt.OrgName) + " — " + l.Label("side", string(pt.Side)), Selected: v.Get("candidate") == pt.Org}
			if pt.Side == proximite.South && v.Get("candidate") == "" {
				c.Selected = true
				v.Set("candidate", pt.Org)
			}
			d.Candidates = append(d.Candidates, c)
		}
		for _, c := range crit {
			key := "v" + strconv.FormatInt(c.ID, 10)
			in := criterionInput{ID: c.ID, Text: c.Text, Note: v.Get("n" + strconv.FormatInt(c.ID, 10))}
			chosen := v.Get(key)
			if chosen == "" {
				chosen = string(proximite.VerdictUnknown)
			}
			for _, vd := range proximite.Verdicts {
				in.Verdicts = append(in.Verdicts, choice{Value: string(vd), Label: l.T("assess.verdict." + string(vd)), Selected: chosen == string(vd)})
			}
			d.Criteria = append(d.Criteria, in)
		}
		for _, f := range []string{"candidate", "answers", "note", "form"} {
			if msg, ok := d.Errors[f]; ok {
				d.Summary = append(d.Summary, crumb{Name: msg, Href: "#a-" + f})
			}
		}
		title := l.plain(p.Title)
		d.Heading, d.Action, d.Cancel = l.T("assess.form.title", "title", title), assessPath(l.lang, p.Slug), path(l.lang, secPartnership, p.Slug)
		d.page = h.base(r, l, secPartnership, p.Slug, "", d.Heading, l.T("assess.form.intro"))
		d.page.NoIndex = true
		d.page.Alternate.Href = assessPath(d.page.Alternate.Lang, p.Slug)
		status := http.StatusOK
		if len(d.Errors) > 0 {
			status = http.StatusUnprocessableEntity
		}
		h.render(w, r, l, status, "assessment_form", d)
	}
}

// decodeAssessment reads the form: a verdict per criterion (v{ID}) and a
// note (n{ID}), the candidate and the conclusion.
func decodeAssessment(l *localizer, p *proximite.Partnership, crit []*proximite.Criterion, v url.Values, errs map[string]string) *proximite.Assessment {
	a := &proximite.Assessment{Partnership: p.Slug, Candidate: v.Get("candidate"), Note: strings.TrimSpace(v.Get("note"))}
	known := false
	for _, pt := range p.Parties {
		known = known || pt.Org == a.Candidate
	}
	if !known {
		errs["candidate"] = l.T("assess.err.candidate")
	}
	for _, c := range crit {
		id := strconv.FormatInt(c.ID, 10)
		vd := proximite.Verdict(v.Get("v" + id))
		if vd == "" {
			vd = proximite.VerdictUnknown
		}
		if !vd.Valid() {
			errs["answers"] = l.T("assess.err.verdict", "value", string(vd))
			continue
		}
		a.Answers = append(a.Answers, proximite.Answer{Criterion: c.ID, Verdict: vd, Note: strings.TrimSpace(v.Get("n" + id))})
	}
	if len(a.Note) > 4000 {
		errs["note"] = l.T("assess.err.note")
	}
	return a
}
