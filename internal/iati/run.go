package iati

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/sqlstore"
)

// run is the import of one file: the batch being gathered, the counts of
// what it will do once written, and the messages to log with it.
type run struct {
	im      *Importer
	rep     *Report
	write   bool // else only check
	logMsgs bool // else the messages were logged by an earlier check
	source  string
	orgs    *orgResolver
	batch   []any
	pending map[string]bool // identifiers in the batch
	taken   map[string]bool // project slugs in the batch
	counts  tally           // what the batch does once written
	// The batch being written while the next is gathered (see flush):
	// its identifiers and slugs, and the outcome of its writing.
	writing      chan error
	wrotePending map[string]bool
	wroteTaken   map[string]bool
	wroteCounts  tally
	// known is what prefetch learnt of the registry for the activities
	// being placed.
	known known
	// carried is the run of the file before when the batch being
	// written is its last: once written, its counts go to that file's
	// report, whose log is then completed.
	carried    *run
	ctx        context.Context // of the run's reading, without its cancellation
	inBatch    int
	inBytes    int64 // of the file's XML, for the activities gathered
	lastOffset int64
	msgs       []sqlstore.ImportMessage
	size       int64
	checksum   string
	started    time.Time
	lastTick   time.Time
}

// known holds what prefetch learnt of the registry: identifiers that no
// project has, the slugs of the projects that have the others, and
// project slugs that no record has. An identifier or slug that the run
// takes is dropped, since the registry will soon have it.
type known struct {
	absent map[string]bool
	found  map[string]string
	free   map[string]bool
}

// tally counts what a batch does to the registry.
type tally struct{ created, updated, unchanged, orgs int }

// newRun starts the run of a file. prev, when not nil, is the run of the
// file before, whose last batch is still being written: the new run
// takes it over (see carried), with what it must not take again (its
// activities' identifiers and slugs, its new organisations), so that the
// file's activities are matched while the one before is written.
func newRun(im *Importer, rep *Report, write, logMsgs bool, prev *run) *run {
	source := "IATI file " + filepath.Base(rep.File)
	r := &run{im: im, rep: rep, write: write, logMsgs: logMsgs, source: source,
		pending: map[string]bool{}, taken: map[string]bool{},
		wrotePending: map[string]bool{}, wroteTaken: map[string]bool{},
		known:   known{absent: map[string]bool{}, found: map[string]string{}, free: map[string]bool{}},
		started: time.Now(), lastTick: time.Now()}
	if prev == nil {
		r.orgs = newOrgResolver(im.DB, source)
		return r
	}
	r.orgs = prev.orgs
	r.orgs.source = source
	r.writing, r.wroteCounts, prev.writing = prev.writing, prev.wroteCounts, nil
	r.wrotePending, r.wroteTaken = prev.wrotePending, prev.wroteTaken
	r.carried = prev
	return r
}

// A batch is written when it holds batchSize activities or
// maxBatchBytes of their XML, whichever comes first. Large batches write
// each page of the database's indexes fewer times (the publisher files'
// activities: 4,550 a second in batches of 500, 5,040–5,230 in batches of
// 2,000). The byte bound keeps the two batches in memory, the one written
// and the one gathered, near 80 MB of live heap with the largest
// activities, and the process's own memory (all but the database file,
// mapped for reading) under 256 MB: at 24 MB of XML a batch, the import
// of 100,000 activities was 13 % faster but held 355 MB.
//
// The import's first batch is smaller, so that the writer, which waits
// for it, starts sooner.
const (
	firstBatchSize   = 200
	defaultBatchSize = 2000
	maxBatchBytes    = 12 << 20
)

func (r *run) batchSize() int {
	if r.im.BatchSize > 0 {
		return r.im.BatchSize
	}
	if !r.im.flushed {
		return firstBatchSize
	}
	return defaultBatchSize
}

