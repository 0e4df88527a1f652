package pdftext

import (
	"math"
	"strings"
)

// run interprets a content stream for its text: fonts chosen with Tf,
// strings shown with Tj, TJ, ' and ", line moves as new lines, and form
// XObjects drawn with Do (nested a few levels at most).
func (d *doc) run(content []byte, res dict, out *strings.Builder, depth int) {
	if len(content) == 0 || depth > 4 {
		return
	}
	fonts := map[name]*font{}
	fontDict := d.dict(res[name("Font")])
	var cur *font
	l := &lexer{b: content, bud: d.budget}
	var ops []any
	lastY := math.NaN()
	for out.Len() < MaxText && d.budget.step() {
		tok, ok := l.token()
		if !ok {
			return
		}
		k, isKw := tok.(keyword)
		if !isKw || k == "[" || k == "<<" {
			v, _ := l.compose(tok, 0)
			if len(ops) < 64 {
				ops = append(ops, v)
			}
			continue
		}
		switch k {
		case "BI":
			// An inline image: skip its data up to EI.
			l.skipInlineImage()
		case "Tf":
			if len(ops) >= 2 {
				if n, ok := ops[len(ops)-2].(name); ok {
					if _, loaded := fonts[n]; !loaded {
						fonts[n] = d.font(fontDict[n])
					}
					cur = fonts[n]
				}
			}
		case "Tj", "'", "\"":
			if k != "Tj" {
				out.WriteByte('\n')
			}
			if len(ops) > 0 {
				if s, ok := ops[len(ops)-1].(str); ok {
					cur.text(s, out)
				}
			}
		case "TJ":
			if len(ops) > 0 {
				if a, ok := ops[len(ops)-1].(array); ok {
					for _, e := range a {
						switch x := e.(type) {
						case str:
							cur.text(x, out)
						case int:
							if x < -200 {
								out.WriteByte(' ')
							}
						case float64:
							if x < -200 {
								out.WriteByte(' ')
							}
						}
					}
				}
			}
		case "Td", "TD":
			if len(ops) >= 2 {
				if y := number(ops[len(ops)-1]); y != 0 {
					out.WriteByte('\n')
				} else {
					out.WriteByte(' ')
				}
			}
		case "Tm":
			if len(ops) >= 6 {
				y := number(ops[len(ops)-1])
				if !math.IsNaN(lastY) && y != lastY {
					out.WriteByte('\n')
				} else {
					out.WriteByte(' ')
				}
				lastY = y
			}
		case "T*":
			out.WriteByte('\n')
		case "ET":
			out.WriteByte(' ')
		case "Do":
			if len(ops) > 0 {
				if n, ok := ops[len(ops)-1].(name); ok {
					d.form(d.dict(res[name("XObject")])[n], res, out, depth)
				}
			}
		}
		ops = ops[:0]
	}
}

// form runs a form XObject with its own resources, or the page's.
func (d *doc) form(v any, res dict, out *strings.Builder, depth int) {
	s, ok := d.resolve(v).(stream)
	if !ok || d.resolve(s.dict[name("Subtype")]) != name("Form") {
		return
	}
	if r := d.dict(s.dict[name("Resources")]); r != nil {
		res = r
	}
	d.run(d.decode(s), res, out, depth+1)
}

func number(v any) float64 {
	switch x := v.(type) {
	case int:
		return float64(x)
	case float64:
		return x
	}
	return 0
}

// skipInlineImage moves past the data of an inline image to after "EI".
func (l *lexer) skipInlineImage() {
	for l.pos+2 < len(l.b) {
		if l.b[l.pos] == 'E' && l.b[l.pos+1] == 'I' && isSpace(l.b[l.pos+2]) && l.pos > 0 && isSpace(l.b[l.pos-1]) {
			l.pos += 2
			return
		}
		l.pos++
	}
	l.pos = len(l.b)
}
