package web

import (
	"context"
	"net/http"
	"strings"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// Edit modes: a change from a date (a new period, the old one stays true
// until then) or a correction (the old value was never true).
const (
	modeChange  = "thay_doi"
	modeCorrect = "sua_sai"
)

// editData is the edit form of one record.
type editData struct {
	File      string
	Title     string
	New       bool
	Periodic  bool
	Mode      string
	Effective string
	Original  map[string]string // the record's key before the edit
	Fields    []field
	Error     string
	Issues    []bundle.Issue
}

// handleEditForm shows the form of the record named by the key in the query
// (its version on the page date, for a unit), or an empty one to add a record.
func (s *Server) handleEditForm(w http.ResponseWriter, r *http.Request) {
	f, d, ok := s.editTarget(w, r)
	if !ok {
		return
	}
	data := editData{File: f.Name, Periodic: periodic(f), Mode: modeChange, Effective: d.String(), Original: map[string]string{}}
	if !data.Periodic {
		data.Mode = modeCorrect
	}
	q := r.URL.Query()
	key := map[string]string{}
	for _, k := range f.Key {
		if v := q.Get(k); v != "" {
			key[k] = v
		}
	}
	cells, err := s.current(r.Context(), f, key, d)
	switch {
	case tochuc.ErrorCode(err) == tochuc.ENotFound || len(key) == 0:
		data.New = true
		cells = make([]string, len(f.Columns))
		for i, c := range f.Columns { // prefill from the query: e.g. the unit of a new post
			cells[i] = q.Get(c.Name)
		}
	case err != nil:
		s.fail(w, r, err)
		return
	default:
		for _, k := range f.RowKeyIndexes() {
			data.Original[f.Columns[k].Name] = cells[k]
		}
	}
	data.Fields = fields(f, cells)
	data.Title = editTitle(f, data.New)
	s.render(w, r, "edit.html", http.StatusOK, page{Title: data.Title, Date: d, Data: data})
}

// current returns the held record with a key: for a unit, its version on d
// (or its last one).
func (s *Server) current(ctx context.Context, f *bundle.File, key map[string]string, d tochuc.Date) ([]string, error) {
	if len(key) < len(f.Key) {
		return nil, tochuc.Errorf(tochuc.ENotFound, "thiếu khóa")
	}
	reg := s.registry(ctx)
	if f.Name != "units" {
		return reg.Record(f, key)
	}
	vs, err := reg.UnitVersions(key["id"])
	if err != nil {
		return nil, err
	}
	v := vs[len(vs)-1]
	for _, x := range vs {
		if x.Contains(d) {
			v = x
		}
	}
	return unitCells(v), nil
}

func editTitle(f *bundle.File, isNew bool) string {
	if isNew {
		return "Thêm " + fileTitles[f.Name]
	}
	return "Sửa " + fileTitles[f.Name]
}

// editTarget reads what every edit request names — the page date and the
// file of the record — and answers the error itself when the user may not edit.
func (s *Server) editTarget(w http.ResponseWriter, r *http.Request) (*bundle.File, tochuc.Date, bool) {
	d, ok := dateOf(r)
	if !ok {
		s.fail(w, r, badDate(r))
		return nil, 0, false
	}
	f := bundle.FileByName(r.PathValue("file"))
	if f == nil {
		s.fail(w, r, tochuc.Errorf(tochuc.ENotFound, "không có loại bản ghi %q", r.PathValue("file")))
		return nil, 0, false
	}
	return f, d, s.mayWrite(w, r)
}

// mayWrite answers 403 unless the user may edit records.
func (s *Server) mayWrite(w http.ResponseWriter, r *http.Request) bool {
	if u, ok := userOf(r.Context()); ok && u.CanWrite() {
		return true
	}
	s.fail(w, r, tochuc.Errorf(tochuc.EForbidden, "Tài khoản của bạn chỉ được xem, không được sửa dữ liệu."))
	return false
}

// unitCells renders a unit version as the cells of units.csv.
func unitCells(u tochuc.Unit) []string {
	return []string{u.ID, u.Name, u.Kind, u.ParentID, u.LocalityID, u.HostID, u.Subtype, u.Sector, u.Ownership,
		u.AdminCode, u.From.String(), u.To.String()}
}

// keyString renders a record's key for the audit log.
func keyString(f *bundle.File, vals map[string]string) string {
	parts := make([]string, 0, len(f.Key))
	for _, k := range f.Key {
		parts = append(parts, vals[k])
	}
	return strings.Join(parts, "|")
}
