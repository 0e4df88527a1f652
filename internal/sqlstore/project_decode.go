package sqlstore

import (
	"encoding/json"
	"time"

	"github.com/proximite/proximite"
)

// decodeProject decodes a project's stored JSON into p, which must be
// zero but for its ID, exactly as json.Unmarshal would. Exports stream
// every project of the registry through it, and encoding/json, which
// checks the whole text before decoding it and then finds each field by
// reflection, took four tenths of an export's time on PostgreSQL.
//
// It reads the JSON the store writes (any white space, the keys as
// encoding/json writes them), and its strings share the memory of data
// rather than being copied. Whatever it does not expect — a key it does
// not know or in other letters, a value of another type, a text, list or
// object given twice, a string or number it cannot read exactly as
// encoding/json would — makes it hand the whole record to encoding/json, so that the result,
// errors included, is always json.Unmarshal's.
func decodeProject(data string, p *proximite.Project) error {
	id := p.ID
	r := jsonReader{s: data}
	r.project(p)
	if r.ws(); !r.bad && r.i == len(r.s) {
		return nil
	}
	*p = proximite.Project{}
	p.ID = id
	return json.Unmarshal([]byte(data), p)
}

func (r *jsonReader) project(p *proximite.Project) {
	r.object(func(key string) {
		switch key {
		case "id":
			r.int(&p.ID)
		case "slug":
			r.str(&p.Slug)
		case "state":
			r.str((*string)(&p.State))
		case "confirmed_by_partner":
			r.bool(&p.ConfirmedByPartner)
		case "last_confirmed":
			if p.LastConfirmed != nil {
				r.fail()
			} else if !r.null() {
				p.LastConfirmed = new(time.Time)
				r.time(p.LastConfirmed)
			}
		case "sources":
			readSlice(r, &p.Sources, r.str)
		case "created_at":
			r.time(&p.CreatedAt)
		case "updated_at":
			r.time(&p.UpdatedAt)
		case "iati_identifier":
			r.str(&p.IATIIdentifier)
		case "title":
			r.text(&p.Title)
		case "description":
			r.text(&p.Description)
		case "objectives":
			r.text(&p.Objectives)
		case "status":
			r.str(&p.Status)
		case "planned_start":
			r.str((*string)(&p.PlannedStart))
		case "actual_start":
			r.str((*string)(&p.ActualStart))
		case "planned_end":
			r.str((*string)(&p.PlannedEnd))
		case "actual_end":
			r.str((*string)(&p.ActualEnd))
		case "participants":
			readSlice(r, &p.Participants, r.participant)
		case "sectors":
			readSlice(r, &p.Sectors, r.sector)
		case "countries":
			readSlice(r, &p.Countries, r.country)
		case "regions":
			readSlice(r, &p.Regions, r.region)
		case "locations":
			readSlice(r, &p.Locations, r.location)
		case "budgets":
			readSlice(r, &p.Budgets, r.budget)
		case "transactions":
			readSlice(r, &p.Transactions, r.transaction)
		case "results":
			readSlice(r, &p.Results, r.result)
		case "documents":
			readSlice(r, &p.Documents, r.document)
		case "in_kind":
			readSlice(r, &p.InKind, r.inKind)
		case "partnership":
			r.str(&p.Partnership)
		case "programme":
			r.str(&p.Programme)
		default:
			r.fail()
		}
	})
}

func (r *jsonReader) participant(p *proximite.Participant) {
	r.object(func(key string) {
		switch key {
		case "org":
			r.str(&p.Org)
		case "name":
			r.text(&p.Name)
		case "ref":
			r.str(&p.Ref)
		case "role":
			r.str(&p.Role)
		case "org_name":
			r.text(&p.OrgName)
		case "org_kind":
			r.str((*string)(&p.OrgKind))
		default:
			r.fail()
		}
	})
}

// participantPtr reads an optional participant, which must not have
// been read before.
func (r *jsonReader) participantPtr(p **proximite.Participant) {
	if *p != nil {
		r.fail()
	} else if !r.null() {
		*p = new(proximite.Participant)
		r.participant(*p)
	}
}

func (r *jsonReader) sector(s *proximite.SectorShare) {
	r.object(func(key string) {
		switch key {
		case "vocabulary":
			r.str(&s.Vocabulary)
		case "code":
			r.str(&s.Code)
		case "percentage":
			r.floatPtr(&s.Percentage)
		default:
			r.fail()
		}
	})
}

