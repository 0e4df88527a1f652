// Package pdftest writes small PDF files for tests: text set in a
// composite (Type0) font with a ToUnicode map and compressed content, as
// Chromium's "print to PDF" writes them, or in a plain simple font.
package pdftest

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"unicode/utf16"
)

// Make returns a PDF of one page per element of pages, each page's lines
// shown in a Type0 font through a ToUnicode map, its content compressed.
func Make(pages ...[]string) []byte {
	// Codes are assigned to the runes as they come, from 1.
	codes := map[rune]uint16{}
	var order []rune
	code := func(r rune) uint16 {
		if c, ok := codes[r]; ok {
			return c
		}
		order = append(order, r)
		codes[r] = uint16(len(order))
		return codes[r]
	}
	var contents [][]byte
	for _, lines := range pages {
		var b bytes.Buffer
		b.WriteString("BT /F1 12 Tf 72 720 Td 14 TL\n")
		for i, line := range lines {
			if i > 0 {
				b.WriteString("T* ")
			}
			b.WriteString("[<")
			for j, r := range line {
				fmt.Fprintf(&b, "%04X", code(r))
				if j == 3 {
					// A kerning adjustment inside a word, as writers do.
					b.WriteString("> -12 <")
				}
			}
			b.WriteString(">] TJ\n")
		}
		b.WriteString("ET\n")
		contents = append(contents, deflate(b.Bytes()))
	}
	var cmap bytes.Buffer
	cmap.WriteString("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n" +
		"/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	fmt.Fprintf(&cmap, "%d beginbfchar\n", len(order))
	for _, r := range order {
		fmt.Fprintf(&cmap, "<%04X> <", codes[r])
		for _, u := range utf16.Encode([]rune{r}) {
			fmt.Fprintf(&cmap, "%04X", u)
		}
		cmap.WriteString(">\n")
	}
	cmap.WriteString("endbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end\n")

	w := &writer{}
	w.buf.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	n := len(pages)
	// 1 catalog, 2 pages, 3 font, 4 descendant, 5 cmap, then page and
	// content pairs.
	w.obj(1, "<< /Type /Catalog /Pages 2 0 R >>")
	kids := ""
	for i := 0; i < n; i++ {
		kids += fmt.Sprintf("%d 0 R ", 6+2*i)
	}
	w.obj(2, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", kids, n))
	w.obj(3, "<< /Type /Font /Subtype /Type0 /BaseFont /AAAAAA+TestSans /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 5 0 R >>")
	w.obj(4, "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /AAAAAA+TestSans /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>")
	w.stream(5, "/Filter /FlateDecode", deflate(cmap.Bytes()))
	for i, c := range contents {
		w.obj(6+2*i, fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", 7+2*i))
		w.stream(7+2*i, "/Filter /FlateDecode", c)
	}
	return w.finish(1)
}

// Simple returns a one-page PDF whose lines are literal strings in the
// standard Helvetica font, uncompressed.
func Simple(lines ...string) []byte {
	var b bytes.Buffer
	b.WriteString("BT /F1 12 Tf 72 720 Td\n")
	for _, line := range lines {
		fmt.Fprintf(&b, "(%s) Tj 0 -14 Td\n", escape(line))
	}
	b.WriteString("ET\n")
	w := &writer{}
	w.buf.WriteString("%PDF-1.4\n")
	w.obj(1, "<< /Type /Catalog /Pages 2 0 R >>")
	w.obj(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
	w.obj(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>")
	w.obj(4, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	w.stream(5, "", b.Bytes())
	return w.finish(1)
}

func escape(s string) string {
	var b bytes.Buffer
	for _, r := range s {
		switch {
		case r == '(' || r == ')' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x80:
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, "\\%03o", r)
		default:
			b.WriteByte('?')
		}
	}
	return b.String()
}

func deflate(b []byte) []byte {
	var out bytes.Buffer
	zw := zlib.NewWriter(&out)
	zw.Write(b)
	zw.Close()
	return out.Bytes()
}

// writer lays objects out with a cross-reference table.
type writer struct {
	buf     bytes.Buffer
	offsets map[int]int
}

func (w *writer) obj(n int, body string) {
	if w.offsets == nil {
		w.offsets = map[int]int{}
	}
	w.offsets[n] = w.buf.Len()
	fmt.Fprintf(&w.buf, "%d 0 obj\n%s\nendobj\n", n, body)
}

func (w *writer) stream(n int, extra string, data []byte) {
	if w.offsets == nil {
		w.offsets = map[int]int{}
	}
	w.offsets[n] = w.buf.Len()
	fmt.Fprintf(&w.buf, "%d 0 obj\n<< /Length %d %s >>\nstream\n", n, len(data), extra)
	w.buf.Write(data)
	w.buf.WriteString("\nendstream\nendobj\n")
}

func (w *writer) finish(root int) []byte {
	size := 0
	for n := range w.offsets {
		size = max(size, n+1)
	}
	xref := w.buf.Len()
	fmt.Fprintf(&w.buf, "xref\n0 %d\n0000000000 65535 f \n", size)
	for i := 1; i < size; i++ {
		fmt.Fprintf(&w.buf, "%010d 00000 n \n", w.offsets[i])
	}
	fmt.Fprintf(&w.buf, "trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", size, root, xref)
	return w.buf.Bytes()
}
