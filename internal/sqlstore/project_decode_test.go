package sqlstore

import (
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/proximite/proximite"
)

// TestDecodeProjectFast fills every field of random projects, down to
// the last nested one, and checks that decodeProject reads their JSON
// itself (without handing it to encoding/json) into what json.Unmarshal
// gives. A field added to a project's types and not to the decoder makes
// it fail.
func TestDecodeProjectFast(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 300 {
		var p proximite.Project
		fill(r, reflect.ValueOf(&p).Elem(), i%3 == 0)
		data, err := json.Marshal(&p)
		if err != nil {
			t.Fatal(err)
		}
		// encoding/json's output, and the same with white space as
		// PostgreSQL's jsonb writes it.
		for _, s := range []string{string(data), spaced(data)} {
			var want, got proximite.Project
			if err := json.Unmarshal([]byte(s), &want); err != nil {
				t.Fatal(err)
			}
			rd := jsonReader{s: s}
			rd.project(&got)
			if rd.ws(); rd.bad || rd.i != len(s) {
				t.Fatalf("project %d: the decoder gave up on %s", i, s)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("project %d: decoded\n%+v\nwant\n%+v\nfrom %s", i, got, want, s)
			}
		}
	}
}

// spaced re-indents JSON, which adds white space everywhere it may go.
func spaced(data []byte) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetIndent(" ", "\t")
	var v any
	json.Unmarshal(data, &v)
	enc.Encode(v)
	return b.String() + " \r\n"
}

// fill sets every field of v to random values; with empty it sometimes
// leaves slices and maps empty rather than nil.
func fill(r *rand.Rand, v reflect.Value, empty bool) {
	switch v.Type() {
	case reflect.TypeFor[time.Time]():
		v.Set(reflect.ValueOf(time.Date(1990+r.IntN(40), time.Month(1+r.IntN(12)), 1+r.IntN(28),
			r.IntN(24), r.IntN(60), r.IntN(60), r.IntN(1e9), time.FixedZone("", 3600*(r.IntN(5)-2)))))
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(randomString(r))
	case reflect.Bool:
		v.SetBool(r.IntN(2) == 0)
	case reflect.Int, reflect.Int64:
		v.SetInt(r.Int64N(1e6) - 1000)
	case reflect.Float64:
		switch r.IntN(3) {
		case 0:
			v.SetFloat(float64(r.IntN(1000)))
		case 1:
			v.SetFloat(r.Float64() * 1e6)
		default:
			v.SetFloat(-r.Float64() * 1e-8)
		}
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(r, v.Elem(), empty)
	case reflect.Struct:
		for i := range v.NumField() {
			fill(r, v.Field(i), empty)
		}
	case reflect.Slice:
		n := 1 + r.IntN(3)
		if empty && r.IntN(4) == 0 {
			n = 0
		}
		v.Set(reflect.MakeSlice(v.Type(), n, n))
		for i := range n {
			fill(r, v.Index(i), empty)
		}
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		n := 1 + r.IntN(3)
		if empty && r.IntN(4) == 0 {
			n = 0
		}
		for range n {
			m.SetMapIndex(reflect.ValueOf(randomString(r)).Convert(v.Type().Key()),
				reflect.ValueOf(randomString(r)).Convert(v.Type().Elem()))
		}
		v.Set(m)
	default:
		panic("fill: no random " + v.Type().String())
	}
}

