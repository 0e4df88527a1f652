package web

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/proximite/proximite"
)

// The events' form in the members' area. An event is not a record, so it
// has its own handler, but it is described and drawn like the records'
// forms (form_spec.go, the "edit" template) and reads its input with the
// same decoder. Start and end are typed as the clock of the event's zone
// shows them; the zone turns them into instants, so that a meeting at
// 10:00 in Montreal stays at 10:00 there across a change of clocks.

// eventSections describes the form.
var eventSections = []sectionSpec{
	{id: "about", title: "edit.s.about", fields: []spec{
		{name: "title", label: "edit.title", kind: kTexts, required: true, wide: true},
		{name: "description", label: "evt.f.description", kind: kAreas},
	}},
	{id: "when", title: "evt.s.when", intro: "evt.s.when.intro", fields: []spec{
		{name: "start", label: "edit.start", hint: "evt.f.datetime.hint", kind: kDateTime, required: true},
		{name: "end", label: "edit.end", hint: "evt.f.datetime.hint", kind: kDateTime, required: true},
		{name: "zone", label: "evt.f.zone", hint: "evt.f.zone.hint", kind: kSelect, required: true, opts: zoneChoices, wide: true},
	}},
	{id: "where", title: "evt.s.where", intro: "evt.s.where.intro", fields: []spec{
		{name: "place", label: "events.place", kind: kTexts, wide: true},
		{name: "online", label: "events.online", hint: "evt.f.online.hint", kind: kURL, wide: true},
	}},
	{id: "links", title: "evt.s.links", repeats: []repeatSpec{
		{name: "organisers", legend: "events.organisers", hint: "evt.f.organisers.hint", item: "edit.item.org", add: "edit.add.org", min: 1,
			fields: []spec{{name: "", label: "edit.org", hint: "edit.pick.hint", kind: kPick, pick: proximite.TypeOrganisation}}},
		{name: "partnerships", legend: "events.partnerships", item: "evt.item.partnership", add: "evt.add.partnership",
			fields: []spec{{name: "", label: "type.partnership", hint: "edit.pick.hint", kind: kPick, pick: proximite.TypePartnership}}},
		{name: "projects", legend: "events.projects", item: "evt.item.project", add: "evt.add.project",
			fields: []spec{{name: "", label: "type.project", hint: "edit.pick.hint", kind: kPick, pick: proximite.TypeProject}}},
	}},
	{id: "state", title: "evt.s.state", intro: "evt.s.state.intro", fields: []spec{
		{name: "state", label: "evt.f.state", kind: kSelect, required: true, def: string(proximite.Draft),
			opts: codes("evt.state", false, proximite.Draft, proximite.Submitted, proximite.Published)},
	}},
}

// eventZones are the zones the form offers: those of the network's
// countries first, then UTC. A zone stored by the API that is not in the
// list stays selectable (selectOptions keeps it).
var eventZones = []struct{ group, zone string }{
	{"america", "America/Montreal"}, {"america", "America/Toronto"}, {"america", "America/Moncton"},
	{"america", "America/Halifax"}, {"america", "America/Vancouver"}, {"america", "America/Port-au-Prince"},
	{"africa", "Africa/Dakar"}, {"africa", "Africa/Bamako"}, {"africa", "Africa/Ouagadougou"},
	{"africa", "Africa/Abidjan"}, {"africa", "Africa/Niamey"}, {"africa", "Africa/Lome"},
	{"africa", "Africa/Porto-Novo"}, {"africa", "Africa/Conakry"}, {"africa", "Africa/Nouakchott"},
	{"africa", "Africa/Douala"}, {"africa", "Africa/Kinshasa"}, {"africa", "Africa/Casablanca"},
	{"africa", "Africa/Tunis"}, {"africa", "Indian/Antananarivo"},
	{"europe", "Europe/Paris"}, {"europe", "Europe/Brussels"},
	{"other", "UTC"},
}

