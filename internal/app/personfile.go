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
func (s *Scope) PersonFile(ctx context.Context, f *tochuc.PersonFile) (*tochuc.PersonFile, error) {
	if s.view == nil {
		return f, nil
	}
	out := *f
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
			"decided_on": e.DecidedOn.String()}) {
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
