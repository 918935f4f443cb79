package sqldb

import (
	"context"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// Cadre planning reads: the terms of office, a unit's nominees, the plans
// list of the API and the nominees counted for a plan's structure.

// maxTerms bounds the terms read (a few terms a level).
const maxTerms = 1000

// Terms returns the terms of office held, latest term first, by level.
func (r *Reader) Terms(ctx context.Context) ([]tochuc.TermRow, error) {
	var out []tochuc.TermRow
	err := r.each(ctx, `SELECT term, level, starts_on, ends_on, COALESCE(document_id, '') FROM terms WHERE `+r.rec.where("")+`
		ORDER BY term DESC, level LIMIT `+itoa(int64(maxTerms)), nil, func(s scanner) error {
		var t tochuc.TermRow
		err := s.Scan(&t.Term, &t.Level, &t.StartsOn, &t.EndsOn, &t.DocumentID)
		out = append(out, t)
		return err
	})
	return out, err
}

// PlanRow is a plan row with its version and what the planning pages show
// of its person.
type PlanRow struct {
	tochuc.Plan
	Version   int64
	FullName  string
	Gender    string
	Birth     tochuc.Date
	Ethnicity string
}

// PlanFilter narrows the plans read; empty fields do not filter. AsOf,
// when set, keeps the plans held on that day (added_on <= AsOf < removed_on).
//
// Units, when not nil, keeps the plans of those units (a scope's units, so
// that a scope's list reads only its rows); at most MaxPlanUnits.
type PlanFilter struct {
	Term, UnitID, PersonID string
	AsOf                   tochuc.Date
	Units                  []string
}

// MaxPlanUnits bounds PlanFilter.Units (one query's parameters, on both engines).
const MaxPlanUnits = 20000

// Plans returns a page of plan rows (limit, offset), by term, unit, role, person.
func (r *Reader) Plans(ctx context.Context, f PlanFilter, limit, offset int) ([]PlanRow, error) {
	q := `SELECT p.term, p.unit_id, p.role, p.person_id, p.added_on, p.removed_on, COALESCE(p.removal_reason, ''),
		COALESCE(p.document_id, ''), p.rec_cs, pe.full_name, COALESCE(pe.gender, ''), pe.birth_date, COALESCE(pe.ethnicity, '')
		FROM plans p JOIN people pe ON pe.id = p.person_id AND ` + r.rec.where("pe") + ` WHERE ` + r.rec.where("p")
	var args []any
	for col, v := range map[string]string{"p.term": f.Term, "p.unit_id": f.UnitID, "p.person_id": f.PersonID} {
		if v != "" {
			q += ` AND ` + col + ` = ?`
			args = append(args, v)
		}
	}
	if f.Units != nil {
		if len(f.Units) == 0 || len(f.Units) > MaxPlanUnits {
			return nil, nil
		}
		q += ` AND p.unit_id IN (` + placeholders(len(f.Units)) + `)`
		args = append(args, anys(f.Units)...)
	}
	if f.AsOf != 0 {
		q += ` AND p.added_on <= ? AND (p.removed_on IS NULL OR p.removed_on > ?)`
		args = append(args, f.AsOf, f.AsOf)
	}
	q += ` ORDER BY p.term, p.unit_id, p.role, p.person_id LIMIT ` + itoa(int64(limit)) + ` OFFSET ` + itoa(int64(offset))
	var out []PlanRow
	err := r.each(ctx, q, args, func(s scanner) error {
		var p PlanRow
		err := s.Scan(&p.Term, &p.UnitID, &p.Role, &p.PersonID, &p.AddedOn, &p.RemovedOn, &p.RemovalReason, &p.DocumentID,
			&p.Version, &p.FullName, &p.Gender, &p.Birth, &p.Ethnicity)
		out = append(out, p)
		return err
	})
	return out, err
}

// EachPlanNominee streams the plans of a term held on d with their person's
// traits, by person (a person planned for several posts comes in a run),
// so that a caller counts each person once in constant memory.
func (r *Reader) EachPlanNominee(ctx context.Context, term string, d tochuc.Date,
	fn func(unitID, role, personID string, n tochuc.Nominee) error) error {
	return r.each(ctx, `SELECT p.unit_id, p.role, p.person_id, COALESCE(pe.gender, ''), COALESCE(pe.ethnicity, ''), pe.birth_date
		FROM plans p JOIN people pe ON pe.id = p.person_id AND `+r.rec.where("pe")+`
		WHERE `+r.rec.where("p")+` AND p.term = ? AND p.added_on <= ? AND (p.removed_on IS NULL OR p.removed_on > ?)
		ORDER BY p.person_id, p.unit_id, p.role`, []any{term, d, d}, func(s scanner) error {
		var unit, role, person string
		var n tochuc.Nominee
		if err := s.Scan(&unit, &role, &person, &n.Gender, &n.Ethnicity, &n.Birth); err != nil {
			return err
		}
		return fn(unit, role, person, n)
	})
}
