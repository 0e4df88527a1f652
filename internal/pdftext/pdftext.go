// Package pdftext checks that a file is a PDF and reads the text of its
// pages, so that the library's search finds words inside uploaded
// documents. It reads untrusted files: it never panics on malformed
// input, and bounds its work (bytes decompressed, objects and operators
// read, text returned) so that a crafted file cannot make it loop or
// exhaust memory. It handles what common writers produce — objects and
// object streams, FlateDecode streams, the text operators Tj, TJ, ' and
// ", literal and hexadecimal strings, ToUnicode maps of Type0/CID fonts
// (Chromium's "print to PDF", LibreOffice, Word) — and gives up quietly
// on the rest (scanned pages, other filters, encrypted files): such a
// PDF is still a PDF, only without text.
package pdftext

import (
	"bytes"
	"errors"
	"strings"
)

// Limits of one extraction.
const (
	maxInflate = 64 << 20 // bytes decompressed, all streams together
	maxSteps   = 20_000_000
	// MaxText bounds the text returned; the rest of a long document is
	// not searched.
	MaxText  = 2 << 20
	maxPages = 5000
)

// ErrNotPDF says that the bytes are not a PDF file.
var ErrNotPDF = errors.New("not a PDF file")

// Check reports whether data is a PDF file: it starts with "%PDF-" and
// holds a document catalogue with pages. A name ending in .pdf proves
// nothing; only the content does.
func Check(data []byte) error {
	_, err := read(data)
	return err
}

// Document is what was read of a PDF.
type Document struct {
	Pages int
	// Text is the text of the pages in order, pages separated by a blank
	// line; empty when none could be read.
	Text string
	// Encrypted says that the file is encrypted, so its text was not read.
	Encrypted bool
}

// Extract checks that data is a PDF and reads its text. A PDF whose text
// cannot be read (a scan, an unsupported encoding) is not an error: its
// Text is empty.
func Extract(data []byte) (*Document, error) {
	return read(data)
}

func read(data []byte) (*Document, error) {
	if !bytes.HasPrefix(data, []byte("%PDF-")) {
		return nil, ErrNotPDF
	}
	b := &budget{inflate: maxInflate, steps: maxSteps}
	d := parse(data, b)
	root := d.dict(d.root)
	if root == nil {
		return nil, ErrNotPDF
	}
	pages := d.pages(root[name("Pages")])
	if len(pages) == 0 {
		// A catalogue without a page tree: take the pages in file order.
		for _, v := range d.objs {
			if pd, ok := v.(dict); ok && pd[name("Type")] == name("Page") && len(pages) < maxPages {
				pages = append(pages, pd)
			}
		}
		if len(pages) == 0 {
			return nil, ErrNotPDF
		}
	}
	doc := &Document{Pages: len(pages)}
	for _, t := range trailers(data) {
		if t[name("Encrypt")] != nil {
			doc.Encrypted = true
		}
	}
	if doc.Encrypted {
		return doc, nil
	}
	var out strings.Builder
	for _, p := range pages {
		if out.Len() >= MaxText || b.steps <= 0 {
			break
		}
		start := out.Len()
		d.page(p, &out)
		if out.Len() > start {
			out.WriteString("\n\n")
		}
	}
	doc.Text = clean(out.String())
	return doc, nil
}

// pages walks the page tree in order, bounded in depth and size, each
// node once.
func (d *doc) pages(node any) []dict {
	var out []dict
	seen := map[ref]bool{}
	var walk func(v any, depth int)
	walk = func(v any, depth int) {
		if depth > 32 || len(out) >= maxPages || !d.budget.step() {
			return
		}
		if r, ok := v.(ref); ok {
			if seen[r] {
				return
			}
			seen[r] = true
		}
		n := d.dict(v)
		if n == nil {
			return
		}
		kids, isArray := d.resolve(n[name("Kids")]).(array)
		if d.resolve(n[name("Type")]) == name("Page") || !isArray {
			if n[name("Contents")] != nil || d.resolve(n[name("Type")]) == name("Page") {
				out = append(out, n)
			}
			return
		}
		for _, k := range kids {
			walk(k, depth+1)
		}
	}
	walk(node, 0)
	return out
}

// resources returns a page's resources, inherited from its ancestors
// when the page has none.
func (d *doc) resources(p dict) dict {
	for i := 0; i < 32 && p != nil; i++ {
		if r := d.dict(p[name("Resources")]); r != nil {
			return r
		}
		p = d.dict(p[name("Parent")])
	}
	return nil
}

// page appends the text of one page.
func (d *doc) page(p dict, out *strings.Builder) {
	var content []byte
	switch c := d.resolve(p[name("Contents")]).(type) {
	case stream:
		content = d.decode(c)
	case array:
		for _, part := range c {
			if s, ok := d.resolve(part).(stream); ok {
				content = append(content, d.decode(s)...)
				content = append(content, '\n')
			}
		}
	}
	d.run(content, d.resources(p), out, 0)
}

// clean trims each line and drops empty runs of lines.
func clean(s string) string {
	lines := strings.Split(s, "\n")
	var b strings.Builder
	blank := 0
	for _, line := range lines {
		line = strings.Join(strings.Fields(line), " ")
		if line == "" {
			blank++
			continue
		}
		if b.Len() > 0 {
			if blank > 0 {
				b.WriteString("\n\n")
			} else {
				b.WriteByte('\n')
			}
		}
		blank = 0
		b.WriteString(line)
		if b.Len() >= MaxText {
			break
		}
	}
	out := b.String()
	if len(out) > MaxText {
		out = strings.ToValidUTF8(out[:MaxText], "")
	}
	return out
}