// activity handles one activity read from the file.
func (r *run) activity(ctx context.Context, a *Activity) error {
	r.rep.Read++
	if a.Err != nil {
		r.reject(a, a.Err.Error())
	} else {
		for _, w := range a.Warnings {
			r.message(sqlstore.ImportWarning, a, w)
		}
		r.rep.Warnings += len(a.Warnings)
		if r.write {
			if err := r.place(ctx, a); err != nil {
				return err
			}
		}
	}
	r.inBatch++
	if r.inBatch >= r.batchSize() || r.inBytes >= maxBatchBytes {
		return r.flush(ctx)
	}
	return nil
}

func (r *run) reject(a *Activity, reason string) {
	r.rep.Rejected++
	m := r.message(sqlstore.ImportRejected, a, reason)
	if len(r.rep.Rejections) < maxKept {
		r.rep.Rejections = append(r.rep.Rejections, m)
	}
}

func (r *run) message(level string, a *Activity, text string) sqlstore.ImportMessage {
	m := sqlstore.ImportMessage{Level: level, Line: a.Line, Identifier: a.Identifier, Message: text}
	if r.logMsgs {
		r.msgs = append(r.msgs, m)
		if out := r.im.Out; out != nil && (level == sqlstore.ImportRejected || r.im.Verbose) {
			id := a.Identifier
			if id == "" {
				id = "(no identifier)"
			}
			fmt.Fprintf(out, "%s:%d: %s: %s: %s\n", r.rep.File, a.Line, id, level, text)
		}
	}
	return m
}

// place matches the activity's organisations, finds the project it
// updates, and adds what must be written to the batch.
func (r *run) place(ctx context.Context, a *Activity) error {
	if r.pending[a.Identifier] || r.wrotePending[a.Identifier] {
		// The file repeats an activity: write the batch first, so that the
		// second one updates the first.
		if err := r.flush(ctx); err != nil {
			return err
		}
		if err := r.wait(); err != nil {
			return err
		}
	}
	p := a.Project
	for i := range p.Participants {
		slug, org, err := r.orgs.resolve(ctx, a.Orgs[i])
		if err != nil {
			return err
		}
		r.addOrg(org)
		p.Participants[i] = proximite.Participant{Org: slug, Ref: p.Participants[i].Ref, Role: p.Participants[i].Role}
	}
	if a.ReportingOrg != nil {
		_, org, err := r.orgs.resolve(ctx, *a.ReportingOrg)
		if err != nil {
			return err
		}
		r.addOrg(org)
	}
	p.Sources = []string{r.source}
	old, err := r.existing(ctx, a.Identifier)
	if err != nil {
		return err
	}
	if old != nil {
		keepOwn(p, old, r.source)
		if sameContent(old, p) {
			r.counts.unchanged++
			return nil
		}
		r.counts.updated++
	} else {
		if p.Slug, err = r.projectSlug(ctx, a.Identifier); err != nil {
			return err
		}
		r.counts.created++
	}
	r.batch = append(r.batch, p)
	r.pending[a.Identifier] = true
	r.taken[p.Slug] = true
	delete(r.known.absent, a.Identifier)
	return nil
}

