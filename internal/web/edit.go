package web

import (
	"context"
	"net/http"
	"time"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// Edit modes as the form sends them: a change from a date (a new period, the
// old one stays true until then) or a correction (the old value was never true).
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
	Version   string            // the record's version as shown (hidden field phien_ban)
	Original  map[string]string // the record's key before the edit
	Seen      map[string]string // the record as shown, to tell what changed since
	Fields    []field
	Error     string
	Issues    []bundle.Issue
	Changed   []changedField // on a conflict: what others changed since
	Findings  []findingView  // what the rule checks would find more after the edit
	Warnings  []string       // what is legal but suspicious (editwarn.go), to confirm with "Vẫn ghi"
	Cancel    string         // where "Hủy" leads: the record, or the list it is added to
}

// changedField is a value that changed since the form was opened.
type changedField struct {
	Label, Seen, Now string
}

// handleEditForm shows the form of the record named by the key in the query
// (its version on the page date, for a unit), or an empty one to add a
// record. Reading the record goes through the scope policy, as writing it does.
func (s *Server) handleEditForm(w http.ResponseWriter, r *http.Request) error {
	d, err := pageDate(r)
	if err != nil {
		return err
	}
	f := bundle.FileByName(r.PathValue("file"))
	if f == nil {
		return tochuc.Errorf(tochuc.ENotFound, "không có loại bản ghi %q", r.PathValue("file"))
	}
	s.warmChecks(r, d)
	q := r.URL.Query()
	key := map[string]string{}
	for _, k := range f.Key {
		if v := q.Get(k); v != "" {
			key[k] = v
		}
	}
	rec, err := s.app.Record(r.Context(), s.actor(r), f.Name, key, d, r.URL.Path)
	if err != nil {
		return err
	}
	data := editData{File: f.Name, Periodic: app.Periodic(f), Mode: modeChange, Effective: d.String(),
		Original: map[string]string{}, Seen: map[string]string{}, New: rec.New, Version: rec.Version}
	if !data.Periodic || rec.New {
		data.Mode = modeCorrect
	}
	cells := rec.Cells
	if rec.New {
		for i, c := range f.Columns { // prefill from the query: e.g. the unit of a new post
			cells[i] = q.Get(c.Name)
		}
	} else {
		for _, k := range f.RowKeyIndexes() {
			data.Original[f.Columns[k].Name] = cells[k]
		}
		for i, c := range f.Columns {
			data.Seen[c.Name] = cells[i]
		}
		w.Header().Set("ETag", etag(f.Name, rec.Version))
	}
	if isAPI(r) {
		writeAPI(w, http.StatusOK, recordView{File: f.Name, New: rec.New, Version: rec.Version, Values: cellsOf(f, cells)})
		return nil
	}
	data.Fields = fields(f, cells)
	if err := s.echoNames(r.Context(), d, data.Fields); err != nil {
		return err
	}
	data.Title = editTitle(f, data.New)
	data.Cancel = cancelURL(f, cellsOf(f, cells), data.New, d)
	s.render(w, r, "edit.html", http.StatusOK, page{Title: data.Title, Date: d, Data: data})
	return nil
}

// echoNames fills the names of the records the fields' codes name (a
// person, a unit, a document), shown beside the codes.
func (s *Server) echoNames(ctx context.Context, d tochuc.Date, fs []field) error {
	var people, units []string
	for _, f := range fs {
		switch {
		case f.Value == "":
		case f.Pick == pickPerson:
			people = append(people, f.Value)
		case f.Pick == pickUnit:
			units = append(units, f.Value)
		}
	}
	pn, err := s.registry.PersonNames(ctx, people)
	if err != nil {
		return err
	}
	un, err := s.registry.UnitNames(ctx, units, d)
	if err != nil {
		return err
	}
	for i, f := range fs {
		switch {
		case f.Value == "":
		case f.Pick == pickPerson:
			fs[i].Echo = pn[f.Value]
		case f.Pick == pickUnit:
			fs[i].Echo = un[f.Value]
		case f.Pick == pickDocument:
			docs, err := s.registry.FindDocuments(ctx, tochuc.NewDate(9999, time.December, 31), f.Value, 1)
			if err != nil {
				return err
			}
			if len(docs) == 1 && docs[0].ID == f.Value {
				fs[i].Echo = docs[0].Number + " — " + docs[0].Title
			}
		}
	}
	return nil
}

// cancelURL is where an editor's "Hủy" leads: the record edited, or the
// page a new record is added from.
func cancelURL(f *bundle.File, v map[string]string, isNew bool, d tochuc.Date) string {
	switch {
	case isNew && f.Name == "people":
		return "/nhan-su?ngay=" + d.String()
	case isNew && f.Name == "units" && v["parent_id"] == "":
		return "/don-vi?ngay=" + d.String()
	case isNew && f.Name == "units":
		return unitPath(v["parent_id"]) + "?ngay=" + d.String()
	}
	return recordURL(f, v, d)
}

// etag is the HTTP entity tag of a record's version.
func etag(file, version string) string { return `"` + file + "-" + version + `"` }

func cellsOf(f *bundle.File, cells []string) map[string]string {
	m := make(map[string]string, len(f.Columns))
	for i, c := range f.Columns {
		if i < len(cells) {
			m[c.Name] = cells[i]
		}
	}
	return m
}

func editTitle(f *bundle.File, isNew bool) string {
	if isNew {
		return "Thêm " + fileTitles[f.Name]
	}
	return "Sửa " + fileTitles[f.Name]
}

// mayWrite returns a 403 error unless the user may edit records.
func mayWrite(r *http.Request) error {
	if u, ok := userOf(r.Context()); ok && u.CanWrite() {
		return nil
	}
	return tochuc.Errorf(tochuc.EForbidden, "Tài khoản của bạn chỉ được xem, không được sửa dữ liệu.")
}
