package csvio

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"unicode/utf8"
)

// table is a CSV file read whole: the header, lower-cased and trimmed,
// and the data rows, each cell already freed of its formula guard.
type table struct {
	header []string
	rows   [][]string
}

// readTable reads a CSV file as spreadsheet programs write it: with or
// without a byte-order mark, separated by commas, or by semicolons or
// tabs (a French spreadsheet's "CSV" uses semicolons), in UTF-8. Problems
// that make the file unreadable are added to rep.
func readTable(r io.Reader, rep *Report) (*table, bool) {
	br := bufio.NewReaderSize(r, 64<<10)
	if b, _ := br.Peek(3); bytes.Equal(b, []byte(BOM)) {
		br.Discard(3)
	}
	cr := csv.NewReader(br)
	cr.Comma = sniffComma(br)
	cr.FieldsPerRecord = -1
	t := &table{}
	for n := 1; ; n++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		var perr *csv.ParseError
		if errors.As(err, &perr) {
			rep.add(n, "", false, "the file is not valid CSV near line %d, column %d: %v", perr.Line, perr.Column, perr.Err)
			return nil, false
		} else if err != nil {
			rep.add(0, "", false, "reading the file: %v", err)
			return nil, false
		}
		for i, cell := range rec {
			if !utf8.ValidString(cell) {
				rep.add(n, "", false, "cell %d is not UTF-8 text: save the file as \"CSV UTF-8\"", i+1)
				return nil, false
			}
			rec[i] = unguard(cell)
		}
		if n == 1 {
			for _, h := range rec {
				t.header = append(t.header, strings.ToLower(strings.TrimSpace(h)))
			}
			continue
		}
		t.rows = append(t.rows, rec)
	}
	if t.header == nil {
		rep.add(0, "", false, "the file is empty: it needs a header row naming the columns")
		return nil, false
	}
	return t, true
}

// sniffComma guesses the separator from the header line, whose column
// names contain none of the candidates.
func sniffComma(br *bufio.Reader) rune {
	b, _ := br.Peek(br.Size())
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		b = b[:i]
	}
	comma, best := ',', bytes.Count(b, []byte{','})
	for _, c := range []rune{';', '\t'} {
		if n := bytes.Count(b, []byte(string(c))); n > best {
			comma, best = c, n
		}
	}
	return comma
}
