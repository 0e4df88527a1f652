package proximite

import (
	"context"
	"time"
)

// RecordType names a kind of record in search results, URLs and facets.
type RecordType string

// The record types of the registry.
const (
	TypeOrganisation RecordType = "organisation"
	TypePartnership  RecordType = "partnership"
	TypeProject      RecordType = "project"
	TypeVisit        RecordType = "visit"
	TypeProgramme    RecordType = "programme"
	TypePublication  RecordType = "publication"
)

// RecordTypes lists the types in display order.
var RecordTypes = []RecordType{TypeOrganisation, TypePartnership, TypeProject, TypeVisit, TypeProgramme, TypePublication}

// Valid reports whether t is a known record type.
func (t RecordType) Valid() bool {
	for _, r := range RecordTypes {
		if r == t {
			return true
		}
	}
	return false
}

// Facet names. Each is also the query parameter that filters on it.
const (
	FacetType            = "type"
	FacetCountry         = "country"
	FacetSectorCategory  = "sector"
	FacetOrgKind         = "org_kind"
	FacetStatus          = "status"
	FacetPartnershipKind = "partnership_kind"
	FacetForm            = "form"
	FacetYear            = "year"
	FacetDirection       = "direction"
	// The library's facets: a publication's type and the language of
	// the document.
	FacetPubType  = "pub_type"
	FacetLanguage = "language"
)

// Facets lists the facets in display order.
var Facets = []string{FacetType, FacetCountry, FacetSectorCategory, FacetOrgKind, FacetStatus,
	FacetPartnershipKind, FacetForm, FacetDirection, FacetPubType, FacetLanguage, FacetYear}

// Sort orders of search results.
const (
	SortRelevance = "relevance"
	SortTitle     = "title"
	SortRecent    = "recent" // most recently changed first
	SortYear      = "year"   // newest start year first
)

// SearchFilter is one search across all record types: a free-text query
// (accent- and case-insensitive, prefix matching) and facet filters.
// Within a facet, values are alternatives (OR); across facets they all
// apply (AND).
type SearchFilter struct {
	Query   string
	Filters map[string][]string // facet name → accepted values
	// Org, Partnership and Programme restrict results to records linked to
	// that record (by slug): an organisation's projects, a partnership's
	// visits, a programme's projects.
	Org         string
	Partnership string
	Programme   string
	// Project restricts results to the records linked to a project: the
	// publications about it.
	Project string
	// IncludeUnpublished shows drafts and submitted records too; only the
	// workspace sets it.
	IncludeUnpublished bool
	Sort               string
	Lang               string // language of title sorting
	Limit              int
	Offset             int
	// WithFacets asks for facet counts over the matching records.
	WithFacets bool
	// NoCount says the caller shows neither a count nor facets, only the
	// newest few: a search without words may then stop at the page
	// instead of gathering MaxMatches candidates. Total is then a lower
	// bound, and Capped says that more records match.
	NoCount bool
}

// MaxLimit caps a page of results; exports stream without this limit.
const MaxLimit = 200

// Hit is one record in search results.
type Hit struct {
	Type    RecordType `json:"type"`
	ID      int64      `json:"id"`
	Slug    string     `json:"slug"`
	Title   Text       `json:"title"`
	Year    int        `json:"year,omitempty"`
	Updated time.Time  `json:"updated"`
}

// FacetCount is how many matching records carry one value of a facet.
type FacetCount struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// MaxMatches bounds the work of one search: a search with words or
// filters examines at most this many matching records (on SQLite the most
// recently created, on PostgreSQL the first its text index yields), ranks and pages among them and counts their facets. The cost
// of a search then depends on this number, not on the registry's size; a
// visitor who needs more refines the query. Browsing by type alone is not
// bounded: its counts are kept up to date on every write.
const MaxMatches = 1000

// SearchResult is a page of hits, the total, and the facet counts.
type SearchResult struct {
	Hits  []Hit `json:"items"`
	Total int   `json:"total"`
	// Capped says that more than MaxMatches records match: Total is then
	// MaxMatches, a lower bound, the facet counts are those of the
	// MaxMatches most recent matches, and pages stop there.
	Capped bool                    `json:"capped,omitempty"`
	Facets map[string][]FacetCount `json:"facets,omitempty"`
}

// Counts says how many published records of each type the registry holds.
type Counts map[RecordType]int

// SearchService finds records of any type.
type SearchService interface {
	Search(ctx context.Context, f SearchFilter) (*SearchResult, error)
	Counts(ctx context.Context) (Counts, error)
	// EachProject streams every project matching the filter (paging
	// ignored), one in memory at a time, for exports of any size.
	EachProject(ctx context.Context, f SearchFilter, fn func(*Project) error) error
}

// Registry is every service the storage offers, as the edges use it.
type Registry interface {
	OrganisationService
	PartnershipService
	ProjectService
	VisitService
	ProgrammeService
	PublicationService
	SearchService
}

// Record is any record of the registry: it has a type and the shared
// metadata.
type Record interface {
	RecordType() RecordType
	Base() *Meta
}

// Base returns the shared metadata; every record type embeds Meta.
func (m *Meta) Base() *Meta { return m }

// RecordType implements Record.
func (*Organisation) RecordType() RecordType { return TypeOrganisation }

// RecordType implements Record.
func (*Partnership) RecordType() RecordType { return TypePartnership }

// RecordType implements Record.
func (*Project) RecordType() RecordType { return TypeProject }

// RecordType implements Record.
func (*Visit) RecordType() RecordType { return TypeVisit }

// RecordType implements Record.
func (*Programme) RecordType() RecordType { return TypeProgramme }

// RecordType implements Record.
func (*Publication) RecordType() RecordType { return TypePublication }

// NewRecord returns an empty record of a type, to decode or fill.
func NewRecord(t RecordType) (Record, error) {
	switch t {
	case TypeOrganisation:
		return &Organisation{}, nil
	case TypePartnership:
		return &Partnership{}, nil
	case TypeProject:
		return &Project{}, nil
	case TypeVisit:
		return &Visit{}, nil
	case TypeProgramme:
		return &Programme{}, nil
	case TypePublication:
		return &Publication{}, nil
	}
	return nil, Errorf(ENOTFOUND, "no record type %q", t)
}

// Find reads a record of any type, in any state, by ID or slug: the
// caller decides who may see a draft.
func Find(ctx context.Context, r Registry, t RecordType, idOrSlug string) (Record, error) {
	switch t {
	case TypeOrganisation:
		return r.FindOrganisation(ctx, idOrSlug)
	case TypePartnership:
		return r.FindPartnership(ctx, idOrSlug)
	case TypeProject:
		return r.FindProject(ctx, idOrSlug)
	case TypeVisit:
		return r.FindVisit(ctx, idOrSlug)
	case TypeProgramme:
		return r.FindProgramme(ctx, idOrSlug)
	case TypePublication:
		return r.FindPublication(ctx, idOrSlug)
	}
	return nil, Errorf(ENOTFOUND, "no record type %q", t)
}
