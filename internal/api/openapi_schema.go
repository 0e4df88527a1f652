package api

import (
	"reflect"
	"strings"
	"time"
	"unicode"

	"github.com/proximite/proximite"
)

// obj is a JSON object of the OpenAPI document.
type obj = map[string]any

// schemaSet builds the JSON Schemas of the document's components from the
// Go types the API encodes, reading their fields and JSON tags, so that
// the document says what encoding/json writes and cannot drift from it
// when a field is added to a record.
type schemaSet struct {
	defs obj
}

var (
	timeType = reflect.TypeFor[time.Time]()
	textType = reflect.TypeFor[proximite.Text]()
	dateType = reflect.TypeFor[proximite.Date]()
)

// enums lists the values of the domain's string types that have a closed
// set of values, so that the document shows them and the test catches a
// record that holds another.
var enums = map[reflect.Type][]string{
	reflect.TypeFor[proximite.State]():           strs(proximite.Draft, proximite.Submitted, proximite.Published),
	reflect.TypeFor[proximite.OrgKind]():         strs(proximite.OrgKinds...),
	reflect.TypeFor[proximite.PartnershipKind](): strs(proximite.PartnershipKinds...),
	reflect.TypeFor[proximite.Form]():            strs(proximite.Forms...),
	reflect.TypeFor[proximite.LocalPeople]():     strs(proximite.Beneficiaries, proximite.Collaborators, proximite.Partners),
	reflect.TypeFor[proximite.Side]():            strs(proximite.North, proximite.South, proximite.Support),
	reflect.TypeFor[proximite.Direction]():       strs(proximite.Directions...),
	reflect.TypeFor[proximite.RecordType]():      strs(proximite.RecordTypes...),
	reflect.TypeFor[proximite.PubKind]():         proximite.PubKinds,
	reflect.TypeFor[proximite.OrgLinkKind](): strs(proximite.PartOf, proximite.MemberOf, proximite.MergedInto,
		proximite.NearTo, proximite.FoundedBy),
	reflect.TypeFor[proximite.EventKind](): strs(proximite.FirstContact, proximite.Agreement, proximite.Renewal,
		proximite.OnHold, proximite.Resumed, proximite.Evaluation, proximite.Milestone, proximite.Ended),
	reflect.TypeFor[proximite.ParticipantKind](): strs(proximite.ElectedOfficials, proximite.MunicipalStaff,
		proximite.Experts, proximite.Volunteers, proximite.Students, proximite.DiasporaMembers, proximite.OtherPeople),
}

func strs[S ~string](values ...S) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = string(v)
	}
	return out
}

// fieldDocs describes the fields whose name does not say enough, by
// "Type.json_name".
var fieldDocs = map[string]string{
	"Project.status":                "IATI ActivityStatus code: 1 pipeline, 2 implementation, 3 finalisation, 4 closed, 5 cancelled, 6 suspended.",
	"Project.iati_identifier":       "IATI activity identifier, prefixed by the reporting organisation's reference.",
	"Project.partnership":           "Slug of the partnership the project belongs to.",
	"Project.programme":             "Slug of the funding programme.",
	"Participant.org":               "Slug of the organisation when it is in the registry.",
	"Participant.role":              "IATI OrganisationRole code: 1 funding, 2 accountable, 3 extending, 4 implementing.",
	"Participant.org_name":          "Filled on read for organisations of the registry.",
	"SectorShare.vocabulary":        "IATI SectorVocabulary code; empty means 1 (DAC 5-digit).",
	"CountryShare.code":             "ISO 3166-1 alpha-2 country code.",
	"Organisation.country":          "ISO 3166-1 alpha-2 country code.",
	"Organisation.iati_ref":         "IATI organisation identifier.",
	"Meta.slug":                     "Stable, URL-safe name of the record.",
	"Meta.confirmed_by_partner":     "Set when the partner organisation agreed with what the record says about it.",
	"Programme.funder":              "Slug of the funding organisation.",
	"Publication.language":          "Language code of the document itself, whatever the languages of its description.",
	"Publication.link":              "Where the document lives outside the registry; a publication has a link or a file, not both.",
	"Publication.file":              "The uploaded PDF, set by the registry; it is downloaded from the publication's page on the site.",
	"Visit.from":                    "Slug of the sending organisation.",
	"Visit.to":                      "Slug of the host organisation.",
	"Party.org":                     "Slug of the organisation.",
	"OrgLink.target":                "Slug of the other organisation.",
	"Money.currency":                "ISO 4217 currency code.",
	"Transaction.type":              "IATI TransactionType code: 1 incoming funds, 2 commitment, 3 disbursement, 4 expenditure…",
	"searchItem.url":                "Path of the full record in the API.",
	"Programme.duration_months_min": "Typical duration in months, lower bound, for search.",
}

