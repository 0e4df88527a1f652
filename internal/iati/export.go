package iati

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"

	"github.com/proximite/proximite"
)

// DefaultOrgRef is the reporting-organisation reference used when the
// network has not configured its own (Options.OrgRef, or the variable
// PROXIMITE_IATI_ORG_REF). It is deliberately not a registered
// identifier: "XX" is no registration agency, so IATI tools flag it
// rather than mistake it for someone else's. A network that publishes
// sets the identifier it is registered under (for instance an XI-IATI-…
// identifier from the IATI Secretariat, or CA-CRA_ACR-… for a Canadian
// charity). Projects without an IATI identifier get "<ref>-<slug>".
const DefaultOrgRef = "XX-PROXIMITE"

// DefaultOrgName is the name the network reports under unless configured.
var DefaultOrgName = proximite.Text{"fr": "Réseau Proximité", "en": "Proximité network"}

// Options configure an export. The zero value is usable: every empty field
// takes its documented default.
type Options struct {
	// OrgRef, OrgName and OrgType describe the network that reports, as
	// secondary reporter, the projects of members that do not publish in
	// IATI themselves. Defaults: DefaultOrgRef, DefaultOrgName, and the
	// IATI type of a network ("21").
	OrgRef  string
	OrgName proximite.Text
	OrgType string
	// BaseURL is where the registry is served ("https://rosi.example"). It
	// makes the vocabulary-uri of the tags that carry partnerships and
	// programmes, which then resolve to the API's records; without it the
	// tags have no URI.
	BaseURL string
	// Lang is the preferred default language of activities, "fr" unless
	// set; an activity whose title lacks it takes its title's first
	// language instead.
	Lang string
	// Generated is the file's generated-datetime; the current time when
	// zero. Tests set it for stable output.
	Generated time.Time
	// Flush, when set, is called after every FlushEvery activities (100 by
	// default) once the buffered output has been written, so that an HTTP
	// response reaches the client while the export runs.
	Flush      func() error
	FlushEvery int
}

// orgRefRE is what an organisation reference may hold: it prefixes
// activity identifiers, which must not contain spaces or / & | ?.
var orgRefRE = regexp.MustCompile(`^[^\s/&|?]+$`)

// check says what is wrong with the options, once defaults are applied.
func (o Options) check() error {
	if !orgRefRE.MatchString(o.OrgRef) {
		return proximite.FieldError("org_ref", "an IATI organisation reference cannot contain spaces or / & | ?, got %q", o.OrgRef)
	}
	return nil
}

func (o Options) withDefaults() Options {
	if o.OrgRef == "" {
		o.OrgRef = DefaultOrgRef
	}
	if o.OrgName.IsZero() {
		o.OrgName = DefaultOrgName
	}
	if o.OrgType == "" {
		o.OrgType = proximite.Network.IATIType()
	}
	if o.Lang == "" {
		o.Lang = "fr"
	}
	if o.Generated.IsZero() {
		o.Generated = time.Now()
	}
	if o.FlushEvery <= 0 {
		o.FlushEvery = 100
	}
	o.BaseURL = strings.TrimSuffix(o.BaseURL, "/")
	return o
}

// Lookup finds the records a project refers to by slug: its organisations
// (for their IATI references, names and types), its partnership and its
// funding programme. *sqlstore.DB and proximite.Registry satisfy it.
type Lookup interface {
	FindOrganisation(ctx context.Context, idOrSlug string) (*proximite.Organisation, error)
	FindPartnership(ctx context.Context, idOrSlug string) (*proximite.Partnership, error)
	FindProgramme(ctx context.Context, idOrSlug string) (*proximite.Programme, error)
}

// Source is what WriteActivities reads: the projects, streamed, and the
// records they refer to.
type Source interface {
	Lookup
	EachProject(ctx context.Context, f proximite.SearchFilter, fn func(*proximite.Project) error) error
}

