package iati

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"golang.org/x/sync/semaphore"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/sqlstore"
)

// Importer brings IATI activity files into the registry. Each activity
// becomes a published project, found again by its IATI identifier when a
// file is imported again, so that the same or a newer file updates the
// projects instead of duplicating them. Projects are written in batches,
// each in one transaction: an import stopped in the middle leaves whole
// batches, and running it again completes the work.
type Importer struct {
	DB *sqlstore.DB
	// AllOrNothing writes nothing unless every activity of every file can
	// be imported. The files are then read twice: once to check them, once
	// to write them, in batches as always, so that a crash in the second
	// reading leaves whole batches that running again completes. Without
	// it, what is valid is imported and the rest reported.
	AllOrNothing bool
	// BatchSize is the number of activities per transaction (2,000 when
	// 0, fewer when their XML passes 12 MB).
	BatchSize int
	flushed   bool // a batch was handed to the writer
	// Out, when set, receives a line for each rejected activity as it is
	// found, and for each warning when Verbose is set.
	Out     io.Writer
	Verbose bool
	// Progress, when set, receives a line about the file being read every
	// second, for long files.
	Progress io.Writer
}

// Report is the outcome of one file: its entry in the import log, and
// the first rejected activities (the log keeps them all).
type Report struct {
	sqlstore.Import
	Rejections []sqlstore.ImportMessage
	Warnings   int
}

// maxKept bounds the rejections a Report holds in memory.
const maxKept = 100

// Run imports the files and the .xml files under the directories, in
// order, and returns a report per file. Problems with a file's content
// are in its report; the error is for what stopped the run (the database,
// a cancelled context, a path that does not exist).
func (im *Importer) Run(ctx context.Context, paths ...string) ([]*Report, error) {
	files, err := expandPaths(paths)
	if err != nil {
		return nil, err
	}
	im.flushed = false
	var reports []*Report
	if !im.AllOrNothing {
		// The files are read ahead (openAhead), and the last batch of
		// each is written while the next file's activities are matched
		// (see newRun).
		sources, stop := openAhead(files)
		defer stop()
		var pending *run
		for i := range files {
			rep, r, err := im.file(ctx, <-sources, true, nil, i+1 < len(files), pending)
			pending = r
			if rep != nil {
				reports = append(reports, rep)
			}
			if err != nil {
				return reports, err
			}
		}
		return reports, nil
	}
	failed := 0
	for _, f := range files {
		rep, _, err := im.file(ctx, openSource(f), false, nil, false, nil)
		if rep != nil {
			reports = append(reports, rep)
		}
		if err != nil {
			return reports, err
		}
		if rep.Rejected > 0 || rep.Error != "" {
			failed++
		}
	}
	if failed > 0 {
		for _, rep := range reports {
			note := fmt.Sprintf("nothing written (all or nothing): %d of %d files have problems", failed, len(reports))
			rep.Error = strings.TrimPrefix(rep.Error+"; "+note, "; ")
			if err := im.DB.FinishImport(context.WithoutCancel(ctx), &rep.Import); err != nil {
				return reports, err
			}
		}
		return reports, nil
	}
	for _, rep := range reports {
		if _, _, err := im.file(ctx, openSource(rep.File), true, rep, false, nil); err != nil {
			return reports, err
		}
	}
	return reports, nil
}

// expandPaths lists the files to import: each file named, and the .xml
// files under each directory named, in name order.
func expandPaths(paths []string) ([]string, error) {
	if len(paths) == 0 {
		return nil, proximite.Errorf(proximite.EINVALID, "no file to import")
	}
	var out []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, proximite.Errorf(proximite.EINVALID, "cannot read %s: %v", p, errors.Unwrap(err))
		}
		if !st.IsDir() {
			out = append(out, p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.EqualFold(filepath.Ext(path), ".xml") {
				found = append(found, path)
			}
			return err
		})
		if err != nil {
			return nil, proximite.Errorf(proximite.EINVALID, "cannot read %s: %v", p, err)
		}
		if len(found) == 0 {
			return nil, proximite.Errorf(proximite.EINVALID, "no .xml file under %s", p)
		}
		sort.Strings(found)
		out = append(out, found...)
	}
	return out, nil
}

