package api

import "github.com/proximite/proximite"

// FilterParams are the query parameters that choose records, as
// parseFilter reads them: the text query, one parameter per facet, and
// the slugs of linked records. The exports take all of them but "type".
var FilterParams = append(append([]string{"q"}, proximite.Facets...), "org", "partnership", "programme")

// filterDocs describes each filter parameter in the OpenAPI document.
var filterDocs = map[string]string{
	"q":                "Words to find, accent- and case-insensitive, matching word prefixes.",
	"type":             "Record type.",
	"country":          "ISO 3166-1 alpha-2 country code (upper case).",
	"sector":           "DAC 3-digit sector category, e.g. 140 (water supply and sanitation).",
	"org_kind":         "Kind of organisation (of a project's or a partnership's organisations too).",
	"status":           "IATI ActivityStatus code of projects.",
	"partnership_kind": "Kind of partnership.",
	"form":             "Form of cooperation.",
	"direction":        "Direction of a visit.",
	"year":             "Year the record starts (a publication: the year it was published).",
	"pub_type":         "Type of a publication of the library.",
	"language":         "Language code of a publication's document, such as fr or en.",
	"org":              "Slug of an organisation: the records linked to it.",
	"partnership":      "Slug of a partnership: the records linked to it.",
	"programme":        "Slug of a funding programme: the projects it funded.",
}

// filterEnums are the closed lists of values of some filters.
var filterEnums = map[string][]string{
	"type":             strs(proximite.RecordTypes...),
	"org_kind":         strs(proximite.OrgKinds...),
	"partnership_kind": strs(proximite.PartnershipKinds...),
	"form":             strs(proximite.Forms...),
	"direction":        strs(proximite.Directions...),
	"pub_type":         proximite.PubKinds,
}

// parameters returns the components/parameters of the OpenAPI document.
func parameters() obj {
	out := obj{}
	for _, name := range FilterParams {
		item := obj{"type": "string"}
		if e, ok := filterEnums[name]; ok {
			item["enum"] = e
		}
		p := obj{"name": name, "in": "query", "description": filterDocs[name]}
		switch name {
		case "q", "org", "partnership", "programme":
			p["schema"] = item
		default:
			if name == "year" {
				item["pattern"] = `^\d{4}$`
			}
			p["description"] = filterDocs[name] + " Repeat the parameter (or separate values with commas) for any of several values."
			p["schema"] = obj{"type": "array", "items": item}
			p["style"], p["explode"] = "form", true
		}
		out[name] = p
	}
	out["sort"] = obj{"name": "sort", "in": "query", "description": "Order of the results; relevance needs q.",
		"schema": obj{"type": "string", "enum": []string{proximite.SortRelevance, proximite.SortRecent,
			proximite.SortTitle, proximite.SortYear}}}
	out["lang"] = obj{"name": "lang", "in": "query", "description": "Language of the titles that sort=title orders by.",
		"schema": obj{"type": "string", "example": "fr"}}
	out["limit"] = obj{"name": "limit", "in": "query", "description": "Page size.",
		"schema": obj{"type": "integer", "minimum": 0, "maximum": proximite.MaxLimit, "default": 20}}
	out["offset"] = obj{"name": "offset", "in": "query", "description": "Results to skip.",
		"schema": obj{"type": "integer", "minimum": 0, "default": 0}}
	return out
}

// filterParams returns references to the filter parameters, with or
// without the type.
func filterParams(withType bool) []any {
	var names []string
	for _, n := range FilterParams {
		if n != "type" || withType {
			names = append(names, n)
		}
	}
	return paramRefs(names...)
}

func paramRefs(names ...string) []any {
	out := make([]any, len(names))
	for i, n := range names {
		out[i] = obj{"$ref": "#/components/parameters/" + n}
	}
	return out
}
