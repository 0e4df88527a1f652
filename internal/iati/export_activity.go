package iati

import (
	"context"
	"sort"
	"strings"

	"github.com/proximite/proximite"
)

// org is an organisation as an IATI element names it.
type org struct {
	ref  string
	typ  string // IATI OrganisationType, "" when unknown
	name proximite.Text
}

// activity is a project with everything its IATI form needs resolved:
// the organisations it names, its partnership and programme, the
// reporting organisation and the activity's defaults.
type activity struct {
	p            *proximite.Project
	id           string
	lang         string
	currency     string // default-currency, when every value shares one
	reporter     org
	secondary    bool
	participants []participant
	providers    []*org // per transaction, nil when absent
	receivers    []*org
	inKindOrgs   []proximite.Text // per in-kind contribution, the contributor's name
	partnership  *titled          // published, or nil
	programme    *titled
}

type participant struct {
	org
	role string
}

// reporterRoles is the order in which participants are considered as the
// reporting organisation: the one accountable first, then the funders.
var reporterRoles = []string{"2", "1", "3", "4"}

// prepare resolves what the project refers to. The activity it returns
// is the encoder's own, reused with its slices for the next project.
func (e *Encoder) prepare(ctx context.Context, p *proximite.Project) (*activity, error) {
	a := &e.act
	*a = activity{p: p, id: p.IATIIdentifier, participants: a.participants[:0],
		providers: a.providers[:0], receivers: a.receivers[:0], inKindOrgs: a.inKindOrgs[:0]}
	var err error
	for i := range p.Participants {
		o, err := e.resolve(ctx, &p.Participants[i])
		if err != nil {
			return nil, err
		}
		a.participants = append(a.participants, participant{o, p.Participants[i].Role})
	}
	for _, t := range p.Transactions {
		var pr, rc *org
		if pr, err = e.resolvePtr(ctx, t.Provider); err != nil {
			return nil, err
		}
		if rc, err = e.resolvePtr(ctx, t.Receiver); err != nil {
			return nil, err
		}
		a.providers, a.receivers = append(a.providers, pr), append(a.receivers, rc)
	}
	for _, k := range p.InKind {
		var name proximite.Text
		if o, err := e.lookup.org(ctx, k.Org); err != nil {
			return nil, err
		} else if o != nil {
			name = o.name
		}
		a.inKindOrgs = append(a.inKindOrgs, name)
	}
	// The partnership's start stands in for the project's when it has none
	// (see unknownStart): only then is its whole record needed.
	noStart := startDate(p.Start()) == ""
	if a.partnership, err = e.lookup.partnership(ctx, p.Partnership, noStart); err != nil {
		return nil, err
	}
	if a.programme, err = e.lookup.programme(ctx, p.Programme); err != nil {
		return nil, err
	}
	a.reporter, a.secondary = e.reporter(a)
	if a.id == "" {
		a.id = e.opts.OrgRef + "-" + p.Slug
	}
	a.lang = e.opts.Lang
	if strings.TrimSpace(p.Title[a.lang]) == "" {
		if langs := languages(nil, p.Title); len(langs) > 0 {
			a.lang = langs[0]
		}
	}
	a.currency = defaultCurrency(p)
	return a, nil
}

// resolve describes a participant. What the project says of it (a name,
// a reference, as an import recorded them from the file) comes first, so
// that a file read back gives the same project; the registry's
// organisation gives the rest: its name when the project has none, its
// reference when the project names it by nothing of its own, and always
// its type, from its kind.
func (e *Encoder) resolve(ctx context.Context, pt *proximite.Participant) (org, error) {
	o := org{ref: pt.Ref, name: pt.Name}
	own := pt.Ref != "" || !pt.Name.IsZero()
	rec, err := e.lookup.org(ctx, pt.Org)
	if err != nil {
		return o, err
	}
	kind := pt.OrgKind
	if rec != nil {
		if !own {
			o.ref = rec.ref
		}
		if o.name.IsZero() {
			o.name = rec.name
		}
		kind = rec.kind
	}
	if o.name.IsZero() {
		o.name = pt.OrgName
	}
	o.typ = kind.IATIType()
	return o, nil
}

func (e *Encoder) resolvePtr(ctx context.Context, pt *proximite.Participant) (*org, error) {
	if pt == nil {
		return nil, nil
	}
	o, err := e.resolve(ctx, pt)
	return &o, err
}

// reporter chooses the reporting organisation. A participant publishes
// the activity itself when the activity's IATI identifier starts with its
// reference: that organisation reports it, as in its own files. Every
// other project is reported by the network, flagged as secondary
// reporter, since it reproduces what members who do not publish in IATI
// have recorded with it.
func (e *Encoder) reporter(a *activity) (org, bool) {
	if a.p.IATIIdentifier != "" {
		for _, role := range reporterRoles {
			for _, pt := range a.participants {
				if pt.role == role && pt.ref != "" && pt.typ != "" && !pt.name.IsZero() &&
					strings.HasPrefix(a.p.IATIIdentifier, pt.ref+"-") {
					return pt.org, false
				}
			}
		}
	}
	return org{ref: e.opts.OrgRef, typ: e.opts.OrgType, name: e.opts.OrgName}, true
}

// defaultCurrency returns the currency of every budget and transaction
// when they all share one, and "" otherwise.
func defaultCurrency(p *proximite.Project) string {
	cur := ""
	same := func(c string) bool {
		c = strings.ToUpper(c)
		if cur == "" {
			cur = c
		}
		return c == cur
	}
	for _, b := range p.Budgets {
		if !same(b.Value.Currency) {
			return ""
		}
	}
	for _, t := range p.Transactions {
		if !same(t.Value.Currency) {
			return ""
		}
	}
	return cur
}

// languages returns the languages a text has, the interface languages
// first and then the others in alphabetical order, so that output is
// stable. It appends to buf, which callers reuse: an export asks this of
// every text it writes.
func languages(buf []string, t proximite.Text) []string {
	out := buf[:0]
	for _, l := range proximite.Languages {
		if strings.TrimSpace(t[l]) != "" {
			out = append(out, l)
		}
	}
	if len(t) == len(out) {
		return out
	}
	n := len(out)
	for l, v := range t {
		if strings.TrimSpace(v) != "" && !isInterfaceLang(l) {
			out = append(out, l)
		}
	}
	sort.Strings(out[n:])
	return out
}

func isInterfaceLang(l string) bool {
	for _, x := range proximite.Languages {
		if x == l {
			return true
		}
	}
	return false
}
