package iati_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/proximite/proximite/internal/iati"
)

// FuzzReader feeds the reader arbitrary bytes. It must never panic nor
// loop, every error must be a *FileError, and every activity it accepts
// must pass the domain's validation, since the importer writes them as
// they are. Run it with
//
//	go test -run '^$' -fuzz FuzzReader -fuzztime 60s ./internal/iati/
func FuzzReader(f *testing.F) {
	f.Add([]byte(`<iati-activities version="2.03"><iati-activity xml:lang="fr" default-currency="EUR">
<iati-identifier>XM-F-1</iati-identifier><title><narrative>T</narrative><narrative xml:lang="EN">E</narrative></title>
<sector code="11110" percentage="33.33"/><sector code="12220" percentage="66.66"/>
<recipient-country code="ML" percentage="60"/><recipient-region code="289" percentage="40"/>
<activity-date type="1" iso-date="2020-01-01"/><activity-date type="3" iso-date="2019-01-01"/>
<transaction><transaction-type code="3"/><transaction-date iso-date="2020-02-01"/><value>1e3</value>
<provider-org ref="XM-1"><narrative>P</narrative></provider-org></transaction>
<budget type="1"><period-start iso-date="2020-01-01"/><period-end iso-date="2020-12-31"/><value>5</value></budget>
<location><name><narrative>L</narrative></name><point><pos>91 200</pos></point></location>
<result type="1"><title><narrative>R</narrative></title><indicator measure="1"><title><narrative>I</narrative></title>
<baseline year="2020" value="0"/><period><target value="3"/></period></indicator></result>
<document-link url="http://x" format="text/html"><title><narrative>D</narrative></title><document-date iso-date="2020-13-01"/></document-link>
</iati-activity></iati-activities>`))
	f.Add([]byte("\uFEFF<iati-activity XML:LANG=\"EN\"><iati-identifier>A</iati-identifier><title>&#233;&nbsp;</title></iati-activity>"))
	f.Add([]byte(`<iati-activities><iati-activity><iati-identifier>GB-1</iati-identifier><title xml:lang="fr">t</title>
<participating-org role="Funding">X</participating-org><transaction><transaction-type code="D"/>
<value value-date="2010">1,000</value></transaction></iati-activity></iati-activities>`))
	for _, name := range []string{"v1-and-edge-cases/broken_activity_01.xml", "v1-and-edge-cases/many_activities.xml",
		"publisher-samples/codeforiati-dump-acfspain/acfspain-ml.xml"} {
		if b, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "iati", "activities", name)); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r := iati.NewReader(bytes.NewReader(data))
		for i := 0; ; i++ {
			if i > len(data)+1 {
				t.Fatalf("%d activities from %d bytes: the reader loops", i, len(data))
			}
			a, err := r.Next()
			if err == io.EOF {
				return
			}
			var fe *iati.FileError
			if err != nil {
				if !errors.As(err, &fe) {
					t.Fatalf("error %v is a %T, not a *FileError", err, err)
				}
				if _, err := r.Next(); err != io.EOF {
					t.Fatalf("after a file error, Next returned %v, not io.EOF", err)
				}
				return
			}
			if a.Err != nil {
				continue
			}
			if a.Project == nil || a.Identifier == "" {
				t.Fatalf("accepted activity without a project or identifier: %+v", a)
			}
			if err := a.Project.Validate(); err != nil {
				t.Fatalf("accepted activity %q fails validation: %v", a.Identifier, err)
			}
			if len(a.Orgs) != len(a.Project.Participants) {
				t.Fatalf("%d orgs for %d participants", len(a.Orgs), len(a.Project.Participants))
			}
		}
	})
}