// zoneChoices lists the zones by region, each with its offset now,
// after an empty choice: a zone picked for the person would put an event
// in Dakar at Montreal's hours without a word.
func zoneChoices(l *localizer) []choiceGroup {
	out := []choiceGroup{{Options: []choice{{Value: "", Label: l.T("edit.choose")}}}}
	now := time.Now()
	for _, z := range eventZones {
		if len(out) == 0 || out[len(out)-1].Label != l.T("evt.zones."+z.group) {
			out = append(out, choiceGroup{Label: l.T("evt.zones." + z.group)})
		}
		loc, _ := time.LoadLocation(z.zone)
		g := &out[len(out)-1]
		g.Options = append(g.Options, choice{Value: z.zone, Label: z.zone + " (" + utcOffset(now.In(loc)) + ")"})
	}
	return out
}

// eventFormPaths are the paths of the form: new, and edit and delete
// under the event's page.
var (
	eventNewSegment    = map[string]string{"fr": "nouveau", "en": "new"}
	eventDeleteSegment = map[string]string{"fr": "supprimer", "en": "delete"}
)

func eventNewPath(lang string) string { return path(lang, secEvents, "") + "/" + eventNewSegment[lang] }

func eventEditPath(lang, slug string) string {
	return path(lang, secEvents, slug) + "/" + editSegment[lang]
}

func eventDeletePath(lang, slug string) string {
	return path(lang, secEvents, slug) + "/" + eventDeleteSegment[lang]
}

// eventFormRoutes registers the form, the deletion and the area's list of
// events in one language, when the registry keeps events.
func (h *Handler) eventFormRoutes(lang string, l *localizer) {
	events, ok := h.reg.(proximite.EventService)
	if !ok {
		return
	}
	g := proximite.NewEventGuard(events)
	for _, method := range []string{"GET ", "POST "} {
		h.mux.HandleFunc(method+eventNewPath(lang), h.page(l, h.eventForm(events, g, true)))
		h.mux.HandleFunc(method+path(lang, secEvents, "")+"/{slug}/"+editSegment[lang], h.page(l, h.eventForm(events, g, false)))
	}
	h.mux.HandleFunc("POST "+path(lang, secEvents, "")+"/{slug}/"+eventDeleteSegment[lang], h.page(l, h.eventDelete(events, g)))
	h.mux.HandleFunc("GET "+wsPath(lang, wsEvents), h.page(l, h.wsEventsPage(events)))
}

// eventForm serves the form: GET draws it, POST adds or removes a row,
// or saves through the guard.
func (h *Handler) eventForm(events proximite.EventService, g *proximite.EventGuard, create bool) pageHandler {
	return func(w http.ResponseWriter, r *http.Request, l *localizer) {
		if h.member(w, r, l) == nil {
			return
		}
		ctx := r.Context()
		var old *proximite.Event
		if !create {
			slug, err := recordSlug(r)
			if err == nil {
				old, err = events.FindEvent(ctx, slug)
			}
			if err != nil {
				h.fail(w, r, l, err)
				return
			}
		}
		st := &formState{l: l, errs: map[string]string{}, choices: map[string][]choice{}, names: map[string]string{},
			extra: map[string]int{}}
		if r.Method != http.MethodPost {
			st.v = url.Values{}
			if old != nil {
				st.v = encodeEvent(old)
			}
			h.eventPickNames(ctx, l, st)
			h.drawEventForm(w, r, l, old, st, http.StatusOK)
			return
		}
		v, ok := h.postedForm(w, r, l)
		if !ok {
			return
		}
		if add, rm := r.PostForm.Get("add"), r.PostForm.Get("remove"); add != "" || rm != "" {
			if rm != "" {
				removeRow(v, rm)
			}
			st.v = compact(v, eventSections, false)
			checkLengths(st.v, eventSections, st.errs, l)
			if add != "" {
				st.extra[add]++
				st.focus = add + "[" + strconv.Itoa(len(rowIndices(st.v, add))) + "]"
			}
			h.eventPickNames(ctx, l, st)
			h.drawEventForm(w, r, l, old, st, http.StatusOK)
			return
		}
		h.saveEvent(w, r, l, g, old, st, v)
	}
}

