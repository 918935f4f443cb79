package app

import (
	"context"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// The register of discipline (bundle-v1 amendment 1's discipline.csv): a
// confidential file, read only with the permission, inside the scope, each
// read logged by its caller (Scope.LogRead with the lines' Keys).

// DisciplineParams select a page of the register.
type DisciplineParams struct {
	sqldb.DisciplineFilter
	AsOf  tochuc.Date
	Scope string // a unit inside the account's scope: only disciplines of it, of units under it, or of people placed in it on the decision's day
}

// DisciplineLine is a discipline with the names of its subject and authority.
type DisciplineLine struct {
	tochuc.Discipline
	SubjectName   string `json:"subject_name"`
	AuthorityName string `json:"authority_name,omitempty"`
}

// DisciplinePage is a page of the register and the number of its lines.
type DisciplinePage struct {
	Total int
	Lines []DisciplineLine
	// Keys are the lines' record keys (subject_type|subject_id|date|form), for the audit log.
	Keys []string
}

// disciplineFile is the schema's discipline file.
var disciplineFile = bundle.FileByName("discipline")

// DisciplineCells are a discipline's cells, aligned to the file's columns.
func DisciplineCells(x tochuc.Discipline) []string {
	return cellsFrom(disciplineFile, map[string]string{"subject_type": x.SubjectType, "subject_id": x.SubjectID, "form": x.Form,
		"date": x.Date.String(), "authority_id": x.AuthorityID, "document_id": x.DocumentID, "reason": x.Reason})
}

// Disciplines returns a page of the register (offset, at most limit lines)
// of what the scope may read: it refuses an account without the permission
// to read confidential records.
func (s *Scope) Disciplines(ctx context.Context, p DisciplineParams, offset, limit int) (*DisciplinePage, error) {
	if !s.MayReadConfidential() {
		return nil, tochuc.Errorf(tochuc.EForbidden, "Tài khoản chưa được cấp quyền xem hồ sơ mật (kỷ luật).")
	}
	var sm *tochuc.ScopeMap
	if p.Scope != "" {
		if !s.UnitOn(p.Scope, p.AsOf) {
			return nil, tochuc.Errorf(tochuc.EForbidden, "Phạm vi '%s' nằm ngoài phạm vi được giao.", p.Scope)
		}
		var err error
		if sm, err = s.app.scopeMap(ctx, s.r, p.Scope); err != nil {
			return nil, err
		}
	}
	out := &DisciplinePage{Lines: []DisciplineLine{}}
	placed := map[string][]tochuc.Place{} // the places read, by person (a person disciplined twice is read once)
	err := s.r.EachDiscipline(ctx, p.DisciplineFilter, func(x tochuc.Discipline) error {
		ok, err := s.Row(ctx, disciplineFile, DisciplineCells(x))
		if err != nil {
			return err
		}
		if ok && sm != nil {
			ok, err = s.inUnit(ctx, sm, placed, x)
			if err != nil {
				return err
			}
		}
		if !ok {
			return nil
		}
		if out.Total >= offset && out.Total < offset+limit {
			out.Lines = append(out.Lines, DisciplineLine{Discipline: x})
			out.Keys = append(out.Keys, RecordKey(disciplineFile, DisciplineCells(x)))
		}
		out.Total++
		return nil
	})
	if err != nil {
		if tochuc.ErrorCode(err) == "" {
			err = sqldb.Fault(err)
		}
		return nil, err
	}
	var people, units []string
	for _, l := range out.Lines {
		if l.SubjectType == "person" {
			people = append(people, l.SubjectID)
		} else {
			units = append(units, l.SubjectID)
		}
		units = append(units, l.AuthorityID)
	}
	pn, err := s.r.PersonNames(ctx, people)
	if err != nil {
		return nil, sqldb.Fault(err)
	}
	un, err := s.r.UnitNames(ctx, units, p.AsOf)
	if err != nil {
		return nil, sqldb.Fault(err)
	}
	for i, l := range out.Lines {
		out.Lines[i].SubjectName = un[l.SubjectID]
		if l.SubjectType == "person" {
			out.Lines[i].SubjectName = pn[l.SubjectID]
		}
		out.Lines[i].AuthorityName = un[l.AuthorityID]
	}
	return out, nil
}

// inUnit reports whether a discipline lies in a scope map: a unit's inside
// it on the decision's day, or a person's placed (post or membership) inside
// it on that day.
func (s *Scope) inUnit(ctx context.Context, sm *tochuc.ScopeMap, placed map[string][]tochuc.Place, x tochuc.Discipline) (bool, error) {
	if x.SubjectType != "person" {
		return sm.InOn(x.SubjectID, x.Date), nil
	}
	places, ok := placed[x.SubjectID]
	if !ok {
		got, err := s.r.PersonPlaces(ctx, []string{x.SubjectID})
		if err != nil {
			return false, sqldb.Fault(err)
		}
		places = got[x.SubjectID]
		placed[x.SubjectID] = places
	}
	for _, pl := range places {
		if pl.Contains(x.Date) && sm.InOn(pl.UnitID, x.Date) {
			return true, nil
		}
	}
	return false, nil
}
