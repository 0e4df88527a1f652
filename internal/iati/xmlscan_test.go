package iati

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"testing/iotest"
	"time"
)

// readResult is what a reader makes of a file: its activity elements as
// trees, the activities mapped from them, the offset after each, and the
// error that ends the file.
type readResult struct {
	version string
	nodes   []*node
	acts    []*Activity
	offsets []int64
	err     *FileError
}

func readNew(data []byte, chunked bool) readResult {
	var src io.Reader = bytes.NewReader(data)
	if chunked { // the input arrives a byte at a time
		src = iotest.OneByteReader(src)
	}
	r := NewReader(src)
	return collect(r.nextNode, r.activity, r.Offset, &r.Version, len(data))
}

func readRef(data []byte) readResult {
	r := newRefReader(bytes.NewReader(data))
	return collect(r.nextNode, r.activity, r.Offset, &r.Version, len(data))
}

func collect(next func() (*node, error), activity func(*node) *Activity, offset func() int64, version *string, size int) readResult {
	var res readResult
	for len(res.nodes) <= size {
		n, err := next()
		if err == io.EOF {
			break
		} else if err != nil {
			if !errors.As(err, &res.err) {
				res.err = &FileError{Reason: "not a *FileError: " + err.Error()}
			}
			break
		}
		res.nodes = append(res.nodes, n)
		a := activity(n)
		if a.Err != nil { // compared by their messages
			a.Warnings = append(a.Warnings, "error: "+a.Err.Error())
			a.Err = nil
		}
		res.acts = append(res.acts, a)
		res.offsets = append(res.offsets, offset())
	}
	res.version = *version
	return res
}

// compareReaders fails when the scanner's reader and the decoder's make
// anything different of data: the same elements, attributes, texts and
// lines, the same activities, the same offsets, and the same file error
// on the same line. The wording of some errors differs (see
// sameReason).
func compareReaders(t *testing.T, data []byte) {
	t.Helper()
	want := readRef(data)
	for _, chunked := range []bool{false, true} {
		got := readNew(data, chunked)
		if (got.err == nil) != (want.err == nil) {
			t.Fatalf("chunked %v: error %v, the decoder's %v", chunked, got.err, want.err)
		}
		if got.err != nil && (got.err.Line != want.err.Line || !sameReason(got.err.Reason, want.err.Reason)) {
			t.Errorf("chunked %v: error %q, the decoder's %q", chunked, got.err, want.err)
		}
		if len(got.nodes) != len(want.nodes) {
			t.Fatalf("chunked %v: %d activities, the decoder %d", chunked, len(got.nodes), len(want.nodes))
		}
		for i := range got.nodes {
			if !reflect.DeepEqual(got.nodes[i], want.nodes[i]) {
				t.Fatalf("chunked %v: activity %d differs:\n%s\nthe decoder's:\n%s", chunked, i, dump(got.nodes[i]), dump(want.nodes[i]))
			}
			if !reflect.DeepEqual(got.acts[i], want.acts[i]) {
				t.Fatalf("chunked %v: activity %d maps to\n%+v\nthe decoder's\n%+v", chunked, i, got.acts[i], want.acts[i])
			}
		}
		if !reflect.DeepEqual(got.offsets, want.offsets) || got.version != want.version {
			t.Errorf("chunked %v: offsets %v version %q, the decoder's %v %q", chunked, got.offsets, got.version, want.offsets, want.version)
		}
	}
}

// sameReason reports whether two reasons say the same thing: the scanner
// leaves out the "xml: " of the decoder's messages that have it, and
// names an unknown encoding in its own words.
func sameReason(got, want string) bool {
	return got == want || got == strings.Replace(want, "xml: ", "", 1) ||
		strings.Contains(want, "opening charset") && strings.Contains(got, "unsupported encoding")
}

func dump(n *node) string {
	var b strings.Builder
	var walk func(n *node, depth int)
	walk = func(n *node, depth int) {
		b.WriteString(strings.Repeat("  ", depth))
		b.WriteString(n.name)
		for _, a := range n.attrs {
			b.WriteString(" " + a.name + "=" + a.value)
		}
		b.WriteString(" @" + strconv.Itoa(n.line) + " " + n.text + "\n")
		for _, k := range n.kids {
			walk(k, depth+1)
		}
	}
	walk(n, 0)
	return b.String()
}

