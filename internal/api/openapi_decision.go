package api

import (
	"maps"
	"reflect"

	"github.com/proximite/proximite"
)

// The document of the read-only endpoints that answer what the site's
// decision pages show: statistics, territories, synergies, the network,
// funding, known twinnings and the partner board. Their schemas come
// from the response types of stats.go, nearby.go, funding.go and
// board.go, like the records'.

func init() {
	enums[reflect.TypeFor[proximite.TerritoryKind]()] = strs(proximite.TerritoryTown, proximite.TerritoryMRC, proximite.TerritoryRegion)
	enums[reflect.TypeFor[proximite.PostKind]()] = strs(proximite.Seek, proximite.Offer)
	enums[reflect.TypeFor[proximite.FundingCriterion]()] = strs(proximite.CritApplicant, proximite.CritCountry, proximite.CritSector)
	maps.Copy(fieldDocs, decisionFieldDocs)
}

var decisionFieldDocs = map[string]string{
	"Amount.measure":                      "budget (planned money, by the year its period starts), spent (disbursements and expenditures, by the transaction's year), in_kind_days (by the project's start year) or people (travellers, by the visit's year).",
	"Amount.year":                         "The year; 0 when the records do not say.",
	"Amount.currency":                     "ISO 4217 currency code, for money.",
	"Stats.amounts":                       "Raw sums per measure, year and currency, nothing converted.",
	"Stats.visits_by_direction":           "Visits per direction.",
	"Stats.projects_by_year":              "Projects per start year, oldest first.",
	"Stats.sectors":                       "Projects per DAC 3-digit sector category, most frequent first.",
	"Stats.countries":                     "Projects per recipient country, most frequent first.",
	"statsResponse.people":                "People who travelled on the visits counted.",
	"statsResponse.in_kind_days":          "Days of volunteers' and experts' work given to the projects counted.",
	"statsResponse.rates_loaded":          "Whether the network's coordinators loaded a table of yearly rates to Canadian dollars.",
	"moneyFigures.total_cad":              "What the loaded rates convert, in Canadian dollars; Canadian dollars count as they are.",
	"moneyFigures.currencies":             "Totals per currency, whatever the rates.",
	"moneyFigures.unconverted":            "Totals per currency of the money no loaded rate converts; they are not in total_cad.",
	"moneyYear.cad":                       "The year's money that rates converted, in Canadian dollars.",
	"moneyYear.unconverted":               "The year's amounts in currencies with no rate loaded for that year.",
	"territoryItem.statistics":            "The statistics filtered on this territory.",
	"territoryItem.url":                   "The territory's report in the API.",
	"Territory.slug":                      "The organisation's slug for a town or an MRC; region- and the region's code for a region.",
	"Territory.region":                    "The region's code, or the region a town or an MRC is in.",
	"territoryFigures.money_from_outside": "Money the territory's projects received from organisations outside it, per currency, not converted.",
	"territoryFigures.money_local":        "Money the territory's own organisations put in, per currency, not converted.",
	"territoryFigures.local_in_kind_days": "In-kind days given by the territory's own organisations.",
	"territoryFigures.programmes":         "The public funding programmes of the territory's projects.",
	"synergyItem.tier":                    "0: based in one of the subject's localities; 1: same country and sector; 2: same country; 3: same sector.",
	"Synergy.records":                     "Published records found that share the subject's countries or sectors.",
	"Synergy.latest":                      "When the newest of those records changed.",
	"synergyResponse.more":                "More organisations were found than returned.",
	"networkResponse.left_out":            "Organisations found but not returned, the least connected, beyond size.",
	"networkResponse.records":             "Partnerships and projects read.",
	"networkResponse.sampled":             "The registry holds more matching partnerships and projects than were read.",
	"NetworkNode.degree":                  "Number of other organisations it is linked to.",
	"fundingFit.specific":                 "Criteria that fit because the programme names the value, not because it is open to all.",
	"fundingFit.closed":                   "The programme ended before today.",
	"criterionFit.any":                    "The programme sets no condition on this criterion, which fits.",
	"criterionFit.matched":                "The values asked that fit.",
	"criterionFit.wanted":                 "What the programme asks for, when nothing asked fits.",
	"twinsResponse.credit":                "The known twinnings are a copy of a public list compiled from Wikipedia; credit it when reusing them.",
	"twinItem.recorded":                   "The registry records a partnership with this town.",
	"twinItem.org":                        "The registry's published organisation of this town, when it has one.",
	"boardPost.open":                      "Listed today: neither closed nor past its expiry date.",
	"boardPost.expires":                   "Last day the post is listed.",
	"boardOrg.url":                        "The organisation in the API, when it is published.",
}

