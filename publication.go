package proximite

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"time"
)

// Publication is a document of the Observatoire's library: a guide, a
// report, a study about proximity cooperation, described in every
// language it is described in, tagged like the records it is about, and
// either uploaded (a PDF kept in the registry, its text searchable) or
// linked to where it lives.
type Publication struct {
	Meta
	Title    Text     `json:"title"`
	Abstract Text     `json:"abstract,omitempty"`
	Authors  []string `json:"authors,omitempty"` // people or bodies, as credited
	// Publisher is who issued it, as printed.
	Publisher string  `json:"publisher,omitempty"`
	Year      int     `json:"year,omitempty"`
	Kind      PubKind `json:"kind"`
	// Language is the language of the document itself ("fr", "en", "bm"…),
	// whatever the languages of its description.
	Language string `json:"language"`
	License  string `json:"license,omitempty"` // "CC BY 4.0", "all rights reserved"…
	// Link is where the document lives outside the registry; a
	// publication has a link or an uploaded file, not both.
	Link string `json:"link,omitempty"`
	// File describes the uploaded file. Only the storage sets it, when a
	// file is attached; the bytes and their text are kept apart.
	File      *FileInfo `json:"file,omitempty"`
	Sectors   []string  `json:"sectors,omitempty"`   // DAC 3- or 5-digit codes
	Countries []string  `json:"countries,omitempty"` // ISO 3166-1 alpha-2
	// Organisations, Partnerships and Projects are slugs of the records
	// the publication is by or about.
	Organisations []string `json:"organisations,omitempty"`
	Partnerships  []string `json:"partnerships,omitempty"`
	Projects      []string `json:"projects,omitempty"`
}

// PubKind is the type of a publication.
type PubKind string

// The types of publications.
const (
	PubBook      PubKind = "book"
	PubArticle   PubKind = "article"
	PubReport    PubKind = "report"
	PubGuide     PubKind = "guide" // a guide or a tool
	PubTraining  PubKind = "training"
	PubCaseStudy PubKind = "case_study"
)

// PubKinds lists the types in display order.
var PubKinds = []string{string(PubBook), string(PubArticle), string(PubReport), string(PubGuide),
	string(PubTraining), string(PubCaseStudy)}

// Valid reports whether k is a known type of publication.
func (k PubKind) Valid() bool {
	for _, v := range PubKinds {
		if string(k) == v {
			return true
		}
	}
	return false
}

// FileInfo describes an uploaded file.
type FileInfo struct {
	// Name is the file name as uploaded, cleaned; downloads offer it.
	Name        string    `json:"name"`
	ContentType string    `json:"content_type"`
	Size        int64     `json:"size"`
	SHA256      string    `json:"sha256"`
	Pages       int       `json:"pages,omitempty"`
	Uploaded    time.Time `json:"uploaded"`
	// HasText says that text was read from the file, so a search finds
	// the words inside it; a scan or an unusual PDF has none.
	HasText bool `json:"has_text"`
}

// MaxFileSize is the largest file the library accepts by default.
const MaxFileSize = 50 << 20

// Upload is a file sent to be attached to a publication.
type Upload struct {
	Name string
	Data []byte
}

// Validate checks the publication and returns field errors.
func (p *Publication) Validate() error {
	var errs ValidationErrors
	p.Meta.validate(&errs)
	if p.Title.IsZero() {
		errs.Add("title", "is required in at least one language")
	}
	p.Title.validate("title", &errs)
	p.Abstract.validate("abstract", &errs)
	for i, a := range p.Authors {
		if strings.TrimSpace(a) == "" {
			errs.Add(fmt.Sprintf("authors[%d]", i), "is empty")
		}
	}
	if p.Year != 0 && (p.Year < 1800 || p.Year > time.Now().Year()+1) {
		errs.Add("year", "must be a year between 1800 and next year, got %d", p.Year)
	}
	if !p.Kind.Valid() {
		errs.Add("kind", "unknown type of publication %q: book, article, report, guide, training or case_study", p.Kind)
	}
	if p.Language == "" {
		errs.Add("language", "is required: the language of the document, such as fr or en")
	} else if !langTag.MatchString(p.Language) {
		errs.Add("language", "must be a language code such as fr, en or bm, got %q", p.Language)
	}
	if p.Link != "" {
		if u, err := url.Parse(p.Link); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			errs.Add("link", "must be an http or https address, got %q", p.Link)
		} else if p.File != nil {
			errs.Add("link", "a publication has an uploaded file or a link, not both: remove the file or the link")
		}
	}
	for i, c := range p.Countries {
		if !validCountry(c) {
			errs.Add(fmt.Sprintf("countries[%d]", i), "unknown country code %q", c)
		}
	}
	for i, s := range p.Sectors {
		if !sectorValid("1", s) && !sectorValid("2", s) {
			errs.Add(fmt.Sprintf("sectors[%d]", i), "unknown DAC sector %q", s)
		}
	}
	slugs := func(field string, list []string) {
		for i, s := range list {
			if !slugRE.MatchString(s) {
				errs.Add(fmt.Sprintf("%s[%d]", field, i), "must be a slug, got %q", s)
			}
		}
	}
	slugs("organisations", p.Organisations)
	slugs("partnerships", p.Partnerships)
	slugs("projects", p.Projects)
	return errs.Err()
}

// PublicationService reads and writes the library's publications and
// their files.
type PublicationService interface {
	FindPublication(ctx context.Context, idOrSlug string) (*Publication, error)
	CreatePublication(ctx context.Context, p *Publication) error
	UpdatePublication(ctx context.Context, p *Publication) error
	DeletePublication(ctx context.Context, id int64) error
	// AttachFile checks that the upload is a PDF within the size limit,
	// keeps it with the publication (replacing any file before) and makes
	// its text searchable. A file whose text cannot be read is kept all
	// the same, with HasText false.
	AttachFile(ctx context.Context, id int64, f Upload) error
	// RemoveFile takes a publication's file away.
	RemoveFile(ctx context.Context, id int64) error
	// FileData returns the bytes of a publication's file.
	FileData(ctx context.Context, id int64) ([]byte, error)
}