// randomString returns plain text most of the time, and otherwise text
// with what JSON escapes: quotes, HTML characters, control characters,
// characters beyond the basic plane.
func randomString(r *rand.Rand) string {
	parts := []string{"Saint-Élie", "projet", "l'école", "Sénégal", "a", "€", "𝄞", `"`, `\`, "<b>", "&",
		"\n", "\t", "\u2028", "\x01", "ǅ"}
	var b strings.Builder
	n := r.IntN(4)
	for range n {
		if r.IntN(3) == 0 {
			b.WriteString(parts[r.IntN(len(parts))])
		} else {
			b.WriteString(parts[r.IntN(5)])
		}
	}
	return b.String()
}

// TestDecodeProjectAsEncodingJSON checks records the decoder does not
// expect: each must give what json.Unmarshal gives, errors included.
func TestDecodeProjectAsEncodingJSON(t *testing.T) {
	for _, s := range decodeSeeds {
		checkDecode(t, s)
	}
}

var decodeSeeds = []string{
	`{"slug":"a","title":{"fr":"Été"},"participants":[{"org":"o","role":"1"}],"sectors":[{"code":"1","percentage":12.5}]}`,
	`{"Slug":"a","TITLE":{"fr":"x"}}`,                      // other letters: encoding/json matches them
	`{"slug":"a","unknown":[1,2,{"x":null}],"status":"2"}`, // an unknown key is ignored
	`{"slug":"a","title":{"fr":"x"},"title":{"en":"y"}}`,   // a key twice: the maps merge
	`{"slug":"a","title":{"fr":"x"},"title":null}`,         // then null
	`{"slug":"a","slug":null}`,                             // null leaves a string
	`{"sectors":[{"code":"1","percentage":null}],"sectors":[{"code":"2"}]}`,
	`{"title":{"fr":"x\ud834\udd1e\u00e9\"\\\/\b\f\n\r\t"}}`, // escapes
	`{"title":{"fr":"\ud834"}}`,                              // a lone surrogate
	"{\"title\":{\"fr\":\"\xff\xfe\"}}",                      // invalid UTF-8
	"{\"title\":{\"fr\":\"a\x01\"}}",                         // a control character
	`{"results":[{"indicators":[{"year":3.0}]}]}`,            // a year that is no integer
	`{"results":[{"indicators":[{"year":1e2}]}]}`,
	`{"results":[{"indicators":[{"year":99999999999999999999}]}]}`,
	`{"budgets":[{"value":{"amount":1e400}}]}`,
	`{"budgets":[{"value":{"amount":01}}]}`,
	`{"budgets":[{"value":{"amount":1.}}]}`,
	`{"budgets":[{"value":{"amount":-}}]}`,
	`{"budgets":[{"value":{"amount":"12"}}]}`,
	`{"budgets":[{"value":{"amount":-0.5e-3}}]}`,
	`{"budgets":[{"value":null}],"locations":[{"point":null}],"in_kind":[{"value":null}]}`,
	`{"participants":[],"documents":[],"title":{}}`,
	`{"participants":null,"title":null,"last_confirmed":null,"created_at":null}`,
	`{"last_confirmed":"2024-01-02T03:04:05Z","created_at":"2024-01-02T03:04:05.123+02:00"}`,
	`{"created_at":"2024-13-02T03:04:05Z"}`,
	`{"created_at":12}`,
	`{"confirmed_by_partner":true,"confirmed_by_partner":false}`,
	`{"confirmed_by_partner":1}`,
	`{"slug":"a",}`,
	`{"slug":"a"} x`,
	`{"slug":"a"}}`,
	`[1]`,
	`null`,
	` {"slug" : "a" , "sources" : [ "x" , "y" ] } `,
	`{"sources":["x",]}`,
	`{"slug":"a"`,
	``,
	`{"transactions":[{"provider":{"org":"a"},"provider":{"role":"1"}}]}`,
	`{"title":{"fr":1}}`,
	`{"title":"x"}`,
	`{null:"a"}`,
	`{"sl\u0075g":"a","title":{"f\u0072":"x"}}`,
}

func checkDecode(t *testing.T, s string) {
	t.Helper()
	want := proximite.Project{Meta: proximite.Meta{ID: 7}}
	werr := json.Unmarshal([]byte(s), &want)
	got := proximite.Project{Meta: proximite.Meta{ID: 7}}
	gerr := decodeProject(s, &got)
	if (gerr == nil) != (werr == nil) || gerr != nil && gerr.Error() != werr.Error() {
		t.Fatalf("%q: error %v, want %v", s, gerr, werr)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%q: decoded\n%+v\nwant\n%+v", s, got, want)
	}
}

func FuzzDecodeProject(f *testing.F) {
	for _, s := range decodeSeeds {
		f.Add(s)
	}
	f.Fuzz(checkDecode)
}