// decisionPaths documents the endpoints.
func decisionPaths(s *schemaSet, paths obj) {
	id := obj{"name": "id", "in": "path", "required": true, "schema": obj{"type": "string"}, "description": "Slug or numeric ID."}
	get := func(opID, summary, description string, params []any, schema obj, errs ...string) obj {
		responses := obj{"200": jsonResponse(summary+".", schema, nil)}
		for _, c := range errs {
			responses[c] = errorResponse
		}
		return obj{"get": operation(opID, summary, description, params, responses)}
	}
	year := func(name, doc string) obj {
		return obj{"name": name, "in": "query", "description": doc,
			"schema": obj{"type": "integer", "minimum": proximite.MinStatsYear, "maximum": proximite.MaxStatsYear}}
	}
	strList := func(name, doc string, enum []string) obj {
		item := obj{"type": "string"}
		if enum != nil {
			item["enum"] = enum
		}
		return obj{"name": name, "in": "query", "description": doc + " Repeat the parameter (or separate values with commas) for any of several values.",
			"schema": obj{"type": "array", "items": item}, "style": "form", "explode": true}
	}
	bound := func(name, doc string, def, max int) obj {
		return obj{"name": name, "in": "query", "description": doc,
			"schema": obj{"type": "integer", "minimum": 1, "maximum": max, "default": def}}
	}

	paths["/api/v1/statistics"] = get("statistics", "The dashboard's figures",
		"The figures of the statistics page for the published partnerships, projects and visits that match the filters: "+
			"counts, counts per direction, year, sector and country, and the sums of money, in-kind days and travellers. "+
			"Money is given per year and currency as recorded; it is converted to Canadian dollars only where the network's "+
			"table of yearly rates has the year's rate, and the amounts without one are listed, never estimated. "+
			"The counts equal the totals of /api/v1/search with the same filters (the period as its list of years).",
		append([]any{obj{"name": "territory", "in": "query", "schema": obj{"type": "string"},
			"description": "Slug of a territory (see /api/v1/territories): the records linked to its organisations."},
			year("from", "First start year of the records counted."), year("to", "Last start year of the records counted.")},
			paramRefs("country", "sector", "org_kind", "form")...),
		s.ref(reflect.TypeFor[statsResponse]()), "400")
	items := func(name string, t reflect.Type) obj {
		s.defs[name] = obj{"type": "object", "required": []string{"items"},
			"properties": obj{"items": obj{"type": "array", "items": s.ref(t)}}}
		return ref(name)
	}
	paths["/api/v1/territories"] = get("list-territories", "Territories",
		"The towns and MRCs with published records, and the regions that at least one organisation is in.", nil,
		items("TerritoryList", reflect.TypeFor[territoryItem]()))
	paths["/api/v1/territories/{slug}"] = get("get-territory", "A territory's report",
		"What the territory's printable report shows: its key figures and the published organisations, partnerships, "+
			"projects and visits they count. Money is per currency, not converted.",
		[]any{obj{"name": "slug", "in": "path", "required": true, "schema": obj{"type": "string"}, "example": "gatineau"}},
		s.ref(reflect.TypeFor[territoryReport]()), "404")

	limit := bound("limit", "Organisations returned.", proximite.MaxSynergies, proximite.MaxSynergies)
	synergies := s.ref(reflect.TypeFor[synergyResponse]())
	paths["/api/v1/organisations/{id}/synergies"] = get("organisation-synergies", "Synergies of an organisation",
		"Other organisations active in the organisation's localities, countries and sectors, ranked as on its synergies page.",
		[]any{id, limit}, synergies, "400", "404")
	paths["/api/v1/partnerships/{id}/synergies"] = get("partnership-synergies", "Synergies of a partnership",
		"Other organisations active where the partnership's projects work, ranked as on its synergies page.",
		[]any{id, limit}, synergies, "400", "404")
	paths["/api/v1/organisations/{id}/twins"] = get("town-twins", "Known twinnings of a town",
		"The twin towns that a public list compiled from Wikipedia gives for a municipality (credit: "+proximite.TwinCredit+
			"), each marked recorded when the registry has a partnership with it. The list is a reference layer, not the registry's own records.",
		[]any{id}, s.ref(reflect.TypeFor[twinsResponse]()), "404")
	kinds := strs(proximite.OrgKinds...)
	paths["/api/v1/network"] = get("network", "The network of organisations",
		"Organisations linked by published partnerships and projects, the most connected first, as the network page draws them. "+
			"A link is kept when either of its organisations passes the filters.",
		[]any{strList("kind", "Kind of organisation.", kinds), obj{"$ref": "#/components/parameters/country"},
			bound("size", "Organisations returned at most.", proximite.DefaultNetworkNodes, proximite.MaxNetworkNodes)},
		s.ref(reflect.TypeFor[networkResponse]()), "400")
	paths["/api/v1/funding"] = get("funding", "Funding search",
		"Published funding programmes matched against who applies, where and in what: the open ones best first, the closed ones apart. Ask at least one criterion.",
		[]any{strList("kind", "Kind of the organisation that applies.", kinds), strList("country", "ISO 3166-1 alpha-2 code of a country where the work happens.", nil),
			strList("sector", "DAC code of the work: a 3-digit category or a 5-digit sector.", nil)},
		s.ref(reflect.TypeFor[fundingResponse]()), "400")
	paths["/api/v1/projects/{id}/funding"] = get("project-funding", "Programmes that could fund a project",
		"The programmes that name at least one of the project's answers (its organisations' kinds, its countries, its sectors), "+
			"ranked; the project's page shows the first five open ones.",
		[]any{id}, s.ref(reflect.TypeFor[projectFundingResponse]()), "404")
	post := s.ref(reflect.TypeFor[boardPost]())
	s.defs["BoardPostList"] = obj{"type": "object", "required": []string{"items"}, "properties": obj{"items": obj{"type": "array", "items": post}}}
	paths["/api/v1/board"] = get("board", "The partner board",
		"Open posts of organisations that seek a partner or offer to be one, newest first. A post that leaves a criterion open passes its filter.",
		[]any{obj{"name": "kind", "in": "query", "schema": obj{"type": "string", "enum": strs(proximite.Seek, proximite.Offer)}},
			obj{"name": "sector", "in": "query", "schema": obj{"type": "string"}, "description": "DAC 3-digit sector category."},
			obj{"name": "country", "in": "query", "schema": obj{"type": "string"}, "description": "ISO 3166-1 alpha-2 country code."},
			obj{"name": "partner_kind", "in": "query", "schema": obj{"type": "string", "enum": kinds}},
			obj{"name": "language", "in": "query", "schema": obj{"type": "string"}, "description": "Language of work, such as fr."}},
		ref("BoardPostList"), "400")
	paths["/api/v1/board/{id}"] = get("board-post", "A post of the partner board",
		"A post by number, open or not: a closed post stays readable by its link.",
		[]any{obj{"name": "id", "in": "path", "required": true, "schema": obj{"type": "string"}, "example": "1"}}, post, "404")
}
