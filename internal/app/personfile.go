package app

import (
	"context"
	"strconv"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// PersonFile keeps of a person's file the records the scope may read: a
// district's clerk reads a cadre's posts, ratings and plans in the district,
// not those of the province the cadre went on to.
//
// Its confidential records (ratings, plans, discipline, the citizen id) are
// kept only for an account with the permission, and their read, through
// via (the page or API path), is written to the audit log.
func (s *Scope) PersonFile(ctx context.Context, f *tochuc.PersonFile, via string) (*tochuc.PersonFile, error) {
	out, err := s.personFile(ctx, f)
	if err != nil {
		return nil, err
	}
	if !s.MayReadConfidential() {
		out.Evaluations, out.Plans, out.Discipline, out.CitizenID = nil, nil, nil, ""
		return out, nil
	}
	for _, rd := range personReads(out, via) {
		if err := s.LogRead(ctx, rd); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// personReads lists the confidential records of a person's file, by file.
func personReads(f *tochuc.PersonFile, via string) []ConfidentialRead {
	var out []ConfidentialRead
	add := func(file string, keys []string) {
		if len(keys) > 0 {
			out = append(out, ConfidentialRead{File: file, Via: via, Keys: keys})
		}
	}
	if f.CitizenID != "" {
		add("people", []string{f.ID})
	}
	var keys []string
	for _, e := range f.Evaluations {
		keys = append(keys, strconv.Itoa(e.Year)+"|"+e.Period+"|"+e.SubjectType+"|"+e.SubjectID+"|"+e.Category)
	}
	add("evaluations", keys)
	keys = nil
	for _, p := range f.Plans {
		keys = append(keys, p.Term+"|"+p.UnitID+"|"+p.Role+"|"+p.PersonID)
	}
	add("plans", keys)
	keys = nil
	for _, d := range f.Discipline {
		keys = append(keys, d.SubjectType+"|"+d.SubjectID+"|"+d.Date.String()+"|"+d.Form)
	}
	add("discipline", keys)
	return out
}

// personFile keeps the records of a person's file that the scope may read.
func (s *Scope) personFile(ctx context.Context, f *tochuc.PersonFile) (*tochuc.PersonFile, error) {
	out := *f
	if s.view == nil {
		return &out, nil
	}
	var err error
	keep := func(file string, vals map[string]string) bool {
		if err != nil {
			return false
		}
		bf := bundle.FileByName(file)
		ok, e := s.Row(ctx, bf, cellsFrom(bf, vals))
		err = e
		return ok
	}
	out.Assignments = nil
	for _, a := range f.Assignments {
		if keep("assignments", map[string]string{"person_id": f.ID, "unit_id": a.UnitID, "role": a.Role,
			"valid_from": a.From.String(), "valid_to": a.To.String(), "how": a.How, "document_id": a.DocumentID}) {
			out.Assignments = append(out.Assignments, a)
		}
	}
	out.Events = nil
	for _, e := range f.Events {
		if keep("party", map[string]string{"person_id": f.ID, "event": e.Event, "date": e.Date.String(), "unit_id": e.UnitID}) {
			out.Events = append(out.Events, e)
		}
	}
	out.Evaluations = nil
	for _, e := range f.Evaluations {
		if keep("evaluations", map[string]string{"year": strconv.Itoa(e.Year), "subject_type": e.SubjectType,
			"subject_id": e.SubjectID, "category": e.Category, "rating": e.Rating, "rated_by_id": e.RatedByID,
			"decided_on": e.DecidedOn.String(), "period": e.Period, "status": e.Status}) {
			out.Evaluations = append(out.Evaluations, e)
		}
	}
	out.Plans = nil
	for _, p := range f.Plans {
		if keep("plans", map[string]string{"term": p.Term, "unit_id": p.UnitID, "role": p.Role, "person_id": f.ID,
			"added_on": p.AddedOn.String(), "removed_on": p.RemovedOn.String(), "document_id": p.DocumentID}) {
			out.Plans = append(out.Plans, p)
		}
	}
	out.Discipline = nil
	for _, d := range f.Discipline {
		if keep("discipline", map[string]string{"subject_type": d.SubjectType, "subject_id": d.SubjectID, "form": d.Form,
			"date": d.Date.String(), "authority_id": d.AuthorityID, "document_id": d.DocumentID}) {
			out.Discipline = append(out.Discipline, d)
		}
	}
	return &out, err
}

// cellsFrom aligns a record's values to its file's columns.
func cellsFrom(f *bundle.File, vals map[string]string) []string {
	cells := make([]string, len(f.Columns))
	for i, c := range f.Columns {
		cells[i] = vals[c.Name]
	}
	return cells
}

// AssignmentCells renders a post as the cells of assignments.csv.
func AssignmentCells(a tochuc.Assignment) []string {
	return cellsFrom(bundle.FileByName("assignments"), map[string]string{"person_id": a.PersonID, "unit_id": a.UnitID,
		"role": a.Role, "valid_from": a.From.String(), "valid_to": a.To.String(), "how": a.How, "document_id": a.DocumentID})
}

// PersonCells renders a person as the cells of people.csv.
func PersonCells(p tochuc.Person) []string {
	return cellsFrom(bundle.FileByName("people"), map[string]string{"id": p.ID, "full_name": p.FullName, "gender": p.Gender,
		"birth_date": p.BirthDate.String(), "ethnicity": p.Ethnicity, "religion": p.Religion, "died_on": p.DiedOn.String(),
		"citizen_id": p.CitizenID, "birthplace": p.Birthplace, "hometown": p.Hometown, "residence": p.Residence,
		"general_education": p.GeneralEducation})
}
