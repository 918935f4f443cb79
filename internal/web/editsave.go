package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// editRequest is an edit as the form or the API sends it.
type editRequest struct {
	Mode      string            `json:"mode,omitempty" enum:"thay_doi,sua_sai"` // thay_doi (a change from Effective) or sua_sai (a correction, the default)
	Effective tochuc.Date       `json:"effective,omitempty"`
	Original  map[string]string `json:"original,omitempty"` // the key of the record edited; empty to add one
	Values    map[string]string `json:"values"`
	Version   string            `json:"version,omitempty"` // the record's version as read (or the If-Match header)
	// AcceptFindings saves the edit even if the rule checks find more after
	// it; without the key, the API saves and answers findings_added.
	AcceptFindings bool              `json:"accept_findings,omitempty"`
	seen           map[string]string // the record as the form showed it
}

// maxEditBody bounds an edit request.
const maxEditBody = 1 << 20

func parseEditRequest(w http.ResponseWriter, r *http.Request, f *bundle.File) (editRequest, error) {
	var req editRequest
	if isAPI(r) {
		raw, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxEditBody))
		if err == nil {
			err = json.Unmarshal(raw, &req)
		}
		if err != nil {
			return req, tochuc.Errorf(tochuc.EInvalid, "Nội dung JSON không hợp lệ (cần {\"mode\", \"original\", \"values\", \"version\"}).")
		}
		if req.Version == "" {
			req.Version = versionOfETag(r.Header.Get("If-Match"), f.Name)
		}
		// A script is told the findings an edit adds (findings_added)
		// rather than asked first; "accept_findings": false asks first.
		if !bytes.Contains(raw, []byte(`"accept_findings"`)) {
			req.AcceptFindings = true
		}
		return req, nil
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxEditBody)
	if err := r.ParseForm(); err != nil {
		return req, tochuc.Errorf(tochuc.EInvalid, "Biểu mẫu không hợp lệ hoặc quá lớn.")
	}
	req.Mode = r.PostFormValue("che_do")
	req.Version = r.PostFormValue("phien_ban")
	req.AcceptFindings = r.PostFormValue("chap_nhan_phat_hien") != ""
	if e := r.PostFormValue("hieu_luc"); e != "" {
		d, err := tochuc.ParseDateLoose(e)
		if err != nil {
			return req, tochuc.Errorf(tochuc.EInvalid, "Ngày hiệu lực không hợp lệ: %q (cần dd/mm/yyyy).", e)
		}
		req.Effective = d
	}
	req.Original, req.Values, req.seen = map[string]string{}, map[string]string{}, map[string]string{}
	for _, c := range f.Columns {
		if v := r.PostFormValue("goc_" + c.Name); v != "" {
			req.Original[c.Name] = v
		}
		if v, ok := r.PostForm["cu_"+c.Name]; ok {
			req.seen[c.Name] = v[0]
		}
		v := strings.TrimSpace(r.PostFormValue("v_" + c.Name))
		if c.Type == bundle.Date && v != "" {
			// The form shows dd/mm/yyyy; the record holds the bundle's form.
			// A date that does not read is kept as typed: the check names
			// it with the form's other issues, and the form shows it again.
			if d, err := tochuc.ParseDateLoose(v); err == nil && d != 0 {
				v = d.String()
			}
		}
		req.Values[c.Name] = v
	}
	return req, nil
}

// versionOfETag reads a record's version from an If-Match header ("file-version").
func versionOfETag(h, file string) string {
	h = strings.TrimPrefix(strings.TrimSpace(h), "W/")
	return strings.TrimPrefix(strings.Trim(h, `"`), file+"-")
}

// handleEdit records an edit: as a page form (redirecting to the record) or through the API.
func (s *Server) handleEdit(w http.ResponseWriter, r *http.Request) error {
	d, err := pageDate(r)
	if err != nil {
		return err
	}
	f := bundle.FileByName(r.PathValue("file"))
	if f == nil {
		return tochuc.Errorf(tochuc.ENotFound, "không có loại bản ghi %q", r.PathValue("file"))
	}
	if err := mayWrite(r); err != nil {
		return err
	}
	req, err := parseEditRequest(w, r, f)
	if max, over := bodyTooLarge(r); over {
		s.tooLarge(w, r, max)
		return nil
	}
	if err != nil {
		s.editFailed(w, r, f, req, d, err.Error(), nil)
		return nil
	}
	if !isAPI(r) && !req.AcceptFindings {
		warnings, err := s.editWarnings(r.Context(), f, req)
		if err != nil {
			return err
		}
		if len(warnings) > 0 {
			data := s.refill(r.Context(), f, req, d)
			data.Warnings = warnings
			s.render(w, r, "edit.html", http.StatusUnprocessableEntity, page{Title: data.Title, Date: d, Data: data})
			return nil
		}
	}
	user, _ := userOf(r.Context())
	mode := app.ModeCorrect
	if req.Mode == modeChange {
		mode = app.ModeChange
	}
	res, err := s.app.Edit(r.Context(), s.actor(r), app.EditRequest{File: f.Name, Mode: mode, Effective: req.Effective,
		Original: req.Original, Values: req.Values, Version: req.Version, Date: d, AcceptFindings: req.AcceptFindings})
	var stale *app.StaleError
	var warned *app.FindingsWarning
	if errors.As(err, &warned) {
		if lerr := s.logFindings(r, r.URL.Path, warned.Findings); lerr != nil {
			return lerr
		}
	} else if res != nil && err == nil {
		if lerr := s.logFindings(r, r.URL.Path, res.Findings); lerr != nil {
			return lerr
		}
	}
	switch {
	case errors.As(err, &stale):
		s.editStale(w, r, f, req, d, stale)
		return nil
	case errors.As(err, &warned):
		s.editWarned(w, r, f, req, d, warned)
		return nil
	case err != nil && tochuc.ErrorCode(err) == tochuc.EInvalid:
		s.editFailed(w, r, f, req, d, err.Error(), nil)
		return nil
	case err != nil:
		return err
	case !res.Report.OK():
		s.editFailed(w, r, f, req, d, "Dữ liệu không hợp lệ, chưa có gì được ghi.", res.Report.Issues)
		return nil
	}
	_ = user
	if isAPI(r) {
		writeAPI(w, http.StatusOK, editResult{OK: true, ChangeSet: res.ChangeSet, Files: res.Report.Files, FindingsAdded: res.Findings})
		return nil
	}
	shown := shownOn(req, d)
	next := recordURL(f, req.Values, shown)
	if f.Name == "people" && len(req.Original) == 0 {
		// A new person is entered with a post: until then no scope holds them.
		next = "/sua/assignments?person_id=" + url.QueryEscape(req.Values["id"]) + "&valid_from=" + d.String() + "&ngay=" + d.String()
	}
	http.Redirect(w, r, next+"&"+savedParam+"="+url.QueryEscape(f.Name)+"&"+savedModeParam+"="+url.QueryEscape(req.Mode), http.StatusSeeOther)
	return nil
}

