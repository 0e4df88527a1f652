package pdftext_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/proximite/proximite/internal/pdftext"
	"github.com/proximite/proximite/internal/pdftext/pdftest"
)

func TestExtractType0WithToUnicode(t *testing.T) {
	data := pdftest.Make([]string{"Coopération de proximité", "Ségou et Saint-Élie"}, []string{"Zyxophone rarissime"})
	doc, err := pdftext.Extract(data)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Pages != 2 {
		t.Errorf("pages = %d, want 2", doc.Pages)
	}
	for _, want := range []string{"Coopération de proximité", "Ségou et Saint-Élie", "Zyxophone rarissime"} {
		if !strings.Contains(doc.Text, want) {
			t.Errorf("text %q lacks %q", doc.Text, want)
		}
	}
	if strings.Index(doc.Text, "Ségou") > strings.Index(doc.Text, "Zyxophone") {
		t.Errorf("pages out of order: %q", doc.Text)
	}
}

func TestExtractSimpleFont(t *testing.T) {
	doc, err := pdftext.Extract(pdftest.Simple("Jumelage (Québec) et \\ Mali", "seconde ligne"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "Jumelage (Québec) et \\ Mali\nseconde ligne"; doc.Text != want {
		t.Errorf("text = %q, want %q", doc.Text, want)
	}
}

func TestNotAPDF(t *testing.T) {
	for name, data := range map[string][]byte{
		"empty":       nil,
		"text":        []byte("Bonjour, ceci n'est pas un PDF.\n"),
		"png":         {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'},
		"header only": []byte("%PDF-1.7\n%%EOF\n"),
		"late header": append([]byte("junk"), pdftest.Simple("x")...),
	} {
		if err := pdftext.Check(data); !errors.Is(err, pdftext.ErrNotPDF) {
			t.Errorf("%s: Check = %v, want ErrNotPDF", name, err)
		}
	}
	if err := pdftext.Check(pdftest.Simple("ok")); err != nil {
		t.Errorf("a PDF: %v", err)
	}
}

// A PDF whose cross-reference table is wrong, or whose content stream is
// cut, still reads: the objects are found by scanning.
func TestDamaged(t *testing.T) {
	data := pdftest.Make([]string{"Tombouctou bibliothèque"})
	broken := bytes.Replace(data, []byte("startxref"), []byte("startxref\n999999\n"), 1)
	doc, err := pdftext.Extract(broken)
	if err != nil || !strings.Contains(doc.Text, "Tombouctou") {
		t.Errorf("broken xref: %v, %+v", err, doc)
	}
	// An encrypted file is a PDF without readable text.
	enc := bytes.Replace(data, []byte("/Root 1 0 R"), []byte("/Root 1 0 R /Encrypt << /Filter /Standard >>"), 1)
	doc, err = pdftext.Extract(enc)
	if err != nil || doc.Text != "" || !doc.Encrypted {
		t.Errorf("encrypted: %v, %+v", err, doc)
	}
}

// A loop in the page tree and a zip bomb end, quickly.
func TestBounded(t *testing.T) {
	loop := []byte("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n" +
		"2 0 obj << /Type /Pages /Kids [2 0 R 3 0 R] >> endobj\n3 0 obj << /Type /Pages /Kids [2 0 R] /Parent 3 0 R >> endobj\n" +
		"4 0 obj 5 0 R endobj 5 0 obj 4 0 R endobj\ntrailer << /Root 1 0 R >>\n")
	pdftext.Extract(loop)
	deep := append([]byte("%PDF-1.4\n1 0 obj "), bytes.Repeat([]byte("[<<"), 100000)...)
	pdftext.Extract(deep)
}

func FuzzExtract(f *testing.F) {
	f.Add(pdftest.Make([]string{"Coopération", "Mali"}))
	f.Add(pdftest.Simple("Bonjour (monde)"))
	f.Add([]byte("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 1 0 R /Kids [1 0 R] >> endobj trailer << /Root 1 0 R >>"))
	f.Add([]byte("%PDF-1.5\n1 0 obj << /Type /ObjStm /N 2 /First 8 >> stream\n2 0 3 5 << >> [1 2]\nendstream endobj"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := pdftext.Extract(data)
		if err == nil && len(doc.Text) > pdftext.MaxText {
			t.Fatalf("text of %d bytes", len(doc.Text))
		}
	})
}

// A huge array is read through without being kept whole.
func TestHugeArray(t *testing.T) {
	data := append([]byte("%PDF-1.4\n1 0 obj [ "), bytes.Repeat([]byte("1 "), 1<<20)...)
	data = append(data, []byte("] endobj\n2 0 obj << /Type /Catalog /Pages 3 0 R >> endobj\n3 0 obj << /Type /Pages /Kids [4 0 R] >> endobj\n4 0 obj << /Type /Page >> endobj\ntrailer << /Root 2 0 R >>\n")...)
	doc, err := pdftext.Extract(data)
	if err != nil || doc.Pages != 1 {
		t.Errorf("%v %+v", err, doc)
	}
}

// Objects inside objects, and streams without an end, cost a bounded
// amount of work, not one pass over the rest of the file each.
func TestNestedObjectsAreNotQuadratic(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	for i := 0; i < 100000; i++ {
		b.WriteString("1 0 obj [ 2 0 obj << >> stream\n")
	}
	b.Write(bytes.Repeat([]byte("7 "), 1<<20))
	done := make(chan struct{})
	go func() {
		pdftext.Extract(b.Bytes())
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("extraction did not end")
	}
}

// Strings and comments that never end, after each of many objects.
func TestUnendedStringsAreNotQuadratic(t *testing.T) {
	for _, opener := range []string{"(", "%", "<"} {
		var b bytes.Buffer
		b.WriteString("%PDF-1.4\n")
		for i := 0; i < 100000; i++ {
			b.WriteString("1 0 obj " + opener + " ")
		}
		start := time.Now()
		pdftext.Extract(b.Bytes())
		if d := time.Since(start); d > 20*time.Second {
			t.Errorf("%q: %v", opener, d)
		}
	}
}
