package web

import (
	"net/http"
	"net/url"
	"strconv"
)

// pageSize is the number of rows of a list page.
const pageSize = 50

// requestedPage returns the page a request asks for (at least 1).
func requestedPage(r *http.Request) int {
	n, _ := strconv.Atoi(r.URL.Query().Get("trang"))
	return max(n, 1)
}

// newPager pages total rows for a request: the page asked for, even past
// the end (an empty page that keeps the total), with the links around it.
func newPager(r *http.Request, total int) listInfo {
	p := listInfo{Total: total, Page: requestedPage(r), PageSize: pageSize, Pages: max(1, (total+pageSize-1)/pageSize)}
	if p.Page > 1 {
		p.Prev, p.First = pageURL(r, min(p.Page-1, p.Pages)), pageURL(r, 1)
	}
	if p.Page < p.Pages {
		p.Next = pageURL(r, p.Page+1)
	}
	return p
}

// countCap is the most rows a list counts: past it, the list says "hơn
// 10.000" and pages on while its pages are full.
const countCap = 10000

// newCappedPager pages a list whose count stopped at total (more: there are
// more rows than total): past the count, a full page links to the next one.
func newCappedPager(r *http.Request, total int, more bool) listInfo {
	p := newPager(r, total)
	if more {
		p.More = true
		if p.Next == "" {
			p.Next = pageURL(r, p.Page+1)
		}
	}
	return p
}

// bounds returns the slice bounds of the page's rows (empty past the end).
func (p listInfo) bounds() (from, to int) {
	if p.More {
		return (p.Page - 1) * pageSize, p.Page * pageSize
	}
	return min((p.Page-1)*pageSize, p.Total), min(p.Page*pageSize, p.Total)
}

// PastEnd reports whether the page lies past the last one (for the pages' message).
func (p listInfo) PastEnd() bool { return !p.More && p.Page > p.Pages }

func pageURL(r *http.Request, n int) string {
	q := r.URL.Query()
	q.Del(savedParam) // the confirmation of a save is shown once
	q.Del(savedModeParam)
	q.Set("trang", strconv.Itoa(n))
	// RawPath keeps an id's escaped "/" (/don-vi/VN1-07444%2FDU).
	return (&url.URL{Path: r.URL.Path, RawPath: r.URL.RawPath, RawQuery: q.Encode()}).String()
}
