package web

import (
	"net/http"
	"net/url"
	"strconv"
)

// pageSize is the number of rows of a list page.
const pageSize = 50

// pager is the paging of a list page: the page asked for (?trang=), how many
// there are, and the links to the pages around it.
type pager struct {
	Page, Pages int
	PrevURL     string
	NextURL     string
}

// requestedPage returns the page a request asks for (at least 1).
func requestedPage(r *http.Request) int {
	n, _ := strconv.Atoi(r.URL.Query().Get("trang"))
	return max(n, 1)
}

// newPager pages total rows for a request, keeping the page inside the list.
func newPager(r *http.Request, total int) pager {
	p := pager{Pages: max(1, (total+pageSize-1)/pageSize)}
	p.Page = min(requestedPage(r), p.Pages)
	if p.Page > 1 {
		p.PrevURL = pageURL(r, p.Page-1)
	}
	if p.Page < p.Pages {
		p.NextURL = pageURL(r, p.Page+1)
	}
	return p
}

// bounds returns the slice bounds of the page's rows.
func (p pager) bounds(total int) (from, to int) {
	return (p.Page - 1) * pageSize, min(p.Page*pageSize, total)
}

func pageURL(r *http.Request, n int) string {
	q := r.URL.Query()
	q.Set("trang", strconv.Itoa(n))
	return (&url.URL{Path: r.URL.Path, RawQuery: q.Encode()}).String()
}