// file reads one file. With write unset it only checks it: counts read
// and rejected activities and logs the messages. checked is the report of
// an earlier check of the same file, whose log entry is then completed
// and whose messages are not logged again. When more files follow, the
// file's last batch is left being written, and its run is returned for
// the next file's to take over (prev, see newRun), which completes the
// file's log once the batch is written.
func (im *Importer) file(ctx context.Context, src *source, write bool, checked *Report, more bool, prev *run) (*Report, *run, error) {
	defer src.close()
	path := src.path
	rep := checked
	if rep == nil {
		rep = &Report{Import: sqlstore.Import{Format: "iati", File: path, AllOrNothing: im.AllOrNothing}}
	}
	if checked != nil { // the check counted what this pass counts again
		rep.Read, rep.Warnings = 0, 0
	}
	r := newRun(im, rep, write, checked == nil, prev)
	err := r.read(ctx, src, more)
	if checked != nil && err == nil && r.checksum != checked.Checksum {
		err = proximite.Errorf(proximite.ECONFLICT, "%s changed while it was imported; import it again", path)
		rep.Error = err.Error()
	}
	rep.Checksum = r.checksum
	if err == nil && r.writing != nil {
		return rep, r, nil
	}
	return rep, nil, im.finish(ctx, rep, err)
}

// finish completes a file's import log, after its last batch is written
// or the import stopped. The log is completed even when the context was
// cancelled, so that it tells how far the import went.
func (im *Importer) finish(ctx context.Context, rep *Report, err error) error {
	if err != nil && rep.Error == "" {
		// A stopped import says so, whichever step the stop interrupted
		// (a look-up, a write, the reading).
		if cerr := ctx.Err(); cerr != nil {
			rep.Error = "stopped: " + cerr.Error()
		} else {
			rep.Error = "stopped: " + err.Error()
		}
	}
	ctx = context.WithoutCancel(ctx)
	if rep.ID == 0 {
		if berr := beginImport(ctx, im.DB, &rep.Import); berr != nil {
			if err == nil {
				err = berr
			}
			return err
		}
	}
	if ferr := im.DB.FinishImport(ctx, &rep.Import); ferr != nil && err == nil {
		err = ferr
	}
	return err
}

// beginImport records the start of a file's import: by its first batch
// (see flush), or when it is finished without one.
func beginImport(ctx context.Context, db *sqlstore.DB, imp *sqlstore.Import) error {
	if err := db.CreateImport(ctx, imp); err != nil {
		return fmt.Errorf("log import of %s: %w", imp.File, err)
	}
	return nil
}

// read streams the file through the reader and the run, and sets the
// checksum of the whole file, even when its XML breaks half-way. The
// reader runs in a goroutine of its own, a few activities ahead, so that
// parsing and writing share the machine's cores.
func (r *run) read(ctx context.Context, src *source, more bool) (err error) {
	r.ctx = context.WithoutCancel(ctx)
	// A batch may be being written when the run stops early; it is waited
	// for, so that the import's log is completed after it.
	handedOver := false
	defer func() {
		if !handedOver {
			if werr := r.wait(); err == nil {
				err = werr
			}
		}
	}()
	if src.err != nil {
		r.rep.Error = fmt.Sprintf("cannot read the file: %v", errors.Unwrap(src.err))
		return nil
	}
	r.size = src.size
	// The activities are taken in groups of those the reader has ready,
	// for which the registry is asked at once (see prefetch).
	var group []item
	var acts []*Activity
	for stopped := false; !stopped; {
		it, ok := <-src.items
		if !ok {
			break
		}
		group, acts = append(group[:0], it), acts[:0]
	fill:
		for len(group) < prefetchGroup {
			select {
			case it, ok := <-src.items:
				if !ok {
					break fill
				}
				group = append(group, it)
			default:
				break fill
			}
		}
		if r.write {
			for _, it := range group {
				if it.err == nil {
					acts = append(acts, it.a)
				}
			}
			if err := r.prefetch(ctx, acts); err != nil {
				return err
			}
		}
		for _, it := range group {
			if err := ctx.Err(); err != nil {
				return err
			}
			var fe *FileError
			if errors.As(it.err, &fe) {
				r.rep.Error = fe.Error()
				stopped = true
				break
			} else if it.err != nil {
				return it.err
			}
			src.took(it)
			r.inBytes += it.offset - r.lastOffset
			r.lastOffset = it.offset
			if err := r.activity(ctx, it.a); err != nil {
				return err
			}
			r.progress(it.offset)
		}
	}
	src.stop() // the reader is done with the file and its hash
	if _, err := io.Copy(src.h, src.f); err != nil {
		return err
	}
	r.checksum = hex.EncodeToString(src.h.Sum(nil))
	if err := r.flush(ctx); err != nil {
		return err
	}
	// With a next file, the last batch is written while it is read.
	handedOver = more
	return nil
}

