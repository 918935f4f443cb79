package web

import (
	"errors"
	"html/template"
	"net/http"
	"slices"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/indicator"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// page is what every template gets: the date shown, the signed-in user and the page's own data.
type page struct {
	User    *tochuc.User
	Title   string
	Date    tochuc.Date
	Today   bool
	Path    string
	Keep    map[string]string // the request's other parameters, kept when the date changes
	Refresh int               // seconds before the page reloads itself (a job in progress), or 0
	Saved   *savedNote        // the confirmation of an edit just saved (saved.go), or nil
	Data    any               // what the template shows
	API     any               // what the page's API twin answers (apitypes.go)
	// SignExport: the server signs package exports (/xuat?chu_ky=1).
	SignExport bool
}

var funcs = func() template.FuncMap {
	m := template.FuncMap{
		"vnint":       tochuc.FormatInt,
		"vnmonth":     vnMonth,
		"splitIDs":    func(s string) []string { return strings.Split(s, ";") },
		"vndate":      func(d tochuc.Date) string { return d.Vietnamese() },
		"draftTime":   auditTime,
		"iso":         func(d tochuc.Date) string { return d.String() },
		"label":       tochuc.Label,
		"column":      columnLabel,
		"phase":       jobPhaseLabel,
		"pct":         tochuc.FormatPercent,
		"signed":      tochuc.FormatSigned,
		"date":        func(s string) tochuc.Date { d, _ := tochuc.ParseDate(s); return d },
		"nextDay":     func(s string) tochuc.Date { d, _ := tochuc.ParseDate(s); return d.AddDays(1) },
		"hasPrefix":   strings.HasPrefix,
		"active":      func(p tochuc.Period, d tochuc.Date) bool { return p.Contains(d) },
		"kindLabel":   tochuc.KindLabelOn,
		"partLabel":   indicator.PartLabel,
		"partLabelOf": indicator.PartLabelOf,
		"treeNode":    func(r unitRow, d tochuc.Date) treeNode { return treeNode{r, d} },
		"personRowOn": personRowOn,
		"dateInput":   dateInput,
		"inc":         func(i int) int { return i + 1 },
		"scoreBand":   scoreBand,
		"historyURL":  historyURL,
		"ratingAbbr":  ratingAbbr,
	}
	for k, f := range linkFuncs {
		m[k] = f
	}
	return m
}()

// treeNode is a row of the tree with the page's date (template treenode).
type treeNode struct {
	Row  unitRow
	Date tochuc.Date
}

// dateOf reads the page date from ?ngay= (YYYY-MM-DD or dd/mm/yyyy); default today.
func dateOf(r *http.Request) (tochuc.Date, bool) {
	v := r.URL.Query().Get("ngay")
	if v == "" {
		return tochuc.Today(), true
	}
	d, err := tochuc.ParseDateLoose(v)
	if err != nil || d == 0 {
		return 0, false
	}
	return d, true
}

// render writes a page, or its API type as JSON for an API request.
func (s *Server) render(w http.ResponseWriter, r *http.Request, name string, status int, p page) {
	if isAPI(r) {
		if p.API == nil {
			s.fail(w, r, tochuc.Errorf(tochuc.EInternal, "Trang %s không có dạng API.", name))
			return
		}
		writeAPI(w, status, apiPage{AsOf: p.Date, Data: p.API})
		return
	}
	p.Path = r.URL.Path
	p.SignExport = s.signKey != nil
	p.Today = p.Date == tochuc.Today()
	p.Keep = map[string]string{}
	for k, v := range r.URL.Query() {
		if k != "ngay" && k != "trang" && k != savedParam && k != savedModeParam && len(v) > 0 {
			p.Keep[k] = v[0]
		}
	}
	if u, ok := userOf(r.Context()); ok {
		p.User = &u
	}
	p.Saved = savedNoteOf(r, p.Date)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	if err := s.pages[name].Execute(w, p); err != nil {
		s.log.Error("render", "page", name, "err", err)
	}
}

// pageDate is the opening of every page: the date it shows (?ngay=, default
// today), or the error to answer when the date cannot be read.
func pageDate(r *http.Request) (tochuc.Date, error) {
	d, ok := dateOf(r)
	if !ok {
		return 0, badDate(r)
	}
	return d, nil
}

// badDate is the error of a ?ngay= that is no date.
func badDate(r *http.Request) error {
	return tochuc.Errorf(tochuc.EInvalid, "Ngày không hợp lệ: %q (cần dd/mm/yyyy)", r.URL.Query().Get("ngay"))
}

// handler is a route's handler: it answers, or returns the error to answer.
type handler func(w http.ResponseWriter, r *http.Request) error

// handle adapts a handler: the error it returns is answered by fail — the
// Vietnamese error page, or the JSON error under /api/ — with its status;
// a panic too, as a fault (500).
func (s *Server) handle(h handler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		defer s.recovered(w, r)
		if err := h(w, r); err != nil {
			s.fail(w, r, err)
		}
	}
}

// fail answers an error: the error page, or the JSON error under /api/.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	if max, over := bodyTooLarge(r); over { // whatever the handler made of the cut body
		s.tooLarge(w, r, max)
		return
	}
	err = app.Fault(err)
	status, msg := statusOf(err), err.Error()
	if tochuc.IsFault(err) {
		s.logFault(err, "path", r.URL.Path)
		if status == http.StatusServiceUnavailable {
			w.Header().Set("Retry-After", "30")
		}
	}
	if isAPI(r) {
		writeJSONError(w, status, tochuc.ErrorCode(err), msg)
		return
	}
	d, _ := dateOf(r)
	if d == 0 {
		d = tochuc.Today()
	}
	s.render(w, r, "error.html", status, page{Title: "Lỗi", Date: d, Data: msg})
}

// statusOf is the HTTP status of an error: 4xx for what the user asked, 5xx
// for the system's faults.
func statusOf(err error) int {
	switch tochuc.ErrorCode(err) {
	case tochuc.ENotFound:
		return http.StatusNotFound
	case tochuc.EForbidden:
		return http.StatusForbidden
	case tochuc.EConflict, tochuc.EStale:
		return http.StatusConflict
	case tochuc.EInvalid:
		return http.StatusBadRequest
	case tochuc.EBusy, tochuc.EUnavailable, tochuc.ETimeout:
		return http.StatusServiceUnavailable
	case tochuc.EDiskFull:
		return http.StatusInsufficientStorage
	}
	return http.StatusInternalServerError
}

// logFault logs a system fault once, with its cause (never shown to people).
func (s *Server) logFault(err error, attrs ...any) {
	cause := errors.Unwrap(err)
	if cause == nil {
		cause = err
	}
	s.log.Error("fault", append([]any{"code", tochuc.ErrorCode(err), "err", err.Error(), "cause", cause}, attrs...)...)
}

// sortUnits sorts units by name the Vietnamese way (a collator is not safe
// for concurrent use, so each call makes its own).
func sortUnits(us []tochuc.Unit) {
	c := collate.New(language.Vietnamese)
	slices.SortStableFunc(us, func(a, b tochuc.Unit) int { return c.CompareString(a.Name, b.Name) })
}
