package sqldb

import (
	"context"
	"database/sql"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// PersonFile is everything held about a person (see tochuc.PersonFile).
type PersonFile = tochuc.PersonFile

// Person returns a person, or an error with code ENotFound.
func (r *Reader) Person(ctx context.Context, id string) (tochuc.Person, error) {
	var p tochuc.Person
	err := r.q.QueryRowContext(ctx, r.db.rebind(`SELECT id, full_name, COALESCE(gender, ''), birth_date,
		COALESCE(ethnicity, ''), COALESCE(religion, ''), died_on, COALESCE(citizen_id, ''), COALESCE(birthplace, ''),
		COALESCE(hometown, ''), COALESCE(residence, ''), COALESCE(general_education, '') FROM people WHERE `+r.rec.where("")+` AND id = ?`), id).
		Scan(&p.ID, &p.FullName, &p.Gender, &p.BirthDate, &p.Ethnicity, &p.Religion, &p.DiedOn, &p.CitizenID, &p.Birthplace,
			&p.Hometown, &p.Residence, &p.GeneralEducation)
	if err == sql.ErrNoRows {
		return p, tochuc.Errorf(tochuc.ENotFound, "không có người có mã '%s'", id)
	}
	return p, err
}

// PersonFile returns everything held about a person.
func (r *Reader) PersonFile(ctx context.Context, id string) (*PersonFile, error) {
	p, err := r.Person(ctx, id)
	if err != nil {
		return nil, err
	}
	f := &PersonFile{Person: p}
	w := r.rec.where("")
	err = r.each(ctx, `SELECT kind, level, obtained_on FROM qualifications WHERE `+w+` AND person_id = ?
		ORDER BY obtained_on, kind, level`, []any{id}, func(s scanner) error {
		var q tochuc.Qualification
		err := s.Scan(&q.Kind, &q.Level, &q.ObtainedOn)
		f.Qualifications = append(f.Qualifications, q)
		return err
	})
	if err == nil {
		err = r.each(ctx, `SELECT event, date, COALESCE(unit_id, ''), COALESCE(status, '') FROM party WHERE `+w+`
			AND person_id = ? ORDER BY date, seq`, []any{id}, func(s scanner) error {
			var e tochuc.MembershipEvent
			err := s.Scan(&e.Event, &e.Date, &e.UnitID, &e.Status)
			f.Events = append(f.Events, e)
			return err
		})
	}
	if err == nil {
		err = r.each(ctx, `SELECT person_id, unit_id, role, COALESCE(how, ''), COALESCE(document_id, ''), valid_from, valid_to
			FROM assignments WHERE `+w+` AND person_id = ? ORDER BY valid_from, unit_id, role`, []any{id}, func(s scanner) error {
			var a tochuc.Assignment
			err := s.Scan(&a.PersonID, &a.UnitID, &a.Role, &a.How, &a.DocumentID, &a.From, &a.To)
			f.Assignments = append(f.Assignments, a)
			return err
		})
	}
	if err == nil {
		err = r.each(ctx, `SELECT year, subject_type, subject_id, category, rating, COALESCE(rated_by_id, ''), decided_on,
			COALESCE(period, 'year'), score, COALESCE(status, 'decided')
			FROM evaluations WHERE `+w+` AND subject_type = 'person' AND subject_id = ? ORDER BY year, period, category`, []any{id},
			func(s scanner) error {
				var e tochuc.Evaluation
				var score sql.NullInt64
				err := s.Scan(&e.Year, &e.SubjectType, &e.SubjectID, &e.Category, &e.Rating, &e.RatedByID, &e.DecidedOn,
					&e.Period, &score, &e.Status)
				if score.Valid {
					n := int(score.Int64)
					e.Score = &n
				}
				f.Evaluations = append(f.Evaluations, e)
				return err
			})
	}
	if err == nil {
		err = r.each(ctx, `SELECT subject_type, subject_id, form, date, COALESCE(authority_id, ''), COALESCE(document_id, ''),
			COALESCE(reason, '') FROM discipline WHERE `+w+` AND subject_type = 'person' AND subject_id = ? ORDER BY date, form`,
			[]any{id}, func(s scanner) error {
				var d tochuc.Discipline
				err := s.Scan(&d.SubjectType, &d.SubjectID, &d.Form, &d.Date, &d.AuthorityID, &d.DocumentID, &d.Reason)
				f.Discipline = append(f.Discipline, d)
				return err
			})
	}
	if err == nil {
		err = r.each(ctx, `SELECT term, unit_id, role, person_id, added_on, removed_on, COALESCE(removal_reason, ''),
			COALESCE(document_id, '') FROM plans WHERE `+w+` AND person_id = ? ORDER BY added_on, term`, []any{id},
			func(s scanner) error {
				var p tochuc.Plan
				err := s.Scan(&p.Term, &p.UnitID, &p.Role, &p.PersonID, &p.AddedOn, &p.RemovedOn, &p.RemovalReason, &p.DocumentID)
				f.Plans = append(f.Plans, p)
				return err
			})
	}
	return f, err
}

type scanner interface{ Scan(...any) error }

// each runs a query (with ? placeholders) and calls fn for each row.
func (r *Reader) each(ctx context.Context, q string, args []any, fn func(scanner) error) error {
	return r.eachRow(ctx, q, args, func(rows *sql.Rows) error { return fn(rows) })
}
