package sqlstore

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/codelist"
	"github.com/proximite/proximite/internal/pdftext"
)

var _ proximite.PublicationService = (*DB)(nil)

func publicationDoc(p *proximite.Publication) *doc {
	d := &doc{typ: proximite.TypePublication, meta: &p.Meta, title: p.Title, year: p.Year, record: p}
	d.text(p.Title, p.Abstract)
	d.body = append(d.body, p.Authors...)
	d.body = append(d.body, p.Publisher)
	d.add(proximite.FacetPubType, string(p.Kind))
	d.add(proximite.FacetLanguage, p.Language)
	for _, c := range p.Countries {
		d.add(proximite.FacetCountry, c)
		d.body = append(d.body, countryNames(c)...)
	}
	for _, s := range p.Sectors {
		d.add(proximite.FacetSectorCategory, codelist.SectorCategoryOf(s))
	}
	for i, s := range p.Organisations {
		d.refs = append(d.refs, ref{rel: "organisation", typ: proximite.TypeOrganisation, slug: s,
			field: fmt.Sprintf("organisations[%d]", i), text: true})
	}
	for i, s := range p.Partnerships {
		d.refs = append(d.refs, ref{rel: "partnership", typ: proximite.TypePartnership, slug: s,
			field: fmt.Sprintf("partnerships[%d]", i), text: true})
	}
	for i, s := range p.Projects {
		d.refs = append(d.refs, ref{rel: "project", typ: proximite.TypeProject, slug: s,
			field: fmt.Sprintf("projects[%d]", i)})
	}
	d.prepare = func(tx *wtx, id int64) error { return fileInfo(tx, id, p) }
	d.moreText = fileWords
	return d
}

// fileInfo copies the description of a publication's stored file into
// the record, whatever the record said: only AttachFile and RemoveFile
// change a file, and every other write (a form, the API, a bulk load, a
// rebuild of the index) keeps the record in step with the table.
func fileInfo(tx *wtx, id int64, p *proximite.Publication) error {
	p.File = nil
	if id == 0 {
		return nil
	}
	var f proximite.FileInfo
	var uploaded int64
	var hasText bool
	err := tx.row(`SELECT name, content_type, size, sha256, pages, uploaded_at, text <> '' FROM publication_files
		WHERE record_id = $1`, id).Scan(&f.Name, &f.ContentType, &f.Size, &f.SHA256, &f.Pages, &uploaded, &hasText)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	} else if err != nil {
		return err
	}
	f.Uploaded, f.HasText = fromMicros(uploaded), hasText
	p.File = &f
	if p.Link != "" {
		return proximite.FieldError("link", "a publication has an uploaded file or a link, not both: remove the file or the link")
	}
	return nil
}

// maxFileWords bounds the text of a file that goes into the text index:
// its distinct words, up to this many bytes. PostgreSQL refuses a text
// vector over a megabyte, and a word found once finds the document as
// well as a word found a hundred times.
const maxFileWords = 256 << 10

