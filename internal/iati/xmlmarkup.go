package iati

import (
	"fmt"
	"io"
	"strings"
)

// procInst reads a processing instruction after its "<?". The XML
// declaration may name the file's encoding: what follows it is decoded.
func (s *scanner) procInst() (tokenKind, error) {
	target, ok := s.readName()
	if !ok {
		return 0, s.fail("expected target name after <?")
	}
	s.space()
	s.scratch = s.scratch[:0]
	for b0 := byte(0); ; {
		b, ok := s.mustgetc()
		if !ok {
			return 0, s.err
		}
		if b0 == '?' && b == '>' {
			break
		}
		if target == "xml" {
			s.scratch = append(s.scratch, b)
		}
		b0 = b
	}
	if target != "xml" {
		return tokOther, nil
	}
	content := string(s.scratch[:len(s.scratch)-1]) // without the '?'
	if ver := procInstParam("version", content); ver != "" && ver != "1.0" {
		s.err = fmt.Errorf("unsupported version %q; only version 1.0 is supported", ver)
		return 0, s.err
	}
	if enc := procInstParam("encoding", content); enc != "" && !strings.EqualFold(enc, "utf-8") {
		// The bytes already buffered past the declaration are decoded
		// too, ahead of the rest of the input.
		rest := io.Reader(strings.NewReader(string(s.buf[s.r:])))
		if !s.eof || s.rerr != nil {
			rest = io.MultiReader(rest, s.src)
		}
		src, err := charsetReader(enc, rest)
		if err != nil {
			s.err = err
			return 0, s.err
		}
		s.src, s.buf, s.eof, s.rerr = src, s.buf[:s.r], false, nil
	}
	return tokOther, nil
}

// procInstParam is encoding/xml's procInst: the value of param="…" or
// param='…' in s, or "".
func procInstParam(param, s string) string {
	param += "="
	i := 0
	var sep byte
	for i < len(s) {
		sub := s[i:]
		k := strings.Index(sub, param)
		if k < 0 || len(param)+k >= len(sub) {
			return ""
		}
		i += len(param) + k + 1
		if c := sub[len(param)+k]; c == '\'' || c == '"' {
			sep = c
			break
		}
	}
	if sep == 0 {
		return ""
	}
	j := strings.IndexByte(s[i:], sep)
	if j < 0 {
		return ""
	}
	return s[i : i+j]
}

// bang reads what follows "<!": a comment, a CDATA section (returned as
// text) or a directive such as <!DOCTYPE …>, as the decoder reads them.
func (s *scanner) bang() (tokenKind, error) {
	b, ok := s.mustgetc()
	if !ok {
		return 0, s.err
	}
	switch b {
	case '-':
		if b, ok = s.mustgetc(); !ok {
			return 0, s.err
		}
		if b != '-' {
			return 0, s.fail("invalid sequence <!- not part of <!--")
		}
		for b0, b1 := byte(0), byte(0); ; b0, b1 = b1, b {
			if b, ok = s.mustgetc(); !ok {
				return 0, s.err
			}
			if b0 == '-' && b1 == '-' {
				if b != '>' {
					return 0, s.fail(`invalid sequence "--" not allowed in comments`)
				}
				return tokOther, nil
			}
		}
	case '[':
		for i := 0; i < 6; i++ {
			if b, ok = s.mustgetc(); !ok {
				return 0, s.err
			}
			if b != "CDATA["[i] {
				return 0, s.fail("invalid <![ sequence")
			}
		}
		s.text = s.text[:0]
		if !s.readText(&s.text, -1, true) {
			return 0, s.err
		}
		return tokText, nil
	}
	// A directive. Quoted angle brackets do not count for nesting, and
	// comments inside are skipped.
	inquote, depth := byte(0), 0
	for {
		if b, ok = s.mustgetc(); !ok {
			return 0, s.err
		}
		if inquote == 0 && b == '>' && depth == 0 {
			return tokOther, nil
		}
	HandleB:
		switch {
		case b == inquote:
			inquote = 0
		case inquote != 0:
		case b == '\'' || b == '"':
			inquote = b
		case b == '>':
			depth--
		case b == '<':
			for i := 0; i < 3; i++ {
				if b, ok = s.mustgetc(); !ok {
					return 0, s.err
				}
				if b != "!--"[i] {
					depth++
					goto HandleB
				}
			}
			for b0, b1 := byte(0), byte(0); ; b0, b1 = b1, b {
				if b, ok = s.mustgetc(); !ok {
					return 0, s.err
				}
				if b0 == '-' && b1 == '-' && b == '>' {
					break
				}
			}
		}
	}
}