// saveEvent reads, checks and stores the event, or draws the form again
// with the input and the messages; nothing is stored on any error.
func (h *Handler) saveEvent(w http.ResponseWriter, r *http.Request, l *localizer, g *proximite.EventGuard,
	old *proximite.Event, st *formState, v url.Values) {
	ctx := r.Context()
	st.v = compact(v, eventSections, true)
	checkLengths(st.v, eventSections, st.errs, l)
	d := &decoder{ctx: ctx, h: h, l: l, v: st.v, errs: st.errs, choices: st.choices, names: st.names}
	e := decodeEvent(d)
	if d.err != nil {
		h.fail(w, r, l, d.err)
		return
	}
	if old != nil {
		e.Meta = old.Meta
	} else {
		e.Slug = newSlug(proximite.TypeEvent, e.Title)
	}
	e.State = proximite.State(d.str("state"))
	if len(st.errs) == 0 {
		if err := e.Validate(); err != nil {
			domainErrors(l, err, st.errs)
		}
	}
	if len(st.errs) > 0 {
		h.eventPickNames(ctx, l, st)
		h.drawEventForm(w, r, l, old, st, http.StatusUnprocessableEntity)
		return
	}
	err := h.storeEvent(ctx, g, e, old == nil)
	switch code := proximite.ErrorCode(err); {
	case err == nil && e.State == proximite.Published:
		http.Redirect(w, r, path(l.lang, secEvents, e.Slug), http.StatusSeeOther)
	case err == nil:
		http.Redirect(w, r, wsPath(l.lang, wsEvents)+"?fait=event-saved", http.StatusSeeOther)
	case code == proximite.EFORBIDDEN || code == proximite.EUNAUTHORIZED:
		st.alert = policyMessage(l, err)
		h.eventPickNames(ctx, l, st)
		h.drawEventForm(w, r, l, old, st, http.StatusForbidden)
	case code == proximite.EINVALID || code == proximite.ECONFLICT:
		if !domainErrors(l, err, st.errs) {
			st.errs["form"] = policyMessage(l, err)
		}
		h.eventPickNames(ctx, l, st)
		h.drawEventForm(w, r, l, old, st, http.StatusUnprocessableEntity)
	default:
		h.fail(w, r, l, err)
	}
}

// storeEvent writes the event through the guard; a new event whose slug
// is taken gets the next free one ("…-2").
func (h *Handler) storeEvent(ctx context.Context, g *proximite.EventGuard, e *proximite.Event, create bool) error {
	if !create {
		return g.UpdateEvent(ctx, e)
	}
	base := e.Slug
	for i := 2; ; i++ {
		err := g.CreateEvent(ctx, e)
		var pe *proximite.Error
		if err == nil || i > 20 || !errors.As(err, &pe) || pe.Code != proximite.ECONFLICT || pe.Field != "slug" {
			return err
		}
		e.Slug = base + "-" + strconv.Itoa(i)
	}
}

// localLayout is how the form writes a moment: the value of a
// datetime-local input.
const localLayout = "2006-01-02T15:04"

func encodeEvent(e *proximite.Event) url.Values {
	v := url.Values{}
	loc := e.Location()
	setText(v, "title", e.Title)
	setText(v, "description", e.Description)
	v.Set("start", e.Start.In(loc).Format(localLayout))
	v.Set("end", e.End.In(loc).Format(localLayout))
	v.Set("zone", e.Zone)
	setText(v, "place", e.Place)
	v.Set("online", e.Online)
	for name, list := range map[string][]string{"organisers": e.Organisers, "partnerships": e.Partnerships, "projects": e.Projects} {
		for i, s := range list {
			v.Set(idx(name, i), s)
		}
	}
	v.Set("state", string(e.State))
	return v
}

