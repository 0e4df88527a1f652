package e2e

import (
	"testing"
)

// The journeys select elements by their visible text, which can hold
// either kind of quote ("Nioro du Rip delegation's stay"), and XPath 1.0
// string literals have no escapes.
func TestXPathLiteral(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Mali", `"Mali"`},
		{"", `""`},
		{"Type d'acteur", `"Type d'acteur"`},
		{`a "quoted" word`, `'a "quoted" word'`},
		{`l'« "ici" »`, `concat("l'« ", '"', "ici", '"', " »")`},
	}
	for _, tt := range tests {
		if got := lit(tt.in); got != tt.want {
			t.Errorf("lit(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

// The program's address line can arrive in pieces, after log lines, and
// must be reported once even if the program prints it again.
func TestWatchWriterFindsTheAddressLine(t *testing.T) {
	w := &watchWriter{prefix: "Proximité: ", found: make(chan string, 1)}
	for _, piece := range []string{
		"time=… level=INFO msg=serving\nProxi", "mité: http://127.0.0.1:4", "1234\n",
		"Proximité: http://elsewhere\n",
	} {
		if _, err := w.Write([]byte(piece)); err != nil {
			t.Fatal(err)
		}
	}
	select {
	case got := <-w.found:
		if got != "http://127.0.0.1:41234" {
			t.Errorf("found %q, want http://127.0.0.1:41234", got)
		}
	default:
		t.Fatal("the address line was not found")
	}
	select {
	case got := <-w.found:
		t.Errorf("reported a second address %q", got)
	default:
	}
	if got, want := w.String(), "time=… level=INFO msg=serving\nProximité: http://127.0.0.1:41234\nProximité: http://elsewhere\n"; got != want {
		t.Errorf("kept %q, want everything written", got)
	}
}