// TestScannerOnRealFiles holds the scanner to the decoder on every file
// of the project's IATI samples, XML or not.
func TestScannerOnRealFiles(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "iati", "activities")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("skipping: no IATI sample files at %s: %v", dir, err)
	}
	files := 0
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		files++
		t.Run(strings.TrimPrefix(path, dir+string(filepath.Separator)), func(t *testing.T) {
			compareReaders(t, data)
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files == 0 {
		t.Fatal("no files")
	}
}

// TestReaderLetsActivitiesGo checks that the reader holds nothing of an
// activity once it has read the next ones, so that memory stays flat
// whatever the size of the file: the nodes are allocated in chunks, and a
// chunk shared by two activities would keep every earlier one alive.
func TestReaderLetsActivitiesGo(t *testing.T) {
	var b strings.Builder
	b.WriteString("<iati-activities>\n")
	for i := 0; i < 300; i++ {
		b.WriteString(`<iati-activity><iati-identifier>XM-1</iati-identifier><title><narrative xml:lang="fr">T</narrative></title>
<sector code="11110"/><transaction><value>1</value></transaction></iati-activity>` + "\n")
	}
	b.WriteString("</iati-activities>\n")
	r := NewReader(strings.NewReader(b.String()))
	first, err := r.nextNode()
	if err != nil {
		t.Fatal(err)
	}
	freed := make(chan struct{})
	runtime.AddCleanup(first, func(freed chan struct{}) { close(freed) }, freed)
	first = nil
	for {
		if _, err := r.nextNode(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; ; i++ {
		runtime.GC()
		select {
		case <-freed:
			runtime.KeepAlive(r)
			return
		default:
		}
		if i == 100 {
			t.Fatal("the first activity is still held after reading the others")
		}
		runtime.Gosched()
	}
}

// scannerCases are the corners of XML that the fuzz test starts from.
var scannerCases = []string{
	`<iati-activities version=" 2.03 " xml:lang='fr' default-currency="EUR"><iati-activity><iati-identifier>A</iati-identifier>` +
		"<title>\r\n  T\r\tx\r</title><description a=\"x\ty\r\nz\rw\" b='q\"\"'/></iati-activity></iati-activities>",
	"<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n<iati-activity><iati-identifier>\x80\x93\x81\xe9</iati-identifier>" +
		"<title>\x9f</title></iati-activity>",
	"<?xml version='1.0' encoding='latin1'?><iati-activity><title a='\xff'>\xe9</title></iati-activity>",
	"<?xml version=\"1.1\"?><iati-activities/>",
	"<?xml version=\"1.0\" encoding=\"UTF-16\"?><iati-activities/>",
	"<?xml version=\"1.0\" encoding=\"utf-8\"?><?pi x?><!DOCTYPE iati [<!ENTITY x 'y>'> <!-- c > --> ]>\n<!-- note -->" +
		"<iati-activities><iati-activity><iati-identifier><![CDATA[A<&]]]]><![CDATA[>]]></iati-identifier></iati-activity></iati-activities>",
	"<iati-activities><iati-activity><title>a]]>b</title></iati-activity></iati-activities>",
	"<iati-activities><iati-activity><title>&#65;&#x42;&#x;&#0;</title></iati-activity></iati-activities>",
	"<iati-activities><iati-activity><title>&#xD800;&#1114111;&#1114112;</title></iati-activity></iati-activities>",
	"<iati-activities><iati-activity><title>&eacute;&nbsp;&unknown;&amp</title></iati-activity></iati-activities>",
	"<iati-activities><iati-activity><title>\xff\xfe</title></iati-activity></iati-activities>",
	"<iati-activities><iati-activity><title>\x01</title></iati-activity></iati-activities>",
	"<iati-activities><iati-activity><title>\uFFFE</title><narrative>é\U0001F600</narrative></iati-activity></iati-activities>",
	"<iati-activities><iati-activity><t\u00e9tre a\u00e9='1'>x</t\u00e9tre><a:b:c/></iati-activity></iati-activities>",
	"<iati-activities><iati-activity><title\n a\n =\n 'v'\n >x</title\n></iati-activity></iati-activities>",
	"<iati-activities><iati-activity><x:ext><x:y>\n</x:y></x:ext><x:ext></y:ext></iati-activity></iati-activities>",
	"<iati-activities><iati-activity><TITLE>T</title></iati-activity></IATI-ACTIVITIES>",
	"<iati-activities><iati-activity><title a=b>T</title></iati-activity></iati-activities>",
	"<iati-activities><iati-activity><title a>T</title><title a='<'/></iati-activity></iati-activities>",
	"<iati-activities><iati-activity><title a='x",
	"<iati-activities><iati-activity><!-- a -- b --></iati-activity></iati-activities>",
	"<iati-activities><iati-activity><![CDAT[x]]></iati-activity>",
	"<iati-activities>\n<iati-activity>\n<title>T</title>\n</iati-activity>\n<other><iati-activity/></other>\n",
	"\uFEFF<iati-activity XML:LANG='EN' xml:Lang='fr'><iati-identifier>A</iati-identifier></iati-activity>",
	"<iati-activity/>",
	"<:a/><a:/>",
	"<iati-activities>\n</iati-activity>",
	"text\r\nonly",
}

// FuzzScanner holds the scanner to the decoder on arbitrary input. Run it
// with
//
//	go test -run '^$' -fuzz FuzzScanner -fuzztime 60s ./internal/iati/
func FuzzScanner(f *testing.F) {
	for _, c := range scannerCases {
		f.Add([]byte(c))
	}
	for _, name := range []string{"v1-and-edge-cases/broken_activity_01.xml", "v1-and-edge-cases/single_activity.xml",
		"publisher-samples/codeforiati-dump-acfspain/acfspain-ml.xml"} {
		if b, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "iati", "activities", name)); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		compareReaders(t, data)
	})
}

