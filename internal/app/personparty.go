package app

import (
	"context"
	"strconv"

	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// PersonParty returns a member's party record (cards, awards, temporary
// attendance, admissions' ceremony and introducers, the latest dues paid by
// d) keeping the rows the scope may read, as PersonFile does.
func (s *Scope) PersonParty(ctx context.Context, id string, d tochuc.Date) (*sqldb.PersonParty, error) {
	p, err := s.r.PersonParty(ctx, id, d)
	if err != nil || s.view == nil {
		return p, sqldb.Fault(err)
	}
	keep := func(file string, vals map[string]string) bool {
		if err != nil {
			return false
		}
		var ok bool
		ok, err = s.rowOf(ctx, file, vals)
		return ok
	}
	out := &sqldb.PersonParty{}
	for _, c := range p.Cards {
		if keep("party_cards", map[string]string{"person_id": id, "number": c.Number, "issued_on": c.IssuedOn.String(), "revoked_on": c.RevokedOn.String()}) {
			out.Cards = append(out.Cards, c)
		}
	}
	for _, a := range p.Awards {
		if keep("awards", map[string]string{"person_id": id, "kind": a.Kind, "date": a.Date.String(), "document_id": a.DocumentID}) {
			out.Awards = append(out.Awards, a)
		}
	}
	for _, t := range p.Temporary {
		if keep("party_temporary", map[string]string{"person_id": id, "unit_id": t.UnitID, "valid_from": t.From.String(), "valid_to": t.To.String()}) {
			out.Temporary = append(out.Temporary, t)
		}
	}
	for _, a := range p.Admissions {
		if keep("party", map[string]string{"person_id": id, "event": tochuc.EventAdmitted, "date": a.Date.String(), "unit_id": a.UnitID}) {
			out.Admissions = append(out.Admissions, a)
		}
	}
	if p.LastDues != "" && keep("party_dues", map[string]string{"person_id": id, "month": p.LastDues, "amount": strconv.Itoa(0),
		"paid_on": p.LastPaidOn.String()}) {
		out.LastDues, out.LastPaidOn = p.LastDues, p.LastPaidOn
	}
	return out, sqldb.Fault(err)
}

// rowOf reports whether the scope may read a record of a file given by its values.
func (s *Scope) rowOf(ctx context.Context, file string, vals map[string]string) (bool, error) {
	bf := bundle.FileByName(file)
	if bf == nil {
		return false, nil
	}
	return s.Row(ctx, bf, cellsFrom(bf, vals))
}
