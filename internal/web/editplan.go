package web

import (
	"context"
	"maps"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// planEdit turns an edit request into bundle rows and retractions:
//   - a correction replaces the record (retracting the old key if the key changed);
//   - a change from date E ends the old period on E and starts the new values
//     on E (units: a new version; posts: a new row; headcount: a new figure).
func (s *Server) planEdit(ctx context.Context, f *bundle.File, req editRequest, d tochuc.Date) (bundle.Edit, error) {
	e := bundle.Edit{Records: bundle.Tables{}, Audit: tochuc.AuditEntry{ObjectType: f.Name,
		ObjectID: keyString(f, req.Values), Detail: map[string]any{"after": req.Values}}}
	isNew := len(req.Original) == 0
	mode := req.Mode
	if mode != modeChange || !periodic(f) || isNew {
		mode = modeCorrect
	}
	e.Audit.Action = f.Name + ".correct"
	if isNew {
		e.Audit.Action = f.Name + ".add"
	} else if mode == modeChange {
		if req.Effective == 0 {
			return e, tochuc.Errorf(tochuc.EInvalid, "cần ngày hiệu lực của thay đổi")
		}
		e.Audit.Action = f.Name + ".change"
		e.Audit.Detail["effective"] = req.Effective.String()
	}
	var before []string
	if !isNew {
		var err error
		if before, err = s.current(ctx, f, req.Original, d); err != nil {
			return e, err
		}
		e.Audit.Detail["before"] = cellsMap(f, before)
	}
	switch {
	case f.Name == "units":
		return e, s.planUnit(ctx, &e, req, mode, isNew)
	case mode == modeChange:
		old := cellsMap(f, before)
		newRow := maps.Clone(req.Values)
		if f.Name == "headcount" {
			newRow["date"] = req.Effective.String()
		} else { // assignments: the old post ends on E, the new one starts on it
			from := tochuc.MustDate(old["valid_from"])
			if req.Effective <= from {
				return e, tochuc.Errorf(tochuc.EInvalid, "ngày hiệu lực phải sau ngày bắt đầu %s của chức vụ", from.Vietnamese())
			}
			old["valid_to"] = req.Effective.String()
			newRow["valid_from"] = req.Effective.String()
			e.Records.Add(f.Name, old)
		}
		e.Records.Add(f.Name, newRow)
	default:
		if !isNew && keyString(f, req.Original) != keyString(f, req.Values) {
			e.Retract = append(e.Retract, bundle.Retraction{File: f.Name, Key: req.Original})
		}
		e.Records.Add(f.Name, req.Values)
	}
	return e, nil
}

// planUnit writes all versions of the unit: a bundle naming a unit gives them all.
func (s *Server) planUnit(ctx context.Context, e *bundle.Edit, req editRequest, mode string, isNew bool) error {
	var versions []tochuc.Unit
	if !isNew {
		vs, err := s.registry(ctx).UnitVersions(req.Original["id"])
		if err != nil {
			return err
		}
		versions = vs
	}
	f := bundle.FileByName("units")
	edited := cellsMap(f, nil)
	for k, v := range req.Values {
		edited[k] = v
	}
	rows := make([]map[string]string, 0, len(versions)+1)
	placed := isNew
	for _, v := range versions {
		row := cellsMap(f, unitCells(v))
		switch {
		case mode == modeCorrect && v.From.String() == req.Original["valid_from"]:
			row, placed = edited, true
		case mode == modeChange && v.Contains(req.Effective):
			placed = true
			if v.From == req.Effective {
				edited["valid_from"], edited["valid_to"] = v.From.String(), v.To.String()
				row = edited
				break
			}
			next := maps.Clone(edited)
			next["valid_from"], next["valid_to"] = req.Effective.String(), v.To.String()
			row["valid_to"] = req.Effective.String()
			rows = append(rows, next)
		}
		rows = append(rows, row)
	}
	if isNew {
		rows = append(rows, edited)
	}
	if !placed {
		return tochuc.Errorf(tochuc.EInvalid, "đơn vị không có phiên bản nào vào ngày %s", req.Effective.Vietnamese())
	}
	for _, r := range rows {
		e.Records.Add("units", r)
	}
	return nil
}

// cellsMap maps a file's columns to cells (empty when cells is nil).
func cellsMap(f *bundle.File, cells []string) map[string]string {
	m := make(map[string]string, len(f.Columns))
	for i, c := range f.Columns {
		if i < len(cells) {
			m[c.Name] = cells[i]
		} else {
			m[c.Name] = ""
		}
	}
	return m
}

// checkEditScope refuses an edit that names a unit or person outside the user's scope.
func (s *Server) checkEditScope(ctx context.Context, u tochuc.User, e bundle.Edit, d tochuc.Date) error {
	if scope(u) == "" {
		return nil
	}
	reg := s.registry(ctx)
	for name, rows := range e.Records {
		f := bundle.FileByName(name)
		for _, row := range rows[1:] {
			vals := cellsMap(f, row)
			if err := s.checkPersonScope(ctx, reg, u, name, vals); err != nil {
				return err
			}
			for _, col := range []string{"id", "parent_id", "locality_id", "unit_id"} {
				id := vals[col]
				if id == "" || (col == "id" && name != "units") {
					continue
				}
				if ok, err := s.canSeeUnit(ctx, reg, u, id, d); tochuc.ErrorCode(err) == tochuc.ENotFound && col == "id" {
					continue // a new unit: its parent or locality decides
				} else if err != nil && tochuc.ErrorCode(err) != tochuc.ENotFound {
					return err
				} else if !ok {
					return tochuc.Errorf(tochuc.EForbidden, "Đơn vị '%s' nằm ngoài phạm vi được giao.", id)
				}
			}
		}
	}
	return nil
}

// checkPersonScope refuses an edit of a person (or of a record naming a person
// but no unit) whom the user cannot see; a new person is allowed.
func (s *Server) checkPersonScope(ctx context.Context, reg Registry, u tochuc.User, file string, vals map[string]string) error {
	id := vals["person_id"]
	if file == "people" {
		id = vals["id"]
	}
	if id == "" || (file != "people" && vals["unit_id"] != "") {
		return nil
	}
	pf, err := reg.PersonFile(id)
	if tochuc.ErrorCode(err) == tochuc.ENotFound {
		return nil
	}
	if err != nil {
		return err
	}
	if ok, err := s.canSeePerson(ctx, u, pf); err != nil || !ok {
		if err != nil {
			return err
		}
		return tochuc.Errorf(tochuc.EForbidden, "Người có mã '%s' nằm ngoài phạm vi được giao.", id)
	}
	return nil
}