// fileWords returns the distinct words of a publication's file.
func fileWords(tx *wtx, id int64) ([]string, error) {
	var text string
	err := tx.row(`SELECT text FROM publication_files WHERE record_id = $1`, id).Scan(&text)
	if errors.Is(err, sql.ErrNoRows) || text == "" {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var b strings.Builder
	for _, w := range cutWords(proximite.Fold(text)) {
		if seen[w] || len(w) > 40 {
			continue
		}
		if b.Len()+len(w)+1 > maxFileWords {
			break
		}
		seen[w] = true
		b.WriteString(w)
		b.WriteByte(' ')
	}
	return []string{b.String()}, nil
}

// FindPublication returns one publication by ID or slug.
func (d *DB) FindPublication(ctx context.Context, idOrSlug string) (*proximite.Publication, error) {
	var p proximite.Publication
	if err := d.load(ctx, proximite.TypePublication, idOrSlug, &p, &p.Meta); err != nil {
		return nil, err
	}
	return &p, nil
}

// CreatePublication validates and stores a new publication, without a
// file: AttachFile adds one.
func (d *DB) CreatePublication(ctx context.Context, p *proximite.Publication) error {
	p.ID, p.File = 0, nil
	return d.writePublication(ctx, p)
}

// UpdatePublication validates and replaces a publication. Its file stays
// as it is, whatever p.File says: only AttachFile and RemoveFile change
// it.
func (d *DB) UpdatePublication(ctx context.Context, p *proximite.Publication) error {
	if p.ID == 0 {
		return proximite.FieldError("id", "is required to update")
	}
	return d.writePublication(ctx, p)
}

func (d *DB) writePublication(ctx context.Context, p *proximite.Publication) error {
	// The file is the store's to describe (see fileInfo); Validate sees
	// the record without it, and fileInfo checks the file beside a link.
	file := p.File
	p.File = nil
	err := p.Validate()
	p.File = file
	if err != nil {
		return err
	}
	err = d.write(ctx, func(tx *wtx) error { return d.saveAudited(tx, publicationDoc(p)) })
	return errorf(err, "save publication %s", p.Slug)
}

// storedPublication reads a publication in a write transaction.
func storedPublication(tx *wtx, id int64) (*proximite.Publication, error) {
	var p proximite.Publication
	var state, data string
	err := tx.row(`SELECT r.state, x.data FROM records r JOIN record_data x ON x.id = r.id
		WHERE r.id = $1 AND r.type = $2`, id, proximite.TypePublication).Scan(&state, &data)
	if err != nil {
		return nil, notFound(err, "no publication with id %d", id)
	}
	if err := decode(data, &p); err != nil {
		return nil, err
	}
	p.ID, p.State = id, proximite.State(state)
	return &p, nil
}

// DeletePublication removes a publication and its file.
func (d *DB) DeletePublication(ctx context.Context, id int64) error {
	return d.remove(ctx, proximite.TypePublication, id)
}

// MaxFileSize is the largest file AttachFile accepts; zero means
// proximite.MaxFileSize.
func (d *DB) maxFileSize() int64 {
	if d.MaxFileSize > 0 {
		return d.MaxFileSize
	}
	return proximite.MaxFileSize
}

// AttachFile checks an upload by its content (a PDF, within the size
// limit), reads its text outside any transaction, then stores the bytes,
// the file's description in the record and its words in the text index,
// all in one transaction.
func (d *DB) AttachFile(ctx context.Context, id int64, f proximite.Upload) error {
	if limit := d.maxFileSize(); int64(len(f.Data)) > limit {
		return proximite.FieldError("file", "is %s, more than the limit of %s", megabytes(int64(len(f.Data))), megabytes(limit))
	}
	if len(f.Data) == 0 {
		return proximite.FieldError("file", "is empty")
	}
	pdf, err := pdftext.Extract(f.Data)
	if err != nil {
		return proximite.FieldError("file", "is not a PDF file: its content is not that of a PDF, whatever its name (%s)", cleanFileName(f.Name))
	}
	sum := sha256.Sum256(f.Data)
	err = d.write(ctx, func(tx *wtx) error {
		p, err := storedPublication(tx, id)
		if err != nil {
			return err
		}
		if p.Link != "" {
			return proximite.FieldError("file", "this publication has a link (%s); a publication has a file or a link, not both: remove the link first", p.Link)
		}
		if err := tx.exec(`DELETE FROM publication_files WHERE record_id = $1`, id); err != nil {
			return err
		}
		if err := tx.exec(`INSERT INTO publication_files (record_id, name, content_type, size, sha256, pages, uploaded_at, data, text)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, id, cleanFileName(f.Name), "application/pdf", len(f.Data),
			hex.EncodeToString(sum[:]), pdf.Pages, micros(d.Now()), f.Data, pdf.Text); err != nil {
			return err
		}
		return d.saveAudited(tx, publicationDoc(p))
	})
	return errorf(err, "attach a file to publication %d", id)
}

// RemoveFile takes a publication's file away.
func (d *DB) RemoveFile(ctx context.Context, id int64) error {
	err := d.write(ctx, func(tx *wtx) error {
		p, err := storedPublication(tx, id)
		if err != nil {
			return err
		}
		if err := tx.exec(`DELETE FROM publication_files WHERE record_id = $1`, id); err != nil {
			return err
		}
		return d.saveAudited(tx, publicationDoc(p))
	})
	return errorf(err, "remove the file of publication %d", id)
}

// FileData returns the bytes of a publication's file.
func (d *DB) FileData(ctx context.Context, id int64) ([]byte, error) {
	var data []byte
	err := d.db.QueryRowContext(ctx, `SELECT data FROM publication_files WHERE record_id = $1`, id).Scan(&data)
	if err != nil {
		return nil, notFound(err, "publication %d has no file", id)
	}
	return data, nil
}

// cleanFileName keeps the last element of an uploaded file's name,
// without control characters, at most 150 bytes, ending in .pdf.
func cleanFileName(name string) string {
	name = filepath.Base(strings.ReplaceAll(name, `\`, "/"))
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == '"' || r == '/' {
			return -1
		}
		return r
	}, strings.ToValidUTF8(name, ""))
	name = strings.TrimSpace(name)
	if name == "" || name == "." || name == ".." {
		name = "document.pdf"
	}
	for len(name) > 150 {
		_, size := utf8.DecodeLastRuneInString(name[:150])
		name = name[:150-size]
	}
	if !strings.HasSuffix(strings.ToLower(name), ".pdf") {
		name += ".pdf"
	}
	return name
}

func megabytes(n int64) string {
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}