// ref returns a reference to the component schema of a named type,
// building it on first use.
func (s *schemaSet) ref(t reflect.Type) obj {
	name := componentName(t)
	if _, ok := s.defs[name]; !ok {
		s.defs[name] = obj{} // placeholder, for types that refer to themselves
		s.defs[name] = s.structSchema(t)
	}
	return obj{"$ref": "#/components/schemas/" + name}
}

// componentName is the type's name with a capital: searchItem is SearchItem.
func componentName(t reflect.Type) string {
	r := []rune(t.Name())
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

// of returns the schema of a value of type t.
func (s *schemaSet) of(t reflect.Type) obj {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t {
	case timeType:
		return obj{"type": "string", "format": "date-time"}
	case textType:
		return obj{"$ref": "#/components/schemas/Text"}
	case dateType:
		return obj{"$ref": "#/components/schemas/Date"}
	}
	if values, ok := enums[t]; ok {
		if _, done := s.defs[t.Name()]; !done {
			s.defs[t.Name()] = obj{"type": "string", "enum": values}
		}
		return obj{"$ref": "#/components/schemas/" + t.Name()}
	}
	switch t.Kind() {
	case reflect.String:
		return obj{"type": "string"}
	case reflect.Bool:
		return obj{"type": "boolean"}
	case reflect.Int, reflect.Int32, reflect.Int64:
		return obj{"type": "integer"}
	case reflect.Float32, reflect.Float64:
		return obj{"type": "number"}
	case reflect.Slice:
		return obj{"type": "array", "items": s.of(t.Elem())}
	case reflect.Array:
		return obj{"type": "array", "items": s.of(t.Elem()), "minItems": t.Len(), "maxItems": t.Len()}
	case reflect.Map:
		// patternProperties rather than additionalProperties: a strict
		// validator takes the keys a pattern matches as declared.
		return obj{"type": "object", "patternProperties": obj{"^.*$": s.of(t.Elem())}}
	case reflect.Struct:
		if t.Name() == "" {
			return s.structSchema(t)
		}
		return s.ref(t)
	}
	panic("openapi: no schema for " + t.String())
}

// structSchema lists a struct's fields as encoding/json writes them:
// embedded structs' fields inline, fields without omitempty required.
func (s *schemaSet) structSchema(t reflect.Type) obj {
	props, required := obj{}, []string{}
	s.fields(t, t, props, &required)
	out := obj{"type": "object", "properties": props}
	if len(required) > 0 {
		out["required"] = required
	}
	return out
}

func (s *schemaSet) fields(owner, t reflect.Type, props obj, required *[]string) {
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if f.Anonymous && tag == "" {
			s.fields(f.Type, f.Type, props, required)
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if !f.IsExported() || name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		p := s.of(f.Type)
		if doc, ok := fieldDocs[owner.Name()+"."+name]; ok {
			if _, isRef := p["$ref"]; isRef {
				// Validators read a $ref with siblings unevenly; allOf
				// carries the description the same everywhere.
				p = obj{"allOf": []any{p}}
			}
			p = withDoc(p, doc)
		}
		props[name] = p
		if !strings.Contains(opts, "omitempty") {
			*required = append(*required, name)
		}
	}
}

// withDoc returns a copy of a schema with a description.
func withDoc(schema obj, doc string) obj {
	out := obj{"description": doc}
	for k, v := range schema {
		out[k] = v
	}
	return out
}