// aheadFiles is how many files are opened and read beyond the one being
// imported, each up to its reader's bounds (readAhead).
const aheadFiles = 2

// openAhead opens the files in turn, each once the reading of the file
// before has ended, and hands them over in order; stop closes those not
// taken. A file's reading (parsing and mapping, the largest part of an
// import after the writing) then goes on while the files before it are
// matched and written. When each file was opened only once the one
// before was matched, the reading of the next file waited while a large
// one was written, and a large file's reading left the writer idle.
func openAhead(files []string) (<-chan *source, func()) {
	out := make(chan *source, aheadFiles)
	quit := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(out)
		for _, f := range files {
			src := openSource(f)
			select {
			case out <- src:
			case <-quit:
				src.close()
				return
			}
			select {
			case <-src.done:
			case <-quit:
				return
			}
		}
	}()
	var once sync.Once
	return out, func() {
		once.Do(func() {
			close(quit)
			wg.Wait()
			for src := range out {
				src.close()
			}
		})
	}
}

// source is a file being read ahead: its activities parsed in a
// goroutine of their own, and the hash of what was read of it.
type source struct {
	path string
	f    *os.File
	h    interface {
		io.Writer
		Sum([]byte) []byte
	}
	size  int64
	items <-chan item
	took  func(item) // called for each item taken, to make room for more
	stop  func()
	done  <-chan struct{} // closed when the reading has ended
	err   error           // the file cannot be opened
}

// openSource opens a file and starts reading its activities.
func openSource(path string) *source {
	s := &source{path: path}
	f, err := os.Open(path)
	if err != nil {
		s.err = err
		done := make(chan struct{})
		close(done)
		s.done, s.stop, s.took = done, func() {}, func(item) {}
		return s
	}
	s.f, s.h = f, sha256.New()
	if st, err := f.Stat(); err == nil {
		s.size = st.Size()
	}
	s.items, s.took, s.stop, s.done = readAhead(NewReader(io.TeeReader(f, s.h)))
	return s
}

// close stops the reading and closes the file.
func (s *source) close() {
	if s.f != nil {
		s.stop()
		s.f.Close()
		s.f = nil
	}
}

// item is an activity read ahead, or the error that ended the file, and
// the size of its XML.
type item struct {
	a      *Activity
	err    error
	offset int64
	size   int64
}

// A reader holds at most aheadItems activities, or aheadBytes of their
// XML, that were not taken yet: with files read ahead, several readers
// hold theirs at once.
const aheadItems = 256

// prefetchGroup bounds the activities of one group (see run.read).
const prefetchGroup = 256

var aheadBytes int64 = 16 << 20 // a variable for tests

// readAhead reads activities in a goroutine and hands them over through
// a buffer bounded in activities and in bytes; took must be called for
// each item taken. stop makes the goroutine end and waits for it; it may
// be called more than once. done is closed when the goroutine ends.
func readAhead(rd *Reader) (items <-chan item, took func(item), stop func(), done <-chan struct{}) {
	ch := make(chan item, aheadItems)
	quit := make(chan struct{})
	ended := make(chan struct{})
	room := semaphore.NewWeighted(aheadBytes)
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		defer close(ended)
		defer close(ch)
		defer cancel()
		var last int64
		for {
			a, err := rd.Next()
			if err == io.EOF {
				return
			}
			off := rd.Offset()
			size := min(off-last, aheadBytes)
			last = off
			if room.Acquire(ctx, size) != nil {
				return
			}
			select {
			case ch <- item{a, err, off, size}:
			case <-quit:
				return
			}
			if err != nil {
				return
			}
		}
	}()
	var once sync.Once
	return ch, func(it item) { room.Release(it.size) }, func() {
		once.Do(func() {
			close(quit)
			cancel()
		})
		<-ended
	}, ended
}
