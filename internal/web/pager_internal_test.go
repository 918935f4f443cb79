package web

import (
	"net/http/httptest"
	"testing"
)

// TestCappedPager checks the paging of a list counted up to a cap: past the
// count, a full page links to the next one and no page is "past the end".
func TestCappedPager(t *testing.T) {
	for _, c := range []struct {
		url        string
		total      int
		more       bool
		next, past bool
		from, to   int
	}{
		{"/x", 10000, true, true, false, 0, 50},
		{"/x?trang=200", 10000, true, true, false, 9950, 10000},
		{"/x?trang=250", 10000, true, true, false, 12450, 12500},
		{"/x?trang=200", 10000, false, false, false, 9950, 10000},
		{"/x?trang=201", 10000, false, false, true, 10000, 10000},
	} {
		p := newCappedPager(httptest.NewRequest("GET", c.url, nil), c.total, c.more)
		from, to := p.bounds()
		if (p.Next != "") != c.next || p.PastEnd() != c.past || from != c.from || to != c.to || p.More != c.more {
			t.Errorf("%s %d %v: %+v, rows [%d, %d)", c.url, c.total, c.more, p, from, to)
		}
	}
}