// BenchmarkReaders compares the scanner's reader with the decoder's on
// the publisher files, reading the activity elements alone ("nodes") and
// mapping them too ("activities", what Next does):
//
//	go test -run '^$' -bench Readers ./internal/iati/
func BenchmarkReaders(b *testing.B) {
	paths, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "iati", "activities", "publisher-samples", "xml", "*.xml"))
	if len(paths) == 0 {
		b.Skip("skipping: no publisher files in the project's shared/ material")
	}
	var files [][]byte
	var size int64
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		if readNew(data, false).err == nil { // not the organisation file
			files = append(files, data)
			size += int64(len(data))
		}
	}
	type reader interface {
		nextNode() (*node, error)
		activity(*node) *Activity
	}
	for _, impl := range []struct {
		name string
		open func([]byte) reader
	}{
		{"scanner", func(data []byte) reader { return NewReader(bytes.NewReader(data)) }},
		{"decoder", func(data []byte) reader { return newRefReader(bytes.NewReader(data)) }},
	} {
		for _, mapped := range []bool{false, true} {
			name := impl.name + "/nodes"
			if mapped {
				name = impl.name + "/activities"
			}
			b.Run(name, func(b *testing.B) {
				b.SetBytes(size)
				b.ReportAllocs()
				activities := 0
				cpu := cpuUsed()
				for b.Loop() {
					for _, data := range files {
						r := impl.open(data)
						for {
							n, err := r.nextNode()
							if err == io.EOF {
								break
							} else if err != nil {
								b.Fatal(err)
							}
							if mapped {
								r.activity(n)
							}
							activities++
						}
					}
				}
				b.ReportMetric(float64(activities)/b.Elapsed().Seconds(), "activities/s")
				// The processor time, which other work on the machine
				// disturbs less than the elapsed time.
				b.ReportMetric(float64(activities)/(cpuUsed()-cpu).Seconds(), "activities/cpu-s")
			})
		}
	}
}

// cpuUsed returns the processor time the process has used.
func cpuUsed() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
