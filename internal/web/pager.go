package web

// pager is the navigation between pages of results: previous, next, and
// the page numbers around the current one with the first and the last.
type pager struct {
	Prev, Next string
	Pages      []pageLink
}

// pageLink is one page number, or a gap ("…") between two runs.
type pageLink struct {
	N       int
	URL     string
	Current bool
	Gap     bool
}

// newPager builds the pager of a search. Pages beyond maxPage are not
// offered: the visitor is asked to narrow the search instead.
func newPager(p searchParams, total int, link func(searchParams) string) pager {
	last := min(max((total+p.PerPage-1)/p.PerPage, 1), maxPage)
	var pg pager
	at := func(n int) string { return link(p.with(func(q *searchParams) { q.Page = n })) }
	if p.Page > 1 {
		pg.Prev = at(min(p.Page-1, last))
	}
	if p.Page < last {
		pg.Next = at(p.Page + 1)
	}
	if last == 1 {
		return pg
	}
	prev := 0
	for n := 1; n <= last; n++ {
		if n != 1 && n != last && (n < p.Page-2 || n > p.Page+2) {
			continue
		}
		if prev != 0 && n > prev+1 {
			pg.Pages = append(pg.Pages, pageLink{Gap: true})
		}
		pg.Pages = append(pg.Pages, pageLink{N: n, URL: at(n), Current: n == p.Page})
		prev = n
	}
	return pg
}
