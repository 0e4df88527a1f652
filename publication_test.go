package proximite

import (
	"errors"
	"testing"
)

func TestPublicationValidate(t *testing.T) {
	good := func() *Publication {
		return &Publication{Meta: Meta{Slug: "guide"}, Title: T("fr", "Guide"), Kind: PubGuide, Language: "fr", Year: 2010,
			Countries: []string{"ML"}, Sectors: []string{"151"}, Organisations: []string{"rosi"}}
	}
	if err := good().Validate(); err != nil {
		t.Fatalf("valid publication: %v", err)
	}
	tests := []struct {
		field  string
		change func(p *Publication)
	}{
		{"title", func(p *Publication) { p.Title = nil }},
		{"kind", func(p *Publication) { p.Kind = "poem" }},
		{"kind", func(p *Publication) { p.Kind = "" }},
		{"language", func(p *Publication) { p.Language = "" }},
		{"language", func(p *Publication) { p.Language = "French" }},
		{"year", func(p *Publication) { p.Year = 20100 }},
		{"link", func(p *Publication) { p.Link = "javascript:alert(1)" }},
		{"link", func(p *Publication) { p.Link = "https://example.org/a.pdf"; p.File = &FileInfo{Name: "a.pdf"} }},
		{"countries[0]", func(p *Publication) { p.Countries = []string{"XX"} }},
		{"sectors[0]", func(p *Publication) { p.Sectors = []string{"99999"} }},
		{"organisations[0]", func(p *Publication) { p.Organisations = []string{"Not A Slug"} }},
		{"authors[0]", func(p *Publication) { p.Authors = []string{" "} }},
	}
	for _, tt := range tests {
		p := good()
		tt.change(p)
		err := p.Validate()
		var v ValidationErrors
		if !errors.As(err, &v) {
			t.Errorf("%s: %v, want a validation error", tt.field, err)
			continue
		}
		found := false
		for _, e := range v {
			found = found || e.Field == tt.field
		}
		if !found {
			t.Errorf("%s: errors %v do not name the field", tt.field, err)
		}
	}
}