// prefetch asks the registry at once what place would ask of it for each
// of the activities, which the reader has ready: whether their
// identifiers are known, whether the slugs they would take are free, and
// which organisations they name. Asked for each activity, these were
// three or four queries an activity, a round trip each on PostgreSQL.
// What the batches being gathered and written hold is left out: the
// registry is about to change there, and place asks it again.
func (r *run) prefetch(ctx context.Context, acts []*Activity) error {
	clear(r.known.absent)
	clear(r.known.found)
	clear(r.known.free)
	var ids, slugs []string
	var orgs []Org
	for _, a := range acts {
		id := a.Identifier
		if a.Err != nil || r.pending[id] || r.wrotePending[id] {
			continue
		}
		ids = append(ids, id)
		if s := ProjectSlug(id); !r.taken[s] && !r.wroteTaken[s] {
			slugs = append(slugs, s)
		}
		orgs = append(orgs, a.Orgs...)
		if a.ReportingOrg != nil {
			orgs = append(orgs, *a.ReportingOrg)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	found, err := r.im.DB.LookupKeys(ctx, proximite.TypeProject, sqlstore.KeyIATIID, ids)
	if err != nil {
		return fmt.Errorf("look up activities: %w", err)
	}
	taken, err := r.im.DB.TakenSlugs(ctx, proximite.TypeProject, slugs)
	if err != nil {
		return fmt.Errorf("check slugs: %w", err)
	}
	for _, id := range ids {
		if slug, ok := found[id]; ok {
			r.known.found[id] = slug
		} else {
			r.known.absent[id] = true
		}
	}
	for _, s := range slugs {
		if !taken[s] {
			r.known.free[s] = true
		}
	}
	return r.orgs.prefetch(ctx, orgs)
}

func (r *run) addOrg(org *proximite.Organisation) {
	if org != nil {
		r.batch = append(r.batch, org)
		r.counts.orgs++
	}
}

// existing returns the project already imported with the identifier, or
// nil.
func (r *run) existing(ctx context.Context, id string) (*proximite.Project, error) {
	if r.known.absent[id] {
		return nil, nil
	}
	slug, ok := r.known.found[id]
	if !ok {
		var err error
		slug, err = r.im.DB.LookupKey(ctx, proximite.TypeProject, sqlstore.KeyIATIID, id)
		if proximite.ErrorCode(err) == proximite.ENOTFOUND {
			return nil, nil
		} else if err != nil {
			return nil, fmt.Errorf("look up activity %s: %w", id, err)
		}
	}
	p, err := r.im.DB.FindProject(ctx, slug)
	if err != nil {
		return nil, fmt.Errorf("read project %s: %w", slug, err)
	}
	return p, nil
}

// projectSlug returns the slug of a new project: the identifier's, or
// its hashed form when another project has it.
func (r *run) projectSlug(ctx context.Context, id string) (string, error) {
	for _, s := range []string{ProjectSlug(id), hashedSlug(proximite.Slugify(id), id)} {
		free, err := freeSlug(ctx, r.im.DB, proximite.TypeProject, s, r.known.free, r.taken, r.wroteTaken)
		if err != nil || free {
			return s, err
		}
	}
	return "", fmt.Errorf("activity %s: its slug %s belongs to other projects", id, ProjectSlug(id))
}

// keepOwn carries over to p what the registry holds about the project
// and IATI does not: its identity, its publication state and the
// partner's confirmation, the partnership, programme and in-kind
// contributions, and the sources other than the IATI file.
func keepOwn(p, old *proximite.Project, source string) {
	p.ID, p.Slug, p.State = old.ID, old.Slug, old.State
	p.ConfirmedByPartner, p.LastConfirmed = old.ConfirmedByPartner, old.LastConfirmed
	p.CreatedAt = old.CreatedAt
	p.Partnership, p.Programme, p.InKind = old.Partnership, old.Programme, old.InKind
	var sources []string
	for _, s := range old.Sources {
		if !strings.HasPrefix(s, "IATI file ") {
			sources = append(sources, s)
		}
	}
	p.Sources = append(sources, source)
}

// sameContent reports whether two projects say the same, apart from the
// times of change and the names that reads fill in.
func sameContent(a, b *proximite.Project) bool {
	x, y := *a, *b
	x.CreatedAt, x.UpdatedAt, y.CreatedAt, y.UpdatedAt = time.Time{}, time.Time{}, time.Time{}, time.Time{}
	x.Participants = bare(x.Participants)
	y.Participants = bare(y.Participants)
	jx, err1 := json.Marshal(&x)
	jy, err2 := json.Marshal(&y)
	return err1 == nil && err2 == nil && bytes.Equal(jx, jy)
}

func bare(pts []proximite.Participant) []proximite.Participant {
	out := make([]proximite.Participant, len(pts))
	for i, pt := range pts {
		pt.OrgName, pt.OrgKind = nil, ""
		out[i] = pt
	}
	return out
}

// flush hands the batch to a goroutine that writes it in one
// transaction, then its messages, while the run goes on gathering the
// next batch: checking and matching activities (and reading the file, in
// readAhead) then share the machine's cores with the database's writing.
// One batch at most is being written; flush first waits for the one
// before, and adds its counts to the report once it is written. The
// identifiers and slugs of the batch being written are kept, so that
// the next batch neither takes them again nor misses a repeated
// activity.
func (r *run) flush(ctx context.Context) error {
	// The batch is prepared while the one before is still being written.
	var batch *sqlstore.Batch
	if len(r.batch) > 0 {
		var err error
		if batch, err = r.im.DB.PrepareBatch(r.batch...); err != nil {
			r.wait()
			return fmt.Errorf("write a batch of %d records: %w", len(r.batch), err)
		}
	}
	if err := r.wait(); err != nil {
		return err
	}
	if batch != nil { // a check writes nothing: the writing's first batch stays small
		r.im.flushed = true
	}
	var msgs []sqlstore.ImportMessage
	if r.logMsgs {
		msgs = append(msgs, r.msgs...)
	}
	done := make(chan error, 1)
	db, rep := r.im.DB, r.rep
	// The file's log is begun by its first batch, in turn with the
	// writing of the file before: begun by the run, it would wait for
	// that writing, SQLite having one writer. It is begun from a copy,
	// since the run goes on counting in the report meanwhile.
	var begin *sqlstore.Import
	if rep.ID == 0 {
		imp := rep.Import
		begin = &imp
	}
	// A batch handed over is written even if the import is stopped
	// meanwhile: what was gathered before the stop is kept whole, as when
	// batches were written in turn.
	ctx = context.WithoutCancel(ctx)
	go func() {
		if begin != nil {
			if err := beginImport(ctx, db, begin); err != nil {
				done <- err
				return
			}
			rep.ID, rep.StartedAt = begin.ID, begin.StartedAt
		}
		if batch != nil {
			if err := db.SaveBatch(ctx, batch); err != nil {
				done <- fmt.Errorf("write a batch of %d records: %w", batch.Len(), err)
				return
			}
		}
		if len(msgs) > 0 {
			if err := db.AddImportMessages(ctx, rep.ID, msgs); err != nil {
				done <- fmt.Errorf("log messages: %w", err)
				return
			}
		}
		done <- nil
	}()
	r.writing, r.wroteCounts = done, r.counts
	r.counts = tally{}
	r.batch, r.msgs, r.inBatch, r.inBytes = nil, r.msgs[:0], 0, 0
	r.pending, r.wrotePending = r.wrotePending, r.pending
	r.taken, r.wroteTaken = r.wroteTaken, r.taken
	clear(r.pending)
	clear(r.taken)
	r.orgs.handOver()
	return nil
}

// wait waits for the batch being written, if any, and adds its counts
// to the report.
func (r *run) wait() error {
	if r.writing == nil {
		return nil
	}
	err := <-r.writing
	r.writing = nil
	rep, carried := r.rep, r.carried
	if carried != nil {
		rep, r.carried = carried.rep, nil
	}
	if err == nil {
		c := r.wroteCounts
		rep.Created += c.created
		rep.Updated += c.updated
		rep.Unchanged += c.unchanged
		rep.OrgsCreated += c.orgs
	}
	r.wroteCounts = tally{}
	if carried != nil {
		err = r.im.finish(r.ctx, rep, err)
	}
	return err
}

// progress writes a line about the file every second.
func (r *run) progress(offset int64) {
	if r.im.Progress == nil || time.Since(r.lastTick) < time.Second {
		return
	}
	r.lastTick = time.Now()
	rate := float64(r.rep.Read) / time.Since(r.started).Seconds()
	pct := ""
	if r.size > 0 {
		pct = fmt.Sprintf(", %d%% of the file", offset*100/r.size)
	}
	fmt.Fprintf(r.im.Progress, "%s: %d activities read (%.0f/s)%s\n", r.rep.File, r.rep.Read, rate, pct)
}
