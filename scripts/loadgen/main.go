// Command loadgen offers the public site a steady rate of requests over a
// fixed number of connections and reports the latencies, as the load
// target of docs/benchmarks.md is stated: so many requests per second at
// 64 concurrent connections, with a bound on the 99th percentile.
//
// Unlike wrk, which sends a new request as soon as the last one returns
// and so measures the server at saturation, loadgen sends at the rate
// asked for whatever the answers, and times each request from when it
// should have left: a slow answer delays the ones behind it, and that
// delay is counted (no "coordinated omission").
//
//	go run ./scripts/loadgen -url http://127.0.0.1:8080 -records /tmp/proximite-load-records.txt -rate 2000
//
// The records file holds "type slug" lines (scripts/load.sh writes it);
// the searches are those of scripts/load.lua.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
	"time"
)

var (
	words = []string{"eau", "alphabetisation", "microcredit", "sante", "gouvernance", "femmes", "jeunes",
		"cooperative", "reboisement", "peche", "water", "literacy", "health", "solaire", "formation",
		"agriculture", "jumelage", "delegation", "mali", "haiti", "eau+potable", "sante+maternelle",
		"gouvernance+locale", "securite+alimentaire", "commerce+equitable", "energie+solaire",
		"drinking+water", "burkina+faso", "emploi+jeunes", "radio+communautaire"}
	filters = []string{"country=ML", "country=HN", "sector=140", "sector=151", "type=project&country=SN",
		"org_kind=municipality", "status=2", "year=2010", "type=visit&direction=south_north",
		"country=BF&country=NE&sector=311", "q=eau&country=BF", "q=sante&sector=122",
		"q=femmes&country=HT", "q=jumelage&type=partnership"}
	sections = map[string]map[string]string{
		"fr": {"organisation": "acteurs", "partnership": "partenariats", "project": "projets", "search": "recherche"},
		"en": {"organisation": "organisations", "partnership": "partnerships", "project": "projects", "search": "search"},
	}
)

func main() {
	base := flag.String("url", "http://127.0.0.1:8080", "the site")
	recordsFile := flag.String("records", "/tmp/proximite-load-records.txt", `file of "type slug" lines`)
	rate := flag.Float64("rate", 2000, "requests per second offered")
	conns := flag.Int("conns", 64, "concurrent connections")
	duration := flag.Duration("duration", 60*time.Second, "how long to measure")
	warmup := flag.Duration("warmup", 10*time.Second, "how long to run before measuring")
	mix := flag.String("mix", "mix", "mix (45 % record pages, 55 % searches), records or search")
	popularity := flag.String("popularity", "zipf", "zipf (a few records often, most rarely) or uniform")
	flag.Parse()

	records, err := readRecords(*recordsFile)
	if err != nil {
		fmt.Fprintln(os.Stderr, "loadgen:", err)
		os.Exit(2)
	}
	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))
	pick := func(n int) int {
		if *popularity == "uniform" {
			return r.IntN(n)
		}
		// Zipf, s = 1: the CDF is close to ln(k)/ln(n).
		return min(n-1, int(math.Pow(float64(n), r.Float64()))-1)
	}
	next := func() string {
		lang := []string{"fr", "en"}[r.IntN(2)]
		kind := *mix
		if kind == "mix" {
			kind = "search"
			if r.IntN(100) < 45 {
				kind = "records"
			}
		}
		if kind == "records" {
			rec := records[pick(len(records))]
			return fmt.Sprintf("%s/%s/%s/%s", *base, lang, sections[lang][rec[0]], rec[1])
		}
		if r.IntN(2) == 0 {
			return fmt.Sprintf("%s/%s/%s?q=%s", *base, lang, sections[lang]["search"], words[r.IntN(len(words))])
		}
		return fmt.Sprintf("%s/%s/%s?%s", *base, lang, sections[lang]["search"], filters[r.IntN(len(filters))])
	}

	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{
		MaxConnsPerHost: *conns, MaxIdleConnsPerHost: *conns, DisableCompression: true}}
	type job struct {
		url  string
		due  time.Time
		kept bool // measured, not warm-up
	}
	type result struct {
		latency time.Duration
		ok      bool
	}
	jobs := make(chan job, 100_000)
	results := make(chan result, 100_000)
	var wg sync.WaitGroup
	for range *conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				req, _ := http.NewRequest("GET", j.url, nil)
				req.Header.Set("Accept-Encoding", "gzip")
				resp, err := client.Do(req)
				ok := err == nil && resp.StatusCode < 400
				if err == nil {
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
				if j.kept {
					results <- result{time.Since(j.due), ok}
				}
			}
		}()
	}
	var lat []time.Duration
	errors := 0
	done := make(chan struct{})
	go func() {
		for res := range results {
			lat = append(lat, res.latency)
			if !res.ok {
				errors++
			}
		}
		close(done)
	}()

	// Requests are due at fixed intervals from the start; the sender
	// never waits for answers, only for the clock.
	interval := time.Duration(float64(time.Second) / *rate)
	start := time.Now()
	measureFrom, end := start.Add(*warmup), start.Add(*warmup+*duration)
	for i := 0; ; i++ {
		due := start.Add(time.Duration(i) * interval)
		if !due.Before(end) {
			break
		}
		if d := time.Until(due); d > 0 {
			time.Sleep(d)
		}
		jobs <- job{url: next(), due: due, kept: !due.Before(measureFrom)}
	}
	close(jobs)
	wg.Wait()
	close(results)
	<-done

	slices.Sort(lat)
	q := func(p float64) time.Duration {
		if len(lat) == 0 {
			return 0
		}
		return lat[min(len(lat)-1, int(math.Ceil(p*float64(len(lat))))-1)]
	}
	fmt.Printf("offered %.0f req/s over %d connections for %s (after %s warm-up), mix %s, popularity %s\n",
		*rate, *conns, *duration, *warmup, *mix, *popularity)
	fmt.Printf("completed %d requests (%.0f req/s), errors %d\n", len(lat), float64(len(lat))/duration.Seconds(), errors)
	fmt.Printf("latency p50 %s  p90 %s  p99 %s  p99.9 %s  max %s\n",
		q(0.50).Round(10*time.Microsecond), q(0.90).Round(10*time.Microsecond), q(0.99).Round(10*time.Microsecond),
		q(0.999).Round(10*time.Microsecond), q(1).Round(10*time.Microsecond))
}

func readRecords(name string) ([][2]string, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out [][2]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if t, slug, ok := strings.Cut(strings.TrimSpace(sc.Text()), " "); ok {
			out = append(out, [2]string{t, slug})
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no records in %s", name)
	}
	return out, sc.Err()
}