// WriteActivities writes the projects matching f as an IATI 2.03
// activity file, streaming: the projects are read and written as they
// come, the records they refer to are kept in bounded caches, and memory
// does not grow with the size of the export. It returns the number of
// activities written.
//
// Reading and writing overlap: the source streams projects from its own
// goroutine, some pipeDepth projects ahead of the encoder, which runs in the
// caller's goroutine (so w, an http.ResponseWriter say, is only used
// from there). On a machine with two cores the database's decoding and
// the XML writing then run side by side. The source must hand over each
// project it streams, not reuse it for the next, which
// sqlstore.DB.EachProject does.
//
// Nothing reaches w until 64 KB of output or FlushEvery activities are
// ready, so a caller can still answer with an error when the query fails
// at once.
// When no project matches, the file holds an empty iati-activities
// element: the schema asks for at least one activity, and there is
// nothing honest to put in one.
func WriteActivities(ctx context.Context, w io.Writer, src Source, f proximite.SearchFilter, opts Options) (int, error) {
	enc := NewEncoder(w, src, opts)
	if enc.err != nil {
		return 0, enc.err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	batches := make(chan []*proximite.Project, pipeDepth/pipeBatch)
	read := make(chan error, 1)
	go func() {
		defer close(batches)
		batch := make([]*proximite.Project, 0, pipeBatch)
		err := src.EachProject(ctx, f, func(p *proximite.Project) error {
			if batch = append(batch, p); len(batch) < pipeBatch {
				return nil
			}
			select {
			case batches <- batch:
				batch = make([]*proximite.Project, 0, pipeBatch)
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
		if len(batch) > 0 {
			// Those read before an error too, as one at a time they were;
			// the encoder drains the channel to its end.
			batches <- batch
		}
		read <- err
	}()
	var err error
	for batch := range batches {
		for _, p := range batch {
			if err == nil {
				if err = enc.Encode(ctx, p); err != nil {
					cancel() // stops the reader, whose projects are then drained
				}
			}
		}
	}
	if rerr := <-read; err == nil {
		err = rerr
	}
	if err == nil {
		err = enc.Close()
	}
	if err != nil {
		return enc.Count(), fmt.Errorf("IATI export: %w", err)
	}
	return enc.Count(), nil
}

// pipeDepth is how many projects the reader may get ahead of the encoder:
// enough to smooth out the lookups of referenced records, few enough that
// memory stays small. They are handed over in batches of pipeBatch: one
// project at a time, the two goroutines woke each other for every
// project, and the scheduling took a tenth of an export's time.
const (
	pipeDepth = 64
	pipeBatch = 16
)

// Encoder writes projects as IATI activities, one at a time, for callers
// that have their projects from elsewhere than Source.EachProject (an
// import being checked, a test). Call Encode for each project and Close
// once at the end.
type Encoder struct {
	err    error // what is wrong with the options, returned by every call
	w      xmlWriter
	lookup *lookupCache
	opts   Options
	langs  []string // reused by narratives
	act    activity // reused by prepare
	n      int
	begun  bool
	closed bool
}

// NewEncoder returns an encoder writing to w, finding referenced records
// through lookup.
func NewEncoder(w io.Writer, lookup Lookup, opts Options) *Encoder {
	e := &Encoder{lookup: newLookupCache(lookup), opts: opts.withDefaults()}
	e.w.b = bufio.NewWriterSize(w, 64<<10)
	e.err = e.opts.check()
	return e
}

// Count returns the number of activities encoded so far.
func (e *Encoder) Count() int { return e.n }

func (e *Encoder) begin() {
	if e.begun {
		return
	}
	e.begun = true
	e.w.b.WriteString(xmlHeader)
	e.w.open("iati-activities", "version", "2.03", "generated-datetime", dateTime(e.opts.Generated))
}

const xmlHeader = `<?xml version="1.0" encoding="UTF-8"?>
<!-- IATI 2.03 activities exported by Proximité, the registry of proximity cooperation. -->
`

// Encode writes one project as an iati-activity.
func (e *Encoder) Encode(ctx context.Context, p *proximite.Project) error {
	if e.err != nil {
		return e.err
	}
	if e.closed {
		return fmt.Errorf("encode %s: the encoder is closed", p.Slug)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	a, err := e.prepare(ctx, p)
	if err != nil {
		return fmt.Errorf("project %s: %w", p.Slug, err)
	}
	e.begin()
	e.activity(a)
	e.n++
	if e.n%e.opts.FlushEvery == 0 {
		if err := e.w.b.Flush(); err != nil {
			return err
		}
		if e.opts.Flush != nil {
			return e.opts.Flush()
		}
	}
	return nil
}

// Close ends the file and writes what is buffered. It does not close the
// underlying writer.
func (e *Encoder) Close() error {
	if e.err != nil {
		return e.err
	}
	if e.closed {
		return nil
	}
	e.closed = true
	e.begin()
	e.w.close("iati-activities")
	if err := e.w.b.Flush(); err != nil {
		return err
	}
	if e.opts.Flush != nil {
		return e.opts.Flush()
	}
	return nil
}
