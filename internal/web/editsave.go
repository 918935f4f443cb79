package web

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// editRequest is an edit as the form or the API sends it.
type editRequest struct {
	Mode      string            `json:"mode"` // thay_doi (a change from Effective) or sua_sai (a correction)
	Effective tochuc.Date       `json:"effective"`
	Original  map[string]string `json:"original"` // the key of the record edited; empty to add one
	Values    map[string]string `json:"values"`
}

func parseEditRequest(r *http.Request, f *bundle.File) (editRequest, error) {
	var req editRequest
	if isAPI(r) {
		err := json.NewDecoder(http.MaxBytesReader(nil, r.Body, 1<<20)).Decode(&req)
		if err != nil {
			return req, tochuc.Errorf(tochuc.EInvalid, "nội dung JSON không hợp lệ: %v", err)
		}
		return req, nil
	}
	if err := r.ParseForm(); err != nil {
		return req, tochuc.Errorf(tochuc.EInvalid, "biểu mẫu không hợp lệ")
	}
	req.Mode = r.PostFormValue("che_do")
	if e := r.PostFormValue("hieu_luc"); e != "" {
		d, err := tochuc.ParseDateLoose(e)
		if err != nil {
			return req, tochuc.Errorf(tochuc.EInvalid, "ngày hiệu lực không hợp lệ: %q", e)
		}
		req.Effective = d
	}
	req.Original, req.Values = map[string]string{}, map[string]string{}
	for _, c := range f.Columns {
		if v := r.PostFormValue("goc_" + c.Name); v != "" {
			req.Original[c.Name] = v
		}
		req.Values[c.Name] = strings.TrimSpace(r.PostFormValue("v_" + c.Name))
	}
	return req, nil
}

// handleEdit records an edit: as a page form (redirecting to the record) or through the API.
func (s *Server) handleEdit(w http.ResponseWriter, r *http.Request) {
	f, d, ok := s.editTarget(w, r)
	if !ok {
		return
	}
	req, err := parseEditRequest(r, f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	user, _ := userOf(r.Context())
	e, err := s.planEdit(r.Context(), f, req, d)
	if err == nil {
		err = s.checkEditScope(r.Context(), user, e, d)
	}
	if code := tochuc.ErrorCode(err); code == tochuc.EForbidden || code == tochuc.ENotFound {
		s.fail(w, r, err)
		return
	} else if err != nil {
		s.editFailed(w, r, f, req, d, err.Error(), nil)
		return
	}
	e.Audit.UserLogin, e.Audit.IP, e.Audit.At = user.Login, clientIP(r), time.Now()
	rep, err := s.editor.ApplyEdit(r.Context(), user.Login, e)
	if err != nil && rep == nil {
		s.editFailed(w, r, f, req, d, err.Error(), nil)
		return
	}
	if !rep.OK() {
		s.editFailed(w, r, f, req, d, "Dữ liệu không hợp lệ, chưa có gì được ghi.", rep.Issues)
		return
	}
	if isAPI(r) {
		writeJSON(w, http.StatusOK, map[string]any{"ok": true, "change_set": e.Audit.Detail["change_set"], "files": rep.Files})
		return
	}
	next := recordURL(f, req.Values, d)
	if f.Name == "people" && len(req.Original) == 0 {
		// A new person is entered with a post: until then no scope holds them.
		next = "/sua/assignments?person_id=" + url.QueryEscape(req.Values["id"]) + "&valid_from=" + d.String() + "&ngay=" + d.String()
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
}

// editFailed shows the form again with the message and the import's issues.
func (s *Server) editFailed(w http.ResponseWriter, r *http.Request, f *bundle.File, req editRequest, d tochuc.Date, msg string, issues []bundle.Issue) {
	if isAPI(r) {
		writeJSON(w, http.StatusUnprocessableEntity, map[string]any{"error": msg, "status": http.StatusUnprocessableEntity, "issues": issues})
		return
	}
	cells := make([]string, len(f.Columns))
	for i, c := range f.Columns {
		cells[i] = req.Values[c.Name]
	}
	data := editData{File: f.Name, Periodic: periodic(f), Mode: req.Mode, Effective: req.Effective.String(),
		Original: req.Original, Fields: fields(f, cells), Error: msg, Issues: issues, New: len(req.Original) == 0}
	data.Title = editTitle(f, data.New)
	s.render(w, r, "edit.html", http.StatusUnprocessableEntity, page{Title: data.Title, Date: d, Data: data})
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
