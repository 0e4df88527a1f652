package api

import (
	"net/http"
	"net/url"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/codelist"
)

// The funding search and the programmes that could fund a project, from
// proximite.FindFunding over the published programmes, as the pages.

// fundingQuery is the question as the response repeats it.
type fundingQuery struct {
	Kind    []string `json:"kind"`
	Country []string `json:"country"`
	Sector  []string `json:"sector"`
}

// fundingFit is a programme with how it answers each criterion asked.
type fundingFit struct {
	Programme *proximite.Programme `json:"programme"`
	URL       string               `json:"url"`
	// Fits counts the criteria that fit, Specific those that fit because
	// the programme names the value rather than being open to all.
	Fits     int            `json:"fits"`
	Specific int            `json:"specific"`
	Closed   bool           `json:"closed"`
	Criteria []criterionFit `json:"criteria"`
}

type criterionFit struct {
	Criterion proximite.FundingCriterion `json:"criterion"`
	Fits      bool                       `json:"fits"`
	Any       bool                       `json:"any"`
	Matched   []string                   `json:"matched,omitempty"`
	Wanted    []string                   `json:"wanted,omitempty"`
}

// fundingResponse is the answer of the search: open programmes, best
// first, and those that closed before today apart.
type fundingResponse struct {
	Query  fundingQuery `json:"query"`
	Open   []fundingFit `json:"open"`
	Closed []fundingFit `json:"closed"`
}

// projectFundingResponse is what a project's page suggests.
type projectFundingResponse struct {
	Project searchItem `json:"project"`
	fundingResponse
	// Search is the funding search with the project's answers, when it
	// has any.
	Search string `json:"search,omitempty"`
}

func fundingQueryOf(q proximite.FundingQuery) fundingQuery {
	return fundingQuery{Kind: orEmpty(strs(q.Kinds...)), Country: orEmpty(q.Countries), Sector: orEmpty(q.Sectors)}
}

// fundingSearchURL is the search's address for a question.
func fundingSearchURL(q fundingQuery) string {
	v := url.Values{}
	for name, values := range map[string][]string{"kind": q.Kind, "country": q.Country, "sector": q.Sector} {
		for _, x := range values {
			v.Add(name, x)
		}
	}
	return "/api/v1/funding?" + v.Encode()
}

// fitsOf turns the ranked fits into JSON, keeping those that keep says.
func fitsOf(fits []proximite.ProgrammeFit, keep func(*proximite.ProgrammeFit) bool) []fundingFit {
	out := []fundingFit{}
	for i := range fits {
		f := &fits[i]
		if !keep(f) {
			continue
		}
		n, specific := f.Fits()
		v := fundingFit{Programme: f.Programme, URL: "/api/v1/programmes/" + f.Programme.Slug, Fits: n, Specific: specific,
			Closed: f.Closed, Criteria: []criterionFit{}}
		for _, c := range f.Criteria {
			v.Criteria = append(v.Criteria, criterionFit{c.Criterion, c.Fits, c.Any, c.Matched, c.Wanted})
		}
		out = append(out, v)
	}
	return out
}

func (h *Handler) fundingService() (proximite.FundingService, error) {
	svc, ok := h.reg.(proximite.FundingService)
	if !ok {
		return nil, proximite.Errorf(proximite.ENOTFOUND, "this registry matches no funding")
	}
	return svc, nil
}

func (h *Handler) today() proximite.Date {
	return proximite.Date(h.now().UTC().Format("2006-01-02"))
}

// funding answers the funding search: who applies (kind), where
// (country), in what (sector, a DAC category or sector).
func (h *Handler) funding(w http.ResponseWriter, r *http.Request) {
	svc, err := h.fundingService()
	if err != nil {
		h.error(w, r, err)
		return
	}
	q := r.URL.Query()
	var fq proximite.FundingQuery
	for _, k := range multi(q, "kind") {
		fq.Kinds = append(fq.Kinds, proximite.OrgKind(k))
	}
	fq.Countries, fq.Sectors = multi(q, "country"), multi(q, "sector")
	for _, check := range []error{
		checkValues("kind", strs(fq.Kinds...), func(s string) bool { return proximite.OrgKind(s).Valid() }, "use kinds of organisation such as municipality"),
		checkValues("country", fq.Countries, validCountry, "use ISO 3166-1 alpha-2 codes such as SN"),
		checkValues("sector", fq.Sectors, func(s string) bool { return codelist.SectorCategory.Valid(s) || codelist.Sector.Valid(s) },
			"use DAC codes: a 3-digit category such as 140 or a 5-digit sector such as 14030"),
	} {
		if check != nil {
			h.error(w, r, check)
			return
		}
	}
	if fq.IsZero() {
		h.error(w, r, proximite.FieldError("kind", "ask at least one of kind, country or sector"))
		return
	}
	programmes, err := svc.FundingProgrammes(r.Context())
	if err != nil {
		h.error(w, r, err)
		return
	}
	open, closed := proximite.FindFunding(programmes, fq, h.today())
	all := func(*proximite.ProgrammeFit) bool { return true }
	writeJSON(w, http.StatusOK, fundingResponse{Query: fundingQueryOf(fq), Open: fitsOf(open, all), Closed: fitsOf(closed, all)})
}

// projectFunding answers the programmes that could fund a project: those
// that name at least one of its answers (its organisations' kinds, its
// countries, its sectors), ranked. The project's page shows the first
// five open ones.
func (h *Handler) projectFunding(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	svc, err := h.fundingService()
	if err != nil {
		h.error(w, r, err)
		return
	}
	rec, err := h.findPublished(ctx, proximite.TypeProject, r.PathValue("id"))
	if err != nil {
		h.error(w, r, err)
		return
	}
	p := rec.(*proximite.Project)
	fq := proximite.FundingQueryOf(p)
	out := projectFundingResponse{Project: recordItem(p),
		fundingResponse: fundingResponse{Query: fundingQueryOf(fq), Open: []fundingFit{}, Closed: []fundingFit{}}}
	if !fq.IsZero() {
		out.Search = fundingSearchURL(out.Query)
		programmes, err := svc.FundingProgrammes(ctx)
		if err != nil {
			h.error(w, r, err)
			return
		}
		open, closed := proximite.FindFunding(programmes, fq, h.today())
		named := func(f *proximite.ProgrammeFit) bool { _, specific := f.Fits(); return specific > 0 }
		out.Open, out.Closed = fitsOf(open, named), fitsOf(closed, named)
	}
	writeJSON(w, http.StatusOK, out)
}
