package web

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// The parameters with which a saved edit comes back to a page: the file
// edited (da_ghi) and how (thay_doi or sua_sai), so the page confirms it.
const (
	savedParam     = "da_ghi"
	savedModeParam = "cach_ghi"
)

// savedNote is the confirmation a page shows after an edit was saved.
type savedNote struct {
	Text string // "Đã ghi chức vụ, có hiệu lực từ ngày 01/07/2025."
	Link string // the record's page
}

// savedNoteOf reads the confirmation of a request that came back from a
// save, or nil.
func savedNoteOf(r *http.Request, d tochuc.Date) *savedNote {
	q := r.URL.Query()
	f := bundle.FileByName(q.Get(savedParam))
	if f == nil || isAPI(r) {
		return nil
	}
	text := "Đã ghi " + fileTitles[f.Name]
	if q.Get(savedModeParam) == modeChange {
		text += ", có hiệu lực từ ngày " + d.Vietnamese()
	} else {
		text += " (sửa sai)"
	}
	// The link: this page without the confirmation, or from the form of
	// a new person's first post, that person's page.
	q.Del(savedParam)
	q.Del(savedModeParam)
	link := r.URL.Path
	if strings.HasPrefix(link, "/sua/") && q.Get("person_id") != "" {
		link = personPath(q.Get("person_id"))
		q = url.Values{"ngay": {d.String()}}
	}
	if len(q) > 0 {
		link += "?" + q.Encode()
	}
	return &savedNote{Text: text + ".", Link: link}
}

// shownOn is the date of the page an edit returns to, on which the edit
// shows: a change, from its date; a record that starts after the page's
// date, on its first day; one ended by then, on its last.
func shownOn(req editRequest, d tochuc.Date) tochuc.Date {
	if req.Mode == modeChange && req.Effective != 0 {
		return req.Effective
	}
	for _, c := range []string{"valid_from", "date"} {
		if from, err := tochuc.ParseDateLoose(req.Values[c]); err == nil && from > d {
			return from
		}
	}
	if to, err := tochuc.ParseDateLoose(req.Values["valid_to"]); err == nil && to != 0 && to <= d {
		return to.AddDays(-1)
	}
	return d
}
