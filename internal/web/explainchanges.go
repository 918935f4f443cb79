package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"

	"github.com/tochuc/tochuc/internal/indicator"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// changeList is a page of the records that entered and left an indicator
// between the comparison date and the date (GET /api/v1/report/{id}?tu=),
// entered first, paged by ?trang_td=.
type changeList struct {
	Since   string             `json:"since"`
	Entered int                `json:"entered"` // records counted on the date, not on the comparison date
	Left    int                `json:"left"`    // records counted on the comparison date, not on the date
	Items   []indicator.Change `json:"items"`
	listInfo
}

// changePage reads the page ?trang_td= of the changes of a stock indicator
// when the request compares two dates; nil otherwise.
func changePage(ctx context.Context, reg Registry, r *http.Request, p indicator.Params, def indicator.Def) (*changeList, error) {
	if p.Since == 0 || def.Flow {
		return nil, nil
	}
	n, err := reg.CountChanges(ctx, p, def)
	if err != nil {
		return nil, err
	}
	page, _ := strconv.Atoi(r.URL.Query().Get("trang_td"))
	page = max(page, 1)
	total := n.Entered + n.Left
	c := &changeList{Since: p.Since.String(), Entered: n.Entered, Left: n.Left, Items: []indicator.Change{},
		listInfo: listInfo{Total: total, Page: page, PageSize: pageSize, Pages: max(1, (total+pageSize-1)/pageSize)}}
	link := func(n int) string {
		q := r.URL.Query()
		q.Set("trang_td", strconv.Itoa(n))
		return (&url.URL{Path: r.URL.Path, RawQuery: q.Encode(), Fragment: "thay-doi"}).String()
	}
	if page > 1 {
		c.Prev, c.First = link(min(page-1, c.Pages)), link(1)
	}
	if page < c.Pages {
		c.Next = link(page + 1)
	}
	if (page-1)*pageSize >= total {
		return c, nil
	}
	err = reg.EachChange(ctx, p, def, indicator.Range{Offset: (page - 1) * pageSize, Limit: pageSize}, func(ch indicator.Change) error {
		c.Items = append(c.Items, ch)
		return nil
	})
	return c, err
}

// detailCell is what the columns of one record show (template detailCells).
type detailCell struct {
	Shape  string
	Detail indicator.Detail
	Date   tochuc.Date
}

// DetailOf returns the details of the record id for its columns.
func (e explainView) DetailOf(id string, d tochuc.Date) detailCell {
	return detailCell{Shape: e.Shape, Detail: e.Details[id], Date: d}
}