// decodeEvent reads the form. The zone is checked first, since the
// times mean nothing without it; each time is then read in the zone.
func decodeEvent(d *decoder) *proximite.Event {
	e := &proximite.Event{Title: d.text("title"), Description: d.text("description"), Place: d.text("place"),
		Online: d.str("online"), Zone: d.str("zone")}
	zoneOK := true
	if e.Zone == "" {
		d.fail("zone", "evt.err.zone.required")
		zoneOK = false
	} else if _, err := proximite.ParseLocal("2000-01-01T12:00", e.Zone); err != nil {
		d.fail("zone", "evt.err.zone", "zone", e.Zone)
		zoneOK = false
	}
	for _, f := range []struct {
		name string
		dst  *time.Time
	}{{"start", &e.Start}, {"end", &e.End}} {
		s := d.str(f.name)
		switch {
		case s == "":
			d.fail(f.name, "edit.err.required")
		case !zoneOK:
		default:
			t, err := proximite.ParseLocal(s, e.Zone)
			if err == nil {
				*f.dst = t
				continue
			}
			if _, perr := time.Parse(localLayout, s[:min(len(s), len(localLayout))]); perr == nil && len(s) >= len(localLayout) {
				d.fail(f.name, "evt.err.gap", "time", s, "zone", e.Zone)
			} else {
				d.fail(f.name, "evt.err.datetime", "value", s)
			}
		}
	}
	if e.Place.IsZero() && e.Online == "" {
		d.fail("place", "evt.err.where")
	}
	for _, row := range d.rows("organisers") {
		e.Organisers = append(e.Organisers, d.pick(row, proximite.TypeOrganisation))
	}
	for _, row := range d.rows("partnerships") {
		e.Partnerships = append(e.Partnerships, d.pick(row, proximite.TypePartnership))
	}
	for _, row := range d.rows("projects") {
		e.Projects = append(e.Projects, d.pick(row, proximite.TypeProject))
	}
	return e
}

// eventPickNames shows the names of the records the pickers hold.
func (h *Handler) eventPickNames(ctx context.Context, l *localizer, st *formState) {
	for _, sec := range eventSections {
		for _, rp := range sec.repeats {
			for _, i := range rowIndices(st.v, rp.name) {
				name := idx(rp.name, i)
				if s := st.v.Get(name); s != "" && st.names[name] == "" && st.choices[name] == nil {
					st.names[name] = h.recordName(ctx, l, rp.fields[0].pick, s)
				}
			}
		}
	}
}

// drawEventForm renders the form with its input, errors and alert.
func (h *Handler) drawEventForm(w http.ResponseWriter, r *http.Request, l *localizer, old *proximite.Event,
	st *formState, status int) {
	fp := formPage{IsNew: old == nil, Submit: l.T("edit.save"), Alert: st.alert}
	var heading string
	other := otherLang(l.lang)
	if old == nil {
		heading = l.T("evt.new")
		fp.Action, fp.Cancel = eventNewPath(l.lang), wsPath(l.lang, wsEvents)
		fp.Intro = l.T("evt.new.intro")
	} else {
		fp.RecordTitle = l.plain(old.Title)
		heading = l.T("edit.edit", "title", fp.RecordTitle)
		fp.Action, fp.Cancel = eventEditPath(l.lang, old.Slug), wsPath(l.lang, wsEvents)
		fp.Intro = l.T("evt.edit.intro", "state", l.T("evt.state."+string(old.State)))
	}
	fp.Heading = heading
	fp.page = h.base(r, l, secEvents, "", "", heading, heading)
	fp.NoIndex = true
	fp.Alternate.Href, fp.Alternate.Canonical = eventNewPath(other), ""
	if old != nil {
		fp.Alternate.Href = eventEditPath(other, old.Slug)
	}
	fp.Crumbs = []crumb{{Name: l.T("nav.home"), Href: path(l.lang, secHome, "")},
		{Name: l.T("ws.events.title"), Href: wsPath(l.lang, wsEvents)}, {Name: heading}}
	fp.Sections = st.build(eventSections)
	fp.Summary = st.summary
	fp.Pickers = []string{string(proximite.TypeOrganisation), string(proximite.TypePartnership), string(proximite.TypeProject)}
	if status == http.StatusUnprocessableEntity {
		fp.page.Title = l.T("edit.title.errors", "title", heading)
	}
	h.render(w, r, l, status, "edit", fp)
}