func (r *jsonReader) country(c *proximite.CountryShare) {
	r.object(func(key string) {
		switch key {
		case "code":
			r.str(&c.Code)
		case "percentage":
			r.floatPtr(&c.Percentage)
		default:
			r.fail()
		}
	})
}

func (r *jsonReader) region(g *proximite.RegionShare) {
	r.object(func(key string) {
		switch key {
		case "code":
			r.str(&g.Code)
		case "vocabulary":
			r.str(&g.Vocabulary)
		case "percentage":
			r.floatPtr(&g.Percentage)
		default:
			r.fail()
		}
	})
}

func (r *jsonReader) location(l *proximite.Location) {
	r.object(func(key string) {
		switch key {
		case "name":
			r.text(&l.Name)
		case "description":
			r.text(&l.Description)
		case "country":
			r.str(&l.Country)
		case "point":
			if l.Point != nil {
				r.fail()
			} else if !r.null() {
				l.Point = new(proximite.Point)
				r.point(l.Point)
			}
		default:
			r.fail()
		}
	})
}

func (r *jsonReader) point(p *proximite.Point) {
	r.object(func(key string) {
		switch key {
		case "lat":
			r.float(&p.Lat)
		case "lon":
			r.float(&p.Lon)
		default:
			r.fail()
		}
	})
}

func (r *jsonReader) money(m *proximite.Money) {
	r.object(func(key string) {
		switch key {
		case "amount":
			r.float(&m.Amount)
		case "currency":
			r.str(&m.Currency)
		case "value_date":
			r.str((*string)(&m.ValueDate))
		default:
			r.fail()
		}
	})
}

func (r *jsonReader) budget(b *proximite.Budget) {
	r.object(func(key string) {
		switch key {
		case "type":
			r.str(&b.Type)
		case "period_start":
			r.str((*string)(&b.PeriodStart))
		case "period_end":
			r.str((*string)(&b.PeriodEnd))
		case "value":
			r.money(&b.Value)
		default:
			r.fail()
		}
	})
}

func (r *jsonReader) transaction(t *proximite.Transaction) {
	r.object(func(key string) {
		switch key {
		case "type":
			r.str(&t.Type)
		case "date":
			r.str((*string)(&t.Date))
		case "value":
			r.money(&t.Value)
		case "description":
			r.text(&t.Description)
		case "provider":
			r.participantPtr(&t.Provider)
		case "receiver":
			r.participantPtr(&t.Receiver)
		default:
			r.fail()
		}
	})
}

func (r *jsonReader) result(res *proximite.Result) {
	r.object(func(key string) {
		switch key {
		case "type":
			r.str(&res.Type)
		case "title":
			r.text(&res.Title)
		case "description":
			r.text(&res.Description)
		case "indicators":
			readSlice(r, &res.Indicators, r.indicator)
		default:
			r.fail()
		}
	})
}

func (r *jsonReader) indicator(in *proximite.Indicator) {
	r.object(func(key string) {
		switch key {
		case "title":
			r.text(&in.Title)
		case "measure":
			r.str(&in.Measure)
		case "baseline":
			r.str(&in.Baseline)
		case "target":
			r.str(&in.Target)
		case "actual":
			r.str(&in.Actual)
		case "year":
			r.intSize(&in.Year)
		default:
			r.fail()
		}
	})
}

func (r *jsonReader) document(d *proximite.Document) {
	r.object(func(key string) {
		switch key {
		case "url":
			r.str(&d.URL)
		case "title":
			r.text(&d.Title)
		case "format":
			r.str(&d.Format)
		case "category":
			r.str(&d.Category)
		case "language":
			r.str(&d.Language)
		case "date":
			r.str((*string)(&d.Date))
		default:
			r.fail()
		}
	})
}

func (r *jsonReader) inKind(k *proximite.InKind) {
	r.object(func(key string) {
		switch key {
		case "org":
			r.str(&k.Org)
		case "kind":
			r.str(&k.Kind)
		case "days":
			r.float(&k.Days)
		case "people":
			r.intSize(&k.People)
		case "description":
			r.text(&k.Description)
		case "value":
			if k.Value != nil {
				r.fail()
			} else if !r.null() {
				k.Value = new(proximite.Money)
				r.money(k.Value)
			}
		default:
			r.fail()
		}
	})
}
