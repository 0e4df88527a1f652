package iati

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// charsetReader decodes the single-byte encodings that old IATI files
// declare besides UTF-8. Two small tables cover them, which keeps the
// character-set packages and their tables out of the program.
func charsetReader(label string, input io.Reader) (io.Reader, error) {
	switch strings.ToLower(strings.TrimSpace(label)) {
	case "utf-8", "utf8", "us-ascii", "ascii":
		return input, nil
	case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1":
		return &byteDecoder{r: bufio.NewReader(input)}, nil
	case "windows-1252", "cp1252":
		return &byteDecoder{r: bufio.NewReader(input), cp1252: true}, nil
	}
	return nil, fmt.Errorf("unsupported encoding %q (use UTF-8)", label)
}

// cp1252 gives the characters of Windows-1252 at 0x80–0x9F, where it
// differs from ISO-8859-1; zero marks the five unassigned bytes.
var cp1252 = [32]rune{
	'€', 0, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0, 'Ž', 0,
	0, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0, 'ž', 'Ÿ',
}

// byteDecoder turns single bytes into UTF-8.
type byteDecoder struct {
	r      *bufio.Reader
	cp1252 bool
	pend   []byte
}

func (b *byteDecoder) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		if len(b.pend) > 0 {
			c := copy(p[n:], b.pend)
			n += c
			b.pend = b.pend[c:]
			continue
		}
		c, err := b.r.ReadByte()
		if err != nil {
			if n > 0 {
				return n, nil
			}
			return 0, err
		}
		r := rune(c)
		if b.cp1252 && c >= 0x80 && c < 0xA0 && cp1252[c-0x80] != 0 {
			r = cp1252[c-0x80]
		}
		if r < utf8.RuneSelf {
			p[n] = byte(r)
			n++
			continue
		}
		b.pend = utf8.AppendRune(b.pend[:0], r)
	}
	return n, nil
}
