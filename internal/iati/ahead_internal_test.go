package iati

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// writeActivities writes an activity file of n small activities.
func writeActivities(t *testing.T, path string, n int) {
	t.Helper()
	var b strings.Builder
	b.WriteString(`<iati-activities version="2.03">`)
	for i := range n {
		fmt.Fprintf(&b, `<iati-activity><iati-identifier>XM-TEST-%s-%d</iati-identifier>
<reporting-org ref="XM-TEST" type="21"><narrative>Test</narrative></reporting-org>
<title><narrative>Activité %d</narrative></title><activity-status code="2"/>
<activity-date iso-date="2020-01-01" type="1"/></iati-activity>`, filepath.Base(path), i, i)
	}
	b.WriteString(`</iati-activities>`)
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// done waits for a source's reading to end, or fails the test.
func done(t *testing.T, src *source) {
	t.Helper()
	select {
	case <-src.done:
	case <-time.After(time.Minute):
		t.Fatalf("%s is still being read", src.path)
	}
}

// The files after the one being imported are read while it is, each once
// the reading of the one before has ended; those not taken are closed.
func TestOpenAhead(t *testing.T) {
	dir := t.TempDir()
	var files []string
	for i := range 4 {
		f := filepath.Join(dir, fmt.Sprintf("f%d.xml", i))
		writeActivities(t, f, 10)
		files = append(files, f)
	}
	sources, stop := openAhead(files)
	first := <-sources
	if first.path != files[0] {
		t.Fatalf("first source is %s, want %s", first.path, files[0])
	}
	// Nothing of the first file is taken; the second is read all the same.
	done(t, first)
	second := <-sources
	if second.path != files[1] {
		t.Fatalf("second source is %s, want %s", second.path, files[1])
	}
	done(t, second)
	if n := len(second.items); n != 10 {
		t.Errorf("the second file holds %d activities read ahead, want 10", n)
	}
	stop()
	stop() // twice is harmless
	if src, ok := <-sources; ok {
		t.Errorf("%s was left after stop", src.path)
	}
	for _, src := range []*source{first, second} {
		n := 0
		for it := range src.items {
			if it.err != nil {
				t.Fatalf("%s: %v", src.path, it.err)
			}
			src.took(it)
			n++
		}
		if n != 10 {
			t.Errorf("%s gave %d activities, want 10", src.path, n)
		}
		src.close()
	}
}

// The reader's bound in bytes never stops a file whose activities are
// larger than it: each is let through alone.
func TestReadAheadBytes(t *testing.T) {
	f := filepath.Join(t.TempDir(), "f.xml")
	writeActivities(t, f, 50)
	old := aheadBytes
	aheadBytes = 100 // less than one activity
	defer func() { aheadBytes = old }()
	src := openSource(f)
	defer src.close()
	got := make(chan int, 1)
	go func() {
		n := 0
		for it := range src.items {
			if it.err == nil {
				n++
			}
			src.took(it)
		}
		got <- n
	}()
	select {
	case n := <-got:
		if n != 50 {
			t.Errorf("read %d activities, want 50", n)
		}
	case <-time.After(time.Minute):
		t.Fatal("the reader is stuck on an activity larger than its bound")
	}
}