// eventDelete deletes an event through the guard and goes back to the
// area's list; a refusal is said on an error page.
func (h *Handler) eventDelete(events proximite.EventService, g *proximite.EventGuard) pageHandler {
	return func(w http.ResponseWriter, r *http.Request, l *localizer) {
		if h.member(w, r, l) == nil {
			return
		}
		ctx := r.Context()
		slug, err := recordSlug(r)
		var e *proximite.Event
		if err == nil {
			e, err = events.FindEvent(ctx, slug)
		}
		if err == nil {
			err = g.DeleteEvent(ctx, e.ID)
		}
		switch code := proximite.ErrorCode(err); {
		case err == nil:
			http.Redirect(w, r, wsPath(l.lang, wsEvents)+"?fait=event-deleted", http.StatusSeeOther)
		case code == proximite.EFORBIDDEN || code == proximite.EUNAUTHORIZED:
			h.errorPage(w, r, l, http.StatusForbidden, "ws.error.forbidden", localized(l, err))
		default:
			h.fail(w, r, l, err)
		}
	}
}

// wsEventsData is the area's list of events.
type wsEventsData struct {
	page
	Notice string
	New    string // the form of a new event, when the policy allows one
	Items  []wsEventItem
}

// wsEventItem is one event of the list, with what the person may do.
type wsEventItem struct {
	Title       proximite.Text
	When, State string
	StateCode   string
	URL         string // its public page, once published
	Edit        string
	Delete      string // when the policy lets this person delete it
}

// wsEventsPage lists every event, drafts too, soonest first, with links
// to edit them.
func (h *Handler) wsEventsPage(events proximite.EventService) pageHandler {
	return func(w http.ResponseWriter, r *http.Request, l *localizer) {
		u := h.member(w, r, l)
		if u == nil {
			return
		}
		list, err := events.ListEvents(r.Context(), proximite.EventFilter{IncludeUnpublished: true})
		if err != nil {
			h.fail(w, r, l, err)
			return
		}
		d := wsEventsData{page: h.wsBase(r, l, wsEvents, l.T("ws.events.title"))}
		d.Crumbs = []crumb{d.Crumbs[0], {Name: l.T("ws.home.title"), Href: wsPath(l.lang, wsHome)}, {Name: l.T("ws.events.title")}}
		if msg, ok := l.msg["ws.done."+r.URL.Query().Get("fait")]; ok {
			d.Notice = msg
		}
		if proximite.Can(u, proximite.ActionCreate, proximite.Target{Type: proximite.TypeEvent, State: proximite.Draft, Orgs: u.Orgs}) == nil {
			d.New = eventNewPath(l.lang)
		}
		for _, e := range list {
			loc := e.Location()
			it := wsEventItem{Title: e.Title, When: l.eventWhen(e.Start.In(loc), e.End.In(loc)) + " (" + e.Zone + ")",
				State: l.T("evt.state." + string(e.State)), StateCode: string(e.State), Edit: eventEditPath(l.lang, e.Slug)}
			if e.State == proximite.Published {
				it.URL = path(l.lang, secEvents, e.Slug)
			}
			if proximite.Can(u, proximite.ActionDelete, proximite.EventTarget(e)) == nil {
				it.Delete = eventDeletePath(l.lang, e.Slug)
			}
			d.Items = append(d.Items, it)
		}
		h.render(w, r, l, http.StatusOK, "workspace_events", d)
	}
}

// event reads the event a delegation went to: its slug, or its title in
// any language (accents and case aside). Drafts count, as for the
// pickers: a delegation may be recorded before its event is published.
func (d *decoder) event(name string) string {
	text := d.str(name)
	events, ok := d.h.reg.(proximite.EventService)
	if text == "" || !ok || d.err != nil {
		return text
	}
	if slugParamRE.MatchString(text) {
		if _, err := events.FindEvent(d.ctx, text); err == nil {
			return text
		} else if proximite.ErrorCode(err) != proximite.ENOTFOUND {
			d.err = err
			return text
		}
	}
	list, err := events.ListEvents(d.ctx, proximite.EventFilter{IncludeUnpublished: true})
	if err != nil {
		d.err = err
		return text
	}
	var found []string
	for _, e := range list {
		for _, t := range e.Title {
			if proximite.Fold(t) == proximite.Fold(text) {
				found = append(found, e.Slug)
				break
			}
		}
	}
	if len(found) == 1 {
		d.v.Set(name, found[0])
		return found[0]
	}
	d.fail(name, "evt.err.visit", "value", text)
	return text
}