// editFailed shows the form again with the message and the import's issues.
func (s *Server) editFailed(w http.ResponseWriter, r *http.Request, f *bundle.File, req editRequest, d tochuc.Date, msg string, issues []bundle.Issue) {
	if isAPI(r) {
		writeAPI(w, http.StatusUnprocessableEntity, apiError{Code: tochuc.EInvalid, Message: msg, Status: http.StatusUnprocessableEntity, Issues: issues})
		return
	}
	data := s.refill(r.Context(), f, req, d)
	data.Error, data.Issues = msg, issues
	s.render(w, r, "edit.html", http.StatusUnprocessableEntity, page{Title: data.Title, Date: d, Data: data})
}

// editWarned answers an edit after which the rule checks find more: 422
// with the findings; the form keeps the values and offers to save anyway
// (the API: send "accept_findings": true).
func (s *Server) editWarned(w http.ResponseWriter, r *http.Request, f *bundle.File, req editRequest, d tochuc.Date, e *app.FindingsWarning) {
	if isAPI(r) {
		writeAPI(w, http.StatusUnprocessableEntity, apiError{Code: codeFindings, Message: e.Error(), Status: http.StatusUnprocessableEntity,
			Findings: e.Findings})
		return
	}
	data := s.refill(r.Context(), f, req, d)
	data.Error = e.Error()
	for _, x := range e.Findings {
		data.Findings = append(data.Findings, viewOf(x))
	}
	s.render(w, r, "edit.html", http.StatusUnprocessableEntity, page{Title: data.Title, Date: d, Data: data})
}

// editStale answers an edit made from an older version: 409, with the record
// as it stands now and what changed since the form was opened; the form keeps
// the person's values and now carries the current version, to redo the edit.
func (s *Server) editStale(w http.ResponseWriter, r *http.Request, f *bundle.File, req editRequest, d tochuc.Date, e *app.StaleError) {
	if isAPI(r) {
		if e.Version != "" {
			w.Header().Set("ETag", etag(f.Name, e.Version))
		}
		writeJSON(w, http.StatusConflict, apiError{Code: tochuc.EStale, Message: e.Message, Status: http.StatusConflict,
			Current: e.Current, Version: e.Version})
		return
	}
	data := s.refill(r.Context(), f, req, d)
	data.Error, data.Version = e.Message, e.Version
	if e.Current != nil {
		for _, c := range f.Columns {
			seen, was := req.seen[c.Name]
			if now := e.Current[c.Name]; was && seen != now {
				data.Changed = append(data.Changed, changedField{Label: columnLabel(c.Name), Seen: seen, Now: now})
			}
		}
		data.Seen = e.Current
		if len(req.Original) > 0 {
			data.Original = map[string]string{}
			for _, k := range f.RowKeyIndexes() {
				data.Original[f.Columns[k].Name] = e.Current[f.Columns[k].Name]
			}
		}
	}
	s.render(w, r, "edit.html", http.StatusConflict, page{Title: data.Title, Date: d, Data: data})
}

// refill is the form of a request sent back: the person's values kept.
func (s *Server) refill(ctx context.Context, f *bundle.File, req editRequest, d tochuc.Date) editData {
	cells := make([]string, len(f.Columns))
	for i, c := range f.Columns {
		cells[i] = req.Values[c.Name]
	}
	data := editData{File: f.Name, Periodic: app.Periodic(f), Mode: req.Mode, Effective: req.Effective.String(),
		Original: req.Original, Seen: req.seen, Version: req.Version, Fields: fields(f, cells), New: len(req.Original) == 0}
	data.Title = editTitle(f, data.New)
	data.Cancel = cancelURL(f, req.Values, data.New, d)
	if len(req.Original) > 0 {
		data.Cancel = cancelURL(f, req.Original, false, d)
	}
	if err := s.echoNames(ctx, d, data.Fields); err != nil {
		s.log.Warn("edit: names of the codes", "err", err)
	}
	return data
}

// recordURL is the page that shows an edited record.
func recordURL(f *bundle.File, v map[string]string, d tochuc.Date) string {
	q := "?ngay=" + d.String()
	switch {
	case f.Name == "units":
		return unitPath(v["id"]) + q
	case f.Name == "people":
		return personPath(v["id"]) + q
	case v["person_id"] != "":
		return personPath(v["person_id"]) + q
	case v["unit_id"] != "":
		return unitPath(v["unit_id"]) + q
	}
	return "/van-ban" + q
}
